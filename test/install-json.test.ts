// install/uninstall change only the hook keys of package.json, byte for
// byte everywhere else: generated files with CRLF, odd number spellings,
// duplicate keys, tabs, minified text, no final newline, an existing
// simple-git-hooks object; uninstall(install(x)) == x.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { install, uninstall } from '../src/install/hooks.js';
import { openRepository, type Repository } from '../src/git.js';
import { appendMember, removeMember, topObject } from '../src/install/jsonText.js';
import { smallRepo, type Repo } from './helpers.js';

type Node = { t: 'num'; text: string } | { t: 'str'; text: string } | { t: 'lit'; text: string } | { t: 'arr'; items: Node[] } | { t: 'obj'; members: Array<[string, Node]> };

const NUMBERS = ['1.0', '12345678901234567890', '-0', '1e5', '1E-7', '0.10', '3'];
const STRINGS = ['"a"', '"\\u00e9t\\u00e9"', '"\\/x"', '"tab\\there"', '"😀"', '""', '"^1.2.3"'];
const KEYS = ['name', 'version', 'scripts', 'dependencies', 'a', 'a', 'x-y', 'é'];

const leaf: fc.Arbitrary<Node> = fc.oneof(
  fc.constantFrom(...NUMBERS).map((text) => ({ t: 'num' as const, text })),
  fc.constantFrom(...STRINGS).map((text) => ({ t: 'str' as const, text })),
  fc.constantFrom('true', 'false', 'null').map((text) => ({ t: 'lit' as const, text })),
);
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }).map((items) => ({ t: 'arr' as const, items })),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 3 }).map((members) => ({ t: 'obj' as const, members })),
  ),
}));

interface Style {
  unit: string;
  eol: string;
  finalNewline: boolean;
  minified: boolean;
}

function print(n: Node, style: Style, depth: number): string {
  if (n.t !== 'arr' && n.t !== 'obj') return n.text;
  const [open, close] = n.t === 'arr' ? ['[', ']'] : ['{', '}'];
  const parts = n.t === 'arr' ? n.items.map((i) => print(i, style, depth + 1)) : n.members.map(([k, v]) => `${JSON.stringify(k)}:${style.minified ? '' : ' '}${print(v, style, depth + 1)}`);
  if (parts.length === 0) return `${open}${close}`;
  if (style.minified) return `${open}${parts.join(',')}${close}`;
  const inner = style.unit.repeat(depth + 1);
  return `${open}${style.eol}${parts.map((p) => inner + p).join(`,${style.eol}`)}${style.eol}${style.unit.repeat(depth)}${close}`;
}

const packageJson = fc
  .record({
    members: fc.array(fc.tuple(fc.constantFrom(...KEYS), node), { maxLength: 5 }),
    hooks: fc.option(fc.subarray(['"pre-push": "npm test"', '"preserveUnused": false', '"post-merge": "npm ci"']), { nil: undefined }),
    style: fc.record({ unit: fc.constantFrom('  ', '    ', '\t'), eol: fc.constantFrom('\n', '\r\n'), finalNewline: fc.boolean(), minified: fc.boolean() }),
  })
  .map(({ members, hooks, style }) => {
    const all: Array<[string, Node]> = [['name', { t: 'str', text: '"app"' }], ...members];
    let text = print({ t: 'obj', members: all }, style, 0);
    if (hooks !== undefined) {
      // An existing simple-git-hooks object, written in the same style.
      const obj = hooks.length ? `{${hooks.join(', ')}}` : '{}';
      text = `${text.slice(0, -1)}${style.minified ? ',' : `,${style.eol}${style.unit}`}"simple-git-hooks": ${obj}${style.minified ? '' : style.eol}}`;
    }
    return style.finalNewline ? `${text}${style.eol}` : text;
  });

const HOOK_KEYS = new Set(['pre-commit', 'pre-merge-commit', 'commit-msg', 'preserveUnused']);

/** The parsed document without chokepoint's hook members (and without the object when only they are left). */
function withoutHookKeys(text: string): unknown {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const hooks = doc['simple-git-hooks'] as Record<string, unknown> | undefined;
  if (hooks) {
    const rest = Object.fromEntries(Object.entries(hooks).filter(([k]) => !HOOK_KEYS.has(k)));
    doc['simple-git-hooks'] = rest;
  }
  return doc;
}

let repo: Repo;
let repository: Repository;

before(async () => {
  repo = await smallRepo();
  repository = await openRepository(repo.dir);
});

after(() => repo.cleanup());

test('uninstall(install(x)) == x byte for byte, and install changes only the hook keys', async () => {
  const pkg = join(repo.dir, 'package.json');
  await fc.assert(
    fc.asyncProperty(packageJson, async (text) => {
      writeFileSync(pkg, text);
      await install(repository, false);
      const installed = readFileSync(pkg, 'utf8');
      const hooks = (JSON.parse(installed) as Record<string, Record<string, unknown>>)['simple-git-hooks']!;
      assert.match(String(hooks['pre-commit']), /managed by chokepoint install/);
      assert.equal(hooks.preserveUnused, true);
      const before = withoutHookKeys(text) as Record<string, unknown>;
      const afterInstall = withoutHookKeys(installed) as Record<string, unknown>;
      if (!('simple-git-hooks' in before)) delete afterInstall['simple-git-hooks'];
      assert.deepEqual(afterInstall, before);
      // Every byte before the first change is the original's.
      let k = 0;
      while (k < text.length && text[k] === installed[k]) k++;
      assert.ok(k > 0);
      if (text.includes('\r\n')) assert.doesNotMatch(installed.replace(/\r\n/g, ''), /\n/, 'CRLF stays CRLF');
      await uninstall(repository);
      assert.equal(readFileSync(pkg, 'utf8'), text);
    }),
    { numRuns: 40 },
  );
});

test('the text editor: appendMember then removeMember is the identity on generated objects', () => {
  fc.assert(
    fc.property(packageJson, fc.constantFrom('k', 'simple-git-hooks', 'name'), (text, key) => {
      const added = appendMember(text, topObject(text), key, { a: 1, b: ['x'] });
      const parsed = JSON.parse(added) as Record<string, unknown>;
      assert.deepEqual(parsed[key], { a: 1, b: ['x'] });
      const top = topObject(added);
      assert.equal(removeMember(added, top, top.members[top.members.length - 1]!), text);
    }),
    { numRuns: 500 },
  );
});
