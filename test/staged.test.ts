// The pre-commit hook, fired by real `git commit` in temporary repositories:
// the staged set, content from the index, partial staging, odd file names,
// removed allowlisted files, and that nothing is ever modified.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeRepo, smallRepo, snapshot, SMALL_TREE, parseJson, type Repo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';
const GOOD = 'pub fn f() -> u32 { 1 }\n';

async function hookedRepo(): Promise<Repo> {
  const repo = await smallRepo();
  const r = await repo.chokepoint(['install']);
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  return repo;
}

let repo: Repo;
before(async () => {
  repo = await hookedRepo();
});
after(() => repo.cleanup());

/** Puts the repository back at the base commit with a clean index. */
async function reset(): Promise<void> {
  await repo.git(['reset', '-q', '--hard', 'HEAD']);
  await repo.git(['clean', '-qfdx', '-e', '.simple-git-hooks.json']);
}

test('a commit adding a banned call is refused and nothing changes', async () => {
  await reset();
  repo.write('crates/core/src/io.rs', BAD);
  await repo.git(['add', 'crates/core/src/io.rs']);
  await repo.git(['stash', 'push', '-q', '--keep-index', '--include-untracked', '-m', 'unrelated']).catch(() => undefined);
  const beforeState = await snapshot(repo);
  const r = await repo.commit('add io');
  assert.equal(r.exitCode, 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /crates\/core\/src\/io\.rs:1:25/);
  assert.match(r.stdout + r.stderr, /std::fs/);
  assert.equal((await repo.git(['rev-list', '--count', 'HEAD'])).stdout, '1', 'no commit was made');
  assert.equal(await snapshot(repo), beforeState, 'working tree, index and stash are untouched');
});

test('content comes from the index: staged violation fixed only in the working tree is refused', async () => {
  await reset();
  repo.write('crates/core/src/io.rs', BAD);
  await repo.git(['add', 'crates/core/src/io.rs']);
  repo.write('crates/core/src/io.rs', GOOD);
  const r = await repo.commit('partial');
  assert.equal(r.exitCode, 1, r.stdout + r.stderr);
  assert.equal(repo.read('crates/core/src/io.rs'), GOOD, 'the working-tree fix is kept');
});

test('content comes from the index: fixed and staged, violation only in the working tree passes', async () => {
  await reset();
  repo.write('crates/core/src/io.rs', GOOD);
  await repo.git(['add', 'crates/core/src/io.rs']);
  repo.write('crates/core/src/io.rs', BAD);
  const r = await repo.commit('partial ok');
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  assert.equal(repo.read('crates/core/src/io.rs'), BAD, 'the unstaged change is left alone');
});

test('git commit -a judges the unstaged violation it is about to commit', async () => {
  await reset();
  repo.write('crates/core/src/lib.rs', BAD);
  const r = await repo.commit('all', ['-a']);
  assert.equal(r.exitCode, 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /crates\/core\/src\/lib\.rs/);
});

test('git commit -- clean.rs passes while another staged file violates', async () => {
  await reset();
  repo.write('crates/core/src/bad.rs', BAD);
  repo.write('crates/core/src/clean.rs', GOOD);
  await repo.git(['add', 'crates/core/src/bad.rs', 'crates/core/src/clean.rs']);
  const r = await repo.commit('only clean', ['--', 'crates/core/src/clean.rs']);
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  const committed = (await repo.git(['show', '--name-only', '--format=', 'HEAD'])).stdout.trim();
  assert.equal(committed, 'crates/core/src/clean.rs');
});

test('file names with spaces, quotes, newlines and non-ASCII are found and reported exactly', async () => {
  await reset();
  const names = ['crates/core/src/with space.rs', 'crates/core/src/quote"d.rs', "crates/core/src/apo'strophe.rs", 'crates/core/src/new\nline.rs', 'crates/core/src/ünïcødé.rs'];
  for (const n of names) repo.write(n, BAD);
  await repo.git(['add', '-A', 'crates']);
  const r = await repo.chokepoint(['check', '--staged', '--format', 'json']);
  assert.equal(r.exitCode, 1, r.stderr);
  const paths = parseJson(r.stdout).findings.map((f) => f.path).sort();
  assert.deepEqual(paths, [...names].sort());
  const commit = await repo.commit('odd names');
  assert.equal(commit.exitCode, 1);
});

