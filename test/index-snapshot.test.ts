// The staged check's git answers read from the git directory (src/fast/git/)
// against git's own answers, field by field: the repository, the staged
// changes, the index's entries and paths, and the blobs. Real git in
// temporary repositories: targeted cases, the places where git must decide
// (the reader must say undefined), damaged objects, and seeded random
// repositories.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GIT_ENV, tempDir } from './helpers.js';
import { readIndexSnapshot } from '../src/fast/git/snapshot.js';
import { parseRawDiff, STAGED_DIFF_ARGS, type Change } from '../src/source/changes.js';
import { REPOSITORY_QUERY } from '../src/git.js';
import { createRng } from '../bench/generate.js'; // the benchmark's seeded PRNG, as seed-equivalence uses it

type Env = NodeJS.ProcessEnv;

/** The environment git and the reader both see: the tests' fixed git setup plus `extra`. */
const fullEnv = (extra: Env = {}): Env => ({ ...process.env, ...GIT_ENV, CHOKEPOINT_JUDGE: undefined, ...extra });

function runGit(dir: string, args: string[], env: Env = {}, input?: string | Buffer): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync('git', args, { cwd: dir, env: fullEnv(env), input, maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

function git(dir: string, args: string[], env: Env = {}, input?: string | Buffer): string {
  const r = runGit(dir, args, env, input);
  assert.equal(r.status, 0, `git ${args.join(' ')} in ${dir}: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

const splitZ = (text: string): string[] => (text === '' ? [] : text.replace(/\0$/, '').split('\0'));

function newRepo(prefix = 'chokepoint-snap-'): string {
  const dir = tempDir(prefix);
  git(dir, ['init', '-q', '-b', 'main']);
  return dir;
}

/** Makes the directories of `path`, removing a file that stands where one of them goes. */
function makeParents(dir: string, path: string): void {
  const parts = path.split('/').slice(0, -1);
  for (let k = 1; k <= parts.length; k++) {
    const at = join(dir, ...parts.slice(0, k));
    if (lstatSync(at, { throwIfNoEntry: false })?.isDirectory() === false) rmSync(at);
  }
  mkdirSync(dirname(join(dir, path)), { recursive: true });
}

function write(dir: string, path: string, content: string | Buffer, mode?: number): void {
  makeParents(dir, path);
  rmSync(join(dir, path), { force: true, recursive: true });
  writeFileSync(join(dir, path), content);
  if (mode !== undefined) chmodSync(join(dir, path), mode);
}

function link(dir: string, path: string, target: string): void {
  makeParents(dir, path);
  rmSync(join(dir, path), { force: true, recursive: true });
  symlinkSync(target, join(dir, path));
}

function commitAll(dir: string, message = 'c'): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', message]);
}

/** `git cat-file --batch` over `names`: each one's id, type and bytes, or undefined where git has no such object. */
function catObjects(dir: string, names: string[], env: Env): Map<string, { oid: string; type: string; data: Buffer } | undefined> {
  const out = runGit(dir, ['cat-file', '--batch'], env, names.map((o) => `${o}\n`).join('')).stdout;
  const found = new Map<string, { oid: string; type: string; data: Buffer } | undefined>();
  let at = 0;
  for (const name of names) {
    const lf = out.indexOf(10, at);
    const header = out.toString('utf8', at, lf).split(' ');
    at = lf + 1;
    if (header.length !== 3 || header[1] === 'missing') {
      found.set(name, undefined);
      continue;
    }
    const size = Number(header[2]);
    found.set(name, { oid: header[0]!, type: header[1]!, data: out.subarray(at, at + size) });
    at += size + 1;
  }
  return found;
}

interface Expect {
  /** What `changes` must be: a list (git's), undefined, or either where the documented cases allow. */
  changes?: 'list' | 'undefined';
}

/**
 * Every answer of readIndexSnapshot(dir, env) against git's, run in `dir`
 * with the same environment. The snapshot must exist; `changes` may be
 * undefined only where a path of HEAD left the index or a submodule changed.
 */
function assertMatchesGit(dir: string, env: Env = {}, expect: Expect = {}, label = dir): boolean {
  const snap = readIndexSnapshot(dir, fullEnv(env));
  assert.ok(snap, `${label}: the snapshot reads this repository`);
  try {
    const [root, commonDir, gitDir] = git(dir, [...REPOSITORY_QUERY], env).replace(/\n$/, '').split('\n');
    assert.deepEqual(snap.repo, { root, commonDir, gitDir }, `${label}: repository`);

    // `ls-files -s` lists what `ls-files` does, in the same order, with the stage, mode and id of each.
    const paths: string[] = [];
    const entries = new Map<string, { oid: string; mode: string }>();
    for (const line of splitZ(git(dir, ['ls-files', '-s', '-z'], env))) {
      const m = /^(\d+) ([0-9a-f]{40}) (\d)\t([\s\S]*)$/.exec(line);
      assert.ok(m, line);
      assert.equal(m[3], '0', `${label}: only stage-0 entries where the snapshot answers`);
      paths.push(m[4]!);
      entries.set(m[4]!, { oid: m[2]!, mode: m[1]! });
    }
    assert.deepEqual(snap.paths(), paths, `${label}: paths`);
    for (const [path, entry] of entries) assert.deepEqual(snap.entry(path), entry, `${label}: entry ${JSON.stringify(path)}`);
    const dirs = new Set(paths.flatMap((p) => p.split('/').slice(0, -1).map((_, k, parts) => parts.slice(0, k + 1).join('/'))));
    for (const d of [...dirs, 'no such file', 'zzz/none', '', '0', '/']) if (!entries.has(d)) assert.equal(snap.entry(d), undefined, `${label}: no entry ${JSON.stringify(d)}`);

    const named = splitZ(git(dir, ['ls-files', '-z', '--', ':(glob)**/Cargo.toml', ':(glob)**/Cargo.lock'], env));
    assert.deepEqual(snap.pathsNamed(['Cargo.toml', 'Cargo.lock']), named, `${label}: cargo files`);

    // Fails on an unborn branch: HEAD has no tree.
    const headTree = runGit(dir, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], env);
    const headEntries = new Map<string, { oid: string; mode: string }>();
    if (headTree.status === 0) {
      for (const line of splitZ(headTree.stdout.toString('utf8'))) {
        const m = /^(\d+) \w+ ([0-9a-f]{40})\t([\s\S]*)$/.exec(line)!;
        headEntries.set(m[3]!, { oid: m[2]!, mode: m[1]! });
      }
    }
    const blobIds = [...new Set([...entries.values(), ...headEntries.values()].filter((e) => e.mode !== '160000').map((e) => e.oid))];
    const objects = catObjects(dir, [...blobIds, 'HEAD'], env);
    for (const oid of blobIds) {
      const object = objects.get(oid);
      const bytes = object?.type === 'blob' ? object.data : undefined;
      const got = snap.readBlob(oid);
      if (bytes === undefined) assert.equal(got, undefined, `${label}: git has no blob ${oid}`);
      else assert.ok(got !== undefined && got.equals(bytes), `${label}: blob ${oid} (${got === undefined ? 'undefined' : `${got.length} bytes`}, git: ${bytes.length})`);
    }
    const headCommit = objects.get('HEAD');
    assert.equal(headCommit !== undefined, headTree.status === 0);
    if (headCommit) assert.equal(snap.readBlob(headCommit.oid), undefined, `${label}: a commit is not a blob`);
    assert.equal(snap.readBlob('0'.repeat(40)), undefined);
    assert.equal(snap.readBlob('not an object id'), undefined);

    const diff = parseRawDiff(runGit(dir, [...STAGED_DIFF_ARGS], env).stdout);
    const leftIndex = [...headEntries.keys()].some((p) => !entries.has(p));
    const gitlinkChanged = [...new Set([...headEntries.keys(), ...entries.keys()])].some((p) => {
      const a = headEntries.get(p);
      const b = entries.get(p);
      return (a?.mode === '160000' || b?.mode === '160000') && (a?.oid !== b?.oid || a?.mode !== b?.mode);
    });
    if (snap.changes === undefined) {
      assert.ok(leftIndex || gitlinkChanged, `${label}: changes left to git with nothing leaving the index (git: ${JSON.stringify(diff)})`);
      assert.notEqual(expect.changes, 'list', `${label}: changes expected`);
    } else {
      assert.deepEqual(snap.changes, diff, `${label}: changes`);
      assert.notEqual(expect.changes, 'undefined', `${label}: changes expected to be left to git`);
    }
    return snap.changes !== undefined;
  } finally {
    snap.close();
  }
}

/** The snapshot's changes (read, then closed). */
function changesOf(dir: string, env: Env = {}): Change[] | undefined {
  const snap = readIndexSnapshot(dir, fullEnv(env));
  assert.ok(snap, dir);
  snap.close();
  return snap.changes;
}

function assertAsksGit(dir: string, env: Env = {}, label = dir): void {
  assert.equal(readIndexSnapshot(dir, fullEnv(env)), undefined, `${label}: git must decide`);
}

// ---------------------------------------------------------------------------

test('an unborn branch: staged files, an empty index, and no index file at all', () => {
  const dir = newRepo();
  assertMatchesGit(dir, {}, { changes: 'list' }, 'no index file');
  assert.deepEqual(changesOf(dir), []);
  write(dir, 'src/lib.rs', 'pub fn f() {}\n');
  write(dir, 'Cargo.toml', '[package]\nname = "x"\n');
  write(dir, 'run.sh', '#!/bin/sh\n', 0o755);
  link(dir, 'link', 'src/lib.rs');
  git(dir, ['add', '-A']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'unborn, staged');
  assert.equal(changesOf(dir)!.length, 4);
  git(dir, ['rm', '-q', '--cached', '-r', '.']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'unborn, index emptied');
});

test('staged changes of each kind: add, modify, mode, type, and paths that leave the index', () => {
  const dir = newRepo();
  const base: [string, string, number?][] = [
    ['keep.rs', 'keep\n'],
    ['mod.rs', 'one\n'],
    ['exec.sh', 'echo\n', 0o644],
    ['to-link', 'target\n'],
    ['gone.rs', 'gone\n'],
    ['renamed-from.rs', 'a long enough body to be paired as a rename\n'.repeat(4)],
    ['becomes-dir', 'file\n'],
    ['dir-becomes-file/inner.rs', 'inner\n'],
    ['deep/a/b/c.rs', 'c\n'],
  ];
  for (const [p, c, m] of base) write(dir, p, c, m);
  link(dir, 'from-link', 'keep.rs');
  commitAll(dir);
  const step = (label: string, change: () => void, expect: Expect): void => {
    change();
    git(dir, ['add', '-A']);
    assertMatchesGit(dir, {}, expect, label);
    git(dir, ['reset', '-q', '--hard', 'HEAD']);
    git(dir, ['clean', '-qfdx']);
  };
  step('add', () => write(dir, 'deep/a/new.rs', 'new\n'), { changes: 'list' });
  step('modify', () => write(dir, 'mod.rs', 'two\n'), { changes: 'list' });
  step('exec bit only', () => chmodSync(join(dir, 'exec.sh'), 0o755), { changes: 'list' });
  step('file to symlink', () => link(dir, 'to-link', 'target\n'), { changes: 'list' });
  step('symlink to file', () => write(dir, 'from-link', 'keep.rs'), { changes: 'list' });
  step('deleted', () => rmSync(join(dir, 'gone.rs')), { changes: 'undefined' });
  step('renamed', () => {
    rmSync(join(dir, 'renamed-from.rs'));
    write(dir, 'renamed-to.rs', 'a long enough body to be paired as a rename\n'.repeat(4));
  }, { changes: 'undefined' });
  step('file replaced by a directory', () => write(dir, 'becomes-dir/x.rs', 'x\n'), { changes: 'undefined' });
  step('directory replaced by a file', () => write(dir, 'dir-becomes-file', 'now a file\n'), { changes: 'undefined' });
  step('everything at once but deletions', () => {
    write(dir, 'deep/a/b/c.rs', 'c2\n');
    write(dir, 'deep/a/b/d/e.rs', 'e\n');
    chmodSync(join(dir, 'exec.sh'), 0o755);
    link(dir, 'to-link', 'x');
    write(dir, 'zzz', 'last\n');
  }, { changes: 'list' });
  // Submodules (gitlinks): an unchanged one is an entry like any other; an added or moved one is git's to judge.
  const commit = git(dir, ['rev-parse', 'HEAD']).trim();
  git(dir, ['update-index', '--add', '--cacheinfo', `160000,${commit},vendor/sub`]);
  assertMatchesGit(dir, {}, { changes: 'undefined' }, 'gitlink added');
  git(dir, ['commit', '-q', '--no-verify', '-m', 'gitlink']);
  write(dir, 'mod.rs', 'beside the gitlink\n');
  git(dir, ['add', 'mod.rs']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'gitlink unchanged');
  git(dir, ['update-index', '--cacheinfo', `160000,${git(dir, ['rev-parse', 'HEAD']).trim()},vendor/sub`]);
  assertMatchesGit(dir, {}, { changes: 'undefined' }, 'gitlink moved');
  git(dir, ['reset', '-q', '--hard', 'HEAD~1']);
  // The documented list is git's: a type change is T, an exec bit M.
  write(dir, 'exec.sh', 'echo\n', 0o755);
  link(dir, 'to-link', 'target\n');
  git(dir, ['add', '-A']);
  assert.deepEqual(changesOf(dir)!.map((c) => [c.status, c.path, c.symlink]), [['M', 'exec.sh', false], ['T', 'to-link', true]]);
});

test('deep trees with one changed leaf, names around "/", spaces, tabs, unicode, a newline, and paths past 4095 bytes', () => {
  const dir = newRepo();
  for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) for (let c = 0; c < 3; c++) write(dir, `t${a}/u${b}/v${c}/w/x.rs`, `${a}${b}${c}\n`);
  for (const name of ['a', 'a-b', 'a0', 'ab', 'a b', 'a\tb', 'é', '日本', 'new\nline', 'A', '_']) write(dir, name === 'a' ? 'a/b' : name, `${name}\n`);
  write(dir, 'a/b.c', 'x\n');
  write(dir, 'a.b/c', 'x\n');
  write(dir, 'dir with space/日本/é.rs', 'u\n');
  git(dir, ['add', '-A']);
  const blob = git(dir, ['hash-object', '-w', '--stdin'], {}, 'long\n').trim();
  const longPath = (total: number, tail: string) => {
    const parts: string[] = [];
    let length = tail.length;
    while (length + 201 <= total) {
      parts.push(`${'d'.repeat(199)}${parts.length % 10}`);
      length += 201;
    }
    return [...parts, `${'f'.repeat(total - length)}${tail}`].join('/');
  };
  // Index entries only: no file system takes such paths, git's index does.
  for (const [total, tail] of [[4094, '.rs'], [4095, '.rs'], [4096, '.rs'], [5000, 'Cargo.toml'], [9000, '.rs']] as const) {
    git(dir, ['update-index', '--add', '--cacheinfo', `100644,${blob},${longPath(total, tail)}`]);
  }
  assertMatchesGit(dir, {}, { changes: 'list' }, 'unborn, odd names');
  git(dir, ['commit', '-q', '--no-verify', '-m', 'names']);
  git(dir, ['reset', '-q']); // the long paths have no files: keep the index as HEAD
  assertMatchesGit(dir, {}, { changes: 'list' }, 'committed');
  assert.deepEqual(changesOf(dir), []);
  // One leaf deep down: every other directory is valid in the cache tree.
  write(dir, 't2/u1/v0/w/x.rs', 'changed\n');
  git(dir, ['add', 't2/u1/v0/w/x.rs']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'one leaf');
  assert.deepEqual(changesOf(dir)!.map((c) => c.path), ['t2/u1/v0/w/x.rs']);
  // The cache tree rebuilt (write-tree) with changes staged: it holds the new trees, not HEAD's.
  for (const name of ['a.b/c', 'a-b', 'a0', 'new\nline', 'a\tb', '日本', 'dir with space/日本/é.rs']) write(dir, name, 'changed\n');
  git(dir, ['update-index', '--cacheinfo', `100755,${blob},${longPath(4095, '.rs')}`]);
  git(dir, ['update-index', '--cacheinfo', `100644,${git(dir, ['hash-object', '-w', '--stdin'], {}, 'other\n').trim()},${longPath(9000, '.rs')}`]);
  git(dir, ['add', '--', 'a.b/c', 'a-b', 'a0', 'new\nline', 'a\tb', '日本', 'dir with space']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'around "/" and long');
  git(dir, ['write-tree']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'after write-tree');
  assert.equal(changesOf(dir)!.length, 10);
  // Version 4 strips thousands of bytes of the previous path before a short one: a prefix length of several varint bytes.
  git(dir, ['update-index', '--index-version', '4']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'long paths, index v4');
});

test('index versions 2, 3 and 4 (prefix compression), and skip-worktree entries', () => {
  const dir = newRepo();
  for (let i = 0; i < 30; i++) write(dir, `crates/c${i % 5}/src/module_${i}/mod.rs`, `// ${i}\n`);
  write(dir, 'crates/c1/Cargo.toml', '[package]\n');
  write(dir, 'Cargo.lock', 'version = 4\n');
  commitAll(dir);
  write(dir, 'crates/c3/src/module_8/mod.rs', 'changed\n');
  write(dir, 'crates/c3/src/module_8/zz.rs', 'new\n');
  write(dir, 'crates/c1/Cargo.toml', '[package]\nname = "c1"\n');
  git(dir, ['add', '-A']);
  // Version 3 differs from 2 only by extended flags: git writes 2 until an entry has one (skip-worktree, below).
  for (const version of ['4', '2', '4']) {
    git(dir, ['update-index', '--index-version', version]);
    assert.equal(readFileSync(join(dir, '.git/index')).readUInt32BE(4), Number(version));
    assertMatchesGit(dir, {}, { changes: 'list' }, `index v${version}`);
  }
  git(dir, ['update-index', '--index-version', '2']);
  git(dir, ['update-index', '--skip-worktree', 'crates/c0/src/module_0/mod.rs', 'crates/c3/src/module_8/zz.rs']);
  assert.equal(readFileSync(join(dir, '.git/index')).readUInt32BE(4), 3, 'the extended flag makes it version 3');
  assertMatchesGit(dir, {}, { changes: 'list' }, 'skip-worktree v3');
  git(dir, ['update-index', '--index-version', '4']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'skip-worktree v4');
  // Other flags and optional extensions: assume-unchanged, the untracked cache (UNTR), end of entries and offset table (EOIE, IEOT).
  git(dir, ['update-index', '--assume-unchanged', 'crates/c1/Cargo.toml']);
  git(dir, ['update-index', '--untracked-cache']);
  git(dir, ['-c', 'core.untrackedCache=true', 'status', '--porcelain']);
  git(dir, ['-c', 'index.recordEndOfIndexEntries=true', '-c', 'index.recordOffsetTable=true', '-c', 'index.threads=2', 'update-index', '--index-version', '2']);
  const index = readFileSync(join(dir, '.git/index'));
  for (const ext of ['TREE', 'UNTR', 'EOIE', 'IEOT']) assert.ok(index.includes(ext), `the index has ${ext}`);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'optional extensions');
});

/** Pack entries that are deltas, by type: 6 (against an offset) or 7 (against an object id). */
function deltaTypes(dir: string): Set<number> {
  const packDir = join(dir, '.git/objects/pack');
  const types = new Set<number>();
  for (const idx of readdirSync(packDir).filter((n) => n.endsWith('.idx'))) {
    const pack = readFileSync(join(packDir, idx.replace(/\.idx$/, '.pack')));
    for (const line of git(dir, ['verify-pack', '-v', join(packDir, idx)]).split('\n')) {
      const cols = line.trim().split(/\s+/);
      // sha type size size-in-pack offset depth base: a delta.
      if (cols.length === 7 && /^[0-9a-f]{40}$/.test(cols[0]!)) types.add((pack[Number(cols[4])]! >> 4) & 7);
    }
  }
  return types;
}

let packTemplate: string | undefined;
/** A repository with several similar commits (so that packing finds deltas), all loose: a copy of one made once. */
function historyForPacks(): string {
  if (!packTemplate) {
    packTemplate = newRepo();
    writeHistory(packTemplate);
  }
  const dir = join(tempDir(), 'repo');
  cpSync(packTemplate, dir, { recursive: true });
  return dir;
}

function writeHistory(dir: string): void {
  const big = Array.from({ length: 6000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}\n`).join('');
  for (let round = 0; round < 5; round++) {
    for (let f = 0; f < 12; f++) write(dir, `src/d${f % 3}/file${f}.rs`, `// file ${f}\n${'fn body() {}\n'.repeat(20)}// round ${round}\n`);
    write(dir, 'big.txt', big.replace(`line ${round * 900} `, `LINE ${round} `) + `round ${round}\n`);
    write(dir, `src/d0/only${round}.rs`, `only ${round}\n`);
    commitAll(dir, `round ${round}`);
  }
}

test('objects in packs, with offset and ref deltas, and a staged blob only in a pack', () => {
  for (const [how, want] of [
    [['repack', '-adf'], 6],
    [['gc', '-q', '--aggressive'], 6],
    [['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adf'], 7],
  ] as const) {
    const dir = historyForPacks();
    git(dir, [...how]);
    assert.deepEqual(readdirSync(join(dir, '.git/objects')).filter((n) => /^[0-9a-f]{2}$/.test(n)), [], 'no loose objects');
    const types = deltaTypes(dir);
    assert.ok(types.has(want), `${how.join(' ')}: delta types ${[...types].join(',')}`);
    assertMatchesGit(dir, {}, { changes: 'list' }, `${how.join(' ')}: nothing staged`);
    write(dir, 'src/d1/file4.rs', 'staged\n');
    write(dir, 'big.txt', `${readFileSync(join(dir, 'big.txt'), 'utf8')}more\n`);
    git(dir, ['add', '-A']);
    assertMatchesGit(dir, {}, { changes: 'list' }, `${how.join(' ')}: staged`);
    // Older blobs, only in the pack, back in the index.
    git(dir, ['checkout', 'HEAD~3', '--', 'src/d2/file2.rs', 'big.txt']);
    assertMatchesGit(dir, {}, { changes: 'list' }, `${how.join(' ')}: packed blobs staged`);
    // A second pack beside the first, and loose objects beside both.
    commitAll(dir, 'more');
    git(dir, ['repack', '-d', '-q']);
    write(dir, 'src/d0/file0.rs', 'loose\n');
    git(dir, ['add', '-A']);
    assertMatchesGit(dir, {}, { changes: 'list' }, `${how.join(' ')}: two packs and loose`);
  }
});

test('refs: packed, detached HEAD, a branch name with a slash, a symbolic ref to a symbolic ref', () => {
  const dir = newRepo();
  write(dir, 'a.rs', 'a\n');
  commitAll(dir, 'one');
  write(dir, 'a.rs', 'b\n');
  commitAll(dir, 'two');
  const stage = (text: string) => {
    write(dir, 'a.rs', text);
    git(dir, ['add', 'a.rs']);
  };
  git(dir, ['checkout', '-q', '-b', 'feature/x']);
  stage('on feature/x\n');
  assertMatchesGit(dir, {}, { changes: 'list' }, 'feature/x loose');
  git(dir, ['pack-refs', '--all']);
  assert.match(readFileSync(join(dir, '.git/packed-refs'), 'utf8'), / refs\/heads\/feature\/x\n/);
  assert.equal(runGit(dir, ['show-ref', '--verify', '-q', 'refs/heads/feature/x']).status, 0);
  assert.ok(!readdirSync(join(dir, '.git/refs/heads'), { recursive: true, encoding: 'utf8' }).includes('feature/x'), 'no loose feature/x');
  assertMatchesGit(dir, {}, { changes: 'list' }, 'feature/x packed');
  git(dir, ['stash', '-q']);
  git(dir, ['checkout', '-q', '--detach', 'HEAD~1']);
  stage('detached\n');
  assertMatchesGit(dir, {}, { changes: 'list' }, 'detached');
  git(dir, ['stash', '-q']);
  git(dir, ['checkout', '-q', 'main']);
  git(dir, ['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/alias']);
  stage('through an alias\n');
  assertMatchesGit(dir, {}, { changes: 'list' }, 'symbolic ref chain');
  // A packed ref with a newer loose copy: the loose one wins.
  git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  git(dir, ['pack-refs', '--all']);
  git(dir, ['update-ref', 'refs/heads/main', 'HEAD~1']);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'loose over packed');
  // A resolved conflict leaves a resolve-undo (REUC) extension in the index.
  git(dir, ['reset', '-q', '--hard', 'HEAD']);
  git(dir, ['checkout', '-q', '-b', 'other']);
  write(dir, 'a.rs', 'other\n');
  commitAll(dir, 'other');
  git(dir, ['checkout', '-q', 'main']);
  write(dir, 'a.rs', 'main\n');
  commitAll(dir, 'main');
  assert.notEqual(runGit(dir, ['merge', '-q', 'other']).status, 0, 'a conflict');
  assertAsksGit(dir, {}, 'unmerged entries');
  write(dir, 'a.rs', 'resolved\n');
  git(dir, ['add', 'a.rs']);
  assert.ok(readFileSync(join(dir, '.git/index')).includes('REUC'));
  assertMatchesGit(dir, {}, { changes: 'list' }, 'resolved conflict (REUC)');
});

