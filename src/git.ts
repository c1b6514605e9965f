// The only module that starts git. Plain child_process rather than execa: the
// pre-commit hook's start-up time is the product, and this is all we need.
// child_process is loaded on first use (process.getBuiltinModule): a staged
// check that reads the git directory itself starts no git, and the module
// with what it pulls in (net, streams) costs a hook several milliseconds.

import type { ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { environmentError, usageError } from './errors.js';
import { messages } from './messages.js';
import { sharedState } from './sharedState.js';

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export interface GitOptions {
  cwd: string;
  input?: string | Buffer;
  /** Extra environment for this call. */
  env?: NodeJS.ProcessEnv;
}

/** Environment for every git call: no pager, no prompts, stable output. */
function gitEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...process.env, ...extra, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

/**
 * Git calls started ahead of time. The launcher bundles its own copy of this
 * module to start the hook's calls before the CLI is even compiled; both
 * copies share this registry.
 */
const prefetched = sharedState('chokepoint.prefetchedGit', () => new Map<string, Promise<GitResult>>());
const prefetchKey = (args: readonly string[], cwd: string): string => `${cwd}\0${args.join('\0')}`;

/**
 * Starts a git command now, for a later `runGit` with the same arguments and
 * directory to pick up: the pre-commit hook starts its git processes while
 * the rest of chokepoint is still loading.
 */
export function prefetchGit(args: readonly string[], cwd: string): void {
  if (prefetched.has(prefetchKey(args, cwd))) return;
  const pending = spawnGit(args, { cwd });
  pending.catch(() => undefined); // reported when (if) it is taken
  prefetched.set(prefetchKey(args, cwd), pending);
}

/** Runs git to completion. A missing git binary is an environment error (exit 2). */
export function runGit(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  const key = prefetchKey(args, opts.cwd);
  const early = opts.input === undefined && opts.env === undefined ? prefetched.get(key) : undefined;
  if (early) {
    prefetched.delete(key);
    // A call that could not start is started again here, so that its error
    // is this module's (the launcher's copy has its own error classes).
    return early.catch(() => spawnGit(args, opts));
  }
  return spawnGit(args, opts);
}

function spawnGit(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      // No input, no stdin pipe: each pipe is a socket pair and a stream to set up (~1 ms of the hook's three calls).
      child = process.getBuiltinModule('node:child_process').spawn('git', args, { cwd: opts.cwd, env: gitEnv(opts.env), stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    } catch (e) {
      // Some failures (a --cwd that is a file) are thrown rather than emitted.
      reject(spawnError(e as NodeJS.ErrnoException, opts.cwd));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) => reject(spawnError(e, opts.cwd)));
    child.on('close', (code) => {
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 });
    });
    if (child.stdin) {
      child.stdin.on('error', () => {
        /* git may exit before reading all input; its exit code tells. */
      });
      child.stdin.end(opts.input);
    }
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** spawn reports a missing working directory like a missing program: tell the two apart. */
function spawnError(e: NodeJS.ErrnoException, cwd: string): Error {
  if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') return e;
  if (!isDirectory(cwd)) return usageError(messages.notADirectory(cwd), messages.notADirectoryHint);
  return environmentError(messages.gitMissing, messages.gitMissingHint);
}

/** Runs git and returns stdout; a failure becomes an environment error quoting git. */
export async function git(args: readonly string[], opts: GitOptions): Promise<Buffer> {
  const result = await runGit(args, opts);
  if (result.code !== 0) {
    throw environmentError(messages.gitFailed(args, result.stderr.trim()));
  }
  return result.stdout;
}

/** Splits NUL-separated git output into strings. */
export function splitNul(buffer: Buffer): string[] {
  const text = buffer.toString('utf8');
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export interface Repository {
  /** Absolute path of the working tree's top level. */
  root: string;
  /** Absolute path of the git directory shared by all worktrees (where chokepoint keeps its state); empty for a full audit outside git, which keeps none. */
  commonDir: string;
  /** Absolute path of this worktree's own git directory (per-commit state: a pending bypass). */
  gitDir: string;
}

/** One git call answers both questions openRepository asks (the hook prefetches it). */
export const REPOSITORY_QUERY: readonly string[] = ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir', '--git-dir'];

/** Finds the repository around `cwd`, with clear errors for the usual wrong places. */
export async function openRepository(cwd: string): Promise<Repository> {
  const top = await runGit(REPOSITORY_QUERY, { cwd });
  if (top.code !== 0) {
    const bare = await runGit(['rev-parse', '--is-bare-repository'], { cwd });
    if (bare.code === 0 && bare.stdout.toString().trim() === 'true') {
      throw environmentError(messages.bareRepository(cwd), messages.bareRepositoryHint);
    }
    if (/not a git repository/i.test(top.stderr)) {
      throw usageError(messages.notARepository(cwd), messages.notARepositoryHint);
    }
    throw environmentError(messages.gitFailed(['rev-parse', '--show-toplevel'], top.stderr.trim()));
  }
  const [root = '', commonDir = '', gitDir = ''] = top.stdout.toString('utf8').replace(/\n$/, '').split('\n');
  return { root, commonDir, gitDir };
}

/** Whether HEAD names a commit (false in a new repository). */
export async function hasHead(repo: Repository): Promise<boolean> {
  return (await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: repo.root })).code === 0;
}

/** Resolves a revision to a commit id, or fails with a usage error naming it. */
export async function resolveCommit(repo: Repository, rev: string): Promise<string> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: repo.root });
  if (result.code !== 0) throw usageError(messages.unknownRevision(rev), messages.unknownRevisionHint);
  return result.stdout.toString('utf8').trim();
}

/** `file` (relative to `cwd`) as a repo-relative `/`-separated path; outside the repository is a usage error. */
export function repoRelativePath(repo: Repository, cwd: string, file: string): string {
  const rel = relative(repo.root, resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw usageError(messages.fileOutsideRepository(file));
  return rel.split(sep).join('/');
}
