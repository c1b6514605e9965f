// Banned-API classes: struct literals with `name` / `needles` / `allowlist`
// fields, their allowlist entries with comment-derived reasons, and the class
// reason from the docs of the allowlist const or the class fn.

import type { ImportContext } from './context.js';
import { constRef, stringList, type Entry } from './lists.js';
import type { FnInfo } from './source.js';
import type { Tok } from './rustTokens.js';

export interface ClassOut {
  name: string;
  reason: string;
  useInstead?: string;
  needles: string[];
  allow: { path: string; reason: string; needsReason: boolean }[];
  tok: Tok;
}

export function importClasses(cx: ImportContext): ClassOut[] {
  const s = cx.s;
  /** Struct types that are banned classes: declared with class fields, or seen as a class literal. */
  const classTypes = new Set<string>();
  for (const st of s.structs) if (st.fields.includes('needles') || st.fields.includes('allowlist')) classTypes.add(st.name);
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
    const isClass = classTypes.has(t.text) || fieldNames.includes('needles') || fieldNames.includes('allowlist');
    if (!isClass) continue;
    const first = parts[0];
    if (!first || !(s.isId(first[0]) && s.isP(first[0] + 1, ':'))) continue; // a pattern such as `T { name, .. }`
    classTypes.add(t.text);
    const cls = classLiteral(cx, classTypes, k, parts);
    if (out.some((o) => o.name === cls.name)) cx.fail(`class \`${cls.name}\` is defined twice`, cls.tok, 'class names must be unique; merge the two classes');
    out.push(cls);
    const fn = s.enclosingFn(k);
    if (fn) literalFns.add(fn);
  }
  for (const fn of s.fns) {
    if (returnsClass(classTypes, fn) && !literalFns.has(fn)) {
      cx.fail(
        `cannot import class fn \`${fn.name}\`: its body is not a \`${fn.ret} { name: "…", needles: &[…], allowlist: … }\` literal`,
        fn.nameIdx,
        'write the class as a plain struct literal, or add it to chokepoint.toml by hand after importing the rest',
      );
    }
  }
  if (out.length === 0) {
    cx.imp.fail(
      'found no banned-API classes (struct literals with `name`, `needles` and `allowlist` fields)',
      undefined,
      'point --from at the architecture-guards test that defines the banned classes',
    );
  }
  return out;
}

function returnsClass(classTypes: Set<string>, fn: FnInfo): boolean {
  const ret = fn.ret.split(' :: ').pop() ?? '';
  return classTypes.has(ret.trim());
}

function classLiteral(cx: ImportContext, classTypes: Set<string>, typeIdx: number, parts: [number, number][]): ClassOut {
  const s = cx.s;
  const typeTok = s.code[typeIdx]!;
  const fields = new Map<string, { nameIdx: number; a: number; b: number }>();
  for (const [a, b] of parts) {
    if (!s.isId(a) || !s.isP(a + 1, ':')) {
      cx.fail(`cannot import this part of the \`${typeTok.text}\` literal`, a, 'use `field: value` for every field');
    }
    const fname = s.code[a]!.text;
    if (fields.has(fname)) cx.fail(`field \`${fname}\` is given twice`, a);
    fields.set(fname, { nameIdx: a, a: a + 2, b });
  }
  const known = ['name', 'needles', 'allowlist', 'use_instead', 'reason'];
  for (const [fname, f] of fields) {
    if (!known.includes(fname)) {
      cx.fail(`cannot import field \`${fname}\` of a banned class`, f.nameIdx, `the importer understands ${known.map((x) => `\`${x}\``).join(', ')}`);
    }
  }
  const name = fields.get('name');
  if (!name) cx.fail(`the \`${typeTok.text}\` literal has no \`name\``, typeTok);
  const className = stringField(cx, name, 'class name');
  const needlesField = fields.get('needles');
  if (!needlesField) cx.fail(`class \`${className}\` has no needles`, typeTok, 'add `needles: &["…"]` listing the banned API substrings');
  const needles = stringList(cx, needlesField.a, needlesField.b, 'needle').map((e) => e.value);
  if (needles.length === 0) cx.fail(`class \`${className}\` has no needles`, needlesField.nameIdx, 'an empty needle list bans nothing; list the banned API substrings');
  needles.forEach((n) => {
    if (n === '') cx.fail(`class \`${className}\` has an empty needle`, needlesField.nameIdx, 'an empty needle matches every line');
  });
  const allowField = fields.get('allowlist');
  if (!allowField) cx.fail(`class \`${className}\` has no \`allowlist\``, typeTok, 'add `allowlist: &[]` if the API is banned everywhere');
  const allowEntries = stringList(cx, allowField.a, allowField.b, 'allowlist entry');
  const allowConst = constRef(s, allowField.a, allowField.b);
  const allow: ClassOut['allow'] = [];
  for (const e of allowEntries) {
    checkRepoPath(cx, e);
    if (allow.some((x) => x.path === e.value)) cx.fail(`allowlist entry "${e.value}" is listed twice for class \`${className}\``, e.tok, 'remove the duplicate');
    const own = e.trailing ?? (e.group !== null && (e.direct || cx.options.reasonsFromGroupComments) ? e.group : null);
    allow.push(own !== null ? { path: e.value, reason: own, needsReason: false } : { path: e.value, reason: unexplained(cx, e), needsReason: true });
  }
  const fn = s.enclosingFn(typeIdx);
  const docs = [allowConst?.docs ?? '', fn && returnsClass(classTypes, fn) ? fn.docs : ''].filter((d) => d !== '');
  const reasonField = fields.get('reason');
  const useField = fields.get('use_instead');
  const reason = reasonField
    ? stringField(cx, reasonField, 'class reason')
    : docs.length
      ? docs.join(' ')
      : `imported from ${cx.imp.file}: \`${className}\` host access is confined to its allowlist`;
  return {
    name: className,
    reason,
    ...(useField ? { useInstead: stringField(cx, useField, 'use_instead') } : {}),
    needles,
    allow,
    tok: typeTok,
  };
}

/** The reason of an entry with no comment of its own: says so, and quotes what a human should confirm. */
function unexplained(cx: ImportContext, e: Entry): string {
  if (e.group === null) return `imported from ${cx.imp.basename} without a justifying comment`;
  return `imported from ${cx.imp.basename} without a comment of its own; the nearest comment above (line ${e.groupLine}) says: ${e.group}`;
}

function stringField(cx: ImportContext, f: { a: number; b: number }, what: string): string {
  const s = cx.s;
  let a = f.a;
  if (s.isP(a, '&')) a++;
  if (f.b - a !== 1 || s.code[a]!.kind !== 'str') cx.fail(`the ${what} is not a string literal`, f.a, 'write it as a plain "…" literal');
  cx.consumed.add(a);
  return s.code[a]!.value;
}

function checkRepoPath(cx: ImportContext, e: Entry): void {
  const p = e.value;
  const bad =
    p === '' ? 'is empty'
    : p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? 'is absolute'
    : p.includes('\\') ? 'uses `\\`'
    : p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') ? 'has an empty, `.` or `..` segment'
    : null;
  if (bad) cx.fail(`allowlist entry ${JSON.stringify(p)} ${bad}`, e.tok, 'allowlist entries must be repo-relative paths with `/` separators');
}
