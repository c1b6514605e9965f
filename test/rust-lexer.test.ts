import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeRust, buildCodeView, lexRust, tokenize, type Token } from '../src/rust/index.js';

const kinds = (src: string): string[] => lexRust(src).map((t) => `${t.kind}:${src.slice(t.start, t.end)}`);
const view = (src: string): string => buildCodeView(tokenize(src)).text;

test('identifiers, raw identifiers and keywords', () => {
  assert.deepEqual(kinds('fn r#fs(x_1: u8)'), ['ident:fn', 'rawIdent:r#fs', 'punct:(', 'ident:x_1', 'punct::', 'ident:u8', 'punct:)']);
  const raw = lexRust('r#match')[0]!;
  assert.equal(raw.text, 'match');
});

test('`::` is one token, a single colon is not', () => {
  assert.deepEqual(kinds('a::b: c:::d'), ['ident:a', 'punct:::', 'ident:b', 'punct::', 'ident:c', 'punct:::', 'punct::', 'ident:d']);
});

test('line, doc and inner-doc comments are trivia', () => {
  assert.deepEqual(kinds('a // std::fs\nb /// doc\nc //! inner\nd'), ['ident:a', 'ident:b', 'ident:c', 'ident:d']);
});

test('block comments nest, doc blocks included', () => {
  assert.deepEqual(kinds('a /* x /* y */ still comment */ b /** doc */ c /*! inner */ d'), ['ident:a', 'ident:b', 'ident:c', 'ident:d']);
  assert.deepEqual(kinds('a /* /* */ */ b'), ['ident:a', 'ident:b']);
  assert.deepEqual(kinds('a /*/ b */ c'), ['ident:a', 'ident:c']);
});

test('strings with escapes are single literals', () => {
  assert.deepEqual(kinds('x("a\\"b", "c\\\\") y'), ['ident:x', 'punct:(', 'literal:"a\\"b"', 'punct:,', 'literal:"c\\\\"', 'punct:)', 'ident:y']);
});

test('byte, C and raw strings with any number of hashes', () => {
  const src = 'a b"x\\"y" c"z" r"q\\" r#"has "quote" inside"# r##"a "# b"## br#"raw"# cr#"c"# d';
  assert.deepEqual(kinds(src), [
    'ident:a',
    'literal:b"x\\"y"',
    'literal:c"z"',
    'literal:r"q\\"',
    'literal:r#"has "quote" inside"#',
    'literal:r##"a "# b"##',
    'literal:br#"raw"#',
    'literal:cr#"c"#',
    'ident:d',
  ]);
});

test('chars and bytes versus lifetimes and labels', () => {
  assert.deepEqual(kinds("'a' '\\n' '\\'' '\\u{1F600}' b'x' b'\\\\' '😀'"), [
    "literal:'a'",
    "literal:'\\n'",
    "literal:'\\''",
    "literal:'\\u{1F600}'",
    "literal:b'x'",
    "literal:b'\\\\'",
    "literal:'😀'",
  ]);
  assert.deepEqual(kinds("fn f<'a>(x: &'a str) -> &'static str"), [
    'ident:fn', 'ident:f', 'punct:<', "lifetime:'a", 'punct:>', 'punct:(', 'ident:x', 'punct::', 'punct:&', "lifetime:'a",
    'ident:str', 'punct:)', 'punct:-', 'punct:>', 'punct:&', "lifetime:'static", 'ident:str',
  ]);
  assert.deepEqual(kinds("'outer: loop { break 'outer; }"), [
    "lifetime:'outer", 'punct::', 'ident:loop', 'punct:{', 'ident:break', "lifetime:'outer", 'punct:;', 'punct:}',
  ]);
  assert.deepEqual(kinds("'r#a"), ["lifetime:'r#a"]);
});

test('numbers: floats, exponents, suffixes, ranges', () => {
  assert.deepEqual(kinds('1.0e5 2.5E-3f64 0x1F_u8 0b1010 1_000u32 1..2 x.0 1.max(2) 3.'), [
    'number:1.0e5', 'number:2.5E-3f64', 'number:0x1F_u8', 'number:0b1010', 'number:1_000u32',
    'number:1', 'punct:..', 'number:2',
    'ident:x', 'punct:.', 'number:0',
    'number:1', 'punct:.', 'ident:max', 'punct:(', 'number:2', 'punct:)',
    'number:3.',
  ]);
  assert.deepEqual(kinds('0x1E-5'), ['number:0x1E', 'punct:-', 'number:5']);
  assert.deepEqual(kinds('a..=b ..c... 1.. x.y'), ['ident:a', 'punct:..=', 'ident:b', 'punct:..', 'ident:c', 'punct:...', 'number:1', 'punct:..', 'ident:x', 'punct:.', 'ident:y']);
});

