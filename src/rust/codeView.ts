// The code view: the file's code tokens as one string that needles are
// searched in, with a map back to source offsets.
//
// Between two tokens goes nothing when they touch in the source and one space
// when trivia separated them, except around `::`, where trivia vanishes
// (`std :: fs`, `std::/* x */fs`, a path split over lines all read `std::fs`).
// Literals are a fixed placeholder, so nothing matches inside them.

import type { Token } from './lexer.js';

export interface CodeView {
  text: string;
  /** Source offset of the view's UTF-16 unit `index`. */
  offsetAt(index: number): number;
}

/**
 * Stands where omitted tokens were. Normalised needles never contain a line
 * break, so no match can bridge an omitted region.
 */
export const VIEW_BARRIER = '\n';

/**
 * Build the view of `tokens`, leaving out every token whose `omit` entry is
 * non-zero (test code, expanded `use` items).
 */
export function buildCodeView(tokens: readonly Token[], omit?: Uint8Array): CodeView {
  // Only per-token starts are recorded: hits are rare, so mapping a view
  // index back is a binary search instead of a per-character table.
  const shown = new Int32Array(tokens.length); // token index of each shown token
  const viewStart = new Int32Array(tokens.length); // its first unit in the view
  let count = 0;
  let text = '';
  let prev: Token | undefined;
  let skipped = false;

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (omit !== undefined && omit[k] !== 0) {
      skipped = prev !== undefined;
      continue;
    }
    if (prev !== undefined) {
      if (skipped) text += VIEW_BARRIER;
      else if (t.start !== prev.end && !isPath(t) && !isPath(prev)) text += ' ';
    }
    skipped = false;
    shown[count] = k;
    viewStart[count] = text.length;
    count++;
    text += t.text;
    prev = t;
  }

  const offsetAt = (index: number): number => {
    // Last shown token starting at or before `index`.
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (viewStart[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const t = tokens[shown[lo]!];
    if (t === undefined) return 0;
    const within = index - viewStart[lo]!;
    if (within >= t.text.length) return t.end; // the separator after it
    if (t.kind === 'literal') return within === 0 ? t.start : t.end - 1;
    return (t.kind === 'rawIdent' ? t.start + 2 : t.start) + within;
  };
  return { text, offsetAt };
}

function isPath(t: Token): boolean {
  return t.kind === 'punct' && t.text === '::';
}
