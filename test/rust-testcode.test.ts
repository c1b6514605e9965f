import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRust, lexRust, testRegions, tokenize } from '../src/rust/index.js';

const hitsOf = (src: string, needles: readonly string[] = ['std::fs']): string[] =>
  analyzeRust(src, needles).hits.map((h) => `${h.needle}@${h.line}:${h.column}`);
const lines = (...ls: string[]): string => ls.join('\n');
const PROD = 'fn prod() { std::fs::read("p"); }';

test('#[cfg(test)] mod with nested braces and braces in strings', () => {
  const src = lines(
    '#[cfg(test)]',
    'mod tests {',
    '    use std::fs;',
    '    fn helper() { if true { std::fs::read("}"); } }',
    "    const C: char = '}';",
    '}',
    PROD,
  );
  assert.deepEqual(hitsOf(src), ['std::fs@7:13']);
});

test('other attributes and doc comments may stand between cfg(test) and the item', () => {
  const src = lines('#[cfg(test)]', '#[allow(unused)]', '/// docs', '// note', 'pub(crate) mod tests {', '    use std::fs;', '}', PROD);
  assert.deepEqual(hitsOf(src), ['std::fs@8:13']);
  const before = lines('#[allow(unused)]', '#[cfg(test)]', 'mod tests { use std::fs; }', PROD);
  assert.deepEqual(hitsOf(before), ['std::fs@4:13']);
});

test('cfg(test) on fn, impl, use, const, static, type, struct, trait, macro', () => {
  const src = lines(
    '#[cfg(test)] fn t() { std::fs::read("a"); }',
    '#[cfg(test)] impl Foo { fn x() { std::fs::read("b"); } }',
    '#[cfg(test)] use std::fs::File;',
    '#[cfg(test)] const C: fn() = || { std::fs::read("c"); };',
    '#[cfg(test)] pub static S: &str = { std::fs::X };',
    '#[cfg(test)] type T = std::fs::File;',
    '#[cfg(test)] struct W(std::fs::File);',
    '#[cfg(test)] pub unsafe trait Tr { fn f() { std::fs::read("d"); } }',
    '#[cfg(test)] macro_rules! m { () => { std::fs::read("e") } }',
    '#[cfg(test)] extern crate std as fsx; std::fs::read("after");',
    PROD,
  );
  assert.deepEqual(hitsOf(src), ['std::fs@10:39', 'std::fs@11:13']);
});

test('cfg(test) statements, fields, variants, match arms and arguments', () => {
  const src = lines(
    'fn f(x: E) {',
    '    #[cfg(test)] std::fs::remove_file("a").ok();',
    '    #[cfg(test)] let _ = std::fs::read("b");',
    '    #[cfg(test)] { std::fs::read("c"); }',
    '    #[cfg(test)] if a { std::fs::read("d"); } else { std::fs::read("e"); }',
    '    match x {',
    '        #[cfg(test)] E::A => std::fs::read("f"),',
    '        #[cfg(test)] E::B { .. } => { std::fs::read("g") }',
    '        E::C => std::fs::read("h"),',
    '    }',
    '    call(#[cfg(test)] std::fs::read("i"), std::fs::read("j"));',
    '}',
    'struct S { #[cfg(test)] pub a: std::fs::File, b: std::fs::File }',
    'struct T { a: u8, #[cfg(test)] b: std::fs::File }',
    'enum E { #[cfg(test)] A(std::fs::File), B(std::fs::File) }',
    'fn g() { std::fs::read("k"); }',
  );
  assert.deepEqual(hitsOf(src), [
    'std::fs@9:17',
    'std::fs@11:43',
    'std::fs@13:50',
    'std::fs@15:43',
    'std::fs@16:10',
  ]);
});

test('test-only cfg predicates', () => {
  const skipped = [
    'test',
    'all(test, unix)',
    'all(unix, test)',
    'all(unix, all(test, feature = "x"))',
    'any(test, all(test, unix))',
    'any(test)',
  ];
  for (const pred of skipped) {
    assert.deepEqual(hitsOf(`#[cfg(${pred})] fn t() { std::fs::read("a"); }\n${PROD}`), ['std::fs@2:13'], pred);
  }
  const production = ['any(test, feature = "x")', 'not(test)', 'all(not(test), unix)', 'unix', 'feature = "test"', 'all()', 'any()'];
  for (const pred of production) {
    const src = `#[cfg(${pred})] fn t() { std::fs::read("a"); }`;
    assert.deepEqual(hitsOf(src), [`std::fs@1:${src.indexOf('std::fs') + 1}`], pred);
  }
  assert.deepEqual(hitsOf('#[cfg_attr(test, allow(unused))] fn t() { std::fs::read(""); }'), ['std::fs@1:43']);
});

