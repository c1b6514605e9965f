// Whether a text may hold module facts, without lexing: conservative
// (false only when the plain judge would surely report no `mod name;`, no
// `include!` and no test-only inner attribute), so a file without live
// needles that says false needs no tokens at all.

import { identCharBefore, isIdentContinue, isIdentStart, isRustWhitespace } from '../rust/chars.js';

export function mayHaveModuleFacts(text: string): boolean {
  return mayInclude(text) || mayDeclareModule(text) || mayHaveTestInnerAttribute(text);
}

/**
 * False only when no `include` word is followed, past whitespace, by `!` or
 * by `/` (a comment may stand between the two): the plain judge reads an
 * `include!` only from an `include` token and a `!` token. Words such as
 * `includes` or `include_str` are not that token.
 */
export function mayInclude(text: string): boolean {
  for (let at = text.indexOf('include'); at >= 0; at = text.indexOf('include', at + 7)) {
    if (identCharBefore(text, at)) continue;
    let k = at + 7;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    const c = text.charCodeAt(k);
    if (c === 0x21 /* ! */ || c === 0x2f /* / */) return true;
  }
  return false;
}

/**
 * False only when every `mod` word is followed by a name and then `{` (an
 * inline module). Strings and comments are not told apart: a maybe is
 * enough; a comment where the name would be is a maybe too.
 */
export function mayDeclareModule(text: string): boolean {
  for (let at = text.indexOf('mod'); at >= 0; at = text.indexOf('mod', at + 3)) {
    if (identCharBefore(text, at)) continue;
    let k = at + 3;
    const after = text.charCodeAt(k);
    if (after !== 0x2f && !isRustWhitespace(after)) continue;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x2f /* / */) return true;
    if (text.startsWith('r#', k)) k += 2;
    if (!isIdentStart(text.charCodeAt(k))) continue;
    while (isIdentContinue(text.charCodeAt(k))) k++;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x7b /* { */) return true;
  }
  return false;
}

/**
 * False only when the text cannot hold a test-only `#![...]`: no `#`
 * followed (after whitespace) by `!`, or by `/` (a comment may stand between
 * the two), or no `test` at all.
 */
export function mayHaveTestInnerAttribute(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let k = at + 1;
    while (isRustWhitespace(text.charCodeAt(k))) k++;
    const c = text.charCodeAt(k);
    if (c === 0x21 /* ! */ || c === 0x2f /* / */) return text.includes('test');
  }
  return false;
}
