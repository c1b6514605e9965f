// The baseline (SPEC §8a) and the staged config re-audit's pre-existing
// findings (§5), with real git, real hooks and real commits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, smallRepo, type Repo } from './helpers.js';

const TWO_READS = 'pub fn a() { std::fs::read("a"); }\npub fn b() { std::fs::read("b"); }\n';
const ONE_READ = 'pub fn a() { std::fs::read("a"); }\npub fn b() {}\n';
const THREE_READS = `${TWO_READS}pub fn c() { std::fs::read("c"); }\n`;

/** A repository whose committed tree already breaks the rules (committed with --no-verify). */
async function legacyRepo(): Promise<Repo> {
  const repo = await smallRepo(false);
  repo.write('crates/core/src/legacy.rs', TWO_READS);
  repo.write('crates/core/Cargo.toml', '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\nagent-sdk = "1"\n');
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'legacy']);
  return repo;
}

test('baseline records counts per file, class and needle; the audit then passes and lists them as baselined', async () => {
  const repo = await legacyRepo();
  try {
    assert.equal((await repo.chokepoint(['--all'])).exitCode, 1);
    const b = await repo.chokepoint(['baseline']);
    assert.equal(b.exitCode, 0, b.stdout + b.stderr);
    assert.match(b.stdout, /recorded 3 findings in 2 files in chokepoint-baseline\.json/);
    const file = JSON.parse(repo.read('chokepoint-baseline.json')) as { version: number; files: Record<string, Record<string, number>> };
    assert.deepEqual(file, {
      version: 1,
      files: {
        'crates/core/Cargo.toml': { 'banned-dependency agent-sdk dependencies': 1 },
        'crates/core/src/legacy.rs': { 'banned-api fs std::fs': 2 },
      },
    });
    // Writing it twice gives the same bytes (stable and sorted).
    const first = repo.read('chokepoint-baseline.json');
    await repo.chokepoint(['baseline']);
    assert.equal(repo.read('chokepoint-baseline.json'), first);

    const json = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(json.exitCode, 0, json.stdout);
    const report = JSON.parse(json.stdout) as { ok: boolean; findings: unknown[]; baselined: Array<Record<string, unknown>>; stats: { baselined: number } };
    assert.equal(report.ok, true);
    assert.equal(report.findings.length, 0);
    assert.equal(report.stats.baselined, 3);
    assert.equal(report.baselined.length, 3);
    assert.ok(report.baselined.every((f) => f.baselined === true));

    const sarif = JSON.parse((await repo.chokepoint(['--all', '--format', 'sarif'])).stdout) as { runs: Array<{ results: Array<{ suppressions?: Array<{ kind: string }> }> }> };
    const suppressed = sarif.runs[0]!.results.filter((r) => r.suppressions !== undefined);
    assert.equal(suppressed.length, 3, 'baselined findings are results, not dropped');
    assert.ok(suppressed.every((r) => r.suppressions?.length === 1 && r.suppressions[0]!.kind === 'external'));

    const human = await repo.chokepoint(['--all']);
    assert.match(human.stdout, /no findings.*3 baselined/);
  } finally {
    repo.cleanup();
  }
});

test('committing the config and the baseline on a tree with violations passes; findings beyond it are blocked', async () => {
  const repo = await legacyRepo();
  try {
    // Adoption: the config arrives in this commit, with the baseline beside it.
    repo.write('chokepoint.toml', `${repo.read('chokepoint.toml')}\n# adopted\n`);
    assert.equal((await repo.chokepoint(['baseline'])).exitCode, 0);
    assert.equal((await repo.chokepoint(['install'])).exitCode, 0);
    await repo.git(['add', 'chokepoint.toml', 'chokepoint-baseline.json']);
    const adopt = await repo.commit('adopt chokepoint');
    assert.equal(adopt.exitCode, 0, adopt.stdout + adopt.stderr);

    // A third read in the baselined file is beyond its count of two.
    repo.write('crates/core/src/legacy.rs', THREE_READS);
    await repo.git(['add', 'crates/core/src/legacy.rs']);
    const more = await repo.commit('one more read');
    assert.equal(more.exitCode, 1, more.stdout + more.stderr);
    assert.match(more.stdout + more.stderr, /legacy\.rs:3:/);

    // A new file is never covered by another file's entry.
    repo.write('crates/core/src/legacy.rs', TWO_READS);
    repo.write('crates/core/src/new.rs', 'pub fn n() { std::fs::read("n"); }\n');
    await repo.git(['add', '-A']);
    const fresh = await repo.commit('new file');
    assert.equal(fresh.exitCode, 1, fresh.stdout + fresh.stderr);
    assert.match(fresh.stdout + fresh.stderr, /new\.rs:1:14/);
    assert.doesNotMatch(fresh.stdout + fresh.stderr, /legacy\.rs:1/);
  } finally {
    repo.cleanup();
  }
});

