// A bypass is recorded in the commit itself: the pre-commit hook leaves the
// reason in the git directory, and the commit-msg hook of the same `git commit`
// turns it into a `Chokepoint-Bypass:` trailer. Nothing touches the work tree.

// Synchronous on purpose: tiny files, and node:fs/promises stays off the hook's load path.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Repository } from './git.js';
import { git } from './git.js';

export const TRAILER = 'Chokepoint-Bypass';

async function markerPath(root: string): Promise<string> {
  const out = (await git(['rev-parse', '--git-path', 'chokepoint/bypass'], { cwd: root })).toString('utf8').trim();
  return resolve(root, out);
}

export async function recordBypass(repo: Repository, reason: string): Promise<void> {
  const path = await markerPath(repo.root);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, reason, 'utf8');
}

/** Drops a reason left by an aborted commit, when this commit asked for a bypass but needed none. */
export async function clearBypass(repo: Repository): Promise<void> {
  rmSync(await markerPath(repo.root), { force: true });
}

/** Takes the pending bypass reason, if the pre-commit hook left one. */
export async function takeBypass(root: string): Promise<string | undefined> {
  const path = await markerPath(root);
  try {
    const reason = readFileSync(path, 'utf8');
    rmSync(path, { force: true });
    return reason;
  } catch {
    return undefined;
  }
}

/** Adds the trailer to the commit message file with git's own trailer logic. */
export async function addBypassTrailer(root: string, messageFile: string, reason: string): Promise<void> {
  await git(['interpret-trailers', '--in-place', '--if-exists', 'addIfDifferent', '--trailer', `${TRAILER}: ${reason}`, messageFile], { cwd: root });
}
