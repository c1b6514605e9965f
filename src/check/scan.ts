// Reads and judges files in bounded chunks: memory follows the chunk, not the
// repository. Pure analysis happens per file; only hits and module facts stay.

import type { Config, Finding, MatcherName, Source } from '../types.js';
import type { NeedleHit, RustJudge } from '../rust/index.js';
import { bannedApiFindings, type ClassIndex } from '../rules/bannedApi.js';
import { judgeFile, type FileOutcome } from './fileOutcome.js';
import { decodeUtf8 } from '../source/decode.js';
import { checkManifest } from '../rules/dependencies.js';
import type { TomlParseResult } from '../toml/positions.js';
import { checkManifestLikeSeed } from '../rules/dependenciesLine.js';
import { checkWorkspaceBoundary, type CheckedManifest } from '../rules/workspaceBoundary.js';
import { escapesRepository, moduleFactsReader, partialGraph, reachesFrom, testCodeResolver, treeGraph, type ModuleFacts, type Reach } from './modules.js';
import { CATALOGUE } from '../findings/catalogue.js';

const CHUNK = 64;

export interface RustScan {
  findings: Finding[];
  /** Needles found per file in production code, allowlisted or not. */
  needlesByFile: Map<string, Set<string>>;
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
  /** `paths` is every Rust file in scope (the audit): every declaring file is read anyway. */
  wholeTree: boolean;
  /** Whether a path is a Rust file in scope, and so a declaring file (see modules.ts). */
  declares: (path: string) => boolean;
  /** Other changed files: judged as Rust too when a `#[path]` or `include!` reaches them. */
  others?: readonly string[];
  progress?: (done: number, total: number) => void;
  /** Collect which needles each file uses (for the audit's stale-entry and unused-needle warnings). */
  collectUsage?: boolean;
}

interface Judged {
  hits: NeedleHit[];
  lines: Map<number, string>;
}

/**
 * Judges `paths` and every file their `#[path]`s and `include!`s reach
 * (transitively, wherever it is in the repository); reports hits outside
 * test code (as the one module resolution says, modules.ts) and
 * declarations that name a file outside the repository.
 */
