// The code view: the file's code tokens as one string that needles are
// searched in, with a map back to source offsets.
//
// Between two tokens goes nothing when they touch in the source and one space
// when trivia separated them, except around `::`, where trivia vanishes
// (`std :: fs`, `std::/* x */fs`, a path split over lines all read `std::fs`).
// Literals are a fixed placeholder, so nothing matches inside them.

import { LITERAL, LITERAL_PLACEHOLDER, PATH_SEP, viewStart, type TokenStream } from './tokens.js';

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

const VERBATIM = 0; // view units copy source units one to one
const LITERAL_RUN = 1; // the placeholder: first unit at the literal's start, the rest at its end
const GAP = 2; // a separator standing for trivia or omitted tokens

/**
 * Build the view of a token stream, leaving out every token whose
 * `omit` entry is non-zero (test code, expanded `use` items). With a token
 * range [from, to), the view of just those tokens: a substring of the full
 * view, so any match in it is a match in the file.
 *
 * Touching tokens are copied from the source as one slice, so the view is a
 * few hundred slices rather than one piece per token; hits are rare, so the
 * way back is a binary search over those runs, not a per-unit table.
 */
export function buildCodeView(ts: TokenStream, omit?: ArrayLike<number>, from = 0, to = ts.count): CodeView {
  const { src, kind, start, end } = ts;
  // Run table, four numbers per run: view start, source start, source end, kind.
  const runs: number[] = [];
  let count = 0;
  let text = '';
  let openStart = -1; // the verbatim run being extended, copied when it ends
  let openEnd = -1;

  let prev = -1;
  let skipped = false;
  for (let k = from; k < to; k++) {
    if (omit !== undefined && omit[k] !== 0) {
      skipped = prev >= 0;
      continue;
    }
    const isLiteral = kind[k] === LITERAL;
    const first = viewStart(ts, k);
    if (openStart >= 0 && first === openEnd && !isLiteral && !skipped) {
      openEnd = end[k]!; // touches the previous token: extend the run
      prev = k;
      continue;
    }
    if (openStart >= 0) {
      text += src.slice(openStart, openEnd);
      openStart = -1;
    }
    if (prev >= 0 && (skipped || (start[k] !== end[prev] && kind[k] !== PATH_SEP && kind[prev] !== PATH_SEP))) {
      runs.push(text.length, end[prev]!, end[prev]!, GAP);
      count++;
      text += skipped ? VIEW_BARRIER : ' ';
    }
    skipped = false;
    prev = k;
    if (isLiteral) {
      runs.push(text.length, start[k]!, end[k]!, LITERAL_RUN);
      count++;
      text += LITERAL_PLACEHOLDER;
    } else {
      runs.push(text.length, first, end[k]!, VERBATIM);
      count++;
      openStart = first;
      openEnd = end[k]!;
    }
  }
  if (openStart >= 0) text += src.slice(openStart, openEnd);

  const offsetAt = (index: number): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid * 4]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const at = lo * 4;
    const within = index - runs[at]!;
    switch (runs[at + 3]) {
      case VERBATIM:
        return runs[at + 1]! + within;
      case LITERAL_RUN:
        return within === 0 ? runs[at + 1]! : runs[at + 2]! - 1;
      default:
        return runs[at + 1]!;
    }
  };
  return { text, offsetAt };
}

