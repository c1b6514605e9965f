// The line rule must give the Rust seed's verdicts exactly. Each expectation
// below was worked out by hand from the seed's loop: `lines()`, `trim()`, a
// `[`-line sets "in deps" to `contains("dependencies")`, empty and `#` lines are
// skipped, the key is the text before the first `=`/space/tab with `"` trimmed
// from both ends and ASCII-lowercased, and one violation is pushed per marker
// the key contains.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkManifestLikeSeed } from '../src/rules/dependenciesLine.js';
import type { DependencyRuleConfig, Finding } from '../src/types.js';

function rule(overrides: Partial<DependencyRuleConfig> = {}): DependencyRuleConfig {
  return { manifests: ['crates/*/Cargo.toml'], banned: ['agent', 'acp', 'session'], allow: [], forbidEscapingPaths: false, ...overrides };
}

function seedVerdict(text: string, overrides: Partial<DependencyRuleConfig> = {}): unknown[][] {
  return checkManifestLikeSeed('crates/x/Cargo.toml', text, rule(overrides)).findings.map((f: Finding) => [
    f.line,
    f.column,
    f.dependency,
    f.table,
  ]);
}

test('CRLF, tabs, quotes, comments, and one violation per matching marker', () => {
  const text = [
    '[package]', //                         1  out of deps
    'name = "agent-thing"', //              2
    '', //                                  3
    '[dependencies] # runtime', //          4  in deps
    '\t"Agent-Core" = "1"', //              5  key agent-core, after one tab
    '  # acp = "1"', //                     6  comment
    'acp_session={ path = "../x" }', //     7  acp, then session: two violations
    'tokio = "1"', //                       8
    '[dev-dependencies.session-mock]', //   9  a header: never a key
    'version = "1"', //                     10
    '[[bin]]', //                           11 out of deps
    'name = "agent"', //                    12
    'agent-after-bin = "1"\r', //           13 final line with a stray \r
  ].join('\r\n');
  assert.deepEqual(seedVerdict(text), [
    [5, 2, 'agent-core', 'dependencies'],
    [7, 1, 'acp_session', 'dependencies'],
    [7, 1, 'acp_session', 'dependencies'],
  ]);
  const messages = checkManifestLikeSeed('crates/x/Cargo.toml', text, rule()).findings.map((f) => f.message);
  assert.match(messages[1] ?? '', /`acp_session`.*marker `acp`/);
  assert.match(messages[2] ?? '', /`acp_session`.*marker `session`/);
});

test('a key holding every marker is reported once per marker, in marker order', () => {
  assert.deepEqual(seedVerdict('[dependencies]\nsession-acp-agent = "1"\n'), [
    [2, 1, 'session-acp-agent', 'dependencies'],
    [2, 1, 'session-acp-agent', 'dependencies'],
    [2, 1, 'session-acp-agent', 'dependencies'],
  ]);
  const markers = checkManifestLikeSeed('Cargo.toml', '[dependencies]\nsession-acp-agent = "1"\n', rule()).findings.map(
    (f) => /marker `(\w+)`/.exec(f.message)?.[1],
  );
  assert.deepEqual(markers, ['agent', 'acp', 'session']);
});

test('Rust trim: Unicode whitespace is stripped, a BOM is not', () => {
  const text = [
    '\uFEFF[dependencies]', //          1  BOM is not whitespace: not a header
    'agent = "1"', //                   2  not in deps yet
    '[build-dependencies]', //          3
    '\u00a0\u00a0agent-x = "1"', //     4  NBSP trimmed: column 3
    '\u0085acp = "1"', //               5  NEL trimmed (JavaScript's trim keeps it)
    '\u3000session\u00a0= "1"', //      6  key ends at `=`, NBSP stays in it
    '= "1"', //                         7  empty key
    '"" = "1"', //                      8  empty after trimming quotes
    '"""agent""" = "1"', //             9  every quote trimmed
    'AGENT\t= "1"', //                  10 tab ends the key
    '#agent = "1"', //                  11 comment
    ' [features]', //                   12 trimmed header, no "dependencies"
    'agent = "1"', //                   13 out of deps
  ].join('\n');
  assert.deepEqual(seedVerdict(text), [
    [4, 3, 'agent-x', 'build-dependencies'],
    [5, 2, 'acp', 'build-dependencies'],
    [6, 2, 'session\u00a0', 'build-dependencies'],
    [9, 1, 'agent', 'build-dependencies'],
    [10, 1, 'agent', 'build-dependencies'],
  ]);
});

test('to_ascii_lowercase: only ASCII letters fold', () => {
  // U+212A KELVIN SIGN lowercases to "k" in JavaScript, but not in Rust's
  // to_ascii_lowercase.
  const text = '[dependencies]\n\u212Ait = "1"\nKIT2 = "1"\n';
  assert.deepEqual(seedVerdict(text, { banned: ['kit'] }), [[3, 1, 'kit2', 'dependencies']]);
});

test('any bracketed line mentioning "dependencies" opens a dependency table', () => {
  const text = [
    '[package] # see dependencies below', // 1  the comment counts
    'agent-name = "x"', //                   2  flagged, as the seed would
    '[workspace]', //                        3
    'members = [', //                        4
    '  "crates/agent",', //                  5  out of deps
    ']', //                                  6
    '[workspace.dependencies]', //           7
    'acp = { path = "crates/acp" }', //      8
    'x = [', //                              9
    '["agent"]', //                          10 starts with `[`: a "header" without "dependencies"
    ']', //                                  11
    'session = "1"', //                      12 out of deps now
  ].join('\n');
  assert.deepEqual(seedVerdict(text), [
    [2, 1, 'agent-name', 'package'],
    [8, 1, 'acp', 'workspace.dependencies'],
  ]);
});

test('table-form entries, dotted top-level keys and renamed packages are invisible to it', () => {
  const text = [
    'dependencies.agent-x = "1"', //         1 before any header
    '[dependencies.agent-core]', //          2 header
    'version = "1"', //                      3
    '[dependencies]', //                     4
    'core = { package = "agent-core" }', //  5
  ].join('\n');
  assert.deepEqual(seedVerdict(text), []);
});

test('empty input, and text without a trailing newline', () => {
  assert.deepEqual(seedVerdict(''), []);
  assert.deepEqual(seedVerdict('[dependencies]\nagent = "1"'), [[2, 1, 'agent', 'dependencies']]);
  assert.deepEqual(seedVerdict('[dependencies]\r\n\r\n  acp="1"\r\n'), [[3, 3, 'acp', 'dependencies']]);
});

test('exceptions (not in the seed) excuse every marker of the key; none configured changes nothing', () => {
  const text = '[dependencies]\nacp-session = "1"\nagent = "1"\n';
  const verdict = checkManifestLikeSeed('Cargo.toml', text, rule({ allow: [{ crate: 'ACP-Session', reason: 'r' }] }));
  assert.deepEqual(verdict.findings.map((f) => [f.line, f.dependency]), [[3, 'agent']]);
  assert.deepEqual([...verdict.usedExceptions], ['ACP-Session']);
  assert.equal(seedVerdict(text).length, 3);
});
