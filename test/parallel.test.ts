// The audit's worker threads: the same report as one thread, in the same
// order, whichever thread judged what. (Threads start at 15,000 files on
// their own; CHOKEPOINT_THREADS=2 asks for them on a smaller tree.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { statSync, writeFileSync } from 'node:fs';
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

test('worker threads give the same report as one thread', async () => {
  const repo = await makeRepo(bigTree());
  try {
    const threaded = await repo.chokepoint(['--all', '--format', 'json'], { env: { CHOKEPOINT_THREADS: '2' } });
    const single = await repo.chokepoint(['--all', '--format', 'json'], { env: { CHOKEPOINT_THREADS: '1' } });
    // Without WebAssembly (--jitless) anchors are found in the text instead of the bytes.
    const textScan = await repo.chokepoint(['--all', '--format', 'json'], { env: { NODE_OPTIONS: '--jitless', CHOKEPOINT_THREADS: '2' } });
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
  // An index of 16,000 entries (no files on disk: they count as deleted) and
  // two Rust files in scope: the workers started early on the index's size
  // must not keep a library caller's process alive.
  const repo = await makeRepo(SMALL_TREE);
  try {
    await repo.git(['add', '-A']);
    const blob = (await repo.git(['hash-object', '-w', '--stdin'], { input: 'page\n', stdin: 'pipe' })).stdout.trim();
    const entries = Array.from({ length: 16_000 }, (_, i) => `100644 ${blob}\tdocs/a-long-enough-directory-name/page-${i}.md`).join('\n');
    assert.equal((await repo.git(['update-index', '--index-info'], { input: `${entries}\n`, stdin: 'pipe' })).exitCode, 0);
    const indexBytes = statSync(join(repo.dir, '.git', 'index')).size;
    assert.ok(indexBytes > 15_000 * 100, `index of ${indexBytes} bytes: too small to start threads`);
    const run = pathToFileURL(join(PROJECT_ROOT, 'dist/src/check/run.js')).href;
    const script = `const { runCheck } = await import(${JSON.stringify(run)});
const { result } = await runCheck({ cwd: process.argv[2], target: { kind: 'all', from: 'worktree' } });
console.log(JSON.stringify({ scanned: result.stats.filesScanned, findings: result.findings.length }));`;
    // A file, not --input-type (workers inherit exec flags, and that one stops them loading files).
    const scriptFile = join(repo.dir, 'audit.mjs');
    writeFileSync(scriptFile, script);
    // No process.exit: a worker left waiting would hang this child until the timeout
    // (a hang detector only, far above a loaded machine's time).
    const child = spawnSync(process.execPath, [scriptFile, repo.dir], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(child.signal, null, 'the process did not exit by itself');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { scanned: 2, findings: 0 });
  } finally {
    repo.cleanup();
  }
});
