// A forgiving, single-pass Rust lexer over UTF-16 char codes.
//
// It never throws and runs in linear time on any input: unterminated literals
// and comments simply run to the end of the file, unknown characters become
// one-character punctuation, and every lookahead is bounded. Comments and
// whitespace are trivia: they produce no token, and the gap between two
// tokens' offsets is how later stages know that trivia stood there.

import { ASCII_IDENT_CONTINUE, CLASS_DIGIT, CLASS_IDENT, CLASS_PUNCT, CLASS_SPACE, charClass, isDigit, isIdentContinue, isIdentStart, isRustWhitespace } from './chars.js';
import {
  IDENT,
  LIFETIME,
  LITERAL,
  LITERAL_PLACEHOLDER,
  NUMBER,
  PATH_SEP,
  PUNCT,
  RAW_IDENT,
  tokenText,
  type TokenStream,
} from './tokens.js';

export { LITERAL_PLACEHOLDER };

export type TokenKind =
  /** identifier or keyword */
  | 'ident'
  /** `r#name`; `text` is the plain name */
  | 'rawIdent'
  /** `'a`, `'static`, loop labels */
  | 'lifetime'
  /** string, raw string, byte/C string, char or byte literal; `text` is a placeholder */
  | 'literal'
  | 'number'
  /** `::`, `..`, `...`, `..=`, or a single other character */
  | 'punct';

/** One token as an object: convenient for tests and callers, not used by the analysis itself. */
export interface Token {
  kind: TokenKind;
  /** UTF-16 offset of the first code unit in the source. */
  start: number;
  /** UTF-16 offset just past the token. */
  end: number;
  /** The token as the code view shows it (raw identifiers plain, literals as a placeholder). */
  text: string;
}

const KIND_NAMES: Record<number, TokenKind> = {
  [IDENT]: 'ident',
  [RAW_IDENT]: 'rawIdent',
  [LIFETIME]: 'lifetime',
  [LITERAL]: 'literal',
  [NUMBER]: 'number',
  [PUNCT]: 'punct',
  [PATH_SEP]: 'punct',
};

/** The code tokens of `src` as objects. */
export function lexRust(src: string): Token[] {
  const ts = tokenize(src);
  const out: Token[] = [];
  for (let k = 0; k < ts.count; k++) {
    out.push({ kind: KIND_NAMES[ts.kind[k]!]!, start: ts.start[k]!, end: ts.end[k]!, text: tokenText(ts, k) });
  }
  return out;
}

const LF = 0x0a;
const DQUOTE = 0x22;
const HASH = 0x23;
const QUOTE = 0x27;
const STAR = 0x2a;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const LOWER_B = 0x62;
const LOWER_C = 0x63;
const LOWER_R = 0x72;
const BOM = 0xfeff;

