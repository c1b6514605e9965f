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
for (const path of task.paths) {
  const bytes = readWorktreeFile(task.root, path);
  if (bytes) outcomes.push(judgeFile(path, bytes, task.needles, task.matcher));
}
parentPort!.postMessage(outcomes);
