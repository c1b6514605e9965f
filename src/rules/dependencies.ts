// The dependency rule, precise form: the manifest is parsed as TOML, every kind
// of dependency table is read, and both the key and the `package` it renames are
// checked against the banned markers.

import { posix } from 'node:path';
import { isTomlTable, locateKeyPath, locateValuePath, parseToml } from '../toml/positions.js';
import type { DependencyException, DependencyRuleConfig, Finding, Position } from '../types.js';
import { CATALOGUE } from '../findings/catalogue.js';

export interface ManifestVerdict {
  findings: Finding[];
  /** The `crate` of every exception that excused a banned name. */
  usedExceptions: Set<string>;
}

/** Cargo still accepts the underscore spellings, with a warning. */
const DEPENDENCY_TABLE_KINDS = [
  'dependencies',
  'dev-dependencies',
  'build-dependencies',
  'dev_dependencies',
  'build_dependencies',
] as const;

/** One dependency table of a manifest, wherever it sits. */
interface DependencyTable {
  /** Key path of the table in the document, e.g. ['target', 'cfg(unix)', 'dependencies']. */
  keyPath: string[];
  entries: Record<string, unknown>;
}

/** One crate name a dependency entry brings in: its key, or the package it renames. */
interface DependencyName {
  name: string;
  /** Set when the name came from `package = "…"`: the key it is renamed to. */
  renamedTo?: string;
  /** Set when the name is the key and it renames another package. */
  renames?: string;
}

export function checkManifest(path: string, text: string, rule: DependencyRuleConfig): ManifestVerdict {
  const verdict: ManifestVerdict = { findings: [], usedExceptions: new Set() };
  const parsed = parseToml(text);
  if (!parsed.ok) {
    verdict.findings.push(invalidManifest(path, parsed.message, parsed.position));
    return verdict;
  }
  for (const table of dependencyTables(parsed.value)) {
    for (const [key, spec] of Object.entries(table.entries)) {
      const entry: EntryContext = { path, text, rule, table, key, spec };
      checkNames(verdict, entry);
      if (rule.forbidEscapingPaths) checkPathDependency(verdict, entry);
    }
  }
  verdict.findings.sort(byPosition);
  return verdict;
}

/** What the checks of one dependency entry need to know. */
interface EntryContext {
  path: string;
  text: string;
  rule: DependencyRuleConfig;
  table: DependencyTable;
  key: string;
  spec: unknown;
}

function dependencyTables(manifest: Record<string, unknown>): DependencyTable[] {
  const tables: DependencyTable[] = [];
  collectKinds(tables, manifest, []);
  const target = manifest['target'];
  if (isTomlTable(target)) {
    for (const [cfg, platform] of Object.entries(target)) {
      if (isTomlTable(platform)) collectKinds(tables, platform, ['target', cfg]);
    }
  }
  const workspace = manifest['workspace'];
  if (isTomlTable(workspace) && isTomlTable(workspace['dependencies'])) {
    tables.push({ keyPath: ['workspace', 'dependencies'], entries: workspace['dependencies'] });
  }
  return tables;
}

function collectKinds(tables: DependencyTable[], parent: Record<string, unknown>, parentPath: string[]): void {
  for (const kind of DEPENDENCY_TABLE_KINDS) {
    const entries = parent[kind];
    if (isTomlTable(entries)) tables.push({ keyPath: [...parentPath, kind], entries });
  }
}

/** The names an entry brings in; versions, features, git URLs and paths are not names. */
function dependencyNames(key: string, spec: unknown): DependencyName[] {
  const pkg = isTomlTable(spec) ? spec['package'] : undefined;
  if (typeof pkg !== 'string' || pkg.toLowerCase() === key.toLowerCase()) return [{ name: key }];
  return [
    { name: key, renames: pkg },
    { name: pkg, renamedTo: key },
  ];
}

