// File contents and file names reach every report, and a hostile one could
// drive the reader's terminal (`\x1b[2K` erases a finding) or reorder what it
// shows (bidirectional overrides, "Trojan Source"). Reports never emit those
// characters raw: text meant for people shows them visibly escaped, and JSON
// keeps exact values but writes the characters as `\uXXXX` escapes.

/**
 * C0 and C1 controls, DEL, the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), the directional marks and the
 * Unicode line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Like UNSAFE, minus the C0 controls that JSON.stringify already escapes. */
const UNSAFE_AFTER_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  return SHORT[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
}

/** `text` with every unsafe character shown as an escape (`\x1b`, `\u{202e}`, `\n`). */
export function escapeVisibly(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** As escapeVisibly, but CR and LF stay (for formats that escape them their own way, like GitHub's `%0A`). */
export function escapeVisiblyButLineBreaks(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\n' || ch === '\r' ? ch : visible(ch)));
}

/** Whether `text` holds a character that escapeVisibly would change. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** JSON text of `value` (as JSON.stringify) in which no unsafe character appears raw; it parses to the same value. */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_AFTER_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
