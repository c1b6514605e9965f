// Splits a full audit of the working tree over threads: the main thread takes
// one share and a worker each of the others. Small trees stay on the main
// thread: starting a worker costs more than it saves there.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MatcherName } from '../types.js';
import { judgeShare, PARALLEL_THRESHOLD, type ShareResult, type ShareTask } from './share.js';


export function workerCount(files: number): number {
  if (files < PARALLEL_THRESHOLD || process.env.CHOKEPOINT_THREADS === '1') return 0;
  return Math.max(0, Math.min(availableParallelism(), 8));
}

function runWorker(task: ShareTask): Promise<ShareResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: task });
    worker.once('message', (result: ShareResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`audit worker exited with code ${code}`));
    });
  });
}

/** Judges `paths` on `threads` threads; files are dealt round-robin so each gets a fair mix. */
export async function judgeInParallel(root: string, paths: readonly string[], needles: string[], matcher: MatcherName, threads: number): Promise<ShareResult> {
  const shares: string[][] = Array.from({ length: threads }, () => []);
  paths.forEach((p, i) => shares[i % threads]!.push(p));
  const [own = [], ...others] = shares;
  const workers = others.map((share) => runWorker({ root, paths: share, needles, matcher }));
  // The workers start while this thread judges its own share.
  const results = [judgeShare({ root, paths: own, needles, matcher }), ...(await Promise.all(workers))];
  return { judged: results.reduce((sum, r) => sum + r.judged, 0), outcomes: results.flatMap((r) => r.outcomes) };
}
