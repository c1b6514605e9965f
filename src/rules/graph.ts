// The dependency rule through the whole graph: from each workspace member,
// the shortest chain of dependencies (breadth-first over `Cargo.lock`) to
// each banned crate, unless it reaches the crate only as a direct dependency
// of one of its listed wrappers (cargo-deny's `wrappers`). The lockfile does
// not say which dependencies are dev- or build-only: the first edge's kind
// comes from the member's manifest; every edge below a member is taken as a
// normal dependency.

import { posix } from 'node:path';
import type { DependencyRuleConfig, Finding, Position, RelatedLocation } from '../types.js';
import type { LockGraph } from '../lockfile/resolve.js';
import { locateKeyPath } from '../toml/positions.js';
import { bannedMarker, findException, isWrapped, type DeclaredDependency } from './dependencies.js';
import { messages } from '../messages.js';

/** A workspace member: a path package of the lockfile and the manifest that declares it. */
export interface GraphMember {
  /** Its index in the lockfile's packages. */
  pkg: number;
  manifestPath: string;
  manifestText: string;
  /** What the manifest declares, with `package` resolved (through the workspace root for `x.workspace = true`). */
  declared: DeclaredDependency[];
  /** Whether the direct rule reads this manifest (its globs name it): a one-edge chain is then that rule's finding. */
  checkedDirectly: boolean;
  /** Whether this member is part of what is checked now (its manifest or the lockfile staged, or the whole tree). */
  changed: boolean;
}

export interface GraphVerdict {
  findings: Finding[];
  warnings: Finding[];
  usedExceptions: Set<string>;
}

/** One chain: package indices from the member to the banned crate. */
export type Chain = number[];

interface Banned {
  marker: string;
}

/** The banned packages of the graph (name carries a marker, no exception), by index. */
export function bannedPackages(graph: LockGraph, rule: DependencyRuleConfig, usedExceptions?: Set<string>): Map<number, Banned> {
  const banned = new Map<number, Banned>();
  graph.packages.forEach((p, i) => {
    const marker = bannedMarker(p.name, rule);
    if (marker === undefined) return;
    const exception = findException(p.name, rule.allow);
    if (exception) usedExceptions?.add(exception.crate);
    else banned.set(i, { marker });
  });
  return banned;
}

/** Whether package `from` may depend directly on banned package `to`: it is a listed wrapper of every marker that bans it. */
export function edgePermitted(graph: LockGraph, from: number, to: number, rule: DependencyRuleConfig): boolean {
  const name = graph.packages[from]!.name;
  const wrapped = new Set((rule.wrappers ?? []).filter((w) => w.crates.includes(name)).map((w) => w.banned));
  return isWrapped(graph.packages[to]!.name, rule, wrapped);
}

/**
 * For one start package, the shortest chain to each banned package that ends
 * on an edge no wrapper permits. Breadth-first: the first violating edge into
 * a banned package closes its shortest chain; each package is visited once,
 * so cycles end the search like anything else.
 */
