// The data model shared by every layer: configuration, findings, results.

/** Which matcher judges Rust sources. */
export type MatcherName = 'precise' | 'line';

/** One banned class, as configured. */
export interface BannedClass {
  name: string;
  /** Why the class is banned: shown with every finding of the class. */
  reason: string;
  /** The sanctioned chokepoint to route through instead, if there is one. */
  useInstead?: string;
  needles: string[];
  allow: AllowEntry[];
  /** Position of the class table in the config, for messages. */
  at?: Position;
  /** Position of needle `index` in the config (computed on demand). */
  needleAt?: (index: number) => Position | undefined;
}

export interface AllowEntry {
  /** Repo-relative path with `/` separators. */
  path: string;
  reason: string;
  /** When set, the entry sanctions only these needles of the class. */
  needles?: string[];
  at?: Position;
}

export interface ScopeConfig {
  /** Globs of production sources; a leading `!` removes files from the walk. */
  include: string[];
  /** Globs of in-scope files that are deliberately not scanned. */
  exclude: string[];
  /** A full audit must scan at least this many files (0: no minimum). */
  minFiles: number;
  /** Count excluded files toward `minFiles` (what the seed test did). */
  countExcluded: boolean;
}

export interface DependencyException {
  crate: string;
  reason: string;
  at?: Position;
}

/** `[[dependency_rule.wrapper]]`: the only crates that may depend on a banned crate directly (cargo-deny's `wrappers`). */
export interface DependencyWrapper {
  /** One of the rule's `banned` markers. */
  banned: string;
  /** Crate names allowed to depend directly on a crate the marker bans. */
  crates: string[];
  reason: string;
  at?: Position;
}

export interface DependencyRuleConfig {
  /** Globs of Cargo manifests. */
  manifests: string[];
  /** Banned crate-name markers: case-insensitive substrings, or globs when they contain `*` or `?`. */
  banned: string[];
  allow: DependencyException[];
  /** Report `path = "…"` dependencies that resolve outside the repository. */
  forbidEscapingPaths: boolean;
  /** Follow the whole graph from `Cargo.lock`, not just direct dependencies. */
  graph?: boolean;
  wrappers?: DependencyWrapper[];
}

export interface BypassConfig {
  /** `check --since`: findings whose introducing commit records a bypass pass (default false: they fail too). */
  allowInCi: boolean;
}

export interface Config {
  /** Absolute path of the config file it came from ('' for a built-in config). */
  file: string;
  matcher: MatcherName;
  scope: ScopeConfig;
  classes: BannedClass[];
  dependencies?: DependencyRuleConfig;
  bypass?: BypassConfig;
}

/** 1-based line and column (UTF-16 code units). */
export interface Position {
  line: number;
  column: number;
}

export type { FindingKind } from './findings/catalogue.js';
import type { FindingKind } from './findings/catalogue.js';

/** The commit of a `--since` range that introduced a finding, and the bypass reason its trailer records (null: none). */
export interface IntroducedBy {
  commit: string;
  bypass: string | null;
}

export interface Finding {
  kind: FindingKind;
  /** One sentence saying what is wrong. */
  message: string;
  /** Repo-relative, `/` separators; absent for tree-wide findings. */
  path?: string;
  line?: number;
  column?: number;
  /** Length of the match in UTF-16 code units, for underlining. */
  length?: number;
  class?: string;
  needle?: string;
  dependency?: string;
  table?: string;
  /** The source line the finding points at, for the human report. */
  lineText?: string;
  /** `check --since`: the commit of the range that introduced the finding. */
  introducedBy?: IntroducedBy;
  /** banned-dependency-chain: the packages from a workspace member to the banned crate, as shown. */
  chain?: string[];
  /** Other places that explain the finding (SARIF relatedLocations). */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export type RunMode = 'staged' | 'all' | 'files' | 'since';

export interface Stats {
  filesScanned: number;
  manifestsChecked: number;
  durationMs: number;
  /** Which judge analysed the Rust files: the reference one, or the fast path. */
  judge: 'plain' | 'fast';
}

export interface CheckResult {
  mode: RunMode;
  findings: Finding[];
  warnings: Finding[];
  stats: Stats;
  /** Set when the run was bypassed with a reason: findings are reported but do not fail. */
  bypass?: string;
  /** `check --since`: findings whose introducing commit records a bypass do not fail the run. */
  recordedBypassesPass?: boolean;
  /** Findings within the committed baseline (§8a): reported, never failing. */
  baselined?: Finding[];
  /** A staged config re-audit's findings that HEAD already had under its own config (§5): reported, not blocking. */
  preExisting?: Finding[];
}

/** A read-only view of file contents at some point (working tree, index, commit). */
export interface Source {
  readonly kind: 'worktree' | 'index' | 'revision';
  /** Every path the source holds (repo-relative, `/` separators), sorted. */
  listPaths(): Promise<string[]>;
  /** Contents of the given paths; a path that is absent maps to undefined. */
  readFiles(paths: readonly string[]): Promise<Map<string, Buffer | undefined>>;
  /** The target text of those of `paths` that are symbolic links (mode 120000 in git). */
  readLinks(paths: readonly string[]): Promise<Map<string, string>>;
  /** The text files that spell one of `words` as a whole word (git grep -w), a superset is fine. */
  filesSpelling(words: readonly string[]): Promise<Set<string>>;
  /** Release any process the source holds. */
  close(): void;
}
