// `chokepoint init --from GUARDS.rs`: reads a Rust "chokepoint lint" test (a
// `cargo test` that bans host APIs outside allowlisted files) and writes the
// equivalent chokepoint.toml.
//
// The importer understands the *shape* of such a test, not its names: banned
// classes are struct literals with `name` / `needles` / `allowlist` fields, the
// allowlists are string-array consts (or inline arrays), file exclusions are a
// bool fn of `||`-joined path tests, the walk is a recursive directory collector
// fed from a driver, the sanity threshold is an `assert!` on the walk's length,
// and the dependency guard is the fn that joins `Cargo.toml`. Anything that looks
// like rule data but does not fit is an import error naming its line: nothing is
// dropped silently.
//
// The Rust source is read with the checker's own lexer in its comment-keeping
// mode (rustTokens.ts adds decoded values, positions and strictness) and
// bracket matching, not with regexes over the file.
//
// The pipeline: tokens → source (brackets, items) → classes, exclusions, walk
// and threshold, dependency guard → leftover-const check → TOML. Order matters:
// each pass records the literals and consts it turned into config, and the
// leftover checks that follow refuse whatever no pass claimed.

import { importClasses } from './classes.js';
import { ImportContext, type ImportOptions } from './context.js';
import { Importer } from './importer.js';
import type { ImportedGuards } from './guards.js';
import { cargoJoins, dependencyRule } from './dependencies.js';
import { exclusionFns, exclusionGlobs } from './exclusions.js';
import { checkLeftoverConsts } from './lists.js';
import { renderConfig } from './render.js';
import { Source } from './source.js';
import { lex } from './rustTokens.js';
import { walkScope } from './walk.js';

export { renderConfig, tomlString } from './render.js';
export type { ImportOptions } from './context.js';

export type { ImportedGuards } from './guards.js';

function analyze(cx: ImportContext): ImportedGuards {
  const classes = importClasses(cx);
  const exclusions = exclusionFns(cx);
  const exclude: string[] = [];
  for (const f of exclusions) for (const g of exclusionGlobs(cx, f)) if (!exclude.includes(g)) exclude.push(g);
  const depFns = cx.s.fns.filter((f) => cargoJoins(cx.s, f).length > 0);
  const walk = walkScope(cx, depFns, exclusions);
  const dependencies = dependencyRule(cx, depFns);
  checkLeftoverConsts(cx);
  return {
    scope: {
      include: walk.include,
      exclude,
      ...(walk.minFiles !== undefined ? { minFiles: walk.minFiles, countExcluded: walk.countExcluded } : {}),
    },
    classes,
    ...(dependencies ? { dependencyRule: dependencies } : {}),
  };
}

/** Reads an architecture-guards test and returns what it configures. Throws `UserError` ('import'). */
export function analyzeGuards(rustSource: string, file: string, options: ImportOptions = {}): ImportedGuards {
  const imp = new Importer(file);
  return analyze(new ImportContext(new Source(lex(rustSource, imp), imp), imp, options));
}

/** `chokepoint init --from FILE`: the chokepoint.toml equivalent to a Rust guards test. */
export function importGuards(rustSource: string, file: string, options: ImportOptions = {}): string {
  return renderConfig(analyzeGuards(rustSource, file, options), file);
}

/** How many imported allowlist entries have no reason of their own (a human must write one). */
export function entriesNeedingReasons(g: ImportedGuards): { needing: number; total: number } {
  const all = g.classes.flatMap((c) => c.allow);
  return { needing: all.filter((a) => a.needsReason).length, total: all.length };
}
