// The full audit on real repositories: the bundled example workspace, sanity
// findings, warnings, --strict, formats and exit codes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execa } from 'execa';
import { CLI, GIT_ENV, SMALL_CONFIG, hasCommand, makeFixtureRepo, makeRepo, parseJson, smallRepo, snapshot, testNeeding } from './helpers.js';

const where = (f: Record<string, unknown>) => `${f.kind} ${f.path}:${f.line ?? ''}${f.class ? ` ${f.class}` : ''}${f.dependency ? ` ${f.dependency}` : ''}`;

test('full audit of the example workspace finds exactly the planted violations (precise)', async () => {
  const repo = await makeFixtureRepo();
  try {
    const before = await snapshot(repo);
    const r = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(r.exitCode, 1, r.stderr);
    const report = parseJson(r.stdout);
    assert.equal(report.mode, 'all');
    assert.equal(report.ok, false);
    assert.deepEqual(report.findings.map(where).sort(), [
      'banned-api crates/client/src/config.rs:4 env',
      // code after a "http://" string on the same line is still code
      'banned-api crates/sidecar/src/service.rs:7 env',
      // cfg(any(test, …)) is production code
      'banned-api crates/sidecar/src/state.rs:10 fs',
      // `use std::{collections::HashMap, net::UdpSocket}` expands to std::net::UdpSocket
      'banned-api crates/sidecar/src/vm.rs:3 net',
      'banned-api crates/sidecar/src/vm.rs:14 net',
      // a renamed dependency: proto = { package = "agent-protocol" }
      'banned-dependency crates/client/Cargo.toml:8 agent-protocol',
    ].sort());
    const vm = report.findings.find((f) => f.path === 'crates/sidecar/src/vm.rs' && f.line === 3)!;
    assert.equal(vm.column, 5, 'reported at the `net` segment inside the group');
    assert.equal(vm.needle, 'std::net::');
    assert.equal(report.stats.files_scanned, 17);
    assert.equal(report.stats.manifests_checked, 4);
    assert.equal(typeof report.stats.duration_ms, 'number');
    assert.equal(await snapshot(repo), before, 'the audit changed nothing');
  } finally {
    repo.cleanup();
  }
});