/** Installs a pre-commit hook that records what git gives it (cwd, GIT_DIR, a copy of GIT_INDEX_FILE) and refuses the commit. */
function recordingHook(commonDir: string, out: string): void {
  mkdirSync(join(commonDir, 'hooks'), { recursive: true });
  writeFileSync(
    join(commonDir, 'hooks', 'pre-commit'),
    `#!/bin/sh\nn=$(ls "${out}" | wc -l)\nmkdir "${out}/$n"\npwd > "${out}/$n/cwd"\nprintf %s "\${GIT_DIR-}" > "${out}/$n/gitdir"\nprintf %s "\${GIT_INDEX_FILE-}" > "${out}/$n/indexfile"\ncp "$GIT_INDEX_FILE" "${out}/$n/index"\nexit 1\n`,
    { mode: 0o755 },
  );
}

interface HookRun {
  cwd: string;
  env: Env;
  indexFile: string;
}

function hookRuns(out: string): HookRun[] {
  return readdirSync(out)
    .sort((a, b) => Number(a) - Number(b))
    .map((n) => {
      const read = (f: string) => readFileSync(join(out, n, f), 'utf8');
      const gitDir = read('gitdir');
      return { cwd: read('cwd').trim(), indexFile: read('indexfile'), env: { GIT_DIR: gitDir === '' ? undefined : gitDir, GIT_INDEX_FILE: join(out, n, 'index') } };
    });
}

