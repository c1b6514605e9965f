// Loads the fast path (src/fast/), unless `CHOKEPOINT_JUDGE` asks for the
// reference behaviour. It is loaded by a computed specifier, so a build
// without that folder is still a complete, correct (slower) tool. This module
// sits at the top of src/ so that `./fast/` means the same folder in dist/src
// and in the bundle (scripts/bundle.ts), where both the launcher and the CLI
// carry a copy of it (they import the same fast module).

import type { RustJudge } from './rust/index.js';
import type { IndexSnapshot } from './source/indexSnapshot.js';

/** What src/fast/index.ts exports: everything that exists only for speed. */
export interface FastPath {
  /** The plain judge behind a sound prefilter. */
  fastJudge(plain: RustJudge): RustJudge;
  /** The staged check's git answers read from the git directory, or undefined where git must answer. */
  readIndexSnapshot(cwd: string, env: NodeJS.ProcessEnv): IndexSnapshot | undefined;
}

/** Not a literal: the compiler and bundler must not require the folder. */
const FAST_MODULE = './fast/index.js';

let loaded: Promise<FastPath | undefined> | undefined;

/** Whether the environment leaves the fast path on (`CHOKEPOINT_JUDGE` unset, empty or `fast`). */
export function fastPathWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const asked = env.CHOKEPOINT_JUDGE;
  return asked === undefined || asked === '' || asked === 'fast';
}

/** The fast path, or undefined when it is not wanted or not installed. */
export function loadFastPath(env: NodeJS.ProcessEnv = process.env): Promise<FastPath | undefined> {
  if (!fastPathWanted(env)) return Promise.resolve(undefined);
  loaded ??= import(new URL(FAST_MODULE, import.meta.url).href).then(
    (mod: FastPath) => mod,
    (err: NodeJS.ErrnoException) => {
      // Only a missing folder means "no fast path"; a broken one is a bug.
      if (err?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
      throw err;
    },
  );
  return loaded;
}
