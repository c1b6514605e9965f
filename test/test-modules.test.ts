// The audit's declarer lookup (indexed by module name) against the plain
// definition: every declaration whose candidate files include the path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { treeLookup, type ModuleFacts } from '../src/check/testModules.js';
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