test('in a real pre-commit hook: commit, commit -a, commit -- path, in the main and a linked worktree', () => {
  const dir = newRepo();
  const out = tempDir('chokepoint-hook-out-');
  write(dir, 'a.rs', 'a\n');
  write(dir, 'b.rs', 'b\n');
  commitAll(dir);
  recordingHook(join(dir, '.git'), out);
  const wt = join(tempDir('chokepoint-wt-'), 'linked');
  git(dir, ['worktree', 'add', '-q', wt, '-b', 'wt/branch']);
  for (const tree of [dir, wt]) {
    write(tree, 'a.rs', `staged in ${tree}\n`);
    git(tree, ['add', 'a.rs']);
    write(tree, 'b.rs', 'unstaged\n');
    write(tree, 'c.rs', 'new\n');
    git(tree, ['add', 'c.rs']);
    for (const args of [[], ['-a'], ['--', 'a.rs']]) assert.notEqual(runGit(tree, ['commit', '-q', '-m', 'x', ...args]).status, 0);
  }
  const runs = hookRuns(out);
  assert.equal(runs.length, 6);
  assert.equal(runs[0]!.indexFile, '.git/index', 'git gives a relative index path in the main worktree');
  assert.ok(runs[3]!.env.GIT_DIR?.endsWith('/.git/worktrees/linked'), 'git sets GIT_DIR in a linked worktree');
  for (const [k, run] of runs.entries()) {
    // c.rs is new, a.rs staged; commit -a adds b.rs, commit -- a.rs leaves c.rs out.
    assertMatchesGit(run.cwd, run.env, { changes: 'list' }, `hook run ${k}`);
    const changes = changesOf(run.cwd, run.env)!.map((c) => c.path);
    assert.deepEqual(changes, [['a.rs', 'c.rs'], ['a.rs', 'b.rs', 'c.rs'], ['a.rs']][k % 3], `hook run ${k}`);
  }
  // The linked worktree without GIT_DIR: its .git file.
  assertMatchesGit(wt, {}, { changes: 'list' }, 'linked worktree, .git file');
  assertMatchesGit(wt, { GIT_DIR: join(dir, '.git/worktrees/linked') }, { changes: 'list' }, 'linked worktree, GIT_DIR');
});

