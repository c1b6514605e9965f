import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRust, normalizeNeedle } from '../src/rust/index.js';

/** Hits as `needle@line:col`, in reported order. */
const hitsOf = (src: string, needles: readonly string[]): string[] =>
  analyzeRust(src, needles).hits.map((h) => `${h.needle}@${h.line}:${h.column}`);
const lines = (...ls: string[]): string => ls.join('\n');
const FS = ['std::fs'];

test('no match inside any kind of comment', () => {
  const src = lines(
    '// std::fs line comment',
    '/// std::fs outer doc',
    '//! std::fs inner doc',
    '/* std::fs block */',
    '/** std::fs doc block */',
    '/*! std::fs inner doc block */',
    '/* outer /* std::fs nested */ std::fs still comment */',
    'fn main() { /* c */ std::fs::read("x"); }',
  );
  assert.deepEqual(hitsOf(src, FS), ['std::fs@8:21']);
});

test('no match inside strings, raw strings, byte and C strings, chars', () => {
  const src = lines(
    'let a = "std::fs";',
    'let b = "escaped \\" std::fs";',
    'let c = r#"raw "std::fs" with quote"#;',
    'let d = r##"has "# inside std::fs"##;',
    'let e = b"std::fs"; let f = br#"std::fs"#;',
    'let g = c"std::fs"; let h = cr"std::fs";',
    "let i = '\"'; let j = b'\"'; std::fs::write(a, b);",
  );
  assert.deepEqual(hitsOf(src, FS), ['std::fs@7:28']);
});

test('lifetimes are not char literals', () => {
  const src = "fn f<'a>(x: &'a str) { std::fs::read(x) }";
  assert.deepEqual(hitsOf(src, FS), ['std::fs@1:24']);
  const labels = "fn g() { 'outer: loop { break 'outer; } std::fs::read(\"y\"); }";
  assert.deepEqual(hitsOf(labels, FS), ['std::fs@1:41']);
});

test('code after a "http://" string on the same line is still seen', () => {
  assert.deepEqual(hitsOf('let u = "http://example.com"; std::fs::read(u);', FS), ['std::fs@1:31']);
});

test('paths written with trivia around `::` match, reported at their start', () => {
  const src = lines(
    'fn main() {',
    '    std :: fs::read("a");',
    '    ::std::fs::read("b");',
    '    std::',
    '        fs::read("c");',
    '    std::/* why */fs::read("d");',
    '    std // trailing',
    '      :: fs::read("e");',
    '    std::r#fs::read("f");',
    '}',
  );
  assert.deepEqual(hitsOf(src, FS), ['std::fs@2:5', 'std::fs@3:7', 'std::fs@4:5', 'std::fs@6:5', 'std::fs@7:5', 'std::fs@9:5']);
  const hit = analyzeRust(src, FS).hits[0]!;
  assert.equal(src.slice(hit.offset, hit.offset + hit.length), 'std :: fs');
});

test('needles are normalised like the code view', () => {
  assert.equal(normalizeNeedle('std :: fs'), 'std::fs');
  assert.equal(normalizeNeedle('reqwest '), 'reqwest ');
  assert.equal(normalizeNeedle('a  \t b'), 'a b');
  assert.deepEqual(hitsOf('fn f() { std::fs::read(); }', ['std :: fs']), ['std :: fs@1:10']);
});

test('needles with punctuation and a trailing space', () => {
  const src = lines(
    'fn f() {',
    '    let a = env::var("A");',
    '    let b = env::var_os("B");',
    '    let c = std::env::var ("C");',
    '    let d = "h:1".to_socket_addrs();',
    '    let e = reqwest::get(u);',
    '    let f = reqwest /* c */ ::Client::new();',
    '}',
    'extern crate reqwest as http;',
  );
  const needles = ['env::var(', '.to_socket_addrs(', 'reqwest ', 'reqwest::'];
  assert.deepEqual(hitsOf(src, needles), [
    'env::var(@2:13',
    '.to_socket_addrs(@5:18',
    'reqwest::@6:13',
    'reqwest::@7:13',
    'reqwest @9:14',
  ]);
});

