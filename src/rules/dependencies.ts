// The dependency rule, precise form: the manifest is parsed as TOML, every kind
// of dependency table is read, and both the key and the `package` it renames are
// checked against the banned markers.

import { posix } from 'node:path';
import { isTomlTable, locateKeyPath, locateValuePath, parseToml, type TomlParseResult } from '../toml/positions.js';
import type { DependencyException, DependencyRuleConfig, Finding, Position } from '../types.js';
import { CATALOGUE } from '../findings/catalogue.js';

export interface ManifestVerdict {
  findings: Finding[];
  /** The `crate` of every exception that excused a banned name. */
  usedExceptions: Set<string>;
  /** The parsed manifest, when it parsed (the workspace-boundary checks read it again). */
  manifest?: Record<string, unknown>;
}

/** The kinds of dependency a manifest declares; `normal` for `[dependencies]`. */
export type DependencyKind = 'normal' | 'dev' | 'build';

/** One dependency a manifest declares, wherever it is declared. */
export interface DeclaredDependency {
  /** The key it is declared under (the name the code uses). */
  key: string;
  /** The package it names: `package = "…"` or else the key. */
  package: string;
  kind: DependencyKind;
  /** Key path of its table, e.g. ['target', 'cfg(unix)', 'dependencies']. */
  tableKeyPath: string[];
  spec: unknown;
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

/** `parse` is parseToml, or the cache of manifests already parsed (toml/cache.ts). */
export function checkManifest(path: string, text: string, rule: DependencyRuleConfig, parse: (text: string) => TomlParseResult = parseToml): ManifestVerdict {
  const verdict: ManifestVerdict = { findings: [], usedExceptions: new Set() };
  const parsed = parse(text);
  if (!parsed.ok) {
    verdict.findings.push(invalidManifest(path, parsed.message, parsed.position));
    return verdict;
  }
  verdict.manifest = parsed.value;
  const wrapped = wrappedMarkers(parsed.value, rule);
  for (const table of dependencyTables(parsed.value)) {
    for (const [key, spec] of Object.entries(table.entries)) {
      const entry: EntryContext = { path, text, rule, table, key, spec };
      checkNames(verdict, entry, wrapped);
      if (rule.forbidEscapingPaths) checkPathDependency(verdict, entry);
    }
  }
  if (rule.forbidEscapingPaths) {
    for (const table of sourceOverrideTables(parsed.value)) {
      for (const [key, spec] of Object.entries(table.entries)) checkPathDependency(verdict, { path, text, rule, table, key, spec });
    }
    checkTargetPaths(verdict, path, text, parsed.value);
  }
  verdict.findings.sort(byPosition);
  return verdict;
}

/** Every dependency the manifest declares, in the order of its tables (`[workspace.dependencies]` is not a declaration). */
export function declaredDependencies(manifest: Record<string, unknown>): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  for (const table of dependencyTables(manifest)) {
    const last = table.keyPath[table.keyPath.length - 1]!;
    if (table.keyPath[0] === 'workspace') continue;
    const kind: DependencyKind = last.startsWith('dev') ? 'dev' : last.startsWith('build') ? 'build' : 'normal';
    for (const [key, spec] of Object.entries(table.entries)) {
      const pkg = isTomlTable(spec) ? spec['package'] : undefined;
      out.push({ key, package: typeof pkg === 'string' ? pkg : key, kind, tableKeyPath: table.keyPath, spec });
    }
  }
  return out;
}

