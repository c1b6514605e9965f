// The executable (src/launch.ts, scripts/bundle.ts): it writes nothing into
// the installed package, leaves Node's compile cache where Node keeps it,
// and a build without the fast folder is a complete tool that runs the
// plain judge with the same verdicts.

import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import module from 'node:module';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { execa } from 'execa';
import { GIT_ENV, PROJECT_ROOT, smallRepo, tempDir, type Repo } from './helpers.js';

let pkg: string;
let repo: Repo;

/** A copy of the built package, so these tests can watch and change its files. */
before(async () => {
  pkg = tempDir('chokepoint-launch-');
  cpSync(join(PROJECT_ROOT, 'bundle', 'cli'), join(pkg, 'bundle', 'cli'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(pkg, 'node_modules'));
  repo = await smallRepo();
  // One violation and one manifest, so the run reads TOML and has something to report.
  repo.write('crates/core/src/lib.rs', 'pub fn f() { let _ = std::fs::read("x"); }\n');
});

after(() => repo.cleanup());

/** Every file under `dir` with its size and modification time. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => !p.startsWith('node_modules'))
    .map((p) => {
      const s = statSync(join(dir, p));
      return `${p} ${s.size} ${s.mtimeMs}`;
    })
    .sort();
}

const run = (launcher: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execa(process.execPath, [launcher, ...args], { cwd: repo.dir, env: { ...GIT_ENV, ...env }, reject: false });

test('no command writes into the installed package', async () => {
  const before = listing(pkg);
  const cache = tempDir('chokepoint-compile-cache-');
  for (const args of [['check', '--all'], ['check', '--all', '--format', 'json'], ['--version'], ['explain', 'crates/core/src/lib.rs'], []]) {
    const r = await run(join(pkg, 'bundle', 'cli', 'launch.js'), args, { NODE_COMPILE_CACHE: cache });
    assert.ok(r.exitCode === 0 || r.exitCode === 1, `${args.join(' ')}: ${r.stderr}`);
  }
  assert.deepEqual(listing(pkg), before);
});

test('Node’s compile cache is used where Node has one, in the directory Node is told, never the package', async () => {
  const cache = tempDir('chokepoint-compile-cache-');
  const r = await run(join(pkg, 'bundle', 'cli', 'launch.js'), ['check', '--all'], { NODE_COMPILE_CACHE: cache });
  assert.equal(r.exitCode, 1, r.stderr);
  const written = readdirSync(cache, { recursive: true });
  if (typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function') {
    assert.ok(written.length > 0, 'Node >= 22.1: the launcher turned the compile cache on');
  } else {
    assert.deepEqual(written, [], 'this Node has no compile cache: nothing is written anywhere');
  }
});

test('a build without the fast folder runs the plain judge, with the same report', async () => {
  const lean = tempDir('chokepoint-lean-');
  cpSync(pkg, lean, { recursive: true, filter: (src) => !relative(pkg, src).startsWith('node_modules') && !relative(pkg, src).startsWith(join('bundle', 'cli', 'fast')) });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(lean, 'node_modules'));
  assert.equal(existsSync(join(lean, 'bundle', 'cli', 'fast')), false);
  // The fast judge is asked for by both (whatever the suite runs under); only one has it.
  const full = await run(join(pkg, 'bundle', 'cli', 'launch.js'), ['check', '--all', '--format', 'json'], { CHOKEPOINT_JUDGE: 'fast' });
  const plain = await run(join(lean, 'bundle', 'cli', 'launch.js'), ['check', '--all', '--format', 'json'], { CHOKEPOINT_JUDGE: 'fast' });
  assert.equal(full.exitCode, 1, full.stderr);
  assert.equal(plain.exitCode, 1, plain.stderr);
  const report = (out: string) => JSON.parse(out) as { findings: unknown[]; warnings: unknown[]; stats: { judge: string } };
  assert.equal(report(full.stdout).stats.judge, 'fast');
  assert.equal(report(plain.stdout).stats.judge, 'plain');
  assert.deepEqual(report(plain.stdout).findings, report(full.stdout).findings);
  assert.deepEqual(report(plain.stdout).warnings, report(full.stdout).warnings);
  assert.ok(report(full.stdout).findings.length > 0);
});

test('CHOKEPOINT_JUDGE=plain runs the plain judge; an unknown judge is a usage error', async () => {
  const launcher = join(pkg, 'bundle', 'cli', 'launch.js');
  const plain = await run(launcher, ['check', '--all', '--format', 'json'], { CHOKEPOINT_JUDGE: 'plain' });
  assert.equal(plain.exitCode, 1, plain.stderr);
  assert.equal((JSON.parse(plain.stdout) as { stats: { judge: string } }).stats.judge, 'plain');
  const bad = await run(launcher, ['check', '--all'], { CHOKEPOINT_JUDGE: 'turbo' });
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /unknown judge "turbo" in CHOKEPOINT_JUDGE/);
  assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
});
