// Hardening against bad files: binary and non-UTF-8 content, huge files, one
// enormous line, CRLF, empty files, symlinks (never followed), and file names
// with spaces, quotes, `#`, `%`, newlines and non-ASCII. Each has a defined
// outcome, and a real violation elsewhere in the same run is still reported.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { execa } from 'execa';
import { join } from 'node:path';
import { makeRepo, parseJson, type Repo } from './helpers.js';
import { escapeVisibly, escapeVisiblyButLineBreaks } from '../src/report/safeText.js';

const CONFIG = `
[scope]
include = ["crates/*/src/**/*.rs"]
min_files = 1

[[class]]
name = "fs"
reason = "host files only through the fs chokepoint"
needles = ["std::fs", "File::open"]
`;

const SRC = 'crates/core/src';
const REAL = `${SRC}/real.rs`;
const REAL_TEXT = 'pub fn real() {\n    std::fs::read("x").unwrap();\n}\n';
const VIOLATION = 'fn v() { std::fs::read("v"); }\n';

/** Names a Rust file may have on disk; each holds VIOLATION at 1:10. */
const ODD_NAMES = ['a b.rs', 'q"uote.rs', "s'ingle.rs", 'h#sh.rs', 'p%25ct.rs', 'new\nline.rs', 'été.rs', 'tab\tx.rs', 'co:lon,comma.rs', 'back\\slash.rs', '日本語 ✓.rs'];

const ONE_LINE_PREFIX = `pub fn big() { let _v = [${'1, '.repeat(350_000)}]; `;
const ONE_LINE = `${ONE_LINE_PREFIX}std::fs::read("x"); }\n`;

/** Bad files, by repo-relative path. */
function badFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    // Binary: NUL bytes and bytes that are not UTF-8, with a needle inside.
    [`${SRC}/binary.rs`]: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0xff, 0xfe, 0x00]), Buffer.from('std::fs::read("x");'), Buffer.from([0, 0x80, 0xc3])]),
    // NUL bytes in otherwise valid UTF-8: lexed like any other character.
    [`${SRC}/nul.rs`]: Buffer.from('fn a() {}\0\0\0\nstd::fs::read("x");\n'),
    [`${SRC}/latin1.rs`]: Buffer.concat([Buffer.from('fn caf'), Buffer.from([0xe9]), Buffer.from('() { std::fs::read("x"); }\n')]),
    [`${SRC}/overlong.rs`]: Buffer.concat([Buffer.from('// overlong slash '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]),
    [`${SRC}/surrogate.rs`]: Buffer.concat([Buffer.from('const S: &str = "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('";\n')]),
    [`${SRC}/empty.rs`]: '',
    [`${SRC}/oneline.rs`]: ONE_LINE,
    [`${SRC}/crlf.rs`]: 'pub fn a() {\r\n\tlet s = "x";\r\n\tstd::fs::read(s);\r\n}\r\n',
    [`${SRC}/bomcrlf.rs`]: '\uFEFFuse std::fs;\r\nfn b() {\r\n    File::open("x");\r\n}\r\n',
    [`${SRC}/lonecr.rs`]: 'fn a() {}\r\rstd::fs::read("x");\n',
    // Outside the scope: only reachable by following a symlink.
    'outside/evil.rs': 'pub fn evil() { std::fs::remove_dir_all("/").unwrap(); }\n',
  };
  for (const name of ODD_NAMES) files[`${SRC}/${name}`] = VIOLATION;
  return files;
}

function makeLinks(repo: Repo): void {
  // Never followed: judged by the link text (what git stores as the blob).
  symlinkSync('/etc/passwd', join(repo.dir, SRC, 'passwd.rs'));
  symlinkSync('../../../outside/evil.rs', join(repo.dir, SRC, 'evil_link.rs'));
  symlinkSync(join(repo.dir, 'outside/evil.rs'), join(repo.dir, SRC, 'evil_abs.rs'));
  symlinkSync('real.rs', join(repo.dir, SRC, 'alias.rs'));
  symlinkSync('/etc', join(repo.dir, SRC, 'dir.rs'));
  symlinkSync('does/not/exist.rs', join(repo.dir, SRC, 'dangling.rs'));
}

const LINKS = ['passwd.rs', 'evil_link.rs', 'evil_abs.rs', 'alias.rs', 'dir.rs', 'dangling.rs'].map((n) => `${SRC}/${n}`);

type Out = ReturnType<typeof parseJson>;
interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

let repo: Repo;
const runs: Record<string, Run> = {};
const json: Record<string, Out> = {};

before(async () => {
  repo = await makeRepo({ 'chokepoint.toml': CONFIG, [REAL]: 'pub fn real() {}\n' });
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
  for (const [path, content] of Object.entries(badFiles())) repo.write(path, content);
  repo.write(REAL, REAL_TEXT);
  makeLinks(repo);
  await repo.git(['add', '-A']);
  const modes: Record<string, string[]> = {
    staged: ['check', '--staged'],
    all: ['check', '--all'],
    cached: ['check', '--all', '--cached'],
  };
  for (const [name, args] of Object.entries(modes)) {
    runs[name] = await repo.chokepoint([...args, '--format', 'json']);
    json[name] = parseJson(runs[name]!.stdout);
  }
  for (const format of ['human', 'sarif', 'github']) runs[format] = await repo.chokepoint(['--all', '--format', format]);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'bad files']);
  runs.rev = await repo.chokepoint(['check', '--all', '--rev', 'HEAD', '--format', 'json']);
  json.rev = parseJson(runs.rev.stdout);
});
after(() => repo.cleanup());

