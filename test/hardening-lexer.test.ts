// Hardening of the precise matcher, property-based: `analyzeRust` never throws
// on any text (adversarial repetitions at scale included), cannot be fooled by
// trivia around `::`, never reports what sits in a literal or a comment, and
// every position it reports points at the needle in the original text. Fixed
// seeds keep CI deterministic. That it stays linear is a timing claim, so the
// benchmark checks it (`npm run bench:linearity`, bench/linearity.ts), never a test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeRust, type RustAnalysis } from '../src/rust/index.js';
import { ADVERSARIAL_UNITS, LINEARITY_TAIL, rustToken } from './rustTokens.js';

const NEEDLE = 'std::fs';
const NEEDLES = [NEEDLE, 'File::open', 'env::var(', 'tokio::fs', 'OpenOptions'];
/** Needles a config would refuse or that sit on token edges: the API must still not throw. */
const ODD_NEEDLES = ['', ' ', '::', '"', "'", '(', 'a b', 'r#fs', '\u{1F600}', 'std :: fs', ...NEEDLES];

/** The expected 1-based line/column of `offset`: lines split at `\n`, UTF-16 columns, a leading BOM not counted. */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  let column = before[line - 1]!.length + 1;
  if (line === 1 && text.charCodeAt(0) === 0xfeff) column = Math.max(1, column - 1);
  return { line, column };
}

/** Structural invariants every result must satisfy, whatever the input. */
function checkShape(text: string, needles: readonly string[], result: RustAnalysis): void {
  assert.equal(typeof result.testOnlyFile, 'boolean');
  assert.ok(Array.isArray(result.moduleDecls));
  let prev = -1;
  const seen = new Set<string>();
  for (const hit of result.hits) {
    assert.ok(needles.includes(hit.needle), `unknown needle ${hit.needle}`);
    assert.ok(Number.isInteger(hit.offset) && hit.offset >= 0 && hit.offset < text.length, `offset ${hit.offset} in range`);
    assert.ok(hit.length >= 1 && hit.offset + hit.length <= text.length, `length ${hit.length} in range`);
    assert.ok(hit.offset >= prev, 'hits are sorted by offset');
    prev = hit.offset;
    const key = `${hit.needle}\0${hit.offset}`;
    assert.ok(!seen.has(key), 'no duplicate (needle, offset)');
    seen.add(key);
    assert.deepEqual({ line: hit.line, column: hit.column }, expectedPosition(text, hit.offset), 'line/column agree with the offset');
  }
  for (const decl of result.moduleDecls) {
    assert.ok(decl.line >= 1 && decl.column >= 1);
  }
}

function analyzeChecked(text: string, needles: readonly string[] = NEEDLES): RustAnalysis {
  const result = analyzeRust(text, needles);
  checkShape(text, needles, result);
  return result;
}

/**
 * Random text rarely holds a needle, and a file without one skips lexing
 * altogether: these variants force the whole lexer, use-tree and test-region
 * machinery over the random text.
 */
function analyzeVariants(text: string, needles: readonly string[] = NEEDLES): void {
  analyzeChecked(text, needles);
  analyzeChecked(`std::fs ${text}`, needles);
  analyzeChecked(`use std::{fs, io};\n${text}\nstd::fs::read(); mod q;\n`, needles);
  const middle = text.length >> 1;
  analyzeChecked(`${text.slice(0, middle)} std::fs #[cfg(test)] mod t { ${text.slice(middle)}`, needles);
}

// ---------------------------------------------------------------------------
// Random Rust-ish token mixes
// ---------------------------------------------------------------------------

const tokenMix = fc.array(rustToken, { maxLength: 80 }).map((parts) => parts.join(''));

// ---------------------------------------------------------------------------
// Never throws
// ---------------------------------------------------------------------------

test('never throws on random binary strings', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      analyzeVariants(text);
    }),
    { numRuns: 400, seed: 7001 },
  );
});

test('never throws on random full-unicode strings (lone surrogates included)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary-ascii', maxLength: 400 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 })), (text) => {
      analyzeVariants(text);
    }),
    { numRuns: 400, seed: 7002 },
  );
});

test('never throws on random bytes decoded as UTF-8 with replacement', () => {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      analyzeVariants(decoder.decode(bytes));
    }),
    { numRuns: 400, seed: 7003 },
  );
});

test('never throws on random mixes of Rust tokens, with odd needles too', () => {
  fc.assert(
    fc.property(tokenMix, fc.boolean(), (text, odd) => {
      analyzeVariants(text, odd ? ODD_NEEDLES : NEEDLES);
    }),
    { numRuns: 500, seed: 7004 },
  );
});

test('never throws on random mixes with a leading BOM and CRLF line endings', () => {
  fc.assert(
    fc.property(tokenMix, (text) => {
      analyzeVariants(`\uFEFF${text.replace(/\r?\n/g, '\r\n')}`);
    }),
    { numRuns: 300, seed: 7005 },
  );
});