/** The `[package] name` of a parsed manifest, if it has one. */
export function packageName(manifest: Record<string, unknown>): string | undefined {
  const pkg = manifest['package'];
  const name = isTomlTable(pkg) ? pkg['name'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The markers this manifest's own crate is a listed wrapper of: it may depend
 * on what they ban directly (cargo-deny's `wrappers`).
 */
function wrappedMarkers(manifest: Record<string, unknown>, rule: DependencyRuleConfig): Set<string> {
  const own = packageName(manifest);
  const markers = new Set<string>();
  if (own === undefined) return markers;
  for (const w of rule.wrappers ?? []) if (w.crates.includes(own)) markers.add(w.banned);
  return markers;
}

/** `[patch.<source>]` and `[replace]`: they swap in other code for a dependency, so their paths lead somewhere too. */
function sourceOverrideTables(manifest: Record<string, unknown>): DependencyTable[] {
  const tables: DependencyTable[] = [];
  const patch = manifest['patch'];
  if (isTomlTable(patch)) {
    for (const [registry, entries] of Object.entries(patch)) {
      if (isTomlTable(entries)) tables.push({ keyPath: ['patch', registry], entries });
    }
  }
  const replace = manifest['replace'];
  if (isTomlTable(replace)) tables.push({ keyPath: ['replace'], entries: replace });
  return tables;
}

/** Target tables whose `path` names the crate's own source: `[lib]`, `[[bin]]`, `[[example]]`, `[[test]]`, `[[bench]]`, and `package.build`. */
function checkTargetPaths(verdict: ManifestVerdict, path: string, text: string, manifest: Record<string, unknown>): void {
  const report = (keyPath: (string | number)[], label: string, target: string): void => {
    const escape = describeEscape(path, target);
    if (escape === undefined) return;
    verdict.findings.push({
      kind: 'escaping-path-dependency',
      message: `\`${label}\` builds code from outside the repository: ${escape}.`,
      path,
      ...at(locateValuePath(text, keyPath)),
      table: label,
    });
  };
  const lib = manifest['lib'];
  if (isTomlTable(lib) && typeof lib['path'] === 'string') report(['lib', 'path'], 'lib', lib['path']);
  for (const kind of ['bin', 'example', 'test', 'bench']) {
    const targets = manifest[kind];
    if (!Array.isArray(targets)) continue;
    targets.forEach((t: unknown, i) => {
      if (isTomlTable(t) && typeof t['path'] === 'string') report([kind, i, 'path'], typeof t['name'] === 'string' ? `${kind} ${t['name']}` : kind, t['path']);
    });
  }
  const pkg = manifest['package'];
  if (isTomlTable(pkg) && typeof pkg['build'] === 'string') report(['package', 'build'], 'package.build', pkg['build']);
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

function checkNames(verdict: ManifestVerdict, entry: EntryContext, wrapped: ReadonlySet<string>): void {
  for (const candidate of dependencyNames(entry.key, entry.spec)) {
    const marker = bannedMarker(candidate.name, entry.rule);
    if (marker === undefined) continue;
    // A listed wrapper may depend directly on what the marker bans; the
    // workspace table declares for every member, so it gets no such pass.
    if (entry.table.keyPath[0] !== 'workspace' && isWrapped(candidate.name, entry.rule, wrapped)) continue;
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

/** The first banned marker `name` carries (case-insensitively); exceptions are the caller's. */
export function bannedMarker(name: string, rule: DependencyRuleConfig): string | undefined {
  const lowered = name.toLowerCase();
  return rule.banned.find((m) => markerMatches(lowered, m.toLowerCase()));
}

/** Whether every marker that bans `name` is one the depending crate wraps. */
export function isWrapped(name: string, rule: DependencyRuleConfig, wrapped: ReadonlySet<string>): boolean {
  if (wrapped.size === 0) return false;
  const lowered = name.toLowerCase();
  return rule.banned.every((m) => !markerMatches(lowered, m.toLowerCase()) || wrapped.has(m));
}

function checkPathDependency(verdict: ManifestVerdict, entry: EntryContext): void {
  if (!isTomlTable(entry.spec)) return;
  const table = tableLabel(entry.table);
  for (const field of ['path', 'git'] as const) {
    const value = entry.spec[field];
    if (typeof value !== 'string') continue;
    const target = field === 'path' ? value : fileUrlPath(value);
    if (target === undefined) continue;
    const escape = describeEscape(entry.path, target);
    if (escape === undefined) continue;
    verdict.findings.push({
      kind: 'escaping-path-dependency',
      message: CATALOGUE['escaping-path-dependency'].message(entry.key, table, escape, field === 'git'),
      path: entry.path,
      ...at(locateValuePath(entry.text, [...entry.table.keyPath, entry.key, field])),
      dependency: entry.key,
      table,
    });
  }
}

/**
 * The path a `git = "file:…"` URL names (`file:///abs`, `file://localhost/abs`,
 * `file:rel`), or undefined for any other URL. Percent escapes are decoded.
 */
export function fileUrlPath(url: string): string | undefined {
  const m = /^(?:git\+)?file:(.*)$/i.exec(url.trim());
  if (!m) return undefined;
  let rest = m[1]!.replace(/[?#].*$/, '');
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    // `file://host/path`: the path is absolute whatever the host.
    rest = slash === -1 ? '/' : rest.slice(slash);
  }
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
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

export function findException(name: string, allow: readonly DependencyException[]): DependencyException | undefined {
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
