// What a staged check needs from git, read once: the repository, the index
// against HEAD, the index's entries and its blobs. The reference for every
// answer is git itself (git.ts, changes.ts, blobs.ts); the fast path may read
// the same answers from the git directory without starting git
// (src/fast/git/), and where it cannot be sure it leaves an answer out.

import type { Repository } from '../git.js';
import type { Change } from './changes.js';
import { sharedState } from '../sharedState.js';

export interface IndexEntryInfo {
  oid: string;
  /** Octal, as in a tree: 100644, 100755, 120000 (symbolic link), 160000 (submodule). */
  mode: string;
}

export interface IndexSnapshot {
  repo: Repository;
  /** The index against HEAD, as `git diff --cached -M --raw` gives it; undefined where only git can say (a path left the index: git pairs renames by similarity). */
  changes: Change[] | undefined;
  /** The index's entry (stage 0) at `path`, if it has one. */
  entry(path: string): IndexEntryInfo | undefined;
  /** Every path of the index, in its order. */
  paths(): string[];
  /** The paths whose file name is one of `names`, in the index's order. */
  pathsNamed(names: readonly string[]): string[];
  /** A blob's bytes, or undefined where git must be asked. */
  readBlob(oid: string): Buffer | undefined;
  close(): void;
}

/** Read by the launcher before the CLI loads, taken by the check (both bundles carry this module). */
const snapshots = sharedState('chokepoint.indexSnapshots', () => new Map<string, IndexSnapshot>());

export function keepSnapshot(cwd: string, snapshot: IndexSnapshot): void {
  snapshots.set(cwd, snapshot);
}

export function hasSnapshot(cwd: string): boolean {
  return snapshots.has(cwd);
}

/** The snapshot read for `cwd`, once. */
export function takeSnapshot(cwd: string): IndexSnapshot | undefined {
  const snapshot = snapshots.get(cwd);
  snapshots.delete(cwd);
  return snapshot;
}