// ---------------------------------------------------------------------------
// Adversarial repetitions at scale (deep nesting, unterminated literals)
// ---------------------------------------------------------------------------

test('adversarial repetitions of ~240,000 characters: analysed without throwing, results well-formed', () => {
  for (const unit of ADVERSARIAL_UNITS) {
    const text = unit.repeat(Math.ceil(240_000 / unit.length)) + LINEARITY_TAIL;
    analyzeChecked(text); // throws, or fails a shape assertion, on a bad result
  }
});

// ---------------------------------------------------------------------------
// Well-formed code with tracked needle positions
// ---------------------------------------------------------------------------

/** Balanced, complete pieces of code inside a fn body that contain no production needle. */
const CLEAN = [
  'let a = "x // y /* z";',
  'let b = r#"a "quoted" std::fs b"#;',
  "let c = '\"';",
  "let d = '\\'';",
  'let e = b"bytes\\"";',
  'let é = 1;',
  'let s = "😀 std::fs";',
  'fn g<\'a>(x: &\'a str) -> &\'a str { x }',
  "'outer: loop { break 'outer; }",
  '// line comment with "quote and std::fs\n',
  '/* block /* nested */ \'x std::fs */',
  '/// doc std::fs\n',
  '#[derive(Debug)] struct S { x: u8 }',
  'mod inner { pub fn h() {} }',
  'let v = vec![1, 2, 3];',
  'foo::bar(1, \'c\', b\'x\');',
  '#[cfg(test)] mod tests { use std::fs; fn t() { std::fs::read("x"); } }',
  '#[test] fn t() { let _ = std::fs::read("x"); }',
  '#[cfg(all(test, unix))] fn u() { std::fs::File::open("x"); }',
  '#[tokio::test] async fn w() { std::fs::remove_file("x"); }',
  '#[cfg(test)] use std::fs;',
  '\t',
  ' ',
  '\n',
  '\r\n',
];
const cleanPiece = fc.constantFrom(...CLEAN);

/** Trivia a programmer may put around `::`: whitespace, newlines, comments. */
const trivia = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r\n', '/* c */', '/* a /* nested */ b */', '// line\n', '/** doc */ '), { maxLength: 3 })
  .map((parts) => parts.join(''));

interface Built {
  text: string;
  /** Offsets of the first character of each production `std::fs` written. */
  offsets: number[];
}

type Piece = { kind: 'clean'; text: string } | { kind: 'path'; before: string; head: string; after: string };

/** Assembles a file `fn main() { … }` from pieces, recording where each banned path starts. */
function assemble(pieces: readonly Piece[], bom: boolean): Built {
  let text = `${bom ? '\uFEFF' : ''}fn main() {\n`;
  const offsets: number[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'clean') {
      text += piece.text;
    } else {
      text += piece.before;
      offsets.push(text.length);
      text += piece.head + piece.after;
    }
    text += ' ';
  }
  return { text: `${text}\n}\n`, offsets };
}

/** A production use of `std::fs`, written plainly. */
const plainPath: fc.Arbitrary<Piece> = fc.constantFrom(
  { kind: 'path', before: 'let _ = ', head: 'std::fs', after: '::read("x");' },
  { kind: 'path', before: '', head: 'std::fs', after: '::write("x", b"y").unwrap();' },
  { kind: 'path', before: 'use ', head: 'std::fs', after: '::read;' },
  { kind: 'path', before: 'let f = |p| ', head: 'std::fs', after: '::metadata(p);' },
  { kind: 'path', before: 'if ok { ', head: 'std::fs', after: '::remove_file("x"); }' },
);

/** A production use of `std::fs` with trivia around `::`, a leading `::`, raw identifiers. */
const spelledPath: fc.Arbitrary<Piece> = fc
  .record({ lead: fc.boolean(), a: trivia, b: trivia, rawFs: fc.boolean(), inUse: fc.boolean() })
  .map(({ lead, a, b, rawFs, inUse }) => ({
    kind: 'path' as const,
    before: `${inUse ? 'use ' : 'let _ = '}${lead ? '::' : ''}`,
    head: `std${a}::${b}${rawFs ? 'r#fs' : 'fs'}`,
    after: inUse ? '::read;' : '::read("x");',
  }));