test('deleting or renaming an allowlisted file is refused with allowlisted-path-removed', async () => {
  await reset();
  await repo.git(['rm', '-q', 'crates/host/src/fs.rs']);
  let r = await repo.commit('delete chokepoint');
  assert.equal(r.exitCode, 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /allowlisted-path-removed/);
  assert.match(r.stdout + r.stderr, /deletes it: remove its allowlist entry/);
  await reset();
  await repo.git(['mv', 'crates/host/src/fs.rs', 'crates/host/src/host_fs.rs']);
  r = await repo.chokepoint(['check', '--staged', '--format', 'json']);
  assert.equal(r.exitCode, 1);
  const f = parseJson(r.stdout).findings;
  assert.ok(f.some((x) => x.kind === 'allowlisted-path-removed' && x.path === 'crates/host/src/fs.rs' && /renames it to "crates\/host\/src\/host_fs\.rs"/.test(String(x.message))), JSON.stringify(f));
});

test('banned calls in excluded files, src/bin and outside scope are accepted', async () => {
  await reset();
  repo.write('crates/core/src/build.rs', BAD);
  repo.write('crates/core/src/bin/tool.rs', BAD);
  repo.write('crates/core/tests/it.rs', BAD);
  repo.write('tools/script.rs', BAD);
  await repo.git(['add', '-A', 'crates', 'tools']);
  const r = await repo.commit('out of scope');
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
});

test('only staged files are read: an unstaged violation elsewhere does not block', async () => {
  await reset();
  repo.write('crates/core/src/lib.rs', BAD);
  repo.write('crates/core/src/other.rs', GOOD);
  await repo.git(['add', 'crates/core/src/other.rs']);
  const r = await repo.chokepoint(['check', '--staged', '--format', 'json']);
  assert.equal(r.exitCode, 0, r.stdout);
  assert.equal(parseJson(r.stdout).stats.files_scanned, 1);
});

test('a staged banned dependency in a manifest is refused, judged as staged', async () => {
  await reset();
  repo.write('crates/core/Cargo.toml', `${SMALL_TREE['crates/core/Cargo.toml']}agent-runtime = "1"\n`);
  await repo.git(['add', 'crates/core/Cargo.toml']);
  repo.write('crates/core/Cargo.toml', SMALL_TREE['crates/core/Cargo.toml']!);
  const r = await repo.chokepoint(['check', '--staged', '--format', 'json']);
  assert.equal(r.exitCode, 1);
  const f = parseJson(r.stdout).findings;
  assert.deepEqual(f.map((x) => [x.kind, x.path, x.line, x.dependency]), [['banned-dependency', 'crates/core/Cargo.toml', 7, 'agent-runtime']]);
});

