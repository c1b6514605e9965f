// Turns needle hits into banned-API findings: which class a needle belongs to,
// and whether the file is sanctioned for it.

import type { AllowEntry, BannedClass, Finding, MatcherName } from '../types.js';
import type { NameOptions, NeedleHit, RustAnalysis, RustJudge } from '../rust/index.js';
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
export function analyzeSource(text: string, needles: readonly string[], matcher: MatcherName, judge: RustJudge, where?: NameOptions): RustAnalysis {
  if (matcher === 'line') return { hits: matchLikeSeed(text, needles), testOnlyFile: false, moduleDecls: [], includes: [] };
  return judge.analyze(text, needles, where);
}

export function isSanctioned(entry: AllowEntry | undefined, needle: string): boolean {
  return entry !== undefined && (entry.needles === undefined || entry.needles.includes(needle));
}

/**
 * Findings for one file's hits. The line matcher reports one finding per line
 * and class, as the seed did; the precise matcher one per occurrence: where
 * needles of one class overlap on one site (`std::env::var(` matched by
 * `std::env` and `env::var(`), only the longest is reported.
 */
export function bannedApiFindings(path: string, hits: readonly NeedleHit[], index: ClassIndex, matcher: MatcherName, lineText: (hit: NeedleHit) => string): Finding[] {
  const sanctioned = index.allow.get(path);
  const findings: Finding[] = [];
  const seenLines = new Set<string>();
  const outshone = matcher === 'line' ? undefined : overlapLosers(hits, index);
  for (const hit of hits) {
    for (const cls of index.classesOf.get(hit.needle) ?? []) {
      if (outshone?.has(`${cls.name}\0${hit.offset}\0${hit.needle}`)) continue;
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

/**
 * The hits (as `class NUL offset NUL needle`) that overlap a longer needle's
 * hit of the same class: clusters of overlapping spans keep their longest
 * needle (the first listed on a tie). The choice comes before allowlisting,
 * so a file sanctioned for the longest needle is sanctioned for the site.
 */
function overlapLosers(hits: readonly NeedleHit[], index: ClassIndex): Set<string> {
  const losers = new Set<string>();
  const byClass = new Map<string, NeedleHit[]>();
  for (const hit of hits) {
    for (const cls of index.classesOf.get(hit.needle) ?? []) {
      let list = byClass.get(cls.name);
      if (list === undefined) byClass.set(cls.name, (list = []));
      list.push(hit);
    }
  }
  for (const [name, list] of byClass) {
    list.sort((a, b) => a.offset - b.offset);
    let cluster: NeedleHit[] = [];
    let reach = -1;
    const close = (): void => {
      if (cluster.length < 2) return;
      const best = cluster.reduce((a, b) => (b.needle.length > a.needle.length ? b : a));
      for (const h of cluster) if (h !== best) losers.add(`${name}\0${h.offset}\0${h.needle}`);
    };
    for (const hit of list) {
      if (hit.offset >= reach) {
        close();
        cluster = [];
      }
      cluster.push(hit);
      reach = Math.max(reach, hit.offset + Math.max(1, hit.length));
    }
    close();
  }
  return losers;
}

/** The whole line holding `offset`, without its line break. */
export function lineAround(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return text.slice(start, Math.max(start, end));
}
