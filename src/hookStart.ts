// The first git answers of a staged check. The hook's time is mostly fixed
// costs: starting Node, compiling chokepoint, starting git. The launcher
// gets these before it loads the CLI: from the git directory when the fast
// path can read it (no git process at all), else by starting the git calls,
// which then run while the CLI compiles. cli.ts does the same for any other
// spelling of a staged check (nothing is read or started twice).

import { prefetchGit, REPOSITORY_QUERY } from './git.js';
import { STAGED_DIFF_ARGS } from './source/changes.js';
import { warmBlobReader } from './source/blobs.js';
import { hasSnapshot, keepSnapshot } from './source/indexSnapshot.js';
import { CONFIG_FILE } from './config/file.js';
import { loadFastPath } from './fastPath.js';

/** In the order their answers are needed: the repository, the staged config (`:0:` names the index; the path is from the root), the staged changes. */
export async function prefetchStagedCheck(dir: string, defaultConfig: boolean): Promise<void> {
  if (hasSnapshot(dir)) return; // the launcher read it
  const snapshot = (await loadFastPath().catch(() => undefined))?.readIndexSnapshot(dir, process.env);
  if (snapshot) {
    keepSnapshot(dir, snapshot);
    // A path left the index: only git pairs renames.
    if (!snapshot.changes) prefetchGit(STAGED_DIFF_ARGS, dir);
    return;
  }
  prefetchGit(REPOSITORY_QUERY, dir);
  warmBlobReader(dir, defaultConfig ? [`:0:${CONFIG_FILE}`] : []);
  prefetchGit(STAGED_DIFF_ARGS, dir);
}

/** What the installed hook runs (hooks/run.sh), and `chokepoint` alone: a staged check with every default. */
export function isHookCommandLine(argv: readonly string[]): boolean {
  return argv.length === 0 || (argv.length === 2 && argv[0] === 'check' && argv[1] === '--staged');
}
