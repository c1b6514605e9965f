#!/usr/bin/env node
// The `chokepoint` executable. On Node >= 22.1 it turns on Node's own compile
// cache first, so the pre-commit hook does not compile chokepoint again on
// every commit; the cache lives where Node keeps it (NODE_COMPILE_CACHE, by
// default a directory under the OS temporary directory), never in the
// installed package. For the hook's own command line it then reads what the
// check needs from git (src/hookStart.ts) before the CLI compiles.

import module from 'node:module';
import { isHookCommandLine, prefetchStagedCheck } from './hookStart.js';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
if (isHookCommandLine(process.argv.slice(2))) await startHookGit();
await import('./cli.js');

async function startHookGit(): Promise<void> {
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    return; // the directory is gone: the CLI says so
  }
  await prefetchStagedCheck(cwd, true);
}
