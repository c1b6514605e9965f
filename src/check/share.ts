// Judging a list of working-tree files on one or more threads: each thread
// claims the next few files from a shared counter, reads each into a reused
// buffer and judges it before the next read. Claiming (rather than dealing
// out fixed shares) keeps threads busy until the end, whichever starts late
// or runs on a slower core.

import type { MatcherName } from '../types.js';
import { readWorktreeFile } from '../source/sources.js';
import { judgeFile, outcomeMatters, type FileOutcome } from './fileOutcome.js';
import { ByteAnchorScan } from '../rust/byteAnchors.js';
import { compileNeedles } from '../rust/needles.js';

/** Below this many files one thread is faster (measured on 2 cores). */
const PARALLEL_THRESHOLD = 1500;

/** Whether `files` files are worth more threads than this one (how many is parallel.ts's to say). */
export function worthThreads(files: number): boolean {
  return files >= PARALLEL_THRESHOLD && process.env.CHOKEPOINT_THREADS !== '1';
}

/** A git index entry is 62 bytes plus its path: ~100 bytes per file in practice. */
const INDEX_BYTES_PER_FILE = 100;

/** Whether a working tree is likely worth threads, guessed before listing it from the size of git's index. */
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

export function judgeShare(task: ShareTask): ShareResult {
  const outcomes: FileOutcome[] = [];
  const indices: number[] = [];
  let judged = 0;
  // Files are read straight into the SIMD filter's memory: no copy.
  const filterInput = task.matcher === 'precise' ? ByteAnchorScan.for(compileNeedles(task.needles))?.input : undefined;
  const readBuffer = filterInput ?? Buffer.allocUnsafe(1 << 20);
  const scratch = { buffer: readBuffer };
  for (;;) {
    const from = Atomics.add(task.next, 0, CLAIM);
    if (from >= task.paths.length) break;
    const to = Math.min(from + CLAIM, task.paths.length);
    for (let i = from; i < to; i++) {
      const path = task.paths[i]!;
      const bytes = readWorktreeFile(task.root, path, scratch);
      if (!bytes) continue;
      judged++;
      const outcome = judgeFile(path, bytes, task.needles, task.matcher, { byteScan: true });
      scratch.buffer = readBuffer; // a file too big for it was read elsewhere
      if (outcomeMatters(outcome)) {
        outcomes.push(outcome);
        indices.push(i);
      }
    }
  }
  return { judged, outcomes, indices };
}
