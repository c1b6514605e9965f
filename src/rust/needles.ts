// Needles as the matcher uses them: normalised like the code view, plus the
// fragments that must occur verbatim in a file for the needle to have any
// chance of matching (a cheap prefilter that lets most files skip lexing).

import { identCharBefore, isIdentContinue, isRustWhitespace } from './chars.js';

/**
 * A piece of a needle that any match spells verbatim in the source.
 *
 * Why this is sound: the code view and expanded `use` paths only differ from
 * the source at `::` (trivia dropped), at spaces (any trivia), at literal
 * placeholders and at raw identifiers (`r#` dropped). Fragments never span
 * those: they split at `::`, spaces and quotes, and before every identifier
 * run that follows punctuation (where a raw identifier could start).
 * Identifier runs in the view are never glued to another token's identifier
 * characters, so a fragment edge that is an identifier edge in the needle is
 * one in the source too (`fs` in `std::fs` cannot be the tail of `offset`).
 */
export interface Fragment {
  text: string;
  /** Identity of text plus bounds, for caching. */
  key: string;
  /** The source character before it must not continue an identifier. */
  leftBound: boolean;
  /** The source character after it must not continue an identifier. */
  rightBound: boolean;
  /** The needle has `::` just before it. */
  pathBefore: boolean;
  /** The needle has `::` just after it. */
  pathAfter: boolean;
  /** With pathAfter: the fragment that follows that `::`, if one does. */
  nextAfterPath?: string;
}

export interface CompiledNeedle {
  /** The needle as configured (what hits report). */
  needle: string;
  /** Its place in the configured list: hits at one offset are reported in this order. */
  rank: number;
  /** The needle as it can appear in the code view; '' never matches. */
  pattern: string;
  fragments: Fragment[];
  /** Its most selective fragment: every match contains an occurrence of it. */
  anchor?: Fragment;
}

/** Whitespace runs become one space and whitespace around `::` disappears, as in the code view. */
export function normalizeNeedle(needle: string): string {
  let out = '';
  let pendingSpace = false;
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k);
    if (isRustWhitespace(c)) {
      pendingSpace = true;
      continue;
    }
    const startsPath = c === 0x3a && needle.charCodeAt(k + 1) === 0x3a;
    if (pendingSpace && !startsPath && !out.endsWith('::')) out += ' ';
    pendingSpace = false;
    if (startsPath) {
      out += '::';
      k++;
    } else {
      out += needle[k];
    }
  }
  if (pendingSpace && out.length > 0 && !out.endsWith('::')) out += ' ';
  return out;
}

export function needleFragments(pattern: string): Fragment[] {
  const out: Fragment[] = [];
  const starts: number[] = [];
  let start = 0;
  const cut = (end: number): void => {
    if (end > start) {
      const text = pattern.slice(start, end);
      const leftBound = start > 0 && isIdentContinue(pattern.charCodeAt(start));
      const rightBound = end < pattern.length && isIdentContinue(pattern.charCodeAt(end - 1));
      const pathBefore = start >= 2 && pattern.startsWith('::', start - 2);
      const pathAfter = pattern.startsWith('::', end);
      out.push({ text, key: `${leftBound ? 'L' : '-'}${rightBound ? 'R' : '-'}${text}`, leftBound, rightBound, pathBefore, pathAfter });
      starts.push(start);
    }
  };
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern.charCodeAt(k);
    if (c === 0x3a && pattern.charCodeAt(k + 1) === 0x3a) {
      cut(k);
      start = k + 2;
      k++;
    } else if (c === 0x20 || c === 0x22 || c === 0x27) {
      cut(k);
      start = k + 1;
    } else if (k > start && isIdentContinue(c) && !isIdentContinue(pattern.charCodeAt(k - 1))) {
      cut(k);
      start = k;
    }
  }
  cut(pattern.length);
  out.forEach((frag, k) => {
    const next = out[k + 1];
    if (frag.pathAfter && next !== undefined && starts[k + 1] === starts[k]! + frag.text.length + 2) frag.nextAfterPath = next.text;
  });
  return out;
}

function skipWhitespace(src: string, k: number): number {
  while (isRustWhitespace(src.charCodeAt(k))) k++;
  return k;
}

