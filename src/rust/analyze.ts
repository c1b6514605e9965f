// The reference judge for one Rust file: lex it, mark its test code, collect
// its module declarations, expand its `use` trees, search every needle in
// the code view of what is left, and in the paths as the file's own imports
// read them (names.ts, pathMatch.ts). This is the definition of a verdict; the
// optional fast path (src/fast/) must agree with it on every input.

import { buildCodeView } from './codeView.js';
import { tokenize } from './lexer.js';
import { collectIncludes, collectModuleDecls } from './moduleDecls.js';
import { compileNeedles, type CompiledNeedle } from './needles.js';
import { makeLocator } from './positions.js';
import { testRegions } from './testRegions.js';
import { pairBrackets } from './tokens.js';
import type { NeedleHit, RustAnalysis } from './types.js';
import { expandUseTree, startsUseItem, usePathMatchOffset, usePathOffsetAfter } from './useTree.js';
import { NameTable, focusTable, matchStartAllowed, needleShape, resolvedCodeHits, resolvedUseHits, type PathNeedle } from './pathMatch.js';
import type { NeedleSet } from './needles.js';
import type { NameOptions } from './names.js';

const pathNeedleCache = new WeakMap<NeedleSet, Array<PathNeedle<CompiledNeedle>>>();

/** Each needle of a set with its shape (one array per set, so what path matching derives from it is kept). */
function pathNeedlesOf(set: NeedleSet): Array<PathNeedle<CompiledNeedle>> {
  let list = pathNeedleCache.get(set);
  if (list === undefined) {
    list = set.needles.map((nd) => ({ needle: nd, pattern: nd.pattern, shape: needleShape(nd.pattern) }));
    pathNeedleCache.set(set, list);
  }
  return list;
}

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
export function analyzeRust(text: string, needles: readonly string[], where: NameOptions = {}): RustAnalysis {
  const set = compileNeedles(needles);
  const ts = tokenize(text);
  const pairs = pairBrackets(ts);
  const tests = testRegions(ts, pairs);
  const locate = makeLocator(text);
  const moduleDecls = collectModuleDecls(ts, pairs, tests.mask, tests.testOnlyFile, locate);
  const includes = collectIncludes(ts, pairs, tests.mask, tests.testOnlyFile, locate);
  if (tests.testOnlyFile || set.needles.every((nd) => nd.pattern === '')) return { hits: [], testOnlyFile: tests.testOnlyFile, moduleDecls, includes };

  const raw: RawHit[] = [];
  const record = (nd: CompiledNeedle, offset: number, length: number): void => {
    raw.push({ needle: nd, offset, length: Math.max(1, length) });
  };

  // Test code, and below also expanded `use` items, stay out of the view.
  const omit = tests.mask;
  // Names are read before `use` items join the omitted tokens: they are where names come from.
  const names = new NameTable(ts, pairs, omit, where);
  const pathNeedles = pathNeedlesOf(set);
  focusTable(names, pathNeedles);

  // `use` items are judged by their expanded paths instead of their text.
  for (let k = 0; k < ts.count; k++) {
    if (omit[k] !== 0 || !startsUseItem(ts, k)) continue;
    const tree = names.useTreeAt(k) ?? expandUseTree(ts, k, pairs);
    for (const path of tree.paths) {
      resolvedUseHits(ts, names, path, k, pathNeedles, raw);
      set.forEachMatch(path.text, (nd, at) => {
        if (!matchStartAllowed(path.text, at, pathNeedles[nd.rank]!.shape)) return;
        const end = at + nd.pattern.length;
        const offset = usePathMatchOffset(ts, path, at, end);
        record(nd, offset, usePathOffsetAfter(ts, path, end - 1) - offset);
      });
    }
    omit.fill(1, k, tree.end);
    k = Math.max(k, tree.end - 1);
  }

  const view = buildCodeView(ts, omit);
  set.forEachMatch(view.text, (nd, at) => {
    if (!matchStartAllowed(view.text, at, pathNeedles[nd.rank]!.shape)) return;
    const offset = view.offsetAt(at);
    record(nd, offset, view.offsetAt(at + nd.pattern.length - 1) + 1 - offset);
  });

  // Resolution adds its hits (of the same shape, lengths at least 1) to the same list.
  resolvedCodeHits(ts, pairs, names, omit, pathNeedles, raw);

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
  return { hits, testOnlyFile: false, moduleDecls, includes };
}
