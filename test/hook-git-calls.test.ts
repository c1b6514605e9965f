// How many git processes the pre-commit check starts: each one costs the
// hook more than judging a file (docs/performance.md), so the count is held
// here. Counted with git's own trace (GIT_TRACE2_EVENT: one `start` event per
// git process, with its arguments); real git throughout. The fast path reads
// the git directory itself (src/fast/git/) and starts none in the plain case;
// the reference path (CHOKEPOINT_JUDGE=plain) keeps its three.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GIT_ENV, smallRepo, tempDir, type Repo } from './helpers.js';

const trace = tempDir('chokepoint-trace-');
const repos: Repo[] = [];
after(() => repos.forEach((r) => r.cleanup()));

/** The reference path: git answers everything. */
const PLAIN = { CHOKEPOINT_JUDGE: 'plain' };
/** The default environment: the fast path. */
const FAST = { CHOKEPOINT_JUDGE: undefined };

/** The git command lines a chokepoint run started, sorted. */
async function gitCalls(repo: Repo, args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; calls: string[] }> {
  const file = join(trace, 'events');
  rmSync(file, { force: true });
  const r = await repo.chokepoint(args, { env: { ...GIT_ENV, ...env, GIT_TRACE2_EVENT: file, GIT_TRACE2_EVENT_NESTING: '1' } });
  assert.ok(r.exitCode === 0 || r.exitCode === 1, r.stdout + r.stderr);
  // git writes the trace file only when a git process starts.
  if (!existsSync(file)) return { exitCode: r.exitCode, calls: [] };
  const calls = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; argv?: string[] })
    .filter((e) => e.event === 'start')
    .map((e) => e.argv!.slice(1).join(' '));
  return { exitCode: r.exitCode, calls: calls.sort() };
}

const HOOK_CALLS = [
  'cat-file --batch',
  'diff --cached --raw -z --no-abbrev -M --no-ext-diff --no-color --diff-filter=ACDMRT --ignore-submodules=all',
  'rev-parse --path-format=absolute --show-toplevel --git-common-dir --git-dir',
];

async function repoWithStaged(text: string): Promise<Repo> {
  const repo = await smallRepo();
  repos.push(repo);
  repo.write('crates/core/src/lib.rs', text);
  await repo.git(['add', 'crates/core/src/lib.rs']);
  return repo;
}

test('a staged check of one file starts three git processes on the reference path, clean or with findings, however it is spelled', async () => {
  const clean = await repoWithStaged('pub fn add(a: u32, b: u32) -> u32 { a + b } // touched\n');
  const dirty = await repoWithStaged('pub fn add() -> Vec<u8> { std::fs::read("x").unwrap() }\n');
  // The hook's own command line (its git calls start in the launcher), `chokepoint` alone, and another spelling (they start in the CLI).
  for (const args of [['check', '--staged'], [], ['check', '--staged', '--format', 'json']]) {
    const a = await gitCalls(clean, args, PLAIN);
    assert.equal(a.exitCode, 0);
    assert.deepEqual(a.calls, HOOK_CALLS, `clean, ${args.join(' ')}`);
    const b = await gitCalls(dirty, args, PLAIN);
    assert.equal(b.exitCode, 1);
    assert.deepEqual(b.calls, HOOK_CALLS, `findings, ${args.join(' ')}`);
  }
});

test('with the default environment a staged modification starts no git process at all, clean or with findings, however it is spelled', async () => {
  const clean = await repoWithStaged('pub fn add(a: u32, b: u32) -> u32 { a + b } // touched\n');
  const dirty = await repoWithStaged('pub fn add() -> Vec<u8> { std::fs::read("x").unwrap() }\n');
  for (const args of [['check', '--staged'], [], ['check', '--staged', '--format', 'json']]) {
    const a = await gitCalls(clean, args, FAST);
    assert.equal(a.exitCode, 0);
    assert.deepEqual(a.calls, [], `clean, ${args.join(' ')}`);
    const b = await gitCalls(dirty, args, FAST);
    assert.equal(b.exitCode, 1, `the finding is still reported without git, ${args.join(' ')}`);
    assert.deepEqual(b.calls, [], `findings, ${args.join(' ')}`);
  }
  // The same trace counts git where the fast path cannot read: a split index (see test/index-snapshot.test.ts).
  await clean.git(['update-index', '--split-index']);
  assert.deepEqual((await gitCalls(clean, ['check', '--staged'], FAST)).calls, HOOK_CALLS);
});

test('with the default environment a staged deletion starts one git process: the staged diff, for git to pair renames', async () => {
  const repo = await smallRepo();
  repos.push(repo);
  repo.write('notes.txt', 'notes\n');
  await repo.git(['add', 'notes.txt']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'notes']);
  repo.write('crates/core/src/lib.rs', 'pub fn add(a: u32, b: u32) -> u32 { a + b } // touched\n');
  await repo.git(['add', 'crates/core/src/lib.rs']);
  await repo.git(['rm', '-q', 'notes.txt']);
  const r = await gitCalls(repo, ['check', '--staged'], FAST);
  assert.equal(r.exitCode, 0);
  assert.deepEqual(r.calls, [HOOK_CALLS[1]]);
  const plain = await gitCalls(repo, ['check', '--staged'], PLAIN);
  assert.equal(plain.exitCode, 0);
  assert.deepEqual(plain.calls, HOOK_CALLS);
});

test('a staged Cargo.lock adds one git process on the reference path (the listing of the cargo files), none on the fast path', async () => {
  const repo = await smallRepo();
  repos.push(repo);
  repo.write('chokepoint.toml', `${readFileSync(join(repo.dir, 'chokepoint.toml'), 'utf8')}graph = true\n`);
  repo.write('Cargo.lock', 'version = 4\n\n[[package]]\nname = "core"\nversion = "0.1.0"\ndependencies = [\n "serde",\n]\n\n[[package]]\nname = "serde"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'graph']);
  repo.write('Cargo.lock', `${readFileSync(join(repo.dir, 'Cargo.lock'), 'utf8')}\n`);
  await repo.git(['add', 'Cargo.lock']);
  const r = await gitCalls(repo, ['check', '--staged'], PLAIN);
  assert.equal(r.exitCode, 0);
  assert.deepEqual(r.calls, [...HOOK_CALLS, 'ls-files -z -- :(glob)**/Cargo.toml :(glob)**/Cargo.lock'].sort());
  const fast = await gitCalls(repo, ['check', '--staged'], FAST);
  assert.equal(fast.exitCode, 0);
  assert.deepEqual(fast.calls, []);
});
