// Judging a list of working-tree files on one or more threads: each thread
// claims the next few files from a shared counter, reads each into a reused
// buffer and judges it before the next read. Claiming (rather than dealing
// out fixed shares) keeps threads busy until the end, whichever starts late
// or runs on a slower core.

import type { MatcherName } from '../types.js';
import type { ModuleFactsMode } from '../rust/index.js';
import { readWorktreeFile } from '../source/sources.js';
import { judgeFile, outcomeMatters, type FileOutcome } from './fileOutcome.js';
import { ByteAnchorScan } from '../rust/byteAnchors.js';
import { compileNeedles } from '../rust/needles.js';

/**
 * Below this many files one thread is faster (measured on 2 cores). A worker
 * boots in ~100 ms and then runs cold: with the precise matcher's light
 * per-file work one thread still wins at 10,000 files (by ~45 ms) and loses
 * at 20,000 (by ~100 ms); the line matcher's regex per line gains from a
 * worker from ~1,500 files.
 */
const PARALLEL_THRESHOLD: Record<MatcherName, number> = { precise: 15_000, line: 1_500 };

/** CHOKEPOINT_THREADS=N sets the thread count (1: never a worker), for tests and tuning; undefined when unset. */
export function forcedThreads(): number | undefined {
  const n = Number(process.env.CHOKEPOINT_THREADS);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 8) : undefined;
}

/** Whether `files` files are worth more threads than this one (how many is parallel.ts's to say). */
export function worthThreads(files: number, matcher: MatcherName = 'precise'): boolean {
  const forced = forcedThreads();
  return forced !== undefined ? forced > 1 : files >= PARALLEL_THRESHOLD[matcher];
}

/** A git index entry is 62 bytes plus its path: ~100 bytes per file in practice. */
const INDEX_BYTES_PER_FILE = 100;

/**
 * Whether a working tree is likely worth threads, guessed before listing it
 * (and before the config names the matcher) from the size of git's index.
 */
export function likelyWorthThreads(indexBytes: number): boolean {
  return worthThreads(Math.floor(indexBytes / INDEX_BYTES_PER_FILE));
}

/** Files claimed at a time: small enough to balance, large enough not to contend. */
const CLAIM = 16;

export interface ShareTask {
  root: string;
  paths: readonly string[];
  needles: string[];
  matcher: MatcherName;
  /** Whether every file must report its module facts (see JudgeOptions). */
  moduleFacts: ModuleFactsMode;
  /** Whether scan anchors are found with the SIMD filter (worth it for many files). */
  byteScan: boolean;
  /** One Int32 on a SharedArrayBuffer: the index of the next unclaimed path. */
  next: Int32Array;
}

/** How many files this thread judged, and the outcomes worth keeping (most files leave nothing), with their indices in `paths`. */
export interface ShareResult {
  judged: number;
  outcomes: FileOutcome[];
  indices: number[];
}

export function claimCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Judges files claimed from `task` until none are left; `progress` hears how far the claims got. */
export function judgeShare(task: ShareTask, progress?: (claimed: number) => void): ShareResult {
  const outcomes: FileOutcome[] = [];
  const indices: number[] = [];
  let judged = 0;
  // Files are read straight into the SIMD filter's memory: no copy.
  const filterInput = task.byteScan && task.matcher === 'precise' ? ByteAnchorScan.for(compileNeedles(task.needles))?.input : undefined;
  const readBuffer = filterInput ?? Buffer.allocUnsafe(64 * 1024);
  const scratch = { buffer: readBuffer };
  const opts = { moduleFacts: task.moduleFacts, byteScan: task.byteScan };
  for (;;) {
    const from = Atomics.add(task.next, 0, CLAIM);
    if (from >= task.paths.length) break;
    const to = Math.min(from + CLAIM, task.paths.length);
    for (let i = from; i < to; i++) {
      const path = task.paths[i]!;
      const bytes = readWorktreeFile(task.root, path, scratch);
      if (!bytes) continue;
      judged++;
      const outcome = judgeFile(path, bytes, task.needles, task.matcher, opts);
      if (filterInput) scratch.buffer = readBuffer; // a file too big for it was read elsewhere
      if (outcomeMatters(outcome)) {
        outcomes.push(outcome);
        indices.push(i);
      }
    }
    progress?.(to);
  }
  return { judged, outcomes, indices };
}
