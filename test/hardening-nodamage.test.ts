// chokepoint must never damage a repository. With staged, unstaged and
// untracked changes and a stash present, every command that can run in one
// repository (checks in every mode and format, explain, init elsewhere,
// bypass, and every kind of error) leaves the working tree, the index (to the
// byte), the stash, HEAD and the refs exactly as they were.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GIT_ENV, IN_CI, SEED, SLOW, smallRepo, snapshot, tempDir, type Repo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';
const GOOD = 'pub fn f() -> u32 { 1 }\n';
const LIB = 'crates/core/src/lib.rs';
const ODD = 'crates/core/src/a b\n"é".rs';

interface State {
  tree: string;
  index: string;
  refs: string;
  head: string;
  stash: string;
  gitFiles: Record<string, string>;
}

/** helpers' snapshot() plus the index bytes, every ref, the symbolic HEAD, the stash and git's in-progress files. */
async function state(repo: Repo): Promise<State> {
  const gitDir = (await repo.git(['rev-parse', '--absolute-git-dir'])).stdout.trim();
  const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const gitFiles: Record<string, string> = {};
  for (const name of ['index', 'HEAD', 'config', 'MERGE_HEAD', 'MERGE_MSG', 'ORIG_HEAD', 'index.lock', 'COMMIT_EDITMSG', 'packed-refs', 'logs/refs/stash']) {
    const path = join(gitDir, name);
    gitFiles[name] = existsSync(path) ? sha(readFileSync(path)) : 'absent';
  }
  return {
    tree: await snapshot(repo),
    index: (await repo.git(['ls-files', '-s', '-z'])).stdout,
    refs: (await repo.git(['for-each-ref', '--format=%(refname) %(objectname)'])).stdout,
    head: `${(await repo.git(['symbolic-ref', '-q', 'HEAD'])).stdout.trim()} ${(await repo.git(['rev-parse', '-q', '--verify', 'HEAD'])).stdout.trim()}`,
    stash: (await repo.git(['stash', 'list', '--format=%H %gs'])).stdout,
    gitFiles,
  };
}

/** `state` without the files git itself rewrites (the index's stat data, COMMIT_EDITMSG) when a test runs git commands. */
function gitsOwnWrites(s: State): State {
  return { ...s, gitFiles: { ...s.gitFiles, COMMIT_EDITMSG: 'git', index: 'git' } };
}

