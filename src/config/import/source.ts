// The guard file as structure: bracket matching over the code tokens, the
// items (fns, consts, structs, with their doc comments), and the lookups the
// passes share (calls, local bindings, message-only literals).

import type { Importer } from './importer.js';
import { commentLines, paragraph, type Tok } from './rustTokens.js';

export interface Param {
  name: string;
  type: string;
}

export interface FnInfo {
  name: string;
  nameIdx: number;
  params: Param[];
  /** Return type as space-joined token text ('' when none). */
  ret: string;
  open: number;
  close: number;
  docs: string;
}

export interface ConstInfo {
  name: string;
  nameIdx: number;
  type: string;
  /** Code-token range of the value expression: [valStart, valEnd). */
  valStart: number;
  valEnd: number;
  docs: string;
}

export interface StructInfo {
  name: string;
  fields: string[];
  open: number;
}

export interface Binding {
  name: string;
  kind: 'let' | 'for';
  at: number;
  start: number;
  end: number;
}

const ITEM_BEFORE = new Set([';', '}', '{', ']', ')']);
const QUALIFIERS = new Set(['pub', 'async', 'unsafe', 'extern', 'const', 'default']);
const MESSAGE_MACROS_EXEMPT = new Set(['matches', 'vec']);

export class Source {
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

  /** Splits [from, to) on a top-level separator, skipping bracket groups and `<...>`. */
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

  /** Skips `<...>` generics starting at k (which is `<`); returns the index after `>`. */
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

  /** Literals that only feed a message: inside a macro call (other than matches!/vec!) or `expect(...)`. */
  isMessageLiteral(k: number): boolean {
    for (let p = this.parent[k]!; p >= 0; p = this.parent[p]!) {
      if (this.isP(p - 1, '!') && this.isId(p - 2) && !MESSAGE_MACROS_EXEMPT.has(this.code[p - 2]!.text)) return true;
      if (this.isP(p, '(') && this.isId(p - 1, 'expect') && this.isP(p - 2, '.')) return true;
    }
    return false;
  }
}
