import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkManifest, describeEscape, markerMatches } from '../src/rules/dependencies.js';
import { checkManifestLikeSeed } from '../src/rules/dependenciesLine.js';
import type { DependencyRuleConfig, Finding } from '../src/types.js';

function rule(overrides: Partial<DependencyRuleConfig> = {}): DependencyRuleConfig {
  return { manifests: ['crates/*/Cargo.toml'], banned: ['agent', 'acp', 'session'], allow: [], forbidEscapingPaths: false, ...overrides };
}

/** The parts of a finding a test pins down, in one comparable row. */
function rows(findings: Finding[]): unknown[][] {
  return findings.map((f) => [f.line, f.column, f.kind, f.dependency, f.table]);
}

const lines = (...ls: string[]): string => ls.join('\n') + '\n';

const everyTableKind = lines(
  '[package]', //                                            1
  'name = "secure-exec-core"', //                            2
  'version = "0.1.0"', //                                    3
  '', //                                                     4
  '[dependencies]', //                                       5
  'tokio = { version = "1", features = ["rt"] }', //         6
  'agent-core = "1"', //                                     7
  '', //                                                     8
  '[dev-dependencies]', //                                   9
  'acp-test = { path = "../acp-test" }', //                  10
  '', //                                                     11
  '[build-dependencies]', //                                 12
  'session-gen = "0.2"', //                                  13
  '', //                                                     14
  '[dev_dependencies]', //                                   15
  'Agent-Legacy = "1"', //                                   16
  '', //                                                     17
  '[build_dependencies]', //                                 18
  'acp_build = "1"', //                                      19
  '', //                                                     20
  "[target.'cfg(unix)'.dependencies]", //                    21
  'agent-unix = "1"', //                                     22
  '', //                                                     23
  '[target.x86_64-pc-windows-msvc.dev-dependencies]', //     24
  'session-win = "1"', //                                    25
  '', //                                                     26
  '[workspace.dependencies]', //                             27
  'acp-proto = { version = "1" }', //                        28
  '', //                                                     29
  '[features]', //                                           30
  'default = ["agent-mode"]', //                             31
  '', //                                                     32
  '[package.metadata.agent]', //                             33
  'session = "x"', //                                        34
);

test('every kind of dependency table is checked, and nothing else', () => {
  const verdict = checkManifest('crates/a/Cargo.toml', everyTableKind, rule());
  assert.deepEqual(rows(verdict.findings), [
    [7, 1, 'banned-dependency', 'agent-core', 'dependencies'],
    [10, 1, 'banned-dependency', 'acp-test', 'dev-dependencies'],
    [13, 1, 'banned-dependency', 'session-gen', 'build-dependencies'],
    [16, 1, 'banned-dependency', 'Agent-Legacy', 'dev_dependencies'],
    [19, 1, 'banned-dependency', 'acp_build', 'build_dependencies'],
    [22, 1, 'banned-dependency', 'agent-unix', 'target.cfg(unix).dependencies'],
    [25, 1, 'banned-dependency', 'session-win', 'target.x86_64-pc-windows-msvc.dev-dependencies'],
    [28, 1, 'banned-dependency', 'acp-proto', 'workspace.dependencies'],
  ]);
  assert.ok(verdict.findings.every((f) => f.path === 'crates/a/Cargo.toml'));
  assert.equal(verdict.usedExceptions.size, 0);
});

test('the message names the crate, the table and the marker', () => {
  const [first] = checkManifest('crates/a/Cargo.toml', everyTableKind, rule()).findings;
  assert.ok(first);
  assert.match(first.message, /`agent-core`/);
  assert.match(first.message, /`dependencies`/);
  assert.match(first.message, /marker `agent`/);
});

test('on plain header tables the line rule agrees with the precise rule', () => {
  const verdict = checkManifestLikeSeed('crates/a/Cargo.toml', everyTableKind, rule());
  assert.deepEqual(
    verdict.findings.map((f) => [f.line, f.column, f.dependency]),
    [
      [7, 1, 'agent-core'],
      [10, 1, 'acp-test'],
      [13, 1, 'session-gen'],
      [16, 1, 'agent-legacy'],
      [19, 1, 'acp_build'],
      [22, 1, 'agent-unix'],
      [25, 1, 'session-win'],
      [28, 1, 'acp-proto'],
    ],
  );
});

