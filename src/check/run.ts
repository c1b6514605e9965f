// The four ways to run a check: the staged hook, the full audit, named files
// and changes since a revision. Each picks a source and a file list, then
// shares the same scanning, rules and sanity checks.

import type { CheckResult, Config, Finding, MatcherName, RunMode, Source } from '../types.js';
import { hasHead, openRepository, repoRelativePath, resolveCommit, type Repository } from '../git.js';
import { UserError, usageError } from '../errors.js';
import { CONFIG_FILE, decodeConfig, loadConfig, parseConfig } from '../config/load.js';
import { filesystemSource } from '../source/filesystem.js';
import { dirname, join, resolve } from 'node:path';
import { existsSync, lstatSync } from 'node:fs';
import { buildScope, type Scope } from '../scope.js';
import { indexClasses, type ClassIndex } from '../rules/bannedApi.js';
import { auditWarnings, sanityFindings } from '../rules/sanity.js';
import { indexSource, revisionSource, worktreeHas, worktreeSource } from '../source/sources.js';
import { mergeBase, readChangesSince, readStagedChanges, type Change } from '../source/changes.js';
import { attributeFindings, CARGO_GRAPH } from './introducedBy.js';
import { scanManifests, scanRust } from './scan.js';
import { loadJudge } from '../judge.js';
import type { JudgeName, RustJudge } from '../rust/index.js';
import { messages } from '../messages.js';
import { CATALOGUE } from '../findings/catalogue.js';
import { baselinePathFor, countFindings, outdatedEntries, parseBaseline, partitionByCounts } from '../baseline/baseline.js';
import { CARGO_FILE_NAMES, scanGraphs, stagedCargoFiles, type GraphScope } from './graphScan.js';
import { takeSnapshot, type IndexSnapshot } from '../source/indexSnapshot.js';
import { tomlCache, type TomlCache } from '../toml/cache.js';
import { readPackageVersion } from '../version.js';

export type Target =
  /** `amending`: the commit replaces HEAD (`git commit --amend`), so it is judged against HEAD's parent. */
  | { kind: 'staged'; amending?: boolean }
  | { kind: 'all'; from: 'worktree' | 'index' | { rev: string } }
  | { kind: 'files'; files: string[] }
  | { kind: 'since'; rev: string };

export interface CheckOptions {
  cwd: string;
  target: Target;
  /** --config, relative to cwd; default chokepoint.toml at the repository root. */
  configPath?: string;
  matcher?: MatcherName;
  strict?: boolean;
  /** `check --since`: whether findings whose commit records a bypass pass (default: the config's [bypass] allow_in_ci). */
  recordedBypass?: 'pass' | 'fail';
  progress?: (done: number, total: number) => void;
  /** false: judge without the committed baseline (what `chokepoint baseline` records from). */
  useBaseline?: boolean;
}

export interface CheckRun {
  result: CheckResult;
  config: Config;
  repo: Repository;
  /** Set when a staged chokepoint.toml turned the hook into a full audit of the index. */
  note?: string;
}

/** Everything a run needs that follows from the config. */
interface Rules {
  config: Config;
  /** Repo-relative path of the config, for findings that point at it. */
  configPath: string;
  scope: Scope;
  index: ClassIndex;
  matcher: MatcherName;
  judge: RustJudge;
}

async function loadRules(repo: Repository, opts: CheckOptions, index?: Source, head?: () => Source): Promise<Rules & { from: Source['kind'] }> {
  const [{ config, repoPath, from }, judge] = await Promise.all([loadConfig(repo, opts.cwd, opts.configPath, index, head), loadJudge()]);
  return { config, configPath: repoPath, scope: buildScope(config), index: indexClasses(config.classes), matcher: opts.matcher ?? config.matcher, judge, from };
}

interface Selection {
  rust: string[];
  /** Every other path of the selection: judged as Rust only when a `#[path]` or `include!` reaches it. */
  others: string[];
  manifests: string[];
  scanned: number;
  excluded: number;
}

