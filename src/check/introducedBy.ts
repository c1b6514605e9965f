// `check --since`: which commit of the range introduced each finding, and
// whether that commit records a bypass. A local hook can always be skipped
// (--no-verify, cherry-pick, revert, am, rebase run no pre-commit); CI
// verifies here instead, commit by commit.
//
// Findings are counted per subject (the file a finding is judged from, or the
// Cargo graph for a dependency chain) and per identity (kind, path, class,
// needle, dependency, table), never by line, so moved lines change nothing.
// The range's commits are walked parents first; at each commit a subject's
// count is that of its version there, and each occurrence carries the commit it first
// appeared in: kept from the parents (a merge unites its parents'), new ones
// credited to the commit, removed ones dropped latest first. At HEAD, the
// occurrences a file had before the range are pre-existing; the others name
// their commit, in order, against the findings sorted by position.

import type { Finding, IntroducedBy } from '../types.js';
import type { Repository } from '../git.js';
import { git, splitNul } from '../git.js';
import { CATALOGUE } from '../findings/catalogue.js';
import { isVisibleReason } from '../bypass/reason.js';
import { TRAILER } from '../bypass/record.js';

/**
 * Judges `subjects` as they are in `commit`: files by their paths, and the
 * Cargo graph when `CARGO_GRAPH` is among them; returns their findings.
 */
export type JudgeAt = (commit: string, subjects: readonly string[]) => Promise<Finding[]>;

/** The subject of dependency-chain findings: every `Cargo.lock` and manifest at once. No path is empty. */
export const CARGO_GRAPH = '';

/** What a finding is judged from: its file, or the Cargo graph; undefined: the whole tree (not attributable). */
function subjectOf(f: Finding): string | undefined {
  const from = CATALOGUE[f.kind].judgedFrom;
  if (from === 'cargo graph') return CARGO_GRAPH;
  // Paths with a newline cannot be named to cat-file's batch: left unattributed (they fail as unrecorded).
  if (from === 'file' && f.path !== undefined && !/[\n\r]/.test(f.path)) return f.path;
  return undefined;
}

interface RangeCommit {
  id: string;
  parents: string[];
  /** The first visible reason of its Chokepoint-Bypass trailers, else null. */
  bypass: string | null;
}

/** The identity a finding keeps when its line moves. */
export function findingIdentity(f: Finding): string {
  return [f.kind, f.path ?? '', f.class ?? '', f.needle ?? '', f.dependency ?? '', f.table ?? ''].join('\0');
}

const SEP = '\x1f';

/** The commits in `base..HEAD`, parents before children, with their recorded bypass. */
async function rangeCommits(repo: Repository, base: string): Promise<RangeCommit[]> {
  const format = `%H${SEP}%P${SEP}%(trailers:key=${TRAILER},valueonly,unfold,separator=%x1e)`;
  const out = await git(['log', '-z', '--topo-order', '--reverse', `--format=${format}`, `${base}..HEAD`], { cwd: repo.root });
  return splitNul(out).map((record) => {
    const [id = '', parents = '', trailers = ''] = record.split(SEP);
    const reasons = trailers.split('\x1e').map((t) => t.trim());
    return { id, parents: parents.split(' ').filter(Boolean), bypass: reasons.find((r) => r !== '' && isVisibleReason(r)) ?? null };
  });
}

/** Blob ids of `paths` at each of `commits` (undefined: absent), from one cat-file. */
async function blobIds(repo: Repository, commits: readonly string[], paths: readonly string[]): Promise<Map<string, Map<string, string | undefined>>> {
  const names = commits.flatMap((c) => paths.map((p) => `${c}:${p}`));
  // Only the Cargo graph to attribute: no file to ask git about.
  const out = names.length === 0 ? Buffer.alloc(0) : await git(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { cwd: repo.root, input: names.map((n) => `${n}\n`).join('') });
  const lines = out.toString('utf8').split('\n');
  const ids = new Map<string, Map<string, string | undefined>>();
  let k = 0;
  for (const c of commits) {
    const perPath = new Map<string, string | undefined>();
    for (const p of paths) {
      const [oid, type] = (lines[k++] ?? '').split(' ');
      perPath.set(p, type === 'blob' ? oid : undefined);
    }
    ids.set(c, perPath);
  }
  return ids;
}

/**
 * The version of the Cargo graph at each commit: the object ids of its
 * `Cargo.toml` and `Cargo.lock` files (undefined: there are none).
 */
async function cargoGraphVersions(repo: Repository, commits: readonly string[]): Promise<Map<string, string | undefined>> {
  const versions = await Promise.all(
    commits.map(async (c) => {
      // ls-tree takes no glob pathspecs: the whole listing, filtered here.
      const entries = splitNul(await git(['ls-tree', '-r', '-z', c], { cwd: repo.root })).filter((e) => CARGO_FILE.test(e));
      return [c, entries.length ? entries.join('\0') : undefined] as const;
    }),
  );
  return new Map(versions);
}

const CARGO_FILE = /(^|\/|\t)Cargo\.(toml|lock)$/;

