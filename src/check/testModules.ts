// Out-of-line test modules: `src/net/tests.rs` is test code when a parent
// declares `#[cfg(test)] mod tests;` (or when the parent is itself test code).
// Only files that have hits need this answer, so it is computed on demand.

import type { ModuleDecl } from '../rust/index.js';
import { childModuleCandidates, parentModuleCandidates, type RustJudge } from '../rust/index.js';
import type { MatcherName, Source } from '../types.js';
import { analyzeSource } from '../rules/bannedApi.js';
import { decodeUtf8 } from './fileOutcome.js';

export interface Declaration {
  declarer: string;
  decl: ModuleDecl;
}

/** Module facts about one file, as far as the resolver needs them. */
export interface ModuleFacts {
  testOnlyFile: boolean;
  moduleDecls: readonly ModuleDecl[];
}

/** Finds the declarations that may name `path` as their module file. */
export type DeclarerLookup = (path: string) => Promise<Declaration[]>;

/**
 * Why `path` is test code, or undefined when it is production code. Follows
 * non-test declarations upward, because a module declared inside a test
 * module is test code too.
 */
export async function testModuleReason(path: string, lookup: DeclarerLookup, facts: (path: string) => Promise<ModuleFacts | undefined>, seen = new Set<string>()): Promise<string | undefined> {
  if (seen.has(path)) return undefined;
  seen.add(path);
  for (const { declarer, decl } of await lookup(path)) {
    const where = `${declarer}:${decl.line}`;
    if (decl.testOnly) return `declared as a test module by \`#[cfg(test)] mod ${decl.name};\` at ${where}`;
    const parentFacts = await facts(declarer);
    if (parentFacts?.testOnlyFile) return `its parent module ${declarer} is test-only (\`#![cfg(test)]\`)`;
    const upward = await testModuleReason(declarer, lookup, facts, seen);
    if (upward) return `its parent module ${declarer} is test code: ${upward}`;
  }
  return undefined;
}

/**
 * A lookup over facts already known for a whole tree (the full audit). A
 * module's file is named after it (`x.rs`, `x/mod.rs`) unless `#[path]` says
 * otherwise, so declarations are indexed by name, and only those with a
 * `#[path]` by the files they name. Candidate paths are worked out for the
 * few files asked about, not for every declaration of the tree.
 */
export function treeLookup(facts: ReadonlyMap<string, ModuleFacts>): DeclarerLookup {
  const byName = new Map<string, Array<Declaration & { seq: number }>>();
  const withPath: Array<Declaration & { seq: number }> = [];
  let seq = 0;
  for (const [declarer, f] of facts) {
    for (const decl of f.moduleDecls) {
      const entry = { declarer, decl, seq: seq++ };
      if (decl.pathAttr !== undefined) withPath.push(entry);
      else append(byName, decl.name, entry);
    }
  }
  let byPathAttr: Map<string, Array<Declaration & { seq: number }>> | undefined;
  return async (path) => {
    if (byPathAttr === undefined) {
      byPathAttr = new Map();
      for (const entry of withPath) {
        for (const child of childModuleCandidates(entry.declarer, entry.decl)) append(byPathAttr, child, entry);
      }
    }
    const named = moduleNamesOf(path).flatMap((name) => byName.get(name) ?? []).filter((e) => childModuleCandidates(e.declarer, e.decl).includes(path));
    // In declaration order, as a scan of every declaration would list them.
    return [...named, ...(byPathAttr.get(path) ?? [])].sort((a, b) => a.seq - b.seq).map(({ declarer, decl }) => ({ declarer, decl }));
  };
}

/** Adds to a list in a map; many declarations share a name (`tests`), so no copying. */
function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The modules a file could hold by its name alone: `x` for `…/x.rs` and `…/x/mod.rs` (and `r#mod` for `mod.rs`). */
function moduleNamesOf(path: string): string[] {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  const own = base.endsWith('.rs') ? base.slice(0, -3) : base;
  const dir = parts.length > 1 ? parts[parts.length - 2]! : undefined;
  return base === 'mod.rs' && dir !== undefined && dir !== own ? [dir, own] : [own];
}

/** A lookup that reads the conventional parent files on demand (the staged check). */
export function parentLookup(facts: (path: string) => Promise<ModuleFacts | undefined>): DeclarerLookup {
  return async (path) => {
    const found: Declaration[] = [];
    const parents = parentModuleCandidates(path);
    // Asked together, so the reads share one round trip to git.
    const parentFacts = await Promise.all(parents.map(facts));
    parents.forEach((parent, i) => {
      for (const decl of parentFacts[i]?.moduleDecls ?? []) {
        if (childModuleCandidates(parent, decl).includes(path)) found.push({ declarer: parent, decl });
      }
    });
    return found;
  };
}

/** Reads the module facts of files outside the scan (parents of a checked file), each once. */
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
