// The precise matcher for one Rust file: find which needles may occur (from
// the text, or for long runs from its bytes), settle without tokens the
// files whose mentions all sit in comments, literals or plain test items,
// and otherwise lex, find test code and module declarations, expand `use`
// trees, and search needles in what is left.

import { isAscii } from 'node:buffer';
import { ASCII_IDENT_CONTINUE, identCharBefore, isIdentContinue, isIdentStart, isRustWhitespace } from './chars.js';
import { buildCodeView, type CodeView } from './codeView.js';
import { tokenize } from './lexer.js';
import { collectModuleDecls } from './moduleDecls.js';
import { anchorsInText, boundsHold, compileNeedles, possibleNeedles, type CompiledNeedle, type Fragment, type NeedleSet } from './needles.js';
import { ByteAnchorScan } from './byteAnchors.js';
import { makeLocator } from './positions.js';
import { testRegions } from './testRegions.js';
import { Scratch } from './scratch.js';
import { onlyInTestModules, STATEFUL_CHARS } from './testModuleSkim.js';
import { LITERAL, pairBrackets, type TokenStream } from './tokens.js';
import type { DeferredDecls, ModuleFactsMode, NeedleHit, RustAnalysis } from './types.js';
import { expandUseTree, startsUseItem, usePathMatchOffset, usePathOffsetAfter } from './useTree.js';
import { NameTable, matchStartAllowed, needleShape, resolvedCodeHits, resolvedUseHits } from './pathMatch.js';

/** This thread's reusable arrays: analysis is synchronous, one file at a time. */
const scratch = new Scratch();

interface RawHit {
  needle: CompiledNeedle;
  offset: number;
  length: number;
}

/**
 * Needle hits in the production code of one Rust source (test code skipped,
 * `use` trees expanded), whether the whole file is test-only, and its
 * out-of-line module declarations. Never throws.
 */
export function analyzeRust(text: string, needles: readonly string[], opts: AnalyzeOptions = {}): RustAnalysis {
  return analyze(text, needles, true, opts.moduleFacts ?? true, opts);
}

export interface AnalyzeOptions {
  /**
   * Whether a file without hits must still report its module facts (test-only
   * file, `mod x;` declarations); see ModuleFactsMode. A check of a few files
   * reads parents on demand, and so can skip lexing every file that cannot
   * hold a hit; the full audit defers the facts of files that may declare
   * modules and fetches those a lookup needs. Default true.
   */
  moduleFacts?: ModuleFactsMode;
  /** The scan anchors found in the text, when preScanBytes already knows them. */
  anchorsFound?: Uint8Array;
  /** Where they occur, when preScanBytes knows that too (see PreScan). */
  anchorSites?: readonly number[];
  /** See PreScan. */
  markStateful?: () => Uint32Array;
  /** The file is a crate root (`crate::x` names its own items); see NameOptions. */
  crateRoot?: boolean;
}

/** What a look at the bytes already knows (AnalyzeOptions without moduleFacts). */
type BytesKnown = Omit<AnalyzeOptions, 'moduleFacts'>;

/** What a look at a file's bytes says before any decoding. */
export interface PreScan {
  /** Whether the bytes are all ASCII (and so their text is their Latin-1 reading). */
  ascii: boolean;
  /** The scan anchors found (as anchorsInText would say). */
  anchorsFound: Uint8Array;
  /** Whether analyzeRust would return nothing at all: no needle can match, and no module facts can be there (or none are asked for). */
  nothingToFind: boolean;
  /**
   * For an ASCII file (byte offsets are then text offsets): every occurrence
   * of an anchor, bounds holding and not surely in a line comment, as pairs
   * of offset and index in the set's anchors.
   */
  anchorSites?: number[];
  /**
   * For an ASCII file: marks where the characters that stop the test-module
   * skim are (see onlyInTestModules), found by the SIMD filter. Valid only
   * until the filter's next file, so for the analysis of this one.
   */
  markStateful?: () => Uint32Array;
}

