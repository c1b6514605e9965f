// The installer, with real hooks fired by real `git commit`: foreign hooks
// kept, subdirectories, worktrees, submodules, core.hooksPath, no PATH,
// idempotence, uninstall, and the lint-staged route.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { CLI, GIT_ENV, PROJECT_ROOT, SMALL_CONFIG, SMALL_TREE, makeRepo, smallRepo, snapshot, tempDir, type Repo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';

async function stageViolation(repo: Repo, dir = repo.dir): Promise<void> {
  const rel = 'crates/core/src/io.rs';
  mkdirSync(join(dir, 'crates/core/src'), { recursive: true });
  writeFileSync(join(dir, rel), BAD);
  await repo.git(['add', rel], { cwd: dir });
}

async function commitIn(dir: string, env: NodeJS.ProcessEnv = {}) {
  const r = await execa('git', ['commit', '-q', '-m', 'try'], { cwd: dir, env: { ...GIT_ENV, ...env }, reject: false, stdin: 'ignore' });
  return { exitCode: r.exitCode ?? 1, output: `${r.stdout}${r.stderr}` };
}

test('a foreign pre-commit hook is kept without --force, with advice on chaining', async () => {
  const repo = await smallRepo();
  try {
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    chmodSync(hook, 0o755);
    const r = await repo.chokepoint(['install']);
    assert.equal(r.exitCode, 2, r.stdout);
    assert.match(r.stderr, /a pre-commit hook that chokepoint did not write is installed/);
    assert.match(r.stderr, /append this to it:[\s\S]*hooks\/run\.sh' pre-commit/);
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\necho mine\n', 'the foreign hook is untouched');
    assert.equal(existsSync(join(repo.dir, '.simple-git-hooks.json')), false, 'nothing was written');
    const forced = await repo.chokepoint(['install', '--force']);
    assert.equal(forced.exitCode, 0, forced.stderr);
    assert.match(readFileSync(hook, 'utf8'), /# managed by chokepoint install/);
  } finally {
    repo.cleanup();
  }
});

test('install is idempotent, works from a subdirectory, and uninstall removes only its own', async () => {
  const repo = await smallRepo();
  try {
    const first = await repo.chokepoint(['install'], { cwd: join(repo.dir, 'crates/core') });
    assert.equal(first.exitCode, 0, first.stderr);
    const hook = readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8');
    assert.equal((await repo.chokepoint(['install'])).exitCode, 0);
    assert.equal(readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8'), hook);
    // No package.json: the hooks are written directly, and the working tree gains nothing.
    assert.equal((await repo.git(['status', '--porcelain', '--ignored'])).stdout, '');
    const other = join(repo.dir, '.git/hooks/pre-push');
    writeFileSync(other, '#!/bin/sh\nexit 0\n');
    const un = await repo.chokepoint(['uninstall']);
    assert.equal(un.exitCode, 0, un.stderr);
    assert.equal(existsSync(join(repo.dir, '.git/hooks/pre-commit')), false);
    assert.equal(existsSync(join(repo.dir, '.git/hooks/commit-msg')), false);
    assert.equal(existsSync(join(repo.dir, '.git/hooks/pre-merge-commit')), false);
    assert.equal(existsSync(other), true, 'a hook chokepoint did not write survives');
    assert.equal(existsSync(join(repo.dir, '.simple-git-hooks.json')), false);
  } finally {
    repo.cleanup();
  }
});

test('with a package.json, the config goes there and other hooks are preserved', async () => {
  const repo = await smallRepo();
  try {
    repo.write('package.json', `${JSON.stringify({ name: 'x', private: true, 'simple-git-hooks': { 'pre-push': 'exit 0' } }, null, 4)}\n`);
    const r = await repo.chokepoint(['install']);
    assert.equal(r.exitCode, 0, r.stderr);
    const pkg = JSON.parse(repo.read('package.json')) as { 'simple-git-hooks': Record<string, unknown> };
    assert.equal(pkg['simple-git-hooks']['pre-push'], 'exit 0');
    assert.equal(pkg['simple-git-hooks'].preserveUnused, true);
    assert.match(String(pkg['simple-git-hooks']['pre-commit']), /run\.sh' pre-commit/);
    assert.match(repo.read('package.json'), /^ {4}"name"/m, 'the file keeps its indentation');
    assert.equal(existsSync(join(repo.dir, '.git/hooks/pre-push')), true, 'simple-git-hooks installed the configured pre-push');
    repo.write('package.json', JSON.stringify({ name: 'x', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged' } }));
    const refused = await repo.chokepoint(['install', '--force']);
    assert.equal(refused.exitCode, 0, 'force replaces a configured command');
    repo.write('package.json', JSON.stringify({ name: 'x', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged' } }));
    repo.remove('.git/hooks/pre-commit');
    const kept = await repo.chokepoint(['install']);
    assert.equal(kept.exitCode, 2);
    assert.match(kept.stderr, /already runs "npx lint-staged" as pre-commit/);
    assert.match(kept.stderr, /npx lint-staged && /);
  } finally {
    repo.cleanup();
  }
});

test('core.hooksPath is honoured', async () => {
  const repo = await smallRepo();
  try {
    await repo.git(['config', 'core.hooksPath', '.githooks']);
    const r = await repo.chokepoint(['install']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.ok(existsSync(join(repo.dir, '.githooks/pre-commit')));
    await stageViolation(repo);
    const c = await commitIn(repo.dir);
    assert.equal(c.exitCode, 1, c.output);
    assert.match(c.output, /std::fs/);
  } finally {
    repo.cleanup();
  }
});

test('a global core.hooksPath that simple-git-hooks ignores still gets the hooks', async () => {
  const repo = await smallRepo();
  const globalHooks = tempDir();
  const cfg = join(tempDir(), 'gitconfig');
  writeFileSync(cfg, `[core]\n\thooksPath = ${globalHooks}\n`);
  // With a package.json, simple-git-hooks is asked first (without one, chokepoint writes the hooks itself).
  repo.write('package.json', '{ "name": "x", "private": true }\n');
  try {
    const r = await repo.chokepoint(['install'], { env: { ...GIT_ENV, GIT_CONFIG_GLOBAL: cfg } });
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /wrote the hooks there directly/);
    assert.ok(existsSync(join(globalHooks, 'pre-commit')));
    await stageViolation(repo);
    const c = await commitIn(repo.dir, { GIT_CONFIG_GLOBAL: cfg });
    assert.equal(c.exitCode, 1, c.output);
  } finally {
    repo.cleanup();
  }
});

test('a linked worktree: install there, commits there are checked', async () => {
  const repo = await smallRepo();
  const wt = join(tempDir(), 'wt');
  try {
    await repo.git(['worktree', 'add', '-q', wt]);
    const r = await repo.chokepoint(['install'], { cwd: wt });
    assert.equal(r.exitCode, 0, r.stderr);
    await stageViolation(repo, wt);
    const c = await commitIn(wt);
    assert.equal(c.exitCode, 1, c.output);
    assert.match(c.output, /crates\/core\/src\/io\.rs/);
  } finally {
    repo.cleanup();
  }
});

test('a submodule: install inside it, commits in it are checked', async () => {
  const inner = await smallRepo();
  const outer = await makeRepo({ 'README': 'outer\n' });
  try {
    await outer.git(['add', '-A']);
    await outer.git(['commit', '-q', '-m', 'outer']);
    const add = await outer.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'sub']);
    assert.equal(add.exitCode, 0, add.stderr);
    const sub = join(outer.dir, 'sub');
    const r = await outer.chokepoint(['install'], { cwd: sub });
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /modules\/sub\/hooks/);
    await stageViolation(outer, sub);
    const c = await commitIn(sub);
    assert.equal(c.exitCode, 1, c.output);
  } finally {
    inner.cleanup();
    outer.cleanup();
  }
});

test('the hook runs when git starts without the user PATH (as GUI clients do)', async () => {
  const repo = await smallRepo();
  try {
    assert.equal((await repo.chokepoint(['install'])).exitCode, 0);
    await stageViolation(repo);
    // No node on PATH: the hook must find the node recorded at install time.
    const r = await execa('/usr/bin/env', ['-i', `HOME=${repo.dir}`, 'PATH=/nonexistent', 'GIT_CONFIG_NOSYSTEM=1', 'GIT_CONFIG_GLOBAL=/dev/null', 'GIT_AUTHOR_NAME=t', 'GIT_AUTHOR_EMAIL=t@t.invalid', 'GIT_COMMITTER_NAME=t', 'GIT_COMMITTER_EMAIL=t@t.invalid', (await execa('sh', ['-c', 'command -v git'])).stdout, 'commit', '-q', '-m', 'gui'], { cwd: repo.dir, reject: false, stdin: 'ignore' });
    assert.equal(r.exitCode, 1, `${r.stdout}${r.stderr}`);
    assert.match(`${r.stdout}${r.stderr}`, /crates\/core\/src\/io\.rs/);
  } finally {
    repo.cleanup();
  }
});

test('the hook fails loudly when chokepoint cannot be run', async () => {
  const repo = await smallRepo();
  try {
    assert.equal((await repo.chokepoint(['install'])).exitCode, 0);
    // Point the configured hook at a chokepoint that is gone, as after `npm rm`.
    const hookPath = join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hookPath, readFileSync(hookPath, 'utf8').split(join(PROJECT_ROOT, 'hooks')).join('/nonexistent/chokepoint/hooks'));
    writeFileSync(join(repo.dir, 'crates/core/src/ok.rs'), 'pub fn ok() {}\n');
    await repo.git(['add', '-A']);
    const before = await snapshot(repo);
    const c = await commitIn(repo.dir);
    assert.equal(c.exitCode, 1, c.output);
    assert.match(c.output, /chokepoint: .*run\.sh is missing: reinstall chokepoint/);
    assert.equal(await snapshot(repo), before);
  } finally {
    repo.cleanup();
  }
});

test('lint-staged route: `chokepoint check` as a task on *.rs, Cargo.toml and Cargo.lock (the README\'s configuration)', async () => {
  const lock = (serdeDeps: string) => `version = 4\n\n[[package]]\nname = "core"\nversion = "0.1.0"\ndependencies = ["serde"]\n\n[[package]]\nname = "serde"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n${serdeDeps}\n[[package]]\nname = "agent-sdk"\nversion = "2.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`;
  const repo = await makeRepo({ ...SMALL_TREE, 'chokepoint.toml': `${SMALL_CONFIG}graph = true\n`, 'Cargo.lock': lock('') });
  try {
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
    const task = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check`;
    repo.write('.lintstagedrc.json', JSON.stringify({ '*.rs': task, 'Cargo.{toml,lock}': task, 'chokepoint.toml': task }));
    await repo.git(['add', '.lintstagedrc.json']);
    await repo.git(['commit', '-q', '-m', 'lint-staged config']);
    const lintStaged = join(PROJECT_ROOT, 'node_modules', '.bin', 'lint-staged');
    await stageViolation(repo);
    // lint-staged hides the unstaged fix, so the staged violation is what is checked.
    writeFileSync(join(repo.dir, 'crates/core/src/io.rs'), 'pub fn f() {}\n');
    const bad = await execa(lintStaged, [], { cwd: repo.dir, env: GIT_ENV, reject: false, stdin: 'ignore' });
    assert.equal(bad.exitCode, 1, `${bad.stdout}${bad.stderr}`);
    assert.match(`${bad.stdout}${bad.stderr}`, /std::fs/);
    assert.equal(repo.read('crates/core/src/io.rs'), 'pub fn f() {}\n', 'the unstaged fix is restored');
    await repo.git(['add', 'crates/core/src/io.rs']);
    repo.write('crates/core/Cargo.toml', `${repo.read('crates/core/Cargo.toml')}agent-sdk = "1"\n`);
    await repo.git(['add', 'crates/core/Cargo.toml']);
    const manifest = await execa(lintStaged, [], { cwd: repo.dir, env: GIT_ENV, reject: false, stdin: 'ignore' });
    assert.equal(manifest.exitCode, 1, `${manifest.stdout}${manifest.stderr}`);
    assert.match(`${manifest.stdout}${manifest.stderr}`, /agent-sdk/);
    await repo.git(['checkout', 'HEAD', '--', 'crates/core/Cargo.toml']);
    // Only the lockfile changes: serde now pulls the banned crate in.
    repo.write('Cargo.lock', lock('dependencies = ["agent-sdk"]\n'));
    await repo.git(['add', 'Cargo.lock']);
    const chain = await execa(lintStaged, [], { cwd: repo.dir, env: GIT_ENV, reject: false, stdin: 'ignore' });
    assert.equal(chain.exitCode, 1, `${chain.stdout}${chain.stderr}`);
    assert.match(`${chain.stdout}${chain.stderr}`, /serde 1\.0\.0 → agent-sdk 2\.0\.0/);
    await repo.git(['checkout', 'HEAD', '--', 'Cargo.lock']);
    const good = await execa(lintStaged, [], { cwd: repo.dir, env: GIT_ENV, reject: false, stdin: 'ignore' });
    assert.equal(good.exitCode, 0, `${good.stdout}${good.stderr}`);
  } finally {
    repo.cleanup();
  }
});
