// Glob matching: the automaton agrees with the regular-expression
// translation it replaced (kept here as the reference), refuses what cannot
// compile with a precise message, and costs a number of steps linear in the
// path for any pattern (counted, never timed: bench/glob.ts times it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlob, GlobMatcher, GlobSyntaxError } from '../src/glob.js';

/** The former implementation: a glob translated to a regular expression (backtracking). */
function referenceRegex(source: string): RegExp {
  const special = /[.+^$()|\\/[\]{}*?]/;
  const esc = (ch: string) => (special.test(ch) ? `\\${ch}` : ch);
  const translate = (start: number, end: number, inBraces: boolean): { out: string; end: number } => {
    let out = '';
    let i = start;
    while (i < end) {
      const ch = source[i]!;
      if (inBraces && (ch === ',' || ch === '}')) return { out, end: i };
      if (ch === '\\') {
        if (i + 1 >= end) throw new Error('lone backslash');
        out += esc(source[i + 1]!);
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
        if (close < 0 || close >= end) throw new Error('unclosed [');
        let body = source.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^' : ''}${body.replace(/[\\\]^[]/g, (c) => `\\${c}`)}]`;
        i = close + 1;
      } else if (ch === '{') {
        const alternatives: string[] = [];
        let j = i + 1;
        for (;;) {
          const part = translate(j, end, true);
          alternatives.push(part.out);
          if (part.end >= end) throw new Error('unclosed {');
          j = part.end + 1;
          if (source[part.end] === '}') break;
        }
        out += `(?:${alternatives.join('|')})`;
        i = j;
      } else {
        out += esc(ch);
        i += 1;
      }
    }
    return { out, end: i };
  };
  return new RegExp(`^${translate(0, source.length, false).out}$`, 'u');
}

const PATTERN_UNITS = ['a', 'b', '/', '*', '**', '**/', '?', '[ab]', '[!a]', '[a-c]', '{a,b}', '{a/,**/}', '\\*', '.', 'rs', 'é', '😀', '-'];
const PATH_UNITS = ['a', 'b', 'c', '/', '.', 'rs', '*', '-', 'é', '😀', ' ', '\t'];

test('the automaton agrees with the regular-expression translation on generated patterns and paths', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PATTERN_UNITS), { maxLength: 8 }), fc.array(fc.constantFrom(...PATH_UNITS), { maxLength: 14 }), (p, q) => {
      const pattern = p.join('');
      const path = q.join('');
      assert.equal(compileGlob(pattern).test(path), referenceRegex(pattern).test(path), `${JSON.stringify(pattern)} on ${JSON.stringify(path)}`);
    }),
    { numRuns: 3000 },
  );
});

test('the scope patterns people write match as before', () => {
  const cases: Array<[string, string, boolean]> = [
    ['crates/*/src/**/*.rs', 'crates/a/src/lib.rs', true],
    ['crates/*/src/**/*.rs', 'crates/a/src/x/y/z.rs', true],
    ['crates/*/src/**/*.rs', 'crates/a/b/src/lib.rs', false],
    ['**/build.rs', 'build.rs', true],
    ['**/build.rs', 'x/build.rs', true],
    ['**/build.rs', 'xbuild.rs', false],
    ['**tests**', 'crates/a/tests/t.rs', true],
    ['src/{a,b}.rs', 'src/b.rs', true],
    ['src/[!a]*.rs', 'src/b.rs', true],
    ['src/[!a]*.rs', 'src/a.rs', false],
    ['\\*.rs', '*.rs', true],
    ['\\*.rs', 'a.rs', false],
  ];
  for (const [pattern, path, expected] of cases) assert.equal(compileGlob(pattern).test(path), expected, `${pattern} on ${path}`);
});

test('`**` also spans a line break in a file name (the regular expression did not: such a file left the scope)', () => {
  assert.equal(compileGlob('crates/**/*.rs').test('crates/a\nb/x.rs'), true);
  assert.equal(referenceRegex('crates/**/*.rs').test('crates/a\nb/x.rs'), false);
});

test('patterns that cannot compile say why', () => {
  for (const [pattern, message] of [
    ['[z-a]', /range z-a is out of order/],
    ['src/[ab', /unclosed `\[`/],
    ['{a,b', /unclosed `\{`/],
    ['a\\', /lone `\\`/],
  ] as const) {
    assert.throws(() => compileGlob(pattern), (err: unknown) => err instanceof GlobSyntaxError && message.test(err.message), pattern);
  }
});

/** Steps to match a path of `n` segments against the adversarial pattern, on a fresh matcher (no cached sets). */
function stepsFor(pattern: string, path: string): number {
  const m = new GlobMatcher(pattern);
  m.test(path);
  return m.steps;
}

test('matching takes a number of steps linear in the path, for adversarial patterns', () => {
  const adversarial = ['**a**a**a**a**a**a**a**a**b/*.rs', '*a*a*a*a*a*a*a*b', '{**a,**a**}{**a,a**}**b', '**/**/**/**/**/x'];
  for (const pattern of adversarial) {
    // Varied paths, so the cache of state sets keeps meeting new characters.
    const path = (n: number) => Array.from({ length: n }, (_, k) => `a${'a'.repeat(k % 23)}${String.fromCharCode(97 + (k % 26))}`).join('/');
    const small = stepsFor(pattern, path(40));
    const large = stepsFor(pattern, path(160));
    const ratio = large / small;
    // Four times the path: close to four times the steps (never the blow-up of backtracking).
    assert.ok(ratio < 5, `${pattern}: ${small} steps for 40 segments, ${large} for 160 (ratio ${ratio.toFixed(2)})`);
    // And bounded by path length × automaton size.
    assert.ok(large < path(160).length * pattern.length * 8, `${pattern}: ${large} steps`);
  }
});

test('a 4 KB path, 150 directories deep, against the adversarial pattern: a verdict after bounded steps', () => {
  const path = `${Array.from({ length: 150 }, (_, k) => `a${'a'.repeat(k % 40)}`).join('/')}/x.rs`.slice(-4096);
  const m = new GlobMatcher('**a**a**a**a**a**a**a**a**b/*.rs');
  assert.equal(m.test(path), false);
  assert.ok(m.steps < path.length * 200, `${m.steps} steps for ${path.length} characters`);
});