/**
 * The first look of a run over many files, at their UTF-8 bytes: scan
 * anchors come from the SIMD filter (byteAnchors.ts, worth its set-up over
 * many files, not a few), and most files need no decoding at all. Undefined
 * when the filter is unavailable or the file too large for it.
 */
export function preScanBytes(bytes: Buffer, needles: readonly string[], moduleFacts: ModuleFactsMode): PreScan | undefined {
  const set = compileNeedles(needles);
  const ascii = isAscii(bytes);
  const anchorSites = ascii ? [] : undefined;
  const scan = ByteAnchorScan.for(set);
  const anchorsFound = scan?.anchorsIn(bytes, anchorSites);
  if (scan === undefined || anchorsFound === undefined) return undefined;
  const nothingToFind =
    !anchorsFound.includes(1) &&
    set.anchorless.length === 0 &&
    // Deferred facts need only know that no `mod x;` is there (a test-only file's facts are fetched as a parent's).
    (moduleFacts === false || (ascii && !mayDeclareModuleAscii(bytes) && (moduleFacts === 'deferred' || !mayHaveTestInnerAttributeAscii(bytes))));
  const markStateful = ascii && !nothingToFind ? () => scan.markLastInput(bytes.length, STATEFUL_CHARS) : undefined;
  return { ascii, anchorsFound, nothingToFind, anchorSites, markStateful };
}

/**
 * The same analysis without the shortcuts (prefilter, fast path, windowed
 * search): every needle is searched in the whole view. Slower; it exists so
 * tests can check that the shortcuts never change a result.
 */
export function analyzeRustExhaustively(text: string, needles: readonly string[]): RustAnalysis {
  return analyze(text, needles, false, true);
}