/** Lex `src` into a token stream, in one pass over its char codes. */
export function tokenize(src: string): TokenStream {
  const n = src.length;
  // Real code has a token every four or five characters; denser input grows
  // the columns. All four share one buffer: allocation is the costly part.
  let capacity = (n >> 2) + 16;
  let { starts, ends, codes, kind } = columns(capacity);
  let count = 0;

  let i = src.charCodeAt(0) === BOM ? 1 : 0;
  i = skipShebang(src, i);
  while (i < n) {
    const c = src.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CLASS_SPACE) {
      i = spaceEnd(src, i + 1);
      continue;
    }
    const start = i;
    let k: number; // the token's kind; `i` moves to its end
    if (cls === CLASS_PUNCT) {
      // The most common token: `(`, `.`, `;`, `{`, `&`, ... and the ranges `..`, `...`, `..=`.
      k = PUNCT;
      i = c === DOT && src.charCodeAt(i + 1) === DOT ? rangeEnd(src, i + 2) : i + 1;
    } else if (cls === CLASS_IDENT) {
      const litEnd = c === LOWER_B || c === LOWER_C || c === LOWER_R ? prefixedLiteralEnd(src, i, c) : -1;
      if (litEnd > 0) {
        k = LITERAL;
        i = litEnd;
      } else if (c === LOWER_R && src.charCodeAt(i + 1) === HASH && isIdentStart(src.charCodeAt(i + 2))) {
        k = RAW_IDENT;
        i = identEnd(src, i + 3);
      } else {
        k = IDENT;
        i = identEnd(src, i + 1);
      }
    } else if (cls === CLASS_DIGIT) {
      k = NUMBER;
      i = numberEnd(src, i);
    } else if (c === SLASH && src.charCodeAt(i + 1) === SLASH) {
      const nl = src.indexOf('\n', i + 2);
      i = nl < 0 ? n : nl;
      continue;
    } else if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
      i = blockCommentEnd(src, i + 2);
      continue;
    } else if (c === DQUOTE) {
      k = LITERAL;
      i = quotedEnd(src, i + 1);
    } else if (c === QUOTE) {
      const charEnd = charLiteralEnd(src, i);
      if (charEnd > 0) {
        k = LITERAL;
        i = charEnd;
      } else {
        i = quoteEnd(src, i);
        k = i - start === 1 ? PUNCT : src.charCodeAt(i - 1) === QUOTE ? LITERAL : LIFETIME;
      }
    } else if (c === COLON && src.charCodeAt(i + 1) === COLON) {
      k = PATH_SEP;
      i += 2;
    } else {
      // Everything else (ASCII punctuation, control characters, NUL) is one char.
      k = PUNCT;
      i++;
    }
    if (count === capacity) {
      capacity *= 2;
      const more = columns(capacity);
      more.starts.set(starts);
      more.ends.set(ends);
      more.codes.set(codes);
      more.kind.set(kind);
      ({ starts, ends, codes, kind } = more);
    }
    kind[count] = k;
    starts[count] = start;
    ends[count] = i;
    codes[count] = c;
    count++;
  }

  return {
    src,
    count,
    kind: kind.subarray(0, count),
    start: starts.subarray(0, count),
    end: ends.subarray(0, count),
    code: codes.subarray(0, count),
  };
}

/** End of `..`, `...` or `..=` whose first two dots end before `k`. */
function rangeEnd(src: string, k: number): number {
  const c = src.charCodeAt(k);
  return c === DOT || c === 0x3d /* = */ ? k + 1 : k;
}

/** Bytes per token: start and end (4 each), code (2), kind (1). */
const COLUMN_BYTES = 11;

/** Token columns for `capacity` tokens, on one new buffer. */
function columns(capacity: number): { starts: Int32Array; ends: Int32Array; codes: Uint16Array; kind: Uint8Array } {
  const buffer = new ArrayBuffer(capacity * COLUMN_BYTES);
  return {
    starts: new Int32Array(buffer, 0, capacity),
    ends: new Int32Array(buffer, capacity * 4, capacity),
    codes: new Uint16Array(buffer, capacity * 8, capacity),
    kind: new Uint8Array(buffer, capacity * 10, capacity),
  };
}

/**
 * A `#!` first line is a shebang (trivia) unless what follows `#!`, past
 * whitespace and plain (non-doc) comments, is `[`: rustc reads
 * `#!`, an empty block comment, then `[allow(unused)]` as an inner attribute.
 */
function skipShebang(src: string, i: number): number {
  if (src.charCodeAt(i) !== HASH || src.charCodeAt(i + 1) !== 0x21) return i;
  let k = i + 2;
  for (;;) {
    while (k < src.length && isRustWhitespace(src.charCodeAt(k))) k++;
    if (src.charCodeAt(k) !== SLASH) break;
    const next = src.charCodeAt(k + 1);
    const third = src.charCodeAt(k + 2);
    if (next === SLASH && (third !== SLASH || src.charCodeAt(k + 3) === SLASH) && third !== 0x21) {
      const nl = src.indexOf('\n', k);
      k = nl < 0 ? src.length : nl;
    } else if (next === STAR && (third !== STAR || src.charCodeAt(k + 3) === STAR || src.charCodeAt(k + 3) === SLASH) && third !== 0x21) {
      k = blockCommentEnd(src, k + 2);
    } else {
      break; // a doc comment ends the look, as in rustc
    }
  }
  if (src.charCodeAt(k) === LBRACKET) return i;
  const nl = src.indexOf('\n', i);
  return nl < 0 ? src.length : nl;
}