function select(paths: readonly string[], scope: Scope): Selection {
  const rust: string[] = [];
  const others: string[] = [];
  const manifests: string[] = [];
  let excluded = 0;
  for (const p of paths) {
    const verdict = scope.classify(p);
    if (verdict.status === 'scanned') rust.push(p);
    else others.push(p);
    if (verdict.status === 'excluded') excluded++;
    if (scope.isManifest(p)) manifests.push(p);
  }
  return { rust, others, manifests, scanned: rust.length, excluded };
}

interface Judged {
  findings: Finding[];
  warnings: Finding[];
  filesScanned: number;
  manifestsChecked: number;
  judge: JudgeName;
  baselined?: Finding[];
  preExisting?: Finding[];
}

/**
 * Moves the findings the committed baseline accepts out of `findings`, and
 * warns about entries the code has outgrown in the files judged (all of
 * them when `judgedPaths` is undefined). The baseline is read from the same
 * source as the code, so a commit is judged by the baseline it records.
 */
async function applyBaseline(opts: CheckOptions, source: Source, rules: Rules, judged: Judged, judgedPaths?: ReadonlySet<string>): Promise<Judged> {
  const path = baselinePathFor(rules.configPath);
  if (path.startsWith('..') || opts.useBaseline === false) return judged;
  const bytes = (await source.readFiles([path])).get(path);
  if (bytes === undefined) return judged;
  const baseline = parseBaseline(bytes.toString('utf8'), path);
  const { beyond, within } = partitionByCounts(judged.findings, baseline);
  return { ...judged, findings: beyond, baselined: within, warnings: [...judged.warnings, ...outdatedEntries(baseline, judged.findings, path, judgedPaths)] };
}

/**
 * A staged config re-audit blocks only on what the commit introduces: the
 * findings HEAD already had under HEAD's own config (bypassed, or committed
 * with --no-verify) move to `preExisting`, compared as counts per file and
 * kind like the baseline. Without a config at HEAD everything is new.
 */
async function withoutPreExisting(repo: Repository, opts: CheckOptions, rules: Rules, judged: Judged): Promise<Judged> {
  if (judged.findings.length === 0 || !(await hasHead(repo))) return judged;
  const head = revisionSource(repo.root, 'HEAD');
  try {
    const bytes = (await head.readFiles([rules.configPath])).get(rules.configPath);
    if (bytes === undefined) return judged;
    const display = `HEAD:${rules.configPath}`;
    const config = parseConfig(decodeConfig(bytes, display), display, rules.config.file);
    const headRules: Rules = { config, configPath: rules.configPath, scope: buildScope(config), index: indexClasses(config.classes), matcher: opts.matcher ?? config.matcher, judge: rules.judge };
    const before = await auditTree(head, headRules, { ...opts, progress: undefined });
    const { beyond, within } = partitionByCounts(judged.findings, countFindings(before.findings, false), () => true);
    return { ...judged, findings: beyond, preExisting: within };
  } catch (err) {
    // HEAD's config no longer loads: nothing can be shown to be pre-existing.
    if (err instanceof UserError) return judged;
    throw err;
  } finally {
    head.close();
  }
}

const judgedSet = (selection: Selection): Set<string> => new Set([...selection.rust, ...selection.manifests]);

/**
 * Scans the selection; with `allPaths` (every path of the source), adds
 * sanity findings, and with `wholeTree` (the selection is every file in
 * scope) the audit's warnings.
 */
async function judge(source: Source, rules: Rules, selection: Selection, allPaths: ReadonlySet<string> | undefined, opts: CheckOptions, wholeTree: boolean, graphScope?: GraphScope): Promise<Judged> {
  // Started first: its git listing runs while the Rust files are judged.
  const graphRun = graphScope ? scanGraphs(source, rules.config, selection.manifests, graphScope) : undefined;
  graphRun?.catch(() => undefined); // awaited below
  // A scan of the whole tree reads every declaring file; a scan of some
  // files reads the declarations it needs on demand (modules.ts).
  const rust = await scanRust(source, selection.rust, {
    index: rules.index,
    matcher: rules.matcher,
    judge: rules.judge,
    wholeTree,
    declares: (p) => rules.scope.classify(p).status === 'scanned',
    others: wholeTree ? [] : selection.others,
    progress: opts.progress,
    collectUsage: wholeTree,
  });
  const deps = await scanManifests(source, selection.manifests, rules.config, rules.matcher, graphScope?.parseManifest);
  const graph = await graphRun;
  const findings = [...rust.findings, ...deps.findings, ...(graph?.findings ?? [])];
  const warnings: Finding[] = [...(graph?.warnings ?? [])];
  for (const crate of graph?.usedExceptions ?? []) deps.usedExceptions.add(crate);
  if (allPaths) {
    findings.push(...sanityFindings(rules.config, rules.configPath, rules.scope, { paths: allPaths, scanned: selection.scanned, excluded: selection.excluded }));
    if (wholeTree) warnings.push(...auditWarnings(rules.config, rules.configPath, rules.scope, rust.needlesByFile, deps.usedExceptions));
  }
  return { findings, warnings, filesScanned: rust.filesScanned, manifestsChecked: deps.manifestsChecked, judge: rules.judge.name };
}