/** Multiset union of the parents' occurrence lists, first parent's order first. */
function unite(lists: readonly (readonly string[])[]): string[] {
  const merged = [...(lists[0] ?? [])];
  for (const list of lists.slice(1)) {
    const have = new Map<string, number>();
    for (const e of merged) have.set(e, (have.get(e) ?? 0) + 1);
    const want = new Map<string, number>();
    for (const e of list) {
      want.set(e, (want.get(e) ?? 0) + 1);
      if (want.get(e)! > (have.get(e) ?? 0)) merged.push(e);
    }
  }
  return merged;
}

const BEFORE = '';

/**
 * Sets `introducedBy` on each finding of HEAD, judged from a file or from the
 * Cargo graph, that the range
 * `base..HEAD` introduced; findings a file had before the range are left
 * without it.
 */
export async function attributeFindings(repo: Repository, base: string, findings: readonly Finding[], judgeAt: JudgeAt): Promise<void> {
  const targets = findings.filter((f) => subjectOf(f) !== undefined);
  if (targets.length === 0) return;
  const subjects = [...new Set(targets.map((f) => subjectOf(f)!))];
  const paths = subjects.filter((p) => p !== CARGO_GRAPH);
  const commits = await rangeCommits(repo, base);
  if (commits.length === 0) return;
  const inRange = new Map(commits.map((c) => [c.id, c]));
  const outside = [...new Set(commits.flatMap((c) => c.parents).filter((p) => !inRange.has(p)))];
  const all = [...outside, ...commits.map((c) => c.id)];
  // The version of each subject at each commit: a blob id, or the graph's files.
  const blobs = await blobIds(repo, all, paths);
  if (subjects.includes(CARGO_GRAPH)) {
    const graphs = await cargoGraphVersions(repo, all);
    for (const c of all) blobs.get(c)!.set(CARGO_GRAPH, graphs.get(c));
  }

  // Findings per version, each subject judged once per distinct version.
  const countsByBlob = new Map<string, Map<string, number>>();
  const countsAt = async (commit: string): Promise<Map<string, Map<string, number>>> => {
    const perPath = blobs.get(commit)!;
    const fresh = subjects.filter((p) => perPath.get(p) !== undefined && !countsByBlob.has(perPath.get(p)!));
    if (fresh.length) {
      for (const p of fresh) countsByBlob.set(perPath.get(p)!, new Map());
      for (const f of await judgeAt(commit, fresh)) {
        const subject = subjectOf(f);
        if (subject === undefined) continue;
        const counts = countsByBlob.get(perPath.get(subject)!);
        if (counts === undefined) continue;
        const key = findingIdentity(f);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return new Map(subjects.map((p) => [p, perPath.get(p) === undefined ? new Map() : countsByBlob.get(perPath.get(p)!)!]));
  };

  const keys = [...new Set(targets.map(findingIdentity))];
  const subjectOfKey = new Map(targets.map((f) => [findingIdentity(f), subjectOf(f)!]));
  type Lists = Map<string, string[]>;
  const listsAt = new Map<string, Lists>();
  const listsOf = async (commit: string): Promise<Lists> => {
    const known = listsAt.get(commit);
    if (known) return known;
    // A commit outside the range: everything it has is from before the range.
    const counts = await countsAt(commit);
    const lists: Lists = new Map(keys.map((k) => [k, Array<string>(counts.get(subjectOfKey.get(k)!)!.get(k) ?? 0).fill(BEFORE)]));
    listsAt.set(commit, lists);
    return lists;
  };

  for (const commit of commits) {
    const parentLists = await Promise.all(commit.parents.map(listsOf));
    const own = blobs.get(commit.id)!;
    // A commit that leaves every file as its first parent had keeps its lists (no judging).
    const first = commit.parents[0];
    const unchanged = commit.parents.length === 1 && first !== undefined && subjects.every((p) => blobs.get(first)!.get(p) === own.get(p));
    if (unchanged) {
      listsAt.set(commit.id, parentLists[0]!);
      continue;
    }
    const counts = await countsAt(commit.id);
    const lists: Lists = new Map();
    for (const key of keys) {
      const n = counts.get(subjectOfKey.get(key)!)!.get(key) ?? 0;
      const merged = unite(parentLists.map((l) => l.get(key) ?? []));
      if (merged.length > n) merged.length = n;
      while (merged.length < n) merged.push(commit.id);
      lists.set(key, merged);
    }
    listsAt.set(commit.id, lists);
  }

  const head = listsAt.get(commits[commits.length - 1]!.id)!;
  const order = new Map(commits.map((c, i) => [c.id, i]));
  const byKey = new Map<string, Finding[]>();
  for (const f of targets) byKey.set(findingIdentity(f), [...(byKey.get(findingIdentity(f)) ?? []), f]);
  for (const [key, found] of byKey) {
    const entries = [...(head.get(key) ?? [])].sort((a, b) => (a === BEFORE ? -1 : order.get(a)!) - (b === BEFORE ? -1 : order.get(b)!));
    found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    // HEAD's own judgement is the truth; a shorter list (it cannot be, but) leaves the rest to HEAD.
    found.forEach((f, i) => {
      const entry = entries[i] ?? commits[commits.length - 1]!.id;
      if (entry === BEFORE) return;
      const by: IntroducedBy = { commit: entry, bypass: inRange.get(entry)?.bypass ?? null };
      f.introducedBy = by;
    });
  }
}
