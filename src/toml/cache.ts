// Parsed Cargo manifests kept in the git directory, keyed by their exact text
// and chokepoint's version. A commit that stages a Cargo.lock has the graph
// rule read every member's manifest, and parsing them cold (loading the TOML
// parser, then parsing each file before the JIT warms up) costs more than
// reading and resolving the lockfile; manifests rarely change between such
// commits. A hit needs the same text, so an entry can never be stale. Only
// documents that JSON keeps exactly are kept (no dates, huge integers,
// infinities or NaN), and they come back with the null-prototype tables the
// parser builds.

import { readStateFile, writeStateFile } from '../stateFile.js';
import { isTomlTable, parseToml, type TomlParseResult } from './positions.js';

const FORMAT = 1;
/** Enough for a large workspace's manifests; the least recently used go first. */
const MAX_ENTRIES = 1000;

interface CacheFile {
  format: number;
  version: string;
  /** [text, the parsed document as JSON], most recently used last. */
  entries: [string, string][];
}

export interface TomlCache {
  /** parseToml, answered from the cache when the text was parsed before. */
  parse(text: string): TomlParseResult;
  /** Writes the cache back if this run parsed anything new (best effort). */
  save(): void;
}

const CACHE_FILE = 'manifest-cache.json';

export function tomlCache(commonDir: string, version: string): TomlCache {
  let entries: Map<string, string> | undefined;
  let added = false;
  const load = (): Map<string, string> => {
    if (entries) return entries;
    const file = readStateFile(commonDir, CACHE_FILE) as Partial<CacheFile> | undefined;
    entries = file?.format === FORMAT && file.version === version && Array.isArray(file.entries) ? new Map(file.entries) : new Map();
    return entries;
  };
  return {
    parse(text) {
      const known = load();
      const stored = known.get(text);
      if (stored !== undefined) {
        known.delete(text);
        known.set(text, stored);
        return { ok: true, value: JSON.parse(stored, asTomlTable) as Record<string, unknown> };
      }
      const parsed = parseToml(text);
      if (parsed.ok && keptByJson(parsed.value)) {
        known.set(text, JSON.stringify(parsed.value));
        added = true;
      }
      return parsed;
    },
    save() {
      if (!added || !entries) return;
      const file: CacheFile = { format: FORMAT, version, entries: [...entries].slice(-MAX_ENTRIES) };
      writeStateFile(commonDir, CACHE_FILE, file);
    },
  };
}

function asTomlTable(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.assign(Object.create(null) as object, value) : value;
}

/** Whether JSON gives back exactly this value. */
function keptByJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (Array.isArray(value)) return value.every(keptByJson);
      return isTomlTable(value) && Object.getPrototypeOf(value) === null && Object.values(value).every(keptByJson);
    default:
      return false;
  }
}
