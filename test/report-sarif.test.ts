import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { CheckResult, Config, Finding, FindingKind } from '../src/types.js';
import { encodeUriPath, formatSarif, OTHER_KINDS } from '../src/report/sarif.js';

// ---------------------------------------------------------------------------
// Helpers

/** The repository root: the nearest ancestor of this (compiled) file holding a package.json. */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test file');
    dir = parent;
  }
}

let validator: ValidateFunction | undefined;
function validate(text: string): unknown {
  if (validator === undefined) {
    const schemaPath = path.join(repoRoot(), 'test', 'data', 'sarif-2.1.0.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    validator = ajv.compile(schema);
  }
  const doc: unknown = JSON.parse(text);
  const ok = validator(doc);
  assert.ok(ok, `SARIF is not schema-valid: ${JSON.stringify(validator.errors, null, 2)}`);
  return doc;
}

// Minimal typed views of the parts of the log the tests look at.
interface SarifRegion {
  startLine?: number;
  startColumn?: number;
  endColumn?: number;
}
interface SarifLocation {
  physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: SarifRegion };
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message: { text?: string };
  locations?: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  suppressions?: unknown[];
  properties?: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  defaultConfiguration?: { level?: string };
}
interface SarifRun {
  tool: { driver: { name: string; version?: string; informationUri?: string; rules?: SarifRule[] } };
  invocations?: { executionSuccessful: boolean; properties?: Record<string, unknown>; toolExecutionNotifications?: { message: { text: string } }[] }[];
  originalUriBaseIds?: Record<string, unknown>;
  results?: SarifResult[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

function sarif(result: CheckResult, config: Config = CONFIG, options?: Parameters<typeof formatSarif>[3]): SarifRun {
  const text = formatSarif(result, config, '1.2.3', options);
  assert.ok(text.endsWith('\n'));
  const log = validate(text) as SarifLog;
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.ok(run !== undefined);
  return run;
}

function uriOf(r: SarifResult): string | undefined {
  return r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
}
function regionOf(r: SarifResult): SarifRegion | undefined {
  return r.locations?.[0]?.physicalLocation?.region;
}
function only<T>(xs: readonly T[] | undefined, pred: (x: T) => boolean): T {
  const hits = (xs ?? []).filter(pred);
  assert.equal(hits.length, 1, `expected exactly one match, got ${hits.length}`);
  return hits[0] as T;
}

/** RFC 3986 relative-reference path characters (no scheme, query or fragment). */
const URI_REFERENCE_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})*$/;

const CONFIG: Config = {
  file: '/home/dev/repo/chokepoint.toml',
  matcher: 'precise',
  scope: { include: ['crates/*/src/**/*.rs'], exclude: [], minFiles: 30, countExcluded: false },
  classes: [
    {
      name: 'fs',
      reason: 'Filesystem access must go through the audited host layer.',
      useInstead: 'crate::host::fs',
      needles: ['std::fs', 'tokio::fs'],
      allow: [
        { path: 'crates/host/src/fs.rs', reason: 'the chokepoint itself', at: { line: 12, column: 3 } },
        { path: 'crates/old/src/gone.rs', reason: 'legacy', at: { line: 15, column: 3 } },
      ],
      at: { line: 5, column: 1 },
    },
    {
      name: 'env',
      reason: 'Environment reads hide configuration.',
      needles: ['std::env'],
      allow: [],
      at: { line: 20, column: 1 },
    },
  ],
  dependencies: {
    manifests: ['crates/*/Cargo.toml'],
    banned: ['agent'],
    allow: [{ crate: 'agent-types', reason: 'plain data types', at: { line: 30, column: 5 } }],
    forbidEscapingPaths: true,
  },
};

function result(findings: Finding[], warnings: Finding[] = [], bypass?: string): CheckResult {
  return {
    mode: 'all',
    findings,
    warnings,
    stats: { filesScanned: 42, manifestsChecked: 3, durationMs: 17, judge: 'fast' },
    ...(bypass !== undefined ? { bypass } : {}),
  };
}

const BANNED: Finding = {
  kind: 'banned-api',
  message: 'std::fs is banned outside its chokepoints.',
  path: 'crates/app/src/lib.rs',
  line: 3,
  column: 5,
  length: 7,
  class: 'fs',
  needle: 'std::fs',
};

