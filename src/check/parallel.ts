// Splits a full audit of the working tree over threads: the main thread and
// its workers claim files from a shared counter. Whether a run is worth it is
// share.ts's call, so this module (and worker_threads) loads only when used.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forcedThreads, judgeShare, type ShareResult, type ShareTask } from './share.js';

/** Threads to use, this one included: one per core, at most 8 (or as CHOKEPOINT_THREADS says). */
export function threadCount(): number {
  return forcedThreads() ?? Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Each file's text and tokens are garbage a moment later: a small young
 * generation keeps the worker's memory flat instead of letting V8 grow it
 * with the allocation rate (measured on a 10,000-file tree: 5 MB less peak
 * RSS, no slower). The main thread's heap cannot be capped from inside.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 };

/**
 * Workers started ahead of their task: a worker takes ~50–100 ms to boot
 * (Node compiles its internals again in each), which the run spends
 * listing files and loading rules instead of judging alone.
 */
export interface Pool {
  /**
   * Judges the task's paths on every thread, all claiming files from its
   * counter. Outcomes come back in the order of the paths, so the report
   * does not depend on which thread judged what. Once only.
   */
  judge(task: ShareTask): Promise<Omit<ShareResult, 'indices'>>;
  /** Stops workers that never got a task (a no-op after `judge`). */
  close(): void;
}

export function startPool(threads = threadCount()): Pool {
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: WORKER_LIMITS }));
  // A failure before the task arrives surfaces when the result is awaited.
  const results = workers.map(
    (worker) =>
      new Promise<ShareResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`audit worker exited with code ${code}`));
        });
      }),
  );
  results.forEach((r) => r.catch(() => {}));
  let used = false;
  return {
    async judge(task) {
      used = true;
      for (const worker of workers) worker.postMessage(task);
      // The workers judge while this thread does.
      const all = [judgeShare(task), ...(await Promise.all(results))];
      const tagged = all.flatMap((r) => r.outcomes.map((outcome, k) => ({ outcome, index: r.indices[k]! })));
      tagged.sort((a, b) => a.index - b.index);
      return { judged: all.reduce((sum, r) => sum + r.judged, 0), outcomes: tagged.map((t) => t.outcome) };
    },
    close() {
      if (!used) for (const worker of workers) void worker.terminate();
    },
  };
}
