// The dependency rule, seed-compatible form: the manifest is read line by line
// exactly as the original Rust guard read it, so a team can show that moving the
// guard to commit time changes no verdict. Its blind spots (table-form entries,
// `package` renames, dotted keys) and its false alarms (strings inside a
// multi-line array) are kept on purpose; the precise rule fixes them.

import type { DependencyException, DependencyRuleConfig } from '../types.js';
import { markerMatches, type ManifestVerdict } from './dependencies.js';
import { CATALOGUE } from '../findings/catalogue.js';

// Rust's `char::is_whitespace` (Unicode White_Space), which `str::trim` strips.
// JavaScript's `trim` differs: it strips U+FEFF and keeps U+0085.
const RUST_WHITESPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_WHITESPACE = new RegExp(`^[${RUST_WHITESPACE}]+`);
const TRAILING_WHITESPACE = new RegExp(`[${RUST_WHITESPACE}]+$`);

/** The seed's key delimiters: only `=`, space and tab, not other whitespace. */
const KEY_END = /[= \t]/;

export function checkManifestLikeSeed(path: string, text: string, rule: DependencyRuleConfig): ManifestVerdict {
  const verdict: ManifestVerdict = { findings: [], usedExceptions: new Set() };
  const markers = rule.banned.map((marker) => ({ marker, lowered: asciiLowercase(marker) }));
  let table: string | undefined;
  rustLines(text).forEach((raw, index) => {
    const indent = raw.length - raw.replace(LEADING_WHITESPACE, '').length;
    const line = raw.slice(indent).replace(TRAILING_WHITESPACE, '');
    if (line.startsWith('[')) {
      // Any header that mentions "dependencies" opens a dependency table.
      table = line.includes('dependencies') ? headerName(line) : undefined;
      return;
    }
    if (table === undefined || line === '' || line.startsWith('#')) return;
    const key = asciiLowercase(trimQuotes(line.split(KEY_END)[0] ?? ''));
    if (key === '') return;
    const matched = markers.filter((m) => markerMatches(key, m.lowered));
    if (matched.length === 0) return;
    const exception = findException(key, rule.allow);
    if (exception) {
      verdict.usedExceptions.add(exception.crate);
      return;
    }
    // The seed reports a key once per marker it contains.
    for (const { marker } of matched) {
      verdict.findings.push({
        kind: 'banned-dependency',
        message: CATALOGUE['banned-dependency'].message({ name: key, marker, table }),
        path,
        line: index + 1,
        column: indent + 1,
        dependency: key,
        table,
      });
    }
  });
  return verdict;
}

/** Rust's `str::lines`: split at `\n`, drop one `\r` before it, no empty last line. */
function rustLines(text: string): string[] {
  if (text === '') return [];
  const pieces = text.split('\n');
  if (text.endsWith('\n')) pieces.pop();
  return pieces.map((piece, i) => (i < pieces.length - 1 || text.endsWith('\n') ? piece.replace(/\r$/, '') : piece));
}

/** Rust's `trim_matches('"')`: every leading and trailing quote. */
function trimQuotes(token: string): string {
  return token.replace(/^"+/, '').replace(/"+$/, '');
}

/** Rust's `to_ascii_lowercase`: other letters keep their case. */
function asciiLowercase(s: string): string {
  return s.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** What a header line names, for messages: `[target.'cfg(unix)'.dependencies] # x` -> `target.'cfg(unix)'.dependencies`. */
function headerName(line: string): string {
  const inner = line.replace(/^\[+/, '');
  const close = inner.indexOf(']');
  return (close === -1 ? inner : inner.slice(0, close)).trim();
}

function findException(key: string, allow: readonly DependencyException[]): DependencyException | undefined {
  return allow.find((e) => asciiLowercase(e.crate) === key);
}
