#!/usr/bin/env node
// The `chokepoint` executable: runs the bundled CLI (chokepoint.cjs) from V8's
// code cache when there is one (see codeCache.ts): ~12 ms of each pre-commit
// hook (measured with `npm run bench`).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './codeCache.js';
import { VALUE_OPTIONS } from './options.js';

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
requireWithCodeCache(join(dirname(fileURLToPath(import.meta.url)), 'chokepoint.cjs'), isCheck);
