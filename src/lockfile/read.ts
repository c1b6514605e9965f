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

/** Anything that would make a string need more than slicing: escapes, control characters, a lone CR. */
const NOT_PLAIN = /[\\\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)/;

const STRING_KEYS = ['name', 'version', 'source', 'checksum', 'replace'] as const;

/**
 * The layout cargo writes, exactly: comment lines, `version = N`,
 * `[[package]]` (and `[[patch.unused]]`) headers, `key = "value"` lines and
 * `dependencies = [` with one ` "value",` a line. Returns undefined at the
 * first thing outside it. Lines are compared in place (no regex per line, no
 * allocation but the values): the hook reads this cold.
 */
function scanCargoLayout(text: string): LockfileRead | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const packages: LockEntry[] = [];
  const headers: Position[] = [];
  /** The line of each dependency string (cargo indents them by one space: column 2). */
  const depLines: number[][] = [];
  let version: number | undefined;
  let versionAt: Position | undefined;
  /** 0: top level, 1: in [[package]], 2: in [[patch.unused]] (read, then ignored). */
  let table = 0;
  let current: LockEntry | undefined;
  let seen = 0;
  let array: string[] | undefined;
  let lines: number[] = [];
  let line = 0;
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf('\n', pos);
    const next = end === -1 ? text.length : end + 1;
    if (end === -1) end = text.length;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    line++;
    const first = text.charCodeAt(pos);
    if (end === pos || first === 35 /* # */) {
      pos = next;
      continue;
    }
    if (array) {
      if (first === 93 /* ] */ && end === pos + 1) {
        if (table === 1) {
          current!.dependencies = array;
          depLines[depLines.length - 1] = lines;
        }
        array = undefined;
      } else if (first === 32 && text.charCodeAt(pos + 1) === 34 /* " */ && text.charCodeAt(end - 1) === 44 /* , */ && text.indexOf('"', pos + 2) === end - 2) {
        array.push(text.slice(pos + 2, end - 2));
        lines.push(line);
      } else return undefined;
      pos = next;
      continue;
    }
    if (first === 91 /* [ */) {
      const header = text.slice(pos, end);
      if (header === '[[package]]') {
        table = 1;
        current = { name: undefined, version: undefined, source: undefined, dependencies: undefined };
        packages.push(current);
        headers.push({ line, column: 1 });
        depLines.push([]);
      } else if (header === '[[patch.unused]]') table = 2;
      else return undefined;
      seen = 0;
      pos = next;
      continue;
    }
    if (table === 0) {
      // The only top-level key cargo writes.
      if (version !== undefined || !text.startsWith('version = ', pos)) return undefined;
      const digits = text.slice(pos + 10, end);
      if (!/^(?:0|[1-9][0-9]{0,8})$/.test(digits)) return undefined;
      version = Number(digits);
      versionAt = { line, column: 11 };
      pos = next;
      continue;
    }
    if (text.startsWith('dependencies = [', pos) && end === pos + 16) {
      if (seen & 32) return undefined;
      seen |= 32;
      array = [];
      lines = [];
      pos = next;
      continue;
    }
    let matched = false;
    for (let k = 0; k < STRING_KEYS.length; k++) {
      const key = STRING_KEYS[k]!;
      const open = pos + key.length + 4;
      if (!text.startsWith(key, pos) || !text.startsWith(' = "', pos + key.length)) continue;
      if (text.charCodeAt(end - 1) !== 34 || end - 1 < open || text.indexOf('"', open) !== end - 1 || seen & (1 << k)) return undefined;
      seen |= 1 << k;
      if (table === 1 && k < 3) current![key as 'name' | 'version' | 'source'] = text.slice(open, end - 1);
      matched = true;
      break;
    }
    if (!matched) return undefined;
    pos = next;
  }
  if (array) return undefined;
  return {
    ok: true,
    lock: {
      version,
      packages,
      where: (i, dep) => {
        if (dep === undefined) return headers[i];
        const at = depLines[i]?.[dep];
        return at === undefined ? undefined : { line: at, column: 2 };
      },
      versionAt: () => versionAt,
    },
  };
}
