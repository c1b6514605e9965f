// The package as a user gets it: `npm pack`, installed from the tarball into a
// fresh project, hooks registered there, real commits. Also the husky,
// lefthook and pre-commit framework routes the README documents. Nothing is
// fetched: installs come from the lockfile through npm's cache (installOffline).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execa } from 'execa';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GIT_ENV, PROJECT_ROOT, SMALL_TREE, installOffline, lefthookBinary, makeRepo, SLOW, tempDir, testNeeding, type Repo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';
const NPM_FLAGS = ['--no-audit', '--no-fund', '--offline', '--loglevel=error'];
let tarball: string;
const packDir = tempDir('chokepoint-pack-');

before(async () => {
  // dist/ is built by `npm test` before the tests run.
  await execa('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir, '--loglevel=error'], { cwd: PROJECT_ROOT });
  const file = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  assert.ok(file, 'npm pack produced a tarball');
  tarball = join(packDir, file);
});

/** A committed npm project holding the small tree, with the packed chokepoint and `packages` (pinned by the lockfile) installed. */
async function projectWith(packages: string[] = []): Promise<Repo> {
  const repo = await makeRepo({ ...SMALL_TREE, 'package.json': `${JSON.stringify({ name: 'rust-workspace-tools', private: true }, null, 2)}\n`, '.gitignore': 'node_modules/\n' });
  await installOffline(repo.dir, { tarball, packages });
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
  return repo;
}

const npx = (repo: Repo, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execa('npx', ['--no-install', ...args], { cwd: repo.dir, env: { ...GIT_ENV, ...env }, reject: false, stdin: 'ignore' });

async function stageViolation(repo: Repo): Promise<void> {
  repo.write('crates/core/src/io.rs', BAD);
  await repo.git(['add', 'crates/core/src/io.rs']);
}

test('the packed tarball has what users need and nothing of the tests', async () => {
  const list = await execa('tar', ['-tzf', tarball]);
  const files = list.stdout.split('\n');
  for (const needed of ['package/bundle/cli/launch.js', 'package/bundle/cli/fast/index.js', 'package/hooks/run.sh', 'package/package.json', 'package/README.md', 'package/.pre-commit-hooks.yaml']) {
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  }
  assert.ok(!files.some((f) => f.startsWith('package/dist/test/') || f.startsWith('package/test/') || f.startsWith('package/fixtures/')), 'no tests or fixtures');
  assert.ok(!files.some((f) => f.includes('/.cache/') || f.endsWith('.v8')), 'no code cache of the machine that packed it');
});

test('installed from the tarball: install, a blocked commit, a bypass, and a loud failure once removed', SLOW, async () => {
  const repo = await projectWith();
  try {
    const inst = await npx(repo, ['chokepoint', 'install']);
    assert.equal(inst.exitCode, 0, `${inst.stdout}${inst.stderr}`);
    const pkg = JSON.parse(repo.read('package.json')) as { 'simple-git-hooks': Record<string, string> };
    assert.match(pkg['simple-git-hooks']['pre-commit']!, /\/bin\/sh 'node_modules\/chokepoint\/hooks\/run\.sh' pre-commit/, 'a path that works on every clone');

    await stageViolation(repo);
    const blocked = await repo.commit('violation');
    assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /crates\/core\/src\/io\.rs:1:25/);

    const bypassed = await repo.commit('violation', [], { CHOKEPOINT_BYPASS: 'spike, reverted tomorrow' });
    assert.equal(bypassed.exitCode, 0, bypassed.stdout + bypassed.stderr);
    assert.match((await repo.git(['log', '-1', '--format=%B'])).stdout, /Chokepoint-Bypass: spike, reverted tomorrow/);

    const rm = await execa('npm', ['rm', 'chokepoint', ...NPM_FLAGS], { cwd: repo.dir, reject: false });
    assert.equal(rm.exitCode, 0, rm.stderr);
    repo.write('crates/core/src/ok.rs', 'pub fn ok() {}\n');
    await repo.git(['add', 'crates/core/src/ok.rs']);
    const gone = await repo.commit('after removal');
    assert.equal(gone.exitCode, 1, 'the hook blocks instead of passing silently');
    assert.match(gone.stdout + gone.stderr, /node_modules\/chokepoint\/hooks\/run\.sh is missing/);
  } finally {
    repo.cleanup();
  }
});

test('husky route: the README snippets block a commit and record a bypass', SLOW, async () => {
  const repo = await projectWith(['husky']);
  try {
    mkdirSync(join(repo.dir, '.husky'), { recursive: true });
    for (const hook of ['pre-commit', 'pre-merge-commit', 'commit-msg']) copyFileSync(join(PROJECT_ROOT, 'examples', 'husky', hook), join(repo.dir, '.husky', hook));
    const init = await npx(repo, ['husky']);
    assert.equal(init.exitCode, 0, `${init.stdout}${init.stderr}`);
    await stageViolation(repo);
    const blocked = await repo.commit('violation');
    assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /std::fs/);
    const bypassed = await repo.commit('violation', [], { CHOKEPOINT_BYPASS: 'husky bypass' });
    assert.equal(bypassed.exitCode, 0, bypassed.stdout + bypassed.stderr);
    assert.match((await repo.git(['log', '-1', '--format=%B'])).stdout, /Chokepoint-Bypass: husky bypass/);
  } finally {
    repo.cleanup();
  }
});

// lefthook comes as its platform binary (test/tools/package.json says why); the
// hooks `lefthook install` writes call that binary by its path.
const lefthook = lefthookBinary();
testNeeding('lefthook route: the README snippet blocks a commit', { [`lefthook's binary for ${process.platform}-${process.arch} (npm ci installs it)`]: lefthook !== undefined }, SLOW, async () => {
  const repo = await projectWith();
  try {
    copyFileSync(join(PROJECT_ROOT, 'examples', 'lefthook.yml'), join(repo.dir, 'lefthook.yml'));
    const init = await execa(lefthook!, ['install'], { cwd: repo.dir, env: { ...GIT_ENV }, reject: false, stdin: 'ignore' });
    assert.equal(init.exitCode, 0, `${init.stdout}${init.stderr}`);
    await stageViolation(repo);
    const blocked = await repo.commit('violation');
    assert.equal(blocked.exitCode, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /std::fs/);
    const bypassed = await repo.commit('violation', [], { CHOKEPOINT_BYPASS: 'lefthook bypass' });
    assert.equal(bypassed.exitCode, 0, bypassed.stdout + bypassed.stderr);
    assert.match((await repo.git(['log', '-1', '--format=%B'])).stdout, /Chokepoint-Bypass: lefthook bypass/);
  } finally {
    repo.cleanup();
  }
});

// The pre-commit framework route is tested, offline and from a clone, in install-routes.test.ts.
after(() => rmSync(packDir, { recursive: true, force: true }));
