// Most files that mention a banned API do so in a `#[cfg(test)] mod tests
// { … }` at their end, or in a `#[cfg(test)] use …;`. Proving that takes no
// tokens: one pass that reads literals and comments with the lexer's own
// functions (so it agrees with tokenize on where each one ends), tracks
// brackets, and recognises a few plain shapes of test item at the top level
// (`#[cfg(test)]` then `mod name {`, `fn` or `use`). It answers only "surely
// all in comments, literals or test items"; anything unusual (another shape
// of test code, a mismatched bracket, an unclosed item) makes it answer "not
// shown", and the full analysis decides. A property test holds it to the
// full analysis.

import { ASCII_IDENT_CONTINUE, identCharBefore, isIdentStart } from './chars.js';
import { blockCommentEnd, charLiteralEnd, identEnd, quoteEnd, quotedEnd, rawStringEnd, skipShebang } from './lexer.js';

const LF = 0x0a;
const DQUOTE = 0x22;
const HASH = 0x23;
const QUOTE = 0x27;
const LPAREN = 0x28;
const RPAREN = 0x29;
const STAR = 0x2a;
const SLASH = 0x2f;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LOWER_B = 0x62;
const LOWER_C = 0x63;
const LOWER_R = 0x72;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const SEMI = 0x3b;
const BOM = 0xfeff;

const TEST_CFG = '#[cfg(test)]';

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === LF || c === 0x0d;
}

/** ASCII identifier characters: a keyword followed by one is no keyword. */
function isAsciiIdent(c: number): boolean {
  return ASCII_IDENT_CONTINUE[c] === 1;
}

/** How a recognised test item ends (as itemEnd has it for these shapes). */
export type TestItemEnd =
  /** `mod name {` and `fn …`: at the `}` closing its first top-level `{`, or at a top-level `;` before one */
  | 'brace'
  /** `use …`: at the first top-level `;` */
  | 'semi';

const ITEM_ENDS: ReadonlyArray<[string, TestItemEnd]> = [
  ['mod', 'brace'],
  ['fn', 'brace'],
  ['use', 'semi'],
];

/**
 * If `src` at `i` spells `#[cfg(test)]`, then (whitespace only between) an
 * optional `pub` and one of `mod`, `fn`, `use` followed by whitespace: how
 * that item ends, and where reading resumes (after the keyword).
 * Otherwise undefined.
 */
export function testItemHeader(src: string, i: number): { end: TestItemEnd; resume: number } | undefined {
  if (!src.startsWith(TEST_CFG, i)) return undefined;
  let k = i + TEST_CFG.length;
  const space = (): boolean => {
    const from = k;
    while (isAsciiSpace(src.charCodeAt(k))) k++;
    return k > from;
  };
  const word = (w: string): boolean => {
    if (!src.startsWith(w, k) || isAsciiIdent(src.charCodeAt(k + w.length))) return false;
    k += w.length;
    return true;
  };
  space();
  if (word('pub') && !space()) return undefined;
  for (const [keyword, end] of ITEM_ENDS) {
    if (word(keyword)) return space() ? { end, resume: k } : undefined;
  }
  return undefined;
}

/**
 * The characters that can change what the text after them is: comment and
 * literal openers, brackets, and what starts or ends a test item. In code
 * every other character belongs to an identifier, a number, punctuation or
 * whitespace, and none of those can hide one of these (tokenize ends
 * identifiers and numbers before each), so the pass jumps between them.
 */
export const STATEFUL_CHARS = '"\'/{}()[]#;';

const STATEFUL: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (const ch of STATEFUL_CHARS) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** The first stateful character at or after `from` (or `n`), one character at a time. */
function nextStateful(src: string, from: number, n: number): number {
  let j = from;
  for (let c = src.charCodeAt(j); j < n && (c >= 128 || STATEFUL[c] === 0); c = src.charCodeAt(++j));
  return j;
}

/** The same, from marks of the stateful characters (bit i % 32 of word i >> 5): 32 characters at a time. */
function nextMarked(marks: Uint32Array, from: number, n: number): number {
  let w = from >>> 5;
  let bits = w < marks.length ? marks[w]! & (-1 << (from & 31)) : 0;
  while (bits === 0) {
    if (++w >= marks.length) return n;
    bits = marks[w]!;
  }
  return Math.min(n, (w << 5) + 31 - Math.clz32(bits & -bits));
}

/** Whether `word` occurs in src[from, to) as a whole identifier (in code or not: callers only need a maybe). */
function wordBetween(src: string, word: string, from: number, to: number): boolean {
  for (let at = src.indexOf(word, from); at >= 0 && at + word.length <= to; at = src.indexOf(word, at + 1)) {
    if (!isAsciiIdent(src.charCodeAt(at - 1)) && !isAsciiIdent(src.charCodeAt(at + word.length))) return true;
  }
  return false;
}

/**
 * Where the raw string whose `"` is at `q` starts, or -1 if it is not one:
 * tokenize reads `r"`, `r#"`, `br"`, `cr#"` … as raw strings when the prefix
 * starts a token, i.e. follows no identifier character and is not the tail
 * of a lifetime or raw identifier ending after `floor`. (`b"` and `c"` read
 * like plain strings.)
 */
function rawPrefixStart(src: string, q: number, floor: number): number {
  let k = q;
  while (k > 0 && src.charCodeAt(k - 1) === HASH) k--;
  if (k === 0 || src.charCodeAt(k - 1) !== LOWER_R) return -1;
  let start = k - 1;
  const before = src.charCodeAt(start - 1);
  if (start > 0 && (before === LOWER_B || before === LOWER_C)) start--;
  return start < floor || identCharBefore(src, start) ? -1 : start;
}

