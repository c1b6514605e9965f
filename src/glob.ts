// Globs over repo-relative paths. Kept small and explicit because `explain` must
// say which pattern decided, and the importer maps the seed's `ends_with`,
// `contains` and `starts_with` onto `**X`, `**X**` and `X**` exactly:
//   *    any run of characters except `/`
//   **   any run of characters, `/` included
//   **/  zero or more whole directories
//   ?    one character except `/`
//   {a,b}  alternatives; [abc] [!a-z] classes; \x  a literal x

export interface Glob {
  readonly source: string;
  test(path: string): boolean;
}

export class GlobSyntaxError extends Error {
  constructor(readonly pattern: string, readonly index: number, message: string) {
    super(message);
  }
}

const REGEX_SPECIAL = /[.+^$()|\\/[\]{}*?]/;

export function compileGlob(source: string): Glob {
  const regex = new RegExp(`^${translate(source, 0, source.length, false).out}$`, 'u');
  return { source, test: (path) => regex.test(path) };
}

interface Translated {
  out: string;
  end: number;
}

function escapeChar(ch: string): string {
  return REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch;
}

/** Translates `source[start, end)`; inside braces, stops at a top-level `,` or `}`. */
function translate(source: string, start: number, end: number, inBraces: boolean): Translated {
  let out = '';
  let i = start;
  while (i < end) {
    const ch = source[i]!;
    if (inBraces && (ch === ',' || ch === '}')) return { out, end: i };
    if (ch === '\\') {
      if (i + 1 >= end) throw new GlobSyntaxError(source, i, 'a pattern cannot end with a lone `\\`');
      out += escapeChar(source[i + 1]!);
      i += 2;
    } else if (ch === '*') {
      if (source[i + 1] === '*') {
        const atSegmentStart = i === 0 || source[i - 1] === '/';
        if (atSegmentStart && source[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 3;
        } else {
          out += '.*';
          i += 2;
        }
      } else {
        out += '[^/]*';
        i += 1;
      }
    } else if (ch === '?') {
      out += '[^/]';
      i += 1;
    } else if (ch === '[') {
      const close = source.indexOf(']', i + 2);
      if (close < 0 || close >= end) throw new GlobSyntaxError(source, i, 'unclosed `[` in pattern');
      let body = source.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^[]/g, (c) => `\\${c}`)}]`;
      i = close + 1;
    } else if (ch === '{') {
      const alternatives: string[] = [];
      let j = i + 1;
      for (;;) {
        const part = translate(source, j, end, true);
        alternatives.push(part.out);
        if (part.end >= end) throw new GlobSyntaxError(source, i, 'unclosed `{` in pattern');
        j = part.end + 1;
        if (source[part.end] === '}') break;
      }
      out += `(?:${alternatives.join('|')})`;
      i = j;
    } else {
      out += escapeChar(ch);
      i += 1;
    }
  }
  return { out, end: i };
}

/** Escapes glob metacharacters (and a leading `!`, which scope patterns read as a negation) so `text` matches itself literally. */
export function escapeGlob(text: string): string {
  const out = text.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
  return out.startsWith('!') ? `\\${out}` : out;
}
