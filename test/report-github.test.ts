import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CheckResult, Config, Finding } from '../src/types.js';
import {
  escapeData,
  escapeProperty,
  formatGithub,
  githubCommand,
  parseGithubLine,
  unescapeData,
  unescapeProperty,
} from '../src/report/github.js';

const CONFIG: Config = {
  file: '/home/dev/repo/chokepoint.toml',
  matcher: 'precise',
  scope: { include: ['crates/*/src/**/*.rs'], exclude: [], minFiles: 30, countExcluded: false },
  classes: [
    {
      name: 'fs',
      reason: 'Filesystem access must go through the audited host layer.',
      useInstead: 'crate::host::fs',
      needles: ['std::fs'],
      allow: [{ path: 'crates/old/src/gone.rs', reason: 'legacy', at: { line: 15, column: 3 } }],
      at: { line: 5, column: 1 },
    },
    {
      name: 'net,raw:sock%',
      reason: 'Sockets: 100% through the\r\nnetwork layer, no exceptions.',
      needles: ['std::net'],
      allow: [],
    },
  ],
};

function result(findings: Finding[], warnings: Finding[] = [], bypass?: string): CheckResult {
  return {
    mode: 'staged',
    findings,
    warnings,
    stats: { filesScanned: 2, manifestsChecked: 0, durationMs: 1, judge: 'fast' },
    ...(bypass !== undefined ? { bypass } : {}),
  };
}

/** Splits formatter output into command lines, checking that each finding is exactly one line. */
function lines(output: string, expected: number): string[] {
  if (expected === 0) {
    assert.equal(output, '');
    return [];
  }
  assert.ok(output.endsWith('\n'));
  const ls = output.slice(0, -1).split('\n');
  assert.equal(ls.length, expected);
  for (const l of ls) assert.doesNotMatch(l, /[\r\n]/);
  return ls;
}

function parse(line: string): NonNullable<ReturnType<typeof parseGithubLine>> {
  const parsed = parseGithubLine(line);
  assert.ok(parsed !== undefined, `not a workflow command: ${line}`);
  return parsed;
}

const NASTY = 'a%b\rc\nd:e,f=g%0A%25::h';

test('escaping matches @actions/core', () => {
  assert.equal(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
  assert.equal(escapeProperty('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext%3A a%2Cb');
  assert.equal(escapeData('%0A'), '%250A');
  assert.equal(unescapeData('%250A'), '%0A');
  assert.equal(unescapeProperty(escapeProperty(NASTY)), NASTY);
  assert.equal(unescapeData(escapeData(NASTY)), NASTY);
  // Data escaping leaves `:` and `,` alone; unescaping data leaves %3A alone.
  assert.equal(unescapeData('%3A%2C'), '%3A%2C');
});

test('githubCommand / parseGithubLine round-trip any strings', () => {
  const chars = fc.constantFrom('%', '\r', '\n', ':', ',', '=', ' ', '0', 'A', 'D', '2', '5', 'C', 'é', '😀', '\\', 'x');
  const str = fc.oneof(fc.string({ unit: chars }), fc.string({ unit: 'binary' }));
  fc.assert(
    fc.property(str, str, str, fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 500 }), (file, title, message, line, col) => {
      const text = githubCommand('error', { file, line, col, title }, message);
      assert.doesNotMatch(text, /[\r\n]/);
      const parsed = parse(text);
      assert.equal(parsed.command, 'error');
      assert.equal(parsed.message, message);
      assert.equal(parsed.properties['line'], String(line));
      assert.equal(parsed.properties['col'], String(col));
      // Empty properties are omitted, as @actions/core does.
      assert.equal(parsed.properties['file'], file === '' ? undefined : file);
      assert.equal(parsed.properties['title'], title === '' ? undefined : title);
    }),
    { numRuns: 500 },
  );
});

test('absent properties are omitted', () => {
  assert.equal(githubCommand('warning', {}, 'm'), '::warning::m');
  assert.equal(githubCommand('error', { file: 'a.rs' }, ''), '::error file=a.rs::');
  assert.equal(githubCommand('error', { file: 'a.rs', line: 3, title: 't' }, 'm'), '::error file=a.rs,line=3,title=t::m');
  assert.equal(parseGithubLine('plain text'), undefined);
  assert.deepEqual(parseGithubLine('::error::m::n'), { command: 'error', properties: {}, message: 'm::n' });
});

