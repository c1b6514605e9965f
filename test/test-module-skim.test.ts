// The token-free pass that proves "every mention is in comments, literals or
// a plain `#[cfg(test)] mod … { … }`" must never claim more than the lexer
// and the test-region analysis would show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { onlyInTestModules, STATEFUL_CHARS, testItemHeader } from '../src/rust/testModuleSkim.js';
import { Teddy } from '../src/rust/teddy.js';
import { tokenize } from '../src/rust/lexer.js';
import { LITERAL, pairBrackets } from '../src/rust/tokens.js';
import { testRegions } from '../src/rust/testRegions.js';
import { analyzeRust } from '../src/rust/index.js';
import { analyzeRustExhaustively } from '../src/rust/analyze.js';

/** What the full analysis says of each offset: in trivia, a literal or test code. */
function harmless(src: string, offsets: readonly number[]): boolean {
  const ts = tokenize(src);
  const tests = testRegions(ts, pairBrackets(ts));
  return offsets.every((at) => {
    let k = -1;
    for (let j = 0; j < ts.count && ts.start[j]! <= at; j++) k = j;
    if (k < 0 || at >= ts.end[k]!) return true; // trivia
    return ts.kind[k] === LITERAL || tests.mask[k] === 1;
  });
}

const PIECES = [
  'fs', 'std::fs::read(p)', 'x', 'pub fn f() { ', 'fn g() { ', 'let a = ', ';', ' ', '\n', '\t',
  '(', ')', '[', ']', '{', '}', '#', '!', ',', '.', '..', '::', '=', '*', '/',
  '#[cfg(test)]\nmod tests {\n', '#[cfg(test)] mod m { ', '#[cfg(test)]\npub mod t {', '#[cfg(test)] mod m;', '#[cfg(test)]\n#[allow(x)]\nmod a {',
  '#[cfg(test)]\nuse std::fs;\n', '#[cfg(test)] use a::{b, fs};', '#[cfg(test)] use ', '#[cfg(test)]\nfn helper() -> [u8; 4] { ', '#[cfg(test)] fn f();', '#[cfg(test)] pub fn ',
  '#[cfg(test)]', '#[test]\nfn t() { ', '#[cfg(not(test))] mod p { ', 'mod q { ', '}\n', '}\n}\n',
  '"{"', '"}"', '"fs"', '"\\"{"', "'{'", "'}'", "'\\''", "'a", "'a'", "'ab'", "b'{'", "b'", 'b"}"', 'c"{"', "b'fs'", "xb'fs'", "b'}'x'",
  'r"}"', 'r#"{"#', 'r#"}"#', 'br##"}"#"##', 'r#fs', 'r#', 'r#r', "r#b'", "'r#a", '1e+5', '0b', 'cr#"}"#', '// }\n', '// fs\n', '/* { */', '/* /* } */ */', '/*', '*/', '//',
  '1.0', '0x1F', '1..2', "'outer: loop { ", 'ä', '\uFEFF', '#!/bin\n', '#![cfg(test)]', 'use a::{b}', 'use x', 'use a::b;\n',
];

const source = fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((parts) => parts.join(''));

function occurrencesOf(src: string, word: string): number[] {
  const out: number[] = [];
  for (let at = src.indexOf(word); at >= 0; at = src.indexOf(word, at + 1)) out.push(at);
  return out;
}

test('property: when the skim says "only in test modules", the lexer and test regions agree', () => {
  let claimed = 0;
  fc.assert(
    fc.property(source, fc.constantFrom('fs', '{', '}', 'x', 'test', 'mod', '"', "'"), (src, word) => {
      const at = occurrencesOf(src, word);
      if (!onlyInTestModules(src, at)) return;
      claimed++;
      assert.ok(harmless(src, at), `claimed for ${JSON.stringify(word)} in ${JSON.stringify(src)}`);
    }),
    { numRuns: 8000 },
  );
  assert.ok(claimed > 600, `the skim claimed only ${claimed} cases: the property barely ran`);
});

test('property: the skim answers the same from SIMD marks of its stop characters as from the characters', () => {
  const teddy = Teddy.create([Buffer.from('fs')])!;
  const asciiSource = fc.array(fc.constantFrom(...PIECES.filter((p) => /^[\x00-\x7f]*$/.test(p))), { maxLength: 50 }).map((parts) => parts.join(''));
  let claimed = 0;
  fc.assert(
    fc.property(asciiSource, fc.constantFrom('fs', '{', '}', 'x', 'test', 'mod', '"', "'"), (src, word) => {
      const at = occurrencesOf(src, word);
      teddy.input.write(src, 'latin1');
      const marks = teddy.markBytes(src.length, STATEFUL_CHARS);
      const answer = onlyInTestModules(src, at);
      if (answer) claimed++;
      assert.equal(onlyInTestModules(src, at, marks), answer, JSON.stringify(src));
    }),
    { numRuns: 6000 },
  );
  assert.ok(claimed > 400, `the skim claimed only ${claimed} cases: the property barely ran`);
});