export function shortestChains(graph: LockGraph, start: number, banned: ReadonlyMap<number, Banned>, permitted: (from: number, to: number) => boolean, firstEdge: (to: number) => boolean = () => true): Map<number, Chain> {
  const n = graph.packages.length;
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const chains = new Map<number, Chain>();
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const u = queue[head++]!;
    for (const v of graph.packages[u]!.deps) {
      if (u === start && !firstEdge(v)) continue;
      if (banned.has(v) && !chains.has(v) && v !== start && !permitted(u, v)) {
        const chain: number[] = [v];
        for (let x = u; x !== -1; x = parent[x]!) chain.push(x);
        chains.set(v, chain.reverse());
      }
      if (!seen[v]) {
        seen[v] = 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
  }
  return chains;
}

/** Budget of steps for listing every chain: a dense graph has exponentially many. */
const ENUMERATION_STEPS = 200_000;

/**
 * Every chain (no package twice) from `start` to banned package `target` that
 * ends on a non-permitted edge, shortest first, at most `limit` of them.
 * `complete` is false when the limit or the step budget cut the listing short.
 */
export function everyChain(graph: LockGraph, start: number, target: number, permitted: (from: number, to: number) => boolean, limit: number): { chains: Chain[]; complete: boolean } {
  // Only packages from which the target can be reached are worth entering.
  const reaches = reachersOf(graph, target);
  const chains: Chain[] = [];
  const path: number[] = [start];
  const onPath = new Uint8Array(graph.packages.length);
  onPath[start] = 1;
  let steps = 0;
  let complete = true;
  const walk = (u: number): void => {
    for (const v of graph.packages[u]!.deps) {
      if (++steps > ENUMERATION_STEPS || chains.length >= limit * 4) {
        complete = false;
        return;
      }
      if (v === target) {
        if (!permitted(u, v)) chains.push([...path, v]);
        continue;
      }
      if (onPath[v] || !reaches[v]) continue;
      onPath[v] = 1;
      path.push(v);
      walk(v);
      path.pop();
      onPath[v] = 0;
      if (!complete) return;
    }
  };
  if (reaches[start]) walk(start);
  chains.sort((a, b) => a.length - b.length);
  if (chains.length > limit) complete = false;
  return { chains: chains.slice(0, limit), complete };
}

/** Which packages have a path to `target` (a reverse breadth-first search). */
function reachersOf(graph: LockGraph, target: number): Uint8Array {
  const reverse: number[][] = graph.packages.map(() => []);
  graph.packages.forEach((p, i) => p.deps.forEach((d) => reverse[d]!.push(i)));
  const mark = new Uint8Array(graph.packages.length);
  const queue = [target];
  mark[target] = 1;
  while (queue.length) {
    for (const u of reverse[queue.pop()!]!) {
      if (!mark[u]) {
        mark[u] = 1;
        queue.push(u);
      }
    }
  }
  return mark;
}

/** How a package is shown in a chain: a member by its directory and name, anything else by name and version. */
export function chainLabel(graph: LockGraph, pkg: number, members: ReadonlyMap<number, GraphMember>): string {
  const p = graph.packages[pkg]!;
  const member = members.get(pkg);
  if (member) return `${posix.dirname(member.manifestPath)} (${p.name})`;
  return `${p.name} ${p.version}`;
}

/** The first edge of a chain as the member's manifest declares it: strongest kind first. */
export function firstEdge(member: GraphMember, childName: string): { dep: DeclaredDependency; devOnly: boolean } | undefined {
  const matching = member.declared.filter((d) => d.package === childName);
  if (matching.length === 0) return undefined;
  const order = { normal: 0, build: 1, dev: 2 } as const;
  const dep = [...matching].sort((a, b) => order[a.kind] - order[b.kind])[0]!;
  return { dep, devOnly: matching.every((d) => d.kind === 'dev') };
}

/** Dependencies the member's manifest declares that the lockfile does not list for it. */
export function staleDependencies(graph: LockGraph, member: GraphMember): string[] {
  const locked = new Set(graph.packages[member.pkg]!.deps.map((d) => graph.packages[d]!.name));
  return [...new Set(member.declared.map((d) => d.package).filter((name) => !locked.has(name)))];
}

export function checkGraph(lockPath: string, graph: LockGraph, members: readonly GraphMember[], rule: DependencyRuleConfig): GraphVerdict {
  const verdict: GraphVerdict = { findings: [], warnings: [], usedExceptions: new Set() };
  const banned = bannedPackages(graph, rule, verdict.usedExceptions);
  const byPkg = new Map(members.map((m) => [m.pkg, m]));
  const permitted = (from: number, to: number) => edgePermitted(graph, from, to, rule);
  for (const member of members) {
    if (!member.changed) continue;
    const stale = staleDependencies(graph, member);
    let reported = false;
    if (banned.size) {
      // The member's own dependencies are what its manifest declares: an edge
      // the lockfile still lists after the manifest dropped it is not followed.
      const declared = new Set(member.declared.map((d) => d.package));
      for (const [target, chain] of shortestChains(graph, member.pkg, banned, permitted, (v) => declared.has(graph.packages[v]!.name))) {
        if (chain.length === 2 && member.checkedDirectly) continue;
        verdict.findings.push(chainFinding(lockPath, graph, member, byPkg, chain, banned.get(target)!.marker, rule, stale));
        reported = true;
      }
    }
    if (stale.length && !reported) {
      verdict.warnings.push({ kind: 'stale-lockfile', path: member.manifestPath, message: messages.staleLockfile(member.manifestPath, lockPath, stale) });
    }
  }
  return verdict;
}

function chainFinding(lockPath: string, graph: LockGraph, member: GraphMember, byPkg: ReadonlyMap<number, GraphMember>, chain: Chain, marker: string, rule: DependencyRuleConfig, stale: string[]): Finding {
  const target = graph.packages[chain[chain.length - 1]!]!;
  const labels = chain.map((i, k) => (k === 0 ? chainLabel(graph, i, byPkg) : `${graph.packages[i]!.name} ${graph.packages[i]!.version}`));
  const first = firstEdge(member, graph.packages[chain[1]!]!.name);
  const at: Position | undefined = first ? locateKeyPath(member.manifestText, [...first.dep.tableKeyPath, first.dep.key]) : undefined;
  const wrappers = (rule.wrappers ?? []).filter((w) => w.banned === marker).flatMap((w) => w.crates);
  const related: RelatedLocation[] = [];
  if (at) related.push({ path: member.manifestPath, line: at.line, column: at.column, message: messages.chainFirstEdge(graph.packages[member.pkg]!.name, graph.packages[chain[1]!]!.name) });
  const lockAt = graph.where(chain[chain.length - 1]!);
  related.push({ path: lockPath, ...(lockAt ? { line: lockAt.line, column: lockAt.column } : {}), message: messages.chainLockEntry(`${target.name} ${target.version}`, lockPath) });
  return {
    kind: 'banned-dependency-chain',
    message: messages.bannedChain(labels, target.name, marker, { devOnly: first?.devOnly ?? false, wrappers, stale, lockPath }),
    path: at ? member.manifestPath : lockPath,
    ...(at ? { line: at.line, column: at.column } : lockAt ? { line: lockAt.line, column: lockAt.column } : {}),
    dependency: target.name,
    ...(first ? { table: first.dep.tableKeyPath.join('.') } : {}),
    chain: labels,
    related,
  };
}
