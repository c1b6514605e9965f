// One module resolution (src/check/modules.ts) for the staged check, the
// audit and `explain`: a file is test code only if every declaration that
// reaches it is; `#[path]` and `include!` targets are judged wherever they
// are in the repository; a target outside it is a finding. The properties
// hold the on-demand graph (a few files) to the whole-tree graph (the
// audit); the cases run real git repositories through both.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeRust } from '../src/rust/index.js';
import { escapesRepository, partialGraph, reachesFrom, testCodeResolver, treeGraph, type ModuleFacts } from '../src/check/modules.js';
import { makeRepo, parseJson, SMALL_CONFIG } from './helpers.js';

const factsOfText = (text: string): ModuleFacts => {
  const a = analyzeRust(text, []);
  return { testOnlyFile: a.testOnlyFile, moduleDecls: a.moduleDecls, includes: a.includes };
};

// Files of a small crate, and what they may say about each other.
const PATHS = ['src/lib.rs', 'src/main.rs', 'src/a.rs', 'src/a/mod.rs', 'src/b.rs', 'src/a/c.rs', 'src/t.rs', 'testutil/h.rs', 'inc/body.txt', 'src/x.inc'];
const PIECES = [
  'mod a;\n', 'mod b;\n', 'mod c;\n', 'mod t;\n', '#[cfg(test)]\nmod a;\n', '#[cfg(test)] mod b;\n', '#[cfg(test)] mod t;\n', '#[cfg(test)] mod c;\n',
  '#[path = "b.rs"] mod other;\n', '#[cfg(test)]\n#[path = "../testutil/h.rs"] mod h;\n', '#[path = "../testutil/h.rs"] mod h;\n', '#[path = "x.inc"] mod x;\n',
  'include!("../inc/body.txt");\n', 'fn f() { include!("b.rs"); }\n', '#[cfg(test)] fn g() { include!("../inc/body.txt"); }\n', '#[cfg_attr(not(test), path = "t.rs")] mod q;\n',
  'macro_rules! m { () => { mod t; } }\n', 'fn body() { mod b; }\n', '#![cfg(test)]\n', 'mod inline { mod c; }\n', '#[cfg(test)] mod inline { mod b; }\n', 'fn x() {}\n',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(''));
const treeArb = fc.record(Object.fromEntries(PATHS.map((p) => [p, fc.option(text, { nil: undefined })])) as Record<string, fc.Arbitrary<string | undefined>>);

/** The declaring files as the audit finds them: Rust files in scope, then what `#[path]`/`include!` reach. */
function auditFacts(texts: Map<string, string>, declares: (p: string) => boolean): Map<string, ModuleFacts> {
  const facts = new Map<string, ModuleFacts>();
  let frontier = [...texts.keys()].filter(declares);
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const p of frontier) {
      const f = factsOfText(texts.get(p)!);
      facts.set(p, f);
      for (const r of reachesFrom(p, f)) {
        if (r.kind !== 'mod' && !escapesRepository(r.target) && texts.has(r.target) && !seen.has(r.target)) {
          seen.add(r.target);
          next.push(r.target);
        }
      }
    }
    frontier = next;
  }
  return facts;
}

test('property: a check of a few files reaches the verdict of the audit for every file', async () => {
  const declares = (p: string) => p.startsWith('src/') && p.endsWith('.rs');
  await fc.assert(
    fc.asyncProperty(treeArb, async (tree) => {
      const texts = new Map(Object.entries(tree).filter((e): e is [string, string] => e[1] !== undefined));
      const audit = testCodeResolver(treeGraph(auditFacts(texts, declares)));
      const reads: string[] = [];
      const partial = testCodeResolver(
        partialGraph(
          async (p) => {
            reads.push(p);
            return texts.has(p) ? factsOfText(texts.get(p)!) : undefined;
          },
          declares,
          async () => new Set([...texts].filter(([, t]) => /\b(path|include)\b/.test(t)).map(([p]) => p)),
        ),
      );
      for (const path of PATHS) {
        assert.equal((await partial(path)) !== undefined, (await audit(path)) !== undefined, `${path} in ${JSON.stringify(tree)}`);
      }
    }),
    { numRuns: 400 },
  );
});

