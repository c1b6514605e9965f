// The matcher takes shortcuts for speed (a prefilter that skips lexing, an
// anchor scan, windowed views). These properties check that no shortcut
// ever changes a result, against the exhaustive analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeRust } from '../src/rust/index.js';
import { analyzeRustExhaustively } from '../src/rust/analyze.js';

const NEEDLES = [
  'std::fs',
  'std :: net::',
  'File::open',
  'env::var(',
  '.to_socket_addrs(',
  'reqwest ',
  'fs',
  'r#fs',
  '::',
  '(',
  '"',
  "'a",
  'a::b',
  'x.y',
  'mod',
];

const PIECES = [
  'std', 'fs', 'net', 'File', 'open', 'env', 'var', 'var_os', 'reqwest', 'a', 'b', 'x', 'y', 'to_socket_addrs', 'offset', 'r#fs', 'r#a',
  '::', ':', '.', '(', ')', '{', '}', '[', ']', ';', ',', '#', '!', '=', '*', '<', '>', '&', "'", '"',
  ' ', ' ', '\n', '\r\n', '\t', '// c\n', '/* c */', '/* /* n */ */', '"s"', '"a\\"b"', 'r#"q"#', "b'x'", "'a'", "'a", '1.0e5', '0x1F',
  'use ', 'use std::{fs, net::{self, x}};', 'pub use a::b as c;', 'use a::{b}', 'use x', 'mod ', 'mod m;', 'mod m { ', '#[cfg(test)] ', '#[test] fn t() { ',
  '#![cfg(test)]', '#[path = "p.rs"] ', 'fn f() { ', 'impl X { ', '\uFEFF', '\0', 'ä', '😀',
  // trivia between a path's parts
  '::// c\n', ':: /* c */', '::\n// c\n', '/* c */::', ' // c\n::', 'std::{', 'use tokio::time;', 'self.process', 'std::process',
  // comments that mention needles, and what can make a `//` not a comment
  '// std::fs\n', '/// File::open\n', '//! env::var(\n', '/* // */', '*/', '/*', '//', '"//"', "'/'", 'r"//"',
];

const source = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

test('property: shortcuts never change the analysis', () => {
  fc.assert(
    fc.property(source, fc.subarray(NEEDLES, { minLength: 1 }), (src, needles) => {
      assert.deepEqual(analyzeRust(src, needles), analyzeRustExhaustively(src, needles));
    }),
    { numRuns: 4000 },
  );
});

test('property: shortcuts hold on long files with far-apart matches', () => {
  const long = fc.array(fc.constantFrom(...PIECES), { minLength: 200, maxLength: 600 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(long, (src) => {
      assert.deepEqual(analyzeRust(src, NEEDLES), analyzeRustExhaustively(src, NEEDLES));
    }),
    { numRuns: 300 },
  );
});

test('the prefilter respects identifier boundaries in both directions', () => {
  // `fs` inside `offset` cannot start a token, so the file needs no lexing; `fs` after `::` can.
  assert.deepEqual(analyzeRust('let offset = std::x;', ['std::fs']).hits, []);
  assert.equal(analyzeRust('let o = std::fs;', ['std::fs']).hits.length, 1);
  assert.equal(analyzeRust('\uFEFFfs::read()', ['fs::read']).hits.length, 1);
  assert.equal(analyzeRust('a.r#to_socket_addrs()', ['.to_socket_addrs(']).hits.length, 1);
});

test('a leading BOM does not hide a module declaration from the quick check', () => {
  assert.deepEqual(analyzeRust('\uFEFFmod m;', ['x.y']).moduleDecls.map((d) => [d.name, d.line, d.column]), [['m', 1, 1]]);
});

test('neighbour rules keep every real match: trivia around `::`, groups, raw identifiers', () => {
  const cases: Array<[string, string, number]> = [
    ['std::\n// c\nfs::read(p);', 'std::fs', 1],
    ['std:: /* c */ fs::read(p);', 'std::fs', 1],
    ['std::/*c*/fs::read(p);', 'std::fs', 1],
    ['std /* c */ :: fs::read(p);', 'std::fs', 1],
    ['tokio:: // c\n fs::read(p);', 'tokio::fs', 1],
    ['std::r#fs::read(p);', 'std::fs', 1],
    ['use std::{io, fs};', 'std::fs', 1],
    ['use std::{\n    // the host\n    fs,\n};', 'std::fs', 1],
    ['use std::{io::{self, Read}, fs::{self, File}};', 'std::fs', 1],
    ['use tokio::time::{sleep, timeout};', 'tokio::fs', 0],
    ['self.process_queue();', 'std::process', 0],
    ['let p = std::processor::x();', 'std::process', 1],
    ['fn process_all() {}', 'std::process', 0],
    ['Vec::<u8>::new()', 'Vec::new', 0],
  ];
  for (const [src, needle, hits] of cases) {
    const ruled = `fn f() {}\n${src}\n#[cfg(test)]\nmod tests { fn t() { ${needle}; } }\n`;
    assert.deepEqual(analyzeRust(ruled, [needle]), analyzeRustExhaustively(ruled, [needle]), src);
    assert.equal(analyzeRust(ruled, [needle]).hits.length, hits, src);
  }
});
