// Where a needle may match in a path, and the matches that name resolution
// adds: a path in code read as what its imports say it is
// (`process::Command::new` as `std::process::Command::new`).
//
// Needles come in three shapes:
// - rooted: starts with `::`, or its first segment is `std`, `core` or
//   `alloc` (the crates every file sees under those names and that nothing
//   else is called): matches only where a path starts, so `cap_std::fs` and
//   `crate::std::fs` are not `std::fs`;
// - segment: starts with an identifier (`libc`, `tokio::process`,
//   `Command::new`, `env::var(`): matches at a segment boundary anywhere in a
//   path, so `nix::libc::fork` (nix re-exports libc) is `libc`, and
//   `not_libc::x` is not. Whether a bare word is a crate or an item cannot be
//   told from the needle (`libc` and `openat` look alike), so no other
//   needle is rooted;
// - free: anything else (`.to_socket_addrs(`): a plain substring, as before.
// The right end is never bounded: `std::env::var` is meant to match
// `std::env::var_os` too.

import { isIdentContinue } from './chars.js';
import { codePaths, NameTable, segmentTexts, type CodePath, type NameOptions, type Resolution } from './names.js';
import { PATH_SEP, PUNCT, isIdentLikeAt, tokenText, viewStart, type TokenStream } from './tokens.js';
import type { UsePath } from './useTree.js';

export type NeedleShape = 'rooted' | 'segment' | 'free';

const ROOTS = new Set(['std', 'core', 'alloc']);

export function needleShape(pattern: string): NeedleShape {
  if (pattern.startsWith('::')) return 'rooted';
  if (pattern.length === 0 || !isIdentContinue(pattern.charCodeAt(0))) return 'free';
  const sep = pattern.indexOf('::');
  const first = sep < 0 ? pattern : pattern.slice(0, sep);
  return ROOTS.has(first) ? 'rooted' : 'segment';
}

/**
 * Whether a match of a needle of `shape` at `at` of `text` (a code view or a
 * path's text) starts where the shape allows: rooted needles at the start
 * of a path (nothing but an absolute `::` before them), segment needles not
 * inside an identifier.
 */
export function matchStartAllowed(text: string, at: number, shape: NeedleShape): boolean {
  if (shape === 'free' || at === 0) return true;
  if (isIdentContinue(text.charCodeAt(at - 1))) return false;
  if (shape === 'segment') return true;
  if (text.charCodeAt(at - 1) !== 0x3a || text.charCodeAt(at - 2) !== 0x3a) return true;
  // `x::std::fs` continues a path; `::std::fs` (or `(::std`) starts one.
  const before = text.charCodeAt(at - 3);
  return !(isIdentContinue(before) || before === 0x3e /* > */);
}

/** A needle as path matching needs it. */
export interface PathNeedle<N> {
  needle: N;
  /** Normalised as the code view is. */
  pattern: string;
  shape: NeedleShape;
}

export interface PathHit<N> {
  needle: N;
  /** Source offset where the match is reported. */
  offset: number;
  /** Source length it covers (at least 1). */
  length: number;
}

/** What path matching derives from a needle list, once per list. */
interface PathPlan<N> {
  /** The needles that can match in a path (not free, not empty). */
  live: ReadonlyArray<PathNeedle<N>>;
  starts: { exact: Set<string>; prefixes: string[] };
  names: Array<{ segs: string[]; rooted: boolean }>;
}

const plans = new WeakMap<ReadonlyArray<PathNeedle<unknown>>, PathPlan<unknown>>();

function planFor<N>(needles: ReadonlyArray<PathNeedle<N>>): PathPlan<N> {
  let plan = plans.get(needles) as PathPlan<N> | undefined;
  if (plan === undefined) {
    const live = needles.filter((nd) => nd.shape !== 'free' && nd.pattern !== '');
    plan = { live, starts: needleStarts(live), names: live.map((nd) => ({ segs: nameSegments(nd.pattern), rooted: nd.shape === 'rooted' })) };
    plans.set(needles, plan);
  }
  return plan;
}

