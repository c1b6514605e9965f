// Every kind of finding chokepoint reports, in one table: its id (the JSON
// `kind` and the SARIF rule id), default severity, title, what the rule
// checks, what to do about it, where the human report groups it, and the
// sentence a finding of the kind says. Every output format reads this table;
// adding a kind is adding one entry here.

import { messages } from '../messages.js';

const q = (s: string): string => JSON.stringify(s);

export type Severity = 'error' | 'warning';

/** Where the human report lists a kind. */
export type KindGroup = 'class' | 'dependencies' | 'module paths' | 'unreadable files' | 'sanity' | 'config';

export interface KindEntry {
  severity: Severity;
  /** Short title: the annotation title and SARIF shortDescription. */
  title: string;
  /** What the rule checks, in a sentence or two. */
  description: string;
  /** What to do about a finding of this kind. */
  fix: string;
  group: KindGroup;
  /** True when the fix is an edit of chokepoint.toml: reports anchor the finding on its config entry. */
  anchoredInConfig: boolean;
  /**
   * What a finding's verdict depends on, so what `check --since` judges at
   * each commit to name the one that introduced it: one file; the Cargo
   * graph (every `Cargo.lock` and manifest); or the whole tree (no single
   * commit introduces it).
   */
  judgedFrom: 'file' | 'cargo graph' | 'tree';
  /** The one-sentence message of a finding of this kind. */
  message: (...args: never[]) => string;
}

