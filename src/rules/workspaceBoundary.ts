// The manifest checks that need other files than the manifest itself, read
// from the same source (the index in the hook, the tree in an audit): a path
// that stays inside the repository on paper but leaves it through a symbolic
// link, and a member's `x.workspace = true`, which brings in whatever the
// workspace root's `[workspace.dependencies]` entry names.

import { posix } from 'node:path';
import type { DependencyRuleConfig, Finding, Source } from '../types.js';
import { isTomlTable, locateKeyPath, locateValuePath, parseToml, type TomlParseResult } from '../toml/positions.js';
import { decodeUtf8 } from '../source/decode.js';
import { bannedMarker, declaredDependencies, findException, isWrapped, packageName, type DeclaredDependency } from './dependencies.js';

export interface CheckedManifest {
  path: string;
  text: string;
  manifest: Record<string, unknown>;
}

export interface BoundaryVerdict {
  findings: Finding[];
  usedExceptions: Set<string>;
}

/** A parsed manifest that declares a `[workspace]`. */
export interface WorkspaceRoot {
  path: string;
  text: string;
  manifest: Record<string, unknown>;
}

/** Symbolic links followed before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

export async function checkWorkspaceBoundary(source: Source, manifests: readonly CheckedManifest[], rule: DependencyRuleConfig, findRoot = workspaceRootFinder(source)): Promise<BoundaryVerdict> {
  const verdict: BoundaryVerdict = { findings: [], usedExceptions: new Set() };
  for (const m of manifests) {
    const inherited = declaredDependencies(m.manifest).filter((d) => isTomlTable(d.spec) && d.spec['workspace'] === true);
    if (inherited.length) {
      const root = await findRoot(m.path, m.manifest);
      if (root && root.path !== m.path) checkInherited(verdict, m, root, inherited, rule);
    }
    if (rule.forbidEscapingPaths) await checkLinkedPaths(verdict, source, m);
  }
  return verdict;
}

/** Finds (and remembers) the workspace root of a manifest: `package.workspace`, or the nearest ancestor manifest with `[workspace]`. */
export function workspaceRootFinder(source: Source, parse: (text: string) => TomlParseResult = parseToml): (path: string, manifest: Record<string, unknown>) => Promise<WorkspaceRoot | undefined> {
  const read = new Map<string, Promise<WorkspaceRoot | undefined>>();
  const load = (path: string): Promise<WorkspaceRoot | undefined> => {
    let found = read.get(path);
    if (!found) {
      found = source.readFiles([path]).then((files) => {
        const bytes = files.get(path);
        const text = bytes && decodeUtf8(bytes);
        if (text === undefined) return undefined;
        const parsed = parse(text);
        return parsed.ok && isTomlTable(parsed.value['workspace']) ? { path, text, manifest: parsed.value } : undefined;
      });
      read.set(path, found);
    }
    return found;
  };
  return async (path, manifest) => {
    if (isTomlTable(manifest['workspace'])) return { path, text: '', manifest };
    const pkg = manifest['package'];
    const explicit = isTomlTable(pkg) ? pkg['workspace'] : undefined;
    if (typeof explicit === 'string') {
      const dir = posix.normalize(posix.join(posix.dirname(path), explicit.replace(/\\/g, '/')));
      return dir.startsWith('..') || posix.isAbsolute(dir) ? undefined : load(dir === '.' ? 'Cargo.toml' : `${dir}/Cargo.toml`);
    }
    for (let dir = posix.dirname(path); dir !== '.'; ) {
      dir = posix.dirname(dir);
      const root = await load(dir === '.' ? 'Cargo.toml' : `${dir}/Cargo.toml`);
      if (root) return root;
    }
    return undefined;
  };
}

/** The package a root's `[workspace.dependencies]` entry names for `key`, if it has the entry. */
export function inheritedPackage(root: WorkspaceRoot, key: string): string | undefined {
  const ws = root.manifest['workspace'];
  const deps = isTomlTable(ws) ? ws['dependencies'] : undefined;
  if (!isTomlTable(deps) || !(key in deps)) return undefined;
  const entry = deps[key];
  const pkg = isTomlTable(entry) ? entry['package'] : undefined;
  return typeof pkg === 'string' ? pkg : key;
}