test('GIT_INDEX_FILE, absolute and relative; GIT_DIR, relative, and making cwd the top', () => {
  const dir = newRepo();
  write(dir, 'src/a.rs', 'a\n');
  write(dir, 'src/b.rs', 'b\n');
  commitAll(dir);
  copyFileSync(join(dir, '.git/index'), join(dir, '.git/other-index'));
  write(dir, 'src/a.rs', 'into the other index\n');
  git(dir, ['add', 'src/a.rs'], { GIT_INDEX_FILE: join(dir, '.git/other-index') });
  assertMatchesGit(dir, {}, { changes: 'list' }, 'own index: nothing staged');
  assert.deepEqual(changesOf(dir), []);
  for (const indexFile of [join(dir, '.git/other-index'), '.git/other-index', './.git/../.git/other-index']) {
    assertMatchesGit(dir, { GIT_INDEX_FILE: indexFile }, { changes: 'list' }, `GIT_INDEX_FILE=${indexFile}`);
    assert.deepEqual(changesOf(dir, { GIT_INDEX_FILE: indexFile })!.map((c) => c.path), ['src/a.rs']);
  }
  // An index file that does not exist is an empty index: every path left it.
  assertMatchesGit(dir, { GIT_INDEX_FILE: join(dir, '.git/missing-index') }, { changes: 'undefined' }, 'missing index file');
  assertMatchesGit(dir, { GIT_DIR: '.git' }, { changes: 'list' }, 'GIT_DIR relative');
  // Reached through a symbolic link: git names the real directories.
  const via = join(tempDir(), 'via-link');
  symlinkSync(dir, via);
  assertMatchesGit(via, {}, { changes: 'list' }, 'cwd through a symbolic link');
  assertMatchesGit(via, { GIT_INDEX_FILE: '.git/other-index' }, { changes: 'list' }, 'cwd through a symbolic link, relative index');
  // With GIT_DIR set and no work tree named, git takes cwd as the top.
  assertMatchesGit(join(dir, 'src'), { GIT_DIR: join(dir, '.git') }, { changes: 'list' }, 'GIT_DIR from a subdirectory');
});

