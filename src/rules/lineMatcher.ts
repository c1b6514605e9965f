// The seed-compatible matcher: the same verdicts as the original cargo test,
// line for line, so a team can prove that switching tools changed nothing.
// Its blind spots are deliberate here: a naive `//` cut (even inside strings),
// a brace-counting tracker that only skips `#[cfg(test)] mod` bodies and the
// one line after any other `#[cfg(test)]`, and plain substring needles.

import type { NeedleHit } from '../rust/index.js';
import { escapeRegExp } from '../rust/needles.js';

/**
 * Rust's `char::is_whitespace` (Unicode White_Space), which `str::trim` uses:
 * a wider set than the lexer's Pattern_White_Space (rust/chars.ts).
 */
function isCharWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function rustTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isCharWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isCharWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Rust's `str::lines`: split on `\n`, drop one `\r` before it, no empty line after a final `\n`. */
export function rustLines(text: string): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ text: text.slice(start), offset: start });
      break;
    }
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ text: text.slice(start, end), offset: start });
    start = nl + 1;
  }
  return lines;
}

const cutLineComment = (line: string): string => {
  const at = line.indexOf('//');
  return at < 0 ? line : line.slice(0, at);
};

const count = (s: string, ch: string): number => {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
};

const TEST_MOD_PREFIXES = ['mod ', 'pub mod ', 'pub(crate) mod ', 'pub(super) mod '];

/** For each line, whether the seed's tracker considers it test code. */
export function seedTestLines(lines: readonly string[]): boolean[] {
  let pending = false;
  let depth = 0;
  return lines.map((raw) => {
    const line = cutLineComment(raw);
    const trimmed = rustTrim(line);
    if (depth > 0) {
      depth = Math.max(0, depth + count(line, '{') - count(line, '}'));
      return true;
    }
    if (trimmed.startsWith('#[cfg(test)]')) {
      pending = true;
      return false;
    }
    if (!pending) return false;
    if (trimmed === '' || trimmed.startsWith('#[') || trimmed.startsWith('//')) return false;
    pending = false;
    if (TEST_MOD_PREFIXES.some((p) => trimmed.startsWith(p))) {
      depth = Math.max(0, count(line, '{') - count(line, '}'));
    }
    return true;
  });
}

const anyNeedleCache = new WeakMap<readonly string[], RegExp>();

/** One pass for "does the text hold any needle" (one regex beats an indexOf per needle ~2×). */
function anyNeedle(needles: readonly string[]): RegExp {
  let re = anyNeedleCache.get(needles);
  if (re === undefined) {
    // An empty needle is in every text, as `includes('')` is.
    re = needles.length === 0 ? /(?!)/ : new RegExp(needles.map(escapeRegExp).join('|'));
    anyNeedleCache.set(needles, re);
  }
  return re;
}

/** Every needle occurrence the seed would see, one hit per (line, needle) at its first occurrence. */
export function matchLikeSeed(text: string, needles: readonly string[]): NeedleHit[] {
  // Exact shortcut: a file holding no needle anywhere has none on any line.
  if (!anyNeedle(needles).test(text)) return [];
  const lines = rustLines(text);
  const inTest = seedTestLines(lines.map((l) => l.text));
  const hits: NeedleHit[] = [];
  lines.forEach((line, i) => {
    if (inTest[i]) return;
    const code = cutLineComment(line.text);
    for (const needle of needles) {
      const at = code.indexOf(needle);
      if (at < 0) continue;
      // A BOM is part of the first line for the seed but not a column for an editor.
      const bom = i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
      hits.push({ needle, offset: line.offset + at, line: i + 1, column: at + 1 - bom, length: needle.length });
    }
  });
  return hits;
}
