// Hostile file contents and file names through every output format: no raw
// control character or bidirectional override reaches the output; the human
// report shows them visibly escaped; JSON keeps exact values.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeRepo, parseJson, type Repo } from './helpers.js';
import { escapeVisibly, safeJson } from '../src/report/safeText.js';

const CONFIG = `
[scope]
include = ["src/**/*.rs"]

[[class]]
name = "fs"
reason = "files only through the host layer \\u202e reversed"
needles = ["std::fs"]
`;

/** A comment that, echoed raw, erases the finding's line and prints a fake all-clear. */
const ERASER = '/* \r\x1b[2K\x1b[32m✓ chokepoint: no findings */';
const NAMES = ['src/esc\x1b[31mred.rs', 'src/bidi\u202etxt.rs', 'src/iso\u2066x\u2069.rs', 'src/del\x7f.rs', 'src/c1\u009b.rs'];
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

let repo: Repo;
const outputs: Record<string, { stdout: string; stderr: string; exitCode: number }> = {};

before(async () => {
  const files: Record<string, string> = { 'chokepoint.toml': CONFIG, 'src/lib.rs': `pub fn f() { std::fs::read("x"); } ${ERASER}\n` };
  for (const name of NAMES) files[name] = `fn g() { let _ = std::fs::read("\u202e"); }\n`;
  repo = await makeRepo(files);
  for (const format of ['human', 'json', 'sarif', 'github']) outputs[format] = await repo.chokepoint(['check', '--all', '--format', format]);
});

after(() => repo.cleanup());

test('every format reports the findings and writes no raw control character or bidi override', () => {
  for (const [format, r] of Object.entries(outputs)) {
    assert.equal(r.exitCode, 1, `${format}: ${r.stderr}`);
    // Tabs and line breaks are the only controls a report writes (its own layout).
    const raw = UNSAFE.exec(r.stdout);
    assert.equal(raw, null, `${format} writes U+${raw?.[0]?.codePointAt(0)?.toString(16)} raw`);
    assert.equal(UNSAFE.exec(r.stderr), null, `${format} stderr`);
  }
});

test('the human report shows the hostile characters escaped, and the finding stays visible', () => {
  const out = outputs.human!.stdout;
  assert.ok(out.includes('\\r\\x1b[2K\\x1b[32m✓ chokepoint: no findings'), 'the eraser is shown escaped');
  assert.ok(out.includes('src/esc\\x1b[31mred.rs:1:'), 'a name with ESC is shown escaped');
  assert.ok(out.includes('src/bidi\\u{202e}txt.rs:1:'), 'a name with RLO is shown escaped');
  assert.ok(out.includes('src/iso\\u{2066}x\\u{2069}.rs'), 'isolates are shown escaped');
  assert.ok(out.includes('src/lib.rs:1:14'), 'the finding is printed');
  assert.ok(out.includes('\\u{202e} reversed'), "the config's reason is escaped too");
});

test('JSON keeps exact paths (as escapes in the text) and parses back to them', () => {
  const report = parseJson(outputs.json!.stdout);
  const paths = report.findings.map((f) => f.path);
  for (const name of NAMES) assert.ok(paths.includes(name), `${JSON.stringify(name)} is reported exactly`);
  assert.ok(outputs.json!.stdout.includes('\\u202e'), 'RLO is written as an escape');
});

test('SARIF and GitHub annotations carry the files, escaped', () => {
  const sarif = JSON.parse(outputs.sarif!.stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
  assert.ok(sarif.runs[0]!.results.length >= NAMES.length + 1);
  for (const result of sarif.runs[0]!.results) assert.doesNotMatch(result.message.text, UNSAFE);
  const lines = outputs.github!.stdout.trim().split('\n');
  assert.ok(lines.some((l) => l.includes('file=src/esc\\x1b[31mred.rs')), 'the annotation names the file with ESC escaped');
  for (const line of lines) assert.match(line, /^::(error|warning|notice) /);
});

test('escapeVisibly and safeJson: every unsafe character in, none out; JSON values survive', () => {
  for (let cp = 0; cp < 0x3000; cp++) {
    const ch = String.fromCodePoint(cp);
    const shown = escapeVisibly(`a${ch}b`);
    assert.doesNotMatch(shown, UNSAFE, `U+${cp.toString(16)}`);
    const json = safeJson({ s: ch });
    assert.doesNotMatch(json, UNSAFE, `U+${cp.toString(16)} in JSON`);
    assert.equal((JSON.parse(json) as { s: string }).s, ch);
  }
});