interface Command {
  args: string[];
  exit: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs each command and asserts its exit code and that nothing changed. */
async function runAll(repo: Repo, commands: Command[]): Promise<void> {
  const before = await state(repo);
  for (const { args, exit, env } of commands) {
    const r = await repo.chokepoint(args, env ? { env: { ...GIT_ENV, ...env } } : {});
    const label = `chokepoint ${args.map((a) => JSON.stringify(a)).join(' ')}${env ? ` with ${JSON.stringify(env)}` : ''}`;
    assert.equal(r.exitCode, exit, `${label}\n${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error/, label);
    assert.deepEqual(await state(repo), before, `${label} changed the repository`);
  }
}

let repo: Repo;
let outside: string;

before(async () => {
  outside = tempDir('chokepoint-nodamage-');
  writeFileSync(join(outside, 'bad.toml'), '[scope\n');
  writeFileSync(join(outside, 'msg.txt'), 'a commit message\n');
  repo = await smallRepo();
  const install = await repo.chokepoint(['install']);
  assert.equal(install.exitCode, 0, install.stderr);
  repo.write('crates/core/src/extra.rs', GOOD);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'second']);

  // A stash holding a tracked change and an untracked file.
  repo.write(LIB, BAD);
  repo.write('crates/core/src/stashed_new.rs', BAD);
  assert.equal((await repo.git(['stash', 'push', '-q', '-u', '-m', 'keep me'])).exitCode, 0);

  // Staged: a new violation, a partially staged file, a symlink, an odd name.
  repo.write('crates/core/src/io.rs', BAD);
  repo.write(LIB, BAD);
  repo.write(ODD, BAD);
  symlinkSync('../../../outside.txt', join(repo.dir, 'crates/core/src/link.rs'));
  await repo.git(['add', 'crates/core/src/io.rs', LIB, ODD, 'crates/core/src/link.rs']);
  repo.write(LIB, GOOD); // the unstaged fix on top of the staged violation
  // Unstaged: a modified file and a deleted one.
  repo.write('crates/host/src/fs.rs', 'pub fn read() -> Vec<u8> { std::fs::read("y").unwrap() }\n');
  repo.remove('crates/core/src/extra.rs');
  // Untracked: a violation and a directory.
  repo.write('crates/core/src/untracked.rs', BAD);
  repo.write('notes/todo.txt', 'remember\n');
});
after(() => {
  repo.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

test('every check mode and format leaves the repository untouched', SLOW, async () => {
  const commands: Command[] = [{ args: [], exit: 1 }];
  for (const format of ['human', 'json', 'sarif', 'github']) {
    commands.push(
      { args: ['check', '--staged', '--format', format], exit: 1 },
      { args: ['check', '--all', '--format', format], exit: 1 },
      { args: ['check', '--since', 'HEAD~1', '--format', format], exit: 0 },
    );
  }
  commands.push(
    { args: ['--all'], exit: 1 },
    { args: ['check', '--all', '--cached', '--format', 'json'], exit: 1 },
    { args: ['check', '--all', '--rev', 'HEAD', '--format', 'json'], exit: 0 },
    { args: ['check', '--all', '--rev', 'HEAD~1'], exit: 0 },
    { args: ['check', '--all', '--strict'], exit: 1 },
    { args: ['check', '--all', '--matcher', 'line'], exit: 1 },
    { args: ['check', '--staged', '--matcher', 'line', '--strict'], exit: 1 },
    { args: ['check', LIB], exit: 0 },
    { args: ['check', 'crates/core/src/io.rs', 'crates/core/src/untracked.rs', ODD, 'crates/core/src/link.rs'], exit: 1 },
    { args: ['check', 'crates/core/src/extra.rs'], exit: 2 }, // deleted in the working tree: a usage error
    { args: ['check', 'chokepoint.toml', '--format', 'json'], exit: 1 },
    { args: ['check', 'crates/core/Cargo.toml'], exit: 0 },
    { args: ['check', '--staged', '--cwd', join(repo.dir, 'crates/core')], exit: 1 },
  );
  await runAll(repo, commands);
});

test('explain and init (into another path) leave the repository untouched', async () => {
  await runAll(repo, [
    { args: ['explain', LIB], exit: 0 },
    { args: ['explain', 'crates/core/src/untracked.rs'], exit: 0 },
    { args: ['explain', 'crates/core/src/link.rs'], exit: 0 },
    { args: ['explain', 'crates/core/src/extra.rs'], exit: 0 },
    { args: ['explain', 'crates/host/src/fs.rs', '--matcher', 'line'], exit: 0 },
    { args: ['init', '--config', join(outside, 'starter.toml')], exit: 0 },
    { args: ['init', '--config', join(outside, 'starter.toml')], exit: 2 }, // exists: refused, not overwritten
    // The seed sits beside the project in CI and here; a bare clone has none.
    ...(existsSync(SEED) || IN_CI ? [{ args: ['init', '--from', SEED, '--config', join(outside, 'imported.toml')], exit: 0 }] : []),
    { args: ['init'], exit: 2 }, // chokepoint.toml exists
    { args: ['init', '--config', join(outside, 'no/such/dir/x.toml')], exit: 2 },
  ]);
  assert.ok(existsSync(join(outside, 'starter.toml')) && (!(existsSync(SEED) || IN_CI) || existsSync(join(outside, 'imported.toml'))), 'init wrote where it was told');
});

test('bypass, by option and by environment, leaves the working tree, index and stash untouched', async () => {
  await runAll(repo, [
    { args: ['check', '--staged', '--bypass', 'incident 42'], exit: 0 },
    { args: [], exit: 0, env: { CHOKEPOINT_BYPASS: 'incident 43' } },
    { args: ['check', '--all', '--bypass', 'audit only', '--format', 'json'], exit: 0 },
    { args: ['hook', 'commit-msg', join(outside, 'msg.txt')], exit: 0 },
    { args: ['check', '--staged', '--bypass', '  '], exit: 2 },
  ]);
});

test('every kind of error leaves the repository untouched', SLOW, async () => {
  await runAll(repo, [
    { args: ['--config', 'missing.toml'], exit: 2 },
    { args: ['--all', '--config', join(outside, 'bad.toml')], exit: 2 },
    { args: ['--all', '--config', 'crates'], exit: 2 },
    { args: ['--all', '--rev', 'no-such-rev'], exit: 2 },
    { args: ['--since', 'no-such-rev'], exit: 2 },
    { args: ['--format', 'bogus'], exit: 2 },
    { args: ['--matcher', 'bogus'], exit: 2 },
    { args: ['--cached'], exit: 2 },
    { args: ['--staged', '--all'], exit: 2 },
    { args: ['--no-such-option'], exit: 2 },
    { args: ['bogus-command'], exit: 2 },
    { args: ['check', '../outside.rs'], exit: 2 },
    { args: ['explain'], exit: 2 },
    { args: ['init', '--from', join(outside, 'missing.rs'), '--config', join(outside, 'never.toml')], exit: 2 },
    { args: ['hook'], exit: 2 },
    { args: ['--cwd', join(outside, 'missing-dir')], exit: 2 },
    { args: ['--cwd', outside], exit: 2 },
  ]);
  assert.ok(!existsSync(join(outside, 'never.toml')));
});

test('a commit refused by the hook leaves the repository untouched', async () => {
  const before = await state(repo);
  const r = await repo.commit('refused');
  assert.equal(r.exitCode, 1, r.stdout + r.stderr);
  const after = await state(repo);
  // git itself writes COMMIT_EDITMSG and refreshes the index's stat data before
  // any hook runs; the index entries and everything else must be as they were.
  assert.deepEqual(gitsOwnWrites(after), gitsOwnWrites(before));
});

test('a staged chokepoint.toml change (full index audit) leaves the repository untouched', async () => {
  const saved = await state(repo);
  const config = repo.read('chokepoint.toml');
  repo.write('chokepoint.toml', `${config}\n# staged comment\n`);
  await repo.git(['add', 'chokepoint.toml']);
  repo.write('chokepoint.toml', `${config}\n# staged comment\n# unstaged comment\n`);
  try {
    await runAll(repo, [
      { args: ['--staged', '--format', 'json'], exit: 1 },
      { args: ['check', 'chokepoint.toml'], exit: 1 },
      { args: ['--all', '--cached', '--format', 'sarif'], exit: 1 },
    ]);
  } finally {
    await repo.git(['reset', '-q', '--', 'chokepoint.toml']);
    repo.write('chokepoint.toml', config);
  }
  assert.deepEqual(gitsOwnWrites(await state(repo)), gitsOwnWrites(saved), 'the test put the repository back');
});

test('during a merge stopped on a conflict, with a stash and untracked files, nothing is touched', async () => {
  const merging = await smallRepo();
  try {
    await merging.git(['checkout', '-q', '-b', 'feature']);
    merging.write(LIB, 'pub fn add(a: u32, b: u32) -> u32 { a.wrapping_add(b) }\n');
    await merging.git(['commit', '-q', '--no-verify', '-am', 'feature']);
    await merging.git(['checkout', '-q', 'main']);
    merging.write(LIB, 'pub fn add(a: u32, b: u32) -> u32 { b + a }\n');
    await merging.git(['commit', '-q', '--no-verify', '-am', 'main']);
    merging.write('crates/host/src/fs.rs', 'pub fn read() {}\n');
    await merging.git(['stash', 'push', '-q', '-m', 'before merge']);
    assert.equal((await merging.git(['merge', 'feature'])).exitCode, 1);
    merging.write('crates/core/src/untracked.rs', BAD);
    await runAll(merging, [
      { args: [], exit: 0 },
      { args: ['--all', '--format', 'json'], exit: 1 },
      { args: ['--all', '--cached'], exit: 0 },
      { args: ['--all', '--rev', 'MERGE_HEAD'], exit: 0 },
      { args: ['--since', 'feature'], exit: 0 },
      { args: ['check', LIB, '--format', 'github'], exit: 0 },
      { args: ['explain', LIB], exit: 0 },
      { args: ['check', '--staged', '--bypass', 'x'], exit: 0 },
    ]);
  } finally {
    merging.cleanup();
  }
});
