// Name resolution within one file (src/rust/names.ts, src/rust/pathMatch.ts):
// the pure reading of paths through imports, then what the precise matcher
// reports with it. Every case of issue 15's "names" items is here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRust, pairBrackets, testRegions, tokenize } from '../src/rust/index.js';
import { codePaths, NameTable, segmentTexts } from '../src/rust/names.js';
import { matchStartAllowed, needleShape } from '../src/rust/pathMatch.js';

const NEEDLES = ['std::fs', 'std::net', 'std::process::Command', 'libc'];
const hitsOf = (src: string, needles: readonly string[] = NEEDLES): string[] =>
  analyzeRust(src, needles).hits.map((h) => `${h.needle}@${h.line}:${h.column}`);
const lines = (...ls: string[]): string => ls.join('\n');

/** How each path written in code reads (`written => reading | reading`), paths with no reading left out. */
function readings(src: string, crateRoot = false): string[] {
  const ts = tokenize(src);
  const pairs = pairBrackets(ts);
  const tests = testRegions(ts, pairs);
  const table = new NameTable(ts, pairs, tests.mask, { crateRoot });
  const out: string[] = [];
  for (const path of codePaths(ts, pairs, tests.mask)) {
    const segs = segmentTexts(ts, path);
    const rs = table.resolve(segs, table.scopeAt(path.segments[0]!));
    if (rs.length === 0) continue;
    out.push(`${segs.join('::')} => ${rs.map((r) => [...r.replacement, ...segs.slice(r.consumed)].join('::')).join(' | ')}`);
  }
  return out;
}

// --- the pure reading ------------------------------------------------------------

test('a use, a rename, a group with self, a nested group', () => {
  assert.deepEqual(readings('use std::process;\nfn f() { process::Command::new(); }'), ['process::Command::new => std::process::Command::new']);
  assert.deepEqual(readings('use std::fs as disk;\nfn f() { disk::read(); }'), ['disk::read => std::fs::read']);
  assert.deepEqual(readings('use std::{self as s};\nfn f() { s::fs::read(); }'), ['s::fs::read => std::fs::read']);
  assert.deepEqual(readings('use std::{io, net::{self as wire, TcpStream as T}};\nfn f() { wire::x(); T::connect(); }'), [
    'wire::x => std::net::x',
    'T::connect => std::net::TcpStream::connect',
  ]);
  assert.deepEqual(readings('pub use std::fs;\nfn f() { fs::read(); }'), ['fs::read => std::fs::read']);
});

test('extern crate renames, chains of imports, and a cycle that ends', () => {
  assert.deepEqual(readings('extern crate std as s;\nfn f() { s::fs::read(); }'), ['s::fs::read => std::fs::read']);
  assert.deepEqual(readings('extern crate std as s;\nuse s::fs as f;\nfn g() { f::read(); }'), ['f::read => std::fs::read']);
  assert.deepEqual(readings('use a::b as c;\nuse c::d as a;\nfn f() { a::x(); }').length, 1, 'a cycle of imports resolves a bounded number of times');
});

test('globs: a glob of a crate, of a banned module, names the file declares, prelude names', () => {
  assert.deepEqual(readings('use std::*;\nfn f() { fs::read(); }'), ['fs::read => std::fs::read']);
  assert.deepEqual(readings('use std::fs::*;\nfn f() { read(); }'), ['read => std::fs::read']);
  // The file's own items and bindings are never read through a glob.
  assert.deepEqual(readings('use std::fs::*;\nfn read() {}\nfn f() { let write = 1; read(); Some(write); }'), []);
  // Two globs: both readings.
  assert.deepEqual(readings('use std::*;\nuse tokio::*;\nfn f() { fs::read(); }'), ['fs::read => std::fs::read | tokio::fs::read']);
});

test('scopes: a use in a block applies in that block only; a mod body does not see its parent', () => {
  assert.deepEqual(readings('fn a() { use std::fs; fs::read(); }\nfn b() { fs::read(); }'), ['fs::read => std::fs::read']);
  assert.deepEqual(readings('fn a() { fs::read(); { use std::fs; } }'), []);
  // Items are visible throughout their block, before the `use` too.
  assert.deepEqual(readings('fn a() { fs::read(); use std::fs; }'), ['fs::read => std::fs::read']);
  assert.deepEqual(readings('use std::fs;\nmod m { fn f() { fs::read(); } }'), []);
  assert.deepEqual(readings('use std::fs;\nfn outer() { fn inner() { fs::read(); } }'), ['fs::read => std::fs::read']);
});

