// Loading a bundled CommonJS file with V8's code cache. Node 20 compiles every
// function of a script again in every process (Node 22 has
// module.enableCompileCache(); this is the same idea for Node 20): for the
// pre-commit hook that was ~12 ms of each commit, for the TOML parser ~6 ms
// of each audit (measured with `npm run bench` and an A/B of the parser).
//
// A cache sits in a `.cache` directory beside the file it was made from, so
// it is as trusted as that code and goes away with it (a rebuild or an upgrade
// replaces the directory). Its name carries Node's version and the file's size
// and mtime, and V8 rejects data that does not fit its own version and flags:
// a stale cache is never used, it is rewritten. When the directory is
// read-only there is simply no cache.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Best effort, atomically (two processes may race): a failed write only means
 * no cache. Caches of the same file made for another Node version or build
 * (names starting with `prefix`) are dropped.
 */
function writeCache(file: string, prefix: string, data: Buffer): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.${process.pid}`, data);
    renameSync(`${file}.${process.pid}`, file);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.v8') && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
    }
  } catch {
    /* no cache this time */
  }
}

/**
 * Runs the CommonJS file `file` as Node's loader would and returns its
 * `module.exports`, compiled from its code cache when there is a valid one.
 * Without one, and when `writeIfMissing`, a cache is written at exit: by then
 * it holds the functions the run compiled too, not just the top level.
 */
export function requireWithCodeCache(file: string, writeIfMissing: boolean): unknown {
  const name = basename(file, '.cjs');
  const { size, mtimeMs } = statSync(file);
  const cacheFile = join(dirname(file), '.cache', `${name}-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.v8`);
  const cachedData = readOrUndefined(cacheFile);
  const source = readFileSync(file, 'utf8').replace(/^#!/, '//');
  // The CommonJS wrapper, as Node's own loader would apply it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  if ((cachedData === undefined || script.cachedDataRejected) && writeIfMissing) {
    process.once('exit', () => writeCache(cacheFile, `${name}-`, script.createCachedData()));
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
