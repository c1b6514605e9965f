// Every bad input: exit 2, one clear message, no stack trace.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { CLI, GIT_ENV, smallRepo, SMALL_CONFIG, tempDir } from './helpers.js';

const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |internal error/, stderr);

test('an invalid glob in the config names file:line:col', async () => {
  const repo = await smallRepo();
  try {
    repo.write('chokepoint.toml', SMALL_CONFIG.replace('include = ["crates/*/src/**/*.rs"', 'include = ["[z-a]", "crates/*/src/**/*.rs"'));
    const r = await repo.chokepoint(['--all']);
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /^chokepoint: chokepoint\.toml:3:12: .*invalid glob "\[z-a\]": range z-a is out of order/);
    noStack(r.stderr);
  } finally {
    repo.cleanup();
  }
});

test('a deleted current directory: exit 2 and a message, not uv_cwd', async () => {
  const dir = tempDir();
  const gone = join(dir, 'gone');
  mkdirSync(gone);
  // The shell enters the directory, deletes it, then starts chokepoint there.
  const r = await execa('/bin/sh', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${CLI}" --all`], { env: GIT_ENV, reject: false });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.exitCode, 2, r.stderr);
  assert.match(r.stderr, /the current directory no longer exists/);
  noStack(r.stderr);
});

test('directories as FILE arguments stand for their in-scope files; one with none, or a missing path, is refused', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/core/src/io.rs', 'pub fn f() { std::fs::read("x"); }\n');
    const dir = await repo.chokepoint(['check', 'crates/core/src', '--format', 'json']);
    assert.equal(dir.exitCode, 1, dir.stderr);
    const report = JSON.parse(dir.stdout) as { findings: Array<{ path: string }>; stats: { files_scanned: number } };
    assert.deepEqual(report.findings.map((f) => f.path), ['crates/core/src/io.rs']);
    assert.equal(report.stats.files_scanned, 2);
    const root = await repo.chokepoint(['check', '.', '--format', 'json']);
    assert.equal(root.exitCode, 1, root.stderr);
    repo.write('docs/readme.txt', 'x\n');
    const empty = await repo.chokepoint(['check', 'docs']);
    assert.equal(empty.exitCode, 2);
    assert.match(empty.stderr, /docs is a directory with no file in chokepoint's scope/);
    const missing = await repo.chokepoint(['check', 'crates/core/src/nope.rs']);
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /nope\.rs does not exist/);
    for (const r of [empty, missing]) noStack(r.stderr);
  } finally {
    repo.cleanup();
  }
});

test('options that do not apply, unknown values and stray arguments are usage errors', async () => {
  const repo = await smallRepo();
  try {
    for (const args of [['install', '--all'], ['check', '--format', 'xml'], ['check', '--recorded-bypass', 'pass'], ['check', '--since', 'HEAD', '--recorded-bypass', 'maybe'], ['uninstall', 'x'], ['frobnicate']]) {
      const r = await repo.chokepoint(args);
      assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^chokepoint: /);
      noStack(r.stderr);
    }
  } finally {
    repo.cleanup();
  }
});
