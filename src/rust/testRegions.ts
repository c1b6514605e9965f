// Which tokens belong to test code: items under a test-only `cfg`, test
// functions, inline modules whose inner attribute is test-only, and the whole
// file when its leading inner attribute is.
//
// One forward scan. A test-only attribute run marks the attributes plus the
// item they decorate and the scan jumps past it, so every token is visited a
// constant number of times.

import { attributeAt, isTestHarnessAttr, isTestOnlyCfgAttr, type Attribute } from './attributes.js';
import type { Token } from './lexer.js';
import { isCloseBracket, isIdentLike, isOpenBracket, isPunct, isWord, pairBrackets } from './tokens.js';

export interface TestRegions {
  /** 1 for every token that is test code. */
  mask: Uint8Array;
  /** Token ranges [start, end) of test code, in source order, non-overlapping. */
  ranges: Array<[number, number]>;
  /** The file's own inner attribute makes all of it test code. */
  testOnlyFile: boolean;
}

export function testRegions(tokens: readonly Token[], pairs: Int32Array = pairBrackets(tokens)): TestRegions {
  const n = tokens.length;
  const mask = new Uint8Array(n);
  const ranges: Array<[number, number]> = [];
  const mark = (from: number, to: number): void => {
    mask.fill(1, from, to);
    // Keep ranges disjoint: an enclosing region swallows earlier ones inside it.
    while (ranges.length > 0 && ranges[ranges.length - 1]![0] >= from) ranges.pop();
    ranges.push([from, to]);
  };

  // For each open bracket: where the statement that owns it started, so an
  // inner `#![cfg(test)]` can take the whole enclosing item with it.
  const owners: Array<{ owner: number; open: number }> = [];
  let stmtStart = 0;

  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') {
      i++;
      continue;
    }
    if (t.text === '#') {
      const first = attributeAt(tokens, pairs, i);
      if (first?.inner) {
        if (isTestOnlyCfgAttr(tokens, pairs, first)) {
          const enclosing = owners.pop();
          if (enclosing === undefined) {
            mask.fill(1);
            return { mask, ranges: [[0, n]], testOnlyFile: true };
          }
          const close = pairs[enclosing.open] ?? -1;
          const end = close < 0 ? n : close + 1;
          mark(enclosing.owner, end);
          i = end;
          stmtStart = end;
          continue;
        }
        i = first.end;
        continue;
      }
      if (first !== undefined) {
        // A run of outer attributes (doc comments are trivia, so they vanish).
        let isTest = false;
        let j = i;
        for (let a: Attribute | undefined = first; a !== undefined && !a.inner; a = attributeAt(tokens, pairs, j)) {
          if (isTestHarnessAttr(a) || isTestOnlyCfgAttr(tokens, pairs, a)) isTest = true;
          j = a.end;
        }
        if (isTest) {
          const end = itemEnd(tokens, pairs, j);
          mark(i, end);
          i = end;
          stmtStart = end;
        } else {
          i = j;
        }
        continue;
      }
    }
    if (isOpenBracket(t)) {
      owners.push({ owner: stmtStart, open: i });
      stmtStart = i + 1;
    } else if (isCloseBracket(t)) {
      owners.pop();
      stmtStart = i + 1;
    } else if (isPunct(t, ';') || isPunct(t, ',')) {
      stmtStart = i + 1;
    }
    i++;
  }
  return { mask, ranges, testOnlyFile: false };
}

/** How an item or statement ends, judged from its first tokens. */
export type ItemShape =
  /** only at `;` (let, use, const, static, type, extern crate) */
  | 'semi'
  /** at `;` or at the `}` closing its first top-level `{` (fn, mod, impl, struct, ...) */
  | 'brace'
  /** statement, field, variant, match arm, argument: also at a top-level `,` */
  | 'expr';

export function itemShape(tokens: readonly Token[], pairs: Int32Array, j: number): ItemShape {
  let k = j;
  if (isWord(tokens[k], 'pub')) {
    k++;
    if (isPunct(tokens[k], '(') && (pairs[k] ?? -1) > k) k = pairs[k]! + 1;
  }
  for (;;) {
    const t = tokens[k];
    if (t === undefined || t.kind !== 'ident') return 'expr';
    const next = tokens[k + 1];
    switch (t.text) {
      case 'fn':
      case 'mod':
      case 'struct':
      case 'enum':
      case 'trait':
      case 'impl':
      case 'macro_rules':
      case 'macro':
        return 'brace';
      case 'let':
      case 'use':
      case 'static':
      case 'type':
      case 'crate':
        return 'semi';
      case 'union':
        return isIdentLike(next) ? 'brace' : 'expr';
      case 'const':
        if (isWord(next, 'fn') || isWord(next, 'unsafe') || isWord(next, 'async') || isWord(next, 'extern')) break;
        return isPunct(next, '{') ? 'expr' : 'semi';
      case 'unsafe':
      case 'async':
        if (isPunct(next, '{') || isPunct(next, '|') || isWord(next, 'move')) return 'expr';
        break;
      case 'extern':
        if (next?.kind === 'literal') k++;
        if (isPunct(tokens[k + 1], '{')) return 'brace';
        break;
      case 'default':
      case 'safe':
      case 'auto':
        if (!isIdentLike(next)) return 'expr';
        break;
      default:
        return 'expr';
    }
    k++;
  }
}

/**
 * Index just past the item or statement that starts at token `j`: its `;`,
 * the `}` closing its first top-level `{`, for non-items a top-level `,`, or
 * (exclusive) a closing bracket that belongs to the enclosing construct.
 * A block expression continues when `else`, `.`, `?`, `=` or `as` follows.
 */
export function itemEnd(tokens: readonly Token[], pairs: Int32Array, j: number): number {
  const n = tokens.length;
  const shape = itemShape(tokens, pairs, j);
  let k = j;
  while (k < n) {
    const t = tokens[k]!;
    if (isOpenBracket(t)) {
      const close = pairs[k] ?? -1;
      if (close < 0) return n;
      k = close + 1;
      if (t.text === '{' && shape !== 'semi') {
        if (shape === 'brace' || !continuesExpression(tokens[k])) return k;
      }
      continue;
    }
    if (isCloseBracket(t)) return k;
    if (isPunct(t, ';')) return k + 1;
    if (shape === 'expr' && isPunct(t, ',')) return k + 1;
    k++;
  }
  return n;
}

function continuesExpression(t: Token | undefined): boolean {
  return isWord(t, 'else') || isWord(t, 'as') || isPunct(t, '.') || isPunct(t, '?') || isPunct(t, '=');
}
