// The validated config, cached in the git directory next to the text it came
// from. Parsing TOML is the largest fixed cost of a pre-commit check after
// starting Node (the parser's import plus the parse of a 200-line config);
// the cache turns it into reading one small JSON file. A hit needs the exact
// same text and chokepoint version, so a stale entry can never be used.

import { readStateFile, writeStateFile } from '../stateFile.js';
import type { Config } from '../types.js';
import { attachPositions } from './schema.js';

const FORMAT = 1;

interface CacheEntry {
  format: number;
  version: string;
  file: string;
  text: string;
  config: Config;
}

const CACHE_FILE = 'config-cache.json';

export function readCachedConfig(commonDir: string, file: string, text: string, version: string): Config | undefined {
  const entry = readStateFile(commonDir, CACHE_FILE) as Partial<CacheEntry> | undefined;
  if (entry?.format !== FORMAT || entry.version !== version || entry.file !== file || entry.text !== text || entry.config === undefined) return undefined;
  try {
    return attachPositions(entry.config, text);
  } catch {
    return undefined; // a damaged entry: parse afresh
  }
}

/** Best effort: a read-only git directory just means no cache. */
export function writeCachedConfig(commonDir: string, file: string, text: string, version: string, config: Config): void {
  const entry: CacheEntry = { format: FORMAT, version, file, text, config };
  writeStateFile(commonDir, CACHE_FILE, entry);
}
