// Path expressions → glob patterns: `root.join("dir")`, `read_dir(…)`, `for x
// in …` bindings, parameters (what the callers pass) and path consts, rooted
// at a `repo_root()`-style fn or CARGO_MANIFEST_DIR.

import type { ImportContext } from './context.js';
import type { FnInfo, Source } from './source.js';
import { escapeGlob } from '../../glob.js';

/** A path pattern being evaluated: glob segments (already escaped; `*` is a wildcard). */
export type PVal = { kind: 'path'; segs: string[] } | { kind: 'list'; segs: string[] };

const PRESERVING_METHODS = new Set([
  'expect', 'unwrap', 'unwrap_or_else', 'unwrap_or_default', 'filter_map', 'filter', 'map', 'flatten', 'flat_map',
  'collect', 'into_iter', 'iter', 'to_path_buf', 'as_path', 'clone', 'as_ref', 'to_owned', 'ok', 'into', 'by_ref', 'path',
]);


/** Evaluates a path expression in fn to a glob pattern. */
export function evalPath(cx: ImportContext, fn: FnInfo, a: number, b: number, depth: number): PVal {
  const s = cx.s;
  const cannot = (at: number): never =>
    cx.fail('cannot import the walk: cannot tell which directory this expression names', at, 'the importer follows `root.join("dir")`, `read_dir(…)` and `for x in …` bindings; set `[scope] include` by hand');
  if (depth > 12) return cannot(a);
  while (s.isP(a, '&') || s.isId(a, 'mut') || s.isP(a, '*')) a++;
  if (a >= b) return cannot(a);
  let val: PVal;
  let k: number;
  const t = s.code[a]!;
  if (t.kind === 'str') {
    val = { kind: 'path', segs: pathSegs(cx, a) };
    k = a + 1;
  } else if (s.isP(a, '(')) {
    val = evalPath(cx, fn, a + 1, s.match[a]!, depth + 1);
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
        const inner = evalPath(cx, fn, args[0]![0], args[0]![1], depth + 1);
        if (inner.kind !== 'path') return cannot(a);
        val = { kind: 'list', segs: [...inner.segs, '*'] };
      } else if ((last === 'new' || last === 'from') && names.length >= 2 && /^(Path|PathBuf|OsStr|OsString)$/.test(names[names.length - 2]!) && args.length === 1) {
        val = evalPath(cx, fn, args[0]![0], args[0]![1], depth + 1);
      } else {
        const callee = names.length === 1 ? s.fns.find((f) => f.name === last) : undefined;
        if (!callee || args.length !== 0 || !isRootFn(s, callee)) return cannot(a);
        val = { kind: 'path', segs: [] };
      }
      k = close + 1;
    } else if (names.length === 1) {
      val = evalName(cx, fn, last, a, depth);
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
      if (!isLiteralPath(s, k + 3, close)) return cannot(k + 3);
      const arg = evalPath(cx, fn, k + 3, close, depth + 1);
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
function isLiteralPath(s: Source, a: number, b: number): boolean {
  if (b - a === 1) return s.code[a]!.kind === 'str' || (s.isId(a) && s.consts.has(s.code[a]!.text));
  return b - a === 6 && /^(Path|PathBuf|OsStr) :: (new|from) \( "/.test(s.text(a, b));
}

function pathSegs(cx: ImportContext, k: number): string[] {
  const t = cx.s.code[k]!;
  cx.consumed.add(k);
  const v = t.value.replace(/\\/g, '/');
  if (v.startsWith('/') || /^[A-Za-z]:/.test(v)) cx.fail(`cannot import the walk: ${t.text} is an absolute path`, t);
  const segs = v.split('/').filter((x) => x !== '' && x !== '.');
  if (segs.includes('..')) cx.fail(`cannot import the walk: ${t.text} leaves the directory with \`..\``, t);
  return segs.map(escapeGlob);
}

function evalName(cx: ImportContext, fn: FnInfo, name: string, at: number, depth: number): PVal {
  const s = cx.s;
  const b = s.bindingOf(fn, name, at);
  if (b) {
    const v = evalPath(cx, fn, b.start, b.end, depth + 1);
    if (b.kind === 'let') return v;
    if (v.kind !== 'list') cx.fail('cannot import the walk: this loop does not iterate a directory listing', b.start);
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
      const v = evalPath(cx, caller, arg[0], arg[1], depth + 1);
      const key = `${v.kind}:${v.segs.join('/')}`;
      if (first && !results.includes(key)) cx.fail(`cannot import the walk: \`${fn.name}\` is called with different directories`, call);
      results.push(key);
      first = v;
    }
    if (first) return first;
    if (/root/i.test(name)) return { kind: 'path', segs: [] };
    cx.fail(`cannot import the walk: cannot tell which directory parameter \`${name}\` of \`${fn.name}\` is`, at);
  }
  const c = s.consts.get(name);
  if (c && c.valEnd - c.valStart === 1 && s.code[c.valStart]!.kind === 'str') {
    cx.usedConsts.add(name);
    return { kind: 'path', segs: pathSegs(cx, c.valStart) };
  }
  cx.fail(`cannot import the walk: \`${name}\` is not a directory the importer can follow`, at);
}

/** `repo_root()`-style fns: no parameters, named for the root or built from CARGO_MANIFEST_DIR. */
function isRootFn(s: Source, f: FnInfo): boolean {
  if (f.params.length) return false;
  if (/root|workspace|repo/i.test(f.name)) return true;
  return s.code.slice(f.open, f.close).some((t) => t.kind === 'str' && t.value === 'CARGO_MANIFEST_DIR');
}
