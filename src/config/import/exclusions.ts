// File exclusions: a bool fn of `||`-joined tests on a path (or its string
// form), mapped to exclude globs. A skip-style fn that may judge something
// other than files is an error, not a guess.

import type { ImportContext } from './context.js';
import { escapeGlob } from '../../glob.js';
import type { FnInfo } from './source.js';

const STRINGIFY_METHODS = new Set(['to_string_lossy', 'to_str', 'display', 'to_string', 'as_str', 'into_owned', 'as_os_str', 'to_string_lossy_owned']);
const CHAIN_OK_METHODS = new Set([...STRINGIFY_METHODS, 'as_ref', 'as_path', 'to_path_buf', 'unwrap', 'unwrap_or_default', 'as_deref', 'to_owned', 'borrow']);

export function exclusionFns(cx: ImportContext): FnInfo[] {
  const s = cx.s;
  const bool = s.fns.filter((f) => f.ret === 'bool');
  const calledToSkip = new Set<string>();
  for (let k = 0; k < s.code.length; k++) {
    if (!s.isId(k, 'if') || !s.isId(k + 1) || !s.isP(k + 2, '(')) continue;
    const m = s.match[k + 2]!;
    if (s.isP(m + 1, '{') && s.isId(m + 2, 'continue')) calledToSkip.add(s.code[k + 1]!.text);
  }
  const candidates = bool.filter((f) => /exclu|ignor|skip/i.test(f.name) || calledToSkip.has(f.name));
  return candidates.filter((f) => judgesFiles(cx, f));
}

/**
 * Whether a skip-style bool fn judges file paths (an exclusion) rather than, say, source
 * lines: it takes a path, or its callers hand it one, or its name says so. A `&str` helper
 * called with something else is rule data the importer cannot place.
 */
function judgesFiles(cx: ImportContext, f: FnInfo): boolean {
  const s = cx.s;
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
  return cx.fail(
    `cannot tell whether \`${f.name}\` excludes files: it takes no path${calls ? ' and its callers pass none' : ' and nothing calls it'}`,
    f.nameIdx,
    'give it a `&Path` parameter (or a name with "file"/"path"), or move its rule into chokepoint.toml by hand',
  );
}

/** Maps the body of a file-exclusion fn to exclude globs. */
export function exclusionGlobs(cx: ImportContext, fn: FnInfo): string[] {
  const s = cx.s;
  const types = new Map<string, 'path' | 'string'>();
  for (const p of fn.params) types.set(p.name, /Path/.test(p.type) ? 'path' : /str|String/.test(p.type) ? 'string' : 'path');
  let k = fn.open + 1;
  while (s.isId(k, 'let')) {
    const semi = s.find(k, fn.close, (x) => s.isP(x, ';'));
    let j = k + 1;
    if (s.isId(j, 'mut')) j++;
    const eq = semi < 0 ? -1 : s.find(j, semi, (x) => s.isP(x, '='));
    if (!s.isId(j) || eq < 0) cx.fail(`cannot import this statement of exclusion fn \`${fn.name}\``, k);
    const chain = receiverChain(cx, eq + 1, semi, types, true);
    if (!chain) cx.fail(`cannot import this statement of exclusion fn \`${fn.name}\`: expected \`let s = path.to_string_lossy();\` or similar`, k);
    types.set(s.code[j]!.text, chain);
    k = semi + 1;
  }
  let end = fn.close;
  if (s.isId(k, 'return')) k++;
  const semi = s.find(k, end, (x) => s.isP(x, ';'));
  if (semi >= 0) {
    if (semi + 1 !== end) cx.fail(`cannot import exclusion fn \`${fn.name}\`: expected a single \`||\` expression`, semi + 1);
    end = semi;
  }
  if (k >= end) cx.fail(`cannot import exclusion fn \`${fn.name}\`: its body is empty`, fn.nameIdx);
  const out: string[] = [];
  for (const [a0, b0] of s.split(k, end, '||')) {
    let a = a0;
    let b = b0;
    while (s.isP(a, '(') && s.match[a] === b - 1) {
      a++;
      b--;
    }
    if (b - a === 1 && s.isId(a, 'false')) continue;
    for (const g of exclusionAtom(cx, fn, a, b, types)) if (!out.includes(g)) out.push(g);
  }
  return out;
}

function exclusionAtom(cx: ImportContext, fn: FnInfo, a: number, b: number, types: Map<string, 'path' | 'string'>): string[] {
  const s = cx.s;
  const unknown = (): never =>
    cx.fail(
      `cannot import this exclusion condition of \`${fn.name}\``,
      a,
      'the importer maps `s.ends_with("X")`, `s.starts_with("X")`, `s.contains("X")`, `s == "X"` and `path == Path::new("X")` joined by `||`; add other exclusions to chokepoint.toml by hand',
    );
  const eq = s.find(a, b, (x) => s.isP(x, '=='));
  if (eq >= 0) {
    const lhs = literalOperand(cx, a, eq);
    const rhs = literalOperand(cx, eq + 1, b);
    const lit = lhs ?? rhs;
    const other = lhs !== undefined ? [eq + 1, b] : [a, eq];
    if (lit === undefined || (lhs !== undefined && rhs !== undefined)) return unknown();
    if (!receiverChain(cx, other[0]!, other[1]!, types, false)) return unknown();
    return [escapeGlob(lit)];
  }
  // RECEIVER . method ( LIT )
  if (!(s.isP(b - 1, ')') && s.isP(s.match[b - 1]! - 2, '.'))) return unknown();
  const open = s.match[b - 1]!;
  const method = s.code[open - 1]!;
  if (open + 2 !== b - 1 || !(s.code[open + 1]!.kind === 'str' || s.code[open + 1]!.kind === 'char')) return unknown();
  const type = receiverChain(cx, a, open - 2, types, false);
  if (!type) return unknown();
  const x = s.code[open + 1]!.value;
  cx.consumed.add(open + 1);
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
function literalOperand(cx: ImportContext, a: number, b: number): string | undefined {
  const s = cx.s;
  if (s.isP(a, '&')) a++;
  if (b - a === 1 && (s.code[a]!.kind === 'str' || s.code[a]!.kind === 'char')) {
    cx.consumed.add(a);
    return s.code[a]!.value;
  }
  if (s.isP(b - 1, ')') && s.match[b - 1] === b - 3 && s.code[b - 2]!.kind === 'str') {
    const callee = s.text(a, b - 3);
    if (['Path :: new', 'PathBuf :: from', 'OsStr :: new', 'std :: path :: Path :: new', 'Some'].includes(callee)) {
      cx.consumed.add(b - 2);
      return s.code[b - 2]!.value;
    }
  }
  return undefined;
}

/** `x`, `x.to_string_lossy()`, `x.to_str().unwrap_or("")`…: the type of the chain, or null. */
function receiverChain(cx: ImportContext, a: number, b: number, types: Map<string, 'path' | 'string'>, allowArgs: boolean): 'path' | 'string' | null {
  const s = cx.s;
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
