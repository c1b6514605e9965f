// Which files are production source, which are excluded, and which pattern
// decided: the same answer for the audit, the hook and `explain`.

import type { Config } from './types.js';
import { compileGlob, type Glob } from './glob.js';

export type ScopeVerdict =
  | { status: 'scanned'; includedBy: string }
  | { status: 'excluded'; includedBy: string; excludedBy: string }
  | { status: 'outside'; removedBy?: string };

export interface Scope {
  classify(path: string): ScopeVerdict;
  isManifest(path: string): boolean;
  /** The manifest pattern that matches `path`, if any. */
  manifestPattern(path: string): string | undefined;
}

function firstMatch(globs: readonly Glob[], path: string): string | undefined {
  return globs.find((g) => g.test(path))?.source;
}

export function buildScope(config: Config): Scope {
  const positive = config.scope.include.filter((p) => !p.startsWith('!')).map(compileGlob);
  const negated = config.scope.include.filter((p) => p.startsWith('!')).map((p) => compileGlob(p.slice(1)));
  const exclude = config.scope.exclude.map(compileGlob);
  const manifests = (config.dependencies?.manifests ?? []).map(compileGlob);
  return {
    classify(path) {
      const includedBy = firstMatch(positive, path);
      if (!includedBy) return { status: 'outside' };
      const removedBy = firstMatch(negated, path);
      if (removedBy) return { status: 'outside', removedBy: `!${removedBy}` };
      const excludedBy = firstMatch(exclude, path);
      return excludedBy ? { status: 'excluded', includedBy, excludedBy } : { status: 'scanned', includedBy };
    },
    isManifest: (path) => manifests.some((g) => g.test(path)),
    manifestPattern: (path) => firstMatch(manifests, path),
  };
}
