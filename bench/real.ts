// `npm run bench` (= build, then `node dist/bench/real.js [options]`):
// chokepoint against SPEC §11 on the real Rust trees in
// ../shared/data/trees (ruff, secure-exec: their .rs and .toml files).
//
// For each tree, unpacked into a temporary git repository with the seed
// test at crates/sidecar/tests/architecture_guards.rs and the config that
// `chokepoint init --from` imports from it:
//   1. the full audit (fast and plain judge) next to the seed test compiled
//      with `rustc -O --test` and `rg -F` with the same needles, interleaved;
//   2. the staged check of 1 and of 10 real files, clean and with findings,
//      next to `node -e 0`;
//   3. the audit's peak RSS on the tree and on the tree's crates copied 4×;
//   4. the graph rule's commit-time cost on a generated 1,000-package
//      Cargo.lock (neither tree has one), and glob matching on adversarial
//      patterns and 4 KB paths.
// Every figure is a median of interleaved rounds (ratios come from one run).
// Prints a table to stdout (progress on stderr), writes bench/results.json.

import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compare, Runner, type Command, type Summary } from './measure.js';
import { globBenchNotes } from './glob.js';
import { lockfileReport, measureLockfile } from './lockfile.js';
import { parseConfig } from '../src/config/load.js';
import { indexClasses } from '../src/rules/bannedApi.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'bundle/cli/launch.js');
const TREES = resolve(ROOT, '../shared/data/trees');
const SEED = resolve(ROOT, '../shared/seed/architecture_guards.rs');
const RESULTS = join(ROOT, 'bench/results.json');
const TARGETS = { hook: 1.5, seed: 1.0, rg: 6 } as const;
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };

