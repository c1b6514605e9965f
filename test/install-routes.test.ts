// The install routes a new user takes, from a clone of this repository at its
// committed HEAD: a git dependency, the pre-commit framework (Debian's 3.0
// and the current 4.x) in a repository with no package.json, and global
// installs (from git and from the tarball) used from a Rust-only repository.
// None of them builds anything: bundle/ is committed. npm runs with
// `offline`: every package comes from the cache `npm ci` filled, so no test
// touches the network. Under CI=true a missing pre-commit fails instead of
// skipping (.ci/run installs both versions).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execa } from 'execa';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, GIT_ENV, PROJECT_ROOT, SLOW, makeRepo, tempDir, type Repo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';
const CLEAN = 'pub fn f() -> u8 { 0 }\n';
const RUST_ONLY: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
  'crates/core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\n',
  'crates/core/src/lib.rs': 'pub fn add(a: u32, b: u32) -> u32 { a + b }\n',
};
const work = tempDir('chokepoint-routes-');
const clone = join(work, 'chokepoint');
let commit: string;
/** npm from the cache only: a package it would have to download fails the test. */
const OFFLINE: NodeJS.ProcessEnv = { ...GIT_ENV, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

before(async () => {
  await execa('git', ['clone', '-q', '--no-local', PROJECT_ROOT, clone], { env: GIT_ENV });
  commit = (await execa('git', ['rev-parse', 'HEAD'], { cwd: clone })).stdout.trim();
});
after(() => rmSync(work, { recursive: true, force: true }));

async function rustOnlyRepo(): Promise<Repo> {
  const repo = await makeRepo(RUST_ONLY);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '-m', 'rust workspace']);
  return repo;
}

async function commitFile(repo: Repo, content: string, env: NodeJS.ProcessEnv = {}) {
  repo.write('crates/core/src/io.rs', content);
  await repo.git(['add', 'crates/core/src/io.rs']);
  return repo.commit('change io.rs', [], env);
}

test('git dependency: npm install --save-dev git+file://… gives a working npx chokepoint, with nothing built', SLOW, async () => {
  const repo = await makeRepo({ ...RUST_ONLY, 'package.json': '{ "name": "tools", "private": true }\n', '.gitignore': 'node_modules/\n' });
  try {
    const install = await execa('npm', ['install', '--save-dev', `git+file://${clone}#${commit}`], { cwd: repo.dir, env: OFFLINE, reject: false });
    assert.equal(install.exitCode, 0, `npm install (offline) failed: ${install.stderr}`);
    assert.ok(existsSync(join(repo.dir, 'node_modules/chokepoint/bundle/cli/launch.js')), 'the committed bundle is in the installed copy');
    assert.equal(existsSync(join(repo.dir, 'node_modules/typescript')), false, 'no dev dependency was installed to build it');
    const npx = (args: string[]) => execa('npx', ['--no-install', 'chokepoint', ...args], { cwd: repo.dir, env: OFFLINE, reject: false });
    assert.equal((await npx(['init'])).exitCode, 0);
    const inst = await npx(['install']);
    assert.equal(inst.exitCode, 0, inst.stderr);
    await repo.git(['add', '-A']);
    assert.equal((await repo.commit('adopt')).exitCode, 0);
    const blocked = await commitFile(repo, BAD);
    assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /crates\/core\/src\/io\.rs:1:25/);
    assert.equal((await commitFile(repo, CLEAN)).exitCode, 0);
  } finally {
    repo.cleanup();
  }
});

/**
 * The pre-commit framework, in versions users have: Debian bookworm's 3.0
 * (`pre-commit` on PATH) installs a node hook by `npm install` in its clone,
 * `npm pack` and `npm install -g` of the tarball; 4.x (CHOKEPOINT_TEST_PRE_COMMIT_4,
 * fetched from Debian by .ci/run) runs `npm install -g git+file://<its clone>`.
 */
const PRE_COMMITS = [
  { major: 3, command: 'pre-commit', where: "Debian's pre-commit package (.ci/run installs it)" },
  { major: 4, command: process.env.CHOKEPOINT_TEST_PRE_COMMIT_4 ?? '', where: 'CHOKEPOINT_TEST_PRE_COMMIT_4, the pre-commit 4.x that .ci/run fetches from Debian' },
];

