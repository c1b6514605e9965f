import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRust, expandUseTree, lexRust, tokenize } from '../src/rust/index.js';

const hitsOf = (src: string, needles: readonly string[]): string[] =>
  analyzeRust(src, needles).hits.map((h) => `${h.needle}@${h.line}:${h.column}`);
const lines = (...ls: string[]): string => ls.join('\n');

/** Expanded paths of the first `use` item in `src`. */
function pathsOf(src: string): string[] {
  const tokens = lexRust(src);
  const k = tokens.findIndex((t) => t.kind === 'ident' && t.text === 'use');
  return expandUseTree(tokenize(src), k).paths.map((p) => p.text);
}

test('expansion: groups, nesting, self, renames, globs, leading ::', () => {
  assert.deepEqual(pathsOf('use std::{fs, net::TcpStream};'), ['std::fs', 'std::net::TcpStream']);
  assert.deepEqual(pathsOf('use std::{io::{self, Read as R}, os::unix::net::{UnixStream, *}};'), [
    'std::io',
    'std::io::Read',
    'std::os::unix::net::UnixStream',
    'std::os::unix::net::*',
  ]);
  assert.deepEqual(pathsOf('use std::fs as f;'), ['std::fs']);
  assert.deepEqual(pathsOf('use std::fs::*;'), ['std::fs::*']);
  assert.deepEqual(pathsOf('use ::std::{fs as _, r#fs as g};'), ['::std::fs', '::std::fs']);
  assert.deepEqual(pathsOf('use {a::b, c};'), ['a::b', 'c']);
  assert.deepEqual(pathsOf('use a::{};'), []);
  assert.deepEqual(pathsOf('use $crate::x;'), ['$crate::x']);
});

test('a group item is reported at its own position', () => {
  const src = 'use std::{fs, net::TcpStream};';
  assert.deepEqual(hitsOf(src, ['std::fs', 'std::net::', 'TcpStream']), [
    'std::fs@1:11',
    'std::net::@1:15',
    'TcpStream@1:20',
  ]);
  const res = analyzeRust(src, ['std::fs']);
  assert.equal(res.hits[0]!.length, 2); // underlines `fs`
});

test('a match wholly in the shared prefix is reported once, at the match start', () => {
  const src = 'use std::net::{TcpStream, UdpSocket};';
  assert.deepEqual(hitsOf(src, ['std::net::', 'UdpSocket']), ['std::net::@1:5', 'UdpSocket@1:27']);
});

test('nested groups over several lines', () => {
  const src = lines(
    'use std::{',
    '    io::{self, Read},',
    '    os::unix::net::{UnixStream, UnixListener},',
    '    process::Command,',
    '};',
  );
  assert.deepEqual(hitsOf(src, ['std::io', 'std::io::Read', 'std::os::unix::net', 'process::Command']), [
    'std::io@2:5',
    'std::io::Read@2:16',
    'std::os::unix::net@3:5',
    'process::Command@4:5',
  ]);
});

test('`self` and the paths beside it collapse to one hit', () => {
  assert.deepEqual(hitsOf('use std::io::{self, Write};', ['std::io']), ['std::io@1:5']);
  assert.deepEqual(hitsOf('use std::{fs::{self, File}, net};', ['std::fs']), ['std::fs@1:11']);
});

test('renames, globs, leading `::` and raw identifiers', () => {
  assert.deepEqual(hitsOf('use std::fs as filesystem;', ['std::fs']), ['std::fs@1:5']);
  assert.deepEqual(hitsOf('use std::fs::*;', ['std::fs']), ['std::fs@1:5']);
  assert.deepEqual(hitsOf('use ::std::fs;', ['std::fs']), ['std::fs@1:7']);
  assert.deepEqual(hitsOf('use std::{r#fs};', ['std::fs']), ['std::fs@1:13']);
  assert.deepEqual(hitsOf('use std :: { fs };', ['std::fs']), ['std::fs@1:14']);
});

test('every form of use item, including inside function bodies', () => {
  const src = lines(
    'pub use std::fs;',
    'pub(crate) use std::{fs as f};',
    'fn main() {',
    '    use std::fs::File;',
    '    File::open("x");',
    '}',
  );
  // `File` is `std::fs::File` where it is imported: both needles match at `File::open`.
  assert.deepEqual(hitsOf(src, ['std::fs', 'File::open']), ['std::fs@1:9', 'std::fs@2:22', 'std::fs@4:9', 'std::fs@5:5', 'File::open@5:5']);
});

test('a use item is judged only by its expanded paths (no double reports, no raw-text matches)', () => {
  assert.equal(analyzeRust('use std::fs;', ['std::fs']).hits.length, 1);
  // The raw text `std::{fs` never contains the needle, the expansion does.
  assert.deepEqual(hitsOf('use std::{fs};', ['std::fs']), ['std::fs@1:11']);
  // The raw text `::{` is not a path and must not match.
  assert.deepEqual(hitsOf('use a::{b};', ['::{']), []);
});

test('code after a use item is matched normally', () => {
  assert.deepEqual(hitsOf('use a::b; std::fs::read(); use c;', ['std::fs']), ['std::fs@1:11']);
});

test('`use<..>` precise capturing is not a use item', () => {
  const src = "fn f<'a>() -> impl Sized + use<'a> { std::fs::read(\"x\") }";
  assert.deepEqual(hitsOf(src, ['std::fs']), ['std::fs@1:38']);
});

test('malformed use items do not throw', () => {
  for (const src of ['use', 'use std::{fs', 'use std::{fs}}}', 'fn f() { use a::b }', 'use a as;', 'use (x);', 'use ;;']) {
    analyzeRust(src, ['std::fs', 'a::b']);
  }
  assert.deepEqual(hitsOf('use std::{fs', ['std::fs']), ['std::fs@1:11']);
});