const MODES = ['staged', 'all', 'cached', 'rev'] as const;

function findingsAt(out: Out, path: string): string[] {
  return out.findings.filter((f) => f.path === path).map((f) => (f.kind === 'banned-api' ? `${String(f.needle)}@${String(f.line)}:${String(f.column)}` : String(f.kind)));
}

test('every run completes with exit 1, no error output, and still reports the real violation', () => {
  for (const mode of MODES) {
    assert.equal(runs[mode]!.exitCode, 1, `${mode}: ${runs[mode]!.stderr}`);
    assert.equal(runs[mode]!.stderr, '', mode);
    assert.deepEqual(findingsAt(json[mode]!, REAL), ['std::fs@2:5'], mode);
  }
});

test('binary content with NUL and non-UTF-8 bytes is an invalid-file finding (needle inside it not reported)', () => {
  for (const mode of MODES) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/binary.rs`), ['invalid-file'], mode);
  const finding = json.all!.findings.find((f) => f.path === `${SRC}/binary.rs`)!;
  assert.match(String(finding.message), /not valid UTF-8/);
});

test('NUL bytes in valid UTF-8 are just characters: the needle after them is found', () => {
  for (const mode of MODES) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/nul.rs`), ['std::fs@2:1'], mode);
});

test('invalid UTF-8 (Latin-1, overlong, encoded surrogate) is an invalid-file finding each', () => {
  for (const mode of MODES) {
    for (const name of ['latin1.rs', 'overlong.rs', 'surrogate.rs']) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/${name}`), ['invalid-file'], `${mode} ${name}`);
  }
});

test('an invalid file alone fails the check: exit 1 through `check FILE`', async () => {
  const r = await repo.chokepoint(['check', `${SRC}/latin1.rs`, '--format', 'json']);
  assert.equal(r.exitCode, 1, r.stderr);
  assert.deepEqual(parseJson(r.stdout).findings.map((f) => [f.kind, f.path]), [['invalid-file', `${SRC}/latin1.rs`]]);
});

test('an empty file is scanned and clean', () => {
  for (const mode of MODES) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/empty.rs`), [], mode);
  const r = json.all!;
  // Every file under src is counted, bad or not: the real, bad, odd-named and linked ones.
  const expected = 1 + Object.keys(badFiles()).filter((p) => p.startsWith(SRC)).length + LINKS.length;
  assert.equal(r.stats.files_scanned, expected);
});

test('one line of 1 MB with the needle at its end: exact column', () => {
  for (const mode of MODES) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/oneline.rs`), [`std::fs@1:${ONE_LINE_PREFIX.length + 1}`], mode);
});

test('CRLF line endings: line and column as an editor shows them', () => {
  for (const mode of MODES) {
    assert.deepEqual(findingsAt(json[mode]!, `${SRC}/crlf.rs`), ['std::fs@3:2'], mode);
    // A BOM is not a column; `\r` is not part of the column count of the next line.
    assert.deepEqual(findingsAt(json[mode]!, `${SRC}/bomcrlf.rs`), ['std::fs@1:5', 'File::open@3:5'], mode);
  }
});

test('a lone CR is not a line break (as in Rust): the position stays on line 1', () => {
  for (const mode of MODES) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/lonecr.rs`), ['std::fs@1:12'], mode);
});

