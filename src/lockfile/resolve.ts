// Turns the packages of a `Cargo.lock` into a graph, the way cargo reads its
// own lockfiles: a dependency string is `name`, `name version` or
// `name version (source)`, cargo writing only as much as it takes to name one
// package (a version when the name has several, a source when the version
// does). A string that names no package, or more than one, is an error, as
// are a package listed twice, a version other than 3 or 4, and a cycle among
// registry or git packages (cargo records no dev-dependencies for those, so no
// cycle among them can come from cargo; a cycle through a path package is a
// member's dev-dependency and is kept).

import type { Position } from '../types.js';
import type { LockfileText } from './read.js';

export interface LockPackage {
  name: string;
  version: string;
  /** Undefined for path packages (workspace members and other local crates). */
  source?: string;
  /** Indices of the packages it depends on, in the order written. */
  deps: number[];
}

export interface LockGraph {
  version: 3 | 4;
  packages: LockPackage[];
  /** Where package `i` is written in the lockfile. */
  where(i: number): Position | undefined;
}

export interface LockProblem {
  message: string;
  position?: Position;
}

export type LockResolution = { ok: true; graph: LockGraph } | { ok: false; problems: LockProblem[] };

/** More problems than this in one lockfile are counted, not listed. */
const MAX_PROBLEMS = 10;

export const SUPPORTED_VERSIONS = [3, 4] as const;

export function resolveLockfile(lock: LockfileText): LockResolution {
  const problems: LockProblem[] = [];
  const problem = (message: string, position: () => Position | undefined): void => {
    if (problems.length < MAX_PROBLEMS) {
      const at = position();
      problems.push(at ? { message, position: at } : { message });
    } else if (problems.length === MAX_PROBLEMS) problems.push({ message: 'more problems follow: fix the ones above and check again' });
  };
  const version = lock.version;
  if (version !== 3 && version !== 4) {
    const what = version === undefined ? 'has no `version` (formats 1 and 2, written by cargo before 1.53)' : `is format version ${JSON.stringify(version)}`;
    problem(`Cargo.lock ${what}; chokepoint reads versions 3 and 4: regenerate it with a current cargo (\`cargo update --workspace\`)`, () => lock.versionAt());
    return { ok: false, problems };
  }

  const packages: LockPackage[] = [];
  /** name → version → packages (indices) of that name and version. */
  const byName = new Map<string, Map<string, number[]>>();
  lock.packages.forEach((entry, i) => {
    const fields = ['name', 'version'] as const;
    for (const field of fields) {
      if (typeof entry[field] !== 'string' || entry[field] === '') problem(`package #${i + 1} has no \`${field}\` string`, () => lock.where(i));
    }
    if (entry.source !== undefined && typeof entry.source !== 'string') problem(`package #${i + 1}: \`source\` must be a string`, () => lock.where(i));
    const name = typeof entry.name === 'string' ? entry.name : '';
    const v = typeof entry.version === 'string' ? entry.version : '';
    const source = typeof entry.source === 'string' ? entry.source : undefined;
    packages.push(source === undefined ? { name, version: v, deps: [] } : { name, version: v, source, deps: [] });
    let versions = byName.get(name);
    if (!versions) byName.set(name, (versions = new Map()));
    const same = versions.get(v);
    if (!same) versions.set(v, [i]);
    else {
      if (same.some((j) => sourceKey(packages[j]!.source) === sourceKey(source))) {
        problem(`package \`${name} ${v}\`${source ? ` (${source})` : ''} is listed twice`, () => lock.where(i));
      }
      same.push(i);
    }
  });
  if (problems.length) return { ok: false, problems };

  lock.packages.forEach((entry, i) => {
    const deps = entry.dependencies;
    if (deps === undefined) return;
    if (!Array.isArray(deps)) {
      problem(`package \`${packages[i]!.name}\`: \`dependencies\` must be an array of strings`, () => lock.where(i));
      return;
    }
    const own = packages[i]!;
    for (let d = 0; d < deps.length; d++) {
      const spec: unknown = deps[d];
      if (typeof spec !== 'string') {
        problem(`package \`${own.name}\`: dependency #${d + 1} is not a string`, () => lock.where(i, d) ?? lock.where(i));
        continue;
      }
      const found = lookup(byName, packages, spec);
      if (typeof found === 'number') own.deps.push(found);
      else problem(`dependency ${JSON.stringify(spec)} of \`${own.name} ${own.version}\` ${found}`, () => lock.where(i, d) ?? lock.where(i));
    }
  });
  if (problems.length) return { ok: false, problems };

  const cycle = registryCycle(packages);
  if (cycle) {
    const shown = [...cycle, cycle[0]!].map((i) => `${packages[i]!.name} ${packages[i]!.version}`).join(' → ');
    problem(`dependency cycle among registry or git packages, which cargo never writes: ${shown}`, () => lock.where(cycle[0]!));
    return { ok: false, problems };
  }
  return { ok: true, graph: { version, packages, where: (i) => lock.where(i) } };
}