const EVERY_ERROR: Finding[] = [
  BANNED,
  { kind: 'banned-api', message: 'std::env is banned.', path: 'crates/app/src/cfg.rs', line: 9, column: 13, class: 'env', needle: 'std::env' },
  {
    kind: 'banned-dependency',
    message: 'crate app depends on banned crate agent-client.',
    path: 'crates/app/Cargo.toml',
    line: 8,
    column: 1,
    dependency: 'agent-client',
    table: 'dependencies',
  },
  {
    kind: 'escaping-path-dependency',
    message: 'path dependency ../../outside escapes the repository.',
    path: 'crates/app/Cargo.toml',
    line: 11,
    column: 1,
    dependency: 'outside',
    table: 'dev-dependencies',
  },
  { kind: 'too-few-files', message: 'only 3 files scanned, at least 30 expected.' },
  { kind: 'missing-allowlist-path', message: 'crates/old/src/gone.rs does not exist.', path: 'crates/old/src/gone.rs', class: 'fs' },
  { kind: 'dead-allowlist-entry', message: 'crates/x/build.rs is excluded.', path: 'crates/x/build.rs', class: 'env' },
  { kind: 'allowlisted-path-removed', message: 'the staged change deletes crates/host/src/fs.rs.', path: 'crates/host/src/fs.rs', class: 'fs' },
  { kind: 'invalid-file', message: 'not valid UTF-8.', path: 'crates/app/src/bin.rs', line: 2, column: 1 },
];

const EVERY_WARNING: Finding[] = [
  { kind: 'stale-allowlist-entry', message: 'crates/host/src/fs.rs no longer uses fs.', path: 'crates/host/src/fs.rs', class: 'fs' },
  { kind: 'unused-needle', message: 'needle tokio::fs matches nothing.', class: 'fs', needle: 'tokio::fs' },
  { kind: 'unused-dependency-exception', message: 'exception agent-types matches nothing.', dependency: 'agent-types' },
];

// ---------------------------------------------------------------------------
// Tests

