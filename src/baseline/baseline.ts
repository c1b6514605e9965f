// The baseline (SPEC §8a): findings a team accepted when it adopted
// chokepoint, recorded as counts per file and per class and needle, so moved
// lines do not matter (ESLint's bulk suppressions work the same way). A file
// whose count for a key stays within its recorded count passes; one that
// exceeds it fails with every finding of that key, since which of them is the
// new one cannot be told from counts.
//
// The same count comparison answers a second question: which findings of a
// staged config re-audit HEAD already had (see check/run.ts).

import { posix } from 'node:path';
import type { Finding, FindingKind } from '../types.js';
import { configError } from '../errors.js';
import { messages } from '../messages.js';
import { CATALOGUE } from '../findings/catalogue.js';

export const BASELINE_FILE = 'chokepoint-baseline.json';

/** Finding kinds about code or manifests; the others are config problems, fixed in the config. */
const RECORDED_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['banned-api', 'banned-dependency', 'escaping-path-dependency']);

/** Counts per path, then per key. */
export type Counts = Map<string, Map<string, number>>;

/** The baseline beside a config (repo-relative paths in, repo-relative path out). */
export function baselinePathFor(configRepoPath: string): string {
  const dir = posix.dirname(configRepoPath);
  return dir === '.' ? BASELINE_FILE : `${dir}/${BASELINE_FILE}`;
}

export function isRecordable(f: Finding): boolean {
  return RECORDED_KINDS.has(f.kind) && f.path !== undefined;
}

/** What a finding is, without where in its file: the kind, then the class and needle (or the crate). */
export function findingKey(f: Finding): string {
  return [f.kind, f.class ?? f.dependency ?? '', f.needle ?? f.table ?? ''].join(' ').trimEnd();
}

export function countFindings(findings: readonly Finding[], recordableOnly = true): Counts {
  const counts: Counts = new Map();
  for (const f of findings) {
    if (recordableOnly && !isRecordable(f)) continue;
    const path = f.path ?? '';
    let perFile = counts.get(path);
    if (!perFile) counts.set(path, (perFile = new Map()));
    const key = findingKey(f);
    perFile.set(key, (perFile.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Splits findings into those beyond the allowance and those within it. A
 * (path, key) pair whose findings number no more than its allowance is
 * within; otherwise all of that pair's findings are beyond.
 */
export function partitionByCounts(findings: readonly Finding[], allowance: Counts, eligible: (f: Finding) => boolean = isRecordable): { beyond: Finding[]; within: Finding[] } {
  const current = countFindings(findings.filter(eligible), false);
  const beyond: Finding[] = [];
  const within: Finding[] = [];
  for (const f of findings) {
    if (!eligible(f)) {
      beyond.push(f);
      continue;
    }
    const path = f.path ?? '';
    const key = findingKey(f);
    const allowed = allowance.get(path)?.get(key) ?? 0;
    (current.get(path)!.get(key)! <= allowed ? within : beyond).push(f);
  }
  return { beyond, within };
}

/**
 * Warnings for baseline entries the code has outgrown: counts that dropped
 * below their record. `judged` limits them to the files this run read (a
 * staged check reads a few); undefined means the whole tree was read.
 */
export function outdatedEntries(baseline: Counts, findings: readonly Finding[], baselinePath: string, judged?: ReadonlySet<string>): Finding[] {
  const current = countFindings(findings);
  const out: Finding[] = [];
  for (const [path, keys] of baseline) {
    if (judged && !judged.has(path)) continue;
    for (const [key, recorded] of keys) {
      const now = current.get(path)?.get(key) ?? 0;
      if (now < recorded) out.push({ kind: 'baseline-outdated', path: baselinePath, message: CATALOGUE['baseline-outdated'].message(path, key, recorded, now) });
    }
  }
  return out;
}

/** The file's text: sorted, one entry a line, so a baseline diff reads like the change it records. */
export function renderBaseline(counts: Counts): string {
  const paths = [...counts.keys()].filter((p) => (counts.get(p)?.size ?? 0) > 0).sort();
  const files: Record<string, Record<string, number>> = {};
  for (const p of paths) {
    const keys = [...counts.get(p)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    files[p] = Object.fromEntries(keys);
  }
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

/** Reads a baseline file's text; a malformed one is a config error naming the file. */
export function parseBaseline(text: string, display: string): Counts {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw configError(display, `is not valid JSON: ${(err as Error).message}`, undefined, undefined, messages.baselineRewriteHint);
  }
  const files = (doc as { version?: unknown; files?: unknown } | null)?.files;
  if ((doc as { version?: unknown } | null)?.version !== 1 || typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw configError(display, 'is not a chokepoint baseline (expected {"version": 1, "files": {…}})', undefined, undefined, messages.baselineRewriteHint);
  }
  const counts: Counts = new Map();
  for (const [path, keys] of Object.entries(files as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw configError(display, `entry ${JSON.stringify(path)} is not an object of counts`, undefined, undefined, messages.baselineRewriteHint);
    const perFile = new Map<string, number>();
    for (const [key, n] of Object.entries(keys as Record<string, unknown>)) {
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw configError(display, `count of ${JSON.stringify(key)} in ${JSON.stringify(path)} is not a whole number`, undefined, undefined, messages.baselineRewriteHint);
      if (n > 0) perFile.set(key, n);
    }
    counts.set(path, perFile);
  }
  return counts;
}

/** `--prune`: each entry lowered to today's count, entries at zero removed; nothing is ever added. */
export function pruneCounts(baseline: Counts, current: Counts): Counts {
  const out: Counts = new Map();
  for (const [path, keys] of baseline) {
    const perFile = new Map<string, number>();
    for (const [key, recorded] of keys) {
      const now = Math.min(recorded, current.get(path)?.get(key) ?? 0);
      if (now > 0) perFile.set(key, now);
    }
    if (perFile.size) out.set(path, perFile);
  }
  return out;
}

export function totalCount(counts: Counts): number {
  let n = 0;
  for (const keys of counts.values()) for (const c of keys.values()) n += c;
  return n;
}
