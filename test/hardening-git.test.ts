// Hardening against git's edge cases: no commits yet, detached HEAD, a merge
// or a rebase stopped on a conflict, linked worktrees, submodules, bare
// repositories, no git on PATH, no repository at all, and an alternate index.
// Each asserts the exit code and the message, on real repositories.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execa } from 'execa';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, GIT_ENV, makeRepo, parseJson, smallRepo, SMALL_TREE, tempDir, type Repo } from './helpers.js';

const LIB = 'crates/core/src/lib.rs';

const scratchDirs: string[] = [];
/** A temporary directory removed after the file's tests. */
function scratch(prefix?: string): string {
  const dir = tempDir(prefix);
  scratchDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});
const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';
const BAD_AT = /crates\/core\/src\/[a-z_]+\.rs:1:25/;

async function installed(repo: Repo): Promise<void> {
  const r = await repo.chokepoint(['install']);
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
}

async function head(repo: Repo): Promise<string> {
  return (await repo.git(['rev-parse', '--verify', '-q', 'HEAD'])).stdout.trim();
}

function bannedPaths(stdout: string): string[] {
  return parseJson(stdout)
    .findings.filter((f) => f.kind === 'banned-api')
    .map((f) => `${String(f.path)}:${String(f.line)}:${String(f.column)}`);
}

// --- a repository without commits ------------------------------------------------

test('no commits yet: --staged and --all work; --since HEAD and --rev HEAD are a clear exit 2', async () => {
  const repo = await makeRepo(SMALL_TREE);
  try {
    repo.write('crates/core/src/io.rs', BAD);
    await repo.git(['add', '-A']);
    const staged = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(staged.exitCode, 1, staged.stderr);
    assert.deepEqual(bannedPaths(staged.stdout), ['crates/core/src/io.rs:1:25']);
    const all = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(all.exitCode, 1, all.stderr);
    assert.deepEqual(bannedPaths(all.stdout), ['crates/core/src/io.rs:1:25']);
    const cached = await repo.chokepoint(['--all', '--cached', '--format', 'json']);
    assert.equal(cached.exitCode, 1, cached.stderr);

    const since = await repo.chokepoint(['--since', 'HEAD']);
    assert.equal(since.exitCode, 2);
    assert.equal(since.stdout, '');
    assert.equal(since.stderr, 'chokepoint: unknown revision "HEAD"\n  hint: make a first commit before using --since');
    const rev = await repo.chokepoint(['--all', '--rev', 'HEAD']);
    assert.equal(rev.exitCode, 2);
    assert.match(rev.stderr, /^chokepoint: unknown revision "HEAD"\n/);
    assert.doesNotMatch(since.stderr + rev.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    repo.cleanup();
  }
});

test('no commits yet: the hook checks the first commit', async () => {
  const repo = await makeRepo(SMALL_TREE);
  try {
    await installed(repo);
    repo.write('crates/core/src/io.rs', BAD);
    await repo.git(['add', '-A']);
    const refused = await repo.commit('first');
    assert.equal(refused.exitCode, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, BAD_AT);
    assert.equal(await head(repo), '', 'no commit was made');
    repo.remove('crates/core/src/io.rs');
    await repo.git(['add', '-A']);
    const ok = await repo.commit('first');
    assert.equal(ok.exitCode, 0, ok.stdout + ok.stderr);
  } finally {
    repo.cleanup();
  }
});

// --- detached HEAD -----------------------------------------------------------------

test('detached HEAD: the hook still checks the commit, --since and --rev work', async () => {
  const repo = await smallRepo();
  try {
    await installed(repo);
    await repo.git(['checkout', '-q', '--detach']);
    const before = await head(repo);
    repo.write('crates/core/src/io.rs', BAD);
    await repo.git(['add', 'crates/core/src/io.rs']);
    const refused = await repo.commit('detached');
    assert.equal(refused.exitCode, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, BAD_AT);
    assert.equal(await head(repo), before);
    const staged = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(staged.exitCode, 1);
    assert.deepEqual(bannedPaths(staged.stdout), ['crates/core/src/io.rs:1:25']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'forced']);
    const since = await repo.chokepoint(['--since', 'main', '--format', 'json']);
    assert.equal(since.exitCode, 1, since.stderr);
    assert.deepEqual(bannedPaths(since.stdout), ['crates/core/src/io.rs:1:25']);
    const rev = await repo.chokepoint(['--all', '--rev', 'HEAD', '--format', 'json']);
    assert.equal(rev.exitCode, 1, rev.stderr);
    assert.deepEqual(bannedPaths(rev.stdout), ['crates/core/src/io.rs:1:25']);
  } finally {
    repo.cleanup();
  }
});