test('where git must decide, the snapshot is undefined', () => {
  const base = (): string => {
    const dir = newRepo();
    write(dir, 'sub/a.rs', 'a\n');
    write(dir, 'b.rs', 'b\n');
    commitAll(dir);
    write(dir, 'b.rs', 'staged\n');
    git(dir, ['add', 'b.rs']);
    return dir;
  };
  const dir = base();
  assertMatchesGit(dir, {}, { changes: 'list' }, 'the plain repository they start from');
  for (const name of ['GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_REPLACE_REF_BASE', 'GIT_CONFIG', 'GIT_CONFIG_COUNT']) {
    assertAsksGit(dir, { [name]: name === 'GIT_WORK_TREE' ? dir : name === 'GIT_CONFIG_COUNT' ? '0' : join(dir, '.git') }, name);
  }
  for (const setting of ['core.worktree', 'core.bare', 'extensions.objectFormat', 'include.path', 'core.splitIndex', 'index.sparse', 'includeIf.onbranch:main.path', 'core.useReplaceRefs', 'extensions.refStorage']) {
    assertAsksGit(dir, { GIT_CONFIG_PARAMETERS: `'${setting}'='x'` }, `git -c ${setting}`);
  }
  assertMatchesGit(dir, { GIT_CONFIG_PARAMETERS: `'user.name'='someone'` }, { changes: 'list' }, 'git -c user.name is harmless');
  assertAsksGit(join(dir, 'sub'), {}, 'cwd in a subdirectory');
  assertAsksGit(tempDir(), {}, 'not a repository');

  const split = base();
  git(split, ['update-index', '--split-index']);
  assertAsksGit(split, {}, 'split index');
  const ita = base();
  write(ita, 'later.rs', 'later\n');
  git(ita, ['add', '-N', 'later.rs']);
  assertAsksGit(ita, {}, 'intent to add');
  const sparse = base();
  git(sparse, ['sparse-checkout', 'set', '--cone', '--sparse-index', 'sub']);
  assertAsksGit(sparse, {}, 'sparse index');

  const sha256 = tempDir();
  git(sha256, ['init', '-q', '--object-format=sha256']);
  write(sha256, 'a.rs', 'a\n');
  commitAll(sha256);
  write(sha256, 'a.rs', 'b\n');
  git(sha256, ['add', 'a.rs']);
  assertAsksGit(sha256, {}, 'sha256');

  for (const [label, config] of [
    ['core.worktree', ['core.worktree', '.']],
    ['bare', ['core.bare', 'true']],
    ['an extension', ['extensions.noop', 'true']],
    ['an include', ['include.path', '/dev/null']],
    ['a format version past 1', ['core.repositoryformatversion', '2']],
  ] as const) {
    const repo = base();
    git(repo, ['config', ...config]);
    assertAsksGit(repo, {}, label);
  }

  const replaced = base();
  const other = git(replaced, ['commit-tree', '-m', 'other', git(replaced, ['write-tree']).trim()]).trim();
  git(replaced, ['replace', 'HEAD', other]);
  assertAsksGit(replaced, {}, 'replace ref');
  git(replaced, ['pack-refs', '--all']);
  assertAsksGit(replaced, {}, 'packed replace ref');

  const clone = join(tempDir(), 'clone');
  git(dir, ['clone', '-q', '--shared', dir, clone]);
  write(clone, 'b.rs', 'in the clone\n');
  git(clone, ['add', 'b.rs']);
  assertAsksGit(clone, {}, 'alternates');

  const odd = base();
  const blob = git(odd, ['rev-parse', 'HEAD:b.rs']).trim();
  const tree = git(odd, ['mktree'], {}, `100664 blob ${blob}\tb.rs\n`).trim();
  git(odd, ['update-ref', 'refs/heads/main', git(odd, ['commit-tree', '-m', 'odd', tree]).trim()]);
  assertAsksGit(odd, {}, 'a tree mode of old git (100664)');

  const tagged = base();
  git(tagged, ['tag', 'v1']);
  writeFileSync(join(tagged, '.git/HEAD'), 'ref: refs/tags/v1\n');
  assertAsksGit(tagged, {}, 'a symbolic HEAD outside refs/heads');
});

