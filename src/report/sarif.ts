// SARIF 2.1.0 output, shaped for GitHub code scanning (`--format sarif`).
//
// GitHub rejects the whole upload when a single result has no physical
// location, so every result gets one: its own file when it has a path, the
// config file (at the relevant allowlist entry when its position is known)
// otherwise. This module also holds the pieces the `github` formatter shares:
// rule ids, per-kind texts and location resolution.

import { createHash } from 'node:crypto';
import * as nodePath from 'node:path';
import type { BannedClass, CheckResult, Config, Finding, FindingKind, Position } from '../types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const SRCROOT = '%SRCROOT%';
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

// ---------------------------------------------------------------------------
// Kinds and rules

/** Every kind that is not a banned-api class rule, in rule order. */
export const OTHER_KINDS = [
  'banned-dependency',
  'escaping-path-dependency',
  'banned-dependency-chain',
  'too-few-files',
  'missing-allowlist-path',
  'dead-allowlist-entry',
  'allowlisted-path-removed',
  'invalid-file',
  'escaping-module-path',
  'stale-allowlist-entry',
  'unused-needle',
  'unused-dependency-exception',
  'stale-lockfile',
  'baseline-outdated',
] as const satisfies readonly FindingKind[];

export type OtherKind = (typeof OTHER_KINDS)[number];

const WARNING_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'stale-allowlist-entry',
  'unused-needle',
  'unused-dependency-exception',
  'stale-lockfile',
  'baseline-outdated',
]);

/** Kinds whose fix is an edit of chokepoint.toml rather than of the reported file. */
const CONFIG_ENTRY_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'missing-allowlist-path',
  'dead-allowlist-entry',
  'allowlisted-path-removed',
  'stale-allowlist-entry',
  'unused-needle',
  'unused-dependency-exception',
  'too-few-files',
]);

interface KindText {
  /** Short title (annotation title, SARIF shortDescription). */
  title: string;
  /** What the rule checks. */
  description: string;
  /** How to get out of it. */
  fix: string;
}

export const KIND_TEXT: Readonly<Record<OtherKind, KindText>> = {
  'banned-dependency': {
    title: 'Banned crate dependency',
    description:
      'A Cargo manifest depends on a crate whose name (or the package it renames) matches a banned marker of the dependency rule.',
    fix: 'Remove the dependency, or add a dependency exception for the crate, with a reason, in chokepoint.toml.',
  },
  'escaping-path-dependency': {
    title: 'Path dependency escapes the repository',
    description: 'A `path = "…"` dependency resolves outside the repository root, so the code it pulls in is never checked.',
    fix: 'Move the crate inside the repository, or depend on it through a registry or git source.',
  },
  'banned-dependency-chain': {
    title: 'Banned crate reached through dependencies',
    description:
      'Following Cargo.lock from a workspace member reaches a crate whose name matches a banned marker, on an edge that no listed wrapper crate sanctions (the shortest such chain is shown).',
    fix: 'Drop or replace the dependency at the first edge of the chain, route the access through a listed wrapper crate, or add the crate that depends on the banned one to the marker\'s `[[dependency_rule.wrapper]]` crates, with a reason, in chokepoint.toml.',
  },
  'escaping-module-path': {
    title: 'Module path escapes the repository',
    description: 'A `#[path = "…"]` or `include!("…")` in production code names a file outside the repository, so code compiled into the crate is never checked.',
    fix: 'Move the file into the repository and name it from there.',
  },
  'too-few-files': {
    title: 'Full audit scanned too few files',
    description:
      'The full audit scanned fewer in-scope files than the configured minimum: the scope globs probably no longer match the sources, so the check would pass vacuously.',
    fix: 'Fix the scope globs in chokepoint.toml (or lower the minimum if the tree really shrank).',
  },
  'missing-allowlist-path': {
    title: 'Allowlisted path does not exist',
    description: 'An allowlist entry names a file that does not exist in the checked tree.',
    fix: 'Correct the path of the allowlist entry in chokepoint.toml, or remove the entry.',
  },
  'dead-allowlist-entry': {
    title: 'Allowlisted path is out of scope',
    description: 'An allowlist entry names a file that is excluded or outside the scanned scope, so the entry has no effect.',
    fix: 'Remove the allowlist entry from chokepoint.toml, or bring the file back into scope.',
  },
  'allowlisted-path-removed': {
    title: 'Allowlisted path deleted or renamed',
    description:
      'The change deletes or renames a file that an allowlist entry names; the next full audit would fail on the dangling entry.',
    fix: 'Update (or remove) the allowlist entry in chokepoint.toml in the same commit.',
  },
  'invalid-file': {
    title: 'File could not be checked',
    description: 'A source file or manifest could not be read as checked input (invalid UTF-8, unparsable TOML, …).',
    fix: 'Fix the file so that it can be checked; an unchecked file is never allowed through.',
  },
  'stale-allowlist-entry': {
    title: 'Allowlist entry no longer needed',
    description: 'An allowlisted file no longer contains any needle of its class: the chokepoint can be tightened.',
    fix: 'Remove the allowlist entry (or the needles it sanctions) from chokepoint.toml.',
  },
  'unused-needle': {
    title: 'Needle matches nothing',
    description: 'A needle of a banned class matches nothing anywhere in the tree; a typo would make the rule vacuous.',
    fix: 'Check the needle for a typo in chokepoint.toml, or remove it.',
  },
  'unused-dependency-exception': {
    title: 'Dependency exception matches nothing',
    description: 'A dependency exception names a crate that no checked manifest depends on.',
    fix: 'Remove the exception from chokepoint.toml.',
  },
  'stale-lockfile': {
    title: 'Cargo.lock may be stale',
    description: 'A manifest declares a dependency that Cargo.lock does not list for its crate, so the graph check cannot follow it.',
    fix: 'Run `cargo update --workspace` (or any cargo build) and commit Cargo.lock with the manifest.',
  },
  'baseline-outdated': {
    title: 'Baseline entry outgrown',
    description: 'A file has fewer findings of a kind than the baseline records: the slack would let a new finding through unnoticed.',
    fix: 'Run `chokepoint baseline --prune` and commit the baseline file.',
  },
};