/**
 * Whether an occurrence of `frag` at `at` (bounds holding) can be the
 * fragment of a match, judged by its neighbours. In the code view a `::` of
 * the needle stands between the same two tokens, trivia around it dropped;
 * in an expanded `use` path the part after `::` may instead open a group
 * (`{`), and the part before may follow `{` or `,` in one. `use
 * tokio::time` is then no place for `tokio::fs`, nor `self.process_queue`
 * for `std::process`. Comments (`/`), a raw identifier's `#` and a line
 * break (the line before may end in a comment) are given the benefit of the
 * doubt.
 */
export function contextAllows(src: string, at: number, frag: Fragment): boolean {
  if (frag.pathAfter) {
    let k = skipWhitespace(src, at + frag.text.length);
    const c = src.charCodeAt(k);
    if (c !== 0x2f /* / */) {
      if (c !== 0x3a || src.charCodeAt(k + 1) !== 0x3a) return false;
      if (frag.nextAfterPath !== undefined) {
        k = skipWhitespace(src, k + 2);
        const d = src.charCodeAt(k);
        const open = d === 0x2f /* / */ || d === 0x7b /* { */ || (d === 0x72 /* r */ && src.charCodeAt(k + 1) === 0x23); /* r# */
        if (!open && !src.startsWith(frag.nextAfterPath, k)) return false;
      }
    }
  }
  if (frag.pathBefore) {
    let k = at - 1;
    for (; k >= 0 && isRustWhitespace(src.charCodeAt(k)); k--) {
      if (src.charCodeAt(k) === 0x0a) return true;
    }
    const c = src.charCodeAt(k);
    return c === 0x3a /* : */ || c === 0x7b /* { */ || c === 0x2c /* , */ || c === 0x23 /* # */ || c === 0x2f; /* / */
  }
  return true;
}

/** A compiled needle list with its single-pass prefilter. */
export interface NeedleSet {
  needles: CompiledNeedle[];
  /** Scan anchors: each needle's most selective fragment, once per text and bounds. */
  anchors: Fragment[];
  /** For each needle, the index of its scan anchor in `anchors`, or -1 when it has no fragment. */
  anchorOf: Int32Array;
  /**
   * Finds anchor occurrences in one pass (irregexp beats one indexOf per
   * needle). Its `lastIndex` is reset before every use.
   */
  scanner: RegExp | undefined;
  /** Needles without any fragment (all punctuation): always candidates. */
  anchorless: CompiledNeedle[];
  /** Anchor indices by their first char code. */
  byFirstChar: Map<number, number[]>;
}

// Fragments so common in Rust that they make poor anchors.
const COMMON = new Set(['std', 'core', 'alloc', 'crate', 'self', 'super', 'new', 'use', 'pub', 'fn', 'let', 'mut']);

/** How well a fragment narrows down where a needle can match (for windows). */
function selectivity(f: Fragment): number {
  return (COMMON.has(f.text) ? 0 : 100) + f.text.length + (f.leftBound ? 1 : 0) + (f.rightBound ? 1 : 0);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Scan anchors: each needle's most selective fragment (`std::fs` is found
 * through `fs`, `File::open` through `File`). Shared substrings (`pen` for
 * `open`, `OpenOptions` and `openat`) would make fewer alternatives, but
 * they match ordinary words: measured on a 10,000-file tree, the scan was
 * 10 % slower and sent 12 % more files on to the lexer than with these.
 */
function chooseScanAnchors(needles: readonly CompiledNeedle[]): { anchors: Fragment[]; anchorOf: Int32Array } {
  const anchors: Fragment[] = [];
  const byKey = new Map<string, number>();
  const anchorOf = new Int32Array(needles.length).fill(-1);
  needles.forEach((nd, idx) => {
    if (nd.anchor === undefined) return;
    let id = byKey.get(nd.anchor.key);
    if (id === undefined) {
      id = anchors.length;
      byKey.set(nd.anchor.key, id);
      anchors.push(nd.anchor);
    }
    anchorOf[idx] = id;
  });
  return { anchors, anchorOf };
}

const cache = new WeakMap<readonly string[], NeedleSet>();