test('top-level dotted keys name dependency tables too (the line rule misses them)', () => {
  const text = lines(
    'dependencies.agent-x = "1"',
    "target.'cfg(unix)'.dependencies.acp = \"1\"",
    'dev-dependencies.tokio.version = "1"',
    '[package]',
    'name = "exec"',
  );
  assert.deepEqual(rows(checkManifest('Cargo.toml', text, rule()).findings), [
    [1, 14, 'banned-dependency', 'agent-x', 'dependencies'],
    [2, 33, 'banned-dependency', 'acp', 'target.cfg(unix).dependencies'],
  ]);
  assert.deepEqual(checkManifestLikeSeed('Cargo.toml', text, rule()).findings, []);
});

const tableFormAndRenames = lines(
  '[package]', //                                                                     1
  'name = "exec"', //                                                                 2
  '', //                                                                              3
  '[dependencies.agent-core]', //                                                     4
  'version = "1"', //                                                                 5
  'features = [', //                                                                  6
  '    "session-store",', //                                                          7
  ']', //                                                                             8
  '', //                                                                              9
  '[dependencies]', //                                                                10
  'clean = { package = "agent-runtime", version = "1" }', //                          11
  'acp-shim = { package = "tokio", version = "1" }', //                               12
  'session.workspace = true', //                                                      13
  'serde = { workspace = true, features = ["acp"] }', //                              14
  '"Quoted-Agent" = { git = "https://example.com/agent.git", branch = "session" }', // 15
  'same = { package = "SAME" }', //                                                   16
);

test('table-form entries, renames both ways, workspace = true and quoted keys', () => {
  const { findings } = checkManifest('crates/exec/Cargo.toml', tableFormAndRenames, rule());
  assert.deepEqual(rows(findings), [
    [4, 15, 'banned-dependency', 'agent-core', 'dependencies'],
    [11, 1, 'banned-dependency', 'agent-runtime', 'dependencies'],
    [12, 1, 'banned-dependency', 'acp-shim', 'dependencies'],
    [13, 1, 'banned-dependency', 'session', 'dependencies'],
    [15, 1, 'banned-dependency', 'Quoted-Agent', 'dependencies'],
  ]);
  // The renamed package is reported with the key it hides behind.
  assert.match(findings[1]?.message ?? '', /`agent-runtime`.*renamed to `clean`/);
  assert.match(findings[2]?.message ?? '', /`acp-shim`.*`tokio`/);
});

test('a multi-line feature array is not a dependency; the line rule flags it as the seed would', () => {
  const precise = checkManifest('crates/exec/Cargo.toml', tableFormAndRenames, rule());
  assert.ok(!precise.findings.some((f) => f.line === 7));

  // Seed logic, by hand: `[dependencies.agent-core]` is a header (in deps, no
  // check); `"session-store",` has no `=`/space/tab, so the whole token is the
  // key; trim_matches('"') strips only the leading quote (the `,` ends it).
  // `clean` and `serde` hide their crate in values; `session.workspace` and
  // `"Quoted-Agent"` are keys.
  const seed = checkManifestLikeSeed('crates/exec/Cargo.toml', tableFormAndRenames, rule());
  assert.deepEqual(rows(seed.findings), [
    [7, 5, 'banned-dependency', 'session-store",', 'dependencies.agent-core'],
    [12, 1, 'banned-dependency', 'acp-shim', 'dependencies'],
    [13, 1, 'banned-dependency', 'session.workspace', 'dependencies'],
    [15, 1, 'banned-dependency', 'quoted-agent', 'dependencies'],
  ]);
});

test('a key and the package it renames are both checked, once each', () => {
  const text = lines('[dependencies]', 'agent-a = { package = "acp-b" }', 'agent = { package = "AGENT" }');
  const { findings } = checkManifest('Cargo.toml', text, rule());
  assert.deepEqual(rows(findings), [
    [2, 1, 'banned-dependency', 'agent-a', 'dependencies'],
    [2, 1, 'banned-dependency', 'acp-b', 'dependencies'],
    [3, 1, 'banned-dependency', 'agent', 'dependencies'],
  ]);
});