test('test functions: #[test], #[bench], #[tokio::test(...)], #[async_std::test]', () => {
  const src = lines(
    '#[test]',
    'fn a() { std::fs::read("a"); }',
    '#[bench]',
    'fn b(bn: &mut Bencher) { std::fs::read("b"); }',
    '#[tokio::test(flavor = "multi_thread", worker_threads = 2)]',
    'async fn c() { std::fs::read("c"); }',
    '#[async_std::test]',
    '#[should_panic]',
    'async fn d() { std::fs::read("d"); }',
    '#[testing]',
    'fn e() { std::fs::read("e"); }',
  );
  assert.deepEqual(hitsOf(src), ['std::fs@11:10']);
});

test('test fns inside a production impl are skipped, siblings are not', () => {
  const src = lines(
    'impl Foo {',
    '    #[test]',
    '    fn t() { std::fs::read("a"); }',
    '    fn p() { std::fs::read("b"); }',
    '}',
  );
  assert.deepEqual(hitsOf(src), ['std::fs@4:14']);
});

test('#![cfg(test)] file', () => {
  const src = lines('//! Test helpers.', '#![allow(dead_code)]', '#![cfg(test)]', 'use std::fs;', 'fn f() { std::fs::read("a"); }');
  const res = analyzeRust(src, ['std::fs']);
  assert.equal(res.testOnlyFile, true);
  assert.deepEqual(res.hits, []);
  assert.equal(analyzeRust('#![cfg(all(test, feature = "x"))]\nuse std::fs;', ['std::fs']).testOnlyFile, true);
  assert.equal(analyzeRust('#![cfg(test)]', []).testOnlyFile, true);
  const prod = analyzeRust('#![cfg(any(test, feature = "x"))]\nuse std::fs;', ['std::fs']);
  assert.equal(prod.testOnlyFile, false);
  assert.equal(prod.hits.length, 1);
  assert.equal(analyzeRust('#![cfg_attr(test, allow(x))]\nfn f() {}', []).testOnlyFile, false);
});

test('an inline module made test-only by its inner attribute', () => {
  const src = lines('pub mod helpers {', '    #![cfg(test)]', '    use std::fs;', '}', PROD);
  const res = analyzeRust(src, ['std::fs']);
  assert.equal(res.testOnlyFile, false);
  assert.deepEqual(res.hits.map((h) => h.line), [5]);
});

test('test regions as token ranges', () => {
  const src = 'a; #[cfg(test)] mod t { x } b; #[test] fn f() {} c';
  const tokens = lexRust(src);
  const { ranges, mask } = testRegions(tokenize(src));
  const text = ranges.map(([s, e]) => src.slice(tokens[s]!.start, tokens[e - 1]!.end));
  assert.deepEqual(text, ['#[cfg(test)] mod t { x }', '#[test] fn f() {}']);
  assert.equal(mask.reduce((a, b) => a + b, 0), ranges.reduce((a, [s, e]) => a + e - s, 0));
});

test('an unterminated test item runs to EOF, code before it still counts', () => {
  assert.deepEqual(hitsOf(`${PROD}\n#[cfg(test)] mod t { std::fs::read("x");`), ['std::fs@1:13']);
});

test('known limit: #![cfg(test)] anywhere among the leading inner attributes makes the file test-only', () => {
  // rustc rejects inner attributes after items, so no code that compiles hides this way.
  const src = lines('#![allow(dead_code)]', '//! docs', '#![cfg(test)]', PROD);
  assert.deepEqual(hitsOf(src), []);
  assert.equal(analyzeRust(src, ['std::fs']).testOnlyFile, true);
  // An inner cfg(test) that is not among them (inside an item) does not.
  assert.deepEqual(hitsOf(lines('#![allow(dead_code)]', PROD, 'mod m { #![cfg(test)] }')), ['std::fs@2:13']);
});
