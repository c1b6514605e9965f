// Guards against a lint that passes because it no longer looks: too few files
// scanned, allowlist entries for files that are gone or never scanned, and
// (as warnings) entries and needles that no longer match anything.

import type { Config, Finding } from '../types.js';
import type { Scope } from '../scope.js';
import { CATALOGUE } from '../findings/catalogue.js';

export interface TreeCensus {
  /** Every path in the audited tree. */
  paths: ReadonlySet<string>;
  scanned: number;
  excluded: number;
}

/** Where a config entry sits, as a finding location. */
function atConfig(configPath: string, at: { line: number; column: number } | undefined): Pick<Finding, 'path' | 'line' | 'column'> {
  return { path: configPath, line: at?.line, column: at?.column };
}

export function sanityFindings(config: Config, configPath: string, scope: Scope, census: TreeCensus): Finding[] {
  const findings: Finding[] = [];
  const counted = census.scanned + (config.scope.countExcluded ? census.excluded : 0);
  if (counted < config.scope.minFiles) {
    findings.push({ kind: 'too-few-files', path: configPath, message: CATALOGUE['too-few-files'].message(counted, config.scope.minFiles) });
  }
  for (const cls of config.classes) {
    for (const entry of cls.allow) {
      // Positions are computed on demand (a second TOML parse): only for findings.
      const where = () => atConfig(configPath, entry.at);
      if (!census.paths.has(entry.path)) {
        findings.push({ kind: 'missing-allowlist-path', ...where(), class: cls.name, message: CATALOGUE['missing-allowlist-path'].message(entry.path, cls.name) });
        continue;
      }
      const verdict = scope.classify(entry.path);
      if (verdict.status === 'scanned') continue;
      const why =
        verdict.status === 'excluded'
          ? `excluded by ${JSON.stringify(verdict.excludedBy)}`
          : verdict.removedBy
            ? `removed from scope by ${JSON.stringify(verdict.removedBy)}`
            : 'matched by no include pattern';
      findings.push({ kind: 'dead-allowlist-entry', ...where(), class: cls.name, message: CATALOGUE['dead-allowlist-entry'].message(entry.path, cls.name, why) });
    }
  }
  return findings;
}

/** Warnings that need the whole tree's hits: stale entries, unused needles and exceptions. */
export function auditWarnings(config: Config, configPath: string, scope: Scope, needlesByFile: ReadonlyMap<string, ReadonlySet<string>>, usedExceptions: ReadonlySet<string>): Finding[] {
  const warnings: Finding[] = [];
  const seen = new Set<string>();
  for (const needles of needlesByFile.values()) for (const n of needles) seen.add(n);
  for (const cls of config.classes) {
    for (const entry of cls.allow) {
      // Entries for missing or unscanned files are already errors.
      if (scope.classify(entry.path).status !== 'scanned') continue;
      const found = needlesByFile.get(entry.path);
      const sanctioned = entry.needles ?? cls.needles;
      if (found && sanctioned.some((n) => found.has(n))) continue;
      warnings.push({ kind: 'stale-allowlist-entry', ...atConfig(configPath, entry.at), class: cls.name, message: CATALOGUE['stale-allowlist-entry'].message(entry.path, cls.name) });
    }
    // One needle that matches nothing is usually an API this code does not
    // use (`hyper::` in a tree without hyper), not a typo worth a warning; a
    // class none of whose needles match anything guards nothing here, which
    // a typo would also cause.
    if (cls.needles.length > 0 && !cls.needles.some((n) => seen.has(n))) {
      const only = cls.needles.length === 1 ? cls.needles[0] : undefined;
      warnings.push({ kind: 'unused-needle', ...atConfig(configPath, only !== undefined ? (cls.needleAt?.(0) ?? cls.at) : cls.at), class: cls.name, ...(only !== undefined ? { needle: only } : {}), message: CATALOGUE['unused-needle'].message(cls.needles, cls.name) });
    }
  }
  for (const exception of config.dependencies?.allow ?? []) {
    if (!usedExceptions.has(exception.crate.toLowerCase()) && !usedExceptions.has(exception.crate)) {
      warnings.push({ kind: 'unused-dependency-exception', ...atConfig(configPath, exception.at), dependency: exception.crate, message: CATALOGUE['unused-dependency-exception'].message(exception.crate) });
    }
  }
  return warnings;
}
