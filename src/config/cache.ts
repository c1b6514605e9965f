// The validated config, cached in the git directory next to the text it came
// from. Parsing TOML is the largest fixed cost of a pre-commit check after
// starting Node (the parser's import plus the parse of a 200-line config);
// the cache turns it into reading one small JSON file. A hit needs the exact
// same text and chokepoint version, so a stale entry can never be used.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const cachePath = (commonDir: string): string => join(commonDir, 'chokepoint', 'config-cache.json');

export function readCachedConfig(commonDir: string, file: string, text: string, version: string): Config | undefined {
  // No git directory (an audit outside git): no cache, and nothing written into the user's tree.
  if (commonDir === '') return undefined;
  try {
    const entry = JSON.parse(readFileSync(cachePath(commonDir), 'utf8')) as CacheEntry;
    if (entry.format !== FORMAT || entry.version !== version || entry.file !== file || entry.text !== text) return undefined;
    return attachPositions(entry.config, text);
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only git directory just means no cache. */
export function writeCachedConfig(commonDir: string, file: string, text: string, version: string, config: Config): void {
  if (commonDir === '') return;
  try {
    const path = cachePath(commonDir);
    mkdirSync(join(commonDir, 'chokepoint'), { recursive: true });
    const entry: CacheEntry = { format: FORMAT, version, file, text, config };
    // Write then rename, so a concurrent reader never sees half a file.
    writeFileSync(`${path}.${process.pid}`, JSON.stringify(entry));
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    /* no cache this time */
  }
}
