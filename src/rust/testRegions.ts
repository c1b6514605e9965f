// Which tokens belong to test code: items under a test-only `cfg`, test
// functions, inline modules whose inner attribute is test-only, and the whole
// file when its leading inner attribute is.
//
// One forward scan. A test-only attribute run marks the attributes plus the
// item they decorate and the scan jumps past it, so every token is visited a
// constant number of times.
//
// Inside a macro's body attributes mean nothing yet (the macro may drop or
// rewrite them), so that code is production, with one exception understood:
// `cfg_if!`, whose `if #[cfg(test)] { … }` branch alone is test code (its
// `else` and `else if` branches are not), and whose branches keep the
// attributes of the items they hold.

import { attributeAt, isTestHarnessAttr, isTestOnlyCfgAttr, type Attribute } from './attributes.js';
import {
  BANG,
  COMMA,
  DOT,
  EQ,
  HASH,
  IDENT,
  LBRACE,
  LBRACKET,
  LITERAL,
  LPAREN,
  LT,
  PIPE,
  PUNCT,
  QUESTION,
  RBRACE,
  RBRACKET,
  RPAREN,
  SEMI,
  isCloseAt,
  isIdentLikeAt,
  isOpenAt,
  isPunctAt,
  isWordAt,
  pairBrackets,
  type TokenStream,
} from './tokens.js';

export interface TestRegions {
  /** 1 for every token that is test code. */
  mask: Uint8Array;
  /** Token ranges [start, end) of test code, in source order, non-overlapping. */
  ranges: Array<[number, number]>;
  /** The file's own inner attribute makes all of it test code. */
  testOnlyFile: boolean;
}

export function testRegions(ts: TokenStream, pairs: Int32Array = pairBrackets(ts)): TestRegions {
  const n = ts.count;
  const mask = new Uint8Array(n);
  const ranges: Array<[number, number]> = [];
  const mark = (from: number, to: number): void => {
    mask.fill(1, from, to);
    // Keep ranges disjoint: an enclosing region swallows earlier ones inside it.
    while (ranges.length > 0 && ranges[ranges.length - 1]![0] >= from) ranges.pop();
    ranges.push([from, to]);
  };

  // For each open bracket (by depth): its index, and where the statement
  // that owns it started, so an inner `#![cfg(test)]` can take the whole
  // enclosing item with it.
  const openAt: number[] = [];
  const ownerAt: number[] = [];
  let depth = 0;
  let stmtStart = 0;
  // Macro bodies open around the scan: where each ends, and whether it is
  // opaque (any macro but cfg_if); `opaque` counts the open opaque ones.
  const macroEnds: number[] = [];
  const macroOpaque: boolean[] = [];
  let opaque = 0;

  let i = 0;
  while (i < n) {
    while (macroEnds.length > 0 && macroEnds[macroEnds.length - 1]! < i) {
      macroEnds.pop();
      if (macroOpaque.pop()) opaque--;
    }
    if (ts.kind[i] !== PUNCT) {
      i++;
      continue;
    }
    const c = ts.code[i];
    if (c === BANG) {
      const body = macroBodyAt(ts, pairs, i);
      if (body !== undefined) {
        const isOpaque = !isCfgIfAt(ts, i - 1);
        macroEnds.push(pairs[body]!);
        macroOpaque.push(isOpaque);
        if (isOpaque) opaque++;
      }
      i++;
      continue;
    }
    if (c === HASH && opaque > 0) {
      // Attributes in a macro's body: tokens like any other.
      i = attributeAt(ts, pairs, i)?.end ?? i + 1;
      continue;
    }
    if (c === HASH && isWordAt(ts, i - 1, 'if')) {
      // A cfg_if! branch condition: `if #[cfg(test)] { … }` is test code, up to the branch's `}` only.
      let j = i;
      let isTest = false;
      for (let a = attributeAt(ts, pairs, j); a !== undefined && !a.inner; a = attributeAt(ts, pairs, j)) {
        if (isTestOnlyCfgAttr(ts, pairs, a)) isTest = true;
        j = a.end;
      }
      if (j === i) {
        i++;
        continue;
      }
      if (isTest && isPunctAt(ts, j, LBRACE) && pairs[j]! > j) {
        mark(i, pairs[j]! + 1);
        i = pairs[j]! + 1;
      } else {
        i = j;
      }
      continue;
    }
    if (c === HASH) {
      const first = attributeAt(ts, pairs, i);
      if (first?.inner) {
        if (isTestOnlyCfgAttr(ts, pairs, first)) {
          if (depth === 0) {
            mask.fill(1);
            return { mask, ranges: [[0, n]], testOnlyFile: true };
          }
          depth--;
          const close = pairs[openAt[depth]!]!;
          const end = close < 0 ? n : close + 1;
          mark(ownerAt[depth]!, end);
          i = end;
          stmtStart = end;
        } else {
          i = first.end;
        }
        continue;
      }
      if (first !== undefined) {
        // A run of outer attributes (doc comments are trivia, so they vanish).
        let isTest = false;
        let j = i;
        for (let a: Attribute | undefined = first; a !== undefined && !a.inner; a = attributeAt(ts, pairs, j)) {
          if (isTestHarnessAttr(a) || isTestOnlyCfgAttr(ts, pairs, a)) isTest = true;
          j = a.end;
        }
        if (isTest) {
          const end = itemEnd(ts, pairs, j);
          mark(i, end);
          i = end;
          stmtStart = end;
        } else {
          i = j;
        }
        continue;
      }
    }
    if (c === LBRACE || c === LPAREN || c === LBRACKET) {
      openAt[depth] = i;
      ownerAt[depth] = stmtStart;
      depth++;
      stmtStart = i + 1;
    } else if (c === RBRACE || c === RPAREN || c === RBRACKET) {
      if (depth > 0) depth--;
      // A `}` ends an item or statement; `(…)` and `[…]` are inside one
      // (`fn f(x: T) { #![cfg(test)] }` takes the whole fn, parameters included).
      stmtStart = c === RBRACE ? i + 1 : (ownerAt[depth] ?? i + 1);
    } else if (c === SEMI) {
      stmtStart = i + 1;
    }
    i++;
  }
  return { mask, ranges, testOnlyFile: false };
}