test('several needles at one place are all reported, in needle order, without duplicates', () => {
  const res = analyzeRust('fn f() { std::fs::read(); }', ['std::fs::read', 'std::', 'std::fs', 'std::']);
  assert.deepEqual(res.hits.map((h) => `${h.needle}@${h.offset}`), ['std::fs::read@9', 'std::@9', 'std::fs@9']);
  assert.equal(analyzeRust('std::fs', ['std::fs']).hits.length, 1);
  // Overlapping occurrences of one needle are distinct places.
  assert.deepEqual(analyzeRust('f(((x', ['((']).hits.map((h) => h.offset), [1, 2]);
});

test('hits are sorted by offset and carry their length', () => {
  const src = 'fn f() { Command::new("x"); std::fs::read(""); Command::new("y"); }';
  const res = analyzeRust(src, ['std::fs', 'Command::new']);
  assert.deepEqual(res.hits.map((h) => [h.needle, h.column, h.length]), [
    ['Command::new', 10, 12],
    ['std::fs', 29, 7],
    ['Command::new', 48, 12],
  ]);
});

test('CRLF line endings', () => {
  const src = 'fn a() {}\r\n// std::fs\r\nfn b() {\r\n  std::fs::read("x");\r\n}\r\n';
  assert.deepEqual(hitsOf(src, FS), ['std::fs@4:3']);
});

test('a BOM is not a column', () => {
  assert.deepEqual(hitsOf('\uFEFFstd::fs::read();', FS), ['std::fs@1:1']);
  const res = analyzeRust('\uFEFFuse std::fs;\nfn f() { std::fs::x() }', FS);
  assert.deepEqual(res.hits.map((h) => [h.line, h.column, h.offset]), [[1, 5, 5], [2, 10, 23]]);
});

test('tabs and non-ASCII before a needle count in UTF-16 units', () => {
  assert.deepEqual(hitsOf('\t\tstd::fs::read();', FS), ['std::fs@1:3']);
  // "ä" is 1 unit, "😀" is 2 units.
  assert.deepEqual(hitsOf('let größe = "😀"; let 😀 = 1; std::fs::read();', FS), ['std::fs@1:31']);
});

test('an unterminated literal at EOF swallows the rest, without throwing', () => {
  const src = lines('fn f() { std::fs::read("a"); }', 'let s = "open', 'std::fs::read(x);');
  assert.deepEqual(hitsOf(src, FS), ['std::fs@1:10']);
  assert.deepEqual(hitsOf('std::fs::x(); r#"never closed std::fs', FS), ['std::fs@1:1']);
  assert.deepEqual(hitsOf('std::fs::x(); /* never closed std::fs', FS), ['std::fs@1:1']);
});

test('NUL bytes are just characters', () => {
  assert.deepEqual(hitsOf('\0std::fs::read(\0);\0', FS), ['std::fs@1:2']);
});

test('a needle that starts with a name matches at a segment boundary, never inside an identifier', () => {
  assert.deepEqual(hitsOf('fn f() { my_std::fs::x(); libc::openat(1); not_libc::x(); fopenat(2); }', ['std::fs', 'openat', 'libc']), ['libc@1:27', 'openat@1:33']);
  // The right end stays open: `std::env::var` is meant to catch `var_os` too; a re-export of the crate is the crate.
  assert.deepEqual(hitsOf('fn f() { std::env::var_os("K"); nix::libc::fork(); }', ['std::env::var', 'libc']), ['std::env::var@1:10', 'libc@1:38']);
  // A rooted needle (std, core, alloc) matches only where a path starts.
  assert.deepEqual(hitsOf('fn f() { crate::std::fs::x(); ::std::fs::y(); (std::fs::z)(); }', ['std::fs']), ['std::fs@1:33', 'std::fs@1:48']);
});

test('nothing to find: empty results', () => {
  assert.deepEqual(analyzeRust('', FS), { hits: [], testOnlyFile: false, moduleDecls: [], includes: [] });
  assert.deepEqual(analyzeRust('fn main() {}', FS), { hits: [], testOnlyFile: false, moduleDecls: [], includes: [] });
  assert.deepEqual(analyzeRust('fn main() { std::fs::read(); }', []).hits, []);
  assert.deepEqual(analyzeRust('fn main() { std::fs::read(); }', ['', '   ']).hits, []);
});
