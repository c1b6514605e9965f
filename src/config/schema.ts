// Validates a parsed chokepoint.toml into a `Config`. Every problem is a config
// error at the offending key's line and column; nothing unknown is ignored.

import type { AllowEntry, BannedClass, BypassConfig, Config, DependencyException, DependencyRuleConfig, DependencyWrapper, MatcherName, Position, ScopeConfig } from '../types.js';
import { configError } from '../errors.js';
import { compileGlob, GlobSyntaxError } from '../glob.js';
import { locateKeyPath, locateValuePath } from '../toml/positions.js';

type KeyPath = (string | number)[];
type Table = Record<string, unknown>;

/** Reports errors at the position of a key path in the config text. */
interface Reporter {
  fail(path: KeyPath, message: string, hint?: string): never;
  at(path: KeyPath): Position | undefined;
  /** Whether the value at `path` is written quoted: `toml` returns local dates and times as strings too. */
  isQuoted(path: KeyPath): boolean;
}

function reporter(displayPath: string, text: string): Reporter {
  const at = (path: KeyPath): Position | undefined => {
    // Fall back to the nearest enclosing key that has a position.
    for (let n = path.length; n > 0; n--) {
      const pos = locateKeyPath(text, path.slice(0, n));
      if (pos) return pos;
    }
    return undefined;
  };
  return {
    at,
    isQuoted(path) {
      const pos = locateValuePath(text, path);
      const line = pos && text.split('\n')[pos.line - 1];
      return line === undefined || /["']/.test(line[pos!.column - 1] ?? '"');
    },
    fail(path, message, hint) {
      const pos = at(path);
      const name = path.length ? `\`${path.map(String).join('.')}\`: ` : '';
      throw configError(displayPath, `${name}${message}`, pos?.line ?? 1, pos?.column ?? 1, hint);
    },
  };
}

const TOP_KEYS = ['matcher', 'scope', 'class', 'dependency_rule', 'bypass'];
const SCOPE_KEYS = ['include', 'exclude', 'min_files', 'count_excluded'];
const CLASS_KEYS = ['name', 'reason', 'use_instead', 'needles', 'allow'];
const ALLOW_KEYS = ['path', 'reason', 'needles'];
const DEP_KEYS = ['manifests', 'banned', 'allow', 'forbid_escaping_paths', 'graph', 'wrapper'];
const DEP_ALLOW_KEYS = ['crate', 'reason'];
const WRAPPER_KEYS = ['banned', 'crates', 'reason'];

/**
 * Gives `target.at` the position of its key path, computed on first use:
 * locating keys needs a second, position-keeping TOML parse that the hook's
 * fast path should not pay for.
 */
function withLazyPosition(target: { at?: Position }, locate: (path: KeyPath) => Position | undefined, path: KeyPath): void {
  let cached: Position | undefined | null = null;
  Object.defineProperty(target, 'at', {
    enumerable: false,
    configurable: true,
    get: () => (cached === null ? (cached = locate(path)) : cached),
  });
}

/** Gives every class, allowlist entry and dependency exception its (lazy) position in `text`. */
export function attachPositions(config: Config, text: string): Config {
  const locate = (path: KeyPath) => locateKeyPath(text, path);
  config.classes.forEach((cls, i) => {
    withLazyPosition(cls, locate, ['class', i]);
    Object.defineProperty(cls, 'needleAt', { enumerable: false, configurable: true, value: (j: number) => locate(['class', i, 'needles', j]) });
    cls.allow.forEach((entry, j) => withLazyPosition(entry, locate, ['class', i, 'allow', j]));
  });
  config.dependencies?.allow.forEach((e, k) => withLazyPosition(e, locate, ['dependency_rule', 'allow', k]));
  config.dependencies?.wrappers?.forEach((w, k) => withLazyPosition(w, locate, ['dependency_rule', 'wrapper', k]));
  return config;
}

function checkKeys(r: Reporter, table: Table, allowed: string[], path: KeyPath): void {
  for (const key of Object.keys(table)) {
    if (!allowed.includes(key)) {
      r.fail([...path, key], 'unknown key', `allowed here: ${allowed.join(', ')}`);
    }
  }
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function table(r: Reporter, value: unknown, path: KeyPath): Table {
  if (!isTable(value)) r.fail(path, 'must be a table');
  return value;
}

// How `toml` returns an unquoted local date, date-time or time.
const LOCAL_DATE_OR_TIME = /^(?:\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function str(r: Reporter, value: unknown, path: KeyPath, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== 'string') r.fail(path, `must be a string, not ${describe(value)}`);
  if (LOCAL_DATE_OR_TIME.test(value) && !r.isQuoted(path)) r.fail(path, `must be a string, not ${/^\d{4}/.test(value) ? 'a date' : 'a time'}`, 'quote it to make it a string');
  if (opts.nonEmpty && value.trim() === '') r.fail(path, 'must not be empty');
  return value;
}

function strings(r: Reporter, value: unknown, path: KeyPath, opts: { nonEmpty?: boolean } = {}): string[] {
  if (!Array.isArray(value)) r.fail(path, `must be an array of strings, not ${describe(value)}`);
  return value.map((item, i) => str(r, item, [...path, i], opts));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (isTable(value)) return 'a table';
  return `a ${typeof value}`;
}

function globs(r: Reporter, value: unknown, path: KeyPath): string[] {
  const list = strings(r, value, path, { nonEmpty: true });
  list.forEach((pattern, i) => {
    try {
      compileGlob(pattern.startsWith('!') ? pattern.slice(1) : pattern);
    } catch (err) {
      if (err instanceof GlobSyntaxError) r.fail([...path, i], `invalid glob ${JSON.stringify(pattern)}: ${err.message}`);
      throw err;
    }
  });
  return list;
}

/** A repo-relative path: `/` separators, no `..`, not absolute. */
function repoPath(r: Reporter, value: unknown, path: KeyPath): string {
  const p = str(r, value, path, { nonEmpty: true });
  const hint = 'write the path relative to the repository root, with `/` separators, e.g. "crates/net/src/socket.rs"';
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) r.fail(path, `path ${JSON.stringify(p)} is absolute`, hint);
  if (p.includes('\\')) r.fail(path, `path ${JSON.stringify(p)} uses \`\\\``, hint);
  if (p.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) {
    r.fail(path, `path ${JSON.stringify(p)} has an empty, \`.\` or \`..\` segment`, hint);
  }
  return p;
}

function parseScope(r: Reporter, value: unknown): ScopeConfig {
  const t = table(r, value ?? {}, ['scope']);
  checkKeys(r, t, SCOPE_KEYS, ['scope']);
  const minFiles = t.min_files ?? 0;
  if (typeof minFiles !== 'number' || !Number.isInteger(minFiles) || minFiles < 0) {
    r.fail(['scope', 'min_files'], 'must be a whole number ≥ 0');
  }
  const countExcluded = t.count_excluded ?? false;
  if (typeof countExcluded !== 'boolean') r.fail(['scope', 'count_excluded'], 'must be true or false');
  const include = t.include === undefined ? ['**/*.rs'] : globs(r, t.include, ['scope', 'include']);
  if (!include.some((g) => !g.startsWith('!'))) {
    r.fail(['scope', 'include'], 'needs at least one pattern that is not a `!` negation');
  }
  return {
    include,
    exclude: t.exclude === undefined ? [] : globs(r, t.exclude, ['scope', 'exclude']),
    minFiles,
    countExcluded,
  };
}

function parseAllow(r: Reporter, value: unknown, path: KeyPath, classNeedles: string[]): AllowEntry {
  const t = table(r, value, path);
  checkKeys(r, t, ALLOW_KEYS, path);
  if (t.path === undefined) r.fail(path, 'allowlist entry needs a `path`');
  if (t.reason === undefined) {
    r.fail(path, 'allowlist entry needs a `reason`', 'say why host access is safe in this file: reviewers read it');
  }
  const entry: AllowEntry = {
    path: repoPath(r, t.path, [...path, 'path']),
    reason: str(r, t.reason, [...path, 'reason'], { nonEmpty: true }),
  };
  if (t.needles !== undefined) {
    const needles = strings(r, t.needles, [...path, 'needles'], { nonEmpty: true });
    if (needles.length === 0) r.fail([...path, 'needles'], 'must not be empty (leave it out to sanction every needle)');
    needles.forEach((n, i) => {
      if (!classNeedles.includes(n)) {
        r.fail([...path, 'needles', i], `${JSON.stringify(n)} is not a needle of this class`, `the class needles are ${classNeedles.map((x) => JSON.stringify(x)).join(', ')}`);
      }
    });
    entry.needles = needles;
  }
  return entry;
}

function parseClass(r: Reporter, value: unknown, index: number, seen: Set<string>): BannedClass {
  const path: KeyPath = ['class', index];
  const t = table(r, value, path);
  checkKeys(r, t, CLASS_KEYS, path);
  if (t.name === undefined) r.fail(path, 'class needs a `name`');
  const name = str(r, t.name, [...path, 'name'], { nonEmpty: true });
  if (seen.has(name)) r.fail([...path, 'name'], `duplicate class name ${JSON.stringify(name)}`, 'merge the two classes or rename one');
  seen.add(name);
  if (t.needles === undefined) r.fail(path, `class ${JSON.stringify(name)} needs \`needles\``);
  const needles = strings(r, t.needles, [...path, 'needles'], { nonEmpty: true });
  if (needles.length === 0) r.fail([...path, 'needles'], 'must list at least one needle');
  needles.forEach((n, i) => {
    if (needles.indexOf(n) !== i) r.fail([...path, 'needles', i], `duplicate needle ${JSON.stringify(n)}`);
  });
  if (t.reason === undefined) r.fail(path, `class ${JSON.stringify(name)} needs a \`reason\``, 'say why this host access is banned');
  const allowValue = t.allow ?? [];
  if (!Array.isArray(allowValue)) r.fail([...path, 'allow'], 'must be an array of tables ([[class.allow]])');
  const allow = allowValue.map((entry, i) => parseAllow(r, entry, [...path, 'allow', i], needles));
  allow.forEach((entry, i) => {
    if (allow.findIndex((e) => e.path === entry.path) !== i) {
      r.fail([...path, 'allow', i, 'path'], `duplicate allowlist entry ${JSON.stringify(entry.path)} in class ${JSON.stringify(name)}`, 'keep one entry per file; narrow it with `needles` if needed');
    }
  });
  const cls: BannedClass = { name, reason: str(r, t.reason, [...path, 'reason'], { nonEmpty: true }), needles, allow };
  if (t.use_instead !== undefined) cls.useInstead = str(r, t.use_instead, [...path, 'use_instead'], { nonEmpty: true });
  return cls;
}

function parseDependencyRule(r: Reporter, value: unknown): DependencyRuleConfig {
  const path: KeyPath = ['dependency_rule'];
  const t = table(r, value, path);
  checkKeys(r, t, DEP_KEYS, path);
  const forbid = t.forbid_escaping_paths ?? false;
  if (typeof forbid !== 'boolean') r.fail([...path, 'forbid_escaping_paths'], 'must be true or false');
  const allowValue = t.allow ?? [];
  if (!Array.isArray(allowValue)) r.fail([...path, 'allow'], 'must be an array of tables ([[dependency_rule.allow]])');
  const allow = allowValue.map((entry, i): DependencyException => {
    const p: KeyPath = [...path, 'allow', i];
    const e = table(r, entry, p);
    checkKeys(r, e, DEP_ALLOW_KEYS, p);
    if (e.crate === undefined) r.fail(p, 'exception needs a `crate`');
    if (e.reason === undefined) r.fail(p, 'exception needs a `reason`');
    const exception: DependencyException = { crate: str(r, e.crate, [...p, 'crate'], { nonEmpty: true }), reason: str(r, e.reason, [...p, 'reason'], { nonEmpty: true }) };
    return exception;
  });
  allow.forEach((e, i) => {
    if (allow.findIndex((x) => x.crate.toLowerCase() === e.crate.toLowerCase()) !== i) {
      r.fail([...path, 'allow', i, 'crate'], `duplicate exception for crate ${JSON.stringify(e.crate)}`);
    }
  });
  const graph = t.graph ?? false;
  if (typeof graph !== 'boolean') r.fail([...path, 'graph'], 'must be true or false');
  const banned = t.banned === undefined ? [] : strings(r, t.banned, [...path, 'banned'], { nonEmpty: true });
  return {
    manifests: t.manifests === undefined ? ['**/Cargo.toml'] : globs(r, t.manifests, [...path, 'manifests']),
    banned,
    allow,
    forbidEscapingPaths: forbid,
    graph,
    wrappers: parseWrappers(r, t.wrapper, banned),
  };
}

/** `[[dependency_rule.wrapper]]`: which crates may depend directly on what a marker bans. */
function parseWrappers(r: Reporter, value: unknown, banned: readonly string[]): DependencyWrapper[] {
  const path: KeyPath = ['dependency_rule', 'wrapper'];
  if (value === undefined) return [];
  if (!Array.isArray(value)) r.fail(path, 'must be an array of tables ([[dependency_rule.wrapper]])');
  const wrappers = value.map((entry, i): DependencyWrapper => {
    const p: KeyPath = [...path, i];
    const w = table(r, entry, p);
    checkKeys(r, w, WRAPPER_KEYS, p);
    if (w.banned === undefined) r.fail(p, 'wrapper needs `banned`: one of the markers of `dependency_rule.banned`');
    if (w.crates === undefined) r.fail(p, 'wrapper needs `crates`: the crates allowed to depend on it directly');
    if (w.reason === undefined) r.fail(p, 'wrapper needs a `reason`', 'say why these crates may bring the banned crate in: reviewers read it');
    const marker = str(r, w.banned, [...p, 'banned'], { nonEmpty: true });
    if (!banned.includes(marker)) {
      r.fail([...p, 'banned'], `${JSON.stringify(marker)} is not a marker of \`dependency_rule.banned\``, banned.length ? `the markers are ${banned.map((m) => JSON.stringify(m)).join(', ')}` : 'add it to `banned` first');
    }
    const crates = strings(r, w.crates, [...p, 'crates'], { nonEmpty: true });
    if (crates.length === 0) r.fail([...p, 'crates'], 'must name at least one crate (without wrappers the crate is banned everywhere: leave the entry out)');
    crates.forEach((c, j) => {
      if (crates.indexOf(c) !== j) r.fail([...p, 'crates', j], `duplicate crate ${JSON.stringify(c)}`);
    });
    return { banned: marker, crates, reason: str(r, w.reason, [...p, 'reason'], { nonEmpty: true }) };
  });
  wrappers.forEach((w, i) => {
    if (wrappers.findIndex((x) => x.banned === w.banned) !== i) r.fail([...path, i, 'banned'], `duplicate wrapper entry for marker ${JSON.stringify(w.banned)}`, 'list every wrapper crate of a marker in one entry');
  });
  return wrappers;
}

/** Turns the parsed TOML document into a validated `Config`. */
/** `[bypass]`: what `check --since` does with findings whose commit records a bypass. */
function parseBypass(r: Reporter, value: unknown): BypassConfig {
  const t = table(r, value, ['bypass']);
  checkKeys(r, t, ['allow_in_ci'], ['bypass']);
  const allow = t.allow_in_ci ?? false;
  if (typeof allow !== 'boolean') r.fail(['bypass', 'allow_in_ci'], `must be true or false, not ${describe(allow)}`);
  return { allowInCi: allow as boolean };
}

export function validateConfig(doc: Table, text: string, displayPath: string, absolutePath: string): Config {
  const r: Reporter = reporter(displayPath, text);
  checkKeys(r, doc, TOP_KEYS, []);
  const matcher = doc.matcher ?? 'precise';
  if (matcher !== 'precise' && matcher !== 'line') r.fail(['matcher'], 'must be "precise" or "line"');
  const classValue: unknown = doc.class ?? [];
  if (!Array.isArray(classValue)) r.fail(['class'], 'must be an array of tables ([[class]])');
  const seen = new Set<string>();
  const config: Config = {
    file: absolutePath,
    matcher: matcher as MatcherName,
    scope: parseScope(r, doc.scope),
    classes: classValue.map((c, i) => parseClass(r, c, i, seen)),
  };
  if (doc.dependency_rule !== undefined) config.dependencies = parseDependencyRule(r, doc.dependency_rule);
  if (doc.bypass !== undefined) config.bypass = parseBypass(r, doc.bypass);
  if (config.classes.length === 0 && !config.dependencies) {
    r.fail([], 'the config bans nothing: add a [[class]] or a [dependency_rule]', 'run `chokepoint init` for a commented starter config');
  }
  return attachPositions(config, text);
}
