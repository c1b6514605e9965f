// The dependency guard: the fn that joins `Cargo.toml` gives the manifests,
// and its one list of strings gives the banned crate-name markers.

import type { ImportContext } from './context.js';
import { arrayEntries, isStringListConst, stringList, type Entry } from './lists.js';
import { evalPath } from './paths.js';
import type { FnInfo, Source } from './source.js';

/** `.join("Cargo.toml")` calls in a fn (code indices of the literal). */
export function cargoJoins(s: Source, f: FnInfo): number[] {
  const out: number[] = [];
  for (let k = f.open + 1; k < f.close; k++) {
    const t = s.code[k]!;
    if (t.kind === 'str' && /(^|\/)Cargo\.toml$/.test(t.value) && s.isP(k - 1, '(') && s.isId(k - 2, 'join')) out.push(k);
  }
  return out;
}

export function dependencyRule(cx: ImportContext, depFns: FnInfo[]): { manifests: string[]; banned: string[] } | undefined {
  const s = cx.s;
  if (depFns.length === 0) return undefined;
  const manifests: string[] = [];
  const banned: string[] = [];
  for (const fn of depFns) {
    for (const lit of cargoJoins(s, fn)) {
      // The receiver chain before `.join(`.
      let start = lit - 3;
      for (;;) {
        const prev = start - 1;
        if (s.isP(prev, ')') || s.isP(prev, ']')) start = s.match[prev]!;
        else if (s.isId(prev) || s.isP(prev, '.') || s.isP(prev, '::') || s.isP(prev, '?')) start = prev;
        else break;
      }
      const v = evalPath(cx, fn, start, lit + 2, 0);
      if (v.kind !== 'path') cx.fail('cannot import the dependency guard: this manifest path is not a single path', lit);
      const g = v.segs.join('/');
      if (!manifests.includes(g)) manifests.push(g);
    }
    const lists: { entries: Entry[]; at: number }[] = [];
    for (const b of s.bindings(fn)) {
      if (b.kind !== 'let') continue;
      let v = b.start;
      if (s.isP(v, '&')) v++;
      if (s.isId(v, 'vec') && s.isP(v + 1, '!')) v += 2;
      if (s.isP(v, '[') && s.match[v] === b.end - 1 && s.code[v + 1]?.kind === 'str') lists.push({ entries: arrayEntries(cx, v, 'banned dependency marker'), at: b.at });
    }
    for (let k = fn.open + 1; k < fn.close; k++) {
      const t = s.code[k]!;
      const c = t.kind === 'ident' ? s.consts.get(t.text) : undefined;
      if (c && isStringListConst(s, c)) {
        cx.usedConsts.add(c.name);
        lists.push({ entries: stringList(cx, k, k + 1, 'banned dependency marker'), at: k });
      }
    }
    if (lists.length === 0) cx.fail(`cannot import the dependency guard \`${fn.name}\`: it has no array of banned crate-name markers`, fn.nameIdx, 'add `[dependency_rule] banned` to chokepoint.toml by hand');
    if (lists.length > 1) cx.fail(`cannot import the dependency guard \`${fn.name}\`: more than one list of strings, cannot tell which holds the banned markers`, lists[1]!.at);
    for (const e of lists[0]!.entries) {
      if (/[*?]/.test(e.value)) cx.fail(`banned marker ${e.tok.text} contains \`*\` or \`?\`, which chokepoint reads as a glob`, e.tok);
      if (e.value === '') cx.fail('a banned marker is empty: it would match every crate', e.tok);
      if (!banned.includes(e.value)) banned.push(e.value);
    }
  }
  return { manifests, banned };
}