// --- merges --------------------------------------------------------------------------

/** main and feature both change LIB: merging feature into main stops on a conflict. */
async function conflictingBranches(repo: Repo): Promise<void> {
  await repo.git(['checkout', '-q', '-b', 'feature']);
  repo.write(LIB, 'pub fn add(a: u32, b: u32) -> u32 { a.wrapping_add(b) }\n');
  await repo.git(['commit', '-q', '--no-verify', '-am', 'feature']);
  await repo.git(['checkout', '-q', 'main']);
  repo.write(LIB, 'pub fn add(a: u32, b: u32) -> u32 { b + a }\n');
  await repo.git(['commit', '-q', '--no-verify', '-am', 'main']);
}

test('merge stopped on a conflict: check works during it; `git commit` of the resolution runs pre-commit on the resolved files', async () => {
  const repo = await smallRepo();
  try {
    await installed(repo);
    await conflictingBranches(repo);
    const merge = await repo.git(['merge', 'feature']);
    assert.equal(merge.exitCode, 1, 'the merge stops on the conflict');
    assert.match(merge.stdout, /CONFLICT/);

    // Unresolved: the conflicted path is not a staged change yet; the working-tree audit copes with the markers.
    const during = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(during.exitCode, 0, during.stdout + during.stderr);
    assert.equal(parseJson(during.stdout).stats.files_scanned, 0);
    const all = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(all.exitCode, 0, all.stdout + all.stderr);
    const cached = await repo.chokepoint(['--all', '--cached', '--format', 'json']);
    assert.equal(cached.exitCode, 0, cached.stdout + cached.stderr);

    // Resolved with a violation: pre-commit runs for `git commit` and refuses; the merge stays in progress.
    repo.write(LIB, `pub fn add(a: u32, b: u32) -> u32 { a + b }\n${BAD}`);
    await repo.git(['add', LIB]);
    const refused = await repo.git(['commit', '--no-edit']);
    assert.equal(refused.exitCode, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, /crates\/core\/src\/lib\.rs:2:25/);
    assert.equal((await repo.git(['rev-parse', '-q', '--verify', 'MERGE_HEAD'])).exitCode, 0, 'still merging');

    // Resolved cleanly: the merge commit is made, with two parents.
    repo.write(LIB, 'pub fn add(a: u32, b: u32) -> u32 { a + b }\n');
    await repo.git(['add', LIB]);
    const ok = await repo.git(['commit', '--no-edit']);
    assert.equal(ok.exitCode, 0, ok.stdout + ok.stderr);
    assert.equal((await repo.git(['rev-list', '--parents', '-n', '1', 'HEAD'])).stdout.trim().split(' ').length, 3);
  } finally {
    repo.cleanup();
  }
});