test('symlinks are never followed: judged by their link text, in the index and in the working tree', () => {
  for (const mode of MODES) {
    for (const link of LINKS) assert.deepEqual(findingsAt(json[mode]!, link), [], `${mode} ${link}`);
    // Nothing anywhere comes from the target's content.
    assert.ok(!json[mode]!.findings.some((f) => f.path === 'outside/evil.rs' || String(f.message).includes('remove_dir_all')), mode);
    assert.ok(!runs[mode]!.stdout.includes('root:'), `${mode}: nothing of /etc/passwd is shown`);
  }
});

test('known limit: an in-scope symlink to an out-of-scope file of the repository hides that file from every mode', () => {
  // cargo compiles crates/core/src/evil_link.rs by following the link to
  // outside/evil.rs; chokepoint judges the link text and never scans outside/.
  for (const mode of MODES) {
    assert.deepEqual(findingsAt(json[mode]!, `${SRC}/evil_link.rs`), [], mode);
    assert.deepEqual(findingsAt(json[mode]!, 'outside/evil.rs'), [], mode);
  }
});

test('symlinks named on the command line (`check FILE`) are not followed either', async () => {
  const r = await repo.chokepoint(['check', ...LINKS, '--format', 'json']);
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  assert.deepEqual(parseJson(r.stdout).findings, []);
  assert.equal(parseJson(r.stdout).stats.files_scanned, LINKS.length);
});

test('a staged symlink is judged by its blob, the link text: the target is never read', async () => {
  const link = `${SRC}/staged_link.rs`;
  const textual = `${SRC}/textual_link.rs`;
  symlinkSync('../../../outside/evil.rs', join(repo.dir, link));
  // A link whose *text* spells a needle proves that the text is what is judged.
  symlinkSync('x/std::fs::read', join(repo.dir, textual));
  try {
    await repo.git(['add', link]);
    let r = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.equal(parseJson(r.stdout).stats.files_scanned, 1);
    assert.deepEqual(parseJson(r.stdout).findings, []);
    await repo.git(['add', textual]);
    r = await repo.chokepoint(['--staged', '--format', 'json']);
    assert.equal(r.exitCode, 1, r.stdout + r.stderr);
    assert.deepEqual(parseJson(r.stdout).findings.map((f) => `${String(f.path)}@${String(f.line)}:${String(f.column)}`), [`${textual}@1:3`]);
  } finally {
    await repo.git(['rm', '-q', '--cached', link, textual]);
    repo.remove(link);
    repo.remove(textual);
  }
});

test('a FIFO or a directory named like a Rust file is skipped, never waited on', { timeout: 300_000 }, async () => {
  const fifo = `${SRC}/fifo.rs`;
  const dir = `${SRC}/folder.rs`;
  assert.equal((await execa('mkfifo', [join(repo.dir, fifo)], { reject: false })).exitCode, 0);
  mkdirSync(join(repo.dir, dir, 'inner'), { recursive: true });
  try {
    const files = await repo.chokepoint(['check', fifo, REAL, '--format', 'json']);
    assert.equal(files.exitCode, 1, files.stderr);
    assert.deepEqual(parseJson(files.stdout).findings.map((f) => f.path), [REAL]);
    assert.equal(parseJson(files.stdout).stats.files_scanned, 1);
    // A directory named as FILE stands for its in-scope files; this one has none: refused, never "0 files checked".
    const folder = await repo.chokepoint(['check', dir, REAL, '--format', 'json']);
    assert.equal(folder.exitCode, 2);
    assert.match(folder.stderr, /folder\.rs is a directory with no file in chokepoint's scope/);
    const all = await repo.chokepoint(['--all', '--format', 'json']);
    assert.equal(all.exitCode, 1, all.stderr);
    assert.ok(!parseJson(all.stdout).findings.some((f) => f.path === fifo || f.path === dir));
    const explain = await repo.chokepoint(['explain', fifo]);
    assert.equal(explain.exitCode, 0, explain.stderr);
  } finally {
    repo.remove(fifo);
    repo.remove(dir);
  }
});

test('odd file names: exact paths in json for every mode', () => {
  for (const mode of MODES) {
    for (const name of ODD_NAMES) assert.deepEqual(findingsAt(json[mode]!, `${SRC}/${name}`), ['std::fs@1:10'], `${mode} ${JSON.stringify(name)}`);
  }
});

test('odd file names: SARIF URIs are percent-encoded and decode to the exact path', () => {
  const sarif = JSON.parse(runs.sarif!.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }> }> }> };
  const uris = new Map<string, { startLine: number; startColumn: number } | undefined>();
  for (const result of sarif.runs[0]!.results) {
    const loc = result.locations[0]!.physicalLocation;
    uris.set(loc.artifactLocation.uri, loc.region);
  }
  const expected: Record<string, string> = {
    'a b.rs': 'a%20b.rs',
    'q"uote.rs': 'q%22uote.rs',
    "s'ingle.rs": "s'ingle.rs",
    'h#sh.rs': 'h%23sh.rs',
    'p%25ct.rs': 'p%2525ct.rs',
    'new\nline.rs': 'new%0Aline.rs',
    'été.rs': '%C3%A9t%C3%A9.rs',
    'tab\tx.rs': 'tab%09x.rs',
    'co:lon,comma.rs': 'co%3Alon,comma.rs',
    'back\\slash.rs': 'back%5Cslash.rs',
    '日本語 ✓.rs': '%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E2%9C%93.rs',
  };
  for (const name of ODD_NAMES) {
    const uri = `crates/core/src/${expected[name]!}`;
    assert.ok(uris.has(uri), `SARIF has ${uri}; it has ${[...uris.keys()].join(' | ')}`);
    assert.equal(decodeURIComponent(uri), `${SRC}/${name}`);
    assert.equal(uris.get(uri)?.startLine, 1);
    assert.equal(uris.get(uri)?.startColumn, 10);
  }
  for (const uri of uris.keys()) assert.doesNotMatch(uri, /[\s"#\\]/, `${uri} has no raw space, quote, # or backslash`);
});