function checkInherited(verdict: BoundaryVerdict, m: CheckedManifest, root: WorkspaceRoot, inherited: DeclaredDependency[], rule: DependencyRuleConfig): void {
  const own = packageName(m.manifest);
  const wrapped = new Set((rule.wrappers ?? []).filter((w) => own !== undefined && w.crates.includes(own)).map((w) => w.banned));
  for (const dep of inherited) {
    const pkg = inheritedPackage(root, dep.key);
    // The key itself is the manifest's own check; only a rename adds a name.
    if (pkg === undefined || pkg.toLowerCase() === dep.key.toLowerCase()) continue;
    const marker = bannedMarker(pkg, rule);
    if (marker === undefined || isWrapped(pkg, rule, wrapped)) continue;
    const exception = findException(pkg, rule.allow);
    if (exception) {
      verdict.usedExceptions.add(exception.crate);
      continue;
    }
    const table = dep.tableKeyPath.join('.');
    const position = locateKeyPath(m.text, [...dep.tableKeyPath, dep.key]);
    verdict.findings.push({
      kind: 'banned-dependency',
      message: `Depends on banned crate \`${pkg}\` (matches marker \`${marker}\`) in \`${table}\`: \`${dep.key}.workspace = true\` inherits it from ${root.path}, whose \`[workspace.dependencies]\` renames it to \`${dep.key}\`.`,
      path: m.path,
      ...(position ? { line: position.line, column: position.column } : {}),
      dependency: pkg,
      table,
    });
  }
}

/** Every in-repository path the manifest points at, with where it is written. */
function pathReferences(manifest: Record<string, unknown>): { keyPath: (string | number)[]; target: string; label: string }[] {
  const refs: { keyPath: (string | number)[]; target: string; label: string }[] = [];
  const tables: [string[], unknown][] = [];
  for (const d of declaredDependencies(manifest)) tables.push([[...d.tableKeyPath, d.key], d.spec]);
  const ws = manifest['workspace'];
  if (isTomlTable(ws) && isTomlTable(ws['dependencies'])) for (const [k, v] of Object.entries(ws['dependencies'])) tables.push([['workspace', 'dependencies', k], v]);
  const patch = manifest['patch'];
  if (isTomlTable(patch)) for (const [reg, entries] of Object.entries(patch)) if (isTomlTable(entries)) for (const [k, v] of Object.entries(entries)) tables.push([['patch', reg, k], v]);
  const replace = manifest['replace'];
  if (isTomlTable(replace)) for (const [k, v] of Object.entries(replace)) tables.push([['replace', k], v]);
  for (const [keyPath, spec] of tables) {
    if (isTomlTable(spec) && typeof spec['path'] === 'string') refs.push({ keyPath: [...keyPath, 'path'], target: spec['path'], label: String(keyPath[keyPath.length - 1]) });
  }
  const lib = manifest['lib'];
  if (isTomlTable(lib) && typeof lib['path'] === 'string') refs.push({ keyPath: ['lib', 'path'], target: lib['path'], label: 'lib' });
  for (const kind of ['bin', 'example', 'test', 'bench']) {
    const targets = manifest[kind];
    if (Array.isArray(targets)) targets.forEach((t: unknown, i) => isTomlTable(t) && typeof t['path'] === 'string' && refs.push({ keyPath: [kind, i, 'path'], target: t['path'], label: kind }));
  }
  return refs;
}

async function checkLinkedPaths(verdict: BoundaryVerdict, source: Source, m: CheckedManifest): Promise<void> {
  for (const ref of pathReferences(m.manifest)) {
    const start = posix.normalize(posix.join(posix.dirname(m.path), ref.target.replace(/\\/g, '/')));
    // Absolute and `..` paths are the manifest check's: they escape on paper.
    if (start === '..' || start.startsWith('../') || posix.isAbsolute(ref.target.replace(/\\/g, '/')) || /^[A-Za-z]:/.test(ref.target)) continue;
    const outcome = await followLinks(source, start === '.' ? '' : start);
    if (outcome === undefined) continue;
    const position = locateValuePath(m.text, ref.keyPath);
    verdict.findings.push({
      kind: 'escaping-path-dependency',
      message: `\`${ref.label}\` points at \`${ref.target}\`, which leaves the repository through a symbolic link: ${outcome}.`,
      path: m.path,
      ...(position ? { line: position.line, column: position.column } : {}),
      dependency: ref.label,
      table: ref.keyPath.slice(0, -2).join('.') || ref.label,
    });
  }
}

/**
 * Resolves the symbolic links along a repository path, as git records them
 * (or as they are on disk for the working tree). Returns why it leads out of
 * the repository, or undefined when it stays inside.
 */
export async function followLinks(source: Source, path: string): Promise<string | undefined> {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (current === '') return undefined;
    const parts = current.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    const links = await source.readLinks(prefixes);
    const first = prefixes.find((p) => links.has(p));
    if (first === undefined) return undefined;
    const target = links.get(first)!;
    const rest = parts.slice(first.split('/').length).join('/');
    if (posix.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target)) return `\`${first}\` links to the absolute path \`${target}\``;
    const next = posix.normalize(posix.join(posix.dirname(first), target, rest));
    if (next === '..' || next.startsWith('../')) return `\`${first}\` links to \`${target}\`, which resolves to \`${next}\` from the repository root`;
    current = next === '.' ? '' : next;
  }
  return `more than ${MAX_LINKS} symbolic links from \`${path}\` (a loop)`;
}