function analyze(text: string, needles: readonly string[], shortcuts: boolean, moduleFacts: ModuleFactsMode, known: BytesKnown = {}): RustAnalysis {
  const { anchorsFound, anchorSites, markStateful } = known;
  const compiled = compileNeedles(needles);
  const live = shortcuts ? possibleNeedles(text, compiled, anchorsFound ?? anchorsInText(text, compiled)) : compiled.needles.filter((nd) => nd.pattern !== '');
  let declares: boolean | undefined; // whether a `mod x;` may be in the file, asked once
  const mayDeclare = (): boolean => (declares ??= mayDeclareModule(text));
  // Module facts matter now when asked for and the file may have some to
  // report (a `mod x;`, a test-only inner attribute). When they do not:
  if (shortcuts && !(moduleFacts === true && (mayDeclare() || mayHaveTestInnerAttribute(text)))) {
    const nothing = (): RustAnalysis => {
      const deferred: DeferredDecls | undefined = moduleFacts === 'deferred' && mayDeclare() ? { names: declaredModuleNames(text) } : undefined;
      return deferred ? { hits: [], testOnlyFile: false, moduleDecls: [], deferredDecls: deferred } : { hits: [], testOnlyFile: false, moduleDecls: [] };
    };
    // most files hold no needle at all, and need no lexing;
    if (live.length === 0) return nothing();
    // one whose every mention sits in comments, literals or a plain
    // `#[cfg(test)] mod … { … }` needs no tokens either.
    const at = anchorOccurrences(text, live, compiled, anchorSites);
    if (at !== undefined && onlyInTestModules(text, at, markStateful?.())) return nothing();
  }

  const ts = tokenize(text, scratch);
  const pairs = pairBrackets(ts, scratch);
  const tests = testRegions(ts, pairs, scratch);
  const locate = makeLocator(text);
  const moduleDecls = !shortcuts || mayDeclare() ? collectModuleDecls(ts, pairs, tests.mask, tests.testOnlyFile, locate) : [];
  if (tests.testOnlyFile || live.length === 0) {
    return { hits: [], testOnlyFile: tests.testOnlyFile, moduleDecls };
  }
  // Most files that mention a needle do so in test code, comments or
  // strings: when no anchor starts in a production-code token, no match can
  // (every match spells its anchor in such a token), so `use` trees and
  // views are not built.
  if (shortcuts && live.every((nd) => nd.anchor !== undefined && !anchorInCode(ts, tests.mask, nd.anchor)) && useItemsStayInCode(ts, pairs, tests.mask)) {
    return { hits: [], testOnlyFile: false, moduleDecls };
  }

  const raw: RawHit[] = [];
  const record = (nd: CompiledNeedle, offset: number, length: number): void => {
    raw.push({ needle: nd, offset, length: Math.max(1, length) });
  };
  // Test code, and below also expanded `use` items, stay out of the view.
  const omit = tests.mask;
  // Names are read before `use` items join the omitted tokens: they are what names come from.
  const names = new NameTable(ts, pairs, omit, { crateRoot: known.crateRoot === true });
  const shapes = new Map(live.map((nd) => [nd, needleShape(nd.pattern)]));
  const pathNeedles = live.map((nd) => ({ needle: nd, pattern: nd.pattern, shape: shapes.get(nd)! }));

  // `use` items are judged by their expanded paths instead of their text.
  // Found through the text (a few `use`s among thousands of tokens).
  let afterTree = 0;
  for (let at = text.indexOf('use'); at >= 0; at = text.indexOf('use', at + 3)) {
    const k = tokenAt(ts, at);
    if (ts.start[k] !== at || k < afterTree || omit[k] !== 0 || !startsUseItem(ts, k)) continue;
    const tree = expandUseTree(ts, k, pairs);
    for (const path of tree.paths) {
      for (const h of resolvedUseHits(ts, names, path, k, pathNeedles)) record(h.needle, h.offset, h.length);
      for (const nd of live) {
        for (let at = path.text.indexOf(nd.pattern); at >= 0; at = path.text.indexOf(nd.pattern, at + 1)) {
          if (!matchStartAllowed(path.text, at, shapes.get(nd)!)) continue;
          const end = at + nd.pattern.length;
          const offset = usePathMatchOffset(ts, path, at, end);
          record(nd, offset, usePathOffsetAfter(ts, path, end - 1) - offset);
        }
      }
    }
    omit.fill(1, k, tree.end);
    afterTree = tree.end;
  }

  const search = (nd: CompiledNeedle, view: CodeView): void => {
    for (let at = view.text.indexOf(nd.pattern); at >= 0; at = view.text.indexOf(nd.pattern, at + 1)) {
      if (!matchStartAllowed(view.text, at, shapes.get(nd)!)) continue;
      const offset = view.offsetAt(at);
      record(nd, offset, view.offsetAt(at + nd.pattern.length - 1) + 1 - offset);
    }
  };
  let whole: CodeView | undefined;
  for (const nd of live) {
    if (!shortcuts || nd.anchor === undefined) {
      whole ??= buildCodeView(ts, omit);
      search(nd, whole);
    } else {
      for (const [from, to] of anchorWindows(ts, nd.anchor, nd.pattern.length + 1)) {
        search(nd, buildCodeView(ts, omit, from, to));
      }
    }
  }

  for (const h of resolvedCodeHits(ts, pairs, names, omit, pathNeedles)) record(h.needle, h.offset, h.length);

  raw.sort((a, b) => a.offset - b.offset || a.needle.rank - b.needle.rank);
  const hits: NeedleHit[] = [];
  const seenHere = new Set<string>(); // needles already reported at the current offset
  let at = -1;
  for (const h of raw) {
    if (h.offset !== at) {
      at = h.offset;
      seenHere.clear();
    }
    // The same needle listed twice is still one finding per place.
    if (seenHere.has(h.needle.needle)) continue;
    seenHere.add(h.needle.needle);
    const { line, column } = locate(h.offset);
    hits.push({ needle: h.needle.needle, offset: h.offset, line, column, length: h.length });
  }
  return { hits, testOnlyFile: false, moduleDecls };
}