test('odd file names: GitHub annotations escape the file property like @actions/core, other control characters visibly', () => {
  const lines = runs.github!.stdout.split('\n');
  const escape = (s: string) => escapeVisiblyButLineBreaks(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  for (const name of ODD_NAMES) {
    const prefix = `::error file=${escape(`${SRC}/${name}`)},line=1,col=10,`;
    assert.ok(lines.some((l) => l.startsWith(prefix)), `an annotation starts with ${JSON.stringify(prefix)}`);
  }
  assert.ok(lines.some((l) => l.startsWith(`::error file=${SRC}/binary.rs`)), 'invalid files are annotated too');
  // One workflow command per line: a newline in a name cannot start a new command.
  for (const line of lines.filter(Boolean)) assert.match(line, /^::(error|warning|notice) /);
});

test('odd file names: the human report prints each path, control characters escaped', () => {
  const out = runs.human!.stdout;
  assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f]/);
  for (const name of ODD_NAMES) {
    const path = `${SRC}/${name}`;
    const shown = escapeVisibly(`${path}:1:10`);
    assert.ok(out.includes(shown), `human output shows ${shown}`);
  }
});

test('odd file names through `check FILE`, named as a shell passes them', async () => {
  const files = ODD_NAMES.map((n) => `${SRC}/${n}`);
  const r = await repo.chokepoint(['check', ...files, '--format', 'json']);
  assert.equal(r.exitCode, 1, r.stderr);
  assert.deepEqual(
    parseJson(r.stdout).findings.map((f) => f.path),
    // Findings are ordered by path in code-unit order, the same on every machine.
    [...files].sort(),
  );
});

// Larger than every buffer on the way (the 64 KiB read buffer, the 1 MiB byte
// filter, git's pipe chunks), so each path that grows or streams is taken; a
// larger file adds time, not paths.
test('a 2 MB file: the audit completes (working tree, index, FILE) and finds the needle near its end', async () => {
  const big = await makeRepo({ 'chokepoint.toml': CONFIG, [REAL]: REAL_TEXT });
  try {
    const line = 'pub fn f(a: u32) -> u32 { let s = "// not a comment"; a + 1 } /* std::fs */ // std::fs\n';
    const count = Math.ceil((2 * 1024 * 1024) / line.length);
    big.write(`${SRC}/huge.rs`, `${line.repeat(count)}fn z() {\n    std::fs::read("x");\n}\n`);
    await big.git(['add', '-A']);
    const expected = [`std::fs@${count + 2}:5`];
    for (const args of [['--staged'], ['--all'], ['--all', '--cached'], ['check', `${SRC}/huge.rs`, REAL]]) {
      const r = await big.chokepoint([...args, '--format', 'json']);
      assert.equal(r.exitCode, 1, `${args.join(' ')}: ${r.stderr}`);
      const out = parseJson(r.stdout);
      assert.deepEqual(findingsAt(out, `${SRC}/huge.rs`), expected, args.join(' '));
      assert.deepEqual(findingsAt(out, REAL), ['std::fs@2:5'], args.join(' '));
    }
  } finally {
    big.cleanup();
  }
});