/** Whether a reading has a segment where some needle could start (the cheap half of mayStartIn). */
function hasStart(plan: PathPlan<unknown>, reading: ReadonlyArray<string | undefined>): boolean {
  return reading.some((seg) => seg === undefined || plan.starts.exact.has(seg) || plan.starts.prefixes.some((p) => seg.startsWith(p)));
}

/**
 * Narrow `table` to the imports whose readings can lead to one of `needles`
 * (see NameTable.focus). Call once per file, before the hits below; pass the
 * same needle array each time (what it derives is kept per array).
 */
export function focusTable<N>(table: NameTable, needles: ReadonlyArray<PathNeedle<N>>): void {
  const plan = planFor(needles);
  table.focus((reading) => hasStart(plan, reading) && plan.names.some((nd) => mayStartIn(reading, nd.segs, nd.rooted)));
}

/**
 * Matches that only resolution finds: for each path in code whose head an
 * import (or `self`/`super`/`crate`) stands for, the needles that match the
 * resolved path, at least partly inside what resolution supplied (the rest
 * the code view finds as written). Reported at the written path. The table
 * must have been focused on `needles` (focusTable).
 */
export function resolvedCodeHits<N>(ts: TokenStream, pairs: Int32Array, table: NameTable, omit: ArrayLike<number>, needles: ReadonlyArray<PathNeedle<N>>, out: Array<PathHit<N>>): void {
  const plan = planFor(needles);
  if (plan.live.length === 0 || !table.mayNameAny) return;
  // Only paths whose head an import (or self/super/crate) may stand for; absolute ones the view sees as written.
  for (const path of codePaths(ts, pairs, omit, (head) => table.mayNameAt(head))) {
    if (path.absolute || isValueUse(ts, path)) continue;
    const readings = table.resolve(segmentTexts(ts, path), table.scopeAt(path.segments[0]!));
    for (const r of readings) {
      if (r.viaGlob && !table.globMayApply(path)) continue;
      // A match starts in what resolution supplied, at one of its segments: most readings have none that starts a needle.
      if (!hasStart(plan, r.replacement)) continue;
      matchReading(ts, path, r, omit, plan.live, out);
    }
  }
}

/**
 * A lone name followed by `.` (`fs.len()`) is a value — a local binding far
 * more often than an imported const — and never a module: not read.
 */
function isValueUse(ts: TokenStream, path: CodePath): boolean {
  const k = path.end;
  return path.segments.length === 1 && k < ts.count && ts.kind[k] === PUNCT && ts.code[k] === 0x2e && ts.end[k]! - ts.start[k]! === 1;
}

/** A needle's names (`::std::env::var(` → `std`, `env`, `var`). */
function nameSegments(pattern: string): string[] {
  const out: string[] = [];
  let k = pattern.startsWith('::') ? 2 : 0;
  for (;;) {
    let end = k;
    while (end < pattern.length && isIdentContinue(pattern.charCodeAt(end))) end++;
    out.push(pattern.slice(k, end));
    if (end === k || !pattern.startsWith('::', end)) return out;
    k = end + 2;
  }
}

/**
 * Whether a needle with names `segs` can match a reading starting inside
 * `reading` (undefined: any name): the names that overlap the reading agree,
 * the last one as a prefix (the needle's right end is open).
 */
function mayStartIn(reading: ReadonlyArray<string | undefined>, segs: readonly string[], rooted: boolean): boolean {
  const from = reading[0] === '' ? 1 : 0;
  const last = rooted ? from : reading.length - 1;
  for (let i = from; i <= last && i < reading.length; i++) {
    let ok = true;
    for (let j = 0; ok && j < segs.length && i + j < reading.length; j++) {
      const seg = reading[i + j];
      if (seg === undefined) break;
      ok = j === segs.length - 1 ? seg.startsWith(segs[j]!) : seg === segs[j];
    }
    if (ok) return true;
  }
  return false;
}

/**
 * The first names of needles: a match in a path starts at a segment equal to
 * a multi-segment needle's first name, or beginning with a one-name needle
 * (whose right end is open).
 */
