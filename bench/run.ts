// `npm run bench` (= build, then `node dist/bench/run.js [options]`): measures
// chokepoint against SPEC §11 on deterministic synthetic workspaces.
//
//   1. the pre-commit hook (`check --staged`, 10 staged files) next to `node -e 0`;
//   2. the full audit (`--all`, both matchers): wall time, peak RSS, files/s, MB/s;
//   3. the seed's own test compiled with `rustc -O --test` and `rg -F` on the same tree.
//
// Prints tables to stdout (progress goes to stderr) and writes bench/results.json.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createWorkspace, resetWorkspace, stageModifications, type Workspace } from './generate.js';
import { compare, Runner, type Command, type Summary } from './measure.js';
import { globBenchNotes } from './glob.js';
import { lockfileReport, measureLockfile, type LockfileBench } from './lockfile.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'bundle/cli/launch.js');
const RESULTS = join(ROOT, 'bench/results.json');
const DEFAULT_GUARDS = resolve(ROOT, '../shared/seed/architecture_guards.rs');
const STAGED_FILES = 10;
/** Old-space cap for the memory check: far above a file list, far below the 10,000-file tree's source. */
const HEAP_CAP_MB = 32;

const TARGETS = { hookRatio: 1.5, hookGrowth: 0.1, seedRatio: 0.35, rgRatio: 4, rssKbPerFile: 2 } as const;

const USAGE = `usage: npm run bench -- [options]

  --sizes N,N,...   workspace sizes in Rust files (default 500,2000,10000)
  --quick           smoke test: 500 files, fewer runs
  --guards PATH     the guards test to import and compare against
                    (default ../shared/seed/architecture_guards.rs from the repository root)
  --keep            keep the temporary workspaces (their paths are printed)
  --runs-hook N     measured runs of the staged check (default 21, quick 5)
  --runs-audit N    measured runs of each audit (default 5, quick 2)
  --seed N          PRNG seed of the generator (default 6)

Environment: CHOKEPOINT_BENCH_NO_GNU_TIME=1 measures as if /usr/bin/time were missing.
`;

interface Options {
  sizes: number[];
  quick: boolean;
  guards: string;
  keep: boolean;
  hookRuns: number;
  auditRuns: number;
  warmup: number;
  seed: number;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expected a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean' },
      guards: { type: 'string' },
      keep: { type: 'boolean' },
      'runs-hook': { type: 'string' },
      'runs-audit': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const quick = values.quick ?? false;
  const guards = values.guards !== undefined ? resolve(values.guards) : DEFAULT_GUARDS;
  if (!existsSync(guards)) {
    throw new Error(values.guards !== undefined ? `--guards: ${guards} does not exist` : `no guards test at ${DEFAULT_GUARDS}: pass --guards PATH/architecture_guards.rs`);
  }
  return {
    sizes: values.sizes !== undefined ? values.sizes.split(',').map((s) => positiveInt('--sizes', s.trim())) : quick ? [500] : [500, 2000, 10000],
    quick,
    guards,
    keep: values.keep ?? false,
    hookRuns: values['runs-hook'] !== undefined ? positiveInt('--runs-hook', values['runs-hook']) : quick ? 5 : 21,
    auditRuns: values['runs-audit'] !== undefined ? positiveInt('--runs-audit', values['runs-audit']) : quick ? 2 : 5,
    warmup: 1,
    seed: values.seed !== undefined ? positiveInt('--seed', values.seed) : 6,
  };
}

// ---------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------

interface Tool {
  path: string;
  version: string;
}

function probe(path: string): Tool | undefined {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? { path, version: r.stdout.split('\n')[0]!.trim() } : undefined;
}

function findRustc(): Tool | undefined {
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
  return probe('rustc') ?? probe(join(cargoHome, 'bin/rustc'));
}