/**
 * Token windows that hold every possible match of a needle: a match contains
 * an occurrence of the needle's anchor, verbatim in the source, and spans at
 * most `reach` tokens on either side of it. Overlapping windows merge, so the
 * work stays linear however often the anchor occurs; a window's view is a
 * substring of the whole view, so nothing it finds is spurious.
 */
function anchorWindows(ts: TokenStream, anchor: Fragment, reach: number): Array<[number, number]> {
  const text = ts.src;
  const windows: Array<[number, number]> = [];
  for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    if (!boundsHold(text, at, anchor)) continue;
    const k = tokenAt(ts, at);
    const from = Math.max(0, k - reach);
    const to = Math.min(ts.count, k + reach + 1);
    const last = windows[windows.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

/**
 * Where the anchors of `live` occur (bounds and neighbours allowing),
 * ascending; from `sites` (see PreScan) when given, else searched in the
 * text. Undefined when a needle has no anchor.
 */
function anchorOccurrences(text: string, live: readonly CompiledNeedle[], set: NeedleSet, sites?: readonly number[]): number[] | undefined {
  const at = new Set<number>();
  for (const nd of live) {
    const anchor = nd.anchor;
    if (anchor === undefined) return undefined;
    if (sites !== undefined) {
      const id = set.anchorOf[nd.rank];
      for (let k = 0; k < sites.length; k += 2) {
        if (sites[k + 1] === id) at.add(sites[k]!);
      }
      continue;
    }
    for (let k = text.indexOf(anchor.text); k >= 0; k = text.indexOf(anchor.text, k + 1)) {
      if (boundsHold(text, k, anchor)) at.add(k);
    }
  }
  return [...at].sort((a, b) => a - b);
}

/** Whether `anchor` occurs (bounds and neighbours allowing) starting inside a token that is neither omitted nor a literal. */
function anchorInCode(ts: TokenStream, omit: Uint8Array, anchor: Fragment): boolean {
  const text = ts.src;
  for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    if (!boundsHold(text, at, anchor)) continue;
    const k = tokenAt(ts, at);
    if (ts.start[k]! <= at && at < ts.end[k]! && omit[k] === 0 && ts.kind[k] !== LITERAL) return true;
  }
  return false;
}

/**
 * Whether no `use` item of production code reaches test code: an item left
 * open (no `;`) takes what follows into its paths (useTree.ts), test code
 * included, so an anchor there can still match. Each item is measured as
 * the `use` pass below would expand it.
 */
function useItemsStayInCode(ts: TokenStream, pairs: Int32Array, omit: Uint8Array): boolean {
  const text = ts.src;
  let afterTree = 0;
  for (let at = text.indexOf('use'); at >= 0; at = text.indexOf('use', at + 3)) {
    const k = tokenAt(ts, at);
    if (ts.start[k] !== at || k < afterTree || omit[k] !== 0 || !startsUseItem(ts, k)) continue;
    afterTree = expandUseTree(ts, k, pairs).end;
    if (omit.subarray(k, afterTree).includes(1)) return false;
  }
  return true;
}

/** Index of the last token starting at or before `offset` (0 if none). */
function tokenAt(ts: TokenStream, offset: number): number {
  let lo = 0;
  let hi = ts.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ts.start[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The `mod name` words of a text that are not followed by `{` (what may be a
 * `mod name;`), in order, until `visit` returns true; 'unsure' when a
 * comment stands where a name would be. Strings and comments are not told
 * apart: callers need only a maybe.
 */
function scanModDecls(text: string, visit: (name: string) => boolean): 'unsure' | 'done' {
  for (let at = text.indexOf('mod'); at >= 0; at = text.indexOf('mod', at + 3)) {
    if (identCharBefore(text, at)) continue;
    let k = at + 3;
    const after = text.charCodeAt(k);
    if (after !== 0x2f && !isRustWhitespace(after)) continue;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x2f) return 'unsure'; // a comment: do not guess
    if (text.startsWith('r#', k)) k += 2;
    if (!isIdentStart(text.charCodeAt(k))) continue;
    const start = k;
    while (isIdentContinue(text.charCodeAt(k))) k++;
    const end = k;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x7b && visit(text.slice(start, end))) return 'done';
  }
  return 'done';
}

/**
 * Conservative: false only when no `mod name;` can be in the file, i.e. every
 * `mod` word is followed by a name and then `{`.
 */
export function mayDeclareModule(text: string): boolean {
  let found = false;
  return scanModDecls(text, () => (found = true)) === 'unsure' || found;
}

/**
 * Conservative: false only when the file cannot hold a test-only `#![...]`:
 * no `#` followed (after whitespace) by `!`, or by `/` (a comment may stand
 * between the two). A loop over `#`s: ~15× faster than the equivalent regex.
 */
export function mayHaveTestInnerAttribute(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let k = at + 1;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    const c = text.charCodeAt(k);
    if (c === 0x21 /* ! */ || c === 0x2f /* / */) return text.includes('test');
  }
  return false;
}

