// Shared test scaffolding: real git repositories in temporary directories, the
// real CLI in a child process, and snapshots proving nothing was modified.

import { execa, type Options } from 'execa';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, lstatSync, readlinkSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

export const CLI = join(PROJECT_ROOT, 'dist', 'bundle', 'launch.js');
export const FIXTURE = join(PROJECT_ROOT, 'fixtures', 'secure-exec');
export const SEED = resolve(PROJECT_ROOT, '..', 'shared', 'seed', 'architecture_guards.rs');

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

export function tempDir(prefix = 'chokepoint-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
