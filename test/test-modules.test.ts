// The audit's declarer lookup (indexed by module name) against the plain
// definition: every declaration whose candidate files include the path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { deferredTreeLookup, treeLookup, type ModuleFacts } from '../src/check/testModules.js';
import { childModuleCandidates, type ModuleDecl } from '../src/rust/index.js';

const NAMES = ['a', 'b', 'tests', 'mod', 'net', 'r'];
const DIRS = ['crates/x/src', 'crates/x/src/a', 'crates/x/src/bin', 'crates/y/src/net', 'src'];
const FILES = ['lib.rs', 'main.rs', 'mod.rs', 'a.rs', 'net.rs', 'tests.rs', 'tool.rs'];

const declArb: fc.Arbitrary<ModuleDecl> = fc.record({
  name: fc.constantFrom(...NAMES),
  pathAttr: fc.option(fc.constantFrom('x.rs', 'tests.rs', '../a.rs', 'sub/mod.rs', 'a/tests.rs', './net.rs'), { nil: undefined }),
  testOnly: fc.boolean(),
  inlineParents: fc.array(fc.constantFrom(...NAMES), { maxLength: 2 }),
  line: fc.nat(50),
  column: fc.nat(10),
}).chain((d) =>
  fc.option(fc.array(fc.option(fc.constantFrom('inl', '../up', 'deep/er'), { nil: null }), { minLength: d.inlineParents.length, maxLength: d.inlineParents.length }), { nil: undefined }).map((paths) => {
    const decl: ModuleDecl = { ...d };
    if (decl.pathAttr === undefined) delete decl.pathAttr;
    if (paths !== undefined && d.inlineParents.length > 0) decl.inlineParentPaths = paths;
    return decl;
  }),
);

const treeArb = fc.array(fc.tuple(fc.constantFrom(...DIRS), fc.constantFrom(...FILES), fc.array(declArb, { maxLength: 4 }), fc.boolean()), { maxLength: 12 });

function reference(facts: ReadonlyMap<string, ModuleFacts>, path: string): Array<{ declarer: string; decl: ModuleDecl }> {
  const out: Array<{ declarer: string; decl: ModuleDecl }> = [];
  for (const [declarer, f] of facts) for (const decl of f.moduleDecls) if (childModuleCandidates(declarer, decl).includes(path)) out.push({ declarer, decl });
  return out;
}

test('treeLookup finds exactly the declarations whose candidate files include the path, in declaration order', async () => {
  await fc.assert(
    fc.asyncProperty(treeArb, async (tree) => {
      const facts = new Map<string, ModuleFacts>();
      for (const [dir, file, decls, testOnlyFile] of tree) facts.set(`${dir}/${file}`, { testOnlyFile, moduleDecls: decls });
      const lookup = treeLookup(facts);
      const asked = new Set<string>();
      for (const [declarer, f] of facts) for (const decl of f.moduleDecls) for (const c of childModuleCandidates(declarer, decl)) asked.add(c);
      for (const dir of DIRS) for (const file of FILES) asked.add(`${dir}/${file}`);
      for (const path of asked) assert.deepEqual(await lookup(path), reference(facts, path), path);
    }),
    { numRuns: 300 },
  );
});

// The full audit defers the facts of files that may declare modules, keeping
// only the names they may declare (read from the text), and fetches them
// when a lookup asks. Over real Rust text it must answer as treeLookup over
// every file's facts does.
const DECL_PIECES = [
  'mod a;\n', 'pub mod b;\n', '#[cfg(test)]\nmod tests;\n', 'mod net;', 'pub(crate) mod r#r;\n', 'mod a { mod b; }\n', 'mod tests {\n  mod a;\n}\n',
  '#[path = "x.rs"]\nmod e;\n', '#[path="a/tests.rs"] mod t;\n', '# [ path = "sub/mod.rs" ] mod s;\n', '#![path = "inl"]\n', 'mod inl { #![path = "deep"] mod a; }\n',
  'mod /* c */ b;\n', 'mod b /* c */;\n', '// mod a;\n', '"mod tests;"', 'fn f() { mod b; }\n', 'mod a {}\n', '#![cfg(test)]\n', 'use a::mod_b;\n', 'model', ' ', '\n',
];
const fileText = fc.array(fc.constantFrom(...DECL_PIECES), { maxLength: 6 }).map((p) => p.join(''));

test('deferred facts: the lookup fetches exactly what it needs and answers as treeLookup over every file', async () => {
  const { analyzeRust, mayDeclareModule, declaredModuleNames } = await import('../src/rust/analyze.js');
  const tree = fc.uniqueArray(fc.tuple(fc.constantFrom(...DIRS), fc.constantFrom(...FILES), fileText), { maxLength: 10, selector: ([d, f]) => `${d}/${f}` });
  await fc.assert(
    fc.asyncProperty(tree, async (files) => {
      const texts = new Map<string, string>(files.map(([dir, file, text]) => [`${dir}/${file}`, text]));
      const factsOfText = (text: string): ModuleFacts => {
        const a = analyzeRust(text, []);
        return { testOnlyFile: a.testOnlyFile, moduleDecls: a.moduleDecls };
      };
      const all = new Map<string, ModuleFacts>();
      const scanned = new Map<string, ModuleFacts>();
      const deferred = new Map<string, string[] | undefined>();
      for (const path of [...texts.keys()].sort()) {
        const f = factsOfText(texts.get(path)!);
        if (f.testOnlyFile || f.moduleDecls.length > 0) all.set(path, f);
        if (mayDeclareModule(texts.get(path)!)) deferred.set(path, declaredModuleNames(texts.get(path)!));
        else if (f.testOnlyFile || f.moduleDecls.length > 0) scanned.set(path, f);
      }
      const fetched: string[] = [];
      const lookup = deferredTreeLookup(scanned, deferred, async (p) => {
        fetched.push(p);
        return texts.has(p) ? factsOfText(texts.get(p)!) : undefined;
      });
      const plain = treeLookup(all);
      const asked = new Set<string>();
      for (const [declarer, f] of all) for (const decl of f.moduleDecls) for (const c of childModuleCandidates(declarer, decl)) asked.add(c);
      for (const dir of DIRS) for (const file of FILES) asked.add(`${dir}/${file}`);
      for (const path of asked) assert.deepEqual(await lookup(path), await plain(path), path);
      assert.equal(new Set(fetched).size, fetched.length, 'each deferred file is fetched once');
    }),
    { numRuns: 300 },
  );
});

test('deferred facts: names come from the text, and `#[path]` or a comment where a name goes means any name', async () => {
  const { declaredModuleNames, mayHavePathAttribute } = await import('../src/rust/analyze.js');
  assert.deepEqual(declaredModuleNames('pub mod a;\nmod r#b;\nmod inline { mod c; }\nmod d {}\n'), ['a', 'b', 'c']);
  assert.equal(declaredModuleNames('#[path = "x.rs"] mod a;'), undefined);
  assert.equal(declaredModuleNames('mod /* which? */ a;'), undefined);
  assert.equal(mayHavePathAttribute('#[derive(Debug)] struct S; // no path here'), false);
  assert.equal(mayHavePathAttribute('# /* c */ [path = "a.rs"] mod a;'), true);
  assert.equal(mayHavePathAttribute('#![ path = "x" ]'), true);
  assert.equal(mayHavePathAttribute('#[r#path = "x"]'), true);
});
