#!/usr/bin/env node
// The `chokepoint` executable: runs the bundled CLI (chokepoint.cjs) from V8's
// code cache when there is one. Node 20 recompiles every function of a CLI on
// every start; for the pre-commit hook that was ~12 ms of each commit
// (measured with `npm run bench`). Node 22 has module.enableCompileCache();
// this is the same idea for Node 20, kept to what the hook needs.
//
// The cache sits in the package's own directory, next to the code it was made
// from, so it is as trusted as that code and goes away with it (a rebuild or an
// upgrade replaces the directory). Its name carries Node's version and the
// bundle's size and mtime, and V8 rejects data that does not fit its own
// version and flags: a stale cache is never used, it is rewritten. When the
// directory is read-only there is simply no cache.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { VALUE_OPTIONS } from './options.js';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, 'chokepoint.cjs');

function cacheFileFor(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return join(here, '.cache', `chokepoint-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.v8`);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Best effort, atomically (two hooks may race): a failed write only means no
 * cache. Caches made for another Node version or bundle are dropped.
 */
function writeCache(file: string, data: Buffer): void {
  try {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.${process.pid}`, data);
    renameSync(`${file}.${process.pid}`, file);
    for (const name of readdirSync(dir)) {
      if (/^chokepoint-.*\.v8$/.test(name) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
    }
  } catch {
    /* no cache this time */
  }
}

const cacheFile = cacheFileFor(bundle);
const cachedData = readOrUndefined(cacheFile);
const source = readFileSync(bundle, 'utf8').replace(/^#!/, '//');
// The CommonJS wrapper, as Node's own loader would apply it.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });

/** The command word: the first argument that is neither an option nor an option's value. */
function commandOf(args: readonly string[]): string | undefined {
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (!arg.startsWith('-')) return arg;
    if (VALUE_OPTIONS.has(arg)) k++;
  }
  return undefined;
}

// The cache is written after the run, so it holds the functions that run
// compiled too; only the hot path (`check`, what the hook runs) writes it.
const args = process.argv.slice(2);
const command = commandOf(args);
const isCheck = (command === undefined || command === 'check') && !args.some((arg) => /^(-h|--help|-v|--version)$/.test(arg));
if ((cachedData === undefined || script.cachedDataRejected) && isCheck) {
  process.once('exit', () => writeCache(cacheFile, script.createCachedData()));
}

const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, here);