test('exceptions excuse a banned name case-insensitively and are recorded as used', () => {
  const text = lines('[dependencies]', 'agent-core = "1"', 'session-store = "1"', 'renamed = { package = "AGENT-core" }', 'tokio = "1"');
  const allow = [
    { crate: 'Agent-Core', reason: 'shared types only' },
    { crate: 'acp-unused', reason: 'gone' },
    { crate: 'tokio', reason: 'not banned anyway' },
  ];
  const precise = checkManifest('Cargo.toml', text, rule({ allow }));
  assert.deepEqual(rows(precise.findings), [[3, 1, 'banned-dependency', 'session-store', 'dependencies']]);
  assert.deepEqual([...precise.usedExceptions], ['Agent-Core']);

  const seed = checkManifestLikeSeed('Cargo.toml', text, rule({ allow }));
  assert.deepEqual(rows(seed.findings), [[3, 1, 'banned-dependency', 'session-store', 'dependencies']]);
  assert.deepEqual([...seed.usedExceptions], ['Agent-Core']);
});

test('an exception on the key does not excuse a banned package behind it', () => {
  const text = lines('[dependencies]', 'agent-core = { package = "agent-evil" }');
  const verdict = checkManifest('Cargo.toml', text, rule({ allow: [{ crate: 'agent-core', reason: 'r' }] }));
  assert.deepEqual(rows(verdict.findings), [[2, 1, 'banned-dependency', 'agent-evil', 'dependencies']]);
  assert.deepEqual([...verdict.usedExceptions], ['agent-core']);
});

test('markers with * or ? are globs over the whole lowercase name', () => {
  const text = lines(
    '[dependencies]', //  1
    'agent-core = "1"', // 2  agent-* matches
    'my-agent = "1"', //   3  no glob matches the whole name
    'foo-ACP = "1"', //    4  *-acp, case-insensitively
    'acp-foo = "1"', //    5
    'sess1on = "1"', //    6  sess?on
    'session-x = "1"', //  7
  );
  const banned = ['Agent-*', '*-acp', 'sess?on'];
  const expected = [
    [2, 1, 'agent-core'],
    [4, 1, 'foo-ACP'],
    [6, 1, 'sess1on'],
  ];
  const precise = checkManifest('Cargo.toml', text, rule({ banned }));
  assert.deepEqual(precise.findings.map((f) => [f.line, f.column, f.dependency]), expected);
  assert.match(precise.findings[0]?.message ?? '', /marker `Agent-\*`/);
  const seed = checkManifestLikeSeed('Cargo.toml', text, rule({ banned }));
  assert.deepEqual(seed.findings.map((f) => [f.line, f.column, f.dependency]), expected.map(([l, c, d]) => [l, c, String(d).toLowerCase()]));
});

test('markerMatches: substrings, and globs with regex characters taken literally', () => {
  assert.equal(markerMatches('my-agent-x', 'agent'), true);
  assert.equal(markerMatches('my-agent-x', 'agent*'), false);
  assert.equal(markerMatches('abc-x', 'a.c*'), false);
  assert.equal(markerMatches('a.c-x', 'a.c*'), true);
  assert.equal(markerMatches('a+b', 'a+?'), true);
  assert.equal(markerMatches('x\u{1F600}y', 'x?y'), true, '? is one character, even outside the BMP');
  assert.equal(markerMatches('anything', '*'), true);
});

test('path dependencies that leave the repository are reported at the path value', () => {
  const text = lines(
    '[dependencies]', //                                     1
    'sibling = { path = "../sibling" }', //                  2  crates/sibling
    'root-level = { path = "../../outside" }', //            3  outside (still in the repo)
    'escapes = { path = "../../../outside" }', //            4
    'abs = { path = "/opt/lib" }', //                        5
    "win = { path = 'C:\\libs\\x' }", //                     6
    "back = { path = '..\\..\\..\\up' }", //                 7
    '[dependencies.tabled]', //                              8
    'path = "../../../../far"', //                           9
    "[target.'cfg(windows)'.dev-dependencies]", //           10
    'w = { path = "../../.." }', //                          11
    '[workspace.dependencies]', //                           12
    'wsdep.path = "../x/../../../y"', //                     13
    '[patch.crates-io]', //                                  14
    'p = { path = "../../../p" }', //                        15  patches swap code in too
  );
  const verdict = checkManifest('crates/a/Cargo.toml', text, rule({ forbidEscapingPaths: true }));
  assert.deepEqual(rows(verdict.findings), [
    [4, 20, 'escaping-path-dependency', 'escapes', 'dependencies'],
    [5, 16, 'escaping-path-dependency', 'abs', 'dependencies'],
    [6, 16, 'escaping-path-dependency', 'win', 'dependencies'],
    [7, 17, 'escaping-path-dependency', 'back', 'dependencies'],
    [9, 8, 'escaping-path-dependency', 'tabled', 'dependencies'],
    [11, 14, 'escaping-path-dependency', 'w', 'target.cfg(windows).dev-dependencies'],
    [13, 14, 'escaping-path-dependency', 'wsdep', 'workspace.dependencies'],
    [15, 14, 'escaping-path-dependency', 'p', 'patch.crates-io'],
  ]);
  assert.match(verdict.findings[0]?.message ?? '', /`escapes`.*`\.\.\/\.\.\/\.\.\/outside` resolves to `\.\.\/outside`/);
  assert.match(verdict.findings[1]?.message ?? '', /absolute/);
  assert.deepEqual(checkManifest('crates/a/Cargo.toml', text, rule()).findings, [], 'the check is optional');
});

