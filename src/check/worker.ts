// A worker thread of the full audit: reads its share of the working tree and
// judges each file. The seed's compiled test used every core; so do we.

import { parentPort, workerData } from 'node:worker_threads';
import type { MatcherName } from '../types.js';
import { readWorktreeFile } from '../source/sources.js';
import { judgeFile, type FileOutcome } from './fileOutcome.js';

export interface WorkerTask {
  root: string;
  paths: string[];
  needles: string[];
  matcher: MatcherName;
}

const task = workerData as WorkerTask;
const outcomes: FileOutcome[] = [];
const scratch = { buffer: Buffer.allocUnsafe(1 << 20) };
for (const path of task.paths) {
  // Judged before the next read, so the reused buffer is safe.
  const bytes = readWorktreeFile(task.root, path, scratch);
  if (bytes) outcomes.push(judgeFile(path, bytes, task.needles, task.matcher));
}
parentPort!.postMessage(outcomes);