for (const preCommit of PRE_COMMITS) {
  test(`pre-commit framework ${preCommit.major}.x: a repository without package.json naming this repository at a commit`, SLOW, async (t) => {
    const version = preCommit.command ? await execa(preCommit.command, ['--version'], { reject: false }) : undefined;
    if (!version || version.exitCode !== 0) {
      if (process.env.CI === 'true') assert.fail(`pre-commit ${preCommit.major}.x is missing: ${preCommit.where}`);
      t.skip(`pre-commit ${preCommit.major}.x is not installed (${preCommit.where})`);
      return;
    }
    assert.match(version.stdout, new RegExp(`^pre-commit ${preCommit.major}\\.`), 'the version this test is named after');
    const repo = await rustOnlyRepo();
    const env = { ...OFFLINE, PRE_COMMIT_HOME: join(work, `pre-commit-${preCommit.major}-home`) };
    try {
      repo.write('.pre-commit-config.yaml', `repos:\n  - repo: ${clone}\n    rev: ${commit}\n    hooks:\n      - id: chokepoint\n`);
      const init = await execa(process.execPath, [CLI, 'init'], { cwd: repo.dir, env, reject: false });
      assert.equal(init.exitCode, 0, init.stderr);
      const inst = await execa(preCommit.command, ['install'], { cwd: repo.dir, env, reject: false, stdin: 'ignore' });
      assert.equal(inst.exitCode, 0, inst.stdout + inst.stderr);
      await repo.git(['add', '-A']);
      const adopt = await repo.commit('adopt chokepoint', [], env);
      assert.equal(adopt.exitCode, 0, adopt.stdout + adopt.stderr);
      const blocked = await commitFile(repo, BAD, env);
      assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);
      assert.match(blocked.stdout + blocked.stderr, /crates\/core\/src\/io\.rs:1:25/);
      const clean = await commitFile(repo, CLEAN, env);
      assert.equal(clean.exitCode, 0, clean.stdout + clean.stderr);
      assert.equal(existsSync(join(repo.dir, 'package.json')), false);
    } finally {
      repo.cleanup();
    }
  });
}

/** `npm install -g <source>` into a prefix of its own; the environment that puts its bin on PATH. */
async function globalInstall(name: string, source: string): Promise<NodeJS.ProcessEnv> {
  const prefix = join(work, name);
  const g = await execa('npm', ['install', '-g', '--prefix', prefix, source], { env: OFFLINE, reject: false });
  assert.equal(g.exitCode, 0, `npm install -g ${source} (offline) failed: ${g.stderr}`);
  assert.ok(existsSync(join(prefix, 'bin', 'chokepoint')), 'the chokepoint bin is linked');
  return { ...GIT_ENV, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
}

test('global install from the tarball (the registry route) used from a Rust-only repository', SLOW, async () => {
  await execa('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: PROJECT_ROOT });
  const env = await globalInstall('global-tarball', join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!));
  const repo = await rustOnlyRepo();
  try {
    for (const args of [['init'], ['install']]) {
      const r = await execa('chokepoint', args, { cwd: repo.dir, env, reject: false, stdin: 'ignore' });
      assert.equal(r.exitCode, 0, r.stderr);
    }
    await repo.git(['add', '-A']);
    assert.equal((await repo.commit('adopt chokepoint', [], env)).exitCode, 0);
    const blocked = await commitFile(repo, BAD, env);
    assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /crates\/core\/src\/io\.rs:1:25/);
  } finally {
    repo.cleanup();
  }
});

test('global install from git used from a Rust-only repository: only chokepoint.toml and the baseline enter the tree; a teammate needs one command', SLOW, async () => {
  const prefix = join(work, 'global-git');
  const env = await globalInstall('global-git', `git+file://${clone}#${commit}`);
  const chokepoint = (repo: Repo, args: string[]) => execa('chokepoint', args, { cwd: repo.dir, env, reject: false, stdin: 'ignore' });
  const repo = await rustOnlyRepo();
  const mate = join(work, 'teammate');
  try {
    repo.write('crates/core/src/legacy.rs', BAD);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'legacy code']);
    assert.equal((await chokepoint(repo, ['init'])).exitCode, 0);
    assert.equal((await chokepoint(repo, ['baseline'])).exitCode, 0);
    const inst = await chokepoint(repo, ['install']);
    assert.equal(inst.exitCode, 0, inst.stderr);
    const status = (await repo.git(['status', '--porcelain', '--ignored', '--untracked-files=all'])).stdout;
    assert.deepEqual(status.split('\n').filter(Boolean).sort(), ['?? chokepoint-baseline.json', '?? chokepoint.toml']);
    await repo.git(['add', '-A']);
    const adopt = await repo.commit('adopt chokepoint', [], env);
    assert.equal(adopt.exitCode, 0, adopt.stdout + adopt.stderr);
    const committed = (await repo.git(['grep', '-l', prefix, 'HEAD'])).stdout;
    assert.equal(committed, '', 'no committed file holds a path of this machine');
    const blocked = await commitFile(repo, BAD, env);
    assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);

    // A teammate clones and runs the one documented command.
    await execa('git', ['clone', '-q', repo.dir, mate], { env: GIT_ENV });
    const mateRepo = { ...repo, dir: mate } as Repo;
    assert.equal((await chokepoint(mateRepo, ['install'])).exitCode, 0);
    const again = await execa('sh', ['-c', `printf '%s' '${BAD}' > crates/core/src/io.rs && git add crates/core/src/io.rs && git commit -q -m try`], { cwd: mate, env, reject: false });
    assert.equal(again.exitCode, 1, again.stdout + again.stderr);
    assert.match(again.stdout + again.stderr, /crates\/core\/src\/io\.rs:1:25/);
  } finally {
    repo.cleanup();
    rmSync(mate, { recursive: true, force: true });
  }
});