const { values } = parseArgs({
  options: { runs: { type: 'string' }, 'hook-runs': { type: 'string' }, trees: { type: 'string' }, keep: { type: 'boolean' } },
  strict: true,
});
const RUNS = Math.max(7, Number(values.runs ?? 7));
const HOOK_RUNS = Math.max(7, Number(values['hook-runs'] ?? 11));

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function sh(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = GIT_ENV): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function tool(name: string, fallback?: string): string | undefined {
  for (const candidate of [name, fallback]) {
    if (candidate && spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  return undefined;
}

interface Tree {
  name: string;
  root: string;
  needles: string[];
  rustFiles: string[];
}

/** Unpacks a tree into a fresh repository with the seed test and the imported config, all committed. */
function prepare(tarball: string, scratch: string): Tree {
  const name = tarball.replace(/-[0-9a-f]+\.tar\.xz$/, '');
  const root = join(scratch, name);
  mkdirSync(root, { recursive: true });
  sh('tar', ['xJf', join(TREES, tarball), '-C', root], root);
  mkdirSync(join(root, 'crates/sidecar/tests'), { recursive: true });
  cpSync(SEED, join(root, 'crates/sidecar/tests/architecture_guards.rs'));
  sh('git', ['init', '-q', '-b', 'main'], root);
  sh(process.execPath, [CLI, 'init', '--from', 'crates/sidecar/tests/architecture_guards.rs'], root);
  sh('git', ['add', '-A'], root);
  sh('git', ['commit', '-q', '--no-verify', '-m', 'tree'], root);
  const configFile = join(root, 'chokepoint.toml');
  const needles = indexClasses(parseConfig(readFileSync(configFile, 'utf8'), 'chokepoint.toml', configFile).classes).needles;
  const audit = JSON.parse(spawnSync(process.execPath, [CLI, '--all', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout) as { findings: Array<{ path?: string }> };
  const flagged = new Set(audit.findings.map((f) => f.path));
  // Real files of the scope, clean as they are: the staged check modifies them.
  const rustFiles = sh('git', ['ls-files', 'crates/*/src/*.rs', 'crates/*/src/**/*.rs'], root)
    .split('\n')
    .filter((p) => p && !p.includes('/bin/') && !flagged.has(p) && !/build(_support)?\.rs$/.test(p));
  return { name, root, needles, rustFiles };
}

interface AuditFigures {
  files: number;
  fast: Summary;
  plain: Summary;
  seed?: Summary;
  rg?: Summary;
  seedGreen?: boolean;
  findings: number;
}

function audit(tree: Tree, runner: Runner, tools: { rustc?: string; rg?: string }, scratch: string): AuditFigures {
  const node = (label: string, judge: string): Command => ({ label, file: process.execPath, args: [CLI, '--all', '--format', 'json'], cwd: tree.root, env: { ...process.env, CHOKEPOINT_JUDGE: judge }, isNode: true });
  const commands: Command[] = [node('fast', 'fast'), node('plain', 'plain')];
  if (tools.rustc) {
    const bin = join(scratch, `seed-${tree.name}`);
    log(`${tree.name}: compiling the seed test (rustc -O --test)`);
    // From the scratch directory: a tree's rust-toolchain.toml may pin a toolchain this machine lacks.
    sh(tools.rustc, ['-O', '--test', '--edition', '2021', '-o', bin, join(tree.root, 'crates/sidecar/tests/architecture_guards.rs')], scratch, { ...process.env, CARGO_MANIFEST_DIR: join(tree.root, 'crates/sidecar') });
    commands.push({ label: 'seed', file: bin, args: [], cwd: tree.root });
  }
  if (tools.rg) commands.push({ label: 'rg', file: tools.rg, args: ['-F', '-c', '-g', '*.rs', ...tree.needles.flatMap((n) => ['-e', n]), 'crates'], cwd: tree.root });
  log(`${tree.name}: audits (${commands.map((c) => c.label).join(', ')}) × 1+${RUNS}`);
  const { summaries, last } = compare(runner, commands, { runs: RUNS, warmup: 1, rss: true });
  const by = new Map(summaries.map((s) => [s.label, s]));
  const report = JSON.parse(last.get('fast')!.stdout) as { findings: unknown[]; stats: { files_scanned: number } };
  return { files: report.stats.files_scanned, fast: by.get('fast')!, plain: by.get('plain')!, seed: by.get('seed'), rg: by.get('rg'), seedGreen: by.get('seed') && by.get('seed')!.status === 0, findings: report.findings.length };
}

interface HookFigures {
  label: string;
  files: number;
  findings: boolean;
  node: Summary;
  hook: Summary;
  ratio: number;
  exit: number | null;
}

const PROBE = '\npub fn chokepoint_bench_probe() -> std::io::Result<String> { std::fs::read_to_string("x") }\n';

function staged(tree: Tree, runner: Runner, count: number, withFindings: boolean): HookFigures {
  const files = tree.rustFiles.filter((_, k) => k % Math.max(1, Math.floor(tree.rustFiles.length / count)) === 0).slice(0, count);
  for (const f of files) appendFileSync(join(tree.root, f), withFindings ? PROBE : '\n// touched by the benchmark\n');
  sh('git', ['add', ...files], tree.root);
  try {
    const label = `${count} file${count === 1 ? '' : 's'}, ${withFindings ? 'findings' : 'clean'}`;
    log(`${tree.name}: staged check, ${label} × 1+${HOOK_RUNS}`);
    const node: Command = { label: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd: tree.root };
    const hook: Command = { label: 'hook', file: process.execPath, args: [CLI, 'check', '--staged'], cwd: tree.root };
    const { summaries } = compare(runner, [node, hook], { runs: HOOK_RUNS, warmup: 1, rss: false });
    const [n, h] = summaries as [Summary, Summary];
    return { label, files: files.length, findings: withFindings, node: n, hook: h, ratio: h.medianMs / n.medianMs, exit: h.status };
  } finally {
    sh('git', ['reset', '-q', '--hard'], tree.root);
  }
}

/** The tree's crates copied `times` times (crates/NAME_cK), committed: the same code, `times`× the files. */
function multiplied(tree: Tree, times: number): string {
  const root = `${tree.root}-x${times}`;
  cpSync(tree.root, root, { recursive: true });
  for (const crate of readdirSync(join(tree.root, 'crates'))) {
    for (let k = 2; k <= times; k++) cpSync(join(tree.root, 'crates', crate), join(root, 'crates', `${crate}_c${k}`), { recursive: true });
  }
  sh('git', ['add', '-A'], root);
  sh('git', ['commit', '-q', '--no-verify', '-m', 'copies'], root);
  return root;
}

const ms = (s?: Summary) => (s ? `${s.medianMs.toFixed(0)} ms` : 'n/a');
const mb = (s?: Summary) => (s?.medianRssMb !== undefined ? `${s.medianRssMb.toFixed(0)} MB` : 'n/a');
const x = (a: number) => `${a.toFixed(2)}×`;

function main(): void {
  if (!existsSync(TREES) || !existsSync(SEED)) {
    log(`the real trees (${TREES}) or the seed (${SEED}) are missing: nothing to measure`);
    process.exitCode = 2;
    return;
  }
  const tarballs = readdirSync(TREES).filter((f) => f.endsWith('.tar.xz') && (values.trees === undefined || values.trees.split(',').some((t) => f.startsWith(t))));
  const tools = { rustc: tool('rustc', join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin/rustc')), rg: tool('rg') };
  if (!tools.rg) log('rg (ripgrep) is not installed: the rg comparison is skipped (apt-get install ripgrep)');
  if (!tools.rustc) log('rustc is not installed: the seed comparison is skipped');
  const scratch = mkdtempSync(join(tmpdir(), 'chokepoint-bench-real-'));
  const runner = new Runner();
  const results: Record<string, unknown> = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavg: loadavg(), runs: RUNS, hookRuns: HOOK_RUNS, rg: tools.rg !== undefined, trees: {} };
  const out: string[] = [`chokepoint benchmark on real trees — Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}, medians of ${RUNS} (audit) / ${HOOK_RUNS} (hook) interleaved runs`, ''];
  try {
    for (const tarball of tarballs) {
      log(`${tarball}: preparing`);
      const tree = prepare(tarball, scratch);
      const a = audit(tree, runner, tools, scratch);
      const hooks = [staged(tree, runner, 1, false), staged(tree, runner, 1, true), staged(tree, runner, 10, false), staged(tree, runner, 10, true)];
      log(`${tree.name}: audit of the crates copied 4× (memory)`);
      const big = multiplied(tree, 4);
      const bigAudit = compare(runner, [{ label: 'x4', file: process.execPath, args: [CLI, '--all', '--format', 'json'], cwd: big, isNode: true }], { runs: 3, warmup: 0, rss: true });
      const x4 = bigAudit.summaries[0]!;
      const x4Files = (JSON.parse(bigAudit.last.get('x4')!.stdout) as { stats: { files_scanned: number } }).stats.files_scanned;
      (results.trees as Record<string, unknown>)[tree.name] = { audit: a, hooks, x4: { files: x4Files, summary: x4 } };

      out.push(`## ${tree.name}: ${a.files} Rust files in scope, ${a.findings} findings with the seed's classes${a.seedGreen === false ? ' (the seed test fails on it too)' : ''}`, '');
      out.push('| audit | median | peak RSS | chokepoint (fast) / it |', '|---|---|---|---|');
      out.push(`| chokepoint --all (fast judge) | ${ms(a.fast)} | ${mb(a.fast)} | 1.00× |`);
      out.push(`| chokepoint --all (plain judge) | ${ms(a.plain)} | ${mb(a.plain)} | ${x(a.fast.medianMs / a.plain.medianMs)} |`);
      out.push(`| seed test, rustc -O --test | ${ms(a.seed)} | ${mb(a.seed)} | ${a.seed ? `${x(a.fast.medianMs / a.seed.medianMs)} (target ≤ ${TARGETS.seed}×)` : 'n/a (no rustc)'} |`);
      out.push(`| rg -F, same needles | ${ms(a.rg)} | ${mb(a.rg)} | ${a.rg ? `${x(a.fast.medianMs / a.rg.medianMs)} (target ≤ ${TARGETS.rg}×)` : 'n/a (rg not installed)'} |`);
      out.push('', '| staged check | node -e 0 | chokepoint | ratio (target ≤ 1.5×) | exit |', '|---|---|---|---|---|');
      for (const h of hooks) out.push(`| ${h.label} | ${ms(h.node)} | ${ms(h.hook)} | ${x(h.ratio)} | ${h.exit} |`);
      const perFile = (s: Summary, files: number) => ((s.medianRssMb ?? NaN) * 1024) / files;
      out.push('', `Peak RSS of the audit: ${mb(a.fast)} for ${a.files} files, ${mb(x4)} for ${x4Files} files (the crates 4×): ${(perFile(x4, x4Files) / perFile(a.fast, a.files)).toFixed(2)}× the memory per file.`, '');
      if (!values.keep) rmSync(big, { recursive: true, force: true });
    }
    // Neither tree has a Cargo.lock: the graph rule's commit-time cost is measured on a generated one.
    log('lockfile: the graph rule on a staged 1,000-package Cargo.lock');
    const lockfile = measureLockfile(runner, { cli: CLI, runs: HOOK_RUNS, warmup: 1 });
    results.lockfile = lockfile;
    out.push(lockfileReport(lockfile), '', ...globBenchNotes().map((n) => `- ${n}`));
  } finally {
    runner.dispose();
    if (!values.keep) rmSync(scratch, { recursive: true, force: true });
    else log(`kept ${scratch}`);
  }
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