test('damaged objects: never a throw; undefined, or the answers of the undamaged repository', () => {
  const dir = historyForPacks();
  git(dir, ['repack', '-adf', '-q']);
  write(dir, 'src/d1/file4.rs', 'staged\n');
  git(dir, ['add', '-A']);
  git(dir, ['checkout', 'HEAD~2', '--', 'big.txt']);
  assertMatchesGit(dir, {}, { changes: 'list' });
  const good = readIndexSnapshot(dir, fullEnv())!;
  const changes = good.changes;
  const oids = [...new Set(splitZ(git(dir, ['ls-files', '-s', '-z'])).map((l) => l.split(' ')[1]!))];
  const blobs = new Map(oids.map((o) => [o, good.readBlob(o)!]));
  good.close();
  const check = (label: string): void => {
    const snap = readIndexSnapshot(dir, fullEnv());
    if (!snap) return;
    try {
      if (snap.changes !== undefined) assert.deepEqual(snap.changes, changes, label);
      for (const [oid, bytes] of blobs) {
        const got = snap.readBlob(oid);
        assert.ok(got === undefined || got.equals(bytes), `${label}: blob ${oid}`);
      }
    } finally {
      snap.close();
    }
  };
  const packDir = join(dir, '.git/objects/pack');
  const packName = readdirSync(packDir).find((n) => n.endsWith('.pack'))!;
  for (const file of [packName, packName.replace(/\.pack$/, '.idx')]) {
    const path = join(packDir, file);
    chmodSync(path, 0o644);
    const original = readFileSync(path);
    const random = createRng(file.length * 7919);
    for (let k = 0; k < 150; k++) {
      const damaged = Buffer.from(original);
      const at = Math.floor(random() * damaged.length);
      damaged[at] = damaged[at]! ^ (1 << Math.floor(random() * 8));
      writeFileSync(path, damaged);
      check(`${file}: bit flipped at ${at}`);
    }
    for (const length of [0, 12, 1024 + 8, Math.floor(original.length / 2), original.length - 20]) {
      writeFileSync(path, original.subarray(0, length));
      check(`${file}: truncated to ${length}`);
    }
    writeFileSync(path, original);
  }
  assertMatchesGit(dir, {}, { changes: 'list' }, 'restored');
  // Loose objects: the staged blob, then HEAD's commit, cut short or emptied.
  const staged = git(dir, ['rev-parse', ':src/d1/file4.rs']).trim();
  const head = git(dir, ['rev-parse', 'HEAD']).trim();
  write(dir, 'src/d1/file4.rs', 'staged again\n');
  git(dir, ['add', '-A']);
  commitAll(dir, 'loose head');
  const looseHead = git(dir, ['rev-parse', 'HEAD']).trim();
  write(dir, 'src/d2/file5.rs', 'staged after\n');
  git(dir, ['add', '-A']);
  const looseChanges = changesOf(dir);
  for (const oid of [staged, looseHead]) {
    const path = join(dir, '.git/objects', oid.slice(0, 2), oid.slice(2));
    const original = readFileSync(path);
    chmodSync(path, 0o644);
    for (const length of [0, 2, Math.floor(original.length / 2), original.length - 1]) {
      truncateSync(path, length);
      const snap = readIndexSnapshot(dir, fullEnv());
      if (snap) {
        assert.equal(snap.readBlob(oid), undefined, `a damaged object is not read (${length} bytes)`);
        if (snap.changes !== undefined) assert.deepEqual(snap.changes, looseChanges);
        snap.close();
      }
      writeFileSync(path, original);
    }
  }
  assert.notEqual(head, looseHead);
  assertMatchesGit(dir, {}, { changes: 'list' }, 'restored loose');
});