test('clean result prints nothing', () => {
  assert.equal(formatGithub(result([]), CONFIG), '');
});

test('findings and warnings round-trip: path, position, title, message', () => {
  const path = 'crates/a,b/src/x:y%z\r\n#ü.rs';
  const message = 'std::fs used: 100%,\r\nreally\n%0A';
  const findings: Finding[] = [
    { kind: 'banned-api', message, path, line: 7, column: 9, length: 7, class: 'fs', needle: 'std::fs' },
    { kind: 'banned-api', message: 'net, again: 50%', path: 'src/n.rs', line: 1, column: 1, class: 'net,raw:sock%' },
    { kind: 'banned-dependency', message: 'depends on agent', path: 'crates/a/Cargo.toml', line: 4, dependency: 'agent' },
    { kind: 'too-few-files', message: 'only 1 file scanned' },
  ];
  const warnings: Finding[] = [
    { kind: 'stale-allowlist-entry', message: 'gone.rs: stale', path: 'crates/old/src/gone.rs', class: 'fs' },
    { kind: 'unused-needle', message: 'unused needle', class: 'fs', needle: 'std::fs' },
  ];
  const out = formatGithub(result(findings, warnings), CONFIG);
  const [l0, l1, l2, l3, l4, l5] = lines(out, 6).map(parse);
  assert.ok(l0 && l1 && l2 && l3 && l4 && l5);

  assert.equal(l0.command, 'error');
  assert.deepEqual(l0.properties, {
    file: path,
    line: '7',
    col: '9',
    endColumn: '16',
    title: 'chokepoint: banned API (fs)',
  });
  const m0 = l0.message.split('\n');
  assert.ok(l0.message.startsWith(message + '\n'), 'original message comes back first');
  assert.ok(m0.includes('Why: Filesystem access must go through the audited host layer.'));
  assert.match(l0.message, /Route the access through crate::host::fs, or, .*allowlist entry of class "fs".*with a reason, in chokepoint\.toml\./);

  assert.equal(l1.properties['title'], 'chokepoint: banned API (net,raw:sock%)');
  assert.equal(l1.properties['file'], 'src/n.rs');
  assert.equal(l1.properties['endColumn'], undefined);
  assert.ok(l1.message.startsWith('net, again: 50%\n'));
  assert.ok(l1.message.includes('Why: Sockets: 100% through the\r\nnetwork layer, no exceptions.'));
  assert.match(l1.message, /a reviewed chokepoint module/);

  assert.deepEqual(l2.properties, { file: 'crates/a/Cargo.toml', line: '4', title: 'chokepoint: Banned crate dependency' });

  // Tree-wide, no config position known: no file property at all.
  assert.deepEqual(l3.properties, { title: 'chokepoint: Full audit scanned too few files' });
  assert.ok(l3.message.startsWith('only 1 file scanned'));

  // Allowlist warnings point at the entry in the config.
  assert.equal(l4.command, 'warning');
  assert.deepEqual(l4.properties, {
    file: 'chokepoint.toml',
    line: '15',
    col: '3',
    title: 'chokepoint: Allowlist entry no longer needed',
  });
  assert.ok(l4.message.includes('crates/old/src/gone.rs'));
  assert.equal(l5.command, 'warning');
  assert.equal(l5.properties['file'], 'chokepoint.toml');
  assert.equal(l5.properties['line'], '5');
});

test('a bypass is announced first; findings are still errors', () => {
  const reason = 'release: 2.0, see #12\nsigned-off';
  const out = formatGithub(
    result([{ kind: 'banned-api', message: 'm', path: 'a.rs', line: 1, column: 2, class: 'fs' }], [], reason),
    CONFIG,
  );
  const [notice, err] = lines(out, 2).map(parse);
  assert.equal(notice?.command, 'notice');
  assert.ok(notice?.message.includes(reason));
  assert.equal(err?.command, 'error');
  assert.equal(err?.properties['file'], 'a.rs');
});

test('a finding with a path but no line gets only file', () => {
  const out = formatGithub(result([{ kind: 'invalid-file', message: 'not UTF-8', path: 'x y.rs' }]), CONFIG);
  const [l] = lines(out, 1).map(parse);
  assert.deepEqual(l?.properties, { file: 'x y.rs', title: 'chokepoint: File could not be checked' });
});
