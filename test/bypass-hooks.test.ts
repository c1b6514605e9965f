// The local hook adds no silent route of its own, with real hooks fired by
// real `git commit`: a variable naming another program as node, invisible
// bypass reasons, an amend that drops the trailer, a staged deletion of the
// config, a hook path that is a symlink.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallRepo, tempDir, type Repo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';

async function installed(): Promise<Repo> {
  const repo = await smallRepo();
  const r = await repo.chokepoint(['install']);
  assert.equal(r.exitCode, 0, r.stderr);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'hooks']);
  return repo;
}

async function stageViolation(repo: Repo, rel = 'crates/core/src/io.rs'): Promise<void> {
  repo.write(rel, BAD);
  await repo.git(['add', rel]);
}

const head = async (repo: Repo) => (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
const message = async (repo: Repo) => (await repo.git(['log', '-1', '--format=%B'])).stdout;

test('CHOKEPOINT_NODE naming a program that is not chokepoint blocks the commit', async () => {
  const repo = await installed();
  try {
    await stageViolation(repo);
    const before = await head(repo);
    for (const fake of ['/bin/true', '/bin/echo']) {
      const r = await repo.commit('sneak', [], { CHOKEPOINT_NODE: fake });
      assert.notEqual(r.exitCode, 0, `${fake}: ${r.stderr}`);
      assert.match(r.stderr, /without chokepoint's verdict/);
      assert.equal(await head(repo), before, 'no commit was made');
    }
    // The real node through the variable works (and blocks on the finding).
    const real = await repo.commit('real', [], { CHOKEPOINT_NODE: process.execPath });
    assert.equal(real.exitCode, 1, real.stderr);
    assert.match(real.stdout + real.stderr, /std::fs/);
  } finally {
    repo.cleanup();
  }
});

test('a bypass reason must have visible characters: U+200B, U+3164, U+2800 alone are refused', async () => {
  const repo = await installed();
  try {
    await stageViolation(repo);
    const before = await head(repo);
    for (const reason of ['\u200b', '\u3164', '\u2800', ' \u200b\u3164 ', '\u{e0020}']) {
      const r = await repo.commit('sneak', [], { CHOKEPOINT_BYPASS: reason });
      assert.notEqual(r.exitCode, 0, JSON.stringify(reason));
      assert.match(r.stderr, /visible characters|needs a reason/);
      assert.equal(await head(repo), before);
    }
    const ok = await repo.commit('hotfix', [], { CHOKEPOINT_BYPASS: 'hotfix #12' });
    assert.equal(ok.exitCode, 0, ok.stderr);
    assert.match(await message(repo), /^Chokepoint-Bypass: hotfix #12$/m);
  } finally {
    repo.cleanup();
  }
});

test('an amend that drops the trailer keeps it when the violation stays; an amend of an unrecorded violation is refused', async () => {
  const repo = await installed();
  try {
    await stageViolation(repo);
    assert.equal((await repo.commit('hotfix', [], { CHOKEPOINT_BYPASS: 'incident 7' })).exitCode, 0);
    // `git commit --amend -m` replaces the message: the bypass comes back.
    const amended = await repo.commit('reworded', ['--amend']);
    assert.equal(amended.exitCode, 0, amended.stderr);
    assert.match(await message(repo), /^reworded\n\nChokepoint-Bypass: incident 7$/m);
    assert.match(amended.stderr, /carried over/);
    // An amend that removes the violation needs no trailer.
    repo.write('crates/core/src/io.rs', 'pub fn f() {}\n');
    await repo.git(['add', '-A']);
    const cleaned = await repo.commit('clean', ['--amend']);
    assert.equal(cleaned.exitCode, 0, cleaned.stderr);
    assert.doesNotMatch(await message(repo), /Chokepoint-Bypass/);

    // A violation let in with --no-verify cannot be amended into a "checked" commit.
    await stageViolation(repo, 'crates/core/src/other.rs');
    assert.equal((await repo.commit('sneak', ['--no-verify'])).exitCode, 0);
    const before = await head(repo);
    const refused = await repo.commit('sneak, reworded', ['--amend']);
    assert.equal(refused.exitCode, 1, refused.stderr);
    assert.equal(await head(repo), before);
  } finally {
    repo.cleanup();
  }
});

test('a commit after a bypassed one does not inherit its trailer', async () => {
  const repo = await installed();
  try {
    await stageViolation(repo);
    assert.equal((await repo.commit('hotfix', [], { CHOKEPOINT_BYPASS: 'incident 8' })).exitCode, 0);
    repo.write('README.md', 'docs\n');
    await repo.git(['add', 'README.md']);
    assert.equal((await repo.commit('docs')).exitCode, 0);
    assert.doesNotMatch(await message(repo), /Chokepoint-Bypass/);
  } finally {
    repo.cleanup();
  }
});

test('a staged deletion of chokepoint.toml (kept in the working tree) is refused unless bypassed', async () => {
  const repo = await installed();
  try {
    await repo.git(['rm', '-q', '--cached', 'chokepoint.toml']);
    assert.ok(existsSync(join(repo.dir, 'chokepoint.toml')), 'the untracked copy stays');
    const before = await head(repo);
    const r = await repo.commit('drop the config');
    assert.equal(r.exitCode, 1, r.stderr);
    assert.match(r.stdout + r.stderr, /config-removed|deletes "chokepoint.toml"/);
    assert.equal(await head(repo), before);
    const bypassed = await repo.commit('retire the lint', [], { CHOKEPOINT_BYPASS: 'moving to another tool' });
    assert.equal(bypassed.exitCode, 0, bypassed.stderr);
    assert.match(await message(repo), /Chokepoint-Bypass: moving to another tool/);
  } finally {
    repo.cleanup();
  }
});

test('a hook path that is a symlink, dangling or not, is refused; --force replaces the link and never writes through it', async () => {
  for (const dangling of [true, false]) {
    const repo = await smallRepo();
    try {
      const outside = join(tempDir(), 'target-hook');
      if (!dangling) writeFileSync(outside, '#!/bin/sh\nexit 0\n');
      const hook = join(repo.dir, '.git/hooks/pre-commit');
      symlinkSync(outside, hook);
      const r = await repo.chokepoint(['install']);
      assert.equal(r.exitCode, 2, r.stdout);
      assert.match(r.stderr, /pre-commit hook is a symbolic link/);
      assert.equal(readlinkSync(hook), outside, 'the link is untouched');
      assert.equal(existsSync(outside), !dangling, 'nothing was written through the link');
      const forced = await repo.chokepoint(['install', '--force']);
      assert.equal(forced.exitCode, 0, forced.stderr);
      assert.equal(lstatSync(hook).isSymbolicLink(), false, 'the link was replaced by a file');
      assert.match(readFileSync(hook, 'utf8'), /managed by chokepoint install/);
      if (dangling) assert.equal(existsSync(outside), false, 'the dangling target was never created');
      else assert.equal(readFileSync(outside, 'utf8'), '#!/bin/sh\nexit 0\n', 'the target is unchanged');
    } finally {
      repo.cleanup();
    }
  }
});

test('an unwritable git directory: the check still runs; only a bypass, which needs the record, is refused with exit 2', async () => {
  const repo = await smallRepo();
  try {
    await stageViolation(repo);
    const { chmodSync, rmSync, writeFileSync } = await import('node:fs');
    // Root ignores permission bits (CI runs as root): there, a file where
    // chokepoint's own directory would go makes every write into it fail the same way.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      rmSync(join(repo.dir, '.git', 'chokepoint'), { recursive: true, force: true });
      writeFileSync(join(repo.dir, '.git', 'chokepoint'), '');
    } else chmodSync(join(repo.dir, '.git'), 0o555);
    try {
      const plain = await repo.chokepoint(['check', '--staged']);
      assert.equal(plain.exitCode, 1, plain.stderr);
      const bypass = await repo.chokepoint(['check', '--staged', '--bypass', 'urgent']);
      assert.equal(bypass.exitCode, 2);
      assert.match(bypass.stderr, /the check ran, but the bypass cannot be recorded/);
      assert.doesNotMatch(bypass.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      if (!asRoot) chmodSync(join(repo.dir, '.git'), 0o755);
    }
  } finally {
    repo.cleanup();
  }
});
