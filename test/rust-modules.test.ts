import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRust, childModuleCandidates, parentModuleCandidates, type ModuleDecl } from '../src/rust/index.js';

const lines = (...ls: string[]): string => ls.join('\n');
const decl = (name: string, extra: Partial<ModuleDecl> = {}): ModuleDecl => ({
  name,
  testOnly: false,
  inlineParents: [],
  line: 1,
  column: 1,
  ...extra,
});

test('out-of-line module declarations with attributes, visibility and positions', () => {
  const src = lines(
    'mod a;',
    'pub mod b;',
    'pub(crate) mod r#match;',
    '#[cfg(test)]',
    'mod tests;',
    '#[cfg(test)]',
    '#[path = "x_tests.rs"]',
    'mod tests2;',
    '#[path = r#"dir/p.rs"#] #[cfg(all(test, unix))] pub(in crate::a) mod t3;',
    '#[cfg(any(test, feature = "x"))] mod t4;',
    '/// docs',
    '#[cfg(not(test))] mod t5;',
    'mod inline { fn x() {} }',
    '// mod commented;',
    'const S: &str = "mod in_string;";',
  );
  const { moduleDecls } = analyzeRust(src, []);
  assert.deepEqual(moduleDecls, [
    { name: 'a', testOnly: false, inlineParents: [], line: 1, column: 1 },
    { name: 'b', testOnly: false, inlineParents: [], line: 2, column: 5 },
    { name: 'match', testOnly: false, inlineParents: [], line: 3, column: 12 },
    { name: 'tests', testOnly: true, inlineParents: [], line: 5, column: 1 },
    { name: 'tests2', testOnly: true, inlineParents: [], line: 8, column: 1, pathAttr: 'x_tests.rs' },
    { name: 't3', testOnly: true, inlineParents: [], line: 9, column: 66, pathAttr: 'dir/p.rs' },
    { name: 't4', testOnly: false, inlineParents: [], line: 10, column: 34 },
    { name: 't5', testOnly: false, inlineParents: [], line: 12, column: 19 },
  ]);
});

test('declarations inside inline modules, test-only regions and test files', () => {
  const src = lines(
    'mod outer {',
    '    mod inner { pub mod leaf; }',
    '    #[cfg(test)]',
    '    mod t { mod helper; }',
    '}',
    'mod m { #![cfg(test)] mod deep; }',
    '#[path = "threads"] mod thread { #[path = "tls.rs"] mod local; mod other; }',
    'mod inner_attr { #![path = "ia"] mod z; }',
  );
  const decls = analyzeRust(src, []).moduleDecls.map(({ name, testOnly, inlineParents, inlineParentPaths, pathAttr }) => ({
    name,
    testOnly,
    inlineParents,
    inlineParentPaths,
    pathAttr,
  }));
  assert.deepEqual(decls, [
    { name: 'leaf', testOnly: false, inlineParents: ['outer', 'inner'], inlineParentPaths: undefined, pathAttr: undefined },
    { name: 'helper', testOnly: true, inlineParents: ['outer', 't'], inlineParentPaths: undefined, pathAttr: undefined },
    { name: 'deep', testOnly: true, inlineParents: ['m'], inlineParentPaths: undefined, pathAttr: undefined },
    { name: 'local', testOnly: false, inlineParents: ['thread'], inlineParentPaths: ['threads'], pathAttr: 'tls.rs' },
    { name: 'other', testOnly: false, inlineParents: ['thread'], inlineParentPaths: ['threads'], pathAttr: undefined },
    { name: 'z', testOnly: false, inlineParents: ['inner_attr'], inlineParentPaths: ['ia'], pathAttr: undefined },
  ]);

  const file = analyzeRust('#![cfg(test)]\nmod a;\npub mod b;', ['std::fs']);
  assert.equal(file.testOnlyFile, true);
  assert.deepEqual(file.moduleDecls.map((d) => d.testOnly), [true, true]);
});

test('a file with no needle still reports its declarations', () => {
  assert.deepEqual(analyzeRust('mod a /* c */ ;', ['std::fs']).moduleDecls.map((d) => d.name), ['a']);
  assert.deepEqual(analyzeRust('mod tests { }', ['std::fs']).moduleDecls, []);
});

test('path attribute values: escapes and raw strings', () => {
  const src = '#[path = "a\\\\b\\u{2F}c.rs"] mod x; #[path = r"r.rs"] mod y;';
  assert.deepEqual(analyzeRust(src, []).moduleDecls.map((d) => d.pathAttr), ['a\\b/c.rs', 'r.rs']);
});

