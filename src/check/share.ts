// One thread's share of a full audit of the working tree: read each file into
// a reused buffer and judge it before the next read.

import type { MatcherName } from '../types.js';
import { readWorktreeFile } from '../source/sources.js';
import { judgeFile, outcomeMatters, type FileOutcome } from './fileOutcome.js';

/** Below this many files one thread is faster (measured on 2 cores). */
export const PARALLEL_THRESHOLD = 1500;

export interface ShareTask {
  root: string;
  paths: string[];
  needles: string[];
  matcher: MatcherName;
}

/** How many files were judged, and the outcomes worth keeping (most files leave nothing). */
export interface ShareResult {
  judged: number;
  outcomes: FileOutcome[];
}

export function judgeShare(task: ShareTask): ShareResult {
  const outcomes: FileOutcome[] = [];
  let judged = 0;
  const scratch = { buffer: Buffer.allocUnsafe(1 << 20) };
  for (const path of task.paths) {
    const bytes = readWorktreeFile(task.root, path, scratch);
    if (!bytes) continue;
    judged++;
    const outcome = judgeFile(path, bytes, task.needles, task.matcher);
    if (outcomeMatters(outcome)) outcomes.push(outcome);
  }
  return { judged, outcomes };
}