test('a conflict-free `git merge` is checked by the pre-merge-commit hook; a bypass is recorded on the merge commit', async () => {
  const repo = await smallRepo();
  try {
    await installed(repo);
    await repo.git(['checkout', '-q', '-b', 'sneaky']);
    repo.write('crates/core/src/io.rs', BAD);
    await repo.git(['add', 'crates/core/src/io.rs']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'unchecked']);
    await repo.git(['checkout', '-q', 'main']);
    repo.write('crates/core/src/other.rs', 'pub fn other() {}\n');
    await repo.git(['add', 'crates/core/src/other.rs']);
    assert.equal((await repo.commit('other')).exitCode, 0);

    // Stopping before the commit, then committing: pre-commit refuses.
    const stop = await repo.git(['merge', '--no-ff', '--no-commit', 'sneaky']);
    assert.equal(stop.exitCode, 0, stop.stdout + stop.stderr);
    const refused = await repo.git(['commit', '--no-edit']);
    assert.equal(refused.exitCode, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, /crates\/core\/src\/io\.rs:1:25/);
    await repo.git(['merge', '--abort']);

    // A merge that commits by itself runs pre-merge-commit, which refuses too.
    const before = (await repo.git(['rev-parse', 'HEAD'])).stdout;
    const merge = await repo.git(['merge', '--no-ff', '--no-edit', 'sneaky']);
    assert.notEqual(merge.exitCode, 0, merge.stdout + merge.stderr);
    assert.match(merge.stdout + merge.stderr, /crates\/core\/src\/io\.rs:1:25/);
    assert.equal((await repo.git(['rev-parse', 'HEAD'])).stdout, before, 'no merge commit');
    await repo.git(['merge', '--abort']);

    // With a reason the merge goes through and the merge commit records it.
    const bypassed = await repo.git(['merge', '--no-ff', '--no-edit', 'sneaky'], { env: { ...GIT_ENV, CHOKEPOINT_BYPASS: 'merging the spike branch' } });
    assert.equal(bypassed.exitCode, 0, bypassed.stdout + bypassed.stderr);
    assert.match((await repo.git(['log', '-1', '--format=%B'])).stdout, /Chokepoint-Bypass: merging the spike branch/);
    // The full audit (CI) still sees the violation.
    const audit = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(audit.exitCode, 1);
    assert.deepEqual(bannedPaths(audit.stdout), ['crates/core/src/io.rs:1:25']);
  } finally {
    repo.cleanup();
  }
});

// --- rebase ------------------------------------------------------------------------------

test('rebase stopped on a conflict: `check --staged` works during the stop; known limit: `git rebase --continue` does not run pre-commit', async () => {
  const repo = await smallRepo();
  try {
    await installed(repo);
    await conflictingBranches(repo);
    await repo.git(['checkout', '-q', 'feature']);
    const rebase = await repo.git(['rebase', 'main']);
    assert.equal(rebase.exitCode, 1, 'the rebase stops on the conflict');
    assert.equal((await repo.git(['rev-parse', '--abbrev-ref', 'HEAD'])).stdout.trim(), 'HEAD', 'detached during the rebase');

    const during = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(during.exitCode, 0, during.stdout + during.stderr);

    repo.write(LIB, `pub fn add(a: u32, b: u32) -> u32 { a + b }\n${BAD}`);
    await repo.git(['add', LIB]);
    const staged = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(staged.exitCode, 1, staged.stderr);
    assert.deepEqual(bannedPaths(staged.stdout), ['crates/core/src/lib.rs:2:25']);
    const all = await repo.chokepoint(['--all', '--cached', '--format', 'json']);
    assert.equal(all.exitCode, 1, all.stderr);

    // git's sequencer commits the resolution without the pre-commit hook.
    const cont = await repo.git(['rebase', '--continue'], { env: { ...GIT_ENV, GIT_EDITOR: 'true' } });
    assert.equal(cont.exitCode, 0, cont.stdout + cont.stderr);
    assert.doesNotMatch(cont.stdout + cont.stderr, /chokepoint/);
    assert.match((await repo.git(['show', 'HEAD:crates/core/src/lib.rs'])).stdout, /std::fs::read/);
    // The full audit is the backstop.
    const audit = await repo.chokepoint(['--all', '--rev', 'HEAD', '--format', 'json']);
    assert.equal(audit.exitCode, 1);
    assert.deepEqual(bannedPaths(audit.stdout), ['crates/core/src/lib.rs:2:25']);
  } finally {
    repo.cleanup();
  }
});

