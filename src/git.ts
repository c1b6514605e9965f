// The only module that starts git. Plain child_process rather than execa: the
// pre-commit hook's start-up time is the product, and this is all we need.

import { spawn } from 'node:child_process';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { environmentError, usageError } from './errors.js';
import { messages } from './messages.js';

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

/** Runs git to completion. A missing git binary is an environment error (exit 2). */
export function runGit(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: opts.cwd, env: gitEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT' ? environmentError(messages.gitMissing, messages.gitMissingHint) : e);
    });
    child.on('close', (code) => {
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 });
    });
    child.stdin.on('error', () => {
      /* git may exit before reading all input; its exit code tells. */
    });
    child.stdin.end(opts.input ?? '');
  });
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
  /** Whether HEAD names a commit (false in a new repository). */
  hasHead: boolean;
}

/** Finds the repository around `cwd`, with clear errors for the usual wrong places. */
export async function openRepository(cwd: string): Promise<Repository> {
  const top = await runGit(['rev-parse', '--show-toplevel'], { cwd });
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
  const root = top.stdout.toString('utf8').replace(/\n$/, '');
  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: root });
  return { root, hasHead: head.code === 0 };
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