/**
 * True when every offset in `occurrences` (ascending) lies in a comment, a
 * literal, or a top-level test item of a shape testItemHeader recognises
 * (from its attribute to its end). False when that is not shown. `marks`,
 * for an ASCII text, tells where its STATEFUL_CHARS are (Teddy.markBytes):
 * the pass then skips 32 characters at a time.
 */
export function onlyInTestModules(src: string, occurrences: readonly number[], marks?: Uint32Array): boolean {
  const n = src.length;
  // One depth for all brackets: pairBrackets pairs a closer with the innermost opener, whatever its kind.
  let depth = 0;
  let testFrom = -1; // start of the test item being read, if any
  let testEnd: TestItemEnd = 'brace';
  let bodyOpen = false; // whether its body `{` was reached
  let next = 0; // first occurrence not yet placed
  let nextAt = occurrences.length > 0 ? occurrences[0]! : n; // where it is
  let tokenFloor = 0; // end of the last lifetime, label or raw identifier read: no literal prefix starts inside one
  let itemFrom = 0; // just after the last top-level `;` or test item
  /** Places the occurrences before `end`: false if one is in code outside a test item. */
  const place = (end: number, code: boolean): boolean => {
    for (; nextAt < end; nextAt = ++next < occurrences.length ? occurrences[next]! : n) {
      if (code && testFrom < 0) return false;
    }
    return true;
  };

  let i = src.charCodeAt(0) === BOM ? 1 : 0;
  i = skipShebang(src, i);
  place(i, false);

  // Once every occurrence is placed outside a test item, the rest of the file cannot matter.
  while (next < occurrences.length || testFrom >= 0) {
    const j = marks ? nextMarked(marks, i, n) : nextStateful(src, i, n);
    if (nextAt < j && !place(j, true)) return false;
    if (j >= n) break;
    i = j;
    const c = src.charCodeAt(i);
    let literal = false; // whether [start, i) is a comment or literal
    let ends = false; // whether this character ends the test item

    if (c === LPAREN || c === LBRACKET || c === LBRACE) {
      if (c === LBRACE && depth === 0 && testFrom >= 0 && testEnd === 'brace') bodyOpen = true;
      depth++;
      i++;
    } else if (c === RPAREN || c === RBRACKET || c === RBRACE) {
      if (--depth < 0) return false;
      ends = depth === 0 && bodyOpen && testFrom >= 0;
      i++;
    } else if (c === SEMI) {
      ends = depth === 0 && !bodyOpen && testFrom >= 0;
      if (depth === 0) itemFrom = i + 1;
      i++;
    } else if (c === SLASH) {
      const c2 = src.charCodeAt(i + 1);
      if (c2 === SLASH) {
        const nl = src.indexOf('\n', i + 2);
        literal = true;
        i = nl < 0 ? n : nl;
      } else if (c2 === STAR) {
        literal = true;
        i = blockCommentEnd(src, i + 2);
      } else {
        i++;
      }
    } else if (c === DQUOTE) {
      // A raw string's prefix letters were placed as code already: conservative.
      const raw = rawPrefixStart(src, i, tokenFloor);
      literal = true;
      // rawStringEnd reads the hashes after the `r`
      i = raw >= 0 ? rawStringEnd(src, raw + (src.charCodeAt(raw) === LOWER_R ? 1 : 2)) : quotedEnd(src, i + 1);
    } else if (c === QUOTE) {
      if (src.charCodeAt(i - 1) === LOWER_B && i - 1 >= tokenFloor && !identCharBefore(src, i - 1)) {
        // `b'x'`, or a malformed `b'` that takes just the quote
        const end = charLiteralEnd(src, i);
        literal = true;
        i = end > 0 ? end : i + 1;
      } else {
        const end = charLiteralEnd(src, i);
        if (end > 0) {
          literal = true;
          i = end;
        } else {
          const start = i;
          i = quoteEnd(src, i);
          literal = i - start > 1 && src.charCodeAt(i - 1) === QUOTE; // `'ab'` lexes as a literal
          if (!literal) tokenFloor = i; // a lifetime, a label or a stray quote
        }
      }
    } else {
      // `#`
      // A `use` since the last top-level `;` may be a use item left open,
      // and an open use item swallows what follows (useTree.ts ends it at a
      // `;`): then this is no item start to trust.
      const header = testFrom < 0 && depth === 0 ? testItemHeader(src, i) : undefined;
      if (header && !wordBetween(src, 'use', itemFrom, i)) {
        testFrom = i;
        testEnd = header.end;
        bodyOpen = false;
        i = header.resume; // the header is part of the test item
      } else if (src.charCodeAt(i - 1) === LOWER_R && i - 1 >= tokenFloor && !identCharBefore(src, i - 1) && isIdentStart(src.charCodeAt(i + 1))) {
        // `r#name`, a raw identifier: the letters of its name are no literal prefix
        i = identEnd(src, i + 2);
        tokenFloor = i;
      } else {
        i++;
      }
    }

    if (nextAt < i && !place(i, !literal)) return false;
    if (ends) {
      testFrom = -1;
      bodyOpen = false;
      itemFrom = i;
    }
  }
  // A test item left open at the end of the file is not a plain shape.
  return testFrom < 0;
}
