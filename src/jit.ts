// A check of a few files ends before V8's optimizing compiler pays off, and
// at exit Node waits for any optimization still compiling on a background
// thread: for the lexer that was ~10 ms of a ~100 ms pre-commit hook
// (measured with `npm run bench`), against no measurable loss in lexing a
// few files with the baseline tiers. A long run keeps the optimizer.

import { setFlagsFromString } from 'node:v8';

/** Up to this many Rust files, a run is short (a typical commit). */
export const SHORT_RUN_FILES = 32;

let skipped = false;

/** Turns V8's optimizing compiler (TurboFan) off for the rest of a short run. */
export function skipOptimizingCompiler(): void {
  if (skipped) return;
  setFlagsFromString('--no-turbofan');
  skipped = true;
}

/**
 * Back to V8's defaults before exit: the launcher's code cache is written
 * then, and V8 rejects cached data made under other flags.
 */
export function restoreCompilerFlags(): void {
  if (!skipped) return;
  setFlagsFromString('--turbofan');
  skipped = false;
}

/**
 * Runs `fn` under V8's default compiler flags: a code cache is checked
 * against the flags in force when it is loaded, and caches are written under
 * the defaults (see restoreCompilerFlags).
 */
export function withDefaultCompilerFlags<T>(fn: () => T): T {
  if (!skipped) return fn();
  setFlagsFromString('--turbofan');
  try {
    return fn();
  } finally {
    setFlagsFromString('--no-turbofan');
  }
}