// Keywords a unary `!` can follow (`if !(a) {…}`): never a macro's name.
const NOT_MACRO_NAMES = new Set(['if', 'while', 'return', 'match', 'in', 'else', 'break', 'yield', 'let', 'mut', 'move', 'as', 'await']);

/** The body's opening bracket of a macro invocation or definition whose `!` is token `k` (`name!(…)`, `a::b! {…}`, `macro_rules! m {…}`). */
function macroBodyAt(ts: TokenStream, pairs: Int32Array, k: number): number | undefined {
  if (!isIdentLikeAt(ts, k - 1) || (ts.kind[k - 1] === IDENT && NOT_MACRO_NAMES.has(ts.src.slice(ts.start[k - 1], ts.end[k - 1])))) return undefined;
  let open = k + 1;
  if (isWordAt(ts, k - 1, 'macro_rules') && isIdentLikeAt(ts, open)) open++;
  return isOpenAt(ts, open) && pairs[open]! > open ? open : undefined;
}

/** Whether token `k` (before a `!`) names the cfg_if macro: `cfg_if` or `…::cfg_if`. */
function isCfgIfAt(ts: TokenStream, k: number): boolean {
  return isWordAt(ts, k, 'cfg_if');
}

/** How an item or statement ends, judged from its first tokens. */
export type ItemShape =
  /** only at `;` (let, use, const, static, type, extern crate) */
  | 'semi'
  /** at `;` or at the `}` closing its first top-level `{` (fn, mod, impl, struct, ...) */
  | 'brace'
  /** statement, field, variant, match arm, argument: also at a top-level `,` */
  | 'expr';

export function itemShape(ts: TokenStream, pairs: Int32Array, j: number): ItemShape {
  let k = j;
  if (isWordAt(ts, k, 'pub')) {
    k++;
    if (isPunctAt(ts, k, LPAREN) && pairs[k]! > k) k = pairs[k]! + 1;
  }
  for (; k < ts.count && ts.kind[k] === IDENT; k++) {
    const word = ts.src.slice(ts.start[k], ts.end[k]);
    switch (word) {
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
        return isIdentLikeAt(ts, k + 1) ? 'brace' : 'expr';
      case 'const':
        if (isWordAt(ts, k + 1, 'fn') || isWordAt(ts, k + 1, 'unsafe') || isWordAt(ts, k + 1, 'async') || isWordAt(ts, k + 1, 'extern')) {
          continue;
        }
        return isPunctAt(ts, k + 1, LBRACE) ? 'expr' : 'semi';
      case 'unsafe':
      case 'async':
        if (isPunctAt(ts, k + 1, LBRACE) || isPunctAt(ts, k + 1, PIPE) || isWordAt(ts, k + 1, 'move')) return 'expr';
        continue;
      case 'extern':
        if (ts.kind[k + 1] === LITERAL) k++;
        if (isPunctAt(ts, k + 1, LBRACE)) return 'brace';
        continue;
      case 'default':
      case 'safe':
      case 'auto':
        if (!isIdentLikeAt(ts, k + 1)) return 'expr';
        continue;
      default:
        return 'expr';
    }
  }
  return 'expr';
}

/**
 * Index just past the item or statement that starts at token `j`: its `;`,
 * the `}` closing its first top-level `{`, for non-items a top-level `,`, or
 * (exclusive) a closing bracket that belongs to the enclosing construct.
 * A block expression continues when `else`, `.`, `?`, `=` or `as` follows.
 */
export function itemEnd(ts: TokenStream, pairs: Int32Array, j: number): number {
  const n = ts.count;
  const shape = itemShape(ts, pairs, j);
  let angles = 0; // open `<` of an item header's generics, where `{ N }` is a const argument, not the body
  let k = j;
  while (k < n) {
    if (isOpenAt(ts, k)) {
      const close = pairs[k]!;
      if (close < 0) return n;
      const brace = ts.code[k] === LBRACE;
      k = close + 1;
      if (brace && angles === 0 && shape !== 'semi' && (shape === 'brace' || !continuesExpression(ts, k))) return k;
      continue;
    }
    if (isCloseAt(ts, k)) return k;
    if (isPunctAt(ts, k, SEMI)) return k + 1;
    if (shape === 'expr' && isPunctAt(ts, k, COMMA)) return k + 1;
    if (shape === 'brace') {
      if (isPunctAt(ts, k, LT)) angles++;
      // `->` and `=>` are arrows, not closers.
      else if (isPunctAt(ts, k, GT) && angles > 0 && !(ts.end[k - 1] === ts.start[k] && (isPunctAt(ts, k - 1, MINUS) || isPunctAt(ts, k - 1, EQ)))) angles--;
    }
    k++;
  }
  return n;
}

const GT = 0x3e; // >
const MINUS = 0x2d; // -

function continuesExpression(ts: TokenStream, k: number): boolean {
  return (
    isWordAt(ts, k, 'else') ||
    isWordAt(ts, k, 'as') ||
    isPunctAt(ts, k, DOT) ||
    isPunctAt(ts, k, QUESTION) ||
    isPunctAt(ts, k, EQ)
  );
}
