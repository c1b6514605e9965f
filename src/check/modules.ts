// One module resolution for every run (the staged check, the audit, named
// files, `--since`, `explain`), as docs/architecture.md states it:
//
// - a declaration reaches files: `mod x;` its conventional files (`x.rs`,
//   `x/mod.rs`), `#[path = "…"]` the file it names, each
//   `#[cfg_attr(…, path = "…")]` the file it names too, and `include!("…")`
//   the file it names (relative to the including file);
// - the declaring files are the Rust files in scope and, transitively, the
//   files `#[path]`/`include!` reach (read as Rust wherever they are);
// - a file is test code only if it is reached, and every declaration that
//   reaches it is test code (carries a test-only cfg, sits in test code, or
//   is in a file that is itself test code); a file reached by none is
//   production code, as a crate root is;
// - a `#[path]`/`include!` outside the repository is reported on its own.
//
// The audit knows every declaring file. A run over a few files finds the
// declarations that reach a file from its conventional parents and, only
// when a verdict depends on it, from every file that may spell a `#[path]`
// or an `include!` (DeclarerSearch): the same answer, read on demand.

import { childModuleCandidates, isCrateRoot, normalizePath, parentModuleCandidates, type IncludeRef, type ModuleDecl, type RustJudge } from '../rust/index.js';
import type { MatcherName, Source } from '../types.js';
import { analyzeSource } from '../rules/bannedApi.js';
import { decodeUtf8 } from '../source/decode.js';

/** Module facts about one file, as far as the resolution needs them. */
export interface ModuleFacts {
  testOnlyFile: boolean;
  moduleDecls: readonly ModuleDecl[];
  includes: readonly IncludeRef[];
}

/** How a declaration names its file. */
export type ReachKind = 'mod' | 'path' | 'include';

/** One declaration in `declarer` that may name `target` as its file. */
export interface Reach {
  declarer: string;
  /** Repo-relative and normal; starts with `../` or `/` when it leaves the repository. */
  target: string;
  kind: ReachKind;
  testOnly: boolean;
  line: number;
  column: number;
  /** The declaration as a reader would recognise it (made on demand: only messages show it, and a tree has thousands). */
  written(): string;
}