test('a shebang line is trivia, `#![` is not a shebang', () => {
  assert.deepEqual(kinds('#!/usr/bin/env run-cargo-script\nfn main() {}'), ['ident:fn', 'ident:main', 'punct:(', 'punct:)', 'punct:{', 'punct:}']);
  assert.equal(kinds('#![allow(x)]')[0], 'punct:#');
});

test('unterminated literals and comments run to the end without throwing', () => {
  for (const src of ['x "abc', "x r#\"abc\"", 'x /* /* */', "x '", "x '\\", 'x b"', 'x r###"', "x b'", 'x c"\\', "'", '"', '/*']) {
    const toks = lexRust(src);
    checkTokens(src, toks);
    const last = toks[toks.length - 1];
    // The trailing unterminated construct is either one token to EOF or trivia.
    assert.ok(last === undefined || last.end === src.length || src.slice(last.end).trimStart().startsWith('/*'), src);
  }
  assert.deepEqual(kinds('a "never closed std::fs'), ['ident:a', 'literal:"never closed std::fs']);
});

test('BOM, CRLF, NUL bytes and odd characters', () => {
  assert.deepEqual(kinds('\uFEFFfn\r\nx\0y'), ['ident:fn', 'ident:x', 'punct:\0', 'ident:y']);
  assert.deepEqual(kinds('größe'), ['ident:größe']);
});

test('code view: adjacency, single spaces, `::` glue and literal placeholders', () => {
  assert.equal(view('std :: fs'), 'std::fs');
  assert.equal(view('std::/* x */fs'), 'std::fs');
  assert.equal(view('std::\n    fs'), 'std::fs');
  assert.equal(view('std // c\n :: fs'), 'std::fs');
  assert.equal(view('::std::r#fs'), '::std::fs');
  assert.equal(view('let  x =\n\t"s";'), 'let x = "";');
  assert.equal(view('a/* c */b'), 'a b');
});

test('code view maps every unit back to the source', () => {
  const src = 'x  r#fs "lit"';
  const v = buildCodeView(tokenize(src));
  assert.equal(v.text, 'x fs ""');
  assert.deepEqual([...v.text].map((_, k) => v.offsetAt(k)), [0, 1, 5, 6, 7, 8, 12]);
});

function checkTokens(src: string, toks: Token[]): void {
  let prevEnd = 0;
  for (const t of toks) {
    assert.ok(t.start >= prevEnd && t.end > t.start && t.end <= src.length);
    prevEnd = t.end;
  }
}

test('property: lexing any string terminates with ordered, in-bounds tokens', () => {
  const rustish = fc.array(
    fc.constantFrom('r#', '"', "'", '\\', '/*', '*/', '//', '\n', '\r\n', '#', '##', 'b', 'c', 'r', 'a', '1', '.', 'e', '+', '::', ':', '{', '}', '\0', '\uFEFF', '😀', ' ', 'std', 'fs', 'use', 'mod', ';'),
    { maxLength: 60 },
  ).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), rustish), (src) => {
      checkTokens(src, lexRust(src));
      analyzeRust(src, ['std::fs', 'a', '"', "'", ' ', '::']);
    }),
    { numRuns: 3000 },
  );
});

test('random bytes decoded as text', () => {
  let seed = 12345;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let round = 0; round < 20; round++) {
    const bytes = Buffer.alloc(4096);
    for (let k = 0; k < bytes.length; k++) bytes[k] = rand() & 0xff;
    const src = bytes.toString('utf8');
    checkTokens(src, lexRust(src));
    analyzeRust(src, ['std::fs', 'mod']);
  }
});

test('a 1 MB single line and adversarial inputs finish', () => {
  const line = 'let x = std::fs::read("a"); '.repeat(40_000);
  assert.ok(line.length > 1_000_000);
  assert.equal(analyzeRust(line, ['std::fs']).hits.length, 40_000);
  const quotes = "'\\".repeat(500_000);
  lexRust(quotes);
  const hashes = 'r' + '#'.repeat(200_000) + '"' + '"#'.repeat(200_000);
  lexRust(hashes);
  const comments = '/*'.repeat(300_000);
  assert.equal(lexRust(comments).length, 0);
  const nested = 'use a::' + '{a::'.repeat(100_000) + 'x' + '}'.repeat(100_000) + ';';
  analyzeRust(nested, ['a::a']);
  const cfg = '#[cfg(' + 'all('.repeat(50_000) + 'test' + ')'.repeat(50_000) + ')] fn f() {}';
  analyzeRust(cfg, ['f']);
});