// --- worktrees and submodules ---------------------------------------------------------------

test('a linked worktree: check and the hook work there and judge the worktree own files', async () => {
  const repo = await smallRepo();
  const wtDir = join(scratch(), 'wt');
  try {
    await installed(repo);
    assert.equal((await repo.git(['worktree', 'add', '-q', '-b', 'wt', wtDir])).exitCode, 0);
    const inWt = { cwd: wtDir };
    writeFileSync(join(wtDir, 'crates/core/src/io.rs'), BAD);
    repo.write('crates/core/src/main_only.rs', BAD);
    await repo.git(['add', 'crates/core/src/io.rs'], inWt);
    const staged = await repo.chokepoint(['--staged', '--format', 'json'], inWt);
    assert.equal(staged.exitCode, 1, staged.stderr);
    assert.deepEqual(bannedPaths(staged.stdout), ['crates/core/src/io.rs:1:25']);
    const all = await repo.chokepoint(['--all', '--format', 'json'], inWt);
    assert.deepEqual(bannedPaths(all.stdout), ['crates/core/src/io.rs:1:25'], 'the main worktree files are not this worktree files');
    const refused = await repo.git(['commit', '-q', '-m', 'in worktree'], inWt);
    assert.equal(refused.exitCode, 1, refused.stdout + refused.stderr);
    assert.match(refused.stderr, BAD_AT);
  } finally {
    await repo.git(['worktree', 'remove', '--force', wtDir]);
    repo.cleanup();
  }
});

test('a submodule: checks inside it use its own config and files; the superproject ignores the gitlink', async () => {
  const inner = await smallRepo();
  const outer = await makeRepo({ ...SMALL_TREE, 'chokepoint.toml': SMALL_TREE['chokepoint.toml']!.replace('include = ["crates/*/src/**/*.rs", "!crates/*/src/**/bin/**"]', 'include = ["**/*.rs"]') });
  try {
    inner.write('crates/core/src/io.rs', BAD);
    await inner.git(['add', '-A']);
    await inner.git(['commit', '-q', '--no-verify', '-m', 'bad inside']);
    await outer.git(['add', '-A']);
    await outer.git(['commit', '-q', '--no-verify', '-m', 'outer']);
    const add = await outer.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'vendor/sub']);
    assert.equal(add.exitCode, 0, add.stderr);

    // The staged gitlink (and .gitmodules) are not Rust files: nothing to read, no crash.
    const staged = await outer.chokepoint(['--staged', '--format', 'json']);
    assert.equal(staged.exitCode, 0, staged.stdout + staged.stderr);
    assert.equal(parseJson(staged.stdout).stats.files_scanned, 0);
    await outer.git(['commit', '-q', '--no-verify', '-m', 'add submodule']);
    for (const args of [['--all'], ['--all', '--cached'], ['--all', '--rev', 'HEAD'], ['--since', 'HEAD~1']]) {
      const r = await outer.chokepoint([...args, '--format', 'json']);
      assert.equal(r.stderr, '', args.join(' '));
      assert.deepEqual(bannedPaths(r.stdout), [], `${args.join(' ')}: the submodule content is not the superproject's`);
    }
    const dir = await outer.chokepoint(['check', 'vendor/sub', '--format', 'json']);
    assert.equal(dir.exitCode, 0, dir.stdout + dir.stderr);

    // Inside the submodule: its own repository, config and violation.
    const sub = join(outer.dir, 'vendor/sub');
    const insideAll = await outer.chokepoint(['--all', '--format', 'json'], { cwd: sub });
    assert.equal(insideAll.exitCode, 1, insideAll.stderr);
    assert.deepEqual(bannedPaths(insideAll.stdout), ['crates/core/src/io.rs:1:25']);
    writeFileSync(join(sub, 'crates/core/src/more.rs'), BAD);
    await outer.git(['add', 'crates/core/src/more.rs'], { cwd: sub });
    const insideStaged = await outer.chokepoint(['--staged', '--format', 'json'], { cwd: sub });
    assert.equal(insideStaged.exitCode, 1, insideStaged.stderr);
    assert.deepEqual(bannedPaths(insideStaged.stdout), ['crates/core/src/more.rs:1:25']);

    // A new commit in the submodule staged in the superproject: a gitlink change, ignored.
    await outer.git(['commit', '-q', '--no-verify', '-m', 'more'], { cwd: sub });
    await outer.git(['add', 'vendor/sub']);
    const gitlink = await outer.chokepoint(['--staged', '--format', 'json']);
    assert.equal(gitlink.exitCode, 0, gitlink.stdout + gitlink.stderr);
    assert.equal(parseJson(gitlink.stdout).stats.files_scanned, 0);
  } finally {
    inner.cleanup();
    outer.cleanup();
  }
});