/** Compiles the guards test for one workspace (`env!("CARGO_MANIFEST_DIR")` is baked in). */
function compileSeed(rustc: Tool, ws: Workspace, outDir: string): { bin?: string; ms: number; error?: string } {
  const bin = join(outDir, `architecture_guards-${ws.size}`);
  const started = performance.now();
  const r = spawnSync(rustc.path, ['-O', '--test', '--edition', '2021', '-o', bin, join(ws.root, 'crates/sidecar/tests/architecture_guards.rs')], {
    env: { ...process.env, CARGO_MANIFEST_DIR: join(ws.root, 'crates/sidecar') },
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (r.status !== 0) return { ms, error: `rustc failed (${r.status ?? r.signal}): ${(r.stderr || r.error?.message || '').trim().split('\n').slice(0, 5).join(' | ')}` };
  return { bin, ms };
}

// ---------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------

interface AuditResult extends Summary {
  exit: number | null;
  ok?: boolean;
  findings?: number;
  warnings?: number;
  filesScanned?: number;
  filesPerSec?: number;
  mbPerSec?: number;
  error?: string;
}

interface SizeResult {
  size: number;
  workspace: Omit<Workspace, 'plan' | 'ordinary' | 'root'> & { root?: string };
  staged?: { files: string[]; baseline: Summary; hook: Summary; ratio: number; filesScanned?: number; exit: number | null; error?: string };
  audit: { precise?: AuditResult; line?: AuditResult };
  /** One precise audit with the V8 old space capped below the size of the source. */
  cappedHeap?: { capMb: number; exit: number | null; wallMs: number; rssMb?: number; error?: string };
  seed: { skipped?: string; compileMs?: number; default?: Summary; singleThread?: Summary; exit?: number | null; green?: boolean; precise?: number; line?: number };
  rg: { skipped?: string; summary?: Summary; matchedFiles?: number; precise?: number; line?: number };
}

function node(label: string, cwd: string, args: readonly string[]): Command {
  return { label, file: process.execPath, args: [CLI, ...args], cwd, isNode: true };
}

function parseAudit(summary: Summary, stdout: string, ws: Workspace): AuditResult {
  const result: AuditResult = { ...summary, exit: summary.status };
  try {
    const json = JSON.parse(stdout) as { ok?: boolean; findings?: unknown[]; warnings?: unknown[]; stats?: { files_scanned?: number } };
    result.ok = json.ok;
    result.findings = json.findings?.length;
    result.warnings = json.warnings?.length;
    result.filesScanned = json.stats?.files_scanned;
  } catch {
    result.error = `no JSON on stdout (exit ${summary.status})`;
  }
  const seconds = summary.medianMs / 1000;
  result.filesPerSec = (result.filesScanned ?? ws.inScopeFiles) / seconds;
  result.mbPerSec = ws.inScopeBytes / 1e6 / seconds;
  return result;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function measureSize(opts: Options, ws: Workspace, runner: Runner, tools: { rustc?: Tool; rg?: Tool }, scratch: string): SizeResult {
  // The JSON gets the workspace's figures, not its plan or file list (nor its path unless kept).
  const { plan, ordinary: _fileList, root, ...stats } = ws;
  const result: SizeResult = { size: ws.size, workspace: { ...stats, ...(opts.keep ? { root } : {}) }, audit: {}, seed: {}, rg: {} };

  // Full audits, the seed binary and rg, interleaved round by round.
  const commands: Command[] = [node('precise', ws.root, ['--all', '--matcher', 'precise', '--format', 'json']), node('line', ws.root, ['--all', '--matcher', 'line', '--format', 'json'])];
  if (!tools.rustc) result.seed.skipped = 'rustc not found (on PATH or in ~/.cargo/bin)';
  else {
    log(`${ws.size}: compiling the seed test with rustc -O --test`);
    const compiled = compileSeed(tools.rustc, ws, scratch);
    result.seed.compileMs = compiled.ms;
    if (compiled.bin) {
      commands.push({ label: 'seed', file: compiled.bin, args: [], cwd: ws.root });
      commands.push({ label: 'seed-1', file: compiled.bin, args: ['--test-threads=1'], cwd: ws.root });
    } else result.seed.skipped = compiled.error;
  }
  if (!tools.rg) result.rg.skipped = 'rg not on PATH';
  else commands.push({ label: 'rg', file: tools.rg.path, args: ['-F', '-c', ...plan.needles.flatMap((n) => ['-e', n]), 'crates'], cwd: ws.root });

  log(`${ws.size}: audits (${commands.map((c) => c.label).join(', ')}) × ${opts.warmup}+${opts.auditRuns}`);
  const { summaries, last } = compare(runner, commands, { runs: opts.auditRuns, warmup: opts.warmup, rss: true });
  const byLabel = new Map(summaries.map((s) => [s.label, s]));
  for (const matcher of ['precise', 'line'] as const) {
    const s = byLabel.get(matcher)!;
    result.audit[matcher] = parseAudit(s, last.get(matcher)?.stdout ?? '', ws);
    if (s.status !== 0) log(`${ws.size}: --matcher ${matcher} exited ${s.status}: ${(last.get(matcher)?.stderr ?? '').trim().slice(0, 300)}`);
  }
  // Memory: does the audit still finish when the JS heap cannot hold the source?
  log(`${ws.size}: audit with --max-old-space-size=${HEAP_CAP_MB}`);
  const capped = runner.run({ label: 'capped', file: process.execPath, args: [`--max-old-space-size=${HEAP_CAP_MB}`, CLI, '--all', '--format', 'json'], cwd: ws.root, isNode: true }, { rss: true });
  result.cappedHeap = { capMb: HEAP_CAP_MB, exit: capped.status, wallMs: capped.wallMs, ...(capped.rssKb !== undefined ? { rssMb: capped.rssKb / 1024 } : {}) };
  if (capped.status !== 0) result.cappedHeap.error = capped.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300);

  const seed = byLabel.get('seed');
  if (seed) {
    result.seed.default = seed;
    result.seed.singleThread = byLabel.get('seed-1');
    result.seed.exit = seed.status;
    result.seed.green = seed.status === 0;
    result.seed.precise = result.audit.precise!.medianMs / seed.medianMs;
    result.seed.line = result.audit.line!.medianMs / seed.medianMs;
  }
  const rg = byLabel.get('rg');
  if (rg) {
    result.rg.summary = rg;
    result.rg.matchedFiles = (last.get('rg')?.stdout ?? '').split('\n').filter(Boolean).length;
    result.rg.precise = result.audit.precise!.medianMs / rg.medianMs;
    result.rg.line = result.audit.line!.medianMs / rg.medianMs;
  }

  // The hook: 10 modified files staged, the whole process next to `node -e 0`.
  const files = stageModifications(ws, STAGED_FILES, opts.seed + ws.size);
  try {
    const baseline: Command = { label: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd: ws.root };
    const hook = node('check --staged', ws.root, ['check', '--staged']);
    log(`${ws.size}: staged check (${files.length} files) × ${opts.warmup}+${opts.hookRuns}`);
    const staged = compare(runner, [baseline, hook], { runs: opts.hookRuns, warmup: opts.warmup, rss: false });
    const [base, hooked] = staged.summaries as [Summary, Summary];
    const check = runner.run(node('check --staged --format json', ws.root, ['check', '--staged', '--format', 'json']));
    let filesScanned: number | undefined;
    try {
      filesScanned = (JSON.parse(check.stdout) as { stats?: { files_scanned?: number } }).stats?.files_scanned;
    } catch {
      /* reported through exit below */
    }
    result.staged = { files, baseline: base, hook: hooked, ratio: hooked.medianMs / base.medianMs, filesScanned, exit: hooked.status };
    if (hooked.status !== 0) result.staged.error = (staged.last.get('check --staged')?.stderr ?? '').trim().slice(0, 300);
  } finally {
    resetWorkspace(ws);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].map((l) => `  ${l.trimEnd()}`).join('\n');
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const x = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${v.toFixed(2)}×`);
const mib = (v: number | undefined) => (v === undefined ? 'n/a' : v.toFixed(1));
const int = (v: number | undefined) => (v === undefined ? '—' : Math.round(v).toLocaleString('en-US'));
const mark = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');

interface Verdict {
  target: string;
  met?: boolean;
  detail: string;
}

function verdicts(results: SizeResult[]): Verdict[] {
  const out: Verdict[] = [];
  const staged = results.filter((r) => r.staged);
  out.push({
    target: `staged check ≤ ${TARGETS.hookRatio}× node -e 0 (at every size)`,
    met: staged.length ? staged.every((r) => r.staged!.ratio <= TARGETS.hookRatio && r.staged!.exit === 0) : undefined,
    detail: staged.map((r) => `${r.size}: ${x(r.staged!.ratio)}`).join(', '),
  });
  if (staged.length >= 2) {
    const first = staged[0]!.staged!;
    const lastR = staged[staged.length - 1]!;
    // Compared as ratios to `node -e 0` measured in the same rounds: the sizes
    // run minutes apart, and a shared machine drifts more than 10 % in that time.
    const growth = (lastR.staged!.ratio - first.ratio) / first.ratio;
    out.push({
      target: `staged check does not grow with the repository (ratio to node -e 0 within ${TARGETS.hookGrowth * 100}% from ${staged[0]!.size} to ${lastR.size} files)`,
      met: growth <= TARGETS.hookGrowth,
      detail: `${x(first.ratio)} → ${x(lastR.staged!.ratio)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%; ${ms(first.hook.medianMs)} → ${ms(lastR.staged!.hook.medianMs)} ms)`,
    });
  }
  const seeded = results.filter((r) => r.seed.precise !== undefined);
  out.push({
    target: `--all (precise) ≤ ${TARGETS.seedRatio}× the seed test (rustc -O --test, default threads)`,
    met: seeded.length ? seeded.every((r) => r.seed.precise! <= TARGETS.seedRatio) : undefined,
    detail: seeded.length ? seeded.map((r) => `${r.size}: ${x(r.seed.precise)}`).join(', ') : `skipped: ${results[0]?.seed.skipped ?? 'no sizes'}`,
  });
  const grepped = results.filter((r) => r.rg.precise !== undefined);
  out.push({
    target: `--all (precise) ≤ ${TARGETS.rgRatio}× rg -F on the same needles`,
    met: grepped.length ? grepped.every((r) => r.rg.precise! <= TARGETS.rgRatio) : undefined,
    detail: grepped.length ? grepped.map((r) => `${r.size}: ${x(r.rg.precise)}`).join(', ') : `skipped: ${results[0]?.rg.skipped ?? 'no sizes'}`,
  });
  const rss = results.filter((r) => r.audit.precise?.medianRssMb !== undefined);
  if (rss.length >= 2) {
    const growth = (a: SizeResult, b: SizeResult) => {
      const grewMb = b.audit.precise!.medianRssMb! - a.audit.precise!.medianRssMb!;
      const moreFiles = b.workspace.inScopeFiles - a.workspace.inScopeFiles;
      const moreSourceMb = (b.workspace.inScopeBytes - a.workspace.inScopeBytes) / 1048576;
      return { perFile: (grewMb * 1024) / moreFiles, moreFiles, grewMb, moreSourceMb };
    };
    const describe = (a: SizeResult, b: SizeResult) => {
      const g = growth(a, b);
      return `${mib(a.audit.precise!.medianRssMb)} → ${mib(b.audit.precise!.medianRssMb)} MiB for +${int(g.moreFiles)} files / +${g.moreSourceMb.toFixed(1)} MiB of source: ${g.perFile.toFixed(2)} KiB per file, ${((g.grewMb / g.moreSourceMb) * 100).toFixed(0)}% of the source growth`;
    };
    // A tree past the thread threshold gets a worker (an isolate of its own,
    // a fixed cost): growth with the tree is measured between sizes that run
    // on the same threads, when there are two.
    const b = rss[rss.length - 1]!;
    const sameThreads = rss;
    const a = sameThreads.length >= 2 ? sameThreads[0]! : rss[0]!;
    const span = `${int(a.size)} → ${int(b.size)} files${sameThreads.length >= 2 && sameThreads.length < rss.length ? ' (both threaded)' : ''}`;
    const step = a !== rss[0]! ? `; from ${int(rss[0]!.size)} files (one thread) ${growth(rss[0]!, b).perFile.toFixed(2)} KiB per file, the worker thread included` : '';
    out.push({
      target: `peak RSS grows like the file list only (≤ ${TARGETS.rssKbPerFile} KiB per extra file)`,
      met: growth(a, b).perFile <= TARGETS.rssKbPerFile,
      detail: `${span}: ${describe(a, b)}${step}`,
    });
  } else {
    out.push({ target: 'peak RSS grows like the file list only', met: undefined, detail: rss.length ? 'needs two sizes' : 'no RSS figures' });
  }
  // Direct evidence of streaming: the source does not fit in the capped heap, yet the audit passes.
  const telling = results.filter((r) => r.cappedHeap && r.workspace.inScopeBytes / 1048576 > r.cappedHeap.capMb);
  out.push({
    target: `the audit streams: it completes with the V8 old space capped at ${HEAP_CAP_MB} MB on a tree whose source is larger`,
    met: telling.length ? telling.every((r) => r.cappedHeap!.exit === 0) : undefined,
    detail: telling.length
      ? telling.map((r) => `${r.size}: ${(r.workspace.inScopeBytes / 1048576).toFixed(0)} MiB of source, exit ${r.cappedHeap!.exit}, ${ms(r.cappedHeap!.wallMs)} ms, RSS ${mib(r.cappedHeap!.rssMb)} MiB`).join('; ')
      : `no size has more than ${HEAP_CAP_MB} MiB of source`,
  });
  return out;
}

function report(opts: Options, results: SizeResult[], env: Record<string, string>, notes: string[]): string {
  const parts: string[] = [];
  parts.push(`chokepoint bench — ${Object.values(env).join(' · ')}`);
  parts.push(`medians of ${opts.hookRuns} runs (hook) / ${opts.auditRuns} runs (audits), after ${opts.warmup} warm-up; commands interleaved round by round`);
  parts.push('');
  parts.push(`Workspaces (generator seed ${opts.seed}; .rs files under crates/*/src)`);
  parts.push(
    table(
      ['files', 'in scope', 'allowlisted', 'mention a needle', 'lines', 'MB', 'total MB', 'init ms', 'generate ms', 'git add+commit ms'],
      results.map((r) => {
        const w = r.workspace;
        const mentions = `${int(w.mentionFiles)} (${((100 * w.mentionFiles) / w.inScopeFiles).toFixed(0)}%)`;
        return [int(r.size), int(w.inScopeFiles), int(w.allowlistedFiles), mentions, int(w.inScopeLines), (w.inScopeBytes / 1e6).toFixed(1), (w.totalBytes / 1e6).toFixed(1), ms(w.timings.initMs), ms(w.timings.generateMs), ms(w.timings.gitMs)];
      }),
    ),
  );
  parts.push('');
  parts.push(`1. Pre-commit hook: \`node bundle/cli/launch.js check --staged\` with ${STAGED_FILES} staged modified files vs \`node -e 0\``);
  parts.push(
    table(
      ['files', 'node -e 0 ms', 'hook ms', 'hook − node ms', 'ratio', `≤ ${TARGETS.hookRatio}×`, 'exit', 'scanned'],
      results.map((r) => {
        const s = r.staged;
        if (!s) return [int(r.size), '—', '—', '—', '—', 'n/a', '—', '—'];
        return [int(r.size), ms(s.baseline.medianMs), ms(s.hook.medianMs), ms(s.hook.medianMs - s.baseline.medianMs), x(s.ratio), mark(s.ratio <= TARGETS.hookRatio), String(s.exit), int(s.filesScanned)];
      }),
    ),
  );
  parts.push('');
  parts.push('2. Full audit: `node bundle/cli/launch.js --all --format json` (peak RSS: median over the runs)');
  parts.push(
    table(
      ['files', 'matcher', 'wall ms', 'min–max ms', 'peak RSS MiB', 'files/s', 'MB/s', 'exit', 'scanned', 'warnings'],
      results.flatMap((r) =>
        (['precise', 'line'] as const).map((m) => {
          const a = r.audit[m];
          if (!a) return [int(r.size), m, '—', '—', '—', '—', '—', '—', '—', '—'];
          return [int(r.size), m, ms(a.medianMs), `${ms(a.minMs)}–${ms(a.maxMs)}`, mib(a.medianRssMb), int(a.filesPerSec), (a.mbPerSec ?? 0).toFixed(1), String(a.exit), int(a.filesScanned), int(a.warnings)];
        }),
      ),
    ),
  );
  const capped = results.filter((r) => r.cappedHeap);
  if (capped.length) {
    parts.push(`  memory check, one precise audit with node --max-old-space-size=${HEAP_CAP_MB}: ${capped.map((r) => `${int(r.size)} files: exit ${r.cappedHeap!.exit}, ${ms(r.cappedHeap!.wallMs)} ms, RSS ${mib(r.cappedHeap!.rssMb)} MiB`).join('; ')}`);
  }
  parts.push('');
  parts.push('3. Against the test it replaces (`rustc -O --test` binary, default threads) and `rg -F -c -e NEEDLE… crates`');
  parts.push(
    table(
      ['files', 'rustc -O ms', 'seed ms', 'seed 1-thr ms', 'seed RSS MiB', 'seed exit', 'precise/seed', `≤ ${TARGETS.seedRatio}×`, 'line/seed', 'rg ms', 'rg RSS MiB', 'precise/rg', `≤ ${TARGETS.rgRatio}×`, 'line/rg'],
      results.map((r) => [
        int(r.size),
        ms(r.seed.compileMs),
        r.seed.default ? ms(r.seed.default.medianMs) : 'skipped',
        ms(r.seed.singleThread?.medianMs),
        mib(r.seed.default?.medianRssMb),
        r.seed.exit === undefined ? '—' : String(r.seed.exit),
        x(r.seed.precise),
        r.seed.precise === undefined ? 'n/a' : mark(r.seed.precise <= TARGETS.seedRatio),
        x(r.seed.line),
        r.rg.summary ? ms(r.rg.summary.medianMs) : 'skipped',
        mib(r.rg.summary?.medianRssMb),
        x(r.rg.precise),
        r.rg.precise === undefined ? 'n/a' : mark(r.rg.precise <= TARGETS.rgRatio),
        x(r.rg.line),
      ]),
    ),
  );
  parts.push('');
  parts.push('Targets (SPEC §11)');
  for (const v of verdicts(results)) parts.push(`  [${v.met === undefined ? 'n/a' : v.met ? 'met' : 'NOT met'}] ${v.target}: ${v.detail}`);
  if (notes.length) {
    parts.push('');
    parts.push('Notes');
    for (const n of notes) parts.push(`  - ${n}`);
  }
  return parts.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function main(argv: string[]): number {
  let opts: Options | undefined;
  try {
    opts = parseOptions(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!opts) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} is missing: run \`npm run compile\` first\n`);
    return 2;
  }

  const notes: string[] = [];
  const runner = new Runner(process.env.CHOKEPOINT_BENCH_NO_GNU_TIME ? false : undefined);
  const rustc = findRustc();
  const rg = probe('rg');
  if (runner.rssMethod !== 'gnu-time') notes.push('/usr/bin/time (GNU time) not found (or CHOKEPOINT_BENCH_NO_GNU_TIME set): peak RSS of chokepoint comes from process.resourceUsage() in an --import hook; the seed binary and rg have no RSS figure (apt-get install time)');
  else notes.push('audits (chokepoint, seed binary, rg) run under /usr/bin/time -f %M for peak RSS in every round; its fork+exec (~1 ms) is in all of their wall times alike; the hook and node -e 0 run unwrapped');
  if (!rustc) notes.push('rustc not found: the comparison with the seed test is skipped');
  if (!rg) notes.push('rg not on PATH: the comparison with ripgrep is skipped (apt-get install ripgrep)');
  notes.push('the generated trees are green for the seed test and for both matchers by construction (banned APIs only in allowlisted or excluded files, in comments and in #[cfg(test)] code); a non-zero exit above means the verdicts diverged');

  const env: Record<string, string> = {
    node: `node ${process.version}`,
    os: `${process.platform} ${process.arch}`,
    cpu: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`,
    rustc: rustc ? rustc.version : 'no rustc',
    rg: rg ? rg.version : 'no rg',
    rss: runner.rssMethod === 'gnu-time' ? 'RSS via GNU time' : 'RSS via process.resourceUsage',
  };
  const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' ');
  const scratch = mkdtempSync(join(tmpdir(), 'chokepoint-bench-bin-'));
  const results: SizeResult[] = [];
  const kept: string[] = [];
  const started = performance.now();
  let lockfile: LockfileBench | undefined;
  try {
    log('lockfile: the graph rule on a staged 1,000-package Cargo.lock');
    lockfile = measureLockfile(runner, { cli: CLI, runs: opts.hookRuns, warmup: opts.warmup });
    for (const size of opts.sizes) {
      log(`${size}: generating the workspace`);
      const ws = createWorkspace({ size, guards: opts.guards, cli: CLI, seed: opts.seed });
      log(`${size}: ${ws.rustFiles} .rs files, ${(ws.totalBytes / 1e6).toFixed(1)} MB in ${ws.timings.generateMs.toFixed(0)} ms, committed in ${ws.timings.gitMs.toFixed(0)} ms (${ws.root})`);
      try {
        results.push(measureSize(opts, ws, runner, { rustc, rg }, scratch));
      } finally {
        if (opts.keep) kept.push(ws.root);
        else rmSync(ws.root, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    runner.dispose();
  }
  for (const r of results) {
    if (r.audit.precise?.exit !== 0 || r.audit.line?.exit !== 0 || (r.seed.exit !== undefined && r.seed.exit !== 0)) {
      notes.push(`${r.size} files: verdicts diverge from the intended green tree (precise exit ${r.audit.precise?.exit}, line exit ${r.audit.line?.exit}, seed exit ${r.seed.exit ?? 'n/a'})`);
    }
    if (r.seed.skipped) notes.push(`${r.size} files: seed comparison skipped: ${r.seed.skipped}`);
    if (r.staged?.error) notes.push(`${r.size} files: staged check failed: ${r.staged.error}`);
  }
  if (kept.length) notes.push(`kept workspaces: ${kept.join(' ')}`);

  // Other work on the machine skews wall times: show how busy it was.
  notes.push(...globBenchNotes());
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  notes.push(`load average at the end (1/5/15 min): ${load} on ${cpus().length} CPUs; at the start: ${loadAtStart}`);
  const text = report(opts, results, env, notes) + (lockfile ? lockfileReport(lockfile) : '');
  process.stdout.write(text);
  const json = {
    version: 1,
    date: new Date().toISOString(),
    environment: env,
    options: { ...opts, guards: opts.guards },
    targets: TARGETS,
    verdicts: verdicts(results),
    results,
    lockfile,
    notes,
    durationMs: Math.round(performance.now() - started),
  };
  writeFileSync(RESULTS, JSON.stringify(json, null, 2) + '\n');
  log(`wrote ${RESULTS} (${(json.durationMs / 1000).toFixed(0)} s in all)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
}