/** Compile a needle list; the result is cached per list object. */
export function compileNeedles(list: readonly string[]): NeedleSet {
  const hit = cache.get(list);
  if (hit !== undefined) return hit;
  const needles = list.map((needle, rank): CompiledNeedle => {
    const pattern = normalizeNeedle(needle);
    const fragments = needleFragments(pattern);
    const nd: CompiledNeedle = { needle, rank, pattern, fragments };
    if (fragments.length > 0) nd.anchor = fragments.reduce((a, b) => (selectivity(b) > selectivity(a) ? b : a));
    return nd;
  });
  const { anchors, anchorOf } = chooseScanAnchors(needles);
  // Bounds are checked per occurrence in JS: look-arounds would slow the scan.
  const texts = [...new Set(anchors.map((a) => a.text))];
  const scanner = texts.length > 0 ? new RegExp(texts.map(escapeRegExp).join('|'), 'g') : undefined;
  const byFirstChar = new Map<number, number[]>();
  anchors.forEach((a, idx) => {
    const c = a.text.charCodeAt(0);
    byFirstChar.set(c, [...(byFirstChar.get(c) ?? []), idx]);
  });
  const anchorless = needles.filter((nd, idx) => anchorOf[idx] === -1 && nd.pattern !== '');
  const set = { needles, anchors, anchorOf, scanner, byFirstChar, anchorless };
  cache.set(list, set);
  return set;
}

export function boundsHold(src: string, at: number, frag: Fragment): boolean {
  if (frag.leftBound && identCharBefore(src, at)) return false;
  return !(frag.rightBound && isIdentContinue(src.charCodeAt(at + frag.text.length)));
}

/** Whether `frag` occurs in `src` with its identifier boundaries. */
export function fragmentOccurs(src: string, frag: Fragment): boolean {
  for (let at = src.indexOf(frag.text); at >= 0; at = src.indexOf(frag.text, at + 1)) {
    if (boundsHold(src, at, frag)) return true;
  }
  return false;
}

/**
 * Whether the text at `at` is surely inside a comment, judged from its own
 * line alone: the line has `//` before it and no quote, apostrophe or block-comment end
 * anywhere before it, so neither a string, a char, a lifetime nor the end of
 * a block comment can have turned the `//` into something else. (If the line
 * starts inside a block comment or a string, the text is not code either.)
 * Files whose needles are only mentioned in comments are then never lexed.
 */
export function certainlyInLineComment(src: string, at: number): boolean {
  const lineStart = src.lastIndexOf('\n', at - 1) + 1;
  let slashes = false;
  for (let i = lineStart; i < at; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) return false;
    if (c === 0x2f /* / */) {
      if (i - 1 >= lineStart && src.charCodeAt(i - 1) === 0x2a) return false; // the end of a block comment
      if (src.charCodeAt(i + 1) === 0x2f && i + 1 < at) slashes = true;
    }
  }
  return slashes;
}

/**
 * Which scan anchors occur in `src` with their bounds, outside what is surely
 * a line comment (1 per anchor of `set.anchors`). byteAnchors.ts answers the
 * same question over UTF-8 bytes, faster, for long runs.
 */
export function anchorsInText(src: string, set: NeedleSet): Uint8Array {
  const { anchors, scanner, byFirstChar } = set;
  const found = new Uint8Array(anchors.length);
  let missing = anchors.length;
  if (scanner !== undefined) {
    scanner.lastIndex = 0;
    for (let m = scanner.exec(src); m !== null && missing > 0; m = scanner.exec(src)) {
      // The alternation reports one anchor per position: test all that could start there.
      const at = m.index;
      for (const a of byFirstChar.get(src.charCodeAt(at)) ?? []) {
        if (found[a] === 0 && src.startsWith(anchors[a]!.text, at) && boundsHold(src, at, anchors[a]!) && !certainlyInLineComment(src, at)) {
          found[a] = 1;
          missing--;
        }
      }
      scanner.lastIndex = at + 1;
    }
  }
  return found;
}

/**
 * Needles that might match somewhere in `src` (never drops one that does),
 * given which anchors it holds (`found`, from anchorsInText or a byte scan).
 */
export function possibleNeedles(src: string, set: NeedleSet, found: Uint8Array = anchorsInText(src, set)): CompiledNeedle[] {
  const { anchors, anchorOf } = set;
  if (!found.includes(1) && set.anchorless.length === 0) return [];
  const seen = new Map<string, boolean>();
  anchors.forEach((a, idx) => seen.set(a.key, found[idx] === 1));
  const present = (frag: Fragment): boolean => {
    let v = seen.get(frag.key);
    if (v === undefined) {
      v = fragmentOccurs(src, frag);
      seen.set(frag.key, v);
    }
    return v;
  };
  return set.needles.filter((nd, idx) => {
    const anchor = anchorOf[idx]!;
    if (nd.pattern === '' || (anchor >= 0 && found[anchor] === 0)) return false;
    return nd.fragments.every(present);
  });
}