export const CATALOGUE = {
  'banned-api': {
    severity: 'error',
    title: 'Banned host API outside its chokepoint',
    description: 'A banned host API (a needle of a banned class) is used outside the files allowlisted for its class.',
    fix: 'Route the access through the class chokepoint, or, if this file is itself a reviewed chokepoint, add an allowlist entry for it, with a reason, in chokepoint.toml.',
    group: 'class',
    anchoredInConfig: false,
    judgedFrom: 'file',
    message: (needle: string, cls: string) => `\`${needle}\` (class ${cls}) is used outside the ${cls} allowlist`,
  },
  'banned-dependency': {
    severity: 'error',
    title: 'Banned crate dependency',
    description: 'A Cargo manifest depends on a crate whose name (or the package it renames) matches a banned marker of the dependency rule.',
    fix: 'Remove the dependency, or add a dependency exception for the crate, with a reason, in chokepoint.toml.',
    group: 'dependencies',
    anchoredInConfig: false,
    judgedFrom: 'file',
    message: (d: { name: string; marker: string; table: string; renamedTo?: string; renames?: string }) =>
      `Depends on banned crate \`${d.name}\` (matches marker \`${d.marker}\`) in \`${d.table}\`` +
      (d.renamedTo !== undefined ? `, renamed to \`${d.renamedTo}\`` : '') +
      (d.renames !== undefined ? `; the key is banned even though it renames package \`${d.renames}\`` : '') +
      '.',
  },
  'escaping-path-dependency': {
    severity: 'error',
    title: 'Path dependency escapes the repository',
    description: 'A `path = "…"` dependency resolves outside the repository root, so the code it pulls in is never checked.',
    fix: 'Move the crate inside the repository, or depend on it through a registry or git source.',
    group: 'dependencies',
    anchoredInConfig: false,
    judgedFrom: 'file',
    message: (key: string, table: string, escape: string, git = false) =>
      `${git ? 'Git dependency on a local repository' : 'Path dependency'} \`${key}\` in \`${table}\` points outside the repository: ${escape}.`,
  },
  'banned-dependency-chain': {
    severity: 'error',
    title: 'Banned crate reached through dependencies',
    description:
      'Following Cargo.lock from a workspace member reaches a crate whose name matches a banned marker, on an edge that no listed wrapper crate sanctions (the shortest such chain is shown).',
    fix: "Drop or replace the dependency at the first edge of the chain, route the access through a listed wrapper crate, or add the crate that depends on the banned one to the marker's `[[dependency_rule.wrapper]]` crates, with a reason, in chokepoint.toml.",
    group: 'dependencies',
    anchoredInConfig: false,
    judgedFrom: 'cargo graph',
    message: messages.bannedChain,
  },
  'too-few-files': {
    severity: 'error',
    title: 'Full audit scanned too few files',
    description: 'The full audit scanned fewer in-scope files than the configured minimum: the scope globs probably no longer match the sources, so the check would pass vacuously.',
    fix: 'Fix the scope globs in chokepoint.toml (or lower the minimum if the tree really shrank).',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (found: number, min: number) =>
      `the audit scanned ${found} file${found === 1 ? '' : 's'}, fewer than the minimum of ${min}: the scope may have stopped matching the sources, which would make the lint pass vacuously`,
  },
  'missing-allowlist-path': {
    severity: 'error',
    title: 'Allowlisted path does not exist',
    description: 'An allowlist entry names a file that does not exist in the checked tree.',
    fix: 'Correct the path of the allowlist entry in chokepoint.toml, or remove the entry.',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (path: string, cls: string) => `allowlist entry ${q(path)} of class ${cls} names a file that does not exist`,
  },
  'dead-allowlist-entry': {
    severity: 'error',
    title: 'Allowlisted path is out of scope',
    description: 'An allowlist entry names a file that is excluded or outside the scanned scope, so the entry has no effect.',
    fix: 'Remove the allowlist entry from chokepoint.toml, or bring the file back into scope.',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (path: string, cls: string, why: string) => `allowlist entry ${q(path)} of class ${cls} is never scanned (${why}), so it sanctions nothing`,
  },
  'allowlisted-path-removed': {
    severity: 'error',
    title: 'Allowlisted path deleted or renamed',
    description: 'The change deletes or renames a file that an allowlist entry names; the next full audit would fail on the dangling entry.',
    fix: 'Update (or remove) the allowlist entry in chokepoint.toml in the same commit.',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (path: string, classes: string, to?: string) =>
      to !== undefined
        ? `${q(path)} is allowlisted for ${classes} and this commit renames it to ${q(to)}: update the allowlist entry in chokepoint.toml`
        : `${q(path)} is allowlisted for ${classes} and this commit deletes it: remove its allowlist entry from chokepoint.toml`,
  },
  'config-removed': {
    severity: 'error',
    title: 'Config deleted from the repository',
    description: 'The commit deletes chokepoint.toml from the repository (a copy may remain in the working tree, untracked): a fresh clone, and CI, would have no rules.',
    fix: 'Keep the config committed (`git restore --staged chokepoint.toml`), or, if the lint is really being retired, commit with CHOKEPOINT_BYPASS="reason".',
    group: 'config',
    anchoredInConfig: false,
    judgedFrom: 'tree',
    message: (path: string) => `this commit deletes ${q(path)} from the repository: the next clone has no chokepoint rules`,
  },
  'invalid-file': {
    severity: 'error',
    title: 'File could not be checked',
    description: 'A source file or manifest could not be read as checked input (invalid UTF-8, unparsable TOML, …).',
    fix: 'Fix the file so that it can be checked; an unchecked file is never allowed through.',
    group: 'unreadable files',
    anchoredInConfig: false,
    judgedFrom: 'file',
    message: (why: 'utf8' | { toml: string }) =>
      why === 'utf8'
        ? 'not valid UTF-8: Rust sources and Cargo manifests must be UTF-8, and a file that cannot be read cannot be cleared'
        : `Cargo manifest is not valid TOML: ${why.toml}`,
  },
  'escaping-module-path': {
    severity: 'error',
    title: 'Module path escapes the repository',
    description: 'A `#[path = "…"]` or `include!("…")` in production code names a file outside the repository, so code compiled into the crate is never checked.',
    fix: 'Move the file into the repository and name it from there.',
    group: 'module paths',
    anchoredInConfig: false,
    // Found by resolving modules across files, not by judging one file alone.
    judgedFrom: 'tree',
    message: (declaration: string, target: string) =>
      `\`${declaration}\` names ${q(target)}, outside the repository: code chokepoint cannot read is code it cannot clear; move the file into the repository`,
  },
  'stale-allowlist-entry': {
    severity: 'warning',
    title: 'Allowlist entry no longer needed',
    description: 'An allowlisted file no longer contains any needle of its class: the chokepoint can be tightened.',
    fix: 'Remove the allowlist entry (or the needles it sanctions) from chokepoint.toml.',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (path: string, cls: string) => `allowlist entry ${q(path)} of class ${cls} no longer uses any of its needles: the chokepoint can be tightened`,
  },
  'unused-needle': {
    severity: 'warning',
    title: 'Class matches nothing',
    description: 'No needle of a banned class matches anything in the tree: the class guards nothing, which a typo would also cause.',
    fix: 'Check the needle for a typo in chokepoint.toml, or remove it.',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (needles: readonly string[], cls: string) =>
      needles.length === 1
        ? `needle \`${needles[0]}\` of class ${cls} matches nothing in the tree: the class guards nothing here (check the needle for a typo)`
        : `no needle of class ${cls} matches anything in the tree (${needles.map((n) => `\`${n}\``).join(', ')}): the class guards nothing here (check the needles for typos)`,
  },
  'unused-dependency-exception': {
    severity: 'warning',
    title: 'Dependency exception matches nothing',
    description: 'A dependency exception names a crate that no checked manifest depends on.',
    fix: 'Remove the exception from chokepoint.toml.',
    group: 'sanity',
    anchoredInConfig: true,
    judgedFrom: 'tree',
    message: (crate: string) => `dependency exception for ${q(crate)} matches no dependency`,
  },
  'stale-lockfile': {
    severity: 'warning',
    title: 'Cargo.lock may be stale',
    description: 'A manifest declares a dependency that Cargo.lock does not list for its crate, so the graph check cannot follow it.',
    fix: 'Run `cargo update --workspace` (or any cargo build) and commit Cargo.lock with the manifest.',
    group: 'dependencies',
    anchoredInConfig: false,
    judgedFrom: 'tree',
    message: messages.staleLockfile,
  },
  'baseline-outdated': {
    severity: 'warning',
    title: 'Baseline entry outgrown',
    description: 'A file has fewer findings of a kind than the baseline records: the slack would let a new finding through unnoticed.',
    fix: 'Run `chokepoint baseline --prune` and commit the baseline file.',
    group: 'sanity',
    anchoredInConfig: false,
    judgedFrom: 'tree',
    message: (path: string, key: string, recorded: number, now: number) =>
      `${path}: ${key} is down to ${now} from the baseline's ${recorded}: run \`chokepoint baseline --prune\` so the baseline cannot hide a new one`,
  },
} as const satisfies Record<string, KindEntry>;