test('the vendored schema rejects a broken log (the validator is live)', () => {
  const schemaPath = path.join(repoRoot(), 'test', 'data', 'sarif-2.1.0.json');
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const check = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>);
  assert.equal(check({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r' }] }] }), false);
  assert.equal(check({ version: '2.0.0', runs: [] }), false);
  assert.equal(check({ version: '2.1.0', runs: [] }), true);
});

test('clean result: valid, one run, every rule declared, no results', () => {
  const run = sarif(result([]));
  const driver = run.tool.driver;
  assert.equal(driver.name, 'chokepoint');
  assert.equal(driver.version, '1.2.3');
  if (driver.informationUri !== undefined) assert.doesNotMatch(driver.informationUri, /example|TODO|<|>/i);
  assert.deepEqual(run.results, []);
  const ids = (driver.rules ?? []).map((r) => r.id);
  assert.deepEqual(ids, ['banned-api/fs', 'banned-api/env', ...OTHER_KINDS]);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(run.originalUriBaseIds !== undefined && '%SRCROOT%' in run.originalUriBaseIds);
  const inv = run.invocations?.[0];
  assert.equal(inv?.executionSuccessful, true);
  assert.equal(inv?.properties?.['bypass'], undefined);
  assert.equal(inv?.properties?.['filesScanned'], 42);
});

test('class rules carry the reason, the chokepoint to use and both ways out', () => {
  const rules = sarif(result([])).tool.driver.rules ?? [];
  const fs = only(rules, (r) => r.id === 'banned-api/fs');
  assert.match(fs.fullDescription?.text ?? '', /Filesystem access must go through the audited host layer\./);
  assert.match(fs.fullDescription?.text ?? '', /route through crate::host::fs/i);
  const help = fs.help?.text ?? '';
  assert.match(help, /crate::host::fs/);
  assert.match(help, /allowlist entry/);
  assert.match(help, /with a reason/);
  assert.match(help, /chokepoint\.toml/);
  assert.match(fs.help?.markdown ?? '', /`crate::host::fs`/);
  assert.equal(fs.defaultConfiguration?.level, 'error');

  const env = only(rules, (r) => r.id === 'banned-api/env');
  assert.match(env.help?.text ?? '', /Environment reads hide configuration\./);
  assert.match(env.help?.text ?? '', /chokepoint/);
  assert.doesNotMatch(env.help?.text ?? '', /undefined/);

  for (const kind of OTHER_KINDS) {
    const rule = only(rules, (r) => r.id === kind);
    assert.ok((rule.shortDescription?.text ?? '').length > 0, kind);
    assert.ok((rule.help?.text ?? '').length > 0, kind);
  }
  assert.equal(only(rules, (r) => r.id === 'unused-needle').defaultConfiguration?.level, 'warning');
  assert.equal(only(rules, (r) => r.id === 'too-few-files').defaultConfiguration?.level, 'error');
});

test('findings of every kind: valid, levels, rule ids and indexes, locations', () => {
  const run = sarif(result(EVERY_ERROR, EVERY_WARNING));
  const rules = run.tool.driver.rules ?? [];
  const results = run.results ?? [];
  assert.equal(results.length, EVERY_ERROR.length + EVERY_WARNING.length);

  const seenKinds = new Set<FindingKind>();
  results.forEach((r, i) => {
    const finding = i < EVERY_ERROR.length ? EVERY_ERROR[i] : EVERY_WARNING[i - EVERY_ERROR.length];
    assert.ok(finding !== undefined);
    seenKinds.add(finding.kind);
    assert.equal(r.level, i < EVERY_ERROR.length ? 'error' : 'warning');
    assert.equal(r.message.text?.startsWith(finding.message), true);
    assert.ok(r.ruleIndex !== undefined);
    assert.equal(rules[r.ruleIndex]?.id, r.ruleId);
    // GitHub rejects the whole upload if any result lacks a physical location.
    assert.equal(r.locations?.length, 1);
    const loc = r.locations?.[0]?.physicalLocation;
    assert.equal(loc?.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.ok((loc?.artifactLocation?.uri ?? '').length > 0);
    assert.ok((loc?.region?.startLine ?? 0) >= 1);
    assert.equal(r.suppressions, undefined);
    assert.equal(r.properties?.['kind'], finding.kind);
  });
  assert.equal(seenKinds.size, 11, 'every finding kind is covered');

  const banned = only(results, (r) => r.ruleId === 'banned-api/fs');
  assert.equal(uriOf(banned), 'crates/app/src/lib.rs');
  assert.deepEqual(regionOf(banned), { startLine: 3, startColumn: 5, endColumn: 12 });
  assert.equal(banned.properties?.['class'], 'fs');
  assert.equal(banned.properties?.['needle'], 'std::fs');
  assert.match(banned.message.text ?? '', /audited host layer/);

  const env = only(results, (r) => r.ruleId === 'banned-api/env');
  assert.deepEqual(regionOf(env), { startLine: 9, startColumn: 13 });

  const dep = only(results, (r) => r.ruleId === 'banned-dependency');
  assert.equal(uriOf(dep), 'crates/app/Cargo.toml');
  assert.equal(regionOf(dep)?.startLine, 8);
  assert.equal(dep.properties?.['dependency'], 'agent-client');
  assert.equal(dep.properties?.['table'], 'dependencies');
  assert.equal(only(results, (r) => r.ruleId === 'escaping-path-dependency').properties?.['table'], 'dev-dependencies');

  // Tree-wide: anchored on the config file.
  const few = only(results, (r) => r.ruleId === 'too-few-files');
  assert.equal(uriOf(few), 'chokepoint.toml');
  assert.equal(regionOf(few)?.startLine, 1);

  // Allowlist problems point at the allowlist entry in the config.
  const missing = only(results, (r) => r.ruleId === 'missing-allowlist-path');
  assert.equal(uriOf(missing), 'chokepoint.toml');
  assert.deepEqual(regionOf(missing), { startLine: 15, startColumn: 3 });
  assert.equal(missing.properties?.['path'], 'crates/old/src/gone.rs');
  const removed = only(results, (r) => r.ruleId === 'allowlisted-path-removed');
  assert.equal(regionOf(removed)?.startLine, 12);
  const stale = only(results, (r) => r.ruleId === 'stale-allowlist-entry');
  assert.equal(stale.level, 'warning');
  assert.equal(uriOf(stale), 'chokepoint.toml');
  assert.equal(regionOf(stale)?.startLine, 12);
  const needle = only(results, (r) => r.ruleId === 'unused-needle');
  assert.equal(regionOf(needle)?.startLine, 5);
  assert.equal(needle.properties?.['needle'], 'tokio::fs');
  const exception = only(results, (r) => r.ruleId === 'unused-dependency-exception');
  assert.deepEqual(regionOf(exception), { startLine: 30, startColumn: 5 });

  // No position known for this entry (env has no such allowlist entry): falls back to the path.
  const dead = only(results, (r) => r.ruleId === 'dead-allowlist-entry');
  assert.equal(uriOf(dead), 'crates/x/build.rs');

  const invalid = only(results, (r) => r.ruleId === 'invalid-file');
  assert.equal(uriOf(invalid), 'crates/app/src/bin.rs');
  assert.equal(regionOf(invalid)?.startLine, 2);
});

test('warnings promoted to findings (--strict) are errors', () => {
  const run = sarif(result(EVERY_WARNING));
  for (const r of run.results ?? []) assert.equal(r.level, 'error');
});

test('paths with spaces, #, ?, %, :, newline and non-ASCII are percent-encoded URI references', () => {
  const cases: [string, string][] = [
    ['crates/my crate/src/a b.rs', 'crates/my%20crate/src/a%20b.rs'],
    ['crates/x/src/a#b?.rs', 'crates/x/src/a%23b%3F.rs'],
    ['crates/x/src/100%.rs', 'crates/x/src/100%25.rs'],
    ['crates/x/src/new\nline.rs', 'crates/x/src/new%0Aline.rs'],
    ['crates/ünï/src/naïve.rs', 'crates/%C3%BCn%C3%AF/src/na%C3%AFve.rs'],
    ['a:b/src/lib.rs', 'a%3Ab/src/lib.rs'],
    ['crates/x/src/back\\slash.rs', 'crates/x/src/back%5Cslash.rs'],
    ['crates/x/src/😀.rs', 'crates/x/src/%F0%9F%98%80.rs'],
    ["crates/x/src/it's (1)+[2].rs", "crates/x/src/it's%20(1)+%5B2%5D.rs"],
  ];
  const findings: Finding[] = cases.map(([p], i) => ({ ...BANNED, path: p, line: i + 1 }));
  const run = sarif(result(findings));
  const results = run.results ?? [];
  assert.equal(results.length, cases.length);
  results.forEach((r, i) => {
    const [original, expected] = cases[i] as [string, string];
    const uri = uriOf(r);
    assert.equal(uri, expected);
    assert.match(uri ?? '', URI_REFERENCE_PATH);
    assert.equal(decodeURIComponent(uri ?? ''), original);
    // Parsed as a relative reference, it stays a path: no fragment or query split off.
    const url = new URL(uri ?? '', 'file:///repo/');
    assert.equal(url.hash, '');
    assert.equal(url.search, '');
    assert.equal(regionOf(r)?.startLine, i + 1);
  });
});

test('encodeUriPath never throws, even on a lone surrogate', () => {
  assert.equal(encodeUriPath('a/\uD800.rs'), 'a/%EF%BF%BD.rs');
  assert.equal(encodeUriPath(''), '');
  assert.equal(encodeUriPath('plain/path_1-2.~rs'), 'plain/path_1-2.~rs');
});

test('a bypassed result records the reason and keeps its results unsuppressed', () => {
  const reason = 'hotfix for incident #42: "fs" needed, see PR';
  const run = sarif(result([BANNED], [], reason));
  const inv = run.invocations?.[0];
  assert.equal(inv?.executionSuccessful, true);
  assert.equal(inv?.properties?.['bypass'], reason);
  assert.ok(inv?.toolExecutionNotifications?.some((n) => n.message.text.includes(reason)));
  const r = only(run.results, () => true);
  assert.equal(r.ruleId, 'banned-api/fs');
  assert.equal(r.level, 'error');
  assert.equal(r.suppressions, undefined);
});

test('a finding of an unconfigured class gets its own rule; built-in config anchors on chokepoint.toml', () => {
  const builtin: Config = { ...CONFIG, file: '', classes: [] };
  const run = sarif(
    result([{ ...BANNED, class: 'ghost' }, { kind: 'banned-api', message: 'no class', path: 'a.rs', line: 1 }, { kind: 'too-few-files', message: 'few' }]),
    builtin,
  );
  const rules = run.tool.driver.rules ?? [];
  for (const r of run.results ?? []) {
    assert.ok(r.ruleIndex !== undefined);
    assert.equal(rules[r.ruleIndex]?.id, r.ruleId);
  }
  assert.ok(rules.some((r) => r.id === 'banned-api/ghost'));
  assert.ok(rules.some((r) => r.id === 'banned-api'));
  assert.equal(uriOf(only(run.results, (r) => r.ruleId === 'too-few-files')), 'chokepoint.toml');
});

test('config-anchored locations use the repo-relative config path when the root is known', () => {
  const config: Config = { ...CONFIG, file: path.join(path.sep, 'repo', 'config dir', 'chokepoint.toml') };
  const run = sarif(result([{ kind: 'too-few-files', message: 'few' }]), config, { repoRoot: path.join(path.sep, 'repo') });
  assert.equal(uriOf(only(run.results, () => true)), 'config%20dir/chokepoint.toml');
  const run2 = sarif(result([{ kind: 'too-few-files', message: 'few' }]), config, { configPath: 'etc/chokepoint.toml' });
  assert.equal(uriOf(only(run2.results, () => true)), 'etc/chokepoint.toml');
});

test('partial fingerprints ignore the line and tell repeated findings apart', () => {
  const a = sarif(result([BANNED, { ...BANNED, line: 40 }]));
  const b = sarif(result([{ ...BANNED, line: 7 }]));
  const [a1, a2] = (a.results ?? []).map((r) => r.partialFingerprints?.['chokepointFinding/v1']);
  const b1 = b.results?.[0]?.partialFingerprints?.['chokepointFinding/v1'];
  assert.ok(a1 !== undefined && a2 !== undefined);
  assert.notEqual(a1, a2);
  assert.equal(a1, b1);
});

test('output is deterministic', () => {
  const r = result(EVERY_ERROR, EVERY_WARNING, 'why');
  assert.equal(formatSarif(r, CONFIG, '0.1.0'), formatSarif(r, CONFIG, '0.1.0'));
});