const fileOf = (path: fc.Arbitrary<Piece>) =>
  fc.record({
    pieces: fc.array(fc.oneof({ arbitrary: cleanPiece.map((text): Piece => ({ kind: 'clean', text })), weight: 3 }, { arbitrary: path, weight: 1 }), { maxLength: 25 }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
  }).map(({ pieces, bom, crlf }) => {
    const built = assemble(pieces, bom);
    if (!crlf) return built;
    // Converting LF to CRLF shifts offsets: rebuild from CRLF pieces instead.
    const toCrlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
    return assemble(
      pieces.map((p) => (p.kind === 'clean' ? { ...p, text: toCrlf(p.text) } : { ...p, before: toCrlf(p.before), head: toCrlf(p.head), after: toCrlf(p.after) })),
      bom,
    );
  });

test('every reported line/column points at the first character of a plainly written path', () => {
  fc.assert(
    fc.property(fileOf(plainPath), ({ text, offsets }) => {
      const hits = analyzeChecked(text).hits.filter((h) => h.needle === NEEDLE);
      assert.deepEqual(hits.map((h) => h.offset), offsets, 'one hit per production path, test code and literals skipped');
      for (const hit of hits) {
        assert.equal(text.slice(hit.offset, hit.offset + NEEDLE.length), NEEDLE);
        assert.deepEqual({ line: hit.line, column: hit.column }, expectedPosition(text, hit.offset));
      }
    }),
    { numRuns: 400, seed: 7020 },
  );
});

test('trivia around `::`, a leading `::` and `r#fs` do not change whether the needle is found', () => {
  fc.assert(
    fc.property(fileOf(spelledPath), ({ text, offsets }) => {
      const hits = analyzeChecked(text).hits.filter((h) => h.needle === NEEDLE);
      assert.deepEqual(hits.map((h) => h.offset), offsets, `found at each \`std\`:\n${text}`);
    }),
    { numRuns: 400, seed: 7021 },
  );
});

test('the same path with and without trivia: found in both or in neither', () => {
  fc.assert(
    fc.property(fc.array(cleanPiece, { maxLength: 8 }), trivia, trivia, fc.boolean(), (context, a, b, testOnly) => {
      const wrap = (path: string) => `${context.join(' ')}\n${testOnly ? '#[cfg(test)] ' : ''}fn f() { ${path}::read("x"); }\n`;
      const plain = analyzeChecked(wrap('std::fs')).hits.filter((h) => h.needle === NEEDLE).length;
      const spelled = analyzeChecked(wrap(`std${a}::${b}fs`)).hits.filter((h) => h.needle === NEEDLE).length;
      assert.equal(spelled, plain);
      assert.equal(plain, testOnly ? 0 : 1);
    }),
    { numRuns: 300, seed: 7022 },
  );
});

// ---------------------------------------------------------------------------
// Literals and comments hide code
// ---------------------------------------------------------------------------

// Whether a Rust block comment around `code` closes exactly at its end: Rust
// counts the comment openers and closers inside it, in strings or not.
function blockCommentSafe(code: string): boolean {
  let depth = 0;
  for (let k = 0; k < code.length - 1; k++) {
    if (code[k] === '/' && code[k + 1] === '*') {
      depth++;
      k++;
    } else if (code[k] === '*' && code[k + 1] === '/') {
      if (--depth < 0) return false;
      k++;
    }
  }
  return depth === 0 && !code.endsWith('/') && !code.startsWith('*');
}

const withPaths = fileOf(fc.oneof(plainPath, spelledPath)).filter((b) => b.offsets.length > 0);

test('wrapping code in a string literal removes every finding', () => {
  fc.assert(
    fc.property(withPaths, ({ text }) => {
      const code = text.replace(/^\uFEFF/, '');
      const escaped = code.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
      assert.deepEqual(analyzeChecked(`fn main() { let s = "${escaped}"; }\n`).hits, []);
      let hashes = '#';
      while (code.includes(`"${hashes}`)) hashes += '#';
      assert.deepEqual(analyzeChecked(`fn main() { let s = r${hashes}"${code}"${hashes}; }\n`).hits, []);
      assert.deepEqual(analyzeChecked(`fn main() { let s = br${hashes}"${code}"${hashes}; }\n`).hits, []);
    }),
    { numRuns: 300, seed: 7030 },
  );
});

test('wrapping code in line comments or a block comment removes every finding', () => {
  fc.assert(
    fc.property(withPaths, fc.constantFrom('//', '///', '//!'), ({ text }, marker) => {
      const code = text.replace(/^\uFEFF/, '');
      const commented = code
        .split('\n')
        .map((line) => `${marker} ${line}`)
        .join('\n');
      assert.deepEqual(analyzeChecked(`fn main() {}\n${commented}\n`).hits, []);
      if (blockCommentSafe(code)) assert.deepEqual(analyzeChecked(`fn main() {}\n/* ${code} */\n`).hits, []);
    }),
    { numRuns: 300, seed: 7031 },
  );
});

test('a path inside a test-only item is never reported, whatever precedes it', () => {
  fc.assert(
    fc.property(fc.array(cleanPiece, { maxLength: 10 }), fc.constantFrom('#[cfg(test)]', '#[test]', '#[cfg(all(test, unix))]', '#[tokio::test]', '#[bench]'), trivia, (context, attr, a) => {
      const text = `${context.join(' ')}\n${attr}\nfn t() {\n    std${a}::fs::read("x");\n}\n`;
      assert.deepEqual(analyzeChecked(text).hits, []);
    }),
    { numRuns: 300, seed: 7040 },
  );
});
