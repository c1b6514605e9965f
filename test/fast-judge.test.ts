// The fast path (src/fast/) must give the plain judge's analysis for every
// text: generated files with generated needle lists, files made to sit at
// the prefilter's edges, and every Rust file of the example workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeRust } from '../src/rust/index.js';
import { fastJudge } from '../src/fast/index.js';
import { prefilterFor, requiredWords } from '../src/fast/prefilter.js';
import { mayHaveModuleFacts } from '../src/fast/moduleWords.js';
import { loadJudge, plainJudge } from '../src/judge.js';

const analyzeFast = fastJudge(plainJudge).analyze;
import { parseConfig } from '../src/config/load.js';
import { indexClasses } from '../src/rules/bannedApi.js';
import { PROJECT_ROOT } from './helpers.js';

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
  '#![cfg(test)]', '#[path = "p.rs"] ', 'include!("x.inc");', 'std::include!["a/b.rs"]', '#[cfg_attr(not(test), path = "r.txt")] ', 'include', 'includes', 'include_str!("s.txt")', 'include /* c */ !("c.rs")', 'include\n!', 'fn f() { ', 'impl X { ', '\uFEFF', '\0', 'ä', '😀',
  // trivia between a path's parts
  '::// c\n', ':: /* c */', '::\n// c\n', '/* c */::', ' // c\n::', 'std::{', 'use tokio::time;', 'self.process', 'std::process',
  // comments that mention needles, and what can make a `//` not a comment
  '// std::fs\n', '/// File::open\n', '//! env::var(\n', '/* // */', '*/', '/*', '//', '"//"', "'/'", 'r"//"',
];

const source = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

test('property: the fast path gives the plain analysis', () => {
  fc.assert(
    fc.property(source, fc.subarray(NEEDLES, { minLength: 1 }), (src, needles) => {
      assert.deepEqual(analyzeFast(src, needles), analyzeRust(src, needles));
    }),
    { numRuns: 4000 },
  );
});