test('--matcher line reproduces the seed: misses what it missed, flags strings and test files', async () => {
  const repo = await makeFixtureRepo();
  try {
    const r = await repo.chokepoint(['--all', '--format', 'json', '--matcher', 'line']);
    assert.equal(r.exitCode, 1, r.stderr);
    const found = parseJson(r.stdout).findings.filter((f) => f.kind === 'banned-api').map(where).sort();
    assert.deepEqual(found, [
      'banned-api crates/client/src/config.rs:4 env',
      // a string literal, flagged by the naive matcher
      'banned-api crates/kernel/src/fd_table.rs:5 fs',
      // an out-of-line test module, unknown to the seed
      'banned-api crates/kernel/src/tests.rs:3 fs',
      'banned-api crates/kernel/src/tests.rs:7 fs',
      'banned-api crates/sidecar/src/state.rs:10 fs',
      'banned-api crates/sidecar/src/vm.rs:14 net',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('a clean tree exits 0 and says so', async () => {
  const repo = await smallRepo();
  try {
    const r = await repo.chokepoint(['check', '--all']);
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /no findings/);
    assert.match(r.stdout, /3 files?|2 files/);
  } finally {
    repo.cleanup();
  }
});

test('removing an allowlisted file makes the audit fail with missing-allowlist-path', async () => {
  const repo = await smallRepo();
  try {
    repo.remove('crates/host/src/fs.rs');
    repo.write('crates/core/src/more.rs', 'pub fn x() {}\n');
    const r = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(r.exitCode, 1);
    const f = parseJson(r.stdout).findings;
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.equal(f[0]!.kind, 'missing-allowlist-path');
    assert.equal(f[0]!.path, 'chokepoint.toml');
    assert.equal(f[0]!.line, 13, 'points at the [[class.allow]] entry');
    assert.match(String(f[0]!.message), /crates\/host\/src\/fs\.rs/);
  } finally {
    repo.cleanup();
  }
});

test('fewer files than min_files fails with too-few-files', async () => {
  const repo = await smallRepo();
  try {
    repo.write('chokepoint.toml', repo.read('chokepoint.toml').replace('min_files = 2', 'min_files = 30'));
    const r = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(r.exitCode, 1);
    const f = parseJson(r.stdout).findings;
    assert.deepEqual(f.map((x) => x.kind), ['too-few-files']);
    assert.match(String(f[0]!.message), /scanned 2 files, fewer than the minimum of 30/);
  } finally {
    repo.cleanup();
  }
});

test('an allowlist entry for an excluded file is a dead entry', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/host/src/build.rs', 'fn main() { std::fs::write("x", "y").unwrap(); }\n');
    repo.write('chokepoint.toml', `${repo.read('chokepoint.toml')}\n`.replace('[dependency_rule]', '[[class.allow]]\npath = "crates/host/src/build.rs"\nreason = "build script"\n\n[dependency_rule]'));
    const r = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(r.exitCode, 1, r.stderr);
    const f = parseJson(r.stdout).findings;
    assert.deepEqual(f.map((x) => x.kind), ['dead-allowlist-entry']);
    assert.match(String(f[0]!.message), /excluded by "\*\*\/build\.rs"/);
  } finally {
    repo.cleanup();
  }
});

test('stale entries and classes that match nothing are warnings, errors under --strict', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/host/src/fs.rs', 'pub fn read() -> u8 { 0 }\n');
    const r = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(r.exitCode, 0, r.stdout);
    const report = parseJson(r.stdout);
    // No needle of the class matches anything: one warning for the class, not one per needle.
    assert.deepEqual(report.warnings.map((w) => `${w.kind}${w.class ? ` ${w.class}` : ''}`).sort(), ['stale-allowlist-entry fs', 'unused-needle fs']);
    const strict = await repo.chokepoint(['--all', '--format', 'json', '--strict']);
    assert.equal(strict.exitCode, 1);
    assert.equal(parseJson(strict.stdout).findings.length, 2);
  } finally {
    repo.cleanup();
  }
});

test('--cached audits the index and --rev a commit, not the working tree', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/core/src/lib.rs', 'pub fn f() { let _ = std::fs::read("x"); }\n');
    assert.equal((await repo.chokepoint(['--all'])).exitCode, 1, 'working tree has the violation');
    assert.equal((await repo.chokepoint(['--all', '--cached'])).exitCode, 0, 'the index does not');
    assert.equal((await repo.chokepoint(['--all', '--rev', 'HEAD'])).exitCode, 0, 'HEAD does not');
    await repo.git(['add', '-A']);
    assert.equal((await repo.chokepoint(['--all', '--cached'])).exitCode, 1, 'now the index does');
    const bad = await repo.chokepoint(['--all', '--rev', 'no-such-rev']);
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /unknown revision "no-such-rev"/);
  } finally {
    repo.cleanup();
  }
});

