// Where a finding is shown, for the formats that link to files (SARIF, GitHub
// annotations): its own file when it has a path, else the config file at the
// entry the finding is about (findings whose fix is a config edit).

import { basename, isAbsolute, relative, sep } from 'node:path';
import type { BannedClass, Config, Finding, Position } from '../types.js';
import { CATALOGUE } from '../findings/catalogue.js';

const DEFAULT_CONFIG_PATH = 'chokepoint.toml';

/** Options shared by the machine-readable formatters. */
export interface ReportOptions {
  /**
   * Repository root (absolute). When given and `config.file` lies inside it,
   * config-anchored locations use the config's repo-relative path; otherwise
   * the config file's base name (`chokepoint.toml`) is used.
   */
  repoRoot?: string;
  /** Repo-relative path of the config file; overrides `repoRoot`. */
  configPath?: string;
}

export function findClass(config: Config, name: string | undefined): BannedClass | undefined {
  if (name === undefined) return undefined;
  return config.classes.find((c) => c.name === name);
}

/** Repo-relative path of the config file, for config-anchored locations. */
export function configRelativePath(config: Config, options: ReportOptions = {}): string {
  if (options.configPath !== undefined && options.configPath !== '') return options.configPath;
  if (config.file === '') return DEFAULT_CONFIG_PATH;
  if (options.repoRoot !== undefined && options.repoRoot !== '') {
    const rel = relative(options.repoRoot, config.file);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) {
      return rel.split(sep).join('/');
    }
  }
  const base = basename(config.file);
  return base === '' ? DEFAULT_CONFIG_PATH : base;
}

export interface ResolvedLocation {
  /** Repo-relative path, `/` separators, not encoded. */
  path: string;
  line?: number;
  column?: number;
  /** Exclusive end column on `line`. */
  endColumn?: number;
  /** True when the location is the config file standing in for the finding. */
  inConfig: boolean;
}

function configPositionOf(finding: Finding, config: Config): Position | undefined {
  const cls = findClass(config, finding.class);
  switch (finding.kind) {
    case 'missing-allowlist-path':
    case 'dead-allowlist-entry':
    case 'allowlisted-path-removed':
    case 'stale-allowlist-entry': {
      if (finding.path === undefined) return cls?.at;
      const classes = cls !== undefined ? [cls] : config.classes;
      for (const c of classes) {
        const entry = c.allow.find((a) => a.path === finding.path);
        if (entry !== undefined) return entry.at ?? c.at;
      }
      return undefined;
    }
    case 'unused-needle':
      return cls?.at;
    case 'unused-dependency-exception': {
      if (finding.dependency === undefined) return undefined;
      return config.dependencies?.allow.find((e) => e.crate === finding.dependency)?.at;
    }
    default:
      return undefined;
  }
}

export function validLine(n: number | undefined): number | undefined {
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * Where a finding should be shown. With `fallbackToConfig`, a finding without
 * any path is anchored on the config file (GitHub code scanning requires a
 * location); without it such a finding has no location.
 */
export function resolveLocation(
  finding: Finding,
  config: Config,
  options: ReportOptions,
  fallbackToConfig: boolean,
): ResolvedLocation | undefined {
  const configPath = configRelativePath(config, options);
  // A finding that already points into the config keeps its own position
  // (sanity findings do: the entry, or the needle inside the class).
  if (CATALOGUE[finding.kind].anchoredInConfig && !(finding.path === configPath && validLine(finding.line) !== undefined)) {
    const at = configPositionOf(finding, config);
    if (at !== undefined) {
      const line = validLine(at.line);
      const column = line !== undefined ? validLine(at.column) : undefined;
      return {
        path: configPath,
        inConfig: true,
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
      };
    }
  }
  if (finding.path !== undefined && finding.path !== '') {
    const line = validLine(finding.line);
    const column = line !== undefined ? validLine(finding.column) : undefined;
    const length = finding.length;
    const endColumn =
      column !== undefined && length !== undefined && Number.isInteger(length) && length > 0 ? column + length : undefined;
    return {
      path: finding.path,
      inConfig: false,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(endColumn !== undefined ? { endColumn } : {}),
    };
  }
  if (fallbackToConfig) return { path: configPath, inConfig: true };
  return undefined;
}
