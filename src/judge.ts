// Which judge analyses Rust files. The plain judge (analyzeRust) is the
// definition of a verdict; the fast path in src/fast/ must give the same
// analysis for every text and exists only for speed. It is loaded by a
// computed specifier, so a build without that folder is still a complete,
// correct (slower) tool: it runs the plain judge. This module sits at the
// top of src/ so that `./fast/` means the same folder in dist/src and in the
// bundle (scripts/bundle.ts).

import { analyzeRust, type RustJudge } from './rust/index.js';
import { usageError } from './errors.js';
import { messages } from './messages.js';

export const plainJudge: RustJudge = { name: 'plain', analyze: analyzeRust };

/** Not a literal: the compiler and bundler must not require the folder. */
const FAST_MODULE = './fast/index.js';

let loaded: Promise<RustJudge> | undefined;

/**
 * The fast judge unless `CHOKEPOINT_JUDGE=plain` asks for the reference one
 * (or the fast folder is not installed).
 */
export function loadJudge(env: NodeJS.ProcessEnv = process.env): Promise<RustJudge> {
  const asked = env.CHOKEPOINT_JUDGE;
  if (asked === 'plain') return Promise.resolve(plainJudge);
  if (asked !== undefined && asked !== '' && asked !== 'fast') return Promise.reject(usageError(messages.unknownJudge(asked), messages.unknownJudgeHint));
  loaded ??= import(new URL(FAST_MODULE, import.meta.url).href).then(
    (mod: { fastJudge: (plain: RustJudge) => RustJudge }) => mod.fastJudge(plainJudge),
    (err: NodeJS.ErrnoException) => {
      // Only a missing folder means "no fast path"; a broken one is a bug.
      if (err?.code === 'ERR_MODULE_NOT_FOUND') return plainJudge;
      throw err;
    },
  );
  return loaded;
}