test('self, super and crate prefixes', () => {
  assert.deepEqual(readings('use std::fs;\nfn f() { self::fs::read(); }'), ['self::fs::read => std::fs::read']);
  assert.deepEqual(readings('use std::fs;\nmod m { fn f() { super::fs::read(); } }'), ['super::fs::read => std::fs::read']);
  assert.deepEqual(readings('use std::fs;\nmod m { use super::*; fn f() { fs::read(); } }'), ['fs::read => std::fs::read']);
  assert.deepEqual(readings('use std::fs;\nmod m { use super::fs as g; fn f() { g::read(); } }'), ['g::read => std::fs::read']);
  // `super` of the file's own module is another file: unknown.
  assert.deepEqual(readings('fn f() { super::fs::read(); }'), []);
  // `crate::` is this file's module only in a crate root.
  assert.deepEqual(readings('use std::fs;\nfn f() { crate::fs::read(); }'), []);
  assert.deepEqual(readings('use std::fs;\nfn f() { crate::fs::read(); }', true), ['crate::fs::read => std::fs::read']);
});

test('imports in test code do not apply to production code', () => {
  assert.deepEqual(readings('#[cfg(test)]\nuse std::fs;\nfn f() { fs::read(); }'), []);
});

test('paths that are not read: methods, fields, declarations, macro fragments, `Self`', () => {
  assert.deepEqual(readings('use std::fs;\nfn f(x: S) { x.fs::read(); Self::fs(); }'), []);
  assert.deepEqual(readings('use std::fs;\nmacro_rules! m { ($fs:ident) => { $fs::read() } }'), []);
});

// --- needle shapes -----------------------------------------------------------------

test('needle shapes: rooted at std/core/alloc or ::, segment for names, free otherwise', () => {
  assert.equal(needleShape('std::fs'), 'rooted');
  assert.equal(needleShape('::tokio::fs'), 'rooted');
  assert.equal(needleShape('core::ptr'), 'rooted');
  assert.equal(needleShape('libc'), 'segment');
  assert.equal(needleShape('tokio::process'), 'segment');
  assert.equal(needleShape('Command::new'), 'segment');
  assert.equal(needleShape('.to_socket_addrs('), 'free');
  assert.equal(matchStartAllowed('cap_std::fs', 4, 'rooted'), false);
  assert.equal(matchStartAllowed('a::std::fs', 3, 'rooted'), false);
  assert.equal(matchStartAllowed('::std::fs', 2, 'rooted'), true);
  assert.equal(matchStartAllowed('(std::fs', 1, 'rooted'), true);
  assert.equal(matchStartAllowed('nix::libc::fork', 5, 'segment'), true);
  assert.equal(matchStartAllowed('not_libc::x', 4, 'segment'), false);
});

// --- what the precise matcher reports -------------------------------------------

test('issue 15: aliases and imports are followed', () => {
  assert.deepEqual(hitsOf('use std::process;\nfn f() { process::Command::new("ls"); }'), ['std::process::Command@2:10']);
  assert.deepEqual(hitsOf('use std::{self as s};\nfn f() { s::fs::read("x"); }'), ['std::fs@2:10']);
  assert.deepEqual(hitsOf('extern crate std as s;\nfn f() { s::fs::read("x"); }'), ['std::fs@2:10']);
  assert.deepEqual(hitsOf('use std::*;\nfn f() { fs::read("x"); }'), ['std::fs@2:10']);
  assert.deepEqual(hitsOf('use std::fs::*;\nfn f() { read("x"); }'), ['std::fs@1:5', 'std::fs@2:10']);
  assert.deepEqual(hitsOf('use libc as c;\nfn f() { unsafe { c::getpid() }; }'), ['libc@1:5', 'libc@2:19']);
});

test('issue 15: substrings of other paths are not flagged', () => {
  assert.deepEqual(hitsOf('fn f() { cap_std::fs::Dir::open_ambient_dir("."); not_libc::x(); }'), []);
  assert.deepEqual(hitsOf('use cap_std::fs::Dir;\nuse not_libc as c;\nfn f() { Dir::x(); c::y(); }'), []);
});