/** End of a (possibly nested) block comment whose body starts at `k`. */
function blockCommentEnd(src: string, k: number): number {
  const n = src.length;
  let depth = 1;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === SLASH && src.charCodeAt(k + 1) === STAR) {
      depth++;
      k += 2;
    } else if (c === STAR && src.charCodeAt(k + 1) === SLASH) {
      k += 2;
      if (--depth === 0) return k;
    } else {
      k++;
    }
  }
  return n;
}

function spaceEnd(src: string, k: number): number {
  const n = src.length;
  while (k < n && charClass(src.charCodeAt(k)) === CLASS_SPACE) k++;
  return k;
}

function identEnd(src: string, k: number): number {
  const n = src.length;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c < 128 ? ASCII_IDENT_CONTINUE[c] === 0 : isRustWhitespace(c)) break;
    k++;
  }
  return k;
}

/** End of a `"`-string whose body starts at `k` (escapes honoured; EOF if unterminated). */
function quotedEnd(src: string, k: number): number {
  const n = src.length;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH) k += 2;
    else if (c === DQUOTE) return k + 1;
    else k++;
  }
  return n;
}

/**
 * Literals spelled with an identifier-like prefix: `b"…"`, `c"…"`, `b'x'`,
 * `r"…"`, `r#"…"#`, `br#"…"#`, `cr#"…"#`. Returns the end offset, or -1 when
 * the characters at `i` are an ordinary identifier.
 */
function prefixedLiteralEnd(src: string, i: number, c: number): number {
  let r = i;
  if (c === LOWER_B || c === LOWER_C) {
    const c2 = src.charCodeAt(i + 1);
    if (c2 === DQUOTE) return quotedEnd(src, i + 2);
    if (c === LOWER_B && c2 === QUOTE) {
      const end = charLiteralEnd(src, i + 1);
      // `b'` that is not a well-formed byte literal: take the quote anyway.
      return end > 0 ? end : i + 2;
    }
    if (c2 !== LOWER_R) return -1;
    r = i + 1;
  } else if (c !== LOWER_R) {
    return -1;
  }
  return rawStringEnd(src, r + 1);
}

/**
 * Raw string whose `#`s start at `k` (just after the `r`). Returns -1 unless
 * the hashes are followed by `"`. Linear: each char is examined at most once
 * as a candidate closing hash and once by the scan for quotes.
 */
function rawStringEnd(src: string, k: number): number {
  const n = src.length;
  let hashes = 0;
  while (src.charCodeAt(k + hashes) === HASH) hashes++;
  if (src.charCodeAt(k + hashes) !== DQUOTE) return -1;
  let j = k + hashes + 1;
  while (j < n) {
    if (src.charCodeAt(j) !== DQUOTE) {
      j++;
      continue;
    }
    let h = 0;
    while (h < hashes && src.charCodeAt(j + 1 + h) === HASH) h++;
    if (h === hashes) return j + 1 + hashes;
    j += 1 + h;
  }
  return n;
}

/**
 * A char literal opening at quote `q`, or -1 if the text there is not one
 * (then it is a lifetime or a stray quote). Escapes look ahead a bounded
 * distance so a lone `'\` cannot make lexing quadratic.
 */
