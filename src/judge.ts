// Which judge analyses Rust files. The plain judge (analyzeRust) is the
// definition of a verdict; the fast path in src/fast/ must give the same
// analysis for every text and exists only for speed (src/fastPath.ts loads
// it; without it the CLI runs the plain judge).

import { analyzeRust, type RustJudge } from './rust/index.js';
import { usageError } from './errors.js';
import { messages } from './messages.js';
import { fastPathWanted, loadFastPath } from './fastPath.js';

export const plainJudge: RustJudge = { name: 'plain', analyze: analyzeRust };

/**
 * The fast judge unless `CHOKEPOINT_JUDGE=plain` asks for the reference one
 * (or the fast folder is not installed).
 */
export async function loadJudge(env: NodeJS.ProcessEnv = process.env): Promise<RustJudge> {
  const asked = env.CHOKEPOINT_JUDGE;
  if (!fastPathWanted(env) && asked !== 'plain') throw usageError(messages.unknownJudge(asked!), messages.unknownJudgeHint);
  const fast = await loadFastPath(env);
  return fast ? fast.fastJudge(plainJudge) : plainJudge;
}