/** Whether a resolved target lies outside the repository. */
export function escapesRepository(target: string): boolean {
  return target.startsWith('/') || target === '..' || target.startsWith('../');
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function joinPath(dir: string, rel: string): string {
  return normalizePath(rel.startsWith('/') || dir === '' ? rel : `${dir}/${rel}`);
}

/**
 * The plain `mod name;` declarations of `declarer` that can name `path`: what
 * reachesFrom gives of kind 'mod' with that target. A declaration whose name
 * `path` does not contain cannot name it (its candidates end in `name.rs` or
 * `name/mod.rs`), so a parent with many modules is not expanded whole.
 */
function modReachesTo(path: string, declarer: string, facts: ModuleFacts): Reach[] {
  const found: Reach[] = [];
  for (const decl of facts.moduleDecls) {
    if (decl.pathAttr !== undefined || !path.includes(decl.name)) continue;
    for (const r of reachesFrom(declarer, { testOnlyFile: facts.testOnlyFile, moduleDecls: [decl], includes: [] })) if (r.kind === 'mod' && r.target === path) found.push(r);
  }
  return found;
}

/** Every file each declaration and `include!` of `declarer` can name. */
export function reachesFrom(declarer: string, facts: ModuleFacts): Reach[] {
  const out: Reach[] = [];
  for (const decl of facts.moduleDecls) {
    const base = { declarer, testOnly: decl.testOnly, line: decl.line, column: decl.column };
    const kind: ReachKind = decl.pathAttr !== undefined ? 'path' : 'mod';
    // As a reader would spell it: test-only declarations as `#[cfg(test)]` ones.
    const cfg = decl.testOnly ? '#[cfg(test)] ' : '';
    const written = () => (decl.pathAttr !== undefined ? `${cfg}#[path = ${JSON.stringify(decl.pathAttr)}] mod ${decl.name};` : `${cfg}mod ${decl.name};`);
    for (const target of childModuleCandidates(declarer, decl)) out.push({ ...base, target, kind, written });
    for (const alt of decl.cfgAttrPaths ?? []) {
      for (const target of childModuleCandidates(declarer, { ...decl, pathAttr: alt })) {
        out.push({ ...base, target, kind: 'path', written: () => `${cfg}#[cfg_attr(…, path = ${JSON.stringify(alt)})] mod ${decl.name};` });
      }
    }
  }
  for (const inc of facts.includes) {
    out.push({ declarer, target: joinPath(dirOf(declarer), inc.target), kind: 'include', testOnly: inc.testOnly, line: inc.line, column: inc.column, written: () => `include!(${JSON.stringify(inc.target)})` });
  }
  return out;
}

/**
 * What the resolution can ask about the repository. The declarations that
 * may name a file come in two steps, the cheap one first: a production
 * declaration among them settles the verdict without the second.
 */
export interface ModuleGraph {
  /** Declarations that may name `path`, found cheaply (its conventional parents). */
  nearReachesOf(path: string): Promise<Reach[]>;
  /** The other declarations that may name `path` (none of those nearReachesOf gave). */
  farReachesOf(path: string): Promise<Reach[]>;
  factsOf(path: string): Promise<ModuleFacts | undefined>;
}

/**
 * Why `path` is test code, or undefined when it is production code: it is
 * test code only when declarations reach it and every one of them is test
 * code. A crate root is production code whatever else names it, and a cycle
 * of declarations proves nothing, so it counts as production too.
 */
export function testCodeResolver(graph: ModuleGraph): (path: string) => Promise<string | undefined> {
  const known = new Map<string, Promise<string | undefined>>();
  const resolving = new Set<string>();
  const reasonOf = (path: string): Promise<string | undefined> => {
    if (resolving.has(path)) return Promise.resolve(undefined);
    let reason = known.get(path);
    if (reason === undefined) {
      resolving.add(path);
      reason = resolve(path).finally(() => resolving.delete(path));
      known.set(path, reason);
    }
    return reason;
  };
  const resolve = async (path: string): Promise<string | undefined> => {
    if (isCrateRoot(path)) return undefined;
    let first: string | undefined;
    let count = 0;
    for (const step of [graph.nearReachesOf, graph.farReachesOf]) {
      for (const r of await step(path)) {
        const why = await whyTest(r);
        if (why === undefined) return undefined;
        first ??= why;
        count++;
      }
    }
    return count <= 1 ? first : `each of the ${count} declarations that reach it is test code, e.g. ${first}`;
  };
  const whyTest = async (r: Reach): Promise<string | undefined> => {
    const where = `${r.declarer}:${r.line}`;
    if (r.testOnly) return r.kind === 'include' ? `included by \`${r.written()}\` in test code at ${where}` : `declared as a test module by \`${r.written()}\` at ${where}`;
    if ((await graph.factsOf(r.declarer))?.testOnlyFile) return `its parent module ${r.declarer} is test-only (\`#![cfg(test)]\`)`;
    const upward = await reasonOf(r.declarer);
    return upward === undefined ? undefined : `its parent module ${r.declarer} is test code: ${upward}`;
  };
  return reasonOf;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A graph over the facts of every declaring file (the audit). */
export function treeGraph(facts: ReadonlyMap<string, ModuleFacts>): ModuleGraph {
  const byTarget = new Map<string, Reach[]>();
  for (const [declarer, f] of facts) for (const r of reachesFrom(declarer, f)) append(byTarget, r.target, r);
  return {
    nearReachesOf: async (path) => byTarget.get(path) ?? [],
    farReachesOf: async () => [],
    factsOf: async (path) => facts.get(path),
  };
}

/** Finds the files that may declare a `#[path]` or an `include!` (they must spell `path` or `include`). */
export type DeclarerSearch = () => Promise<ReadonlySet<string>>;

/**
 * A graph read on demand (a run over some files): conventional parents are
 * read when asked about; `#[path]`, `cfg_attr` paths and `include!`s, which
 * may name any file from anywhere, are collected from the files `search`
 * finds, and only the first time a verdict needs them. `declares(path)` says
 * whether a file is a declaring file by scope (a Rust file in scope); the
 * files `#[path]`/`include!` reach declare too.
 */
export function partialGraph(factsOf: (path: string) => Promise<ModuleFacts | undefined>, declares: (path: string) => boolean, search: DeclarerSearch): ModuleGraph & { reachedByPath(path: string): Promise<boolean> } {
  let farReaches: Promise<{ byTarget: Map<string, Reach[]>; reached: Set<string> }> | undefined;
  const collectFar = async () => {
    const candidates = await search();
    const byTarget = new Map<string, Reach[]>();
    const reached = new Set<string>();
    const queue = [...candidates].filter(declares);
    const done = new Set(queue);
    while (queue.length > 0) {
      const batch = queue.splice(0);
      const facts = await Promise.all(batch.map(factsOf));
      batch.forEach((declarer, i) => {
        for (const r of reachesFrom(declarer, facts[i] ?? { testOnlyFile: false, moduleDecls: [], includes: [] })) {
          if (r.kind === 'mod') continue; // found through the target's conventional parents
          append(byTarget, r.target, r);
          reached.add(r.target);
          if (candidates.has(r.target) && !done.has(r.target)) {
            done.add(r.target);
            queue.push(r.target);
          }
        }
      });
    }
    return { byTarget, reached };
  };
  const far = () => (farReaches ??= collectFar());
  const conventional = async (path: string, parents: string[]): Promise<Reach[]> => {
    // Asked together, so the reads share one round trip to git.
    const parentFacts = await Promise.all(parents.map(factsOf));
    const found: Reach[] = [];
    parents.forEach((parent, i) => {
      const f = parentFacts[i];
      if (f) found.push(...modReachesTo(path, parent, f));
    });
    return found;
  };
  return {
    factsOf,
    reachedByPath: async (path) => (await far()).reached.has(path),
    nearReachesOf: (path) => conventional(path, parentModuleCandidates(path).filter(declares)),
    async farReachesOf(path) {
      const { byTarget, reached } = await far();
      // Parents out of scope declare too when a `#[path]` or `include!` reaches them.
      const more = await conventional(path, parentModuleCandidates(path).filter((p) => !declares(p) && reached.has(p)));
      return [...more, ...(byTarget.get(path) ?? [])];
    },
  };
}

/** Reads the module facts of files (parents of a checked file, declarers), each once. */
export function moduleFactsReader(source: Source, matcher: MatcherName, judge: RustJudge): (path: string) => Promise<ModuleFacts | undefined> {
  const cache = new Map<string, Promise<ModuleFacts | undefined>>();
  return (path) => {
    let facts = cache.get(path);
    if (!facts) {
      facts = source.readFiles([path]).then((m) => {
        const bytes = m.get(path);
        const text = bytes && decodeUtf8(bytes);
        return text === undefined ? undefined : analyzeSource(text, [], matcher, judge);
      });
      cache.set(path, facts);
    }
    return facts;
  };
}
