// A full audit of a directory that is not a git repository (a source archive,
// `cargo package` output, a Docker context without .git) walks the files on
// disk under the config's scope and says so; the staged check refuses, saying
// why. Nothing is written into the directory but what the user asked for.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execa } from 'execa';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, GIT_ENV, SMALL_CONFIG, tempDir } from './helpers.js';

function archive(): string {
  const dir = tempDir('chokepoint-archive-');
  const files: Record<string, string> = {
    'chokepoint.toml': SMALL_CONFIG,
    'crates/host/src/fs.rs': 'pub fn read() -> Vec<u8> { std::fs::read("x").unwrap() }\n',
    'crates/core/src/lib.rs': 'pub fn add(a: u32, b: u32) -> u32 { a + b }\n',
    'crates/core/src/io.rs': 'pub fn io() { std::fs::read("y"); }\n',
    'crates/core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\nagent-kit = "1"\n',
    // Outside every glob of the config: never read.
    'docs/notes.rs': 'fn x() { std::fs::read("z"); }\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const listing = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).sort();

const run = (dir: string, args: string[]) =>
  execa(process.execPath, [CLI, ...args], { cwd: dir, env: { ...GIT_ENV, GIT_CEILING_DIRECTORIES: dirname(dir) }, reject: false, stdin: 'ignore' });

test('--all outside git walks the files on disk under the scope and says so', async () => {
  const dir = archive();
  // A symlinked directory is listed as a link, never followed.
  symlinkSync(join(dir, 'crates/core/src'), join(dir, 'crates/host/src/linked'));
  const before = listing(dir);
  const r = await run(dir, ['--all', '--format', 'json']);
  assert.equal(r.exitCode, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { findings: Array<{ kind: string; path: string; line?: number }> };
  assert.deepEqual(report.findings.map((f) => `${f.kind} ${f.path}`), ['banned-dependency crates/core/Cargo.toml', 'banned-api crates/core/src/io.rs']);
  const human = await run(dir, ['--all']);
  assert.match(human.stdout, /^not a git repository: audited the files on disk under .* that the config's scope names/);
  assert.match(human.stdout, /2 findings/);
  assert.deepEqual(listing(dir), before, 'nothing was written (no cache, no state)');
});

test('baseline works outside git too, and the audit then passes', async () => {
  const dir = archive();
  const b = await run(dir, ['baseline']);
  assert.equal(b.exitCode, 0, b.stdout + b.stderr);
  assert.equal((await run(dir, ['--all'])).exitCode, 0);
});

test('the staged check outside git is a usage error that says why', async () => {
  const dir = archive();
  for (const args of [[], ['check', '--staged'], ['check', '--since', 'main'], ['--all', '--cached']]) {
    const r = await run(dir, args);
    assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, /is not inside a git repository: the .* so it needs one\n  hint: .*`chokepoint --all` \(which works without git\)/);
  }
  const staged = await run(dir, []);
  assert.match(staged.stderr, /the staged check reads what git is about to commit/);
});

test('init outside git writes the starter config where it runs', async () => {
  const dir = tempDir('chokepoint-archive-');
  const r = await run(dir, ['init']);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.deepEqual(listing(dir), ['chokepoint.toml']);
});
