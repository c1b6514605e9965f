// Needles as the matcher searches them: normalised like the code view
// (whitespace around `::` dropped, runs of whitespace one space).

import { isRustWhitespace } from './chars.js';

export interface CompiledNeedle {
  /** The needle as configured (what hits report). */
  needle: string;
  /** Its place in the configured list: hits at one offset are reported in this order. */
  rank: number;
  /** The needle as it can appear in the code view; '' never matches. */
  pattern: string;
}

export interface NeedleSet {
  needles: CompiledNeedle[];
}

/** Whitespace runs become one space and whitespace around `::` disappears, as in the code view. */
export function normalizeNeedle(needle: string): string {
  let out = '';
  let pendingSpace = false;
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k);
    if (isRustWhitespace(c)) {
      pendingSpace = true;
      continue;
    }
    const startsPath = c === 0x3a && needle.charCodeAt(k + 1) === 0x3a;
    if (pendingSpace && !startsPath && !out.endsWith('::')) out += ' ';
    pendingSpace = false;
    if (startsPath) {
      out += '::';
      k++;
    } else {
      out += needle[k];
    }
  }
  if (pendingSpace && out.length > 0 && !out.endsWith('::')) out += ' ';
  return out;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new WeakMap<readonly string[], NeedleSet>();

/** Compile a needle list; the result is cached per list object. */
export function compileNeedles(list: readonly string[]): NeedleSet {
  const hit = cache.get(list);
  if (hit !== undefined) return hit;
  const set = { needles: list.map((needle, rank): CompiledNeedle => ({ needle, rank, pattern: normalizeNeedle(needle) })) };
  cache.set(list, set);
  return set;
}
