// The first git calls of a staged check. The hook's time is mostly fixed
// costs: starting Node, compiling chokepoint, starting git. The launcher
// starts these before it loads the CLI, so git answers while Node compiles;
// cli.ts starts them for any other spelling of a staged check (a call that
// is already running is not started twice).

import { prefetchGit, REPOSITORY_QUERY } from './git.js';
import { STAGED_DIFF_ARGS } from './source/changes.js';
import { warmBlobReader } from './source/blobs.js';
import { CONFIG_FILE } from './config/file.js';

/** In the order their answers are needed: the repository, the staged config (`:0:` names the index; the path is from the root), the staged changes. */
export function prefetchStagedCheck(dir: string, defaultConfig: boolean): void {
  prefetchGit(REPOSITORY_QUERY, dir);
  warmBlobReader(dir, defaultConfig ? [`:0:${CONFIG_FILE}`] : []);
  prefetchGit(STAGED_DIFF_ARGS, dir);
}

/** What the installed hook runs (hooks/run.sh), and `chokepoint` alone: a staged check with every default. */
export function isHookCommandLine(argv: readonly string[]): boolean {
  return argv.length === 0 || (argv.length === 2 && argv[0] === 'check' && argv[1] === '--staged');
}