// ---------------------------------------------------------------------------
// Seeded random repositories.

type Kind = 'file' | 'exec' | 'link';
interface Node {
  kind: Kind;
  content: string;
}

const NAMES = ['a', 'a.b', 'a-b', 'a0', 'ab', 'b', 'src', 'lib.rs', 'Cargo.toml', 'Cargo.lock', 'x y', 'tab\tname', 'é', '日本', 'z', 'A', '_', 'mod.rs', 'a b'];
const LINES = ['fn a() {}\n', 'use std::fs;\n', '// comment\n', 'pub mod x;\n', 'let y = 1;\n', '\n', 'struct S;\n'];

function randomScenario(seed: number): { dir: string; env: Env } {
  const rnd = createRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const tree = new Map<string, Node>();
  const conflicts = (path: string): string[] => [...tree.keys()].filter((p) => p.startsWith(`${path}/`) || path.startsWith(`${p}/`));
  const randomPath = (): string => Array.from({ length: 1 + Math.floor(rnd() * rnd() * 5) }, () => pick(NAMES)).join('/');
  const content = (): string => Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pick(LINES)).join('');
  const put = (path: string, node: Node): void => {
    for (const p of conflicts(path)) tree.delete(p);
    tree.set(path, node);
  };
  const randomNode = (): Node => {
    const kind = chance(0.1) ? 'link' : chance(0.15) ? 'exec' : 'file';
    return { kind, content: kind === 'link' ? pick(NAMES) : content() };
  };
  const mutate = (): void => {
    const paths = [...tree.keys()];
    const path = paths.length && chance(0.7) ? pick(paths) : randomPath();
    const node = tree.get(path);
    const op = rnd();
    if (!node || op < 0.25) put(path, randomNode());
    else if (op < 0.5) put(path, { ...node, content: node.kind === 'link' ? pick(NAMES) : node.content + pick(LINES) });
    else if (op < 0.6) put(path, { ...node, kind: node.kind === 'exec' ? 'file' : node.kind === 'file' ? 'exec' : 'file' });
    else if (op < 0.7) put(path, { kind: node.kind === 'link' ? 'file' : 'link', content: node.kind === 'link' ? node.content : pick(NAMES) });
    else if (op < 0.8) tree.delete(path);
    else if (op < 0.9) put(`${path}/${pick(NAMES)}`, randomNode()); // a file becomes a directory
    else {
      tree.delete(path);
      put(randomPath(), node); // moved
    }
  };
  const dir = newRepo('chokepoint-snap-random-');
  let committed = new Map<string, Node>();
  const sync = (): void => {
    for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
    for (const [path, node] of tree) {
      if (node.kind === 'link') link(dir, path, node.content);
      else write(dir, path, node.content, node.kind === 'exec' ? 0o755 : 0o644);
    }
    git(dir, ['add', '-A']);
  };
  for (let i = 0, n = 3 + Math.floor(rnd() * 25); i < n; i++) put(randomPath(), randomNode());
  if (chance(0.15)) put('big/data.txt', { kind: 'file', content: Array.from({ length: 9000 }, (_, i) => `row ${i}\n`).join('') });
  const commits = chance(0.1) ? 0 : 1 + Math.floor(rnd() * 3);
  for (let c = 0; c < commits; c++) {
    sync();
    git(dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', `c${c}`]);
    committed = new Map(tree);
    for (let k = Math.floor(rnd() * 6); k > 0; k--) mutate();
    if (tree.has('big/data.txt')) put('big/data.txt', { kind: 'file', content: tree.get('big/data.txt')!.content.replace(`row ${c * 1000}\n`, `ROW ${c}\n`) });
  }
  if (commits > 0) {
    if (chance(0.4)) git(dir, pick([['repack', '-adf', '-q'], ['repack', '-d', '-q'], ['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adf', '-q'], ['gc', '-q']]));
    if (chance(0.3)) git(dir, ['pack-refs', '--all']);
    if (chance(0.2)) git(dir, ['checkout', '-q', '--detach']);
    else if (chance(0.2)) git(dir, ['checkout', '-q', '-b', 'feature/x']);
  }
  const deletions = chance(0.3);
  for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) mutate();
  if (!deletions && commits > 0) {
    // Put back what HEAD has and the model lost, so that most scenarios give a list of changes.
    for (const [path, node] of committed) if (!tree.has(path)) put(path, node);
  }
  sync();
  const staged = splitZ(git(dir, ['ls-files', '-z']));
  if (commits > 0 && staged.length && chance(0.3)) git(dir, ['reset', '-q', '--', pick(staged)]);
  if (chance(0.3)) git(dir, ['write-tree']);
  if (chance(0.4)) git(dir, ['update-index', '--index-version', pick(['2', '3', '4'])]);
  if (staged.length && chance(0.2)) git(dir, ['update-index', '--skip-worktree', '--', pick(staged)]);
  let env: Env = {};
  if (chance(0.15)) {
    const other = join(dir, '.git/alt-index');
    copyFileSync(join(dir, '.git/index'), other);
    env = { GIT_INDEX_FILE: chance(0.5) ? other : '.git/alt-index' };
  }
  return { dir, env };
}

const SCENARIOS = 20;

test(`${SCENARIOS} seeded random repositories match git`, () => {
  let lists = 0;
  for (let seed = 1; seed <= SCENARIOS; seed++) {
    const { dir, env } = randomScenario(seed);
    if (assertMatchesGit(dir, env, {}, `seed ${seed}`)) lists++;
    rmSync(dir, { recursive: true, force: true });
  }
  // Most scenarios put back what they deleted: the list itself is compared, not only left to git.
  assert.ok(lists >= SCENARIOS / 2, `${lists} of ${SCENARIOS} scenarios gave a list of changes`);
});
