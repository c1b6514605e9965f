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

const BARRIER_CODE = VIEW_BARRIER.charCodeAt(0);
const SPACE_CODE = 0x20;
// Same length out as in: an unpaired surrogate becomes one U+FFFD, which no
// needle can mean to match.
const utf16 = new TextDecoder('utf-16le');

const VERBATIM = 0; // view units copy source units one to one
const LITERAL_RUN = 1; // the placeholder: first unit at the literal's start, the rest at its end
const GAP = 2; // a separator standing for trivia or omitted tokens

// Where views are written, reused from file to file and grown as needed:
// fresh typed arrays the size of each file cost more than the writing (new
// pages to fault in, external memory for the collector). No view keeps
// them: its text is decoded out, its runs copied out at their real length.
let unitScratch = new Uint16Array(0);
let runScratch = new Int32Array(0);

/**
 * Build the view of a token stream, leaving out every token whose
 * `omit` entry is non-zero (test code, expanded `use` items). With a token
 * range [from, to), the view of just those tokens: a substring of the full
 * view, so any match in it is a match in the file.
 *
 * The view is written as UTF-16 code units into one array and decoded once
 * (never longer than the source plus the placeholder of one unterminated
 * literal); touching tokens share one run, and the way back is a binary
 * search over the runs.
 */
export function buildCodeView(ts: TokenStream, omit?: ArrayLike<number>, from = 0, to = ts.count): CodeView {
  const { src, kind, start, end } = ts;
  const units = src.length + LITERAL_PLACEHOLDER.length;
  if (unitScratch.length < units) unitScratch = new Uint16Array(Math.max(units, unitScratch.length * 2));
  const out = unitScratch;
  let length = 0;
  const copy = (a: number, b: number): void => {
    for (let i = a; i < b; i++) out[length++] = src.charCodeAt(i);
  };
  // Run table, four numbers per run: view start, source start, source end, kind.
  const runSlots = Math.max(1, 2 * (to - from) + 1) * 4;
  if (runScratch.length < runSlots) runScratch = new Int32Array(Math.max(runSlots, runScratch.length * 2));
  const written = runScratch;
  let count = 0;
  const run = (at: number, a: number, b: number, what: number): void => {
    written[count * 4] = at;
    written[count * 4 + 1] = a;
    written[count * 4 + 2] = b;
    written[count * 4 + 3] = what;
    count++;
  };

  let prev = -1;
  let prevEnd = -1; // source end of the verbatim run being extended, or -1
  let skipped = false;
  for (let k = from; k < to; k++) {
    if (omit !== undefined && omit[k] !== 0) {
      skipped = prev >= 0;
      continue;
    }
    const isLiteral = kind[k] === LITERAL;
    const first = viewStart(ts, k);
    if (prevEnd >= 0 && first === prevEnd && !isLiteral && !skipped) {
      copy(first, end[k]!); // touches the previous token: extend the run
      prevEnd = end[k]!;
      prev = k;
      continue;
    }
    if (prev >= 0 && (skipped || (start[k] !== end[prev] && kind[k] !== PATH_SEP && kind[prev] !== PATH_SEP))) {
      run(length, end[prev]!, end[prev]!, GAP);
      out[length++] = skipped ? BARRIER_CODE : SPACE_CODE;
    }
    skipped = false;
    prev = k;
    if (isLiteral) {
      run(length, start[k]!, end[k]!, LITERAL_RUN);
      for (let i = 0; i < LITERAL_PLACEHOLDER.length; i++) out[length++] = LITERAL_PLACEHOLDER.charCodeAt(i);
      prevEnd = -1;
    } else {
      run(length, first, end[k]!, VERBATIM);
      copy(first, end[k]!);
      prevEnd = end[k]!;
    }
  }
  const text = utf16.decode(out.subarray(0, length));
  const runs = count > 0 ? written.slice(0, count * 4) : new Int32Array(4);

  return new View(text, runs, count);
}

// A class rather than a closure per view: every view's offsetAt is then the
// same function, which callers' optimised code can count on.
class View implements CodeView {
  constructor(
    readonly text: string,
    private readonly runs: Int32Array,
    private readonly count: number,
  ) {}

  offsetAt(index: number): number {
    const runs = this.runs;
    let lo = 0;
    let hi = this.count - 1;
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
  }
}