test('property: the fast path holds on long files with far-apart matches', () => {
  const long = fc.array(fc.constantFrom(...PIECES), { minLength: 200, maxLength: 600 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(long, (src) => {
      assert.deepEqual(analyzeFast(src, NEEDLES), analyzeRust(src, NEEDLES));
    }),
    { numRuns: 300 },
  );
});

test('property: a needle the prefilter drops has no hit in the plain analysis', () => {
  let dropped = 0;
  fc.assert(
    fc.property(source, fc.constantFrom(...NEEDLES), (src, needle) => {
      if (prefilterFor([needle]).liveNeedles(src).length > 0) return;
      dropped++;
      assert.deepEqual(analyzeRust(src, [needle]).hits, [], JSON.stringify(src));
    }),
    { numRuns: 4000 },
  );
  assert.ok(dropped > 1000, `the prefilter dropped only ${dropped} needles: the property barely ran`);
});

test('property: a text the module checks clear has no module facts', () => {
  let cleared = 0;
  fc.assert(
    fc.property(source, (src) => {
      if (mayHaveModuleFacts(src)) return;
      cleared++;
      const plain = analyzeRust(src, []);
      assert.deepEqual([plain.moduleDecls, plain.includes, plain.testOnlyFile], [[], [], false], JSON.stringify(src));
    }),
    { numRuns: 4000 },
  );
  assert.ok(cleared > 500, `only ${cleared} texts were cleared: the property barely ran`);
});

test('the words a needle needs: inner words whole, the first and last may be parts of longer ones', () => {
  assert.deepEqual(requiredWords('std::process::Command'), [
    { text: 'std', leftBound: false, rightBound: true },
    { text: 'process', leftBound: true, rightBound: true },
    { text: 'Command', leftBound: true, rightBound: false },
  ]);
  // Resolution may supply `crate`, `self` and `super` from the file's place.
  assert.deepEqual(requiredWords('crate::net::dial').map((w) => w.text), ['net', 'dial']);
  assert.deepEqual(requiredWords('::'), []);
});

test('the prefilter respects identifier boundaries, and keeps needles that end inside a word', () => {
  const live = (src: string, needle: string) => prefilterFor([needle]).liveNeedles(src).length === 1;
  assert.equal(live('let offset = std::x;', 'std::fs'), false);
  assert.equal(live('let o = std::fs;', 'std::fs'), true);
  assert.equal(live('\uFEFFfs::read()', 'fs::read'), true);
  assert.equal(live('a.r#to_socket_addrs()', '.to_socket_addrs('), true);
  // A needle matches as a substring of the code: its ends may sit inside identifiers.
  assert.equal(live('std::process::CommandExt', 'std::process::Command'), true);
  assert.equal(analyzeFast('use std::process::CommandExt;', ['std::process::Command']).hits.length, 1);
  assert.equal(live('x::std::fs', 'd::fs'), true);
  // The prefilter keeps it; the judge's rule decides: a needle starting with a name matches at a segment boundary only.
  assert.equal(analyzeFast('std::fs::read(p)', ['d::fs']).hits.length, 0);
  assert.equal(analyzeFast('d::fs::read(p)', ['d::fs']).hits.length, 1);
  // Every word must occur, each with its own bounds.
  assert.equal(live('use std::{fs, process};', 'std::process::Command'), false);
  assert.equal(live('use std::process::{self}; process::Command::new("x");', 'std::process::Command'), true);
});

test('the include check: only an `include` word followed by `!` (past trivia) can be an include!', () => {
  for (const src of ['include!("a.rs");', 'std::include ! ("a.rs")', 'include/* c */!("a.rs")', 'include // c\n!("a.rs")', '\uFEFFinclude!("a.rs")']) {
    assert.equal(mayHaveModuleFacts(src), true, src);
    assert.equal(analyzeFast(src, ['x.y']).includes.length, 1, src);
  }
  for (const src of ['// includes a file', 'include_str!("a.txt")', 'let include = 1;', 'xinclude!("a.rs")', 'fn include() {}']) {
    assert.equal(mayHaveModuleFacts(src), false, src);
    assert.deepEqual(analyzeRust(src, []).includes, [], src);
  }
});

test('a leading BOM does not hide a module declaration from the quick check', () => {
  assert.deepEqual(analyzeFast('\uFEFFmod m;', ['x.y']).moduleDecls.map((d) => [d.name, d.line, d.column]), [['m', 1, 1]]);
});

test('every Rust file of the example workspace gets the plain analysis from the fast path', () => {
  const root = join(PROJECT_ROOT, 'fixtures', 'secure-exec');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((p) => p.endsWith('.rs'));
  assert.ok(files.length >= 10, `only ${files.length} Rust files in the example workspace`);
  const configFile = join(root, 'chokepoint.toml');
  const needles = indexClasses(parseConfig(readFileSync(configFile, 'utf8'), 'chokepoint.toml', configFile).classes).needles;
  let hits = 0;
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const plain = analyzeRust(text, needles);
    hits += plain.hits.length;
    assert.deepEqual(analyzeFast(text, needles), plain, file);
  }
  assert.ok(hits > 0, 'the example workspace has no hit at all: the comparison says little');
});

test('CHOKEPOINT_JUDGE picks the judge; anything but plain or fast is refused', async () => {
  assert.equal(await loadJudge({ CHOKEPOINT_JUDGE: 'plain' }), plainJudge);
  assert.equal((await loadJudge({})).name, 'fast');
  assert.equal((await loadJudge({ CHOKEPOINT_JUDGE: 'fast' })).name, 'fast');
  await assert.rejects(loadJudge({ CHOKEPOINT_JUDGE: 'turbo' }), /unknown judge "turbo" in CHOKEPOINT_JUDGE/);
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
    assert.deepEqual(analyzeFast(ruled, [needle]), analyzeRust(ruled, [needle]), src);
    assert.equal(analyzeRust(ruled, [needle]).hits.length, hits, src);
  }
});