/**
 * The names a file may declare with `mod name;` (`r#` dropped), found in its
 * text; undefined when the text cannot tell: a comment where a name would
 * be, or a possible `#[path]`, which can make any declaration name any file.
 * Words in comments and strings count too: more names only cost a lookup.
 */
export function declaredModuleNames(text: string): string[] | undefined {
  if (mayHavePathAttribute(text)) return undefined;
  const names: string[] = [];
  const told = scanModDecls(text, (name) => {
    if (!names.includes(name)) names.push(name);
    return false;
  });
  return told === 'unsure' ? undefined : names;
}

/**
 * Conservative: false only when the file cannot hold a `#[path …]` or
 * `#![path …]` attribute (trivia may stand between its tokens).
 */
export function mayHavePathAttribute(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let k = at + 1;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x21 /* ! */) {
      k++;
      while (isRustWhitespace(text.charCodeAt(k))) k++;
    }
    if (text.charCodeAt(k) === 0x2f /* / */) return true;
    if (text.charCodeAt(k) !== 0x5b /* [ */) continue;
    k++;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x2f || text.startsWith('path', k) || text.startsWith('r#path', k)) return true;
  }
  return false;
}

// mayDeclareModule and mayHaveTestInnerAttribute over the bytes of an ASCII-only file, where each byte
// is its char code: files that need no lexing then need no decoding either.
// A property test holds each to its text twin.

const isAsciiSpace = (c: number | undefined): boolean => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d);
const isAsciiIdentContinue = (c: number | undefined): boolean => c !== undefined && ASCII_IDENT_CONTINUE[c] === 1;

/** mayDeclareModule for an ASCII-only file's bytes. */
export function mayDeclareModuleAscii(bytes: Buffer): boolean {
  for (let at = bytes.indexOf('mod'); at >= 0; at = bytes.indexOf('mod', at + 3)) {
    if (isAsciiIdentContinue(bytes[at - 1])) continue;
    let k = at + 3;
    if (bytes[k] !== 0x2f && !isAsciiSpace(bytes[k])) continue;
    while (isAsciiSpace(bytes[k])) k++;
    if (bytes[k] === 0x2f) return true;
    if (bytes[k] === 0x72 && bytes[k + 1] === 0x23) k += 2; // r#
    if (!isAsciiIdentContinue(bytes[k]) || (bytes[k]! >= 0x30 && bytes[k]! <= 0x39)) continue;
    while (isAsciiIdentContinue(bytes[k])) k++;
    while (isAsciiSpace(bytes[k])) k++;
    if (bytes[k] !== 0x7b) return true;
  }
  return false;
}

/** mayHaveTestInnerAttribute for an ASCII-only file's bytes. */
export function mayHaveTestInnerAttributeAscii(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(0x23); at >= 0; at = bytes.indexOf(0x23, at + 1)) {
    let k = at + 1;
    while (isAsciiSpace(bytes[k])) k++;
    if (bytes[k] === 0x21 || bytes[k] === 0x2f) return bytes.includes('test');
  }
  return false;
}
