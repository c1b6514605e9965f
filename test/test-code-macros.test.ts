// What is test code when macros, inner attributes and generics are involved
// (issue 15): cfg_if! branches, other macro bodies, rustc's shebang rule, a
// const-generic impl header, an inner `#![cfg(test)]` in a fn body.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRust } from '../src/rust/index.js';

const NEEDLES = ['std::fs', 'std::net', 'libc'];
const hitsOf = (src: string): string[] => analyzeRust(src, NEEDLES).hits.map((h) => `${h.needle}@${h.line}:${h.column}`);
const lines = (...ls: string[]): string => ls.join('\n');

test('cfg_if!: only the branch whose condition is test-only is test code', () => {
  const src = lines(
    'cfg_if::cfg_if! {',
    '    if #[cfg(test)] {',
    '        fn a() { std::fs::read("t"); }',
    '    } else {',
    '        fn b() { std::fs::read("p"); }',
    '    }',
    '}',
  );
  assert.deepEqual(hitsOf(src), ['std::fs@5:18']);
});

test('cfg_if!: else-if chains; all(test, …) is test-only, any(test, …) and not(test) are not', () => {
  const src = lines(
    'cfg_if! {',
    '    if #[cfg(unix)] {',
    '        fn a() { std::fs::read("unix"); }',
    '    } else if #[cfg(all(test, windows))] {',
    '        fn b() { std::net::x(); }',
    '    } else if #[cfg(any(test, windows))] {',
    '        fn c() { libc::y(); }',
    '    } else {',
    '        fn d() { std::net::z(); }',
    '    }',
    '}',
  );
  assert.deepEqual(hitsOf(src), ['std::fs@3:18', 'libc@7:18', 'std::net@9:18']);
});

test('cfg_if!: items inside a branch keep their own attributes', () => {
  assert.deepEqual(hitsOf('cfg_if! { if #[cfg(unix)] { #[cfg(test)] fn a() { std::fs::read(1); } fn b() { libc::x(); } } }'), ['libc@1:80']);
});

test('any other macro body is production code, whatever attributes it holds', () => {
  assert.deepEqual(hitsOf('my_items! { #[cfg(test)] fn a() { std::fs::read(1); } }'), ['std::fs@1:35']);
  assert.deepEqual(hitsOf('macro_rules! m { () => { #[cfg(test)] fn a() { std::fs::read(1); } }; }'), ['std::fs@1:48']);
  // An opaque macro around cfg_if: the outer macro may do anything.
  assert.deepEqual(hitsOf('wrap!(cfg_if! { if #[cfg(test)] { fn a() { std::fs::read(1); } } });'), ['std::fs@1:44']);
  // A macro invocation item under #[cfg(test)] is removed with its attribute.
  assert.deepEqual(hitsOf('#[cfg(test)]\nmy_items! { fn a() { std::fs::read(1); } }'), []);
  // A unary `!` after a keyword is no macro.
  assert.deepEqual(hitsOf('fn f() { if !(x) { #[cfg(test)] std::fs::read(1); } }'), []);
});

test('a first line `#!` then comments then `[` is an inner attribute, not a shebang', () => {
  assert.deepEqual(hitsOf('#!/**/[allow(unused)] fn f() { std::fs::read(1); }'), ['std::fs@1:32']);
  assert.deepEqual(hitsOf('#! // note\n[allow(unused)] fn f() { std::fs::read(1); }'), ['std::fs@2:26']);
  // A shebang is still a shebang (its line is not code), and so is `#!` followed by a doc comment.
  assert.deepEqual(hitsOf('#!/usr/bin/env std::fs\nfn f() {}'), []);
  assert.deepEqual(hitsOf('#!/// std::fs\nfn f() { std::net::x(); }'), ['std::net@2:10']);
});

test('#[cfg(test)] impl with a const-generic argument `{ N }`: the item ends at the body, not at `{ N }`', () => {
  const src = lines(
    '#[cfg(test)]',
    'impl<const N: usize> S<{ N }> {',
    '    fn f() { std::fs::read("t"); }',
    '}',
    'fn prod() { std::net::x(); }',
  );
  assert.deepEqual(hitsOf(src), ['std::net@5:13']);
  assert.deepEqual(hitsOf('#[cfg(test)]\nfn t<A: Into<B>, B>() -> Vec<u8> where A: Fn() -> B, { std::fs::read(1); }\nfn p() { libc::x(); }'), ['libc@3:10']);
});

test('an inner #![cfg(test)] in a fn body removes the whole fn, signature included (the reference: it applies to the fn)', () => {
  assert.deepEqual(hitsOf('fn helper(_: std::fs::File) { #![cfg(test)] }\nfn prod() { std::net::x(); }'), ['std::net@2:13']);
  assert.deepEqual(hitsOf('pub fn g<T>(_: [std::fs::File; 1]) -> T where T: Default { #![cfg(test)] T::default() }'), []);
  // Its siblings stay production code.
  assert.deepEqual(hitsOf('fn a() { std::fs::read(1); }\nfn b(_: u8) { #![cfg(test)] }\nfn c() { libc::x(); }'), ['std::fs@1:10', 'libc@3:10']);
});