export async function scanRust(source: Source, paths: readonly string[], opts: RustScanOptions): Promise<RustScan> {
  const findings: Finding[] = [];
  const hitsByFile = new Map<string, Judged>();
  const facts = new Map<string, ModuleFacts>();
  const judged = new Set<string>();
  const invalid = new Set<string>();
  let filesScanned = 0;
  const keep = (path: string, outcome: FileOutcome): void => {
    judged.add(path);
    filesScanned++;
    if (outcome.invalid) {
      invalid.add(path);
      return;
    }
    if (outcome.facts) facts.set(path, outcome.facts);
    if (outcome.hits.length) hitsByFile.set(path, { hits: outcome.hits, lines: new Map(outcome.lines) });
  };
  const judgeFiles = (list: readonly string[], progress?: (done: number) => void) =>
    forEachFile(source, list, (path, bytes) => keep(path, judgeFile(path, bytes, opts.index.needles, opts.matcher, opts.judge)), progress);
  await judgeFiles(paths, opts.progress && ((done) => opts.progress!(done, paths.length)));

  const factsReader = moduleFactsReader(source, opts.matcher, opts.judge);
  const factsOf = (p: string): Promise<ModuleFacts | undefined> => (judged.has(p) ? Promise.resolve(facts.get(p)) : factsReader(p));
  const partial = opts.wholeTree ? undefined : partialGraph(factsOf, opts.declares, () => source.filesSpelling(DECLARER_WORDS));

  // Changed files out of scope count when a `#[path]` or `include!` reaches
  // them; asking costs a search of the tree, so only those that would say
  // something as Rust (a hit, a reach of their own) ask.
  if (opts.others?.length && partial) {
    const maybe = new Map<string, FileOutcome>();
    await forEachFile(source, opts.others, (path, bytes) => {
      const outcome = judgeFile(path, bytes, opts.index.needles, opts.matcher, opts.judge);
      if (!outcome.invalid && (outcome.hits.length > 0 || outcome.facts !== undefined)) maybe.set(path, outcome);
    });
    for (const [path, outcome] of maybe) if (await partial.reachedByPath(path)) keep(path, outcome);
  }

  // The seed-compatible matcher knows nothing of module files, by design.
  const escaping: Reach[] = [];
  if (opts.matcher === 'precise') {
    let frontier = [...facts.keys()];
    while (frontier.length > 0) {
      const next = new Set<string>();
      for (const declarer of frontier) {
        for (const r of reachesFrom(declarer, facts.get(declarer)!)) {
          if (r.kind === 'mod') continue;
          if (escapesRepository(r.target)) escaping.push(r);
          else if (!judged.has(r.target)) next.add(r.target);
        }
      }
      await judgeFiles([...next]);
      frontier = [...next].filter((p) => facts.has(p));
    }
  }
  for (const path of invalid) findings.push({ kind: 'invalid-file', path, message: CATALOGUE['invalid-file'].message('utf8') });

  const graph = partial ?? treeGraph(facts);
  const testCode = testCodeResolver(graph);
  const needlesByFile = new Map<string, Set<string>>();
  for (const [path, { hits, lines }] of hitsByFile) {
    const found = bannedApiFindings(path, hits, opts.index, opts.matcher, (h) => lines.get(h.offset) ?? '');
    // Resolving test modules may read other files: the hook pays for it only
    // when a finding depends on it (the audit's warnings always need it).
    if (found.length === 0 && !opts.collectUsage) continue;
    if (opts.matcher === 'precise' && (await testCode(path))) continue;
    needlesByFile.set(path, new Set(hits.map((h) => h.needle)));
    findings.push(...found);
  }
  for (const r of escaping) {
    if (r.testOnly || facts.get(r.declarer)?.testOnlyFile || (await testCode(r.declarer))) continue;
    findings.push({ kind: 'escaping-module-path', path: r.declarer, line: r.line, column: r.column, message: CATALOGUE['escaping-module-path'].message(r.written(), r.target) });
  }
  return { findings, needlesByFile, filesScanned };
}

/** A `#[path]` (or `cfg_attr(…, path = …)`) spells `path`, an `include!` spells `include`. */
const DECLARER_WORDS = ['path', 'include'];

export interface ManifestScan {
  findings: Finding[];
  usedExceptions: Set<string>;
  manifestsChecked: number;
}

export async function scanManifests(source: Source, paths: readonly string[], config: Config, matcher: MatcherName, parse?: (text: string) => TomlParseResult): Promise<ManifestScan> {
  const findings: Finding[] = [];
  const usedExceptions = new Set<string>();
  let manifestsChecked = 0;
  const rule = config.dependencies;
  if (!rule) return { findings, usedExceptions, manifestsChecked };
  const parsed: CheckedManifest[] = [];
  await forEachFile(source, paths, (path, bytes) => {
    manifestsChecked++;
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      findings.push({ kind: 'invalid-file', path, message: CATALOGUE['invalid-file'].message('utf8') });
      return;
    }
    const verdict = matcher === 'line' ? checkManifestLikeSeed(path, text, rule) : checkManifest(path, text, rule, parse);
    findings.push(...verdict.findings);
    for (const crate of verdict.usedExceptions) usedExceptions.add(crate);
    if (verdict.manifest) parsed.push({ path, text, manifest: verdict.manifest });
  });
  // The seed-compatible form reads each manifest alone, as the seed did.
  if (parsed.length) {
    const boundary = await checkWorkspaceBoundary(source, parsed, rule);
    findings.push(...boundary.findings);
    for (const crate of boundary.usedExceptions) usedExceptions.add(crate);
  }
  return { findings, usedExceptions, manifestsChecked };
}