test('a count below its baseline warns with the prune command; --strict fails; --prune only lowers and removes', async () => {
  const repo = await legacyRepo();
  try {
    assert.equal((await repo.chokepoint(['baseline'])).exitCode, 0);
    repo.write('crates/core/src/legacy.rs', ONE_READ);
    const warned = await repo.chokepoint(['check', 'crates/core/src/legacy.rs']);
    assert.equal(warned.exitCode, 0, warned.stdout);
    assert.match(warned.stdout, /banned-api fs std::fs is down to 1 from the baseline's 2: run `chokepoint baseline --prune`/);
    assert.equal((await repo.chokepoint(['--all', '--strict'])).exitCode, 1);

    // A new finding elsewhere must not enter the baseline through --prune.
    repo.write('crates/core/src/new.rs', 'pub fn n() { std::fs::read("n"); }\n');
    const pruned = await repo.chokepoint(['baseline', '--prune']);
    assert.equal(pruned.exitCode, 0, pruned.stdout + pruned.stderr);
    assert.match(pruned.stdout, /pruned 1 finding/);
    const file = JSON.parse(repo.read('chokepoint-baseline.json')) as { files: Record<string, Record<string, number>> };
    assert.deepEqual(file.files, { 'crates/core/Cargo.toml': { 'banned-dependency agent-sdk dependencies': 1 }, 'crates/core/src/legacy.rs': { 'banned-api fs std::fs': 1 } });
    const after = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(after.exitCode, 1);
    assert.deepEqual(parseJson(after.stdout).findings.map((f) => f.path), ['crates/core/src/new.rs']);

    // Once the file is clean the entry goes.
    repo.write('crates/core/src/legacy.rs', 'pub fn a() {}\n');
    repo.remove('crates/core/src/new.rs');
    await repo.chokepoint(['baseline', '--prune']);
    assert.deepEqual((JSON.parse(repo.read('chokepoint-baseline.json')) as { files: object }).files, { 'crates/core/Cargo.toml': { 'banned-dependency agent-sdk dependencies': 1 } });
  } finally {
    repo.cleanup();
  }
});

test('a malformed baseline is a config error naming the file; --prune without a baseline says what to run', async () => {
  const repo = await legacyRepo();
  try {
    const none = await repo.chokepoint(['baseline', '--prune']);
    assert.equal(none.exitCode, 2);
    assert.match(none.stderr, /no baseline to prune at chokepoint-baseline\.json/);
    repo.write('chokepoint-baseline.json', '{"version": 1, "files": {"a.rs": {"banned-api fs std::fs": -1}}}');
    const bad = await repo.chokepoint(['--all']);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /^chokepoint: chokepoint-baseline\.json: count of "banned-api fs std::fs" in "a\.rs" is not a whole number/);
    assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
    // The hint's way out works: a plain `baseline` replaces the malformed file.
    const rewrite = await repo.chokepoint(['baseline']);
    assert.equal(rewrite.exitCode, 0, rewrite.stdout + rewrite.stderr);
    assert.equal((await repo.chokepoint(['--all'])).exitCode, 0);
  } finally {
    repo.cleanup();
  }
});

test('a staged config change blocks only on what it introduces: HEAD\'s own findings are pre-existing', async () => {
  const repo = await smallRepo();
  try {
    assert.equal((await repo.chokepoint(['install'])).exitCode, 0);
    // An earlier bypass let a violation in.
    repo.write('crates/core/src/io.rs', 'pub fn io() { std::fs::read("x"); }\n');
    await repo.git(['add', 'crates/core/src/io.rs']);
    assert.equal((await repo.commit('spike', [], { CHOKEPOINT_BYPASS: 'spike' })).exitCode, 0);

    // A commit touching only the config is not refused for that old line.
    repo.write('chokepoint.toml', repo.read('chokepoint.toml').replace('min_files = 2', 'min_files = 1'));
    await repo.git(['add', 'chokepoint.toml']);
    const configOnly = await repo.commit('lower the minimum');
    assert.equal(configOnly.exitCode, 0, configOnly.stdout + configOnly.stderr);
    assert.match(configOnly.stdout + configOnly.stderr, /pre-existing: HEAD already had these[\s\S]*crates\/core\/src\/io\.rs:1:15/);

    // Removing an allowlist entry makes new findings: still blocked.
    repo.write('chokepoint.toml', repo.read('chokepoint.toml').replace('[[class.allow]]\npath = "crates/host/src/fs.rs"\nreason = "the chokepoint"\n', ''));
    await repo.git(['add', 'chokepoint.toml']);
    const removed = await repo.commit('drop the allowlist');
    assert.equal(removed.exitCode, 1, removed.stdout + removed.stderr);
    const json = await repo.chokepoint(['check', '--staged', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { findings: Array<Record<string, unknown>>; pre_existing: Array<Record<string, unknown>> };
    assert.deepEqual(report.findings.map((f) => f.path), ['crates/host/src/fs.rs']);
    assert.deepEqual(report.pre_existing.map((f) => [f.path, f.pre_existing]), [['crates/core/src/io.rs', true]]);

    // A new class is new findings too.
    await repo.git(['checkout', 'HEAD', '--', 'chokepoint.toml']);
    repo.write('chokepoint.toml', `${repo.read('chokepoint.toml')}\n[[class]]\nname = "ints"\nreason = "a new rule"\nneedles = ["u32"]\n`);
    await repo.git(['add', 'chokepoint.toml']);
    const newClass = await repo.commit('a new class');
    assert.equal(newClass.exitCode, 1, newClass.stdout + newClass.stderr);
    assert.match(newClass.stdout + newClass.stderr, /crates\/core\/src\/lib\.rs:1:\d+ +`u32` \(class ints\)/);
  } finally {
    repo.cleanup();
  }
});

test('named files including the config (the pre-commit framework\'s form) judge HEAD\'s own findings as pre-existing too', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/core/src/io.rs', 'pub fn io() { std::fs::read("x"); }\n');
    await repo.git(['add', 'crates/core/src/io.rs']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'unchecked']);
    repo.write('chokepoint.toml', repo.read('chokepoint.toml').replace('min_files = 2', 'min_files = 1'));
    const r = await repo.chokepoint(['check', 'chokepoint.toml', '--format', 'json']);
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { pre_existing: Array<{ path: string }> }).pre_existing.map((f) => f.path), ['crates/core/src/io.rs']);
  } finally {
    repo.cleanup();
  }
});