test('property: files ending in a test module get the same analysis with and without shortcuts', () => {
  const production = fc.array(fc.constantFrom(...PIECES.filter((p) => !p.includes('test'))), { maxLength: 25 }).map((p) => p.join(''));
  const file = fc.tuple(production, source).map(([a, b]) => `${a}\n#[cfg(test)]\nmod tests {\n${b}\n}\n`);
  const needles = ['std::fs', 'fs', 'x', 'r#fs', 'mod'];
  fc.assert(
    fc.property(file, fc.subarray(needles, { minLength: 1 }), (src, list) => {
      assert.deepEqual(analyzeRust(src, list), analyzeRustExhaustively(src, list));
    }),
    { numRuns: 4000 },
  );
});

test('a typical file: production code, then a test module that uses the API', () => {
  const src = [
    '//! Reads nothing from the host; see crate::fs for that (std::fs is not used here).',
    'use crate::wire::{Frame, Header};',
    'pub fn encode(f: &Frame) -> Vec<u8> { let s = "std::fs { in a string"; s.into() }',
    '',
    '#[cfg(test)]',
    'mod tests {',
    '    use super::*;',
    "    fn fixture() -> Vec<u8> { std::fs::read(\"fixture.bin\").unwrap() } // '}'",
    "    const BRACE: char = '}';",
    '    #[test]',
    '    fn t() { let _ = r#"}"#; let _x: &\'static str = "{"; }',
    '}',
    '',
  ].join('\n');
  assert.equal(onlyInTestModules(src, occurrencesOf(src, 'fs')), true);
  assert.deepEqual(analyzeRust(src, ['std::fs']).hits, []);
});

test('anything else is left to the full analysis', () => {
  const inTests = (body: string) => `fn f() {}\n${body}`;
  const cases: Array<[string, string]> = [
    ['production code', 'fn f() { std::fs::read(p); }\n#[cfg(test)]\nmod tests { fn t() { std::fs::read(p); } }'],
    ['another attribute between', inTests('#[cfg(test)]\n#[allow(unused)]\nmod tests { fn t() { std::fs::read(p); } }')],
    ['a doc comment between', inTests('#[cfg(test)]\n/// docs\nmod tests { fn t() { std::fs::read(p); } }')],
    ['an unclosed module', inTests('#[cfg(test)]\nmod tests { fn t() { std::fs::read(p); }')],
    ['an unmatched closer before', inTests('}\n#[cfg(test)]\nmod tests { fn t() { std::fs::read(p); } }')],
    ['a nested test module only', inTests('mod outer {\n#[cfg(test)]\nmod tests { fn t() { std::fs::read(p); } }\n}')],
    ['a test function', inTests('#[test]\nfn t() { std::fs::read(p); }')],
    ['after the module', inTests('#[cfg(test)]\nmod tests { }\nfn g() { std::fs::read(p); }')],
  ];
  for (const [name, src] of cases) {
    assert.equal(onlyInTestModules(src, occurrencesOf(src, 'fs')), false, name);
  }
  // Brackets pair as pairBrackets pairs them: a closer with the innermost opener, whatever its kind.
  const mismatched = inTests('#[cfg(test)]\nmod tests { fn t() { std::fs::read(p]; } }\nfn g() { std::fs::read(q); }');
  assert.equal(onlyInTestModules(mismatched, occurrencesOf(mismatched, 'fs')), false);
  assert.equal(analyzeRust(mismatched, ['std::fs']).hits.length, 1);
  // A raw-identifier module name is read like any name.
  const raw = inTests('#[cfg(test)]\nmod r#tests { fn t() { std::fs::read(p); } }');
  assert.equal(onlyInTestModules(raw, occurrencesOf(raw, 'fs')), true);
  // The full analysis still finds the test code it knows (and the leak).
  assert.deepEqual(analyzeRust(cases[1]![1], ['std::fs']).hits, []);
  assert.equal(analyzeRust(cases[0]![1], ['std::fs']).hits.length, 1);
});

