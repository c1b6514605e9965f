// Reads and judges files in bounded chunks: memory follows the chunk, not the
// repository. Pure analysis happens per file; only hits and module facts stay.

import type { Config, Finding, MatcherName, Source } from '../types.js';
import type { ModuleFactsMode, NeedleHit } from '../rust/index.js';
import { bannedApiFindings, type ClassIndex } from '../rules/bannedApi.js';
import { decodeUtf8, judgeFile, type FileOutcome } from './fileOutcome.js';
import { checkManifest } from '../rules/dependencies.js';
import { checkManifestLikeSeed } from '../rules/dependenciesLine.js';
import { testModuleReason, type DeclarerLookup, type ModuleFacts } from './testModules.js';
import { CATALOGUE } from '../findings/catalogue.js';
import { claimCounter, judgeShare, likelyWorthThreads, worthThreads, type ShareTask } from './share.js';
import type { Pool } from './parallel.js';
import { statSync } from 'node:fs';

const CHUNK = 64;
/** From this many files on, scan anchors are found by the SIMD byte filter (its set-up, compiling included, costs ~2.5 ms). */
const BYTE_SCAN_MIN = 64;

export interface RustScan {
  findings: Finding[];
  /** Needles found per file in production code, allowlisted or not. */
  needlesByFile: Map<string, Set<string>>;
  /** Module facts of every file read (for test-module resolution). */
  facts: Map<string, ModuleFacts>;
  filesScanned: number;
}

/** Reads `paths` from `source` in chunks, calling `visit` for each one that exists. */
export async function forEachFile(source: Source, paths: readonly string[], visit: (path: string, bytes: Buffer) => void, progress?: (done: number) => void): Promise<void> {
  for (let i = 0; i < paths.length; i += CHUNK) {
    const chunk = paths.slice(i, i + CHUNK);
    const contents = await source.readFiles(chunk);
    for (const path of chunk) {
      const bytes = contents.get(path);
      if (bytes) visit(path, bytes);
    }
    progress?.(Math.min(i + CHUNK, paths.length));
  }
}

export interface RustScanOptions {
  index: ClassIndex;
  matcher: MatcherName;
  /**
   * Builds the lookup for test-module resolution once every file has been
   * read; `factsOf` covers scanned and unscanned files, `deferred` the files
   * whose facts were deferred (path → names they may declare, or undefined).
   */
  lookup: (facts: Map<string, ModuleFacts>, factsOf: (path: string) => Promise<ModuleFacts | undefined>, deferred: Map<string, string[] | undefined>) => DeclarerLookup;
  /** Which module facts the scan reports (see ModuleFactsMode): only of files with hits when `lookup` reads parents on demand. */
  moduleFacts: ModuleFactsMode;
  /** Facts of files that were not scanned (e.g. parents read on demand). */
  factsOf: (path: string) => Promise<ModuleFacts | undefined>;
  progress?: (done: number, total: number) => void;
  /** Collect which needles each file uses (for the audit's stale-entry and unused-needle warnings). */
  collectUsage?: boolean;
  /** Threads started ahead (startPoolEarly), used if the run proves worth them. */
  pool?: Pool;
}

/** Threads for a run found worth them; imported only then: worker_threads is not on the hook's path. */
async function startPoolIfUseful(): Promise<Pool | undefined> {
  const { startPool, threadCount } = await import('./parallel.js');
  return threadCount() > 1 ? startPool() : undefined;
}

let prestarted: Promise<Pool | undefined> | undefined;

/** Starts audit threads at once (the CLI, before it has even found the repository); the audit takes them with takePrestartedPool. */
export function prestartPool(gitDir: string): void {
  prestarted = startPoolEarly(gitDir);
}

export function takePrestartedPool(): Promise<Pool | undefined> | undefined {
  const pool = prestarted;
  prestarted = undefined;
  return pool;
}

/**
 * Starts audit threads before the file list is known, when the size of git's
 * index says the tree is likely worth them: their boot then overlaps listing
 * and loading rules. The caller closes the pool (unused workers stop).
 */
