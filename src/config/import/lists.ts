// String lists: `&[…]` / `vec![…]` literals and the consts that hold them.
// Needles, allowlists, directory names and dependency markers are all read
// here, and the comments inside an array become its entries' reasons.

import type { ImportContext } from './context.js';
import type { ConstInfo, Source } from './source.js';
import { commentLines, paragraph, type Tok } from './rustTokens.js';

export interface Entry {
  value: string;
  tok: Tok;
  /** The nearest own-line comment group above the entry (in its array). */
  group: string | null;
  /** The line that comment group starts on. */
  groupLine: number | null;
  /** The group ends on the line just above the entry, with no other entry between. */
  direct: boolean;
  /** A comment on the same line as the entry. */
  trailing: string | null;
}

/** The const an expression [a, b) names (`NAME`, `&NAME`, `self::NAME`), if any. */
export function constRef(s: Source, a: number, b: number): ConstInfo | undefined {
  if (s.isP(a, '&')) a++;
  if (!s.isId(b - 1)) return undefined;
  for (let k = a; k < b - 1; k++) if (!(s.isId(k) || s.isP(k, '::'))) return undefined;
  return s.consts.get(s.code[b - 1]!.text);
}

/**
 * A list of string literals: `&[…]`, `[…]`, `vec![…]`, or a const holding one.
 * Comments inside the array become the entries' group and trailing reasons.
 */
export function stringList(cx: ImportContext, a: number, b: number, what: string): Entry[] {
  const s = cx.s;
  let k = a;
  if (s.isP(k, '&')) k++;
  if (s.isId(k, 'vec') && s.isP(k + 1, '!')) k += 2;
  if (s.isP(k, '[') && s.match[k] === b - 1) return arrayEntries(cx, k, what);
  // A reference to a const.
  let j = k;
  while (j < b - 1 && (s.isId(j) || s.isP(j, '::'))) j++;
  if (j === b - 1 && s.isId(j)) {
    const name = s.code[j]!.text;
    const c = s.consts.get(name);
    if (!c) {
      cx.fail(`\`${name}\` is referenced here but is not defined in this file`, j, 'define it here as `const NAME: &[&str] = &[…];` so it can be imported');
    }
    cx.usedConsts.add(name);
    let v = c.valStart;
    if (s.isP(v, '&')) v++;
    if (s.isP(v, '[') && s.match[v] === c.valEnd - 1) return arrayEntries(cx, v, what);
    cx.fail(`cannot import const \`${name}\`: its value is not an array of string literals`, c.nameIdx);
  }
  cx.fail(`cannot import this ${what} list: expected \`&["…", …]\` or the name of such a const`, a);
}

export function arrayEntries(cx: ImportContext, open: number, what: string): Entry[] {
  const s = cx.s;
  const close = s.match[open]!;
  const entries: Entry[] = [];
  let group: string | null = null;
  let groupLine: number | null = null;
  let groupEnd = -1;
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
        if (!(groupOpen && group !== null)) groupLine = t.line;
        group = groupOpen && group !== null ? paragraph([group, text]) : text;
        groupEnd = t.endLine;
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
      cx.consumed.add(k);
      const known = group === '' ? null : group;
      entries.push({ value: t.value, tok: t, group: known, groupLine: known === null ? null : groupLine, direct: known !== null && groupOpen && groupEnd === t.line - 1, trailing: null });
      groupOpen = false;
      expectComma = true;
      continue;
    }
    cx.fail(`${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} must be a string literal, not \`${t.text}\``, t, 'write each entry as a plain "…" literal');
  }
  for (const e of entries) if (e.trailing === '') e.trailing = null;
  return entries;
}

export function isStringListConst(s: Source, c: ConstInfo): boolean {
  if (/str/.test(c.type) && /\[/.test(c.type)) return true;
  let v = c.valStart;
  if (s.isP(v, '&')) v++;
  return s.isP(v, '[') && s.code[v + 1]?.kind === 'str';
}

/** A list-of-strings const that no pass used is rule data the importer could not place. */
export function checkLeftoverConsts(cx: ImportContext): void {
  for (const c of cx.s.consts.values()) {
    if (cx.usedConsts.has(c.name) || !isStringListConst(cx.s, c)) continue;
    if (/_ALLOW$/.test(c.name)) {
      cx.fail(`allowlist \`${c.name}\` is not used by any banned class`, c.nameIdx, 'reference it as `allowlist: ' + c.name + '` in a class, or delete it');
    }
    cx.fail(
      `cannot import const \`${c.name}\`: a list of strings that is neither an allowlist, a needle list, nor the dependency markers`,
      c.nameIdx,
      'name allowlists `*_ALLOW` and reference them from a class, or remove the const before importing',
    );
  }
}
