// A working tree large enough for the audit to use worker threads: the same
// report as one thread, in the same order, whichever thread judged what.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { PROJECT_ROOT, SMALL_CONFIG, SMALL_TREE, makeRepo, parseJson } from './helpers.js';

/** More files than the parallel threshold (1,500), violations spread through them. */
function bigTree(): Record<string, string> {
  const files: Record<string, string> = { 'chokepoint.toml': SMALL_CONFIG.replace('min_files = 2', 'min_files = 1000') };
  files['crates/host/src/fs.rs'] = 'pub fn read() -> Vec<u8> { std::fs::read("x").unwrap() }\n';
  for (let c = 0; c < 8; c++) {
    const mods: string[] = [];
    for (let m = 0; m < 220; m++) {
      const name = `m${m}`;
      mods.push(`pub mod ${name};`);
      let body = `pub fn f${m}(x: u32) -> u32 { x + ${m} }\n`;
      if ((c * 220 + m) % 97 === 0) body += `pub fn leak() { let _ = std::fs::read("/etc/passwd"); }\n`;
      if ((c * 220 + m) % 89 === 0) body += `// std::fs::read in a comment is fine\n#[cfg(test)]\nmod tests { fn t() { std::fs::read("x").unwrap(); } }\n`;
      files[`crates/c${c}/src/${name}.rs`] = body;
    }
    // An out-of-line test module: its parent declares it under cfg(test).
    mods.push('#[cfg(test)]\nmod fixtures;');
    files[`crates/c${c}/src/fixtures.rs`] = 'pub fn fixture() -> Vec<u8> { std::fs::read("fixture.bin").unwrap() }\n';
    files[`crates/c${c}/src/lib.rs`] = `${mods.join('\n')}\n`;
  }
  return files;
}

test('a tree past the parallel threshold gets the same report from worker threads as from one thread', async () => {
  const repo = await makeRepo(bigTree());
  try {
    const threaded = await repo.chokepoint(['--all', '--format', 'json']);
    const single = await repo.chokepoint(['--all', '--format', 'json'], { env: { CHOKEPOINT_THREADS: '1' } });
    // Without WebAssembly (--jitless) anchors are found in the text instead of the bytes.
    const textScan = await repo.chokepoint(['--all', '--format', 'json'], { env: { NODE_OPTIONS: '--jitless' } });
    assert.equal(threaded.exitCode, 1, threaded.stderr);
    assert.equal(single.exitCode, 1, single.stderr);
    assert.equal(textScan.exitCode, 1, textScan.stderr);
    const a = parseJson(threaded.stdout);
    const b = parseJson(single.stdout);
    const c = parseJson(textScan.stdout);
    assert.equal(a.stats.files_scanned, 1 + 8 * 222);
    assert.equal(b.stats.files_scanned, a.stats.files_scanned);
    assert.equal(c.stats.files_scanned, a.stats.files_scanned);
    assert.deepEqual(a.findings, b.findings);
    assert.deepEqual(a.warnings, b.warnings);
    assert.deepEqual(c.findings, a.findings);
    assert.deepEqual(c.warnings, a.warnings);
    const leaks = a.findings.filter((f) => f.kind === 'banned-api').map((f) => f.path);
    const expected = Array.from({ length: 8 * 220 }, (_, i) => i)
      .filter((i) => i % 97 === 0)
      .map((i) => `crates/c${Math.floor(i / 220)}/src/m${i % 220}.rs`)
      .sort();
    assert.deepEqual(leaks, expected, 'every leak, nothing from comments, cfg(test) code or the out-of-line test modules');
  } finally {
    repo.cleanup();
  }
});

test('threads started ahead for a large index are stopped when the tree in scope is small', async () => {
  // 2,000 tracked files (a large index) but two Rust files in scope: the
  // workers started early must not keep a library caller's process alive.
  const files: Record<string, string> = { ...SMALL_TREE };
  for (let i = 0; i < 2000; i++) files[`docs/page-${i}.md`] = `page ${i}\n`;
  const repo = await makeRepo(files);
  try {
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'many docs']);
    const run = pathToFileURL(join(PROJECT_ROOT, 'dist/src/check/run.js')).href;
    const script = `const { runCheck } = await import(${JSON.stringify(run)});
const { result } = await runCheck({ cwd: process.argv[2], target: { kind: 'all', from: 'worktree' } });
console.log(JSON.stringify({ scanned: result.stats.filesScanned, findings: result.findings.length }));`;
    // A file, not --input-type (workers inherit exec flags, and that one stops them loading files).
    const scriptFile = join(repo.dir, 'audit.mjs');
    writeFileSync(scriptFile, script);
    // No process.exit: a worker left waiting would hang this child until the timeout.
    const child = spawnSync(process.execPath, [scriptFile, repo.dir], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.signal, null, 'the process did not exit by itself');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { scanned: 2, findings: 0 });
  } finally {
    repo.cleanup();
  }
});
