// What a commit (or a pull request) changes, read from `git diff --raw -z`:
// NUL-separated, so any file name survives, and with blob ids, so the contents
// come from git objects rather than the working tree.

import type { Repository } from '../git.js';
import { git, runGit, splitNul } from '../git.js';

export interface Change {
  status: 'A' | 'C' | 'D' | 'M' | 'R' | 'T';
  /** The path after the change (for D, the deleted path). */
  path: string;
  /** For R and C: the path before. */
  from?: string;
  /** Blob id after the change (absent for D). */
  oid?: string;
  /** Whether the new entry is a symlink (mode 120000). */
  symlink: boolean;
}

const DIFF_FLAGS = ['--raw', '-z', '--no-abbrev', '-M', '--no-ext-diff', '--no-color', '--diff-filter=ACDMRT', '--ignore-submodules=all'];

/** Parses `git diff --raw -z` output. */
export function parseRawDiff(buffer: Buffer): Change[] {
  const parts = splitNul(buffer);
  const changes: Change[] = [];
  for (let i = 0; i < parts.length; ) {
    const meta = parts[i++]!;
    const [, , newMode, , newOid, statusField] = meta.split(/[ :]/) as string[];
    const status = statusField?.[0] as Change['status'] | undefined;
    if (!status) break;
    const first = parts[i++]!;
    if (status === 'R' || status === 'C') {
      const second = parts[i++]!;
      changes.push({ status, path: second, from: first, oid: newOid, symlink: newMode === '120000' });
    } else if (status === 'D') {
      changes.push({ status, path: first, symlink: false });
    } else {
      changes.push({ status, path: first, oid: newOid, symlink: newMode === '120000' });
    }
  }
  return changes;
}

/** Index against HEAD (against nothing before the first commit): what `git commit` would record. */
export const STAGED_DIFF_ARGS: readonly string[] = ['diff', '--cached', ...DIFF_FLAGS];

/**
 * What `git commit` would record; `amending`: what `git commit --amend` would,
 * against HEAD's first parent (nothing, when HEAD is a root commit).
 */
export async function readStagedChanges(repo: Repository, amending = false): Promise<Change[]> {
  if (!amending) return parseRawDiff(await git(STAGED_DIFF_ARGS, { cwd: repo.root }));
  const parent = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^1^{commit}'], { cwd: repo.root });
  const base = parent.code === 0 ? parent.stdout.toString('utf8').trim() : await emptyTree(repo);
  return parseRawDiff(await git(['diff', '--cached', ...DIFF_FLAGS, base], { cwd: repo.root }));
}

/** The empty tree's id in this repository's hash (what a root commit is compared against). */
export async function emptyTree(repo: Repository): Promise<string> {
  return (await git(['hash-object', '-t', 'tree', '--stdin'], { cwd: repo.root, input: '' })).toString('utf8').trim();
}

/** The merge base of `commit` and HEAD: where a `--since` range starts. */
export async function mergeBase(repo: Repository, commit: string): Promise<string> {
  return (await git(['merge-base', commit, 'HEAD'], { cwd: repo.root })).toString('utf8').trim();
}

/** Changes between `base` and HEAD. */
export async function readChangesSince(repo: Repository, base: string): Promise<Change[]> {
  return parseRawDiff(await git(['diff', ...DIFF_FLAGS, base, 'HEAD'], { cwd: repo.root }));
}
