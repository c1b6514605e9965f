// Turns needle hits into banned-API findings: which class a needle belongs to,
// and whether the file is sanctioned for it.

import type { AllowEntry, BannedClass, Finding, MatcherName } from '../types.js';
import type { NeedleHit, RustAnalysis, RustJudge } from '../rust/index.js';
import { matchLikeSeed } from './lineMatcher.js';
import { CATALOGUE } from '../findings/catalogue.js';

export interface ClassIndex {
  classes: readonly BannedClass[];
  /** Every distinct needle of every class, in config order. */
  needles: string[];
  classesOf: Map<string, BannedClass[]>;
  /** path → class name → entry */
  allow: Map<string, Map<string, AllowEntry>>;
}

export function indexClasses(classes: readonly BannedClass[]): ClassIndex {
  const classesOf = new Map<string, BannedClass[]>();
  const allow = new Map<string, Map<string, AllowEntry>>();
  for (const cls of classes) {
    for (const needle of cls.needles) classesOf.set(needle, [...(classesOf.get(needle) ?? []), cls]);
    for (const entry of cls.allow) {
      const byClass = allow.get(entry.path) ?? new Map<string, AllowEntry>();
      byClass.set(cls.name, entry);
      allow.set(entry.path, byClass);
    }
  }
  return { classes, needles: [...classesOf.keys()], classesOf, allow };
}

/** Runs the configured matcher over one decoded file (the precise one through `judge`). */
export function analyzeSource(text: string, needles: readonly string[], matcher: MatcherName, judge: RustJudge): RustAnalysis {
  if (matcher === 'line') return { hits: matchLikeSeed(text, needles), testOnlyFile: false, moduleDecls: [], includes: [] };
  return judge.analyze(text, needles);
}

export function isSanctioned(entry: AllowEntry | undefined, needle: string): boolean {
  return entry !== undefined && (entry.needles === undefined || entry.needles.includes(needle));
}

/**
 * Findings for one file's hits. The line matcher reports one finding per line
 * and class, as the seed did; the precise matcher one per occurrence.
 */
export function bannedApiFindings(path: string, hits: readonly NeedleHit[], index: ClassIndex, matcher: MatcherName, lineText: (hit: NeedleHit) => string): Finding[] {
  const sanctioned = index.allow.get(path);
  const findings: Finding[] = [];
  const seenLines = new Set<string>();
  for (const hit of hits) {
    for (const cls of index.classesOf.get(hit.needle) ?? []) {
      if (isSanctioned(sanctioned?.get(cls.name), hit.needle)) continue;
      if (matcher === 'line') {
        const key = `${hit.line}\0${cls.name}`;
        if (seenLines.has(key)) continue;
        seenLines.add(key);
      }
      findings.push({
        kind: 'banned-api',
        path,
        line: hit.line,
        column: hit.column,
        length: hit.length,
        class: cls.name,
        needle: hit.needle,
        message: CATALOGUE['banned-api'].message(hit.needle, cls.name),
        lineText: lineText(hit),
      });
    }
  }
  return findings;
}

/** The whole line holding `offset`, without its line break. */
export function lineAround(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return text.slice(start, Math.max(start, end));
}
