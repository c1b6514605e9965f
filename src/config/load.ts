// Reads chokepoint.toml: from the working tree, or from the index when the
// commit must be judged by the rules it will record.

import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Config, Source } from '../types.js';
import type { Repository } from '../git.js';
import { readPackageVersion } from '../version.js';
import { readCachedConfig, writeCachedConfig } from './cache.js';
import { configError } from '../errors.js';
import { parseToml } from '../toml/positions.js';
import { validateConfig } from './schema.js';
import { messages } from '../messages.js';
import { CONFIG_FILE } from './file.js';

export { CONFIG_FILE };

/** Parses and validates config text; throws a config `UserError` with file:line:col. */
export function parseConfig(text: string, displayPath: string, absolutePath: string): Config {
  const parsed = parseToml(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw configError(displayPath, `invalid TOML: ${parsed.message}`, parsed.position?.line ?? 1, parsed.position?.column ?? 1);
  }
  return validateConfig(parsed.value, text, displayPath, absolutePath);
}

/** Decodes config bytes, refusing anything that is not UTF-8 text (at the first bad byte). */
export function decodeConfig(bytes: Buffer, displayPath: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw configError(displayPath, messages.configNotUtf8, at.line, at.column, messages.configNotUtf8Hint);
  }
}

/** Line and column (UTF-16 units, a BOM not counted) of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  const lossy = bytes.toString('utf8');
  for (let i = lossy.indexOf('\uFFFD'); i >= 0; i = lossy.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(lossy.slice(0, i));
    if (bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) continue; // a real U+FFFD
    const lines = lossy.slice(0, i).replace(/^\uFEFF/, '').split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  return { line: 1, column: 1 };
}

export interface LoadedConfig {
  config: Config;
  /** Repo-relative path of the config file. */
  repoPath: string;
  /** Where the text came from: the first of the given sources that holds it, else the working tree. */
  from: Source['kind'];
}

/**
 * Finds and loads the config: `--config` relative to `cwd`, else
 * chokepoint.toml at the repository root. With `index`, the staged version
 * wins, so a commit is judged by the rules it records; with `head` too, a
 * config deleted from the index (`git rm --cached`) is read from HEAD, never
 * from the untracked copy left in the working tree.
 */
export async function loadConfig(repo: Repository, cwd: string, configPath: string | undefined, index?: Source, head?: () => Source): Promise<LoadedConfig> {
  const { root } = repo;
  const abs = configPath ? resolve(cwd, configPath) : resolve(root, CONFIG_FILE);
  const display = relative(cwd, abs) || abs;
  const repoPath = relative(root, abs).split(sep).join('/');
  let bytes: Buffer | undefined;
  let from: Source['kind'] = 'worktree';
  if (index && !repoPath.startsWith('..')) {
    bytes = (await index.readFiles([repoPath])).get(repoPath);
    from = 'index';
    if (!bytes && head) {
      const source = head();
      try {
        bytes = (await source.readFiles([repoPath])).get(repoPath);
      } finally {
        source.close();
      }
      from = 'revision';
    }
  }
  if (!bytes) {
    from = 'worktree';
    try {
      bytes = readFileSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw configError(display, messages.configMissing(display), undefined, undefined, messages.configMissingHint);
      if (code === 'EISDIR') throw configError(display, 'is a directory, not a config file');
      throw configError(display, `cannot be read: ${(err as Error).message}`);
    }
  }
  const text = decodeConfig(bytes, display);
  const version = readPackageVersion();
  const cached = readCachedConfig(repo.commonDir, abs, text, version);
  if (cached) return { config: cached, repoPath, from };
  const config = parseConfig(text, display, abs);
  writeCachedConfig(repo.commonDir, abs, text, version, config);
  return { config, repoPath, from };
}