// --- wrong places -----------------------------------------------------------------------------

test('a bare repository: exit 2, says it is bare and what to do', async () => {
  const repo = await smallRepo();
  const bare = join(scratch(), 'bare.git');
  try {
    assert.equal((await repo.git(['clone', '-q', '--bare', repo.dir, bare])).exitCode, 0);
    for (const args of [[], ['--all'], ['--all', '--rev', 'HEAD'], ['--since', 'HEAD'], ['explain', 'crates/core/src/lib.rs'], ['install']]) {
      const r = await repo.chokepoint(args, { cwd: bare });
      assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `chokepoint: ${bare} is a bare repository: it has no working tree or index to check\n  hint: run chokepoint in a clone with a working tree (for a commit, use --all --rev REV there)`);
    }
  } finally {
    repo.cleanup();
  }
});

test('inside the .git directory: exit 2 with git reason, no stack trace', async () => {
  const repo = await smallRepo();
  try {
    const r = await repo.chokepoint(['--all'], { cwd: join(repo.dir, '.git') });
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /^chokepoint: .*must be run in a work tree/);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  } finally {
    repo.cleanup();
  }
});

test('git missing from PATH: exit 2, the message names git', async () => {
  const repo = await smallRepo();
  const bin = scratch('chokepoint-nogit-');
  try {
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => execa(join(bin, 'node'), [CLI, ...args], { cwd: repo.dir, env: { ...GIT_ENV, PATH: bin, ...env }, reject: false, stdin: 'ignore' });
    // The staged check's reference path (the plain judge) asks git for everything.
    for (const [args, env] of [[[], { CHOKEPOINT_JUDGE: 'plain' }], [['--all']], [['check', LIB]], [['explain', LIB]], [['install']], [['init', '--config', join(bin, 'x.toml')]]] as [string[], NodeJS.ProcessEnv?][]) {
      const r = await run(args, env);
      assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stderr, 'chokepoint: git was not found on PATH\n  hint: install git, or start chokepoint from a shell whose PATH contains it');
    }
    // The fast path reads a plain staged change from the git directory itself: no git needed.
    const fast = await run([], { CHOKEPOINT_JUDGE: 'fast' });
    assert.equal(fast.exitCode, 0, fast.stdout + fast.stderr);
    assert.equal(fast.stderr, '');
  } finally {
    repo.cleanup();
  }
});