/** The rule id of a finding: `banned-api/<class>` for class findings, the kind otherwise. */
export function ruleIdOf(finding: Finding): string {
  if (finding.kind === 'banned-api') {
    return finding.class !== undefined ? `banned-api/${finding.class}` : 'banned-api';
  }
  return finding.kind;
}

export function isWarningKind(kind: FindingKind): boolean {
  return WARNING_KINDS.has(kind);
}

/** The two ways out of a banned-api finding, as one sentence. */
export function waysOut(cls: BannedClass | undefined, className: string | undefined, configPath: string): string {
  const via = cls?.useInstead !== undefined && cls.useInstead !== '' ? cls.useInstead : 'a reviewed chokepoint module';
  const name = className ?? cls?.name;
  const classPart = name !== undefined ? ` of class "${name}"` : '';
  return `Route the access through ${via}, or, if this file is itself a chokepoint, add an allowlist entry${classPart} for it, with a reason, in ${configPath}.`;
}

export function findClass(config: Config, name: string | undefined): BannedClass | undefined {
  if (name === undefined) return undefined;
  return config.classes.find((c) => c.name === name);
}

// ---------------------------------------------------------------------------
// Locations

/** Repo-relative path of the config file, for config-anchored locations. */
export function configRelativePath(config: Config, options: ReportOptions = {}): string {
  if (options.configPath !== undefined && options.configPath !== '') return options.configPath;
  if (config.file === '') return DEFAULT_CONFIG_PATH;
  if (options.repoRoot !== undefined && options.repoRoot !== '') {
    const rel = nodePath.relative(options.repoRoot, config.file);
    if (rel !== '' && !rel.startsWith('..') && !nodePath.isAbsolute(rel)) {
      return rel.split(nodePath.sep).join('/');
    }
  }
  const base = nodePath.basename(config.file);
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

function validLine(n: number | undefined): number | undefined {
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
  if (CONFIG_ENTRY_KINDS.has(finding.kind) && !(finding.path === configPath && validLine(finding.line) !== undefined)) {
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

/**
 * Percent-encodes a repo-relative path into a relative URI reference: keeps
 * `/`, unreserved characters and sub-delimiters; encodes everything else
 * (space, `%`, `#`, `?`, `:`, `\`, controls, non-ASCII as UTF-8). Lone
 * surrogates become U+FFFD rather than throwing.
 */
export function encodeUriPath(path: string): string {
  const bytes = new TextEncoder().encode(path);
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b < 0x80 && /[A-Za-z0-9\-._~!$&'()*+,;=@/]/.test(ch)) {
      out += ch;
    } else {
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// SARIF document

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface RuleEntry {
  id: string;
  descriptor: JsonObject;
}

function classRule(cls: BannedClass | undefined, name: string | undefined, configPath: string): RuleEntry {
  const id = name !== undefined ? `banned-api/${name}` : 'banned-api';
  const label = name !== undefined ? `"${name}"` : 'banned';
  const reason = cls?.reason !== undefined && cls.reason !== '' ? cls.reason : 'This host API is banned outside its chokepoints.';
  const useInstead = cls?.useInstead !== undefined && cls.useInstead !== '' ? cls.useInstead : undefined;
  const full = useInstead !== undefined ? `${reason} Route through ${useInstead}.` : reason;
  const needles = cls?.needles ?? [];
  const needleText = needles.length > 0 ? `\n\nNeedles: ${needles.join(', ')}` : '';
  const needleMd = needles.length > 0 ? `\n\nNeedles: ${needles.map((n) => `\`${n}\``).join(', ')}` : '';
  const helpText =
    `${reason}${needleText}\n\nTwo ways out:\n` +
    `1. Route the access through ${useInstead ?? 'a reviewed chokepoint module'}` +
    `${useInstead !== undefined ? ' (the sanctioned chokepoint)' : ''}.\n` +
    `2. If this file is itself a chokepoint, add an allowlist entry for its path to the ${label} class, with a reason, in ${configPath}.`;
  const helpMd =
    `${reason}${needleMd}\n\n**Two ways out:**\n\n` +
    `1. Route the access through ${useInstead !== undefined ? `\`${useInstead}\` (the sanctioned chokepoint)` : 'a reviewed chokepoint module'}.\n` +
    `2. If this file is itself a chokepoint, add an allowlist entry for its path to the ${label} class, with a reason, in \`${configPath}\`.`;
  const properties: JsonObject = { tags: ['security', 'chokepoint'], kind: 'banned-api' };
  if (name !== undefined) properties['class'] = name;
  if (useInstead !== undefined) properties['useInstead'] = useInstead;
  return {
    id,
    descriptor: {
      id,
      name: name !== undefined ? `BannedApi/${name}` : 'BannedApi',
      shortDescription: { text: `Banned host API (${name ?? 'unknown class'}) outside its chokepoint` },
      fullDescription: { text: full },
      help: { text: helpText, markdown: helpMd },
      defaultConfiguration: { level: 'error' },
      properties,
    },
  };
}

function kindRule(kind: string): RuleEntry {
  const t: KindText = (KIND_TEXT as Partial<Record<string, KindText>>)[kind] ?? {
    title: kind,
    description: `chokepoint finding of kind ${kind}.`,
    fix: 'See the message.',
  };
  const name = kind
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return {
    id: kind,
    descriptor: {
      id: kind,
      name,
      shortDescription: { text: t.title },
      fullDescription: { text: t.description },
      help: { text: `${t.description}\n\n${t.fix}`, markdown: `${t.description}\n\n**Fix:** ${t.fix}` },
      defaultConfiguration: { level: WARNING_KINDS.has(kind as FindingKind) ? 'warning' : 'error' },
      properties: { tags: ['chokepoint'], kind },
    },
  };
}

/** Line-independent identity of a finding; `:<n>` tells repeated ones apart. */
function fingerprintHash(finding: Finding, ruleId: string): string {
  const h = createHash('sha256');
  for (const part of [ruleId, finding.path ?? '', finding.needle ?? '', finding.dependency ?? '', finding.table ?? '']) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

function resultMessage(finding: Finding, config: Config): string {
  const base = finding.message !== '' ? finding.message : ruleIdOf(finding);
  if (finding.kind !== 'banned-api') return base;
  const reason = findClass(config, finding.class)?.reason;
  if (reason === undefined || reason === '' || base.includes(reason)) return base;
  return `${base} (${reason})`;
}

/**
 * Formats a check result as a SARIF 2.1.0 log (JSON text, newline-terminated)
 * with one run. Errors (`result.findings`) get level "error", warnings
 * "warning". A bypass is recorded on the invocation (property `bypass` and a
 * warning notification); the results are kept and not suppressed, since a
 * bypass lets a commit through without making the code acceptable.
 */
export function formatSarif(
  result: CheckResult,
  config: Config,
  toolVersion: string,
  options: ReportOptions = {},
): string {
  const configPath = configRelativePath(config, options);

  // Rules: one per configured class, then every other kind; classes that
  // appear only in findings (not configured) are appended as met.
  const rules: RuleEntry[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (r: RuleEntry): number => {
    const existing = ruleIndex.get(r.id);
    if (existing !== undefined) return existing;
    rules.push(r);
    ruleIndex.set(r.id, rules.length - 1);
    return rules.length - 1;
  };
  for (const cls of config.classes) addRule(classRule(cls, cls.name, configPath));
  for (const kind of OTHER_KINDS) addRule(kindRule(kind));

  const occurrences = new Map<string, number>();
  const results: JsonObject[] = [];
  const emit = (finding: Finding, level: 'error' | 'warning', suppressed = false): void => {
    const ruleId = ruleIdOf(finding);
    const index =
      ruleIndex.get(ruleId) ??
      addRule(
        finding.kind === 'banned-api'
          ? classRule(findClass(config, finding.class), finding.class, configPath)
          : kindRule(finding.kind),
      );

    const loc = resolveLocation(finding, config, options, true);
    const region: JsonObject = { startLine: loc?.line ?? 1 };
    if (loc?.column !== undefined) region['startColumn'] = loc.column;
    if (loc?.endColumn !== undefined) region['endColumn'] = loc.endColumn;
    const locations: Json[] =
      loc === undefined
        ? []
        : [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUriPath(loc.path), uriBaseId: SRCROOT },
                region,
              },
            },
          ];

    const properties: JsonObject = { kind: finding.kind };
    if (finding.class !== undefined) properties['class'] = finding.class;
    if (finding.needle !== undefined) properties['needle'] = finding.needle;
    if (finding.dependency !== undefined) properties['dependency'] = finding.dependency;
    if (finding.table !== undefined) properties['table'] = finding.table;
    if (loc?.inConfig === true && finding.path !== undefined) properties['path'] = finding.path;

    const hash = fingerprintHash(finding, ruleId);
    const n = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, n);

    if (finding.chain !== undefined) properties['chain'] = finding.chain;
    const result: JsonObject = {
      ruleId,
      ruleIndex: index,
      level,
      message: { text: resultMessage(finding, config) },
      locations,
      partialFingerprints: { 'chokepointFinding/v1': `${hash}:${n}` },
      properties,
      // Baselined and pre-existing findings stay visible, marked as accepted elsewhere.
      ...(suppressed ? { suppressions: [{ kind: 'external' }] } : {}),
    };
    if (finding.related?.length) {
      result['relatedLocations'] = finding.related.map((r, id) => {
        const relatedRegion: JsonObject = { startLine: validLine(r.line) ?? 1 };
        if (validLine(r.line) !== undefined && validLine(r.column) !== undefined) relatedRegion['startColumn'] = r.column!;
        return { id, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: encodeUriPath(r.path), uriBaseId: SRCROOT }, region: relatedRegion } };
      });
    }
    results.push(result);
  };
  for (const f of result.findings) emit(f, 'error');
  for (const f of result.warnings) emit(f, 'warning');
  for (const f of result.baselined ?? []) emit(f, 'error', true);
  for (const f of result.preExisting ?? []) emit(f, 'error', true);

  const invocationProps: JsonObject = {
    mode: result.mode,
    filesScanned: result.stats.filesScanned,
    manifestsChecked: result.stats.manifestsChecked,
    durationMs: result.stats.durationMs,
  };
  const invocation: JsonObject = { executionSuccessful: true, properties: invocationProps };
  if (result.bypass !== undefined) {
    invocationProps['bypass'] = result.bypass;
    invocation['toolExecutionNotifications'] = [
      {
        level: 'warning',
        message: {
          text: `The check was bypassed (reason: ${result.bypass}); the findings below were reported but did not block.`,
        },
        descriptor: { id: 'bypass' },
      },
    ];
  }

  const driver: JsonObject = {
    name: 'chokepoint',
    rules: rules.map((r) => r.descriptor),
  };
  if (toolVersion !== '') {
    driver['version'] = toolVersion;
    if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(toolVersion)) driver['semanticVersion'] = toolVersion;
  }

  const log: JsonObject = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The root of the git repository (paths are repo-relative).' } },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