function charLiteralEnd(src: string, q: number): number {
  const n = src.length;
  const c1 = src.charCodeAt(q + 1);
  if (c1 === BACKSLASH) {
    const limit = Math.min(n, q + 16); // `'\u{10FFFF}'` is 12 long
    for (let k = q + 3; k < limit; k++) {
      const ck = src.charCodeAt(k);
      if (ck === QUOTE) return k + 1;
      if (ck === LF) break;
    }
    // Unterminated: take just `'\`, so no token ends in an identifier
    // character that the next token continues (the needle prefilter relies on it).
    return Math.min(n, q + 2);
  }
  if (q + 1 >= n) return -1;
  const width = c1 >= 0xd800 && c1 <= 0xdbff && isLowSurrogate(src.charCodeAt(q + 2)) ? 2 : 1;
  return src.charCodeAt(q + 1 + width) === QUOTE ? q + 2 + width : -1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * After a quote that does not open a char literal: the end of a lifetime or
 * label (`'a`, `'r#a`), of a malformed `'ab'` (which rustc, too, reads as a
 * char literal: the caller sees it ends in a quote), or just the stray `'`.
 */
function quoteEnd(src: string, i: number): number {
  let k = i + 1;
  if (src.charCodeAt(k) === LOWER_R && src.charCodeAt(k + 1) === HASH && isIdentStart(src.charCodeAt(k + 2))) k += 2;
  if (!isIdentStart(src.charCodeAt(k))) return i + 1;
  const end = identEnd(src, k + 1);
  return src.charCodeAt(end) === QUOTE ? end + 1 : end;
}

/**
 * Integer or float literal with any suffix: `1`, `1_000u32`, `0x1F_u8`,
 * `1.5e-3f64`, `1.`; `1..2` leaves the `..` alone and `1.foo()` the method.
 * Trailing identifier characters are absorbed so that an identifier never
 * directly follows a number token.
 */
function numberEnd(src: string, i: number): number {
  const n = src.length;
  let k = i + 1;
  const c1 = src.charCodeAt(k);
  const radix = src.charCodeAt(i) === 0x30 && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62); // 0x 0o 0b
  let seenDot = false;
  let seenExp = false;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (isIdentContinue(c)) {
      if (!radix && (c === 0x65 || c === 0x45)) {
        seenExp = true;
        const s = src.charCodeAt(k + 1);
        if ((s === PLUS || s === MINUS) && isDigit(src.charCodeAt(k + 2))) {
          k += 3;
          continue;
        }
      }
      k++;
      continue;
    }
    if (c === DOT && !radix && !seenDot && !seenExp) {
      const next = src.charCodeAt(k + 1);
      if (next === DOT || isIdentStart(next)) break;
      seenDot = true;
      k++;
      continue;
    }
    break;
  }
  return k;
}

/** A comment's span in the source (UTF-16 offsets, `end` exclusive). */
export interface CommentSpan {
  start: number;
  end: number;
}

/**
 * The comment-keeping mode, for the config importer (comments there become
 * allowlist reasons): the comments of `src` read from the trivia between the
 * tokens `tokenize` made, so code is lexed by one lexer and the hot path pays
 * nothing for comments nobody else keeps. Line comments end before their
 * newline; an unterminated block comment runs to the end of the file.
 */
export function tokenizeWithComments(src: string): { tokens: TokenStream; comments: CommentSpan[] } {
  const tokens = tokenize(src);
  const comments: CommentSpan[] = [];
  let from = skipShebang(src, src.charCodeAt(0) === BOM ? 1 : 0);
  for (let k = 0; k <= tokens.count; k++) {
    const to = k < tokens.count ? tokens.start[k]! : src.length;
    for (let i = from; i < to; ) {
      const c = src.charCodeAt(i);
      if (c === SLASH && src.charCodeAt(i + 1) === SLASH) {
        const nl = src.indexOf('\n', i + 2);
        const end = nl < 0 || nl > to ? to : nl;
        comments.push({ start: i, end });
        i = end;
      } else if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
        const end = blockCommentEnd(src, i + 2);
        comments.push({ start: i, end });
        i = end;
      } else {
        i++;
      }
    }
    if (k < tokens.count) from = tokens.end[k]!;
  }
  return { tokens, comments };
}