test('partial needles keep matching as written, and through imports', () => {
  const partial = ['Command::new', 'env::var('];
  assert.deepEqual(hitsOf('fn f() { clap::Command::new("app"); std::env::var("K"); }', partial), ['Command::new@1:16', 'env::var(@1:42']);
  assert.deepEqual(hitsOf('use std::process::Command as Cmd;\nfn f() { Cmd::new("ls"); }', partial), ['Command::new@2:10']);
  assert.deepEqual(hitsOf('use std::env::{self as e};\nfn f() { e::var("K"); }', partial), ['env::var(@2:10']);
});

test('one site, one path: a resolved match and the written one at the same place are one hit per needle', () => {
  assert.deepEqual(hitsOf('use std::process;\nfn f() { process::Command::new("ls"); }', ['process::Command']), ['process::Command@2:10']);
});

test('a reading is reported at the written path, with the written length', () => {
  const [hit] = analyzeRust('use std::fs as f;\nfn g() { f::read("x"); }', ['std::fs::read']).hits;
  assert.equal(hit?.line, 2);
  assert.equal(hit?.column, 10);
  assert.equal(hit?.length, 'f::read'.length);
});

test('known limit: a path a macro builds from fragments is not read', () => {
  assert.deepEqual(hitsOf(lines('macro_rules! host { ($m:ident) => { std::$m::read("x") }; }', 'fn f() { host!(fs); }')), []);
});

test('known limit: a re-export from another module of the crate is not seen', () => {
  // `crate::sys` may re-export std::fs: one file cannot know.
  assert.deepEqual(hitsOf('use crate::sys::fs;\nfn f() { fs::read("x"); }'), []);
});

test('a renamed function: the reading keeps what follows the path, so a needle ending in `(` matches too', () => {
  assert.deepEqual(hitsOf('use std::env::var as get;\nfn f() { get("K"); }', ['env::var(']), ['env::var(@2:10']);
  assert.deepEqual(hitsOf('use std::env::var as get;\nfn f() { get("K"); }', ['std::env::var']), ['std::env::var@1:5', 'std::env::var@2:10']);
});

test('readings keep every spelling the code view handles: trivia around `::`, comments, raw identifiers, `::std`', () => {
  assert.deepEqual(hitsOf('use std::process;\nfn f() { process :: /* c */ Command\n    ::new("ls"); }'), ['std::process::Command@2:10']);
  assert.deepEqual(hitsOf('use std::{r#fs as f};\nfn g() { f::read("x"); }'), ['std::fs@1:13', 'std::fs@2:10']);
  assert.deepEqual(hitsOf('use ::std::fs as f;\nfn g() { f::read("x"); }'), ['std::fs@1:7', 'std::fs@2:10']);
  assert.deepEqual(hitsOf('use std :: { process :: { self as p } };\nfn g() { p::Command::new("x"); }'), ['std::process::Command@2:10']);
});

test('a `pub use` in an inline module is followed by paths into that module', () => {
  assert.deepEqual(readings('mod inner { pub use std::fs as host; }\nfn f() { inner::host::read(); self::inner::host::write(); }'), [
    'inner::host::read => std::fs::read',
    'self::inner::host::write => std::fs::write',
  ]);
  assert.deepEqual(hitsOf('mod platform { pub use std::fs as host; }\nfn f() { platform::host::read("x"); }'), ['std::fs@1:24', 'std::fs@2:10']);
});

test('a lone name used as a value (`fs.len()`) is a local binding, not the import', () => {
  assert.deepEqual(hitsOf('use std::fs;\nfn f() { let fs = vec![1]; fs.len(); }'), ['std::fs@1:5']);
  // A range is not a field access.
  assert.deepEqual(hitsOf('use std::fs::File;\nfn f() { for _ in File..x {} }'), ['std::fs@1:5', 'std::fs@2:19']);
});

test('a use path read through another import: matches in what resolution supplied, at the path, once', () => {
  assert.deepEqual(hitsOf('use std::process;\nuse process::Command;', ['Command', 'std::process::Command']), ['std::process::Command@2:5', 'Command@2:14']);
});
