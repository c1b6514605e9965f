// The guard file's tokens, from the checker's own Rust lexer in its
// comment-keeping mode (one lexer for the checker and the importer). On top
// of it the importer needs what the checker does not: literal values decoded
// (they become config), comments with their doc kind (they become reasons),
// line and column of everything, multi-character operators as one token, and
// a loud failure on malformed input (the lexer is forgiving; an importer must
// not guess).

import type { Importer } from './importer.js';
import { unescapeAt } from '../../rust/escapes.js';
import { tokenizeWithComments } from '../../rust/lexer.js';
import { makeLocator } from '../../rust/positions.js';
import { IDENT, LIFETIME, LITERAL, NUMBER, PATH_SEP, PUNCT, RAW_IDENT } from '../../rust/tokens.js';

type TokKind = 'ident' | 'lifetime' | 'str' | 'char' | 'num' | 'punct' | 'comment';

export interface Tok {
  kind: TokKind;
  /** Source text; for a raw identifier `r#x`, just `x`. */
  text: string;
  /** Decoded value of a string or char literal; the body of a comment. */
  value: string;
  line: number;
  col: number;
  endLine: number;
  /** Doc comments: `///` and `/**` blocks are outer docs, `//!` and `/*!` blocks inner docs. */
  doc: 'outer' | 'inner' | null;
  /** Index in the full token list (comments included). */
  fi: number;
}

const PUNCT3 = new Set(['<<=', '>>=', '...', '..=']);
const PUNCT2 = new Set(['::', '->', '=>', '==', '!=', '<=', '>=', '&&', '||', '..', '+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=', '<<', '>>']);

interface Span {
  kind: TokKind;
  start: number;
  end: number;
}

/** The lexer's tokens and comments in source order, operators joined the way the importer reads them. */
function spans(src: string): Span[] {
  const { tokens: ts, comments } = tokenizeWithComments(src);
  const out: Span[] = [];
  let c = 0;
  for (let k = 0; k < ts.count; k++) {
    const start = ts.start[k]!;
    while (c < comments.length && comments[c]!.start < start) out.push({ kind: 'comment', ...comments[c++]! });
    const kind = ts.kind[k];
    const first = src[start];
    if (kind === IDENT || kind === RAW_IDENT) out.push({ kind: 'ident', start, end: ts.end[k]! });
    else if (kind === LIFETIME) out.push({ kind: 'lifetime', start, end: ts.end[k]! });
    else if (kind === NUMBER) out.push({ kind: 'num', start, end: ts.end[k]! });
    else if (kind === LITERAL) out.push({ kind: first === "'" || src.startsWith("b'", start) ? 'char' : 'str', start, end: ts.end[k]! });
    else {
      // Punctuation: join adjacent characters into the operators the passes compare.
      let end = ts.end[k]!;
      const adjacent = (j: number): boolean => j < ts.count && ts.start[j] === ts.end[j - 1] && (ts.kind[j] === PATH_SEP || ts.kind[j] === PUNCT);
      if (kind !== PATH_SEP) {
        if (adjacent(k + 1) && adjacent(k + 2) && PUNCT3.has(src.slice(start, ts.end[k + 2]))) {
          end = ts.end[k + 2]!;
          k += 2;
        } else if (adjacent(k + 1) && PUNCT2.has(src.slice(start, ts.end[k + 1]))) {
          end = ts.end[k + 1]!;
          k += 1;
        }
      }
      out.push({ kind: 'punct', start, end });
    }
  }
  while (c < comments.length) out.push({ kind: 'comment', ...comments[c++]! });
  return out;
}

export function lex(src: string, imp: Importer): Tok[] {
  const locate = makeLocator(src);
  const at = (offset: number): { line: number; col: number } => {
    const { line, column } = locate(offset);
    return { line, col: column };
  };
  const toks: Tok[] = [];
  for (const s of spans(src)) {
    const { line, col } = at(s.start);
    const raw = src.slice(s.start, s.end);
    let text = raw;
    let value = '';
    let doc: Tok['doc'] = null;
    if (s.kind === 'comment') {
      if (raw.startsWith('//')) {
        text = raw.replace(/\r$/, '');
        doc = text.startsWith('///') && !text.startsWith('////') ? 'outer' : text.startsWith('//!') ? 'inner' : null;
        value = text.slice(doc ? 3 : 2);
      } else {
        if (!blockClosed(raw)) imp.fail('unterminated block comment', at(s.start));
        doc = /^\/\*\*[^*/]/.test(raw) ? 'outer' : raw.startsWith('/*!') ? 'inner' : null;
        value = raw.slice(doc ? 3 : 2, -2);
      }
    } else if (s.kind === 'ident') {
      if (raw.startsWith('r#')) text = raw.slice(2);
    } else if (s.kind === 'str' || s.kind === 'char') {
      value = literalValue(src, s, imp, at);
    }
    toks.push({ kind: s.kind, text, value, line, col, endLine: locate(s.end).line, doc, fi: toks.length });
  }
  return toks;
}

/** Whether a block comment the lexer read is closed (it runs to the end of the file when not). */
function blockClosed(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i++;
    }
  }
  return depth === 0;
}

/** The decoded value of a string or char literal; malformed or unterminated literals fail. */
function literalValue(src: string, s: Span, imp: Importer, at: (offset: number) => { line: number; col: number }): string {
  let q = s.start;
  while (src[q] !== '"' && src[q] !== "'" && src[q] !== '#') q++; // past the b / c / r / br / cr prefix
  const isRaw = src[q] === '#' || (src[q] === '"' && q > s.start && src[q - 1] === 'r');
  if (isRaw) {
    let hashes = 0;
    while (src[q + hashes] === '#') hashes++;
    const open = q + hashes; // the quote
    const close = s.end - 1 - hashes;
    if (close <= open || src[close] !== '"' || src.slice(close + 1, s.end) !== '#'.repeat(hashes)) imp.fail('unterminated raw string literal', at(s.start));
    return src.slice(open + 1, close);
  }
  const quote = src[q]!;
  const what = quote === '"' ? 'string' : 'character';
  let value = '';
  let j = q + 1;
  for (;;) {
    if (j >= s.end) imp.fail(`unterminated ${what} literal`, at(q));
    const ch = src[j]!;
    if (ch === quote) break;
    if (ch === '\\') {
      const esc = unescapeAt(src, j);
      if (esc.problem !== undefined) imp.fail(esc.problem, at(j));
      value += esc.value;
      j = esc.next;
      continue;
    }
    value += ch;
    j++;
  }
  if (j !== s.end - 1) imp.fail(`malformed ${what} literal`, at(s.start));
  if (quote === "'" && [...value].length !== 1) imp.fail('malformed character literal: it must hold exactly one character', at(s.start));
  return value;
}

/** Non-empty lines, trimmed and joined into one line of prose. */
export function paragraph(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** The text of a comment as prose lines (markers and block-comment stars removed). */
export function commentLines(t: Tok): string[] {
  if (t.text.startsWith('//')) return [t.value.replace(/^[/!]*/, '')];
  return t.value.split(/\r?\n/).map((l) => l.replace(/^\s*\*(?!\/)/, ''));
}
