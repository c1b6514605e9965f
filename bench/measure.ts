// Timing and memory helpers: run a command to completion, measure its wall
// time (and optionally its peak RSS), repeat in interleaved rounds, summarise
// with medians.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M -o FILE cmd …`) when it
// is installed. Without it, a Node child reports its own
// `process.resourceUsage().maxRSS` from an `--import`ed exit hook; other
// programs (the Rust test binary, rg) then have no RSS figure.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Command {
  /** Shown in tables and JSON. */
  label: string;
  file: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The program is `node`: its RSS can be measured without GNU time. */
  isNode?: boolean;
}

export interface Sample {
  wallMs: number;
  /** Peak resident set size in KiB, when it could be measured. */
  rssKb?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export type RssMethod = 'gnu-time' | 'node-resource-usage' | 'none';

const GNU_TIME = '/usr/bin/time';

/** Whether GNU time is there and understands `-f %M -o FILE`. */
export function gnuTimeAvailable(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-time-'));
  try {
    const out = join(dir, 'rss');
    const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, 'true'], { encoding: 'utf8' });
    return r.status === 0 && /^\d+\s*$/.test(readFileSync(out, 'utf8'));
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An ESM module, loaded with `node --import`, that writes the process's peak RSS (KiB) on exit. */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{try{writeFileSync(process.env.CHOKEPOINT_BENCH_RSS_FILE,String(process.resourceUsage().maxRSS))}catch{}});",
)}`;

export class Runner {
  private readonly scratch = mkdtempSync(join(tmpdir(), 'chokepoint-bench-rss-'));
  readonly rssMethod: RssMethod;

  constructor(useGnuTime = gnuTimeAvailable()) {
    this.rssMethod = useGnuTime ? 'gnu-time' : 'node-resource-usage';
  }

  /** Whether `run(cmd, { rss: true })` yields an RSS figure for this command. */
  canMeasureRss(cmd: Command): boolean {
    return this.rssMethod === 'gnu-time' || cmd.isNode === true;
  }

  /** Runs `cmd` once. With `rss`, wraps it so its peak RSS is recorded too. */
  run(cmd: Command, opts: { rss?: boolean } = {}): Sample {
    const rssFile = join(this.scratch, 'rss');
    rmSync(rssFile, { force: true });
    let file = cmd.file;
    let args = [...cmd.args];
    let env = cmd.env ?? process.env;
    if (opts.rss && this.rssMethod === 'gnu-time') {
      args = ['-f', '%M', '-o', rssFile, file, ...args];
      file = GNU_TIME;
    } else if (opts.rss && cmd.isNode) {
      args = ['--import', RSS_HOOK, ...args];
      env = { ...env, CHOKEPOINT_BENCH_RSS_FILE: rssFile };
    }
    const started = performance.now();
    const r = spawnSync(file, args, { cwd: cmd.cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    if (r.error) throw new Error(`${cmd.label}: cannot run ${file}: ${r.error.message}`);
    const sample: Sample = { wallMs, status: r.status, stdout: r.stdout, stderr: r.stderr };
    if (opts.rss && existsSync(rssFile)) {
      // GNU time writes a "Command exited with non-zero status" line first when the child fails.
      const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
      if (/^\d+$/.test(last)) sample.rssKb = Number(last);
    }
    return sample;
  }

  dispose(): void {
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Summary {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median peak RSS in MiB, when measured. */
  medianRssMb?: number;
  /** Exit status of the runs (the last one if they differ, flagged by `statusVaries`). */
  status: number | null;
  statusVaries: boolean;
  samplesMs: number[];
}

export function summarize(label: string, samples: readonly Sample[]): Summary {
  const wall = samples.map((s) => s.wallMs);
  const rss = samples.flatMap((s) => (s.rssKb === undefined ? [] : [s.rssKb]));
  const statuses = new Set(samples.map((s) => s.status));
  return {
    label,
    runs: samples.length,
    medianMs: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    ...(rss.length ? { medianRssMb: median(rss) / 1024 } : {}),
    status: samples[samples.length - 1]?.status ?? null,
    statusVaries: statuses.size > 1,
    samplesMs: wall.map((ms) => Math.round(ms * 100) / 100),
  };
}

/**
 * Runs every command `warmup` times unmeasured, then `runs` measured rounds,
 * interleaved (A B C, A B C, …) so that drift on the machine hits all alike.
 */
export function compare(runner: Runner, commands: readonly Command[], opts: { runs: number; warmup: number; rss: boolean }): { summaries: Summary[]; last: Map<string, Sample> } {
  const samples = new Map<string, Sample[]>(commands.map((c) => [c.label, []]));
  const last = new Map<string, Sample>();
  for (let round = 0; round < opts.warmup + opts.runs; round++) {
    for (const cmd of commands) {
      const sample = runner.run(cmd, { rss: opts.rss });
      last.set(cmd.label, sample);
      if (round >= opts.warmup) samples.get(cmd.label)!.push(sample);
    }
  }
  return { summaries: commands.map((c) => summarize(c.label, samples.get(c.label)!)), last };
}
