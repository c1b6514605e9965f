// The precise matcher for one Rust file: lex, find test code and module
// declarations, expand `use` trees, and search needles in what is left.

import { isIdentContinue, isIdentStart, isRustWhitespace } from './chars.js';
import { buildCodeView } from './codeView.js';
import { lexRust } from './lexer.js';
import { collectModuleDecls } from './moduleDecls.js';
import { compileNeedles, possibleNeedles, type CompiledNeedle } from './needles.js';
import { makeLocator } from './positions.js';
import { testRegions } from './testRegions.js';
import { pairBrackets } from './tokens.js';
import type { NeedleHit, RustAnalysis } from './types.js';
import { expandUseTree, startsUseItem, usePathMatchOffset, usePathOffsetAfter } from './useTree.js';

interface RawHit {
  needle: CompiledNeedle;
  rank: number;
  offset: number;
  length: number;
}

export function analyzeRust(text: string, needles: readonly string[]): RustAnalysis {
  const compiled = compileNeedles(needles);
  const live = possibleNeedles(text, compiled);
  // Most files hold no needle at all; skip lexing unless the file might
  // still declare a module or be test-only as a whole.
  if (live.length === 0 && !mayDeclareModule(text) && !mayHaveTestInnerAttribute(text)) {
    return { hits: [], testOnlyFile: false, moduleDecls: [] };
  }

  const tokens = lexRust(text);
  const pairs = pairBrackets(tokens);
  const tests = testRegions(tokens, pairs);
  const locate = makeLocator(text);
  const moduleDecls = collectModuleDecls(text, tokens, pairs, tests.mask, tests.testOnlyFile, locate);
  if (tests.testOnlyFile || live.length === 0) {
    return { hits: [], testOnlyFile: tests.testOnlyFile, moduleDecls };
  }

  const rank = new Map(compiled.needles.map((nd, idx) => [nd, idx]));
  const raw: RawHit[] = [];
  const omit = tests.mask.slice();

  // `use` items are judged by their expanded paths instead of their text.
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.text !== 'use' || omit[k] !== 0 || !startsUseItem(tokens, k)) continue;
    const tree = expandUseTree(tokens, k, pairs);
    for (const path of tree.paths) {
      for (const nd of live) {
        for (let at = path.text.indexOf(nd.pattern); at >= 0; at = path.text.indexOf(nd.pattern, at + 1)) {
          const end = at + nd.pattern.length;
          const offset = usePathMatchOffset(path, at, end);
          raw.push({ needle: nd, rank: rank.get(nd)!, offset, length: Math.max(1, usePathOffsetAfter(path, end - 1) - offset) });
        }
      }
    }
    omit.fill(1, k, tree.end);
    k = tree.end - 1;
  }

  const view = buildCodeView(text, tokens, omit);
  for (const nd of live) {
    for (let at = view.text.indexOf(nd.pattern); at >= 0; at = view.text.indexOf(nd.pattern, at + 1)) {
      const offset = view.offsetAt(at);
      const last = view.offsetAt(at + nd.pattern.length - 1);
      raw.push({ needle: nd, rank: rank.get(nd)!, offset, length: Math.max(1, last + 1 - offset) });
    }
  }

  raw.sort((a, b) => a.offset - b.offset || a.rank - b.rank);
  const hits: NeedleHit[] = [];
  let prev: RawHit | undefined;
  for (const h of raw) {
    if (prev !== undefined && prev.offset === h.offset && prev.rank === h.rank) continue;
    prev = h;
    const { line, column } = locate(h.offset);
    hits.push({ needle: h.needle.needle, offset: h.offset, line, column, length: h.length });
  }
  return { hits, testOnlyFile: false, moduleDecls };
}

/**
 * Conservative: false only when no `mod name;` can be in the file, i.e. every
 * `mod` word is followed by a name and then `{`.
 */
export function mayDeclareModule(text: string): boolean {
  for (let at = text.indexOf('mod'); at >= 0; at = text.indexOf('mod', at + 3)) {
    if (isIdentContinue(text.charCodeAt(at - 1))) continue;
    let k = at + 3;
    const after = text.charCodeAt(k);
    if (after !== 0x2f && !isRustWhitespace(after)) continue;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x2f) return true; // a comment: do not guess
    if (text.startsWith('r#', k)) k += 2;
    if (!isIdentStart(text.charCodeAt(k))) continue;
    while (isIdentContinue(text.charCodeAt(k))) k++;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x7b) return true;
  }
  return false;
}

/** Conservative: false only when the file cannot hold a test-only `#![...]`. */
export function mayHaveTestInnerAttribute(text: string): boolean {
  if (!text.includes('test')) return false;
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let k = at + 1;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    const c = text.charCodeAt(k);
    if (c === 0x21 || c === 0x2f) return true; // `!`, or a comment before it
  }
  return false;
}
