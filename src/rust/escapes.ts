// Rust's escapes in string and char literals, decoded one at a time. The
// guards importer (which reports a bad escape where it stands) and `#[path]`
// values (which take what they can) share them.

export interface Unescaped {
  /** What the escape stands for: '' for a line continuation or a malformed `\u{…}`. */
  value: string;
  /** Offset just past it. */
  next: number;
  /** Why it is malformed, when it is. */
  problem?: string;
}

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

/** The escape whose backslash is at `at` in `text`. */
export function unescapeAt(text: string, at: number): Unescaped {
  const e = text[at + 1];
  const k = at + 2;
  if (e === undefined) return { value: '', next: at + 1, problem: 'unknown escape `\\`' };
  const simple = SIMPLE[e];
  if (simple !== undefined) return { value: simple, next: k };
  switch (e) {
    case 'x':
      return { value: String.fromCharCode(parseInt(text.slice(k, k + 2), 16) || 0), next: k + 2 };
    case 'u': {
      const close = text.indexOf('}', k);
      const braced = text[k] === '{' && close > k;
      const cp = braced ? parseInt(text.slice(k + 1, close).replace(/_/g, ''), 16) : NaN;
      if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) return { value: String.fromCodePoint(cp), next: close + 1 };
      return { value: '', next: braced ? close + 1 : k, problem: 'malformed `\\u{…}` escape' };
    }
    case '\n':
    case '\r': {
      // Line continuation: the newline and the next line's leading whitespace vanish (ASCII whitespace, as rustc has it).
      let j = at + 1;
      while (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r') j++;
      return { value: '', next: j };
    }
    default:
      return { value: e, next: k, problem: `unknown escape \`\\${e}\`` };
  }
}