test('human output groups by class, shows the line, the reason and the ways out', async () => {
  const repo = await smallRepo();
  try {
    repo.write('crates/core/src/lib.rs', 'pub fn f() {\n    let _ = std::fs::read("x");\n}\n');
    const r = await repo.chokepoint(['--all']);
    assert.equal(r.exitCode, 1);
    assert.match(r.stdout, /class fs/);
    assert.match(r.stdout, /crates\/core\/src\/lib\.rs:2:13/);
    assert.match(r.stdout, /let _ = std::fs::read\("x"\);/);
    assert.match(r.stdout, /\^{7}/, 'the needle is underlined');
    assert.match(r.stdout, /why: host files only through the fs chokepoint/);
    assert.match(r.stdout, /route the access through crates\/host\/src\/fs\.rs/);
    assert.match(r.stdout, /add it to the fs allowlist in chokepoint\.toml with a reason/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'NO_COLOR disables colour');
    const colored = await repo.chokepoint(['--all'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    assert.match(colored.stdout, /\x1b\[/, 'FORCE_COLOR enables colour');
  } finally {
    repo.cleanup();
  }
});

test('config errors exit 2 with file:line:col and no stack trace', async () => {
  const repo = await smallRepo();
  try {
    const cases: [string, RegExp][] = [
      [repo.read('chokepoint.toml').replace('min_files = 2', 'min_files = 2\ncolour = "red"'), /chokepoint\.toml:6:1: `scope\.colour`: unknown key/],
      [repo.read('chokepoint.toml').replace('min_files = 2', 'min_files = "2"'), /chokepoint\.toml:5:1: `scope\.min_files`: must be a whole number/],
      [repo.read('chokepoint.toml').replace('needles = ["std::fs", "File::open"]', 'needles = ["std::fs", ""]'), /chokepoint\.toml:11:23: `class\.0\.needles\.1`: must not be empty/],
      [repo.read('chokepoint.toml').replace('reason = "the chokepoint"', ''), /chokepoint\.toml:13:1: `class\.0\.allow\.0`: allowlist entry needs a `reason`/],
      [repo.read('chokepoint.toml').replace('path = "crates/host/src/fs.rs"', 'path = "../outside.rs"'), /`class\.0\.allow\.0\.path`: path "\.\.\/outside\.rs" has an empty, `\.` or `\.\.` segment/],
      [repo.read('chokepoint.toml').replace('[scope]', '[scope'), /chokepoint\.toml:2:\d+: invalid TOML/],
      [`${repo.read('chokepoint.toml')}\n[[class]]\nname = "fs"\nreason = "again"\nneedles = ["x"]\n`, /`class\.1\.name`: duplicate class name "fs"/],
    ];
    for (const [text, expected] of cases) {
      repo.write('chokepoint.toml', text);
      const r = await repo.chokepoint(['--all']);
      assert.equal(r.exitCode, 2, `${expected}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, expected);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  } finally {
    repo.cleanup();
  }
});

test('usage and environment errors exit 2', async () => {
  const repo = await smallRepo();
  try {
    const unknown = await repo.chokepoint(['--frobnicate']);
    assert.equal(unknown.exitCode, 2);
    assert.match(unknown.stderr, /--frobnicate/);
    const both = await repo.chokepoint(['check', '--all', '--staged']);
    assert.equal(both.exitCode, 2);
    const format = await repo.chokepoint(['--all', '--format', 'xml']);
    assert.equal(format.exitCode, 2);
    assert.match(format.stderr, /unknown format "xml"/);
    const outside = await repo.chokepoint(['--all'], { cwd: '/' });
    assert.equal(outside.exitCode, 2);
    assert.match(outside.stderr, /not inside a git repository/);
    repo.remove('chokepoint.toml');
    const missing = await repo.chokepoint(['--all']);
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /no config file at chokepoint\.toml[\s\S]*chokepoint init/);
  } finally {
    repo.cleanup();
  }
});

testNeeding('progress is shown for a long audit on a terminal only, never when piped or in CI', { '`script` (util-linux), for a pseudo-terminal': hasCommand('script') }, {}, async () => {
  const files: Record<string, string> = { 'chokepoint.toml': SMALL_CONFIG };
  for (let i = 0; i < 600; i++) files[`crates/core/src/m${i}.rs`] = `pub fn f${i}() {}\n`;
  const repo = await makeRepo(files);
  try {
    const env = { ...GIT_ENV, CI: undefined };
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --all --format json > /dev/null`;
    // `script` gives the command a terminal for stderr; stdout still goes to /dev/null.
    const onTty = await execa('script', ['-qec', command, '/dev/null'], { cwd: repo.dir, env, reject: false, stdin: 'ignore' });
    assert.match(onTty.stdout, /chokepoint: \d+\/600 files/);
    const piped = await repo.chokepoint(['--all', '--format', 'json'], { env });
    assert.doesNotMatch(piped.stderr, /files\r|\/600/);
    const inCi = await execa('script', ['-qec', command, '/dev/null'], { cwd: repo.dir, env: { ...env, CI: 'true' }, reject: false, stdin: 'ignore' });
    assert.doesNotMatch(inCi.stdout, /\/600 files/);
  } finally {
    repo.cleanup();
  }
});
