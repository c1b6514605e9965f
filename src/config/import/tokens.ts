// The guard file's tokens. This tokenizer, unlike the checker's lexer, keeps
// comments (they become allowlist reasons and class docs), decodes literal
// values (they become config), and fails loudly on malformed input: an
// importer must not guess.

import type { Importer } from './context.js';
import { unescapeAt } from '../../rust/escapes.js';

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

const PUNCT3 = ['<<=', '>>=', '...', '..='];
const PUNCT2 = ['::', '->', '=>', '==', '!=', '<=', '>=', '&&', '||', '..', '+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=', '<<', '>>'];

const isIdentStart = (ch: string): boolean => /[\p{XID_Start}_]/u.test(ch);
const isIdentContinue = (ch: string): boolean => /[\p{XID_Continue}]/u.test(ch);

export function lex(src: string, imp: Importer): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  if (src.charCodeAt(0) === 0xfeff) i = 1;

  const advance = (to: number): void => {
    for (let k = i; k < to; k++) {
      if (src[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    i = to;
  };
  const push = (kind: TokKind, start: number, end: number, text: string, value: string, doc: Tok['doc'] = null): void => {
    const startLine = line;
    const col = start - lineStart + 1;
    advance(end);
    toks.push({ kind, text, value, line: startLine, col, endLine: line, doc, fi: toks.length });
  };
  const here = (at: number): { line: number; col: number } => ({ line, col: at - lineStart + 1 });

  /** Reads a non-raw quoted literal whose opening quote is at `q`; returns the end and decoded value. */
  const readEscaped = (q: number, quote: string): { end: number; value: string } => {
    let j = q + 1;
    let value = '';
    for (;;) {
      const ch = src[j];
      if (ch === undefined) imp.fail(`unterminated ${quote === '"' ? 'string' : 'character'} literal`, here(q));
      if (ch === quote) return { end: j + 1, value };
      if (ch === '\\') {
        const esc = unescapeAt(src, j);
        if (esc.problem !== undefined) imp.fail(esc.problem, here(j));
        value += esc.value;
        j = esc.next;
        continue;
      }
      value += ch;
      j++;
    }
  };

  /** Raw literal: `start` at the `r`, hashes then the quote follow. */
  const readRaw = (afterR: number): { end: number; value: string } | null => {
    let j = afterR;
    while (src[j] === '#') j++;
    if (src[j] !== '"') return null;
    const hashes = j - afterR;
    const close = src.indexOf(`"${'#'.repeat(hashes)}`, j + 1);
    if (close < 0) imp.fail('unterminated raw string literal', here(afterR - 1));
    return { end: close + 1 + hashes, value: src.slice(j + 1, close) };
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\n' || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      advance(i + 1);
      continue;
    }
    const start = i;
    // Comments.
    if (ch === '/' && src[i + 1] === '/') {
      let end = src.indexOf('\n', i);
      if (end < 0) end = src.length;
      const text = src.slice(i, end).replace(/\r$/, '');
      const doc = text.startsWith('///') && !text.startsWith('////') ? 'outer' : text.startsWith('//!') ? 'inner' : null;
      push('comment', start, end, text, text.slice(doc ? 3 : 2), doc);
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (depth > 0) {
        if (j >= src.length) imp.fail('unterminated block comment', here(start));
        if (src[j] === '/' && src[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (src[j] === '*' && src[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      const text = src.slice(i, j);
      const doc = /^\/\*\*[^*/]/.test(text) ? 'outer' : text.startsWith('/*!') ? 'inner' : null;
      push('comment', start, j, text, text.slice(doc ? 3 : 2, -2), doc);
      continue;
    }
    // Prefixed literals and raw identifiers.
    if (ch === 'r' || ch === 'b' || ch === 'c') {
      const two = src.slice(i, i + 2);
      if ((two === 'br' || two === 'cr') && (src[i + 2] === '"' || src[i + 2] === '#')) {
        const raw = readRaw(i + 2);
        if (raw) {
          push('str', start, raw.end, src.slice(start, raw.end), raw.value);
          continue;
        }
      }
      if (ch === 'r' && src[i + 1] === '#' && isIdentStart(src[i + 2] ?? '')) {
        let j = i + 2;
        while (j < src.length && isIdentContinue(src[j]!)) j++;
        push('ident', start, j, src.slice(i + 2, j), '');
        continue;
      }
      if (ch === 'r' && (src[i + 1] === '"' || src[i + 1] === '#')) {
        const raw = readRaw(i + 1);
        if (raw) {
          push('str', start, raw.end, src.slice(start, raw.end), raw.value);
          continue;
        }
      }
      if ((ch === 'b' || ch === 'c') && src[i + 1] === '"') {
        const lit = readEscaped(i + 1, '"');
        push('str', start, lit.end, src.slice(start, lit.end), lit.value);
        continue;
      }
      if (ch === 'b' && src[i + 1] === "'") {
        const lit = readEscaped(i + 1, "'");
        push('char', start, lit.end, src.slice(start, lit.end), lit.value);
        continue;
      }
    }
    if (isIdentStart(ch)) {
      let j = i + 1;
      while (j < src.length && isIdentContinue(src[j]!)) j++;
      push('ident', start, j, src.slice(i, j), '');
      continue;
    }
    if (ch === '"') {
      const lit = readEscaped(i, '"');
      push('str', start, lit.end, src.slice(start, lit.end), lit.value);
      continue;
    }
    if (ch === "'") {
      if (src[i + 1] === '\\') {
        const lit = readEscaped(i, "'");
        push('char', start, lit.end, src.slice(start, lit.end), lit.value);
        continue;
      }
      const cp = src.codePointAt(i + 1);
      const len = cp !== undefined && cp > 0xffff ? 2 : 1;
      if (cp !== undefined && src[i + 1 + len] === "'") {
        push('char', start, i + 2 + len, src.slice(start, i + 2 + len), String.fromCodePoint(cp));
        continue;
      }
      if (isIdentStart(src[i + 1] ?? '')) {
        let j = i + 2;
        while (j < src.length && isIdentContinue(src[j]!)) j++;
        push('lifetime', start, j, src.slice(i, j), '');
        continue;
      }
      push('punct', start, i + 1, "'", '');
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      let j = i + 1;
      while (j < src.length) {
        const c = src[j]!;
        if (/[0-9A-Za-z_]/.test(c)) j++;
        else if (c === '.' && /[0-9]/.test(src[j + 1] ?? '') && !src.slice(i, j).includes('.')) j++;
        else break;
      }
      push('num', start, j, src.slice(i, j), '');
      continue;
    }
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    const p = PUNCT3.includes(three) ? three : PUNCT2.includes(two) ? two : ch;
    push('punct', start, i + p.length, p, '');
  }
  return toks;
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