test('a staged chokepoint.toml change audits the whole index with the staged rules', async () => {
  await reset();
  // The staged config drops the allowlist entry: the untouched fs.rs now violates.
  repo.write('chokepoint.toml', repo.read('chokepoint.toml').replace(/\[\[class\.allow\]\][^[]*/, ''));
  await repo.git(['add', 'chokepoint.toml']);
  const r = await repo.chokepoint(['check', '--staged', '--format', 'json']);
  assert.equal(r.exitCode, 1, r.stdout + r.stderr);
  const report = parseJson(r.stdout);
  assert.ok(report.findings.some((f) => f.path === 'crates/host/src/fs.rs'), JSON.stringify(report.findings));
  assert.ok(report.stats.files_scanned >= 2);
});

test('the first commit of a new repository is checked', async () => {
  const fresh = await makeRepo({ ...SMALL_TREE, 'crates/core/src/lib.rs': BAD });
  try {
    const inst = await fresh.chokepoint(['install']);
    assert.equal(inst.exitCode, 0, inst.stderr);
    await fresh.git(['add', '-A']);
    const r = await fresh.commit('first');
    assert.equal(r.exitCode, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /crates\/core\/src\/lib\.rs:1:25/);
    assert.notEqual((await fresh.git(['rev-parse', '--verify', '-q', 'HEAD'])).exitCode, 0, 'still no commit');
  } finally {
    fresh.cleanup();
  }
});

test('bypass: the commit goes through with a Chokepoint-Bypass trailer; an empty reason is refused', async () => {
  await reset();
  repo.write('crates/core/src/io.rs', BAD);
  await repo.git(['add', 'crates/core/src/io.rs']);
  const empty = await repo.commit('bypass empty', [], { CHOKEPOINT_BYPASS: '   ' });
  assert.notEqual(empty.exitCode, 0);
  assert.match(empty.stderr, /a bypass needs a reason/);
  const ok = await repo.commit('bypass', [], { CHOKEPOINT_BYPASS: 'hotfix INC-7, allowlist entry follows' });
  assert.equal(ok.exitCode, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout + ok.stderr, /BYPASSED/);
  const body = (await repo.git(['log', '-1', '--format=%B'])).stdout;
  assert.match(body, /^bypass\n\nChokepoint-Bypass: hotfix INC-7, allowlist entry follows\s*$/);
  const trailers = (await repo.git(['log', '-1', '--format=%(trailers:key=Chokepoint-Bypass,valueonly)'])).stdout.trim();
  assert.equal(trailers, 'hotfix INC-7, allowlist entry follows');
  // A clean commit with the variable still set records nothing: there was nothing to bypass.
  repo.write('crates/core/src/io2.rs', GOOD);
  await repo.git(['add', 'crates/core/src/io2.rs']);
  const clean = await repo.commit('clean', [], { CHOKEPOINT_BYPASS: 'not needed' });
  assert.equal(clean.exitCode, 0);
  assert.doesNotMatch((await repo.git(['log', '-1', '--format=%B'])).stdout, /Chokepoint-Bypass/);
  await repo.git(['reset', '-q', '--hard', 'HEAD~2']);
});

test('chokepoint check --bypass reports but exits 0; an empty --bypass is a usage error', async () => {
  await reset();
  repo.write('crates/core/src/io.rs', BAD);
  const r = await repo.chokepoint(['check', 'crates/core/src/io.rs', '--bypass', 'spike', '--format', 'json']);
  assert.equal(r.exitCode, 0);
  const report = JSON.parse(r.stdout) as { ok: boolean; bypass: string; findings: unknown[] };
  assert.equal(report.ok, false);
  assert.equal(report.bypass, 'spike');
  assert.equal(report.findings.length, 1);
  const empty = await repo.chokepoint(['check', 'crates/core/src/io.rs', '--bypass', '']);
  assert.equal(empty.exitCode, 2);
});

test('check FILE... reads the working tree and ignores files out of scope', async () => {
  await reset();
  repo.write('crates/core/src/io.rs', BAD);
  repo.write('tools/x.rs', BAD);
  const r = await repo.chokepoint(['check', 'crates/core/src/io.rs', 'tools/x.rs', '--format', 'json']);
  assert.equal(r.exitCode, 1);
  assert.deepEqual(parseJson(r.stdout).findings.map((f) => f.path), ['crates/core/src/io.rs']);
  const sub = await repo.chokepoint(['check', 'src/io.rs', '--format', 'json'], { cwd: `${repo.dir}/crates/core` });
  assert.equal(sub.exitCode, 1, 'paths are relative to the current directory');
  const outside = await repo.chokepoint(['check', '/etc/hostname']);
  assert.equal(outside.exitCode, 2);
  assert.match(outside.stderr, /outside the repository/);
});