function checkNames(verdict: ManifestVerdict, entry: EntryContext): void {
  for (const candidate of dependencyNames(entry.key, entry.spec)) {
    const lowered = candidate.name.toLowerCase();
    const marker = entry.rule.banned.find((m) => markerMatches(lowered, m.toLowerCase()));
    if (marker === undefined) continue;
    const exception = findException(candidate.name, entry.rule.allow);
    if (exception) {
      verdict.usedExceptions.add(exception.crate);
      continue;
    }
    verdict.findings.push(bannedDependency(entry, candidate, marker));
  }
}

function bannedDependency(entry: EntryContext, candidate: DependencyName, marker: string): Finding {
  const table = tableLabel(entry.table);
  return {
    kind: 'banned-dependency',
    message: CATALOGUE['banned-dependency'].message({ name: candidate.name, marker, table, renamedTo: candidate.renamedTo, renames: candidate.renames }),
    path: entry.path,
    ...at(locateKeyPath(entry.text, [...entry.table.keyPath, entry.key])),
    dependency: candidate.name,
    table,
  };
}

function checkPathDependency(verdict: ManifestVerdict, entry: EntryContext): void {
  if (!isTomlTable(entry.spec)) return;
  const target = entry.spec['path'];
  if (typeof target !== 'string') return;
  const escape = describeEscape(entry.path, target);
  if (escape === undefined) return;
  const table = tableLabel(entry.table);
  verdict.findings.push({
    kind: 'escaping-path-dependency',
    message: CATALOGUE['escaping-path-dependency'].message(entry.key, table, escape),
    path: entry.path,
    ...at(locateValuePath(entry.text, [...entry.table.keyPath, entry.key, 'path'])),
    dependency: entry.key,
    table,
  });
}

/**
 * Why `target`, relative to the manifest's directory, leaves the repository, or
 * undefined when it stays inside. Backslashes are read as separators: a Windows
 * user's `..\\..\\x` escapes just the same.
 */
export function describeEscape(manifestPath: string, target: string): string | undefined {
  const slashed = target.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return `\`${target}\` is an absolute path`;
  const resolved = posix.normalize(posix.join(posix.dirname(manifestPath), slashed));
  if (resolved !== '..' && !resolved.startsWith('../')) return undefined;
  return `\`${target}\` resolves to \`${resolved}\` from the repository root`;
}

/**
 * Whether a lowercase crate name carries a lowercase marker: as a substring, or,
 * when the marker has `*` or `?`, as a glob over the whole name.
 */
export function markerMatches(name: string, marker: string): boolean {
  if (!/[*?]/.test(marker)) return name.includes(marker);
  return globPattern(marker).test(name);
}

const globCache = new Map<string, RegExp>();

function globPattern(marker: string): RegExp {
  let pattern = globCache.get(marker);
  if (!pattern) {
    const body = [...marker]
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')))
      .join('');
    // `u`: `?` is one character even outside the BMP; `s`: `*` spans anything.
    pattern = new RegExp(`^${body}$`, 'su');
    globCache.set(marker, pattern);
  }
  return pattern;
}

function findException(name: string, allow: readonly DependencyException[]): DependencyException | undefined {
  const lowered = name.toLowerCase();
  return allow.find((e) => e.crate.toLowerCase() === lowered);
}

function invalidManifest(path: string, parserMessage: string, position: Position | undefined): Finding {
  return {
    kind: 'invalid-file',
    message: CATALOGUE['invalid-file'].message({ toml: parserMessage }),
    path,
    ...at(position),
  };
}

/** The table as a reader would name it: 'dependencies', 'target.cfg(unix).dependencies'. */
function tableLabel(table: DependencyTable): string {
  return table.keyPath.join('.');
}

function at(position: Position | undefined): { line?: number; column?: number } {
  return position ? { line: position.line, column: position.column } : {};
}

function byPosition(a: Finding, b: Finding): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? Infinity) - (b.column ?? Infinity);
}
