// A working tree large enough for the audit to use worker threads: the same
// report as one thread, in the same order, whichever thread judged what.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SMALL_CONFIG, makeRepo, parseJson } from './helpers.js';

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
    assert.equal(threaded.exitCode, 1, threaded.stderr);
    assert.equal(single.exitCode, 1, single.stderr);
    const a = parseJson(threaded.stdout);
    const b = parseJson(single.stdout);
    assert.equal(a.stats.files_scanned, 1 + 8 * 222);
    assert.equal(b.stats.files_scanned, a.stats.files_scanned);
    assert.deepEqual(a.findings, b.findings);
    assert.deepEqual(a.warnings, b.warnings);
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
