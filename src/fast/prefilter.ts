// Which needles can match in a text, from the identifiers it spells.
//
// Why this is sound: every match, in the code view or in a path resolved
// through the file's `use` declarations, is made of tokens of the file, and
// each identifier of a needle is such a token's text, written in the file
// itself (at the use site or in the `use`/`extern crate` that named it; a raw
// identifier `r#fs` still spells `fs`). An identifier inside the needle is a
// whole token; only the needle's first identifier may be the tail of a
// longer one and its last the head of one (`d::fs` matches in `std::fs`,
// `Command` in `CommandExt`), so those are searched without that bound.
// `crate`, `self`, `super` and `Self` are not required: resolution may
// supply them from the file's place instead of its text. A needle whose
// identifiers do not all occur cannot match, and needs no lexing.

import { identCharBefore, isIdentContinue } from '../rust/chars.js';
import { normalizeNeedle } from '../rust/needles.js';

interface Word {
  text: string;
  /** The character before must not continue an identifier. */
  leftBound: boolean;
  /** The character after must not continue an identifier. */
  rightBound: boolean;
}

const IMPLIED = new Set(['crate', 'self', 'super', 'Self']);

/** The identifier runs of a needle that any match spells in the file. */
export function requiredWords(needle: string): Word[] {
  const pattern = normalizeNeedle(needle);
  const words: Word[] = [];
  for (let k = 0; k < pattern.length; ) {
    if (!isIdentContinue(pattern.charCodeAt(k))) {
      k++;
      continue;
    }
    const start = k;
    while (isIdentContinue(pattern.charCodeAt(k))) k++;
    const text = pattern.slice(start, k);
    if (!IMPLIED.has(text)) words.push({ text, leftBound: start > 0, rightBound: k < pattern.length });
  }
  return words;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Prefilter {
  /** The needles (in their order) whose every required word occurs in `text`. */
  liveNeedles(text: string): string[];
}

const cache = new WeakMap<readonly string[], Prefilter>();

export function prefilterFor(needles: readonly string[]): Prefilter {
  let filter = cache.get(needles);
  if (filter === undefined) {
    filter = buildPrefilter(needles);
    cache.set(needles, filter);
  }
  return filter;
}

function buildPrefilter(needles: readonly string[]): Prefilter {
  const words: Word[] = [];
  const ids = new Map<string, number>();
  const wanted = needles.map((needle) =>
    requiredWords(needle).map((w) => {
      const key = `${w.leftBound ? 'L' : '-'}${w.rightBound ? 'R' : '-'}${w.text}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = words.length;
        ids.set(key, id);
        words.push(w);
      }
      return id;
    }),
  );
  const byFirstChar = new Map<number, number[]>();
  words.forEach((w, id) => {
    const c = w.text.charCodeAt(0);
    byFirstChar.set(c, [...(byFirstChar.get(c) ?? []), id]);
  });
  const texts = [...new Set(words.map((w) => w.text))];
  // One pass finds every word: at each place the alternation stops, all
  // words starting with that character are tried (two may start there).
  const scanner = texts.length > 0 ? new RegExp(texts.map(escapeRegExp).join('|'), 'g') : undefined;
  return {
    liveNeedles(text) {
      const found = new Uint8Array(words.length);
      let missing = words.length;
      if (scanner !== undefined) {
        scanner.lastIndex = 0;
        for (let m = scanner.exec(text); m !== null && missing > 0; m = scanner.exec(text)) {
          const at = m.index;
          for (const id of byFirstChar.get(text.charCodeAt(at)) ?? []) {
            const w = words[id]!;
            if (found[id] === 0 && text.startsWith(w.text, at) && !(w.leftBound && identCharBefore(text, at)) && !(w.rightBound && isIdentContinue(text.charCodeAt(at + w.text.length)))) {
              found[id] = 1;
              missing--;
            }
          }
          scanner.lastIndex = at + 1;
        }
      }
      return needles.filter((_, k) => wanted[k]!.every((id) => found[id] === 1));
    },
  };
}
