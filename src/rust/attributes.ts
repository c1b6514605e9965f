// Attributes (`#[...]`, `#![...]`) read off the token stream, and the
// questions the analysis asks of them: is this cfg test-only, does this mark
// a test function, what does `#[path = "..."]` say.

import type { Token } from './lexer.js';
import { isCloseBracket, isIdentLike, isOpenBracket, isPunct, isWord } from './tokens.js';

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

/** The attribute whose `#` is at `k`, or undefined if none starts there. */
export function attributeAt(tokens: readonly Token[], pairs: Int32Array, k: number): Attribute | undefined {
  if (!isPunct(tokens[k], '#')) return undefined;
  const inner = isPunct(tokens[k + 1], '!');
  const open = inner ? k + 2 : k + 1;
  if (!isPunct(tokens[open], '[')) return undefined;
  const close = pairs[open] ?? -1;
  if (close < 0) return undefined;

  let p = open + 1;
  let path = '';
  while (p < close && (isIdentLike(tokens[p]) || isPunct(tokens[p], '::'))) {
    path += tokens[p]!.text;
    p++;
  }
  const attr: Attribute = { start: k, end: close + 1, inner, path };
  if (isPunct(tokens[p], '(') && (pairs[p] ?? -1) > p && (pairs[p] ?? -1) < close) {
    attr.args = [p + 1, pairs[p]!];
  } else if (isPunct(tokens[p], '=') && p + 1 < close) {
    attr.valueIndex = p + 1;
  }
  return attr;
}

/** `#[test]`, `#[bench]`, or any `#[...::test]` such as `#[tokio::test(flavor = "…")]`. */
export function isTestHarnessAttr(attr: Attribute): boolean {
  return attr.path === 'test' || attr.path === 'bench' || (attr.path.endsWith('::test') && attr.path.length > 6);
}

/** `#[cfg(pred)]` where `pred` can only hold when compiling tests. */
export function isTestOnlyCfgAttr(tokens: readonly Token[], pairs: Int32Array, attr: Attribute): boolean {
  return attr.path === 'cfg' && attr.args !== undefined && cfgIsTestOnly(tokens, pairs, attr.args[0], attr.args[1]);
}

// Deeper nesting than this is not real code; refusing it bounds the recursion.
const MAX_CFG_DEPTH = 64;

/**
 * Whether the cfg predicate in tokens [from, to) implies `test`:
 * `test`; `all(...)` with any test-only argument; `any(...)` whose arguments
 * are all test-only. `not(...)` and everything else is production.
 */
export function cfgIsTestOnly(tokens: readonly Token[], pairs: Int32Array, from: number, to: number, depth = 0): boolean {
  if (depth > MAX_CFG_DEPTH || from >= to) return false;
  const head = tokens[from];
  if (to - from === 1) return isWord(head, 'test');
  const isAll = isWord(head, 'all');
  if (!isAll && !isWord(head, 'any')) return false;
  const open = from + 1;
  if (!isPunct(tokens[open], '(') || pairs[open] !== to - 1) return false;
  const args = splitCommaList(tokens, pairs, open + 1, to - 1);
  if (isAll) return args.some(([a, b]) => cfgIsTestOnly(tokens, pairs, a, b, depth + 1));
  return args.length > 0 && args.every(([a, b]) => cfgIsTestOnly(tokens, pairs, a, b, depth + 1));
}

/** Non-empty ranges between top-level commas in [from, to). */
export function splitCommaList(tokens: readonly Token[], pairs: Int32Array, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  let k = from;
  while (k < to) {
    const t = tokens[k];
    if (isOpenBracket(t) && (pairs[k] ?? -1) > k) {
      k = pairs[k]! + 1;
      continue;
    }
    if (isPunct(t, ',')) {
      if (k > start) out.push([start, k]);
      start = k + 1;
    } else if (isCloseBracket(t)) {
      break;
    }
    k++;
  }
  if (Math.min(k, to) > start) out.push([start, Math.min(k, to)]);
  return out;
}

/** The value of `#[path = "..."]`, read from the source text of its literal. */
export function pathAttrValue(src: string, tokens: readonly Token[], attr: Attribute): string | undefined {
  if (attr.path !== 'path' || attr.valueIndex === undefined) return undefined;
  const t = tokens[attr.valueIndex];
  if (t === undefined || t.kind !== 'literal') return undefined;
  return stringLiteralValue(src.slice(t.start, t.end));
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
    const e = raw[k + 1];
    k += 2;
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '0': out += '\0'; break;
      case 'x': {
        out += String.fromCharCode(parseInt(raw.slice(k, k + 2), 16) || 0);
        k += 2;
        break;
      }
      case 'u': {
        const close = raw.indexOf('}', k);
        if (raw[k] === '{' && close > k) {
          const cp = parseInt(raw.slice(k + 1, close).replace(/_/g, ''), 16);
          if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) out += String.fromCodePoint(cp);
          k = close + 1;
        }
        break;
      }
      case '\n':
      case '\r': {
        // Line continuation: the newline and the next line's leading whitespace vanish.
        while (k < raw.length && /\s/.test(raw[k]!)) k++;
        break;
      }
      default:
        if (e !== undefined) out += e;
    }
  }
  return out;
}
