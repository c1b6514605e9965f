// The token stream: parallel typed arrays rather than one object per token,
// so lexing a file allocates a handful of arrays instead of thousands of
// objects, and later passes compare small integers. Trivia (whitespace,
// comments) has no tokens: a gap between one token's end and the next one's
// start is where trivia stood.


export const IDENT = 1; // identifier or keyword
export const RAW_IDENT = 2; // `r#name`
export const LIFETIME = 3; // `'a`, `'static`, loop labels
export const LITERAL = 4; // string, raw/byte/C string, char or byte literal
export const NUMBER = 5;
export const PUNCT = 6; // one punctuation (or otherwise unknown) character; `..`, `...`, `..=`
export const PATH_SEP = 7; // `::`

export interface TokenStream {
  readonly src: string;
  readonly count: number;
  readonly kind: Uint8Array;
  /** UTF-16 offset of each token's first unit. */
  readonly start: Int32Array;
  /** UTF-16 offset just past each token. */
  readonly end: Int32Array;
  /** Code unit at each token's start (the character itself for punctuation). */
  readonly code: Uint16Array;
}

// Char codes the structural passes look for.
export const HASH = 0x23; // #
export const BANG = 0x21; // !
export const LPAREN = 0x28; // (
export const RPAREN = 0x29; // )
export const STAR = 0x2a; // *
export const COMMA = 0x2c; // ,
export const DOT = 0x2e; // .
export const SEMI = 0x3b; // ;
export const LT = 0x3c; // <
export const EQ = 0x3d; // =
export const QUESTION = 0x3f; // ?
export const LBRACKET = 0x5b; // [
export const RBRACKET = 0x5d; // ]
export const LBRACE = 0x7b; // {
export const PIPE = 0x7c; // |
export const RBRACE = 0x7d; // }

/** Stands for every literal in the code view, so no needle sees inside one. */
export const LITERAL_PLACEHOLDER = '""';

export function isPunctAt(ts: TokenStream, k: number, code: number): boolean {
  return k >= 0 && k < ts.count && ts.kind[k] === PUNCT && ts.code[k] === code;
}

export function isPathSepAt(ts: TokenStream, k: number): boolean {
  return k >= 0 && k < ts.count && ts.kind[k] === PATH_SEP;
}

/** A keyword or plain identifier spelled `word` (raw identifiers never are keywords). */
export function isWordAt(ts: TokenStream, k: number, word: string): boolean {
  if (k < 0 || k >= ts.count || ts.kind[k] !== IDENT) return false;
  const s = ts.start[k]!;
  return ts.end[k]! - s === word.length && ts.src.startsWith(word, s);
}

export function isIdentLikeAt(ts: TokenStream, k: number): boolean {
  const kind = ts.kind[k];
  return kind === IDENT || kind === RAW_IDENT;
}

export function isOpenAt(ts: TokenStream, k: number): boolean {
  if (ts.kind[k] !== PUNCT) return false;
  const c = ts.code[k];
  return c === LBRACE || c === LPAREN || c === LBRACKET;
}

export function isCloseAt(ts: TokenStream, k: number): boolean {
  if (ts.kind[k] !== PUNCT) return false;
  const c = ts.code[k];
  return c === RBRACE || c === RPAREN || c === RBRACKET;
}

/** Where a token's text starts as the code view shows it (`r#` dropped). */
export function viewStart(ts: TokenStream, k: number): number {
  return ts.kind[k] === RAW_IDENT ? ts.start[k]! + 2 : ts.start[k]!;
}

/** Length of a token's text as the code view shows it. */
export function viewLength(ts: TokenStream, k: number): number {
  return ts.kind[k] === LITERAL ? LITERAL_PLACEHOLDER.length : ts.end[k]! - viewStart(ts, k);
}

/** A token's text as the code view shows it: raw identifiers plain, literals as the placeholder. */
export function tokenText(ts: TokenStream, k: number): string {
  return ts.kind[k] === LITERAL ? LITERAL_PLACEHOLDER : ts.src.slice(viewStart(ts, k), ts.end[k]);
}

/**
 * For every bracket token, the index of its partner (both directions), or -1
 * when unmatched. (), [] and {} are tracked as one kind of depth: a closer
 * pairs with whatever opener is innermost, which is exact for valid Rust and
 * keeps broken input balanced enough to keep going.
 */
export function pairBrackets(ts: TokenStream): Int32Array {
  const pairs = new Int32Array(ts.count).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < ts.count; k++) {
    if (ts.kind[k] !== PUNCT) continue;
    const c = ts.code[k];
    if (c === LBRACE || c === LPAREN || c === LBRACKET) {
      stack.push(k);
    } else if (c === RBRACE || c === RPAREN || c === RBRACKET) {
      const open = stack.pop();
      if (open !== undefined) {
        pairs[open] = k;
        pairs[k] = open;
      }
    }
  }
  return pairs;
}