test('the resolution rules, one case each', async () => {
  const verdicts = async (files: Record<string, string>) => {
    const texts = new Map(Object.entries(files));
    const resolve = testCodeResolver(treeGraph(auditFacts(texts, (p) => p.endsWith('.rs') && !p.startsWith('tests/'))));
    const out: Record<string, boolean> = {};
    for (const p of texts.keys()) out[p] = (await resolve(p)) !== undefined;
    return out;
  };
  // Declared only by a test-only declaration: test code.
  assert.equal((await verdicts({ 'src/lib.rs': '#[cfg(test)] mod u;', 'src/u.rs': '' }))['src/u.rs'], true);
  // Reached by no declaration: production, as a crate root is.
  assert.equal((await verdicts({ 'src/lib.rs': '', 'src/stray.rs': '' }))['src/stray.rs'], false);
  // Also declared by main.rs, or by a `#[path]` shadow, a macro body, a fn body: production.
  assert.equal((await verdicts({ 'src/lib.rs': '#[cfg(test)] mod u;', 'src/main.rs': 'mod u;', 'src/u.rs': '' }))['src/u.rs'], false);
  assert.equal((await verdicts({ 'src/lib.rs': '#[cfg(test)] mod u;\n#[path = "u.rs"] mod other;', 'src/u.rs': '' }))['src/u.rs'], false);
  assert.equal((await verdicts({ 'src/lib.rs': '#[cfg(test)] mod u;\nmacro_rules! m { () => { mod u; } }', 'src/u.rs': '' }))['src/u.rs'], false);
  assert.equal((await verdicts({ 'src/lib.rs': '#[cfg(test)] mod u;\nfn f() { mod u; }', 'src/u.rs': '' }))['src/u.rs'], false);
  // Test code all the way up: a child of a test module, of a `#![cfg(test)]` file.
  const nested = await verdicts({ 'src/lib.rs': '#[cfg(test)] mod t;', 'src/t.rs': 'mod deep;', 'src/t/deep.rs': '', 'src/other.rs': '#![cfg(test)]\nmod inner;', 'src/other/inner.rs': '' });
  assert.equal(nested['src/t/deep.rs'], true);
  assert.equal(nested['src/other/inner.rs'], true, 'every declaration in a test-only file is test code');
  // A crate root stays production whatever names it; a cycle proves nothing.
  assert.equal((await verdicts({ 'src/a.rs': '#[cfg(test)] #[path = "lib.rs"] mod l;', 'src/lib.rs': 'mod a;' }))['src/lib.rs'], false);
  assert.equal((await verdicts({ 'src/x.rs': '#[path = "y.rs"] mod y;', 'src/y.rs': '#[path = "x.rs"] mod x;' }))['src/x.rs'], false);
});

// Real repositories: the crate is `crates/core` of SMALL_CONFIG (scope
// `crates/*/src/**/*.rs`), banning `std::fs`.
const BAD = 'pub fn leak() -> Vec<u8> { std::fs::read("x").unwrap() }\n';

interface Verdicts {
  all: string[];
  staged: string[];
}

/**
 * Commits `base` (with SMALL_CONFIG), stages `change`, and runs the audit of
 * the index and the staged check. Findings are `kind path:line`.
 */
async function auditAndStaged(base: Record<string, string>, change: Record<string, string>): Promise<Verdicts> {
  const repo = await makeRepo({ 'chokepoint.toml': SMALL_CONFIG, 'crates/host/src/fs.rs': 'pub fn f() {}\n', ...base });
  try {
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
    for (const [path, content] of Object.entries(change)) repo.write(path, content);
    await repo.git(['add', '-A']);
    const list = (out: string) => parseJson(out).findings.filter((f) => f.kind !== 'too-few-files').map((f) => `${f.kind} ${f.path}:${f.line}`).sort();
    const all = await repo.chokepoint(['check', '--all', '--cached', '--format', 'json']);
    const staged = await repo.chokepoint(['check', '--staged', '--format', 'json']);
    assert.ok(all.exitCode <= 1 && staged.exitCode <= 1, `${all.stderr}${staged.stderr}`);
    return { all: list(all.stdout), staged: list(staged.stdout) };
  } finally {
    repo.cleanup();
  }
}

const LIB = 'crates/core/src/lib.rs';

test('a file declared test-only and also in production is production, in the audit and the staged check alike', async () => {
  const cases: Array<Record<string, string>> = [
    { [LIB]: '#[cfg(test)]\nmod util;\n', 'crates/core/src/main.rs': 'mod util;\nfn main() {}\n' },
    { [LIB]: '#[cfg(test)]\nmod util;\n#[path = "util.rs"]\nmod shadow;\n' },
    { [LIB]: '#[cfg(test)]\nmod util;\nmacro_rules! later { () => { mod util; } }\n' },
    { [LIB]: '#[cfg(test)]\nmod util;\npub fn f() { #[path = "util.rs"] mod util; }\n' },
  ];
  for (const declarations of cases) {
    const v = await auditAndStaged(declarations, { 'crates/core/src/util.rs': BAD });
    assert.deepEqual(v.staged, ['banned-api crates/core/src/util.rs:1'], JSON.stringify(declarations));
    assert.deepEqual(v.all, v.staged, JSON.stringify(declarations));
  }
  // Declared test-only and nowhere else: test code in both.
  const only = await auditAndStaged({ [LIB]: '#[cfg(test)]\nmod util;\n' }, { 'crates/core/src/util.rs': BAD });
  assert.deepEqual(only, { all: [], staged: [] });
});

