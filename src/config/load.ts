// Reads chokepoint.toml: from the working tree, or from the index when the
// commit must be judged by the rules it will record.

import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Config, Source } from '../types.js';
import { configError } from '../errors.js';
import { parseToml } from '../toml/positions.js';
import { validateConfig } from './schema.js';
import { messages } from '../messages.js';

export const CONFIG_FILE = 'chokepoint.toml';

/** Parses and validates config text; throws a config `UserError` with file:line:col. */
export function parseConfig(text: string, displayPath: string, absolutePath: string): Config {
  const parsed = parseToml(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    throw configError(displayPath, `invalid TOML: ${parsed.message}`, parsed.position?.line ?? 1, parsed.position?.column ?? 1);
  }
  return validateConfig(parsed.value, text, displayPath, absolutePath);
}

/** Decodes config bytes, refusing anything that is not UTF-8 text. */
export function decodeConfig(bytes: Buffer, displayPath: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw configError(displayPath, messages.configNotUtf8);
  }
}

export interface LoadedConfig {
  config: Config;
  /** Repo-relative path of the config file. */
  repoPath: string;
}

/**
 * Finds and loads the config: `--config` relative to `cwd`, else
 * chokepoint.toml at the repository root. With `index`, the staged version
 * wins, so a commit is judged by the rules it records.
 */
export async function loadConfig(root: string, cwd: string, configPath: string | undefined, index?: Source): Promise<LoadedConfig> {
  const abs = configPath ? resolve(cwd, configPath) : resolve(root, CONFIG_FILE);
  const display = relative(cwd, abs) || abs;
  const repoPath = relative(root, abs).split(sep).join('/');
  let bytes: Buffer | undefined;
  if (index && !repoPath.startsWith('..')) bytes = (await index.readFiles([repoPath])).get(repoPath);
  if (!bytes) {
    try {
      bytes = await readFile(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw configError(display, messages.configMissing(display), undefined, undefined, messages.configMissingHint);
      if (code === 'EISDIR') throw configError(display, 'is a directory, not a config file');
      throw configError(display, `cannot be read: ${(err as Error).message}`);
    }
  }
  return { config: parseConfig(decodeConfig(bytes, display), display, abs), repoPath };
}
