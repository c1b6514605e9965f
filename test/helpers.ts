// Shared test scaffolding: real git repositories in temporary directories, the
// real CLI in a child process, and snapshots proving nothing was modified.

import { execa, type Options } from 'execa';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, lstatSync, readlinkSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root of chokepoint itself (tests run from dist/test/). */
export const PROJECT_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'chokepoint') return dir;
    } catch {
      /* keep walking up */
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find chokepoint package root');
    dir = up;
  }
})();

export const CLI = join(PROJECT_ROOT, 'bundle', 'cli', 'launch.js');
export const FIXTURE = join(PROJECT_ROOT, 'fixtures', 'secure-exec');
/** The shared data beside the repository (CI lays it out the same way). */
export const SHARED = resolve(PROJECT_ROOT, '..', 'shared');
export const SEED = join(SHARED, 'seed', 'architecture_guards.rs');

/** Whether the suite runs in CI: `CI` set to anything but empty, `0` or `false` (as CI services set it). */
export const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').trim().toLowerCase());

/**
 * The options of a slow test (an npm install, a rustc build, dozens of CLI
 * runs): `npm run test:quick` (CHOKEPOINT_TEST_QUICK=1) skips them while you
 * work; `npm test` and CI never do.
 */
export const SLOW: { skip: string | false } = {
  skip: !IN_CI && process.env.CHOKEPOINT_TEST_QUICK === '1' ? 'slow: `npm run test:quick` skips it' : false,
};

/** Whether `command` is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

/**
 * A test that needs something outside the repository: a file of ../shared, or
 * a tool that .ci/run installs. `needs` maps what is needed (as a person would
 * name it) to whether it is there. Outside CI a missing need skips the test and
 * says what is missing; under CI the test fails instead, so a lost file or a
 * broken install step can never pass as a skip.
 */
export function testNeeding(name: string, needs: Record<string, boolean>, options: { timeout?: number; skip?: string | false }, fn: (t: TestContext) => void | Promise<void>): void {
  const missing = Object.entries(needs).filter(([, present]) => !present).map(([what]) => what);
  if (missing.length === 0) test(name, options, fn);
  else if (IN_CI) test(name, options, () => assert.fail(`CI=true and this test needs what is missing: ${missing.join('; ')}`));
  else test(name, { ...options, skip: `missing: ${missing.join('; ')} (under CI=true this fails)` }, fn);
}

/** Environment for git in tests: fixed identity, no user or system config. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  NO_COLOR: '1',
  CHOKEPOINT_BYPASS: undefined,
  GIT_INDEX_FILE: undefined,
  GIT_DIR: undefined,
};

/** Every temporary directory a test file made; removed when its process exits (each test file runs in its own). */
const madeDirs: string[] = [];
process.once('exit', () => {
  for (const dir of madeDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A directory a test left unremovable must not turn a pass into a failure.
    }
  }
});

export function tempDir(prefix = 'chokepoint-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export interface Repo {
  dir: string;
  git(args: string[], opts?: Options): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  write(path: string, content: string | Buffer): void;
  read(path: string): string;
  remove(path: string): void;
  chokepoint(args: string[], opts?: Options & { cwd?: string }): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  commit(message: string, extraArgs?: string[], env?: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  cleanup(): void;
}

export async function makeRepo(files: Record<string, string | Buffer> = {}, opts: { dir?: string } = {}): Promise<Repo> {
  const dir = opts.dir ?? tempDir();
  const run = async (cmd: string, args: string[], o: Options = {}) => {
    const r = await execa(cmd, args, { cwd: dir, reject: false, env: GIT_ENV, stdin: 'ignore', ...o, encoding: 'utf8' } as Options);
    return { stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), exitCode: r.exitCode ?? 1 };
  };
  const repo: Repo = {
    dir,
    git: (args, o) => run('git', args, o),
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    remove: (path) => rmSync(join(dir, path), { force: true, recursive: true }),
    chokepoint: (args, o = {}) => run(process.execPath, [CLI, ...args], o),
    commit: (message, extraArgs = [], env = {}) => run('git', ['commit', '-q', '-m', message, ...extraArgs], { env: { ...GIT_ENV, ...env } }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  await repo.git(['init', '-q', '-b', 'main']);
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  return repo;
}

/** A repository holding a copy of the bundled example workspace. */
export async function makeFixtureRepo(commit = true): Promise<Repo> {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  const repo = await makeRepo({}, { dir });
  if (commit) {
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'fixture']);
  }
  return repo;
}

/** Everything chokepoint must never change: files, index, stash, HEAD. */
export async function snapshot(repo: Repo): Promise<string> {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(join(repo.dir, rel)).sort()) {
      if (rel === '' && name === '.git') continue;
      const p = rel ? `${rel}/${name}` : name;
      const info = lstatSync(join(repo.dir, p));
      if (info.isSymbolicLink()) hash.update(`L ${p} ${readlinkSync(join(repo.dir, p))}\n`);
      else if (info.isDirectory()) walk(p);
      else hash.update(`F ${p} ${info.mode} `).update(readFileSync(join(repo.dir, p))).update('\n');
    }
  };
  walk('');
  hash.update((await repo.git(['ls-files', '-s', '-z'])).stdout);
  hash.update((await repo.git(['stash', 'list'])).stdout);
  hash.update((await repo.git(['rev-parse', '--verify', '-q', 'HEAD'])).stdout);
  return hash.digest('hex');
}