/** `manifests`: the cache of parsed manifests, where the run keeps state (a repository's git directory). */
async function auditTree(source: Source, rules: Rules, opts: CheckOptions, manifests?: TomlCache): Promise<Judged> {
  const paths = await source.listPaths();
  const judged = await judge(source, rules, select(paths, rules.scope), new Set(paths), opts, true, { cargoFiles: async () => paths, ...(manifests ? { parseManifest: manifests.parse } : {}) });
  manifests?.save();
  return judged;
}

/** Deleting or renaming a sanctioned file breaks the next full audit: say so now. */
function removedAllowlisted(changes: readonly Change[], rules: Rules): Finding[] {
  const findings: Finding[] = [];
  for (const change of changes) {
    const gone = change.status === 'D' ? change.path : change.status === 'R' ? change.from : undefined;
    if (gone === undefined) continue;
    const classes = rules.config.classes.filter((c) => c.allow.some((e) => e.path === gone)).map((c) => c.name);
    if (classes.length === 0) continue;
    findings.push({
      kind: 'allowlisted-path-removed',
      path: gone,
      message: CATALOGUE['allowlisted-path-removed'].message(gone, classes.join(', '), change.status === 'R' ? change.path : undefined),
    });
  }
  return findings;
}

/**
 * Code-unit order: the same on every machine, where localeCompare follows the
 * process's locale (and its first call loads ICU's collation data, ~15 ms of
 * a pre-commit hook with findings).
 */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function finish(mode: RunMode, judged: Judged, started: number, strict: boolean): CheckResult {
  const byLocation = (a: Finding, b: Finding) =>
    compareText(a.path ?? '', b.path ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.kind, b.kind);
  const findings = strict ? [...judged.findings, ...judged.warnings] : judged.findings;
  return {
    mode,
    findings: findings.sort(byLocation),
    warnings: strict ? [] : judged.warnings.sort(byLocation),
    stats: { filesScanned: judged.filesScanned, manifestsChecked: judged.manifestsChecked, durationMs: Date.now() - started, judge: judged.judge },
    ...(judged.baselined?.length ? { baselined: judged.baselined.sort(byLocation) } : {}),
    ...(judged.preExisting?.length ? { preExisting: judged.preExisting.sort(byLocation) } : {}),
  };
}

async function runStaged(repo: Repository, opts: CheckOptions, amending: boolean, started: number, snapshot: IndexSnapshot | undefined): Promise<CheckRun> {
  const source = indexSource(repo.root, snapshot);
  try {
    // At once: the staged config and the staged changes.
    const head = () => revisionSource(repo.root, 'HEAD');
    const stagedChanges = (!amending && snapshot?.changes) || readStagedChanges(repo, amending);
    const [rules, changes] = await Promise.all([loadRules(repo, opts, opts.configPath ? undefined : source, head), stagedChanges]);
    const configGone = rules.from === 'revision' && changes.some((c) => c.status === 'D' && c.path === rules.configPath);
    if (changes.some((c) => c.status !== 'D' && c.path === rules.configPath)) {
      const judged = await withoutPreExisting(repo, opts, rules, await applyBaseline(opts, source, rules, await auditTree(source, rules, opts)));
      return { result: finish('staged', judged, started, opts.strict ?? false), config: rules.config, repo, note: messages.rulesChanged(rules.configPath, 'index') };
    }
    const live = changes.filter((c) => c.status !== 'D');
    source.knowBlobIds(new Map(live.filter((c) => c.oid).map((c) => [c.path, c.oid!])));
    const staged = live.map((c) => c.path);
    const selection = select(staged, rules.scope);
    const manifests = tomlCache(repo.commonDir, readPackageVersion());
    const judged = await applyBaseline(opts, source, rules, await judge(source, rules, selection, undefined, opts, false, { cargoFiles: snapshot ? async () => snapshot.pathsNamed(CARGO_FILE_NAMES) : () => stagedCargoFiles(repo.root), touched: staged, parseManifest: manifests.parse }), judgedSet(selection));
    manifests.save();
    judged.findings.push(...removedAllowlisted(changes, rules));
    if (configGone) judged.findings.push({ kind: 'config-removed', path: rules.configPath, message: CATALOGUE['config-removed'].message(rules.configPath) });
    return { result: finish('staged', judged, started, opts.strict ?? false), config: rules.config, repo };
  } finally {
    source.close();
  }
}