export type FindingKind = keyof typeof CATALOGUE;

/** Every kind, in catalogue order (the SARIF rule order after the class rules). */
export const FINDING_KINDS = Object.keys(CATALOGUE) as FindingKind[];

export function kindEntry(kind: FindingKind): KindEntry {
  return CATALOGUE[kind];
}

export function isWarningKind(kind: FindingKind): boolean {
  return CATALOGUE[kind].severity === 'warning';
}

/** The rule id of a finding: `banned-api/<class>` for class findings, the kind otherwise. */
export function ruleIdOf(finding: { kind: FindingKind; class?: string }): string {
  if (finding.kind === 'banned-api') return finding.class !== undefined ? `banned-api/${finding.class}` : 'banned-api';
  return finding.kind;
}

/** The two ways out of a banned-api finding (human report, annotations, SARIF help). */
export const waysOut = {
  route: (useInstead?: string) => (useInstead ? `route the access through ${useInstead}` : 'route the access through an existing chokepoint module'),
  allow: (cls: string, configPath = 'chokepoint.toml') => `or, if this file is a new reviewed chokepoint, add it to the ${cls} allowlist in ${configPath} with a reason`,
  /** Both, as one sentence. */
  sentence: (cls: string | undefined, useInstead: string | undefined, configPath: string) =>
    `Route the access through ${useInstead !== undefined && useInstead !== '' ? useInstead : 'a reviewed chokepoint module'}, or, if this file is itself a chokepoint, add an allowlist entry${cls !== undefined ? ` of class "${cls}"` : ''} for it, with a reason, in ${configPath}.`,
} as const;