/** A minimal config: one class with one needle and an allowlisted file. */
export const SMALL_CONFIG = `
[scope]
include = ["crates/*/src/**/*.rs", "!crates/*/src/**/bin/**"]
exclude = ["**/build.rs"]
min_files = 2

[[class]]
name = "fs"
reason = "host files only through the fs chokepoint"
use_instead = "crates/host/src/fs.rs"
needles = ["std::fs", "File::open"]

[[class.allow]]
path = "crates/host/src/fs.rs"
reason = "the chokepoint"

[dependency_rule]
manifests = ["crates/*/Cargo.toml"]
banned = ["agent"]
`;

export const SMALL_TREE: Record<string, string> = {
  'chokepoint.toml': SMALL_CONFIG,
  'crates/host/src/fs.rs': 'pub fn read() -> Vec<u8> { std::fs::read("x").unwrap() }\n',
  'crates/core/src/lib.rs': 'pub fn add(a: u32, b: u32) -> u32 { a + b }\n',
  'crates/core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n',
};

export async function smallRepo(commit = true): Promise<Repo> {
  const repo = await makeRepo(SMALL_TREE);
  if (commit) {
    await repo.git(['add', '-A']);
    await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
  }
  return repo;
}

export function parseJson(stdout: string): { ok: boolean; mode: string; findings: Array<Record<string, unknown>>; warnings: Array<Record<string, unknown>>; stats: { files_scanned: number; manifests_checked: number; duration_ms: number } } {
  return JSON.parse(stdout) as ReturnType<typeof parseJson>;
}

function npmConfig(key: string): string {
  return spawnSync('npm', ['config', 'get', key], { encoding: 'utf8' }).stdout.trim();
}

let offlineEnv: NodeJS.ProcessEnv | undefined;
/**
 * Environment for any npm a test starts, directly or through a tool (the
 * pre-commit framework): npm's own cache (`npm ci` filled it) even when a test
 * moves HOME, and offline, so a test that would need the network fails.
 * Asked of npm on first use only: most test files never start npm.
 */
export function offlineNpmEnv(): NodeJS.ProcessEnv {
  offlineEnv ??= { npm_config_offline: 'true', npm_config_cache: npmConfig('cache') };
  return offlineEnv;
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Installs packages into the npm project at `dir` with `npm ci --offline`,
 * from a lockfile written here: tests never reach the network. Every package
 * comes at the version this repository's package-lock.json pins, so the
 * `npm ci` that set up this checkout has put it in npm's cache. `tarball`, when
 * given, is a packed chokepoint, installed as users get it, with its
 * dependencies pinned the same way.
 */
export async function installOffline(dir: string, opts: { tarball?: string; packages?: string[] }): Promise<void> {
  const registry = npmConfig('registry').replace(/\/?$/, '/');
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const own = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string>; bin?: Record<string, string> };
  const packages: Record<string, LockEntry> = {};
  const add = (name: string, optional: boolean): void => {
    const key = `node_modules/${name}`;
    if (packages[key]) return;
    const entry = lock.packages[key];
    if (!entry?.version) {
      if (optional) return;
      throw new Error(`${name} is not pinned in package-lock.json: a test may only install what the lockfile holds`);
    }
    // The machine's npm may omit download addresses from the lockfile; without one npm would ask the registry.
    const resolved = entry.resolved ?? `${registry}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
    packages[key] = { ...entry, resolved, dev: true };
    for (const dep of Object.keys(entry.dependencies ?? {})) add(dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) add(dep, true);
  };
  const devDependencies: Record<string, string> = {};
  for (const name of opts.packages ?? []) {
    add(name, false);
    devDependencies[name] = packages[`node_modules/${name}`]!.version!;
  }
  if (opts.tarball) {
    const spec = `file:${relative(dir, opts.tarball)}`;
    devDependencies[own.name] = spec;
    packages[`node_modules/${own.name}`] = { version: own.version, resolved: spec, dev: true, dependencies: own.dependencies, bin: own.bin };
    for (const dep of Object.keys(own.dependencies ?? {})) add(dep, false);
  }
  const pkgPath = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { name: string; devDependencies?: Record<string, string> };
  pkg.devDependencies = { ...pkg.devDependencies, ...devDependencies };
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const root = { name: pkg.name, devDependencies: pkg.devDependencies };
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify({ name: pkg.name, lockfileVersion: 3, requires: true, packages: { '': root, ...packages } }, null, 2)}\n`);
  const r = await execa('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: offlineNpmEnv(), reject: false, stdin: 'ignore' });
  assert.equal(r.exitCode, 0, `npm ci --offline failed (is npm's cache filled by \`npm ci\` in this checkout?): ${r.stderr}`);
}

/** The lefthook binary the lockfile pins for this platform (its platform package), if there is one. */
export function lefthookBinary(): string | undefined {
  const arch = process.arch === 'x64' ? 'x64' : process.arch;
  const path = join(PROJECT_ROOT, 'node_modules', `lefthook-${process.platform}-${arch}`, 'bin', 'lefthook');
  return existsSync(path) ? path : undefined;
}
