// Reads the text of a `Cargo.lock` into its packages, as written: names,
// versions, sources and dependency strings, with where each one is written.
//
// Cargo writes lockfiles in one fixed layout, and a general TOML parser is far
// too slow for them (the `toml` package takes ~0.4 s on a 1,000-package
// lockfile, against a pre-commit budget of tens of milliseconds). So the
// layout cargo writes is scanned line by line; any line outside that subset of
// TOML (a hand edit: inline tables, escapes, dotted keys, unknown sections)
// sends the whole file to the TOML parser, which also gives syntax errors
// their line and column. Both readers give the same `LockfileText`; a test
// holds them to it.

import { locateKeyPath, locateValuePath, parseToml, isTomlTable } from '../toml/positions.js';
import type { Position } from '../types.js';

export interface LockEntry {
  name: unknown;
  version: unknown;
  source: unknown;
  /** `dependencies = [...]` as written; undefined when absent. */
  dependencies: unknown;
}

export interface LockfileText {
  /** The top-level `version`, as written (undefined when absent). */
  version: unknown;
  packages: LockEntry[];
  /** Where package `i` (with `dep`, its dependency string `dep`) is written; computed on demand. */
  where(i: number, dep?: number): Position | undefined;
  /** Where the top-level `version` is written. */
  versionAt(): Position | undefined;
}

export type LockfileRead = { ok: true; lock: LockfileText } | { ok: false; message: string; position?: Position };

export function readLockfile(text: string): LockfileRead {
  return scanCargoLayout(text) ?? readWithToml(text);
}

/** The general path: any valid TOML (exported so a test can hold the two readers to one answer). */
export function readWithToml(text: string): LockfileRead {
  const parsed = parseToml(text);
  if (!parsed.ok) return parsed.position ? { ok: false, message: parsed.message, position: parsed.position } : { ok: false, message: parsed.message };
  const doc = parsed.value;
  const list = doc['package'];
  if (list !== undefined && !(Array.isArray(list) && list.every(isTomlTable))) {
    const position = locateKeyPath(text, ['package']);
    return { ok: false, message: '`package` must be an array of tables ([[package]])', ...(position ? { position } : {}) };
  }
  const packages = (list ?? []).map((p: Record<string, unknown>) => ({ name: p['name'], version: p['version'], source: p['source'], dependencies: p['dependencies'] }));
  return {
    ok: true,
    lock: {
      version: doc['version'],
      packages,
      where: (i, dep) => (dep === undefined ? locateKeyPath(text, ['package', i]) : locateValuePath(text, ['package', i, 'dependencies', dep])),
      versionAt: () => locateValuePath(text, ['version']),
    },
  };
}

const HEADER = /^\[\[\s*(package|patch\s*\.\s*unused)\s*\]\]\s*(?:#.*)?$/;
const KEY = /^([A-Za-z0-9_-]+)\s*=\s*/;
const BASIC = /^"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"/;
const LITERAL = /^'([^'\x00-\x08\x0a-\x1f\x7f]*)'/;
const INTEGER = /^(0|[1-9][0-9]{0,8})(?![0-9_.eExob:-])/;
const REST = /^\s*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?$/;
const PACKAGE_KEYS = new Set(['name', 'version', 'source', 'checksum', 'dependencies', 'replace']);

/**
 * The layout cargo writes: comments, `version = N`, `[[package]]` (and
 * `[[patch.unused]]`) tables of string keys and string arrays. Returns
 * undefined at the first thing outside it.
 */
function scanCargoLayout(text: string): LockfileRead | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const lines = text.split('\n');
  const packages: LockEntry[] = [];
  const headers: Position[] = [];
  const depPositions: Position[][] = [];
  let version: unknown;
  let versionAt: Position | undefined;
  /** The table keys are going to: undefined at top level; 'skip' for [[patch.unused]]. */
  let current: (LockEntry & { seen: Set<string> }) | 'skip' | undefined;
  let skipSeen = new Set<string>();
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (/[\x00-\x08\x0a-\x1f\x7f]/.test(trimmed)) return undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (trimmed.startsWith('[')) {
      const header = HEADER.exec(trimmed);
      if (!header) return undefined;
      if (header[1] === 'package') {
        current = { name: undefined, version: undefined, source: undefined, dependencies: undefined, seen: new Set() };
        packages.push(current);
        headers.push({ line: n + 1, column: indent + 1 });
        depPositions.push([]);
      } else {
        current = 'skip';
        skipSeen = new Set();
      }
      continue;
    }
    const key = KEY.exec(trimmed);
    if (!key) return undefined;
    const name = key[1]!;
    let rest = trimmed.slice(key[0].length);
    const seen = current === undefined ? undefined : current === 'skip' ? skipSeen : current.seen;
    if (current === undefined) {
      if (name !== 'version' || version !== undefined) return undefined;
      const int = INTEGER.exec(rest);
      const str = int ? undefined : stringAt(rest);
      if (!int && str === undefined) return undefined;
      if (!REST.test(rest.slice(int ? int[0].length : str!.length + 2))) return undefined;
      version = int ? Number(int[1]) : str;
      versionAt = { line: n + 1, column: indent + key[0].length + 1 };
      continue;
    }
    if (!PACKAGE_KEYS.has(name) || seen!.has(name)) return undefined;
    seen!.add(name);
    if (name !== 'dependencies') {
      const value = stringAt(rest);
      if (value === undefined || !REST.test(rest.slice(value.length + 2))) return undefined;
      if (current !== 'skip' && (name === 'name' || name === 'version' || name === 'source')) current[name] = value;
      continue;
    }
    // An array of strings, on one line or several.
    if (!rest.startsWith('[')) return undefined;
    const items: string[] = [];
    const positions: Position[] = [];
    let column = indent + key[0].length + 2;
    rest = rest.slice(1);
    let closed = false;
    let expectComma = false;
    for (;;) {
      const before = rest.length;
      rest = rest.trimStart();
      column += before - rest.length;
      if (rest === '' || rest.startsWith('#')) {
        if (!REST.test(rest)) return undefined;
        n++;
        if (n >= lines.length) return undefined;
        rest = lines[n]!.endsWith('\r') ? lines[n]!.slice(0, -1) : lines[n]!;
        column = 1;
        continue;
      }
      if (rest.startsWith(']')) {
        closed = true;
        rest = rest.slice(1);
        break;
      }
      if (expectComma) {
        if (!rest.startsWith(',')) return undefined;
        rest = rest.slice(1);
        column++;
        expectComma = false;
        continue;
      }
      const value = stringAt(rest);
      if (value === undefined) return undefined;
      items.push(value);
      positions.push({ line: n + 1, column });
      rest = rest.slice(value.length + 2);
      column += value.length + 2;
      expectComma = true;
    }
    if (!closed || !REST.test(rest)) return undefined;
    if (current !== 'skip') {
      current.dependencies = items;
      depPositions[depPositions.length - 1] = positions;
    }
  }
  return {
    ok: true,
    lock: {
      version,
      packages: packages.map(({ name, version: v, source, dependencies }) => ({ name, version: v, source, dependencies })),
      where: (i, dep) => (dep === undefined ? headers[i] : depPositions[i]?.[dep]),
      versionAt: () => versionAt,
    },
  };
}

/** A one-line string without escapes at the start of `rest` (its content), or undefined. */
function stringAt(rest: string): string | undefined {
  const m = BASIC.exec(rest) ?? LITERAL.exec(rest);
  return m ? m[1]! : undefined;
}
