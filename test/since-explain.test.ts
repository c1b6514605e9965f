// `check --since REV` for pull-request CI, and `explain PATH`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFixtureRepo, parseJson, smallRepo } from './helpers.js';

const BAD = 'pub fn f() -> Vec<u8> { std::fs::read("x").unwrap() }\n';

test('--since reports only files changed after the merge base, plus sanity checks', async () => {
  const repo = await smallRepo();
  try {
    // commit 2: an old violation (before the revision we compare with)
    repo.write('crates/core/src/old.rs', BAD);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'old violation']);
    const base = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
    // commit 3: a new violation and a clean change
    repo.write('crates/core/src/new.rs', BAD);
    repo.write('crates/core/src/lib.rs', 'pub fn add(a: u32) -> u32 { a }\n');
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'new violation']);
    // uncommitted work is not part of the pull request
    repo.write('crates/core/src/wip.rs', BAD);

    const r = await repo.chokepoint(['check', '--since', base, '--format', 'json']);
    assert.equal(r.exitCode, 1, r.stderr);
    const report = parseJson(r.stdout);
    assert.equal(report.mode, 'since');
    assert.deepEqual(report.findings.map((f) => `${f.kind} ${f.path}`), ['banned-api crates/core/src/new.rs']);
    assert.equal(report.stats.files_scanned, 2, 'new.rs and lib.rs');

    const all = await repo.chokepoint(['check', '--since', 'HEAD~2', '--format', 'json']);
    assert.deepEqual(parseJson(all.stdout).findings.map((f) => f.path).sort(), ['crates/core/src/new.rs', 'crates/core/src/old.rs']);

    // sanity checks run on the whole HEAD tree: deleting the chokepoint is caught
    await repo.git(['rm', '-q', 'crates/host/src/fs.rs']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'drop chokepoint']);
    const sanity = await repo.chokepoint(['check', '--since', base, '--format', 'json']);
    assert.ok(parseJson(sanity.stdout).findings.some((f) => f.kind === 'missing-allowlist-path'), sanity.stdout);

    const bad = await repo.chokepoint(['check', '--since', 'nope']);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /unknown revision "nope"/);
  } finally {
    repo.cleanup();
  }
});

test('--since: a changed out-of-line test module is test code though its parent did not change', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/core/src/lib.rs', 'pub fn add(a: u32, b: u32) -> u32 { a + b }\n\n#[cfg(test)]\nmod tests;\n');
    repo.write('crates/core/src/tests.rs', 'fn helper() {}\n');
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'tests module']);
    const base = (await repo.git(['rev-parse', 'HEAD'])).stdout.trim();
    // Only the test module changes; its parent (the declarer) is not part of the change.
    repo.write('crates/core/src/tests.rs', BAD);
    repo.write('crates/core/src/prod.rs', BAD);
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'fixtures read files']);

    const r = await repo.chokepoint(['check', '--since', base, '--format', 'json']);
    assert.equal(r.exitCode, 1, r.stderr);
    assert.deepEqual(parseJson(r.stdout).findings.map((f) => `${f.kind} ${f.path}`), ['banned-api crates/core/src/prod.rs']);
  } finally {
    repo.cleanup();
  }
});

test('explain: an allowlisted file names its classes, reasons and needles', async () => {
  const repo = await makeFixtureRepo();
  try {
    const r = await repo.chokepoint(['explain', 'crates/client/src/transport.rs']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /scope: +scanned — included by "crates\/\*\/src\/\*\*\/\*\.rs"/);
    assert.match(r.stdout, /allowlist: process — spawns our own sidecar binary, nothing else/);
    assert.match(r.stdout, /allowlist: env \(only `env::var_os\(`\) — reads SIDECAR_PATH/);
    assert.match(r.stdout, /transport\.rs:7:5 `Command::new` \(class process\) — allowlisted/);
    assert.match(r.stdout, /`env::var_os\(` \(class env\) — allowlisted/);
    assert.match(r.stdout, /test code: no/);
  } finally {
    repo.cleanup();
  }
});

test('explain: an excluded file names the exclude pattern; a removed one the negation', async () => {
  const repo = await makeFixtureRepo();
  try {
    const r = await repo.chokepoint(['explain', 'crates/runtime/src/benchmark.rs']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /scope: +excluded — included by "crates\/\*\/src\/\*\*\/\*\.rs" but excluded by "crates\/runtime\/src\/benchmark\.rs"/);
    assert.match(r.stdout, /`std::fs` \(class fs\) — not scanned/);
    const bin = await repo.chokepoint(['explain', 'crates/runtime/src/bin/profile.rs']);
    assert.match(bin.stdout, /scope: +outside — removed by "!crates\/\*\/src\/\*\*\/bin\/\*\*"/);
    const manifest = await repo.chokepoint(['explain', 'crates/client/Cargo.toml']);
    assert.match(manifest.stdout, /manifest: +checked by the dependency rule \("crates\/\*\/Cargo\.toml"\)/);
  } finally {
    repo.cleanup();
  }
});

test('explain: an out-of-line test module says why it is test code', async () => {
  const repo = await makeFixtureRepo();
  try {
    const r = await repo.chokepoint(['explain', 'crates/kernel/src/tests.rs']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /test code: yes — declared as a test module by `#\[cfg\(test\)\] mod tests;` at crates\/kernel\/src\/lib\.rs:8/);
    assert.match(r.stdout, /tests\.rs:3:5 `std::fs` \(class fs\) — test code, not checked/);
  } finally {
    repo.cleanup();
  }
});

test('explain: an in-scope file with violations lists them', async () => {
  const repo = await makeFixtureRepo();
  try {
    const r = await repo.chokepoint(['explain', 'crates/sidecar/src/vm.rs']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /allowlist: not allowlisted for any class/);
    assert.match(r.stdout, /vm\.rs:3:5 `std::net::` \(class net\) — violation/);
    assert.match(r.stdout, /vm\.rs:14:\d+ `UdpSocket::bind` \(class net\) — violation/);
    const outside = await repo.chokepoint(['explain', '/etc/passwd']);
    assert.equal(outside.exitCode, 2);
  } finally {
    repo.cleanup();
  }
});

test('check FILE with the config among the files re-audits the whole tree', async () => {
  const repo = await smallRepo();
  try {
    repo.write('chokepoint.toml', repo.read('chokepoint.toml').replace(/\[\[class\.allow\]\][^[]*/, ''));
    const r = await repo.chokepoint(['check', 'chokepoint.toml', '--format', 'json']);
    assert.equal(r.exitCode, 1);
    assert.deepEqual(parseJson(r.stdout).findings.map((f) => f.path), ['crates/host/src/fs.rs']);
  } finally {
    repo.cleanup();
  }
});
