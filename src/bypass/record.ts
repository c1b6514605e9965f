// A bypass is recorded in the commit itself: the pre-commit hook leaves the
// reason in the worktree's git directory, and the commit-msg hook of the same
// `git commit` turns it into a `Chokepoint-Bypass:` trailer. Nothing touches
// the work tree. The pre-commit check writes or clears the marker on every
// run that asks for (or carries) a bypass, so a reason left by an aborted
// commit never reaches a later one.

// Synchronous on purpose: tiny files, and node:fs/promises stays off the hook's load path.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Repository } from '../git.js';
import { git } from '../git.js';
import { environmentError } from '../errors.js';
import { messages } from '../messages.js';

export const TRAILER = 'Chokepoint-Bypass';

const markerPath = (repo: Repository): string => join(repo.gitDir, 'chokepoint', 'bypass');

/**
 * Leaves the reason for this commit's commit-msg hook. The check itself needs
 * no write access; only this record does, and a bypass that cannot be
 * recorded is refused rather than let through silently.
 */
export function recordBypass(repo: Repository, reason: string): void {
  const path = markerPath(repo);
  try {
    mkdirSync(join(repo.gitDir, 'chokepoint'), { recursive: true });
    writeFileSync(path, reason, 'utf8');
  } catch (err) {
    throw environmentError(messages.bypassNotRecorded(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message), messages.bypassNotRecordedHint);
  }
}

/** Drops a reason left by an aborted commit. */
export function clearBypass(repo: Repository): void {
  try {
    // unlink, not rm: rmSync loads a recursive remover the hook never needs.
    unlinkSync(markerPath(repo));
  } catch {
    /* none pending, or an unwritable git directory holds no marker we wrote */
  }
}

/** Takes the pending bypass reason, if this commit's pre-commit check left one. */
export function takeBypass(repo: Repository): string | undefined {
  const path = markerPath(repo);
  let reason: string;
  try {
    reason = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  clearBypass(repo);
  return reason;
}

/** Adds the trailer to the commit message file with git's own trailer logic. */
export async function addBypassTrailer(root: string, messageFile: string, reason: string): Promise<void> {
  await git(['interpret-trailers', '--in-place', '--if-exists', 'addIfDifferent', '--trailer', `${TRAILER}: ${reason}`, messageFile], { cwd: root });
}

/** The bypass reasons a commit message records (git's trailer parsing; a folded value is unfolded). */
export async function bypassTrailers(root: string, message: string): Promise<string[]> {
  const out = (await git(['interpret-trailers', '--parse', '--no-divider'], { cwd: root, input: message })).toString('utf8');
  const prefix = `${TRAILER.toLowerCase()}:`;
  return out
    .split('\n')
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}
