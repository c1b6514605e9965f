// Attributes (`#[...]`, `#![...]`) read off the token stream, and the
// questions the analysis asks of them: is this cfg test-only, does this mark
// a test function, what does `#[path = "..."]` say.

import { unescapeAt } from './escapes.js';
import {
  BANG,
  COMMA,
  EQ,
  HASH,
  LBRACKET,
  LITERAL,
  LPAREN,
  isCloseAt,
  isIdentLikeAt,
  isOpenAt,
  isPathSepAt,
  isPunctAt,
  isWordAt,
  tokenText,
  type TokenStream,
} from './tokens.js';

export interface Attribute {
  /** Index of the `#` token. */
  start: number;
  /** Index just past the closing `]`. */
  end: number;
  inner: boolean;
  /** The attribute's path as written without trivia: `cfg`, `test`, `tokio::test`. */
  path: string;
  /** Token range inside the argument parentheses, when the attribute has them. */
  args?: [from: number, to: number];
  /** Index of the token after `=` in `#[name = value]`. */
  valueIndex?: number;
}

/** The attribute whose `#` is token `k`, or undefined if none starts there. */
export function attributeAt(ts: TokenStream, pairs: Int32Array, k: number): Attribute | undefined {
  if (!isPunctAt(ts, k, HASH)) return undefined;
  const inner = isPunctAt(ts, k + 1, BANG);
  const open = inner ? k + 2 : k + 1;
  if (!isPunctAt(ts, open, LBRACKET)) return undefined;
  const close = pairs[open]!;
  if (close < 0) return undefined;

  let p = open + 1;
  let path = '';
  while (p < close && (isIdentLikeAt(ts, p) || isPathSepAt(ts, p))) {
    path += isPathSepAt(ts, p) ? '::' : tokenText(ts, p);
    p++;
  }
  const attr: Attribute = { start: k, end: close + 1, inner, path };
  const argsEnd = p < close ? pairs[p]! : -1;
  if (isPunctAt(ts, p, LPAREN) && argsEnd > p && argsEnd < close) {
    attr.args = [p + 1, argsEnd];
  } else if (isPunctAt(ts, p, EQ) && p + 1 < close) {
    attr.valueIndex = p + 1;
  }
  return attr;
}

/** `#[test]`, `#[bench]`, or any `#[...::test]` such as `#[tokio::test(flavor = "…")]`. */
export function isTestHarnessAttr(attr: Attribute): boolean {
  return attr.path === 'test' || attr.path === 'bench' || (attr.path.endsWith('::test') && attr.path.length > 6);
}

/** `#[cfg(pred)]` where `pred` can only hold when compiling tests. */
export function isTestOnlyCfgAttr(ts: TokenStream, pairs: Int32Array, attr: Attribute): boolean {
  return attr.path === 'cfg' && attr.args !== undefined && cfgIsTestOnly(ts, pairs, attr.args[0], attr.args[1]);
}

// Deeper nesting than this is not real code; refusing it bounds the recursion.
const MAX_CFG_DEPTH = 64;

/**
 * Whether the cfg predicate in tokens [from, to) implies `test`:
 * `test`; `all(...)` with any test-only argument; `any(...)` whose arguments
 * are all test-only. `not(...)` and everything else is production.
 */
export function cfgIsTestOnly(ts: TokenStream, pairs: Int32Array, from: number, to: number, depth = 0): boolean {
  if (depth > MAX_CFG_DEPTH || from >= to) return false;
  if (to - from === 1) return isWordAt(ts, from, 'test');
  const isAll = isWordAt(ts, from, 'all');
  if (!isAll && !isWordAt(ts, from, 'any')) return false;
  const open = from + 1;
  if (!isPunctAt(ts, open, LPAREN) || pairs[open] !== to - 1) return false;
  const args = splitCommaList(ts, pairs, open + 1, to - 1);
  if (isAll) return args.some(([a, b]) => cfgIsTestOnly(ts, pairs, a, b, depth + 1));
  return args.length > 0 && args.every(([a, b]) => cfgIsTestOnly(ts, pairs, a, b, depth + 1));
}

/** Non-empty ranges between top-level commas in [from, to). */
export function splitCommaList(ts: TokenStream, pairs: Int32Array, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  let k = from;
  while (k < to) {
    if (isOpenAt(ts, k) && pairs[k]! > k) {
      k = pairs[k]! + 1;
      continue;
    }
    if (isPunctAt(ts, k, COMMA)) {
      if (k > start) out.push([start, k]);
      start = k + 1;
    } else if (isCloseAt(ts, k)) {
      break;
    }
    k++;
  }
  if (Math.min(k, to) > start) out.push([start, Math.min(k, to)]);
  return out;
}

/** The value of `#[path = "..."]`, read from the source text of its literal. */
export function pathAttrValue(ts: TokenStream, attr: Attribute): string | undefined {
  const v = attr.valueIndex;
  if (attr.path !== 'path' || v === undefined || ts.kind[v] !== LITERAL) return undefined;
  return stringLiteralValue(ts.src.slice(ts.start[v], ts.end[v]));
}

/**
 * The `path = "…"` values inside `#[cfg_attr(pred, attr, …)]`, whatever
 * `pred` says (nested cfg_attr included): a file the declaration names when
 * the predicate holds.
 */
export function cfgAttrPathValues(ts: TokenStream, pairs: Int32Array, attr: Attribute, depth = 0): string[] {
  if (attr.path !== 'cfg_attr' || attr.args === undefined || depth > MAX_CFG_DEPTH) return [];
  const [, ...rest] = splitCommaList(ts, pairs, attr.args[0], attr.args[1]);
  const out: string[] = [];
  for (const [a, b] of rest) {
    if (isWordAt(ts, a, 'path') && isPunctAt(ts, a + 1, EQ) && a + 2 < b && ts.kind[a + 2] === LITERAL) {
      const v = stringLiteralValue(ts.src.slice(ts.start[a + 2], ts.end[a + 2]));
      if (v !== undefined) out.push(v);
    } else if (isWordAt(ts, a, 'cfg_attr') && isPunctAt(ts, a + 1, LPAREN) && pairs[a + 1]! > a + 1) {
      out.push(...cfgAttrPathValues(ts, pairs, { start: a, end: b, inner: false, path: 'cfg_attr', args: [a + 2, pairs[a + 1]!] }, depth + 1));
    }
  }
  return out;
}

/** The value of a `"..."` or `r#"..."#` literal given its source text; undefined for other literals. */
export function stringLiteralValue(raw: string): string | undefined {
  if (raw.startsWith('r')) {
    let h = 1;
    while (raw.charCodeAt(h) === 0x23) h++;
    const hashes = h - 1;
    if (raw.charCodeAt(h) !== 0x22) return undefined;
    const closing = '"' + '#'.repeat(hashes);
    const end = raw.endsWith(closing) && raw.length >= h + 1 + closing.length ? raw.length - closing.length : raw.length;
    return raw.slice(h + 1, end);
  }
  if (!raw.startsWith('"')) return undefined;
  let out = '';
  let k = 1;
  while (k < raw.length) {
    const c = raw[k]!;
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      k++;
      continue;
    }
    // Malformed escapes are taken as they come: the value only names a file.
    const esc = unescapeAt(raw, k);
    out += esc.value;
    k = esc.next;
  }
  return out;
}
