// `chokepoint init --from GUARDS.rs`: reads a Rust "chokepoint lint" test (a
// `cargo test` that bans host APIs outside allowlisted files) and writes the
// equivalent chokepoint.toml.
//
// The importer understands the *shape* of such a test, not its names: banned
// classes are struct literals with `name` / `needles` / `allowlist` fields, the
// allowlists are string-array consts (or inline arrays), file exclusions are a
// bool fn of `||`-joined path tests, the walk is a recursive directory collector
// fed from a driver, the sanity threshold is an `assert!` on the walk's length,
// and the dependency guard is the fn that joins `Cargo.toml`. Anything that looks
// like rule data but does not fit is an import error naming its line: nothing is
// dropped silently.
//
// The Rust source is read with a small tokenizer (strings of every kind, nested
// comments, char literals vs lifetimes) and bracket matching, not with regexes
// over the file.

import { UserError } from '../errors.js';

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

type TokKind = 'ident' | 'lifetime' | 'str' | 'char' | 'num' | 'punct' | 'comment';

interface Tok {
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

class Importer {
  readonly basename: string;

  constructor(readonly file: string) {
    this.basename = file.split(/[\\/]/).pop() ?? file;
  }

  fail(message: string, at?: { line: number; col: number }, hint?: string): never {
    throw new UserError('import', message, { file: this.file, line: at?.line, column: at?.col }, hint);
  }
}

function lex(src: string, imp: Importer): Tok[] {
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
        const e = src[j + 1];
        j += 2;
        switch (e) {
          case 'n': value += '\n'; break;
          case 'r': value += '\r'; break;
          case 't': value += '\t'; break;
          case '0': value += '\0'; break;
          case '\\': value += '\\'; break;
          case "'": value += "'"; break;
          case '"': value += '"'; break;
          case 'x': {
            value += String.fromCharCode(parseInt(src.slice(j, j + 2), 16));
            j += 2;
            break;
          }
          case 'u': {
            const close = src.indexOf('}', j);
            const hex = close > j ? src.slice(j + 1, close).replace(/_/g, '') : '';
            const cp = parseInt(hex, 16);
            if (src[j] !== '{' || close < 0 || Number.isNaN(cp) || cp > 0x10ffff) imp.fail('malformed `\\u{…}` escape', here(j - 2));
            value += String.fromCodePoint(cp);
            j = close + 1;
            break;
          }
          case '\n':
          case '\r':
            // Line continuation: the newline and the next line's leading whitespace vanish.
            j--;
            while (src[j] === ' ' || src[j] === '\t' || src[j] === '\n' || src[j] === '\r') j++;
            break;
          default:
            imp.fail(`unknown escape \`\\${e ?? ''}\``, here(j - 2));
        }
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

// ---------------------------------------------------------------------------
// Structure: bracket matching, items
// ---------------------------------------------------------------------------

interface Param {
  name: string;
  type: string;
}

interface FnInfo {
  name: string;
  nameIdx: number;
  params: Param[];
  /** Return type as space-joined token text ('' when none). */
  ret: string;
  open: number;
  close: number;
  docs: string;
}

interface ConstInfo {
  name: string;
  nameIdx: number;
  type: string;
  /** Code-token range of the value expression: [valStart, valEnd). */
  valStart: number;
  valEnd: number;
  docs: string;
}

interface StructInfo {
  name: string;
  fields: string[];
  open: number;
}

interface Entry {
  value: string;
  tok: Tok;
  /** The own-line comment group above the entry. */
  group: string | null;
  /** A comment on the same line as the entry. */
  trailing: string | null;
}

interface ClassOut {
  name: string;
  reason: string;
  useInstead?: string;
  needles: string[];
  allow: { path: string; reason: string }[];
  tok: Tok;
}

/** A path pattern being evaluated: glob segments (already escaped; `*` is a wildcard). */
type PVal = { kind: 'path'; segs: string[] } | { kind: 'list'; segs: string[] };

interface Binding {
  name: string;
  kind: 'let' | 'for';
  at: number;
  start: number;
  end: number;
}

const ITEM_BEFORE = new Set([';', '}', '{', ']', ')']);
const QUALIFIERS = new Set(['pub', 'async', 'unsafe', 'extern', 'const', 'default']);
const PRESERVING_METHODS = new Set([
  'expect', 'unwrap', 'unwrap_or_else', 'unwrap_or_default', 'filter_map', 'filter', 'map', 'flatten', 'flat_map',
  'collect', 'into_iter', 'iter', 'to_path_buf', 'as_path', 'clone', 'as_ref', 'to_owned', 'ok', 'into', 'by_ref', 'path',
]);
const STRINGIFY_METHODS = new Set(['to_string_lossy', 'to_str', 'display', 'to_string', 'as_str', 'into_owned', 'as_os_str', 'to_string_lossy_owned']);
const CHAIN_OK_METHODS = new Set([...STRINGIFY_METHODS, 'as_ref', 'as_path', 'to_path_buf', 'unwrap', 'unwrap_or_default', 'as_deref', 'to_owned', 'borrow']);
const MESSAGE_MACROS_EXEMPT = new Set(['matches', 'vec']);

/** Escapes glob metacharacters (and a leading `!`, which would read as a negation). */
function escapeGlob(text: string): string {
  const out = text.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
  return out.startsWith('!') ? `\\${out}` : out;
}

function paragraph(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/** The text of a comment as prose lines (markers and block-comment stars removed). */
function commentLines(t: Tok): string[] {
  if (t.text.startsWith('//')) return [t.value.replace(/^[/!]*/, '')];
  return t.value.split(/\r?\n/).map((l) => l.replace(/^\s*\*(?!\/)/, ''));
}

class Source {
  readonly code: Tok[];
  /** Partner index of each bracket in `code` (-1 for other tokens). */
  readonly match: Int32Array;
  /** Innermost enclosing open bracket of each code token (-1 at top level). */
  readonly parent: Int32Array;
  readonly fns: FnInfo[] = [];
  readonly consts = new Map<string, ConstInfo>();
  readonly structs: StructInfo[] = [];
  private readonly bindingCache = new Map<FnInfo, Binding[]>();

  constructor(readonly full: Tok[], readonly imp: Importer) {
    this.code = full.filter((t) => t.kind !== 'comment');
    const n = this.code.length;
    this.match = new Int32Array(n).fill(-1);
    this.parent = new Int32Array(n).fill(-1);
    const stack: number[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (let k = 0; k < n; k++) {
      const t = this.code[k]!;
      this.parent[k] = stack.length ? stack[stack.length - 1]! : -1;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') stack.push(k);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        const open = stack.pop();
        if (open === undefined || this.code[open]!.text !== pairs[t.text]) {
          imp.fail(`unbalanced \`${t.text}\``, t, 'the file must be Rust that compiles; check the brackets around this line');
        } else {
          this.match[open] = k;
          this.match[k] = open;
          this.parent[k] = this.parent[open]!;
        }
      }
    }
    if (stack.length) imp.fail(`unclosed \`${this.code[stack[stack.length - 1]!]!.text}\``, this.code[stack[stack.length - 1]!]);
    this.collectItems();
  }

  tok(k: number): Tok | undefined {
    return this.code[k];
  }

  isP(k: number, text: string): boolean {
    const t = this.code[k];
    return t !== undefined && t.kind === 'punct' && t.text === text;
  }

  isId(k: number, text?: string): boolean {
    const t = this.code[k];
    return t !== undefined && t.kind === 'ident' && (text === undefined || t.text === text);
  }

  /** Next index after the token at k, jumping over a bracket group. */
  step(k: number): number {
    const m = this.match[k] ?? -1;
    return m > k ? m + 1 : k + 1;
  }

  /** First index in [from, to) where `pred` holds at bracket depth 0 (groups are jumped over). */
  find(from: number, to: number, pred: (k: number) => boolean): number {
    for (let k = from; k < to; k = this.step(k)) if (pred(k)) return k;
    return -1;
  }

  /** Splits [from, to) on a top-level separator, skipping bracket groups and `<…>`. */
  split(from: number, to: number, sep: string, angles = false): [number, number][] {
    const parts: [number, number][] = [];
    let start = from;
    let angle = 0;
    for (let k = from; k < to; k = this.step(k)) {
      if (angles && this.isP(k, '<')) angle++;
      else if (angles && this.isP(k, '>')) angle--;
      else if (angles && this.isP(k, '>>')) angle -= 2;
      else if (angle <= 0 && this.isP(k, sep)) {
        parts.push([start, k]);
        start = k + 1;
      }
    }
    if (start < to) parts.push([start, to]);
    return parts;
  }

  text(from: number, to: number): string {
    return this.code
      .slice(from, to)
      .map((t) => t.text)
      .join(' ');
  }

  /** Skips `<…>` generics starting at k (which is `<`); returns the index after `>`. */
  private skipAngles(k: number): number {
    let depth = 0;
    for (let j = k; j < this.code.length; j = this.step(j)) {
      if (this.isP(j, '<')) depth++;
      else if (this.isP(j, '>')) depth--;
      else if (this.isP(j, '>>')) depth -= 2;
      if (depth <= 0) return j + 1;
    }
    return this.code.length;
  }

  /** Outer doc comments attached to the item whose keyword is at k. */
  docsBefore(k: number): string {
    let start = k;
    for (;;) {
      const prev = this.code[start - 1];
      if (!prev) break;
      if (prev.kind === 'ident' && QUALIFIERS.has(prev.text)) start--;
      else if (prev.kind === 'str' && this.isId(start - 2, 'extern')) start--;
      else if (this.isP(start - 1, ')') && this.isId(this.match[start - 1]! - 1, 'pub')) start = this.match[start - 1]!;
      else if (this.isP(start - 1, ']') && this.isP(this.match[start - 1]! - 1, '#')) start = this.match[start - 1]! - 1;
      else break;
    }
    const fullFrom = start > 0 ? this.code[start - 1]!.fi + 1 : 0;
    const fullTo = this.code[k]!.fi;
    const lines: string[] = [];
    for (let f = fullFrom; f < fullTo; f++) {
      const t = this.full[f]!;
      if (t.kind === 'comment' && t.doc === 'outer') lines.push(...commentLines(t));
    }
    return paragraph(lines);
  }

  private collectItems(): void {
    const c = this.code;
    for (let k = 0; k < c.length; k++) {
      const t = c[k]!;
      if (t.kind !== 'ident') continue;
      if (t.text === 'fn' && this.isId(k + 1)) this.parseFn(k);
      else if ((t.text === 'const' || t.text === 'static') && (k === 0 || ITEM_BEFORE.has(c[k - 1]!.text) || this.isId(k - 1, 'pub'))) {
        this.parseConst(k);
      } else if (t.text === 'struct' && this.isId(k + 1)) {
        let j = k + 2;
        if (this.isP(j, '<')) j = this.skipAngles(j);
        if (this.isP(j, '{')) {
          const close = this.match[j]!;
          const fields: string[] = [];
          for (const [a] of this.split(j + 1, close, ',')) {
            let f = a;
            while (this.isP(f, '#')) f = this.step(f + 1);
            if (this.isId(f, 'pub')) f = this.isP(f + 1, '(') ? this.step(f + 1) : f + 1;
            if (this.isId(f) && this.isP(f + 1, ':')) fields.push(c[f]!.text);
          }
          this.structs.push({ name: c[k + 1]!.text, fields, open: j });
        }
      }
    }
  }

  private parseFn(k: number): void {
    const c = this.code;
    const name = c[k + 1]!.text;
    let j = k + 2;
    if (this.isP(j, '<')) j = this.skipAngles(j);
    if (!this.isP(j, '(')) return;
    const pclose = this.match[j]!;
    const params: Param[] = [];
    for (const [a, b] of this.split(j + 1, pclose, ',', true)) {
      const colon = this.find(a, b, (x) => this.isP(x, ':'));
      if (colon < 0) continue; // `self`, `&self`, `&mut self`
      const nameTok = c.slice(a, colon).find((t) => t.kind === 'ident' && t.text !== 'mut' && t.text !== 'ref');
      if (nameTok) params.push({ name: nameTok.text, type: this.text(colon + 1, b) });
    }
    j = pclose + 1;
    let ret = '';
    if (this.isP(j, '->')) {
      const end = this.find(j + 1, c.length, (x) => this.isP(x, '{') || this.isP(x, ';') || this.isId(x, 'where'));
      if (end < 0) return;
      ret = this.text(j + 1, end);
      j = end;
    }
    if (this.isId(j, 'where')) j = this.find(j, c.length, (x) => this.isP(x, '{') || this.isP(x, ';'));
    if (j < 0 || !this.isP(j, '{')) return; // a declaration without a body
    this.fns.push({ name, nameIdx: k + 1, params, ret, open: j, close: this.match[j]!, docs: this.docsBefore(k) });
  }

  private parseConst(k: number): void {
    const c = this.code;
    let j = k + 1;
    if (this.isId(j, 'mut')) j++;
    if (!this.isId(j) || !this.isP(j + 1, ':')) return; // `const fn`, `const { … }`
    const nameIdx = j;
    const eq = this.find(j + 2, c.length, (x) => this.isP(x, '=') || this.isP(x, ';'));
    if (eq < 0 || !this.isP(eq, '=')) return;
    const semi = this.find(eq + 1, c.length, (x) => this.isP(x, ';'));
    if (semi < 0) this.imp.fail(`const \`${c[j]!.text}\` has no closing \`;\``, c[j]);
    const info: ConstInfo = {
      name: c[j]!.text,
      nameIdx,
      type: this.text(j + 2, eq),
      valStart: eq + 1,
      valEnd: semi,
      docs: this.docsBefore(k),
    };
    if (this.consts.has(info.name)) this.imp.fail(`const \`${info.name}\` is defined twice`, c[j]);
    this.consts.set(info.name, info);
  }

  /** The innermost fn whose body contains code index k. */
  enclosingFn(k: number): FnInfo | undefined {
    let best: FnInfo | undefined;
    for (const f of this.fns) if (f.open < k && k < f.close && (!best || f.open > best.open)) best = f;
    return best;
  }

  /** Indices of `name(` calls (not definitions, not method calls) inside [from, to). */
  callsTo(name: string, from = 0, to = this.code.length): number[] {
    const out: number[] = [];
    for (let k = from; k < to; k++) {
      if (this.isId(k, name) && this.isP(k + 1, '(') && !this.isId(k - 1, 'fn') && !this.isP(k - 1, '.')) out.push(k);
    }
    return out;
  }

  /** `let` and `for` bindings of single identifiers in a fn body. */
  bindings(fn: FnInfo): Binding[] {
    const cached = this.bindingCache.get(fn);
    if (cached) return cached;
    const out: Binding[] = [];
    for (let k = fn.open + 1; k < fn.close; k++) {
      if (this.isId(k, 'let')) {
        let j = k + 1;
        if (this.isId(j, 'mut')) j++;
        if (!this.isId(j)) continue;
        const nameIdx = j;
        const stmtEnd = this.find(j + 1, fn.close, (x) => this.isP(x, ';'));
        if (stmtEnd < 0) continue;
        const eq = this.find(j + 1, stmtEnd, (x) => this.isP(x, '='));
        if (eq < 0) continue;
        out.push({ name: this.code[nameIdx]!.text, kind: 'let', at: nameIdx, start: eq + 1, end: stmtEnd });
      } else if (this.isId(k, 'for')) {
        let j = k + 1;
        if (this.isId(j, 'mut')) j++;
        if (!this.isId(j) || !this.isId(j + 1, 'in')) continue;
        const brace = this.find(j + 2, fn.close, (x) => this.isP(x, '{'));
        if (brace < 0) continue;
        out.push({ name: this.code[j]!.text, kind: 'for', at: j, start: j + 2, end: brace });
      }
    }
    this.bindingCache.set(fn, out);
    return out;
  }

  /** The latest binding of `name` before code index k within fn. */
  bindingOf(fn: FnInfo, name: string, k: number): Binding | undefined {
    let best: Binding | undefined;
    for (const b of this.bindings(fn)) if (b.name === name && b.at < k && (b.kind === 'let' ? b.end < k : true)) best = b;
    return best;
  }

  /** Literals that only feed a message: inside a macro call (other than matches!/vec!) or `expect(…)`. */
  isMessageLiteral(k: number): boolean {
    for (let p = this.parent[k]!; p >= 0; p = this.parent[p]!) {
      if (this.isP(p - 1, '!') && this.isId(p - 2) && !MESSAGE_MACROS_EXEMPT.has(this.code[p - 2]!.text)) return true;
      if (this.isP(p, '(') && this.isId(p - 1, 'expect') && this.isP(p - 2, '.')) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------
// The analysis
// ---------------------------------------------------------------------------

export interface ImportedGuards {
  scope: { include: string[]; exclude: string[]; minFiles?: number; countExcluded?: boolean };
  classes: ClassOut[];
  dependencyRule?: { manifests: string[]; banned: string[] };
}

class Analysis {
  readonly s: Source;
  /** String literals (code indices) that the analysis turned into config. */
  private readonly consumed = new Set<number>();
  /** Consts that the analysis turned into config. */
  private readonly usedConsts = new Set<string>();
  private readonly classTypes = new Set<string>();

  constructor(src: string, readonly imp: Importer) {
    this.s = new Source(lex(src, imp), imp);
  }

  private fail(message: string, k: number | Tok | undefined, hint?: string): never {
    const t = typeof k === 'number' ? this.s.tok(k) : k;
    return this.imp.fail(message, t, hint);
  }

  run(): ImportedGuards {
    const classes = this.classes();
    const exclusionFns = this.exclusionFns();
    const exclude: string[] = [];
    for (const f of exclusionFns) for (const g of this.exclusions(f)) if (!exclude.includes(g)) exclude.push(g);
    const depFns = this.s.fns.filter((f) => this.cargoJoins(f).length > 0);
    const walk = this.walk(depFns, exclusionFns);
    const dependencyRule = this.dependencyRule(depFns);
    this.checkLeftoverConsts();
    return {
      scope: {
        include: walk.include,
        exclude,
        ...(walk.minFiles !== undefined ? { minFiles: walk.minFiles, countExcluded: walk.countExcluded } : {}),
      },
      classes,
      ...(dependencyRule ? { dependencyRule } : {}),
    };
  }

  // --- classes ---------------------------------------------------------------

  private classes(): ClassOut[] {
    const s = this.s;
    for (const st of s.structs) if (st.fields.includes('needles') || st.fields.includes('allowlist')) this.classTypes.add(st.name);
    const bodies = new Set<number>([...s.fns.map((f) => f.open), ...s.structs.map((st) => st.open)]);
    const out: ClassOut[] = [];
    const literalFns = new Set<FnInfo>();
    for (let k = 0; k + 1 < s.code.length; k++) {
      const t = s.code[k]!;
      if (t.kind !== 'ident' || !/^[A-Z]/.test(t.text) || !s.isP(k + 1, '{') || bodies.has(k + 1)) continue;
      if (['struct', 'enum', 'union', 'impl', 'for', 'trait', 'mod'].some((kw) => s.isId(k - 1, kw))) continue;
      const open = k + 1;
      const close = s.match[open]!;
      const parts = s.split(open + 1, close, ',');
      const fieldNames = parts.filter(([a]) => s.isId(a) && s.isP(a + 1, ':')).map(([a]) => s.code[a]!.text);
      const isClass = this.classTypes.has(t.text) || fieldNames.includes('needles') || fieldNames.includes('allowlist');
      if (!isClass) continue;
      const first = parts[0];
      if (!first || !(s.isId(first[0]) && s.isP(first[0] + 1, ':'))) continue; // a pattern such as `T { name, .. }`
      this.classTypes.add(t.text);
      const cls = this.classLiteral(k, parts);
      if (out.some((o) => o.name === cls.name)) this.fail(`class \`${cls.name}\` is defined twice`, cls.tok, 'class names must be unique; merge the two classes');
      out.push(cls);
      const fn = s.enclosingFn(k);
      if (fn) literalFns.add(fn);
    }
    for (const fn of s.fns) {
      if (this.returnsClass(fn) && !literalFns.has(fn)) {
        this.fail(
          `cannot import class fn \`${fn.name}\`: its body is not a \`${fn.ret} { name: "…", needles: &[…], allowlist: … }\` literal`,
          fn.nameIdx,
          'write the class as a plain struct literal, or add it to chokepoint.toml by hand after importing the rest',
        );
      }
    }
    if (out.length === 0) {
      this.imp.fail(
        'found no banned-API classes (struct literals with `name`, `needles` and `allowlist` fields)',
        undefined,
        'point --from at the architecture-guards test that defines the banned classes',
      );
    }
    return out;
  }

  private returnsClass(fn: FnInfo): boolean {
    const ret = fn.ret.split(' :: ').pop() ?? '';
    return this.classTypes.has(ret.trim());
  }

  private classLiteral(typeIdx: number, parts: [number, number][]): ClassOut {
    const s = this.s;
    const typeTok = s.code[typeIdx]!;
    const fields = new Map<string, { nameIdx: number; a: number; b: number }>();
    for (const [a, b] of parts) {
      if (!s.isId(a) || !s.isP(a + 1, ':')) {
        this.fail(`cannot import this part of the \`${typeTok.text}\` literal`, a, 'use `field: value` for every field');
      }
      const fname = s.code[a]!.text;
      if (fields.has(fname)) this.fail(`field \`${fname}\` is given twice`, a);
      fields.set(fname, { nameIdx: a, a: a + 2, b });
    }
    const known = ['name', 'needles', 'allowlist', 'use_instead', 'reason'];
    for (const [fname, f] of fields) {
      if (!known.includes(fname)) {
        this.fail(`cannot import field \`${fname}\` of a banned class`, f.nameIdx, `the importer understands ${known.map((x) => `\`${x}\``).join(', ')}`);
      }
    }
    const name = fields.get('name');
    if (!name) this.fail(`the \`${typeTok.text}\` literal has no \`name\``, typeTok);
    const className = this.stringField(name, 'class name');
    const needlesField = fields.get('needles');
    if (!needlesField) this.fail(`class \`${className}\` has no needles`, typeTok, 'add `needles: &["…"]` listing the banned API substrings');
    const needles = this.stringList(needlesField.a, needlesField.b, 'needle').map((e) => e.value);
    if (needles.length === 0) this.fail(`class \`${className}\` has no needles`, needlesField.nameIdx, 'an empty needle list bans nothing; list the banned API substrings');
    needles.forEach((n) => {
      if (n === '') this.fail(`class \`${className}\` has an empty needle`, needlesField.nameIdx, 'an empty needle matches every line');
    });
    const allowField = fields.get('allowlist');
    if (!allowField) this.fail(`class \`${className}\` has no \`allowlist\``, typeTok, 'add `allowlist: &[]` if the API is banned everywhere');
    const allowEntries = this.stringList(allowField.a, allowField.b, 'allowlist entry');
    const allowConst = this.constRef(allowField.a, allowField.b);
    const allow: { path: string; reason: string }[] = [];
    for (const e of allowEntries) {
      this.checkRepoPath(e);
      if (allow.some((x) => x.path === e.value)) this.fail(`allowlist entry "${e.value}" is listed twice for class \`${className}\``, e.tok, 'remove the duplicate');
      const reason = e.trailing ?? e.group ?? `imported from ${this.imp.basename} without a justifying comment`;
      allow.push({ path: e.value, reason });
    }
    const fn = s.enclosingFn(typeIdx);
    const docs = [allowConst?.docs ?? '', fn && this.returnsClass(fn) ? fn.docs : ''].filter((d) => d !== '');
    const reasonField = fields.get('reason');
    const useField = fields.get('use_instead');
    const reason = reasonField
      ? this.stringField(reasonField, 'class reason')
      : docs.length
        ? docs.join(' ')
        : `imported from ${this.imp.file}: \`${className}\` host access is confined to its allowlist`;
    return {
      name: className,
      reason,
      ...(useField ? { useInstead: this.stringField(useField, 'use_instead') } : {}),
      needles,
      allow,
      tok: typeTok,
    };
  }

  private stringField(f: { a: number; b: number }, what: string): string {
    const s = this.s;
    let a = f.a;
    if (s.isP(a, '&')) a++;
    if (f.b - a !== 1 || s.code[a]!.kind !== 'str') this.fail(`the ${what} is not a string literal`, f.a, 'write it as a plain "…" literal');
    this.consumed.add(a);
    return s.code[a]!.value;
  }

  private checkRepoPath(e: Entry): void {
    const p = e.value;
    const bad =
      p === '' ? 'is empty'
      : p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? 'is absolute'
      : p.includes('\\') ? 'uses `\\`'
      : p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') ? 'has an empty, `.` or `..` segment'
      : null;
    if (bad) this.fail(`allowlist entry ${JSON.stringify(p)} ${bad}`, e.tok, 'allowlist entries must be repo-relative paths with `/` separators');
  }

  /** The const an expression [a, b) names (`NAME`, `&NAME`, `self::NAME`), if any. */
  private constRef(a: number, b: number): ConstInfo | undefined {
    const s = this.s;
    if (s.isP(a, '&')) a++;
    if (!s.isId(b - 1)) return undefined;
    for (let k = a; k < b - 1; k++) if (!(s.isId(k) || s.isP(k, '::'))) return undefined;
    return this.s.consts.get(s.code[b - 1]!.text);
  }

  /**
   * A list of string literals: `&[…]`, `[…]`, `vec![…]`, or a const holding one.
   * Comments inside the array become the entries' group and trailing reasons.
   */
  private stringList(a: number, b: number, what: string): Entry[] {
    const s = this.s;
    let k = a;
    if (s.isP(k, '&')) k++;
    if (s.isId(k, 'vec') && s.isP(k + 1, '!')) k += 2;
    if (s.isP(k, '[') && s.match[k] === b - 1) return this.arrayEntries(k, what);
    // A reference to a const.
    let j = k;
    while (j < b - 1 && (s.isId(j) || s.isP(j, '::'))) j++;
    if (j === b - 1 && s.isId(j)) {
      const name = s.code[j]!.text;
      const c = s.consts.get(name);
      if (!c) {
        this.fail(`\`${name}\` is referenced here but is not defined in this file`, j, 'define it here as `const NAME: &[&str] = &[…];` so it can be imported');
      }
      this.usedConsts.add(name);
      let v = c.valStart;
      if (s.isP(v, '&')) v++;
      if (s.isP(v, '[') && s.match[v] === c.valEnd - 1) return this.arrayEntries(v, what);
      this.fail(`cannot import const \`${name}\`: its value is not an array of string literals`, c.nameIdx);
    }
    this.fail(`cannot import this ${what} list: expected \`&["…", …]\` or the name of such a const`, a);
  }

  private arrayEntries(open: number, what: string): Entry[] {
    const s = this.s;
    const close = s.match[open]!;
    const entries: Entry[] = [];
    let group: string | null = null;
    let groupOpen = false; // the previous token was a group comment: a next comment line extends it
    const from = s.code[open]!.fi + 1;
    const to = s.code[close]!.fi;
    let expectComma = false;
    for (let f = from; f < to; f++) {
      const t = s.full[f]!;
      if (t.kind === 'comment') {
        const text = paragraph(commentLines(t));
        const last = entries[entries.length - 1];
        if (last && last.tok.endLine === t.line && !groupOpen) {
          // A trailing comment: it explains the entries on its line only.
          for (const e of entries) if (e.tok.endLine === t.line) e.trailing = e.trailing === null ? text : paragraph([e.trailing, text]);
        } else {
          group = groupOpen && group !== null ? paragraph([group, text]) : text;
          groupOpen = true;
        }
        continue;
      }
      if (t.kind === 'punct' && t.text === ',' && expectComma) {
        expectComma = false;
        continue;
      }
      if (t.kind === 'str' && !expectComma) {
        const k = s.code.indexOf(t, open);
        this.consumed.add(k);
        entries.push({ value: t.value, tok: t, group: group === '' ? null : group, trailing: null });
        groupOpen = false;
        expectComma = true;
        continue;
      }
      this.fail(`${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} must be a string literal, not \`${t.text}\``, t, 'write each entry as a plain "…" literal');
    }
    for (const e of entries) if (e.trailing === '') e.trailing = null;
    return entries;
  }

  // --- exclusions ------------------------------------------------------------

  private exclusionFns(): FnInfo[] {
    const s = this.s;
    const bool = s.fns.filter((f) => f.ret === 'bool');
    const calledToSkip = new Set<string>();
    for (let k = 0; k < s.code.length; k++) {
      if (!s.isId(k, 'if') || !s.isId(k + 1) || !s.isP(k + 2, '(')) continue;
      const m = s.match[k + 2]!;
      if (s.isP(m + 1, '{') && s.isId(m + 2, 'continue')) calledToSkip.add(s.code[k + 1]!.text);
    }
    const candidates = bool.filter((f) => /exclu|ignor|skip/i.test(f.name) || calledToSkip.has(f.name));
    return candidates.filter((f) => this.judgesFiles(f));
  }

  /**
   * Whether a skip-style bool fn judges file paths (an exclusion) rather than, say, source
   * lines: it takes a path, or its callers hand it one, or its name says so. A `&str` helper
   * called with something else is rule data the importer cannot place.
   */
  private judgesFiles(f: FnInfo): boolean {
    const s = this.s;
    if (f.params.some((p) => /Path/.test(p.type))) return true;
    const pathish = (a: number, b: number): boolean => s.code.slice(a, b).some((t) => t.kind === 'ident' && /^(to_string_lossy|to_str|display|strip_prefix|file_name)$/.test(t.text));
    let calls = 0;
    for (const call of s.callsTo(f.name)) {
      const caller = s.enclosingFn(call);
      if (!caller || caller === f) continue;
      calls++;
      for (const [a, b] of s.split(call + 2, s.match[call + 1]!, ',')) {
        if (pathish(a, b)) return true;
        let r = a;
        while (s.isP(r, '&') || s.isP(r, '*')) r++;
        const bound = s.isId(r) ? s.bindingOf(caller, s.code[r]!.text, r) : undefined;
        if (bound && pathish(bound.start, bound.end)) return true;
      }
    }
    if (/file|path/i.test(f.name)) return true;
    return this.fail(
      `cannot tell whether \`${f.name}\` excludes files: it takes no path${calls ? ' and its callers pass none' : ' and nothing calls it'}`,
      f.nameIdx,
      'give it a `&Path` parameter (or a name with "file"/"path"), or move its rule into chokepoint.toml by hand',
    );
  }

  /** Maps the body of a file-exclusion fn to exclude globs. */
  private exclusions(fn: FnInfo): string[] {
    const s = this.s;
    const types = new Map<string, 'path' | 'string'>();
    for (const p of fn.params) types.set(p.name, /Path/.test(p.type) ? 'path' : /str|String/.test(p.type) ? 'string' : 'path');
    let k = fn.open + 1;
    while (s.isId(k, 'let')) {
      const semi = s.find(k, fn.close, (x) => s.isP(x, ';'));
      let j = k + 1;
      if (s.isId(j, 'mut')) j++;
      const eq = semi < 0 ? -1 : s.find(j, semi, (x) => s.isP(x, '='));
      if (!s.isId(j) || eq < 0) this.fail(`cannot import this statement of exclusion fn \`${fn.name}\``, k);
      const chain = this.receiverChain(eq + 1, semi, types, true);
      if (!chain) this.fail(`cannot import this statement of exclusion fn \`${fn.name}\`: expected \`let s = path.to_string_lossy();\` or similar`, k);
      types.set(s.code[j]!.text, chain);
      k = semi + 1;
    }
    let end = fn.close;
    if (s.isId(k, 'return')) k++;
    const semi = s.find(k, end, (x) => s.isP(x, ';'));
    if (semi >= 0) {
      if (semi + 1 !== end) this.fail(`cannot import exclusion fn \`${fn.name}\`: expected a single \`||\` expression`, semi + 1);
      end = semi;
    }
    if (k >= end) this.fail(`cannot import exclusion fn \`${fn.name}\`: its body is empty`, fn.nameIdx);
    const out: string[] = [];
    for (const [a0, b0] of s.split(k, end, '||')) {
      let a = a0;
      let b = b0;
      while (s.isP(a, '(') && s.match[a] === b - 1) {
        a++;
        b--;
      }
      if (b - a === 1 && s.isId(a, 'false')) continue;
      for (const g of this.exclusionAtom(fn, a, b, types)) if (!out.includes(g)) out.push(g);
    }
    return out;
  }

  private exclusionAtom(fn: FnInfo, a: number, b: number, types: Map<string, 'path' | 'string'>): string[] {
    const s = this.s;
    const unknown = (): never =>
      this.fail(
        `cannot import this exclusion condition of \`${fn.name}\``,
        a,
        'the importer maps `s.ends_with("X")`, `s.starts_with("X")`, `s.contains("X")`, `s == "X"` and `path == Path::new("X")` joined by `||`; add other exclusions to chokepoint.toml by hand',
      );
    const eq = s.find(a, b, (x) => s.isP(x, '=='));
    if (eq >= 0) {
      const lhs = this.literalOperand(a, eq);
      const rhs = this.literalOperand(eq + 1, b);
      const lit = lhs ?? rhs;
      const other = lhs !== undefined ? [eq + 1, b] : [a, eq];
      if (lit === undefined || (lhs !== undefined && rhs !== undefined)) return unknown();
      if (!this.receiverChain(other[0]!, other[1]!, types, false)) return unknown();
      return [escapeGlob(lit)];
    }
    // RECEIVER . method ( LIT )
    if (!(s.isP(b - 1, ')') && s.isP(s.match[b - 1]! - 2, '.'))) return unknown();
    const open = s.match[b - 1]!;
    const method = s.code[open - 1]!;
    if (open + 2 !== b - 1 || !(s.code[open + 1]!.kind === 'str' || s.code[open + 1]!.kind === 'char')) return unknown();
    const type = this.receiverChain(a, open - 2, types, false);
    if (!type) return unknown();
    const x = s.code[open + 1]!.value;
    this.consumed.add(open + 1);
    const e = escapeGlob(x);
    if (type === 'string') {
      // `**/` means "zero or more directories", which would also match at the
      // start of the path; an escaped `\/` keeps "a `/` must be there" exact.
      const tail = e.startsWith('/') ? `\\${e}` : e;
      if (method.text === 'ends_with') return [`**${tail}`];
      if (method.text === 'starts_with') return [`${e}**`];
      if (method.text === 'contains') return [`**${tail}**`];
      return unknown();
    }
    // Path methods compare whole components.
    const clean = x.replace(/\/+$/, '');
    if (clean === '' || clean.startsWith('/')) return unknown();
    const c = escapeGlob(clean);
    if (method.text === 'ends_with') return [`**/${c}`];
    if (method.text === 'starts_with') return [c, `${c}/**`];
    return unknown();
  }

  /** `"X"`, `'x'`, `Path::new("X")`, `PathBuf::from("X")`, `OsStr::new("X")` → X. */
  private literalOperand(a: number, b: number): string | undefined {
    const s = this.s;
    if (s.isP(a, '&')) a++;
    if (b - a === 1 && (s.code[a]!.kind === 'str' || s.code[a]!.kind === 'char')) {
      this.consumed.add(a);
      return s.code[a]!.value;
    }
    if (s.isP(b - 1, ')') && s.match[b - 1] === b - 3 && s.code[b - 2]!.kind === 'str') {
      const callee = s.text(a, b - 3);
      if (['Path :: new', 'PathBuf :: from', 'OsStr :: new', 'std :: path :: Path :: new', 'Some'].includes(callee)) {
        this.consumed.add(b - 2);
        return s.code[b - 2]!.value;
      }
    }
    return undefined;
  }

  /** `x`, `x.to_string_lossy()`, `x.to_str().unwrap_or("")`…: the type of the chain, or null. */
  private receiverChain(a: number, b: number, types: Map<string, 'path' | 'string'>, allowArgs: boolean): 'path' | 'string' | null {
    const s = this.s;
    while (s.isP(a, '&') || s.isP(a, '*')) a++;
    if (!s.isId(a)) return null;
    let type = types.get(s.code[a]!.text);
    if (!type) return null;
    let k = a + 1;
    while (k < b) {
      if (s.isP(k, '?')) {
        k++;
        continue;
      }
      if (!s.isP(k, '.') || !s.isId(k + 1) || !s.isP(k + 2, '(')) return null;
      const m = s.code[k + 1]!.text;
      const close = s.match[k + 2]!;
      const hasArgs = close !== k + 3;
      if (hasArgs) {
        // Only arguments that carry no rule data: `unwrap_or("")`, `replace('\\', "/")`, `expect("…")`.
        const argsOk =
          allowArgs &&
          ((m === 'unwrap_or' && s.code[k + 3]!.kind === 'str' && s.code[k + 3]!.value === '' && close === k + 4) ||
            (m === 'replace' && s.text(k + 3, close).replace(/\s/g, '').match(/^'\\\\',"\/"$/) !== null) ||
            (m === 'expect' && s.code[k + 3]!.kind === 'str' && close === k + 4));
        if (!argsOk) return null;
      } else if (!CHAIN_OK_METHODS.has(m)) return null;
      if (STRINGIFY_METHODS.has(m) || m === 'replace') type = 'string';
      k = close + 1;
    }
    return type;
  }

  // --- the walk and the threshold ---------------------------------------------

  private walk(depFns: FnInfo[], exclusionFns: FnInfo[]): { include: string[]; minFiles?: number; countExcluded: boolean } {
    const s = this.s;
    const collectors = s.fns.filter((f) => s.callsTo(f.name, f.open, f.close).length > 0 && this.readDirs(f).length > 0);
    const positives: string[] = [];
    const negatives: string[] = [];
    const drivers = new Set<FnInfo>();
    const walkFns = new Set<FnInfo>([...collectors, ...depFns]);
    for (const col of collectors) {
      const facts = this.collector(col);
      let called = false;
      for (const call of s.callsTo(col.name)) {
        const caller = s.enclosingFn(call);
        if (!caller || caller === col) continue;
        called = true;
        drivers.add(caller);
        walkFns.add(caller);
        const args = s.split(call + 2, s.match[call + 1]!, ',');
        const arg = args[facts.dirParam];
        if (!arg) this.fail(`cannot import the walk: this call of \`${col.name}\` has no directory argument`, call);
        const base = this.evalPath(caller, arg[0], arg[1], 0);
        if (base.kind !== 'path') this.fail('cannot import the walk: the directory given here is not a single path', arg[0]);
        const root = base.segs.join('/');
        const prefix = root === '' ? '' : `${root}/`;
        const ext = facts.exts.length === 1 ? escapeGlob(facts.exts[0]!) : `{${facts.exts.map(escapeGlob).join(',')}}`;
        const inc = `${prefix}**/*.${ext}`;
        if (!positives.includes(inc)) positives.push(inc);
        for (const skip of facts.skips) {
          const pats = skip.ctx === 'dir' ? [`${prefix}**/${skip.glob}/**`] : skip.ctx === 'file' ? [`${prefix}**/${skip.glob}`] : [`${prefix}**/${skip.glob}/**`, `${prefix}**/${skip.glob}`];
          for (const p of pats) if (!negatives.includes(`!${p}`)) negatives.push(`!${p}`);
        }
      }
      if (!called) this.fail(`cannot import the walk: \`${col.name}\` collects files but nothing calls it`, col.nameIdx);
      this.checkLeftoverLiterals(col, 'the walk');
    }
    for (const d of drivers) this.checkLeftoverLiterals(d, 'the walk');
    // Any other directory listing is a walk the importer did not understand.
    for (const f of s.fns) {
      if (walkFns.has(f)) continue;
      const rd = this.readDirs(f)[0];
      if (rd !== undefined) {
        this.fail(
          'cannot import the walk: expected a recursive fn that lists a directory with `read_dir`, keeps files by extension and calls itself for subdirectories',
          rd,
          'set `[scope] include` in chokepoint.toml by hand',
        );
      }
    }
    if (positives.length === 0) {
      const other = s.code.findIndex((t) => t.kind === 'ident' && /^(WalkDir|walkdir|glob)$/.test(t.text));
      if (other >= 0) this.fail('cannot import the walk: only a recursive `read_dir` collector can be imported', other, 'set `[scope] include` in chokepoint.toml by hand');
      this.imp.fail('found no file walk (a recursive `read_dir` collector) to import the scope from', undefined, 'set `[scope] include` in chokepoint.toml by hand');
    }
    const threshold = this.threshold(drivers, collectors);
    // The seed counts files before exclusions; a walk that filters with the exclusion fn does not.
    const filtersInWalk = exclusionFns.some((e) => [...drivers, ...collectors].some((w) => s.callsTo(e.name, w.open, w.close).length > 0));
    return { include: [...positives, ...negatives], ...(threshold !== undefined ? { minFiles: threshold } : {}), countExcluded: !filtersInWalk };
  }

  private readDirs(f: FnInfo): number[] {
    const out: number[] = [];
    for (let k = f.open + 1; k < f.close; k++) if (this.s.isId(k, 'read_dir')) out.push(k);
    return out;
  }

  /** What a recursive collector does: which param it lists, extensions kept, names skipped. */
  private collector(col: FnInfo): { dirParam: number; exts: string[]; skips: { glob: string; ctx: 'dir' | 'file' | 'both' }[] } {
    const s = this.s;
    const rd = this.readDirs(col)[0]!;
    let dirName: string | undefined;
    if (s.isP(rd - 1, '.')) {
      if (s.isId(rd - 2) && !s.isP(rd - 3, '.')) dirName = s.code[rd - 2]!.text;
    } else if (s.isP(rd + 1, '(')) {
      let a = rd + 2;
      while (s.isP(a, '&')) a++;
      if (s.isId(a) && s.match[rd + 1] === a + 1) dirName = s.code[a]!.text;
    }
    const dirParam = col.params.findIndex((p) => p.name === dirName);
    if (dirParam < 0) this.fail(`cannot import the walk: \`${col.name}\` does not list one of its parameters`, rd);

    // Locals holding a file name.
    const nameVars = new Set<string>();
    for (const b of s.bindings(col)) {
      if (b.kind === 'let' && s.code.slice(b.start, b.end).some((t) => t.kind === 'ident' && t.text === 'file_name')) nameVars.add(b.name);
    }
    const exts: string[] = [];
    const skips: { glob: string; ctx: 'dir' | 'file' | 'both' }[] = [];
    for (let k = col.open + 1; k < col.close; k++) {
      if (!s.isId(k, 'if')) continue;
      const brace = s.find(k + 1, col.close, (x) => s.isP(x, '{'));
      if (brace < 0) continue;
      const bodyEnd = s.match[brace]!;
      const isSkip = (s.isId(brace + 1, 'continue') || s.isId(brace + 1, 'return')) && bodyEnd - brace <= 7 && !s.code.slice(brace + 1, bodyEnd).some((t) => t.kind === 'str');
      if (isSkip) {
        for (const [a, b] of s.split(k + 1, brace, '||')) {
          let ctx: 'dir' | 'file' | null = null;
          let nameAtom: [number, number] | undefined;
          for (const [ca, cb] of s.split(a, b, '&&')) {
            const kind = this.structuralKind(ca, cb);
            if (kind !== undefined) ctx = kind ?? ctx;
            else if (nameAtom) this.fail('cannot import this skip condition of the walk: more than one name test joined by `&&`', ca);
            else nameAtom = [ca, cb];
          }
          if (!nameAtom) continue;
          const globs = this.nameGlobs(nameAtom[0], nameAtom[1], nameVars);
          const where = ctx ?? this.blockContext(k, col);
          for (const glob of globs) skips.push({ glob, ctx: where });
        }
      } else {
        for (const [a, b] of s.split(k + 1, brace, '||')) {
          for (const [ca, cb] of s.split(a, b, '&&')) {
            const lits = this.literalsIn(ca, cb);
            if (lits.length === 0) continue;
            const hasExt = s.code.slice(ca, cb).some((t) => t.kind === 'ident' && t.text === 'extension');
            const endsWithDot = lits.length === 1 && s.isId(lits[0]! - 2, 'ends_with') && s.code[lits[0]!]!.value.startsWith('.');
            if ((hasExt && lits.length === 1) || endsWithDot) {
              const ext = s.code[lits[0]!]!.value.replace(/^\./, '');
              this.consumed.add(lits[0]!);
              if (!exts.includes(ext)) exts.push(ext);
            } else {
              this.fail('cannot import this condition of the walk', ca, 'the importer maps an extension test and directory-name skips; set `[scope] include` by hand');
            }
          }
        }
      }
    }
    if (exts.length === 0) this.fail(`cannot import the walk: \`${col.name}\` keeps files without testing their extension`, col.nameIdx, 'set `[scope] include` in chokepoint.toml by hand');
    return { dirParam, exts, skips };
  }

  /**
   * A test on the kind of entry: `x.is_dir()` → 'dir', `!x.is_dir()` / `x.is_file()` → 'file',
   * `x.is_symlink()` / `x.exists()` → null (no name involved); undefined for anything else.
   */
  private structuralKind(a: number, b: number): 'dir' | 'file' | null | undefined {
    const s = this.s;
    if (this.literalsIn(a, b).length > 0) return undefined;
    const negated = s.isP(a, '!');
    const ids = s.code.slice(a, b).filter((t) => t.kind === 'ident').map((t) => t.text);
    if (ids.includes('is_dir')) return negated ? 'file' : 'dir';
    if (ids.includes('is_file')) return negated ? 'dir' : 'file';
    if (ids.includes('is_symlink') || ids.includes('exists')) return null;
    return undefined;
  }

  private literalsIn(a: number, b: number): number[] {
    const out: number[] = [];
    for (let k = a; k < b; k++) {
      const t = this.s.code[k]!;
      if ((t.kind === 'str' || t.kind === 'char') && t.value !== '') out.push(k);
    }
    return out;
  }

  /** Whether the `if` at k sits in a directory branch, a file branch, or neither. */
  private blockContext(k: number, col: FnInfo): 'dir' | 'file' | 'both' {
    const s = this.s;
    const kindOfIfBrace = (brace: number): 'dir' | 'file' | null => {
      // The `if` whose header ends at this brace.
      const ifIdx = (() => {
        for (let j = brace - 1; j > col.open; j--) {
          if (s.isId(j, 'if') && s.find(j + 1, brace + 1, (x) => s.isP(x, '{')) === brace) return j;
          if (s.isP(j, ';') || s.isP(j, '}') && s.match[j]! < j && s.parent[j] === s.parent[brace]) break;
        }
        return -1;
      })();
      if (ifIdx >= 0) {
        const own = this.conditionKind(ifIdx + 1, brace);
        if (own) return own;
        if (s.isId(ifIdx - 1, 'else')) return invert(ifIdx - 1);
        return null;
      }
      if (s.isId(brace - 1, 'else')) return invert(brace - 1);
      return null;
    };
    const invert = (elseIdx: number): 'dir' | 'file' | null => {
      if (!s.isP(elseIdx - 1, '}')) return null;
      const prev = kindOfIfBrace(s.match[elseIdx - 1]!);
      return prev === 'dir' ? 'file' : prev === 'file' ? 'dir' : null;
    };
    for (let p = s.parent[k]!; p > col.open; p = s.parent[p]!) {
      if (!s.isP(p, '{')) continue;
      const kind = kindOfIfBrace(p);
      if (kind) return kind;
    }
    return 'both';
  }

  private conditionKind(a: number, b: number): 'dir' | 'file' | null {
    const s = this.s;
    for (const [x, y] of s.split(a, b, '&&')) {
      const k = this.structuralKind(x, y);
      if (k) return k;
      if (s.code.slice(x, y).some((t) => t.kind === 'ident' && t.text === 'extension')) return 'file';
    }
    return null;
  }

  /** A test on a file name → name globs (one path segment each). */
  private nameGlobs(a: number, b: number, nameVars: Set<string>): string[] {
    const s = this.s;
    const toks = s.code.slice(a, b);
    const unknown = (): never =>
      this.fail('cannot import this skip condition of the walk', a, 'the importer maps `file_name() == "X"` style tests; set `[scope] include` in chokepoint.toml by hand');
    const aboutName = toks.some((t) => t.kind === 'ident' && (t.text === 'file_name' || nameVars.has(t.text)));
    if (!aboutName || s.isP(a, '!') || toks.some((t) => t.kind === 'punct' && t.text === '!=')) return unknown();
    // matches!(name, "a" | "b")
    const mi = toks.findIndex((t) => t.kind === 'ident' && t.text === 'matches');
    if (mi >= 0) {
      const lits = this.literalsIn(a, b);
      if (lits.length === 0) return unknown();
      lits.forEach((k) => this.consumed.add(k));
      return lits.map((k) => escapeGlob(s.code[k]!.value));
    }
    // SKIP_DIRS.contains(&name)
    for (let k = a; k < b; k++) {
      const c = s.code[k]!;
      if (c.kind === 'ident' && s.consts.has(c.text) && s.isP(k + 1, '.') && s.isId(k + 2, 'contains')) {
        this.usedConsts.add(c.text);
        const cinfo = s.consts.get(c.text)!;
        return this.stringList(cinfo.nameIdx, cinfo.nameIdx + 1, 'directory name').map((e) => escapeGlob(e.value));
      }
    }
    const lits = this.literalsIn(a, b);
    if (lits.length !== 1) return unknown();
    const k = lits[0]!;
    const x = escapeGlob(s.code[k]!.value);
    if (x.includes('/')) return unknown();
    this.consumed.add(k);
    if (s.isP(k - 1, '(') && s.isP(k + 1, ')') && s.isId(k - 2) && s.isP(k - 3, '.')) {
      const m = s.code[k - 2]!.text;
      if (m === 'starts_with') return [`${x}*`];
      if (m === 'ends_with') return [`*${x}`];
      if (m === 'contains') return [`*${x}*`];
    }
    if (toks.some((t) => t.kind === 'punct' && t.text === '==')) return [x];
    return unknown();
  }

  /** Every string literal in the fn body must have become config or be a message. */
  private checkLeftoverLiterals(fn: FnInfo, what: string): void {
    const s = this.s;
    for (let k = fn.open + 1; k < fn.close; k++) {
      const t = s.code[k]!;
      if ((t.kind !== 'str' && t.kind !== 'char') || t.value === '' || this.consumed.has(k) || s.isMessageLiteral(k)) continue;
      // `replace('\\', "/")` normalisation carries no rule data.
      if ((t.value === '/' || t.value === '\\') && s.isP(s.parent[k]!, '(') && s.isId(s.parent[k]! - 1, 'replace')) continue;
      this.fail(`cannot import ${what}: the literal ${t.text} in \`${fn.name}\` does not map to any setting`, k, 'simplify the walk to the `root.join("…")` / `read_dir` / recursive-collector shape, or set `[scope]` by hand');
    }
  }

  /** Evaluates a path expression in fn to a glob pattern. */
  private evalPath(fn: FnInfo, a: number, b: number, depth: number): PVal {
    const s = this.s;
    const cannot = (at: number): never =>
      this.fail('cannot import the walk: cannot tell which directory this expression names', at, 'the importer follows `root.join("dir")`, `read_dir(…)` and `for x in …` bindings; set `[scope] include` by hand');
    if (depth > 12) return cannot(a);
    while (s.isP(a, '&') || s.isId(a, 'mut') || s.isP(a, '*')) a++;
    if (a >= b) return cannot(a);
    let val: PVal;
    let k: number;
    const t = s.code[a]!;
    if (t.kind === 'str') {
      val = { kind: 'path', segs: this.pathSegs(a) };
      k = a + 1;
    } else if (s.isP(a, '(')) {
      val = this.evalPath(fn, a + 1, s.match[a]!, depth + 1);
      k = s.match[a]! + 1;
    } else if (t.kind === 'ident') {
      k = a;
      const names: string[] = [];
      while (s.isId(k) && (names.length === 0 || s.isP(k - 1, '::'))) {
        names.push(s.code[k]!.text);
        k++;
        if (s.isP(k, '::') && s.isId(k + 1)) k++;
        else break;
      }
      const last = names[names.length - 1]!;
      if (names.length === 1 && last === 'env' && s.isP(k, '!') && s.isP(k + 1, '(') && s.text(k + 2, s.match[k + 1]!) === '"CARGO_MANIFEST_DIR"') {
        // The test's own crate directory: taken as the repository root, like a `repo_root()` fn.
        val = { kind: 'path', segs: [] };
        k = s.match[k + 1]! + 1;
      } else if (s.isP(k, '(')) {
        const close = s.match[k]!;
        const args = s.split(k + 1, close, ',');
        if (last === 'read_dir' && args.length === 1) {
          const inner = this.evalPath(fn, args[0]![0], args[0]![1], depth + 1);
          if (inner.kind !== 'path') return cannot(a);
          val = { kind: 'list', segs: [...inner.segs, '*'] };
        } else if ((last === 'new' || last === 'from') && names.length >= 2 && /^(Path|PathBuf|OsStr|OsString)$/.test(names[names.length - 2]!) && args.length === 1) {
          val = this.evalPath(fn, args[0]![0], args[0]![1], depth + 1);
        } else {
          const callee = names.length === 1 ? s.fns.find((f) => f.name === last) : undefined;
          if (!callee || args.length !== 0 || !this.isRootFn(callee)) return cannot(a);
          val = { kind: 'path', segs: [] };
        }
        k = close + 1;
      } else if (names.length === 1) {
        val = this.evalName(fn, last, a, depth);
      } else return cannot(a);
    } else return cannot(a);
    // Postfix chain.
    while (k < b) {
      if (s.isP(k, '?')) {
        k++;
        continue;
      }
      if (!s.isP(k, '.') || !s.isId(k + 1) || !s.isP(k + 2, '(')) return cannot(k);
      const m = s.code[k + 1]!.text;
      const close = s.match[k + 2]!;
      if (m === 'join') {
        if (val.kind !== 'path') return cannot(k + 1);
        // The argument must be a literal path: a variable could name another rooted path.
        if (!this.isLiteralPath(k + 3, close)) return cannot(k + 3);
        const arg = this.evalPath(fn, k + 3, close, depth + 1);
        if (arg.kind !== 'path') return cannot(k + 3);
        val = { kind: 'path', segs: [...val.segs, ...arg.segs] };
      } else if (m === 'read_dir') {
        if (val.kind !== 'path') return cannot(k + 1);
        val = { kind: 'list', segs: [...val.segs, '*'] };
      } else if (!PRESERVING_METHODS.has(m)) return cannot(k + 1);
      k = close + 1;
    }
    return val;
  }

  /** A join argument must be a literal path (not another rooted path). */
  private isLiteralPath(a: number, b: number): boolean {
    const s = this.s;
    if (b - a === 1) return s.code[a]!.kind === 'str' || (s.isId(a) && s.consts.has(s.code[a]!.text));
    return b - a === 6 && /^(Path|PathBuf|OsStr) :: (new|from) \( "/.test(s.text(a, b));
  }

  private pathSegs(k: number): string[] {
    const t = this.s.code[k]!;
    this.consumed.add(k);
    const v = t.value.replace(/\\/g, '/');
    if (v.startsWith('/') || /^[A-Za-z]:/.test(v)) this.fail(`cannot import the walk: ${t.text} is an absolute path`, t);
    const segs = v.split('/').filter((x) => x !== '' && x !== '.');
    if (segs.includes('..')) this.fail(`cannot import the walk: ${t.text} leaves the directory with \`..\``, t);
    return segs.map(escapeGlob);
  }

  private evalName(fn: FnInfo, name: string, at: number, depth: number): PVal {
    const s = this.s;
    const b = s.bindingOf(fn, name, at);
    if (b) {
      const v = this.evalPath(fn, b.start, b.end, depth + 1);
      if (b.kind === 'let') return v;
      if (v.kind !== 'list') this.fail('cannot import the walk: this loop does not iterate a directory listing', b.start);
      return { kind: 'path', segs: v.segs };
    }
    const pi = fn.params.findIndex((p) => p.name === name);
    if (pi >= 0) {
      // A parameter: what its callers pass.
      const results: string[] = [];
      let first: PVal | undefined;
      for (const call of s.callsTo(fn.name)) {
        const caller = s.enclosingFn(call);
        if (!caller || caller === fn) continue;
        const arg = s.split(call + 2, s.match[call + 1]!, ',')[pi];
        if (!arg) continue;
        const v = this.evalPath(caller, arg[0], arg[1], depth + 1);
        const key = `${v.kind}:${v.segs.join('/')}`;
        if (first && !results.includes(key)) this.fail(`cannot import the walk: \`${fn.name}\` is called with different directories`, call);
        results.push(key);
        first = v;
      }
      if (first) return first;
      if (/root/i.test(name)) return { kind: 'path', segs: [] };
      this.fail(`cannot import the walk: cannot tell which directory parameter \`${name}\` of \`${fn.name}\` is`, at);
    }
    const c = s.consts.get(name);
    if (c && c.valEnd - c.valStart === 1 && s.code[c.valStart]!.kind === 'str') {
      this.usedConsts.add(name);
      return { kind: 'path', segs: this.pathSegs(c.valStart) };
    }
    this.fail(`cannot import the walk: \`${name}\` is not a directory the importer can follow`, at);
  }

  /** `repo_root()`-style fns: no parameters, named for the root or built from CARGO_MANIFEST_DIR. */
  private isRootFn(f: FnInfo): boolean {
    if (f.params.length) return false;
    if (/root|workspace|repo/i.test(f.name)) return true;
    return this.s.code.slice(f.open, f.close).some((t) => t.kind === 'str' && t.value === 'CARGO_MANIFEST_DIR');
  }

  /** `assert!(files.len() > N)` on the walk's result → the minimum file count. */
  private threshold(drivers: Set<FnInfo>, collectors: FnInfo[]): number | undefined {
    const s = this.s;
    const walkNames = new Set([...drivers, ...collectors].map((f) => f.name));
    let min: number | undefined;
    const isWalkResult = (fn: FnInfo, name: string, at: number): boolean => {
      const b = s.bindingOf(fn, name, at);
      if (b && s.code.slice(b.start, b.end).some((t) => t.kind === 'ident' && walkNames.has(t.text))) return true;
      // `collect(&dir, &mut files)`
      for (const w of walkNames) {
        for (const call of s.callsTo(w, fn.open, fn.close)) {
          const close = s.match[call + 1]!;
          if (s.code.slice(call + 2, close).some((t) => t.kind === 'ident' && t.text === name)) return true;
        }
      }
      return false;
    };
    const num = (k: number): number | undefined => {
      const t = s.code[k];
      if (!t) return undefined;
      if (t.kind === 'num') {
        const clean = t.text.replace(/_/g, '').replace(/(?<=[0-9a-fA-F])(usize|u8|u16|u32|u64|u128|isize|i8|i16|i32|i64|i128)$/, '');
        const n = Number(clean);
        return Number.isInteger(n) ? n : undefined;
      }
      const c = t.kind === 'ident' ? s.consts.get(t.text) : undefined;
      if (c && c.valEnd - c.valStart === 1) return num(c.valStart);
      return undefined;
    };
    for (const fn of s.fns) {
      for (let k = fn.open + 1; k < fn.close; k++) {
        if (!(s.isId(k) && /^(debug_)?assert(_eq|_ne)?$/.test(s.code[k]!.text) && s.isP(k + 1, '!') && s.isP(k + 2, '('))) continue;
        const args = s.split(k + 3, s.match[k + 2]!, ',');
        const cond = args[0];
        if (!cond) continue;
        const [a, b] = cond;
        let found: number | undefined;
        // files.len() > N   |   files.len() >= N   |   N < files.len()   |   N <= files.len()   |   !files.is_empty()
        if (s.isId(a) && s.isP(a + 1, '.') && s.isId(a + 2, 'len') && s.isP(a + 3, '(') && s.isP(a + 4, ')') && b === a + 7) {
          if (!isWalkResult(fn, s.code[a]!.text, a)) continue;
          const n = num(a + 6);
          if (n === undefined || !(s.isP(a + 5, '>') || s.isP(a + 5, '>='))) this.fail('cannot import this file-count threshold', a, 'write it as `files.len() > N` with a number, or set `[scope] min_files` by hand');
          found = s.isP(a + 5, '>') ? n + 1 : n;
        } else if (b === a + 7 && s.isId(a + 2) && s.isP(a + 3, '.') && s.isId(a + 4, 'len') && s.isP(a + 5, '(') && s.isP(a + 6, ')')) {
          if (!isWalkResult(fn, s.code[a + 2]!.text, a + 2)) continue;
          const n = num(a);
          if (n === undefined || !(s.isP(a + 1, '<') || s.isP(a + 1, '<='))) this.fail('cannot import this file-count threshold', a, 'write it as `files.len() > N` with a number, or set `[scope] min_files` by hand');
          found = s.isP(a + 1, '<') ? n + 1 : n;
        } else if (b === a + 6 && s.isP(a, '!') && s.isId(a + 1) && s.isP(a + 2, '.') && s.isId(a + 3, 'is_empty')) {
          if (!isWalkResult(fn, s.code[a + 1]!.text, a + 1)) continue;
          found = 1;
        } else {
          const ids = s.code.slice(a, b).filter((t) => t.kind === 'ident');
          const mentionsWalk = ids.some((t, i) => (t.text === 'len' || t.text === 'is_empty') && i > 0 && isWalkResult(fn, ids[i - 1]!.text, a));
          if (mentionsWalk) this.fail('cannot import this file-count threshold', a, 'write it as `files.len() > N` with a number, or set `[scope] min_files` by hand');
          continue;
        }
        min = min === undefined ? found : Math.max(min, found);
      }
    }
    return min;
  }

  // --- dependency guard ----------------------------------------------------------

  /** `.join("Cargo.toml")` calls in a fn (code indices of the literal). */
  private cargoJoins(f: FnInfo): number[] {
    const s = this.s;
    const out: number[] = [];
    for (let k = f.open + 1; k < f.close; k++) {
      const t = s.code[k]!;
      if (t.kind === 'str' && /(^|\/)Cargo\.toml$/.test(t.value) && s.isP(k - 1, '(') && s.isId(k - 2, 'join')) out.push(k);
    }
    return out;
  }

  private dependencyRule(depFns: FnInfo[]): { manifests: string[]; banned: string[] } | undefined {
    const s = this.s;
    if (depFns.length === 0) return undefined;
    const manifests: string[] = [];
    const banned: string[] = [];
    for (const fn of depFns) {
      for (const lit of this.cargoJoins(fn)) {
        // The receiver chain before `.join(`.
        let start = lit - 3;
        for (;;) {
          const prev = start - 1;
          if (s.isP(prev, ')') || s.isP(prev, ']')) start = s.match[prev]!;
          else if (s.isId(prev) || s.isP(prev, '.') || s.isP(prev, '::') || s.isP(prev, '?')) start = prev;
          else break;
        }
        const v = this.evalPath(fn, start, lit + 2, 0);
        if (v.kind !== 'path') this.fail('cannot import the dependency guard: this manifest path is not a single path', lit);
        const g = v.segs.join('/');
        if (!manifests.includes(g)) manifests.push(g);
      }
      const lists: { entries: Entry[]; at: number }[] = [];
      for (const b of s.bindings(fn)) {
        if (b.kind !== 'let') continue;
        let v = b.start;
        if (s.isP(v, '&')) v++;
        if (s.isId(v, 'vec') && s.isP(v + 1, '!')) v += 2;
        if (s.isP(v, '[') && s.match[v] === b.end - 1 && s.code[v + 1]?.kind === 'str') lists.push({ entries: this.arrayEntries(v, 'banned dependency marker'), at: b.at });
      }
      for (let k = fn.open + 1; k < fn.close; k++) {
        const t = s.code[k]!;
        const c = t.kind === 'ident' ? s.consts.get(t.text) : undefined;
        if (c && this.isStringListConst(c)) {
          this.usedConsts.add(c.name);
          lists.push({ entries: this.stringList(k, k + 1, 'banned dependency marker'), at: k });
        }
      }
      if (lists.length === 0) this.fail(`cannot import the dependency guard \`${fn.name}\`: it has no array of banned crate-name markers`, fn.nameIdx, 'add `[dependency_rule] banned` to chokepoint.toml by hand');
      if (lists.length > 1) this.fail(`cannot import the dependency guard \`${fn.name}\`: more than one list of strings, cannot tell which holds the banned markers`, lists[1]!.at);
      for (const e of lists[0]!.entries) {
        if (/[*?]/.test(e.value)) this.fail(`banned marker ${e.tok.text} contains \`*\` or \`?\`, which chokepoint reads as a glob`, e.tok);
        if (e.value === '') this.fail('a banned marker is empty: it would match every crate', e.tok);
        if (!banned.includes(e.value)) banned.push(e.value);
      }
    }
    return { manifests, banned };
  }

  // --- consts that were not used -------------------------------------------------

  private isStringListConst(c: ConstInfo): boolean {
    const s = this.s;
    if (/str/.test(c.type) && /\[/.test(c.type)) return true;
    let v = c.valStart;
    if (s.isP(v, '&')) v++;
    return s.isP(v, '[') && s.code[v + 1]?.kind === 'str';
  }

  private checkLeftoverConsts(): void {
    for (const c of this.s.consts.values()) {
      if (this.usedConsts.has(c.name) || !this.isStringListConst(c)) continue;
      if (/_ALLOW$/.test(c.name)) {
        this.fail(`allowlist \`${c.name}\` is not used by any banned class`, c.nameIdx, 'reference it as `allowlist: ' + c.name + '` in a class, or delete it');
      }
      this.fail(
        `cannot import const \`${c.name}\`: a list of strings that is neither an allowlist, a needle list, nor the dependency markers`,
        c.nameIdx,
        'name allowlists `*_ALLOW` and reference them from a class, or remove the const before importing',
      );
    }
  }
}

// ---------------------------------------------------------------------------
// TOML output
// ---------------------------------------------------------------------------

/** A TOML basic string. */
export function tomlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (cp < 0x20 || cp === 0x7f) out += `\\u${cp.toString(16).padStart(4, '0').toUpperCase()}`;
    else out += ch;
  }
  return `${out}"`;
}

function tomlArray(key: string, items: string[]): string {
  const quoted = items.map(tomlString);
  const oneLine = `${key} = [${quoted.join(', ')}]`;
  if (oneLine.length <= 100) return oneLine;
  return `${key} = [\n${quoted.map((q) => `  ${q},`).join('\n')}\n]`;
}

/** The text of chokepoint.toml for an imported guards test. */
export function renderConfig(g: ImportedGuards, file: string): string {
  const lines: string[] = [];
  lines.push(`# chokepoint.toml — imported from ${file} by \`chokepoint init --from\``);
  lines.push('# Review the reasons below: they come from the comments of the imported test.');
  lines.push('');
  lines.push('matcher = "precise"   # `--matcher line` (or matcher = "line") reproduces the imported test\'s verdicts exactly');
  lines.push('');
  lines.push('[scope]');
  lines.push(tomlArray('include', g.scope.include));
  lines.push(tomlArray('exclude', g.scope.exclude));
  if (g.scope.minFiles !== undefined) {
    lines.push(`min_files = ${g.scope.minFiles}`);
    lines.push(`count_excluded = ${g.scope.countExcluded ? 'true' : 'false'}   # the imported test counted ${g.scope.countExcluded ? 'excluded files too' : 'only scanned files'}`);
  } else {
    lines.push('# min_files: the imported test has no file-count threshold');
  }
  for (const c of g.classes) {
    lines.push('');
    lines.push('[[class]]');
    lines.push(`name = ${tomlString(c.name)}`);
    lines.push(`reason = ${tomlString(c.reason)}`);
    if (c.useInstead !== undefined) lines.push(`use_instead = ${tomlString(c.useInstead)}`);
    lines.push(tomlArray('needles', c.needles));
    if (c.allow.length === 0) lines.push('# no allowlist: banned in every file');
    for (const a of c.allow) {
      lines.push('');
      lines.push('[[class.allow]]');
      lines.push(`path = ${tomlString(a.path)}`);
      lines.push(`reason = ${tomlString(a.reason)}`);
    }
  }
  if (g.dependencyRule) {
    lines.push('');
    lines.push('[dependency_rule]');
    lines.push(tomlArray('manifests', g.dependencyRule.manifests));
    lines.push(tomlArray('banned', g.dependencyRule.banned));
    lines.push('forbid_escaping_paths = false');
  }
  return `${lines.join('\n')}\n`;
}

/** Reads an architecture-guards test and returns what it configures. Throws `UserError` ('import'). */
export function analyzeGuards(rustSource: string, file: string): ImportedGuards {
  return new Analysis(rustSource, new Importer(file)).run();
}

/** `chokepoint init --from FILE`: the chokepoint.toml equivalent to a Rust guards test. */
export function importGuards(rustSource: string, file: string): string {
  return renderConfig(analyzeGuards(rustSource, file), file);
}