async function runAll(repo: Repository, opts: CheckOptions, from: Extract<Target, { kind: 'all' }>['from'], started: number): Promise<CheckRun> {
  const source = from === 'worktree' ? worktreeSource(repo.root) : from === 'index' ? indexSource(repo.root) : revisionSource(repo.root, await resolveCommit(repo, from.rev));
  try {
    const rules = await loadRules(repo, opts);
    const judged = await applyBaseline(opts, source, rules, await auditTree(source, rules, opts, tomlCache(repo.commonDir, readPackageVersion())));
    return { result: finish('all', judged, started, opts.strict ?? false), config: rules.config, repo };
  } finally {
    source.close();
  }
}

/**
 * A directory named as FILE stands for the files under it that the scope
 * takes (Rust sources in scope, manifests); one that holds none is refused,
 * so a wrong directory cannot pass as "0 files checked".
 */
async function expandDirectories(source: Source, rules: Rules, root: string, named: readonly string[], given: readonly string[]): Promise<string[]> {
  const isDir = (p: string) => p === '' || (lstatSync(join(root, p), { throwIfNoEntry: false })?.isDirectory() ?? false);
  if (!named.some(isDir)) return [...named];
  const all = await source.listPaths();
  const listed = new Set(all);
  return named.flatMap((p, k) => {
    // A submodule is a directory the superproject lists as one entry (its gitlink): not expanded.
    if (!isDir(p) || listed.has(p)) return [p];
    const prefix = p === '' ? '' : `${p}/`;
    const inside = all.filter((q) => q.startsWith(prefix) && (rules.scope.classify(q).status === 'scanned' || rules.scope.isManifest(q) || q === rules.configPath));
    if (inside.length === 0) throw usageError(messages.directoryEmptyOfScope(given[k]!), messages.directoryEmptyOfScopeHint);
    return inside;
  });
}

async function runFiles(repo: Repository, opts: CheckOptions, files: string[], started: number): Promise<CheckRun> {
  const source = worktreeSource(repo.root);
  const rules = await loadRules(repo, opts);
  const named = files.map((f) => (resolve(opts.cwd, f) === repo.root ? '' : repoRelativePath(repo, opts.cwd, f)));
  // A typo must not pass as "0 files checked".
  const missing = named.findIndex((p) => p !== '' && !worktreeHas(repo.root, p));
  if (missing >= 0) throw usageError(messages.fileMissing(files[missing]!), messages.fileMissingHint);
  const paths = [...new Set(await expandDirectories(source, rules, repo.root, named, files))];
  // lint-staged and the pre-commit framework pass the config like any file:
  // new rules mean the whole tree must be judged again.
  if (paths.includes(rules.configPath)) {
    // The pre-commit framework's way of saying "the config is staged": judged like the hook.
    const judged = await withoutPreExisting(repo, opts, rules, await applyBaseline(opts, source, rules, await auditTree(source, rules, opts)));
    return { result: finish('files', judged, started, opts.strict ?? false), config: rules.config, repo, note: messages.rulesChanged(rules.configPath, 'working tree') };
  }
  const selection = select(paths, rules.scope);
  const judged = await applyBaseline(opts, source, rules, await judge(source, rules, selection, undefined, opts, false, { cargoFiles: () => source.listPaths(), touched: paths }), judgedSet(selection));
  return { result: finish('files', judged, started, opts.strict ?? false), config: rules.config, repo };
}