test('an undeclared file reached through another file\'s #[cfg(test)] #[path] is test code in both runs', async () => {
  const v = await auditAndStaged({ [LIB]: '#[cfg(test)]\n#[path = "../testutil/helper.rs"]\nmod helper;\n' }, { 'crates/core/testutil/helper.rs': BAD, 'crates/core/src/testutil/helper.rs': BAD });
  // The second file is in scope and reached by nothing: production.
  assert.deepEqual(v.staged, ['banned-api crates/core/src/testutil/helper.rs:1']);
  assert.deepEqual(v.all, v.staged);
  const inScope = await auditAndStaged({ [LIB]: '#[cfg(test)]\n#[path = "testutil/helper.rs"]\nmod helper;\n' }, { 'crates/core/src/testutil/helper.rs': BAD });
  assert.deepEqual(inScope, { all: [], staged: [] });
});

test('#[path] and include! targets are judged as Rust wherever they are, at their own path', async () => {
  const targets: Record<string, string> = {
    [LIB]: 'include!("../inc/body.txt");\n#[path = "helper.inc"]\nmod helper;\n#[path = "../tests/common.rs"]\nmod common;\n#[path = "Impl.RS"]\nmod imp;\n#[cfg_attr(not(test), path = "real.txt")]\nmod real;\n',
  };
  const files = ['crates/core/inc/body.txt', 'crates/core/src/helper.inc', 'crates/core/tests/common.rs', 'crates/core/src/Impl.RS', 'crates/core/src/real.txt'];
  const expected = files.map((f) => `banned-api ${f}:1`).sort();
  // Staged together with the declarations, or alone under unchanged ones.
  const together = await auditAndStaged({}, { ...targets, ...Object.fromEntries(files.map((f) => [f, BAD])) });
  assert.deepEqual(together.all, expected);
  assert.deepEqual(together.staged, expected);
  const alone = await auditAndStaged(targets, Object.fromEntries(files.map((f) => [f, BAD])));
  assert.deepEqual(alone.staged, expected);
  // Inside test code, the same targets are test code.
  const inTest = await auditAndStaged({ [LIB]: '#[cfg(test)]\nmod tests {\n    include!("../inc/body.txt");\n}\n' }, { 'crates/core/inc/body.txt': BAD });
  assert.deepEqual(inTest, { all: [], staged: [] });
});

test('a #[path] or include! outside the repository is a finding of its own', async () => {
  const v = await auditAndStaged({}, { [LIB]: '#[path = "/etc/hostname"]\nmod host;\ninclude!("../../../../outside.rs");\n#[cfg(test)]\n#[path = "/tmp/t.rs"]\nmod t;\n' });
  assert.deepEqual(v.staged, ['escaping-module-path crates/core/src/lib.rs:2', 'escaping-module-path crates/core/src/lib.rs:3']);
  assert.deepEqual(v.all, v.staged);
});

test('explain uses the same resolution: a reached file outside scope is judged, a test module says which declaration makes it one', async () => {
  const repo = await makeRepo({
    'chokepoint.toml': SMALL_CONFIG,
    'crates/host/src/fs.rs': 'pub fn f() {}\n',
    [LIB]: 'include!("../inc/body.txt");\n#[cfg(test)]\nmod util;\n',
    'crates/core/src/main.rs': 'fn main() {}\n',
    'crates/core/inc/body.txt': BAD,
    'crates/core/src/util.rs': BAD,
  });
  try {
    const body = await repo.chokepoint(['explain', 'crates/core/inc/body.txt']);
    assert.equal(body.exitCode, 0, body.stderr);
    assert.match(body.stdout, /reached: +judged as Rust all the same: `include!\("\.\.\/inc\/body\.txt"\)` at crates\/core\/src\/lib\.rs:1 names it/);
    assert.match(body.stdout, /body\.txt:1:28 `std::fs` \(class fs\) — .*violation/);
    const util = await repo.chokepoint(['explain', 'crates/core/src/util.rs']);
    assert.match(util.stdout, /test code: yes — declared as a test module by `#\[cfg\(test\)\] mod util;` at crates\/core\/src\/lib\.rs:3/);
    // A production declaration elsewhere makes it production code.
    repo.write('crates/core/src/main.rs', 'mod util;\nfn main() {}\n');
    const both = await repo.chokepoint(['explain', 'crates/core/src/util.rs']);
    assert.match(both.stdout, /test code: no/);
    assert.match(both.stdout, /util\.rs:1:28 `std::fs` \(class fs\) — .*violation/);
  } finally {
    repo.cleanup();
  }
});