test('childModuleCandidates: mod-rs and non-mod-rs files', () => {
  assert.deepEqual(childModuleCandidates('a/src/lib.rs', decl('x')), ['a/src/x.rs', 'a/src/x/mod.rs']);
  assert.deepEqual(childModuleCandidates('a/src/main.rs', decl('x')), ['a/src/x.rs', 'a/src/x/mod.rs']);
  assert.deepEqual(childModuleCandidates('a/src/foo/mod.rs', decl('x')), ['a/src/foo/x.rs', 'a/src/foo/x/mod.rs']);
  assert.deepEqual(childModuleCandidates('a/src/foo.rs', decl('x')), ['a/src/foo/x.rs', 'a/src/foo/x/mod.rs']);
  assert.deepEqual(childModuleCandidates('./a/src/foo.rs', decl('x')), ['a/src/foo/x.rs', 'a/src/foo/x/mod.rs']);
  assert.deepEqual(childModuleCandidates('lib.rs', decl('x')), ['x.rs', 'x/mod.rs']);
  // A Cargo binary in src/bin is a crate root.
  assert.deepEqual(childModuleCandidates('a/src/bin/tool.rs', decl('x')), ['a/src/bin/x.rs', 'a/src/bin/x/mod.rs']);
});

test('childModuleCandidates: inline parents', () => {
  const parents = { inlineParents: ['p', 'q'] };
  assert.deepEqual(childModuleCandidates('a/src/lib.rs', decl('x', parents)), ['a/src/p/q/x.rs', 'a/src/p/q/x/mod.rs']);
  assert.deepEqual(childModuleCandidates('a/src/foo.rs', decl('x', parents)), ['a/src/foo/p/q/x.rs', 'a/src/foo/p/q/x/mod.rs']);
});

test('childModuleCandidates: #[path] follows the Reference table', () => {
  // Not inside inline modules: relative to the declaring file's directory.
  assert.deepEqual(childModuleCandidates('src/a/b.rs', decl('x', { pathAttr: 'foo.rs' })), ['src/a/foo.rs']);
  assert.deepEqual(childModuleCandidates('src/a/mod.rs', decl('x', { pathAttr: 'foo.rs' })), ['src/a/foo.rs']);
  assert.deepEqual(childModuleCandidates('src/lib.rs', decl('x', { pathAttr: '../shared/./x.rs' })), ['shared/x.rs']);
  // Inside inline modules: the inline modules' directory, which for a non-mod-rs file starts with its stem.
  const inline = { inlineParents: ['inline'], pathAttr: 'other.rs' };
  assert.deepEqual(childModuleCandidates('src/a/b.rs', decl('x', inline)), ['src/a/b/inline/other.rs']);
  assert.deepEqual(childModuleCandidates('src/a/mod.rs', decl('x', inline)), ['src/a/inline/other.rs']);
  // An inline module's own #[path] is its directory.
  const thread = { inlineParents: ['thread'], inlineParentPaths: ['thread_files'] };
  assert.deepEqual(childModuleCandidates('src/lib.rs', decl('local', { ...thread, pathAttr: 'tls.rs' })), ['src/thread_files/tls.rs']);
  assert.deepEqual(childModuleCandidates('src/a/b.rs', decl('local', thread)), ['src/a/thread_files/local.rs', 'src/a/thread_files/local/mod.rs']);
});

test('childModuleCandidates from a real declaration', () => {
  const [d] = analyzeRust('mod net { #[cfg(test)] #[path = "net_tests.rs"] mod tests; }', []).moduleDecls;
  assert.ok(d?.testOnly);
  assert.deepEqual(childModuleCandidates('crates/k/src/kernel.rs', d), ['crates/k/src/kernel/net/net_tests.rs']);
});

test('parentModuleCandidates', () => {
  assert.deepEqual(parentModuleCandidates('a/src/x/y.rs'), ['a/src/x.rs', 'a/src/x/mod.rs']);
  assert.deepEqual(parentModuleCandidates('a/src/x/y/mod.rs'), ['a/src/x.rs', 'a/src/x/mod.rs']);
  assert.deepEqual(parentModuleCandidates('a/src/y.rs'), ['a/src/lib.rs', 'a/src/main.rs', 'a/src/mod.rs']);
  assert.deepEqual(parentModuleCandidates('a/src/y/mod.rs'), ['a/src/lib.rs', 'a/src/main.rs', 'a/src/mod.rs']);
  assert.deepEqual(parentModuleCandidates('a/src/bin/tool/util.rs'), ['a/src/bin/tool.rs', 'a/src/bin/tool/mod.rs', 'a/src/bin/tool/main.rs']);
  assert.deepEqual(parentModuleCandidates('a/src/lib.rs'), []);
  assert.deepEqual(parentModuleCandidates('a/src/main.rs'), []);
  assert.deepEqual(parentModuleCandidates('a/src/bin/tool.rs'), []);
  assert.deepEqual(parentModuleCandidates('a/Cargo.toml'), []);
});

test('child and parent candidates agree', () => {
  for (const [declaring, child] of [
    ['a/src/lib.rs', 'a/src/x.rs'],
    ['a/src/x.rs', 'a/src/x/y.rs'],
    ['a/src/x/mod.rs', 'a/src/x/y/mod.rs'],
  ] as const) {
    const name = child.replace(/\/mod\.rs$/, '').replace(/\.rs$/, '').split('/').pop()!;
    assert.ok(childModuleCandidates(declaring, decl(name)).includes(child), `${declaring} -> ${child}`);
    assert.ok(parentModuleCandidates(child).includes(declaring), `${child} <- ${declaring}`);
  }
});
