// Reads and judges files in bounded chunks: memory follows the chunk, not the
// repository. Pure analysis happens per file; only hits and module facts stay.

import type { Config, Finding, MatcherName, Source } from '../types.js';
import type { NeedleHit, RustJudge } from '../rust/index.js';
import { bannedApiFindings, type ClassIndex } from '../rules/bannedApi.js';
import { decodeUtf8, judgeFile } from './fileOutcome.js';
import { checkManifest } from '../rules/dependencies.js';
import { checkManifestLikeSeed } from '../rules/dependenciesLine.js';
import { testModuleReason, type DeclarerLookup, type ModuleFacts } from './testModules.js';
import { CATALOGUE } from '../findings/catalogue.js';

const CHUNK = 64;

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
  judge: RustJudge;
  /**
   * Builds the lookup for test-module resolution once every file has been
   * read; `factsOf` covers scanned and unscanned files.
   */
  lookup: (facts: Map<string, ModuleFacts>, factsOf: (path: string) => Promise<ModuleFacts | undefined>) => DeclarerLookup;
  /** Facts of files that were not scanned (e.g. parents read on demand). */
  factsOf: (path: string) => Promise<ModuleFacts | undefined>;
  progress?: (done: number, total: number) => void;
  /** Collect which needles each file uses (for the audit's stale-entry and unused-needle warnings). */
  collectUsage?: boolean;
}

export async function scanRust(source: Source, paths: readonly string[], opts: RustScanOptions): Promise<RustScan> {
  const findings: Finding[] = [];
  const hitsByFile = new Map<string, { hits: NeedleHit[]; lines: Map<number, string> }>();
  const facts = new Map<string, ModuleFacts>();
  let filesScanned = 0;
  await forEachFile(
    source,
    paths,
    (path, bytes) => {
      filesScanned++;
      const outcome = judgeFile(path, bytes, opts.index.needles, opts.matcher, opts.judge);
      if (outcome.invalid) {
        findings.push({ kind: 'invalid-file', path: outcome.path, message: CATALOGUE['invalid-file'].message('utf8') });
        return;
      }
      if (outcome.facts) facts.set(outcome.path, outcome.facts);
      if (outcome.hits.length) hitsByFile.set(outcome.path, { hits: outcome.hits, lines: new Map(outcome.lines) });
    },
    opts.progress && ((done) => opts.progress!(done, paths.length)),
  );

  const factsOf = (p: string) => (facts.has(p) ? Promise.resolve(facts.get(p)) : opts.factsOf(p));
  const lookup = opts.lookup(facts, factsOf);
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