export async function startPoolEarly(gitDir: string): Promise<Pool | undefined> {
  let indexBytes = 0;
  try {
    indexBytes = statSync(`${gitDir}/index`).size;
  } catch {
    return undefined; // no index yet: nothing committed or staged, a small tree
  }
  return likelyWorthThreads(indexBytes) ? startPoolIfUseful() : undefined;
}

export async function scanRust(source: Source, paths: readonly string[], opts: RustScanOptions): Promise<RustScan> {
  const findings: Finding[] = [];
  const hitsByFile = new Map<string, { hits: NeedleHit[]; lines: Map<number, string> }>();
  const facts = new Map<string, ModuleFacts>();
  const deferred = new Map<string, string[] | undefined>();
  let filesScanned = 0;
  const collect = (outcome: FileOutcome): void => {
    if (outcome.invalid) {
      findings.push({ kind: 'invalid-file', path: outcome.path, message: CATALOGUE['invalid-file'].message('utf8') });
      return;
    }
    if (outcome.facts) facts.set(outcome.path, outcome.facts);
    if (outcome.deferredDecls) deferred.set(outcome.path, outcome.deferredDecls.names);
    if (outcome.hits.length) hitsByFile.set(outcome.path, { hits: outcome.hits, lines: new Map(outcome.lines) });
  };
  const byteScan = paths.length >= BYTE_SCAN_MIN;
  if (source.kind === 'worktree' && source.root !== undefined) {
    // The working tree is read file by file into one reused buffer, on this
    // thread alone or with workers.
    const task: ShareTask = { root: source.root, paths, needles: opts.index.needles, matcher: opts.matcher, moduleFacts: opts.moduleFacts, byteScan, next: claimCounter() };
    const pool = worthThreads(paths.length, opts.matcher) ? (opts.pool ?? (await startPoolIfUseful())) : undefined;
    const result = pool ? await pool.judge(task) : judgeShare(task, opts.progress && ((done) => opts.progress!(Math.min(done, paths.length), paths.length)));
    filesScanned = result.judged;
    result.outcomes.forEach(collect);
  } else {
    await forEachFile(
      source,
      paths,
      (path, bytes) => {
        filesScanned++;
        collect(judgeFile(path, bytes, opts.index.needles, opts.matcher, { moduleFacts: opts.moduleFacts, byteScan }));
      },
      opts.progress && ((done) => opts.progress!(done, paths.length)),
    );
  }

  const factsOf = (p: string) => (facts.has(p) ? Promise.resolve(facts.get(p)) : opts.factsOf(p));
  const lookup = opts.lookup(facts, factsOf, deferred);
  const needlesByFile = new Map<string, Set<string>>();
  for (const [path, { hits, lines }] of hitsByFile) {
    const found = bannedApiFindings(path, hits, opts.index, opts.matcher, (h) => lines.get(h.offset) ?? '');
    // Resolving test modules may read parent files: the hook pays for it only
    // when a finding depends on it (the audit's warnings always need it).
    if (found.length === 0 && !opts.collectUsage) continue;
    // The seed-compatible matcher knows nothing of module files, by design.
    if (opts.matcher === 'precise' && (await testModuleReason(path, lookup, factsOf))) continue;
    needlesByFile.set(path, new Set(hits.map((h) => h.needle)));
    findings.push(...found);
  }
  return { findings, needlesByFile, facts, filesScanned };
}

export interface ManifestScan {
  findings: Finding[];
  usedExceptions: Set<string>;
  manifestsChecked: number;
}

export async function scanManifests(source: Source, paths: readonly string[], config: Config, matcher: MatcherName): Promise<ManifestScan> {
  const findings: Finding[] = [];
  const usedExceptions = new Set<string>();
  let manifestsChecked = 0;
  const rule = config.dependencies;
  if (!rule) return { findings, usedExceptions, manifestsChecked };
  await forEachFile(source, paths, (path, bytes) => {
    manifestsChecked++;
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      findings.push({ kind: 'invalid-file', path, message: CATALOGUE['invalid-file'].message('utf8') });
      return;
    }
    const verdict = matcher === 'line' ? checkManifestLikeSeed(path, text, rule) : checkManifest(path, text, rule);
    findings.push(...verdict.findings);
    for (const crate of verdict.usedExceptions) usedExceptions.add(crate);
  });
  return { findings, usedExceptions, manifestsChecked };
}
