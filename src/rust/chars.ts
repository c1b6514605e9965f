// Character classes of the Rust lexical grammar, over UTF-16 char codes.
// Every predicate is false for NaN (charCodeAt past the end), so callers can
// peek beyond the input without bounds checks.

/** Rust's Pattern_White_Space set: the only characters rustc treats as whitespace. */
export function isRustWhitespace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x2028 ||
    c === 0x2029
  );
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Identifier start. Any non-ASCII code unit that is not whitespace counts, so
 * Unicode identifiers (and surrogate pairs) lex as one token without tables;
 * rustc would reject the odd symbol, but we only need a stable tokenisation.
 */
export function isIdentStart(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x5f ||
    (c >= 0x80 && !isRustWhitespace(c))
  );
}

export function isIdentContinue(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/**
 * Whether the unit before `at` continues an identifier. A leading BOM does
 * not: it is trivia, although as a non-ASCII non-space it would count.
 */
export function identCharBefore(src: string, at: number): boolean {
  return isIdentContinue(src.charCodeAt(at - 1)) && !(at === 1 && src.charCodeAt(0) === 0xfeff);
}

// ASCII classes for the lexer's hot loop (a table lookup instead of a chain
// of comparisons per character).
export const CLASS_OTHER = 0;
export const CLASS_SPACE = 1;
export const CLASS_IDENT = 2;
export const CLASS_DIGIT = 3;
/** Punctuation that is always a token of its own (not `/`, `"`, `'`, `:`). */
export const CLASS_PUNCT = 4;

/** Class of every ASCII code unit (index < 128). */
export const ASCII_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (isRustWhitespace(c)) table[c] = CLASS_SPACE;
    else if (isDigit(c)) table[c] = CLASS_DIGIT;
    else if (isIdentStart(c)) table[c] = CLASS_IDENT;
    else if (c > 0x20 && c < 0x7f && !'/"\':'.includes(String.fromCharCode(c))) table[c] = CLASS_PUNCT;
  }
  return table;
})();

/** 1 for the ASCII code units that continue an identifier. */
export const ASCII_IDENT_CONTINUE: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = isIdentContinue(c) ? 1 : 0;
  return table;
})();

/** The class of any code unit: non-ASCII is whitespace or identifier. */
export function charClass(c: number): number {
  return c < 128 ? ASCII_CLASS[c]! : isRustWhitespace(c) ? CLASS_SPACE : CLASS_IDENT;
}
