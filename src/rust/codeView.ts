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

const VERBATIM = 0; // view units copy source units one to one
const LITERAL = 1; // the placeholder: first unit at the literal's start, the rest at its end
const GAP = 2; // a separator standing for trivia or omitted tokens

/**
 * Build the view of `tokens` lexed from `src`, leaving out every token whose
 * `omit` entry is non-zero (test code, expanded `use` items).
 *
 * Touching tokens are copied from the source as one slice, so the view is a
 * few hundred slices rather than one piece per token; hits are rare, so the
 * way back is a binary search over those runs, not a per-unit table.
 */
export function buildCodeView(src: string, tokens: readonly Token[], omit?: Uint8Array): CodeView {
  const runView: number[] = []; // where each run starts in the view
  const runSrc: number[] = []; // where it starts in the source
  const runEnd: number[] = []; // where it ends in the source
  const runKind: number[] = [];
  let text = '';
  let openStart = -1; // the verbatim run being extended, not yet copied
  let openEnd = -1;
  const flush = (): void => {
    if (openStart >= 0) text += src.slice(openStart, openEnd);
    openStart = -1;
  };
  const run = (kind: number, from: number, to: number): void => {
    runView.push(text.length);
    runSrc.push(from);
    runEnd.push(to);
    runKind.push(kind);
  };

  let prev: Token | undefined;
  let skipped = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (omit !== undefined && omit[k] !== 0) {
      skipped = prev !== undefined;
      continue;
    }
    if (prev !== undefined && (skipped || t.start !== prev.end)) {
      flush();
      if (skipped || !(isPath(t) || isPath(prev))) {
        run(GAP, prev.end, prev.end);
        text += skipped ? VIEW_BARRIER : ' ';
      }
    }
    skipped = false;
    prev = t;
    if (t.kind === 'literal') {
      flush();
      run(LITERAL, t.start, t.end);
      text += t.text;
      continue;
    }
    const start = t.kind === 'rawIdent' ? t.start + 2 : t.start;
    if (openStart >= 0 && start === openEnd) {
      openEnd = t.end;
    } else {
      flush();
      run(VERBATIM, start, t.end);
      openStart = start;
      openEnd = t.end;
    }
  }
  flush();

  const offsetAt = (index: number): number => {
    let lo = 0;
    let hi = runView.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runView[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const within = index - (runView[lo] ?? 0);
    const from = runSrc[lo] ?? 0;
    switch (runKind[lo]) {
      case VERBATIM:
        return from + within;
      case LITERAL:
        return within === 0 ? from : runEnd[lo]! - 1;
      default:
        return from;
    }
  };
  return { text, offsetAt };
}

function isPath(t: Token): boolean {
  return t.kind === 'punct' && t.text === '::';
}