async function runSince(repo: Repository, opts: CheckOptions, rev: string, started: number): Promise<CheckRun> {
  const commit = await resolveCommit(repo, rev);
  const source = revisionSource(repo.root, 'HEAD');
  try {
    const rules = await loadRules(repo, opts);
    const base = await mergeBase(repo, commit);
    const changes = await readChangesSince(repo, base);
    const all = await source.listPaths();
    const changed = changes.filter((c) => c.status !== 'D').map((c) => c.path);
    const tree = select(all, rules.scope);
    const selection = select(changed, rules.scope);
    const judged = await applyBaseline(opts, source, rules, await judge(source, rules, { ...selection, scanned: tree.scanned, excluded: tree.excluded }, new Set(all), opts, false, { cargoFiles: async () => all, touched: changed }), judgedSet(selection));
    await attributeFindings(repo, base, judged.findings, async (at, subjects) => {
      const version = revisionSource(repo.root, at);
      try {
        const files = subjects.filter((p) => p !== CARGO_GRAPH);
        const found = (await judge(version, rules, select(files, rules.scope), undefined, opts, false)).findings;
        // Every member's chains as the graph stood at that commit, one-edge
        // chains included whatever the direct rule reads, so that every
        // commit is judged alike.
        if (subjects.includes(CARGO_GRAPH)) found.push(...(await scanGraphs(version, rules.config, [], { cargoFiles: () => version.listPaths() })).findings);
        return found;
      } finally {
        version.close();
      }
    });
    const result = finish('since', judged, started, opts.strict ?? false);
    result.recordedBypassesPass = opts.recordedBypass !== undefined ? opts.recordedBypass === 'pass' : (rules.config.bypass?.allowInCi ?? false);
    return { result, config: rules.config, repo };
  } finally {
    source.close();
  }
}

/**
 * The full audit of a directory that is not a git repository: the files on
 * disk under the config's scope, rooted where the config is.
 */
async function runOnDisk(opts: CheckOptions, started: number): Promise<CheckRun> {
  const configFile = resolve(opts.cwd, opts.configPath ?? CONFIG_FILE);
  // Without git and without a config there is nothing to say what to audit.
  if (!existsSync(configFile)) throw usageError(messages.notARepositoryNorConfig(opts.cwd, configFile), messages.notARepositoryHint);
  const repo: Repository = { root: dirname(configFile), commonDir: '', gitDir: '' };
  const rules = await loadRules(repo, opts);
  const source = filesystemSource(repo.root, rules.config);
  const judged = await applyBaseline(opts, source, rules, await auditTree(source, rules, opts));
  return { result: finish('all', judged, started, opts.strict ?? false), config: rules.config, repo, note: messages.auditedOnDisk(repo.root) };
}

export async function runCheck(opts: CheckOptions): Promise<CheckRun> {
  // Date.now, not performance.now: the latter loads perf_hooks on the hook's path.
  const started = Date.now();
  const t = opts.target;
  // What the launcher read from the git directory for a staged check, if it could.
  const snapshot = t.kind === 'staged' ? takeSnapshot(opts.cwd) : undefined;
  let repo: Repository;
  try {
    repo = snapshot?.repo ?? (await openRepository(opts.cwd));
  } catch (err) {
    if (!(err instanceof UserError && err.message === messages.notARepository(opts.cwd))) throw err;
    if (t.kind === 'all' && t.from === 'worktree') return runOnDisk(opts, started);
    throw usageError(messages.needsRepository(opts.cwd, t.kind), messages.needsRepositoryHint);
  }
  switch (t.kind) {
    case 'staged':
      return runStaged(repo, opts, t.amending ?? false, started, snapshot);
    case 'all':
      return runAll(repo, opts, t.from, started);
    case 'files':
      return runFiles(repo, opts, t.files, started);
    case 'since':
      if (!(await hasHead(repo))) throw usageError(messages.unknownRevision('HEAD'), 'make a first commit before using --since');
      return runSince(repo, opts, t.rev, started);
  }
}
