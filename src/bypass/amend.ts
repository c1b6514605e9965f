// Whether the pre-commit hook runs inside `git commit --amend`. Git tells a
// pre-commit hook nothing about it, yet an amended commit replaces HEAD: it
// must be judged against HEAD's parent, or `git commit --amend -m new` would
// keep a violation and silently drop the bypass trailer that recorded it.
// The nearest git process above the hook is the committing one; its
// arguments say whether it amends. Where they cannot be read, the commit is
// judged as a new one, and CI's `check --since` still sees the violation.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProcessInfo {
  parent: number;
  args: string[];
}

function readProc(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
    return { parent, args };
  } catch {
    return undefined;
  }
}

function readPs(pid: number): ProcessInfo | undefined {
  try {
    const out = process.getBuiltinModule('node:child_process').execFileSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const match = /^(\d+)\s+(.*)$/s.exec(out);
    return match ? { parent: Number(match[1]), args: match[2]!.split(/\s+/) } : undefined;
  } catch {
    return undefined;
  }
}

const isGit = (args: readonly string[]): boolean => args[0] !== undefined && /^git(\.exe)?$/.test(basename(args[0]));

/** `--amend` or an abbreviation git accepts for it (`--am` at the shortest). */
function amends(args: readonly string[]): boolean {
  for (const arg of args.slice(1)) {
    if (arg === '--') return false;
    if (arg.length >= 4 && '--amend'.startsWith(arg)) return true;
  }
  return false;
}

/** Whether the nearest git process above this one is amending a commit. */
export function isAmendingCommit(): boolean {
  const read = process.platform === 'linux' ? readProc : readPs;
  let pid = process.ppid;
  for (let depth = 0; depth < 12 && pid > 1; depth++) {
    const info = read(pid);
    if (info === undefined) return false;
    if (isGit(info.args)) return amends(info.args);
    pid = info.parent;
  }
  return false;
}
