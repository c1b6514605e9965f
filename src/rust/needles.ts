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
  /**
   * Calls `visit` for every occurrence of every pattern in `text`,
   * overlapping ones included, by position, then by rank.
   */
  forEachMatch(text: string, visit: (nd: CompiledNeedle, at: number) => void): void;
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
  const needles = list.map((needle, rank): CompiledNeedle => ({ needle, rank, pattern: normalizeNeedle(needle) }));
  const searched = needles.filter((nd) => nd.pattern !== '');
  const byFirstChar = new Map<number, CompiledNeedle[]>();
  for (const nd of searched) {
    const c = nd.pattern.charCodeAt(0);
    byFirstChar.set(c, [...(byFirstChar.get(c) ?? []), nd]);
  }
  // One pass over the text for all patterns: the alternation stops at each
  // place where one starts, and every pattern with that first character is
  // tried there (several may start at one place).
  const scanner = searched.length > 0 ? new RegExp([...new Set(searched.map((nd) => escapeRegExp(nd.pattern)))].join('|'), 'g') : undefined;
  const set: NeedleSet = {
    needles,
    forEachMatch(text, visit) {
      if (scanner === undefined) return;
      scanner.lastIndex = 0;
      for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
        const at = m.index;
        for (const nd of byFirstChar.get(text.charCodeAt(at))!) if (text.startsWith(nd.pattern, at)) visit(nd, at);
        scanner.lastIndex = at + 1;
      }
    },
  };
  cache.set(list, set);
  return set;
}