function needleStarts<N>(live: ReadonlyArray<PathNeedle<N>>): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const nd of live) {
    const body = nd.pattern.startsWith('::') ? nd.pattern.slice(2) : nd.pattern;
    let end = 0;
    while (end < body.length && isIdentContinue(body.charCodeAt(end))) end++;
    const first = body.slice(0, end);
    if (body.startsWith('::', end)) exact.add(first);
    else prefixes.push(first);
  }
  return { exact, prefixes };
}

function matchReading<N>(ts: TokenStream, path: CodePath, r: Resolution, omit: ArrayLike<number>, live: ReadonlyArray<PathNeedle<N>>, out: Array<PathHit<N>>): void {
  const supplied = r.replacement.join('::');
  // The written rest, with where each piece starts in `text` and in the source.
  let text = supplied;
  const marks: Array<[at: number, offset: number]> = [];
  for (let s = r.consumed; s < path.segments.length; s++) {
    const k = path.segments[s]!;
    text += '::';
    marks.push([text.length, viewStart(ts, k)]);
    text += tokenText(ts, k);
  }
  // What follows the path (for needles such as `env::var(`): two tokens, spaced as the code view spaces them.
  let prev = path.segments[path.segments.length - 1]!;
  for (let k = path.end; k < Math.min(ts.count, path.end + 2) && omit[k] === 0; k++) {
    if (ts.start[k] !== ts.end[prev] && ts.kind[k] !== PATH_SEP && ts.kind[prev] !== PATH_SEP) text += ' ';
    marks.push([text.length, viewStart(ts, k)]);
    text += tokenText(ts, k);
    prev = k;
  }
  const headStart = viewStart(ts, path.segments[0]!);
  const lastSupplied = path.segments[Math.max(0, r.consumed - 1)]!;
  const sourceAt = (index: number): number => {
    if (index < supplied.length) return -1;
    let offset = ts.end[lastSupplied]!;
    for (const [at, off] of marks) if (at <= index) offset = off + (index - at);
    return offset;
  };
  for (const nd of live) {
    for (let at = text.indexOf(nd.pattern); at >= 0 && at < supplied.length; at = text.indexOf(nd.pattern, at + 1)) {
      if (!matchStartAllowed(text, at, nd.shape)) continue;
      const endAt = sourceAt(at + nd.pattern.length - 1);
      const end = endAt < 0 ? ts.end[lastSupplied]! : endAt + 1;
      out.push({ needle: nd.needle, offset: headStart, length: Math.max(1, end - headStart) });
    }
  }
}

/**
 * Matches in a `use` path read through the file's other imports (`extern
 * crate std as s; use s::fs;` is `std::fs`), starting in what resolution
 * supplied (the rest the expanded path's own text shows). Reported at the
 * path's first name.
 */
export function resolvedUseHits<N>(ts: TokenStream, table: NameTable, path: UsePath, useToken: number, needles: ReadonlyArray<PathNeedle<N>>, out: Array<PathHit<N>>): void {
  if (path.text.includes('\n')) return;
  const segs = path.text.split('::');
  if (segs[0] === '' || !table.mayName(segs[0]!)) return;
  const plan = planFor(needles);
  const head = usePathHead(path, ts);
  for (const r of table.resolve(segs, table.scopeAt(useToken))) {
    if (!hasStart(plan, r.replacement)) continue;
    const supplied = r.replacement.join('::').length;
    const text = [...r.replacement, ...segs.slice(r.consumed)].join('::');
    for (const nd of plan.live) {
      for (let at = text.indexOf(nd.pattern); at >= 0 && at < supplied; at = text.indexOf(nd.pattern, at + 1)) {
        if (matchStartAllowed(text, at, nd.shape)) out.push({ needle: nd.needle, offset: viewStart(ts, head), length: Math.max(1, ts.end[head]! - viewStart(ts, head)) });
      }
    }
  }
}

/** The first token of a use path that is a name. */
function usePathHead(path: UsePath, ts: TokenStream): number {
  for (const p of path.parts) if (isIdentLikeAt(ts, p.token)) return p.token;
  return path.parts[0]?.token ?? 0;
}

export { NameTable, type NameOptions };