test('outside any repository, a missing --cwd, a --cwd that is a file: exit 2, clear messages', async () => {
  const repo = await smallRepo();
  const outside = scratch('chokepoint-xyz-');
  try {
    for (const args of [['explain', 'a.rs'], ['install']]) {
      const r = await repo.chokepoint([...args, '--cwd', outside]);
      assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stderr, `chokepoint: ${outside} is not inside a git repository\n  hint: run chokepoint inside the repository it should check, or pass --cwd DIR`);
    }
    // The checks that need git say why, and point at the one that does not (docs/adoption.md).
    for (const [args, why] of [[[], 'the staged check reads what git is about to commit'], [['--since', 'main'], 'the changed-files check asks git what changed']] as const) {
      const r = await repo.chokepoint([...args, '--cwd', outside]);
      assert.equal(r.exitCode, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stderr, `chokepoint: ${outside} is not inside a git repository: ${why}, so it needs one\n  hint: run it inside the repository, or audit the files on disk with \`chokepoint --all\` (which works without git)`);
    }
    // --all audits the files on disk outside git, but needs a config to say which.
    const all = await repo.chokepoint(['--all', '--cwd', outside]);
    assert.equal(all.exitCode, 2, all.stdout + all.stderr);
    assert.equal(all.stderr, `chokepoint: ${outside} is not inside a git repository, and there is no config at ${join(outside, 'chokepoint.toml')} to audit the files on disk by\n  hint: run chokepoint inside the repository it should check, or pass --cwd DIR`);
    // The default (staged) check starts git early: a bad --cwd must still be a clean exit 2.
    for (const bad of [join(outside, 'does-not-exist'), join(repo.dir, LIB)]) {
      for (const args of [[], ['--all'], ['explain', 'a.rs'], ['install']]) {
        const r = await repo.chokepoint([...args, '--cwd', bad]);
        assert.equal(r.exitCode, 2, `${args.join(' ')} --cwd ${bad}: ${r.stderr}`);
        assert.equal(r.stderr, `chokepoint: ${bad} does not exist or is not a directory\n  hint: pass --cwd an existing directory inside the repository to check`);
      }
    }
  } finally {
    repo.cleanup();
  }
});

test('--cwd a subdirectory of the repository works like the root', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/core/src/io.rs', BAD);
    await repo.git(['add', '-A']);
    const r = await repo.chokepoint(['--staged', '--format', 'json', '--cwd', join(repo.dir, 'crates/core')]);
    assert.equal(r.exitCode, 1, r.stderr);
    assert.deepEqual(bannedPaths(r.stdout), ['crates/core/src/io.rs:1:25']);
  } finally {
    repo.cleanup();
  }
});

// --- alternate index -----------------------------------------------------------------------------

test('GIT_INDEX_FILE: an alternate index is what --staged judges (as `git commit -a` and `git commit -- path` use)', async () => {
  const repo = await smallRepo();
  const alt = join(scratch(), 'alt-index');
  try {
    assert.equal((await repo.git(['read-tree', `--index-output=${alt}`, 'HEAD'])).exitCode, 0);
    repo.write('crates/core/src/io.rs', BAD);
    const altEnv = { ...GIT_ENV, GIT_INDEX_FILE: alt };
    await repo.git(['add', 'crates/core/src/io.rs'], { env: altEnv });

    const normal = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(normal.exitCode, 0, 'the real index has nothing staged');
    assert.equal(parseJson(normal.stdout).stats.files_scanned, 0);
    const viaAlt = await repo.chokepoint(['--staged', '--format', 'json'], { env: altEnv });
    assert.equal(viaAlt.exitCode, 1, viaAlt.stderr);
    assert.deepEqual(bannedPaths(viaAlt.stdout), ['crates/core/src/io.rs:1:25']);
    const cached = await repo.chokepoint(['--all', '--cached', '--format', 'json'], { env: altEnv });
    assert.deepEqual(bannedPaths(cached.stdout), ['crates/core/src/io.rs:1:25']);

    // The real thing: `git commit -a` builds a temporary index and the hook judges it.
    await installed(repo);
    repo.write(LIB, BAD);
    const before = await head(repo);
    const commitAll = await repo.commit('all', ['-a']);
    assert.equal(commitAll.exitCode, 1, commitAll.stdout + commitAll.stderr);
    assert.match(commitAll.stderr, /crates\/core\/src\/lib\.rs:1:25/);
    assert.doesNotMatch(commitAll.stderr, /io\.rs/, 'the untracked io.rs is not part of `commit -a`');
    assert.equal(await head(repo), before);
  } finally {
    repo.cleanup();
  }
});