/** Cargo omits a git package's exact commit (`#…`) in dependency strings. */
function sourceKey(source: string | undefined): string {
  if (source === undefined) return '';
  const hash = source.indexOf('#');
  return hash === -1 ? source : source.slice(0, hash);
}

const SPEC = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/;

/** The package a dependency string names, or why it names none. */
function lookup(byName: Map<string, Map<string, number[]>>, packages: LockPackage[], spec: string): number | string {
  // Most strings are a bare name with one package behind it.
  if (spec.indexOf(' ') === -1) {
    const versions = byName.get(spec);
    if (versions?.size === 1) {
      const only = versions.values().next().value!;
      if (only.length === 1) return only[0]!;
    }
  }
  const m = SPEC.exec(spec);
  if (!m) return 'is not `name`, `name version` or `name version (source)`';
  const [, name, version, source] = m as unknown as [string, string, string | undefined, string | undefined];
  const versions = byName.get(name);
  if (!versions) return `names no package: there is no \`${name}\` in the lockfile`;
  let candidates: number[];
  if (version === undefined) {
    if (versions.size > 1) return `is ambiguous: \`${name}\` has ${versions.size} versions (${[...versions.keys()].join(', ')}); write \`${name} VERSION\``;
    candidates = [...versions.values()][0]!;
  } else {
    const same = versions.get(version);
    if (!same) return `names no package: \`${name}\` has no version ${version} (it has ${[...versions.keys()].join(', ')})`;
    candidates = same;
  }
  if (source !== undefined) {
    const match = candidates.find((i) => sourceKey(packages[i]!.source) === sourceKey(source));
    return match ?? `names no package: no \`${name}\` comes from ${source}`;
  }
  if (candidates.length === 1) return candidates[0]!;
  // Path packages have no source to write: cargo picks the one path package.
  const local = candidates.filter((i) => packages[i]!.source === undefined);
  if (local.length === 1) return local[0]!;
  return `is ambiguous: ${candidates.length} packages \`${name} ${packages[candidates[0]!]!.version}\` come from different sources; write \`${name} VERSION (SOURCE)\``;
}

/** A cycle among packages that all have a source (registry or git), as indices, or undefined. */
function registryCycle(packages: readonly LockPackage[]): number[] | undefined {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Uint8Array(packages.length);
  const sourced = (i: number) => packages[i]!.source !== undefined;
  for (let start = 0; start < packages.length; start++) {
    if (colour[start] !== WHITE || !sourced(start)) continue;
    // Iterative depth-first search: a deep graph must not overflow the stack.
    const stack: number[] = [start];
    const next: number[] = [0];
    colour[start] = GREY;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const deps = packages[top]!.deps;
      const k = next[next.length - 1]!;
      if (k >= deps.length) {
        colour[top] = BLACK;
        stack.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const dep = deps[k]!;
      if (!sourced(dep)) continue;
      if (colour[dep] === GREY) return stack.slice(stack.indexOf(dep));
      if (colour[dep] === WHITE) {
        colour[dep] = GREY;
        stack.push(dep);
        next.push(0);
      }
    }
  }
  return undefined;
}