test('the recognised headers: `#[cfg(test)]`, optional `pub`, then `mod`, `fn` or `use`', () => {
  assert.deepEqual(testItemHeader('#[cfg(test)]\nmod tests {', 0), { end: 'brace', resume: 17 });
  assert.deepEqual(testItemHeader('#[cfg(test)] pub mod t{', 0), { end: 'brace', resume: 21 });
  assert.deepEqual(testItemHeader('#[cfg(test)]mod tests {', 0), { end: 'brace', resume: 16 });
  assert.deepEqual(testItemHeader('#[cfg(test)]\nfn helper() {', 0), { end: 'brace', resume: 16 });
  assert.deepEqual(testItemHeader('#[cfg(test)]\nuse std::fs;', 0), { end: 'semi', resume: 17 });
  assert.equal(testItemHeader('#[cfg(test)] module x {', 0), undefined);
  assert.equal(testItemHeader('#[cfg(test)] pubmod x {', 0), undefined);
  assert.equal(testItemHeader('#[cfg(test)] mod{', 0), undefined);
  assert.equal(testItemHeader('#[cfg(test)] impl X {', 0), undefined);
  assert.equal(testItemHeader('#[cfg(tests)] mod t {', 0), undefined);
  assert.equal(testItemHeader('#[cfg(test)] pub(crate) mod t {', 0), undefined);
});

test('test-only `use` items and helper functions are test items too', () => {
  const src = [
    'use crate::wire::Frame;',
    '#[cfg(test)]',
    'use std::net::TcpListener;',
    '#[cfg(test)] use std::{fs::{self, File}, process::Command};',
    'pub fn encode(f: &Frame) -> usize { f.len() }',
    '#[cfg(test)]',
    'fn fixture() -> [u8; 4] { let _ = std::fs::read("x"); [0; 4] }',
    '',
  ].join('\n');
  for (const word of ['std', 'fs', 'net', 'process']) assert.equal(onlyInTestModules(src, occurrencesOf(src, word)), true, word);
  assert.equal(onlyInTestModules(src, occurrencesOf(src, 'Frame')), false, 'a production mention');
  assert.deepEqual(analyzeRust(src, ['std::fs', 'std::net::', 'std::process::Command']).hits, []);
});

test('literal prefixes are read as tokenize reads them: after a lifetime, a raw identifier, a number', () => {
  // Each once fooled the skim into reading a raw string or a byte literal
  // where tokenize reads a lifetime, a raw identifier or a stray quote.
  const cases: Array<[string, string]> = [
    ['\'axb\'fs\'br##"}"#"##b"}"', '}'],
    ["'a'a'r#\"\\\"{\"\n#[cfg(test)]\nmod tests {\n)fs\n}\n", 'fs'],
    ['r#r#"\\"{"\n#[cfg(test)]\nmod tests {\n}\nx\n}\n', 'x'],
    ["r#b'", "'"],
    ["fn f<'br>() {}\nbr#\"x\"#; fs", 'fs'],
    ["1e+5r\"}\" fs", 'fs'],
  ];
  for (const [src, word] of cases) {
    const at = occurrencesOf(src, word);
    assert.ok(at.length > 0, src);
    assert.equal(onlyInTestModules(src, at), harmless(src, at) && onlyInTestModules(src, at), src);
    if (onlyInTestModules(src, at)) assert.ok(harmless(src, at), src);
  }
  assert.equal(onlyInTestModules("r#b'", [3]), false, "the quote after `r#b` is a stray quote, in code");
  assert.equal(onlyInTestModules('r#r#"a" x "#', [8]), false, 'after the raw identifier `r#r`, `#"a" x "#` is not a raw string');
  assert.equal(onlyInTestModules("'br#\"a\" x \"#", [8]), false, "after the lifetime `'br`, `#\"a\" x \"#` is not a raw string");
  assert.equal(onlyInTestModules('br#"a" x "#', [7]), true, 'at the start of a token it is a raw string');
});

test('a use item left open takes the test item after it into its paths: no shortcut then', () => {
  // useTree.ts ends a use item at its `;`: without one, what follows joins its
  // paths, test code included, and the full analysis reports the needle there.
  for (const src of ['use a::b\n#[cfg(test)]\nmod t { fs }\n', 'use a::{b}\n#[cfg(test)]\nmod t { fs }\n', 'use #[test] fn t() { fs']) {
    assert.equal(onlyInTestModules(src, occurrencesOf(src, 'fs')), false, src);
    assert.deepEqual(analyzeRust(src, ['fs']), analyzeRustExhaustively(src, ['fs']), src);
    assert.equal(analyzeRust(src, ['fs']).hits.length, 1, src);
  }
  // A `;` inside brackets the use item skips whole does not end it.
  for (const src of ['use a::{b}[use a::b;\n)\n#[cfg(test)]\nmod tests {\nfs\n}\n', 'use a::{b}(;}\n#[cfg(test)]\nmod tests {\nfs\n}\n']) {
    assert.deepEqual(analyzeRust(src, ['mod']), analyzeRustExhaustively(src, ['mod']), src);
    assert.equal(analyzeRust(src, ['mod']).hits.length, 1, src);
  }
  const closed = 'use a::b;\n#[cfg(test)]\nmod t { fs }\n';
  assert.equal(onlyInTestModules(closed, occurrencesOf(closed, 'fs')), true);
  assert.deepEqual(analyzeRust(closed, ['fs']).hits, []);
});
