// The executable's code cache (src/launch.ts): written by a check, used after,
// never trusted blindly, and never needed.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { execa } from 'execa';
import { GIT_ENV, PROJECT_ROOT, smallRepo, tempDir, type Repo } from './helpers.js';

let pkg: string;
let repo: Repo;

/** A copy of the built package, so these tests own its cache directory. */
before(async () => {
  pkg = tempDir('chokepoint-launch-');
  cpSync(join(PROJECT_ROOT, 'dist', 'bundle'), join(pkg, 'dist', 'bundle'), { recursive: true, filter: (src) => !src.includes('.cache') });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(pkg, 'node_modules'));
  repo = await smallRepo();
  // One violation, so the output has something to compare.
  repo.write('crates/core/src/lib.rs', 'pub fn f() { let _ = std::fs::read("x"); }\n');
});

after(() => repo.cleanup());

const cacheDir = () => join(pkg, 'dist', 'bundle', '.cache');
const allCacheFiles = () => (existsSync(cacheDir()) ? readdirSync(cacheDir()) : []);
/** The CLI's own caches (the TOML parser, dist/bundle/toml.cjs, has its own: `toml-…`). */
const cacheFiles = () => allCacheFiles().filter((name) => name.startsWith('chokepoint-'));
const tomlCacheFiles = () => allCacheFiles().filter((name) => name.startsWith('toml-'));
const run = (args: string[]) => execa(process.execPath, [join(pkg, 'dist', 'bundle', 'cli.cjs'), ...args], { cwd: repo.dir, env: GIT_ENV, reject: false });

test('a command other than check leaves no cache of the CLI', async () => {
  for (const args of [['--version'], ['--cwd', repo.dir, 'explain', 'crates/core/src/lib.rs']]) {
    const r = await run(args);
    assert.equal(r.exitCode, 0, r.stderr);
  }
  assert.deepEqual(cacheFiles(), []);
});

test('a check writes the code cache once, and later runs give the same verdict with it', async () => {
  // No command word (an option's value is not one): that is a check too.
  const first = await run(['--format', 'json', '--all']);
  assert.equal(first.exitCode, 1, first.stderr);
  const files = cacheFiles();
  assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
  assert.match(files[0]!, new RegExp(`^chokepoint-${process.version.replace(/\./g, '\\.')}-${process.arch}-\\d+-\\d+\\.v8$`));
  const written = readFileSync(join(cacheDir(), files[0]!));
  assert.ok(written.length > 10_000, 'holds compiled code');

  const second = await run(['check', '--all', '--format', 'json']);
  assert.equal(second.exitCode, 1);
  const findings = (out: string) => JSON.stringify((JSON.parse(out) as { findings: unknown[] }).findings);
  assert.equal(findings(second.stdout), findings(first.stdout));
  assert.deepEqual(readFileSync(join(cacheDir(), files[0]!)), written, 'an accepted cache is not rewritten');
});

test('a new cache replaces the caches of other Node versions or builds', async () => {
  const [name] = cacheFiles();
  assert.ok(name);
  const stale = 'chokepoint-v18.0.0-x64-1-1.v8';
  writeFileSync(join(cacheDir(), stale), 'old');
  rmSync(join(cacheDir(), name));
  const r = await run(['check', '--all']);
  assert.equal(r.exitCode, 1, r.stderr);
  assert.deepEqual(cacheFiles(), [name]);
});

test('a corrupt cache is rejected by V8 and replaced; the run is unaffected', async () => {
  const [name] = cacheFiles();
  assert.ok(name);
  const garbage = Buffer.alloc(4096, 0x5a);
  writeFileSync(join(cacheDir(), name), garbage);
  const r = await run(['check', '--all']);
  assert.equal(r.exitCode, 1, r.stderr);
  assert.match(r.stdout, /crates\/core\/src\/lib\.rs:1:22/);
  assert.notDeepEqual(readFileSync(join(cacheDir(), name)), garbage, 'rewritten');
});

test('the TOML parser has a code cache of its own: written once by a run that parses TOML, then used; a corrupt one is replaced', async () => {
  // The audit checks crates/core/Cargo.toml: the parser runs in every audit.
  const first = await run(['check', '--all', '--format', 'json']);
  assert.equal(first.exitCode, 1, first.stderr);
  assert.equal(JSON.parse(first.stdout).stats.manifests_checked, 1);
  const [name, ...more] = tomlCacheFiles();
  assert.ok(name, `no TOML parser cache among: ${allCacheFiles().join(', ')}`);
  assert.deepEqual(more, []);
  assert.match(name, new RegExp(`^toml-${process.version.replace(/\./g, '\\.')}-${process.arch}-\\d+-\\d+\\.v8$`));
  const written = readFileSync(join(cacheDir(), name));

  const second = await run(['check', '--all', '--format', 'json']);
  assert.equal(second.exitCode, 1, second.stderr);
  assert.equal(second.stdout.replace(/"duration_ms": \d+/, ''), first.stdout.replace(/"duration_ms": \d+/, ''));
  assert.deepEqual(readFileSync(join(cacheDir(), name)), written, 'an accepted cache is not rewritten');

  const garbage = Buffer.alloc(4096, 0x5a);
  writeFileSync(join(cacheDir(), name), garbage);
  const third = await run(['check', '--all', '--format', 'json']);
  assert.equal(third.stdout.replace(/"duration_ms": \d+/, ''), first.stdout.replace(/"duration_ms": \d+/, ''));
  assert.notDeepEqual(readFileSync(join(cacheDir(), name)), garbage, 'rewritten');
});

test('a cache directory that cannot be created only means no cache', async () => {
  const other = tempDir('chokepoint-launch-ro-');
  cpSync(pkg, other, { recursive: true, filter: (src) => !src.includes('.cache') && !src.endsWith('node_modules') });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(other, 'node_modules'));
  // A file where the directory would go: mkdir fails even for root.
  mkdirSync(join(other, 'dist', 'bundle'), { recursive: true });
  writeFileSync(join(other, 'dist', 'bundle', '.cache'), 'not a directory');
  const r = await execa(process.execPath, [join(other, 'dist', 'bundle', 'cli.cjs'), 'check', '--all'], { cwd: repo.dir, env: GIT_ENV, reject: false });
  assert.equal(r.exitCode, 1, r.stderr);
  assert.match(r.stdout, /crates\/core\/src\/lib\.rs:1:22/);
  assert.equal(r.stderr.includes('Error'), false, r.stderr);
  assert.equal(readFileSync(join(other, 'dist', 'bundle', '.cache'), 'utf8'), 'not a directory');
});