test('a banned crate at an escaping path gives both findings', () => {
  const text = lines('[dependencies]', 'agent-x = { path = "../outside" }');
  assert.deepEqual(rows(checkManifest('Cargo.toml', text, rule({ forbidEscapingPaths: true })).findings), [
    [2, 1, 'banned-dependency', 'agent-x', 'dependencies'],
    [2, 20, 'escaping-path-dependency', 'agent-x', 'dependencies'],
  ]);
});

test('describeEscape: pure posix path math from the manifest directory', () => {
  assert.equal(describeEscape('Cargo.toml', './crates/y'), undefined);
  assert.equal(describeEscape('Cargo.toml', ''), undefined);
  assert.equal(describeEscape('crates/a/Cargo.toml', '../sibling'), undefined);
  assert.equal(describeEscape('crates/a/Cargo.toml', '../../outside'), undefined);
  assert.equal(describeEscape('crates/a/Cargo.toml', 'sub/../../../..'), '`sub/../../../..` resolves to `..` from the repository root');
  assert.match(describeEscape('Cargo.toml', '../outside') ?? '', /resolves to `\.\.\/outside`/);
  assert.match(describeEscape('crates/a/Cargo.toml', '\\\\server\\share') ?? '', /absolute/);
});

test('a malformed manifest is one invalid-file finding at the parser position', () => {
  const missingValue = lines('[dependencies]', 'agent-core = "1"', 'tokio = ');
  const verdict = checkManifest('crates/a/Cargo.toml', missingValue, rule());
  assert.deepEqual(rows(verdict.findings), [[3, 9, 'invalid-file', undefined, undefined]]);
  assert.match(verdict.findings[0]?.message ?? '', /not valid TOML/);
  assert.equal(verdict.findings[0]?.path, 'crates/a/Cargo.toml');

  const duplicate = lines('[dependencies]', 'foo = "1"', 'foo = "2"');
  assert.deepEqual(rows(checkManifest('Cargo.toml', duplicate, rule()).findings), [[3, 1, 'invalid-file', undefined, undefined]]);

  // The seed never parsed TOML: it only reads the lines it can.
  assert.deepEqual(rows(checkManifestLikeSeed('crates/a/Cargo.toml', missingValue, rule()).findings), [
    [2, 1, 'banned-dependency', 'agent-core', 'dependencies'],
  ]);
});

test('odd but valid manifests do not crash', () => {
  for (const text of ['', 'dependencies = ["agent"]', 'target = 1', '[target]\nunix = "agent"', 'workspace = { dependencies = 3 }', '\uFEFF[dependencies]\nagent = "1"\n']) {
    assert.doesNotThrow(() => checkManifest('Cargo.toml', text, rule({ forbidEscapingPaths: true })));
  }
  const bom = checkManifest('Cargo.toml', '\uFEFF[dependencies]\nagent = "1"\n', rule());
  assert.deepEqual(rows(bom.findings), [[2, 1, 'banned-dependency', 'agent', 'dependencies']]);
  const huge = checkManifest('Cargo.toml', '[package.metadata]\nid = 771752188537605140\n[dependencies]\nacp = "1"\n', rule());
  assert.deepEqual(rows(huge.findings), [[4, 1, 'banned-dependency', 'acp', 'dependencies']]);
});
