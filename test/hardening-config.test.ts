// Hardening of the config loader: every malformed chokepoint.toml is a config
// error naming `file:line:column` (where a position exists), with exit 2, a
// way out, and never a stack trace.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeRepo, parseJson, type Repo } from './helpers.js';

/** A valid config; the cases below are edits of it (line numbers in comments). */
const BASE = [
  '[scope]', // 1
  'include = ["crates/*/src/**/*.rs"]', // 2
  'min_files = 1', // 3
  '', // 4
  '[[class]]', // 5
  'name = "fs"', // 6
  'reason = "host files"', // 7
  'needles = ["std::fs", "File::open"]', // 8
  '', // 9
  '[[class.allow]]', // 10
  'path = "crates/host/src/fs.rs"', // 11
  'reason = "the chokepoint"', // 12
  '', // 13
  '[dependency_rule]', // 14
  'manifests = ["crates/*/Cargo.toml"]', // 15
  'banned = ["agent"]', // 16
];

/** BASE with line `n` (1-based) replaced by `lines` (none: deleted). */
function edit(n: number, ...lines: string[]): string {
  const copy = [...BASE];
  copy.splice(n - 1, 1, ...lines);
  return `${copy.join('\n')}\n`;
}

/** BASE with `lines` inserted before line `n`. */
function insert(n: number, ...lines: string[]): string {
  const copy = [...BASE];
  copy.splice(n - 1, 0, ...lines);
  return `${copy.join('\n')}\n`;
}

const append = (...lines: string[]): string => `${BASE.join('\n')}\n${lines.join('\n')}\n`;

let repo: Repo;
before(async () => {
  repo = await makeRepo({
    'chokepoint.toml': `${BASE.join('\n')}\n`,
    'crates/host/src/fs.rs': 'pub fn r() { std::fs::read("x"); }\n',
    'crates/core/src/lib.rs': 'pub fn a() {}\n',
  });
});
after(() => repo.cleanup());

interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function withConfig(text: string | Buffer, args: string[] = ['--all']): Promise<Outcome> {
  repo.write('chokepoint.toml', text);
  return repo.chokepoint(args);
}

/** A user error: exit 2, nothing on stdout, one `chokepoint: …` message and an optional hint, no stack. */
function assertConfigError(r: Outcome, first: string, hint?: string): void {
  assert.equal(r.exitCode, 2, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at |Error:/, 'no stack trace');
  const [line1, ...rest] = r.stderr.split('\n');
  assert.equal(line1, `chokepoint: ${first}`);
  if (hint !== undefined) assert.deepEqual(rest, [`  hint: ${hint}`]);
}

const UNKNOWN_HINT = {
  top: 'allowed here: matcher, scope, class, dependency_rule, bypass',
  scope: 'allowed here: include, exclude, min_files, count_excluded',
  cls: 'allowed here: name, reason, use_instead, needles, allow',
  allow: 'allowed here: path, reason, needles',
  dep: 'allowed here: manifests, banned, allow, forbid_escaping_paths, graph, wrapper',
  depAllow: 'allowed here: crate, reason',
};

test('the base config is valid (the control for every case below)', async () => {
  const r = await withConfig(`${BASE.join('\n')}\n`, ['--all', '--format', 'json']);
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  assert.equal(parseJson(r.stdout).ok, true);
});

// --- unknown keys -------------------------------------------------------------------

test('unknown key at the top level', async () => {
  assertConfigError(await withConfig(insert(1, 'bogus = 1')), 'chokepoint.toml:1:1: `bogus`: unknown key', UNKNOWN_HINT.top);
  assertConfigError(await withConfig(insert(1, 'matcher = "precise"', 'scope_typo = 1')), 'chokepoint.toml:2:1: `scope_typo`: unknown key', UNKNOWN_HINT.top);
});

test('unknown key in [scope]', async () => {
  assertConfigError(await withConfig(insert(4, 'incldue = ["x"]')), 'chokepoint.toml:4:1: `scope.incldue`: unknown key', UNKNOWN_HINT.scope);
});

test('unknown key in [scope] written as an inline table', async () => {
  const text = edit(1, 'scope = { include = ["crates/*/src/**/*.rs"], bogus = 1 }').replace('include = ["crates/*/src/**/*.rs"]\nmin_files = 1\n', '');
  assertConfigError(await withConfig(text), 'chokepoint.toml:1:47: `scope.bogus`: unknown key', UNKNOWN_HINT.scope);
});

test('unknown key in [[class]] (plain and quoted key)', async () => {
  assertConfigError(await withConfig(insert(9, 'needle = "x"')), 'chokepoint.toml:9:1: `class.0.needle`: unknown key', UNKNOWN_HINT.cls);
  assertConfigError(await withConfig(insert(9, '"use-instead" = "x"')), 'chokepoint.toml:9:1: `class.0.use-instead`: unknown key', UNKNOWN_HINT.cls);
});

test('unknown key in [[class.allow]]', async () => {
  assertConfigError(await withConfig(insert(13, 'resaon = "typo"')), 'chokepoint.toml:13:1: `class.0.allow.0.resaon`: unknown key', UNKNOWN_HINT.allow);
});

test('unknown key in [dependency_rule] and in [[dependency_rule.allow]]', async () => {
  assertConfigError(await withConfig(append('banend = ["x"]')), 'chokepoint.toml:17:1: `dependency_rule.banend`: unknown key', UNKNOWN_HINT.dep);
  assertConfigError(await withConfig(append('', '[[dependency_rule.allow]]', 'crate = "agent-types"', 'reason = "data only"', 'crates = "x"')), 'chokepoint.toml:21:1: `dependency_rule.allow.0.crates`: unknown key', UNKNOWN_HINT.depAllow);
});

test('unknown key in the second [[class]]: the index and the line are the second one', async () => {
  const text = append('', '[[class]]', 'name = "net"', 'reason = "sockets"', 'needles = ["std::net"]', 'alow = []');
  // The [[class]] after [dependency_rule] is still class 1.
  assertConfigError(await withConfig(text), 'chokepoint.toml:22:1: `class.1.alow`: unknown key', UNKNOWN_HINT.cls);
});

// --- wrong types -----------------------------------------------------------------------

test('wrong type: a string where an array of strings is expected', async () => {
  assertConfigError(await withConfig(edit(8, 'needles = "std::fs"')), 'chokepoint.toml:8:1: `class.0.needles`: must be an array of strings, not a string');
  assertConfigError(await withConfig(edit(2, 'include = "crates/*/src/**/*.rs"')), 'chokepoint.toml:2:1: `scope.include`: must be an array of strings, not a string');
});

test('wrong type: a number where a string is expected', async () => {
  assertConfigError(await withConfig(edit(7, 'reason = 42')), 'chokepoint.toml:7:1: `class.0.reason`: must be a string, not a number');
  assertConfigError(await withConfig(edit(11, 'path = 3.5')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: must be a string, not a number');
});

test('wrong type: a table where a string is expected', async () => {
  assertConfigError(await withConfig(edit(6, 'name = { a = 1 }')), 'chokepoint.toml:6:1: `class.0.name`: must be a string, not a table');
});

test('wrong type inside an array: the element position', async () => {
  assertConfigError(await withConfig(edit(8, 'needles = ["std::fs", 3]')), 'chokepoint.toml:8:23: `class.0.needles.1`: must be a string, not a number');
  assertConfigError(await withConfig(edit(8, 'needles = ["std::fs", { a = 1 }]')), 'chokepoint.toml:8:23: `class.0.needles.1`: must be a string, not a table');
});

test('wrong type: a TOML date or time where a string is expected (quoted, the same text is fine)', async () => {
  const quote = 'quote it to make it a string';
  assertConfigError(await withConfig(edit(8, 'needles = ["std::fs", 1979-05-27]')), 'chokepoint.toml:8:23: `class.0.needles.1`: must be a string, not a date', quote);
  assertConfigError(await withConfig(edit(7, 'reason = 1979-05-27T07:32:00')), 'chokepoint.toml:7:1: `class.0.reason`: must be a string, not a date', quote);
  assertConfigError(await withConfig(edit(7, 'reason = 1979-05-27T07:32:00Z')), 'chokepoint.toml:7:1: `class.0.reason`: must be a string, not a date');
  assertConfigError(await withConfig(edit(12, 'reason = 07:32:00')), 'chokepoint.toml:12:1: `class.0.allow.0.reason`: must be a string, not a time', quote);
  const quoted = await withConfig(edit(7, "reason = '1979-05-27'"), ['--all', '--format', 'json']);
  assert.equal(quoted.exitCode, 0, quoted.stdout + quoted.stderr);
});

test('wrong type: numbers, booleans and tables of the wrong kind', async () => {
  assertConfigError(await withConfig(edit(3, 'min_files = "3"')), 'chokepoint.toml:3:1: `scope.min_files`: must be a whole number ≥ 0');
  assertConfigError(await withConfig(edit(3, 'min_files = -1')), 'chokepoint.toml:3:1: `scope.min_files`: must be a whole number ≥ 0');
  assertConfigError(await withConfig(edit(3, 'min_files = 1.5')), 'chokepoint.toml:3:1: `scope.min_files`: must be a whole number ≥ 0');
  assertConfigError(await withConfig(insert(4, 'count_excluded = "yes"')), 'chokepoint.toml:4:1: `scope.count_excluded`: must be true or false');
  assertConfigError(await withConfig(append('forbid_escaping_paths = 1')), 'chokepoint.toml:17:1: `dependency_rule.forbid_escaping_paths`: must be true or false');
  assertConfigError(await withConfig(insert(1, 'matcher = "fuzzy"')), 'chokepoint.toml:1:1: `matcher`: must be "precise" or "line"');
  assertConfigError(await withConfig(edit(1, '[[scope]]')), 'chokepoint.toml:1:3: `scope`: must be a table');
  assertConfigError(await withConfig(insert(1, 'class = "fs"').replace(/\[\[class\]\][\s\S]*?\n\n\[\[class\.allow\]\][\s\S]*?\n\n/, '')), 'chokepoint.toml:1:1: `class`: must be an array of tables ([[class]])');
  assertConfigError(await withConfig(insert(9, 'allow = "everything"').replace(/\[\[class\.allow\]\]\n.*\n.*\n/, '')), 'chokepoint.toml:9:1: `class.0.allow`: must be an array of tables ([[class.allow]])');
});

test('a dotted key is located at its last part', async () => {
  const text = insert(1, 'scope.min_files = "3"').replace('[scope]\ninclude = ["crates/*/src/**/*.rs"]\nmin_files = 1\n', '');
  assertConfigError(await withConfig(text), 'chokepoint.toml:1:7: `scope.min_files`: must be a whole number ≥ 0');
});

// --- values that are the right type but wrong ----------------------------------------------

test('empty and blank needles', async () => {
  assertConfigError(await withConfig(edit(8, 'needles = ["std::fs", ""]')), 'chokepoint.toml:8:23: `class.0.needles.1`: must not be empty');
  assertConfigError(await withConfig(edit(8, 'needles = ["std::fs", " \\t "]')), 'chokepoint.toml:8:23: `class.0.needles.1`: must not be empty');
  assertConfigError(await withConfig(edit(8, 'needles = []')), 'chokepoint.toml:8:1: `class.0.needles`: must list at least one needle');
  assertConfigError(await withConfig(edit(8, 'needles = [', '  "std::fs",', '  "",', ']')), 'chokepoint.toml:10:3: `class.0.needles.1`: must not be empty');
});

test('duplicate needles in a class', async () => {
  assertConfigError(await withConfig(edit(8, 'needles = ["std::fs", "File::open", "std::fs"]')), 'chokepoint.toml:8:37: `class.0.needles.2`: duplicate needle "std::fs"');
});

test('duplicate class names', async () => {
  const text = append('', '[[class]]', 'name = "fs"', 'reason = "again"', 'needles = ["tokio::fs"]');
  assertConfigError(await withConfig(text), 'chokepoint.toml:19:1: `class.1.name`: duplicate class name "fs"', 'merge the two classes or rename one');
});

test('duplicate allowlist entries', async () => {
  const text = insert(13, '', '[[class.allow]]', 'path = "crates/host/src/fs.rs"', 'reason = "again"');
  assertConfigError(await withConfig(text), 'chokepoint.toml:15:1: `class.0.allow.1.path`: duplicate allowlist entry "crates/host/src/fs.rs" in class "fs"', 'keep one entry per file; narrow it with `needles` if needed');
});

test('an allowlist entry without a reason, or with an empty one', async () => {
  assertConfigError(await withConfig(edit(12)), 'chokepoint.toml:10:1: `class.0.allow.0`: allowlist entry needs a `reason`', 'say why host access is safe in this file: reviewers read it');
  assertConfigError(await withConfig(edit(12, 'reason = ""')), 'chokepoint.toml:12:1: `class.0.allow.0.reason`: must not be empty');
});

test('an allowlist narrowed to a needle the class does not have', async () => {
  assertConfigError(await withConfig(insert(13, 'needles = ["std::net"]')), 'chokepoint.toml:13:12: `class.0.allow.0.needles.0`: "std::net" is not a needle of this class', 'the class needles are "std::fs", "File::open"');
});

const PATH_HINT = 'write the path relative to the repository root, with `/` separators, e.g. "crates/net/src/socket.rs"';

test('allowlist paths: `..`, `.`, empty segments, absolute, drive letters, backslashes', async () => {
  assertConfigError(await withConfig(edit(11, 'path = "crates/../host/src/fs.rs"')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "crates/../host/src/fs.rs" has an empty, `.` or `..` segment', PATH_HINT);
  assertConfigError(await withConfig(edit(11, 'path = "../outside.rs"')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "../outside.rs" has an empty, `.` or `..` segment', PATH_HINT);
  assertConfigError(await withConfig(edit(11, 'path = "./crates/host/src/fs.rs"')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "./crates/host/src/fs.rs" has an empty, `.` or `..` segment', PATH_HINT);
  assertConfigError(await withConfig(edit(11, 'path = "crates//host/src/fs.rs"')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "crates//host/src/fs.rs" has an empty, `.` or `..` segment', PATH_HINT);
  assertConfigError(await withConfig(edit(11, 'path = "/etc/passwd"')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "/etc/passwd" is absolute', PATH_HINT);
  assertConfigError(await withConfig(edit(11, 'path = "C:/src/fs.rs"')), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "C:/src/fs.rs" is absolute', PATH_HINT);
  assertConfigError(await withConfig(edit(11, "path = 'crates\\host\\src\\fs.rs'")), 'chokepoint.toml:11:1: `class.0.allow.0.path`: path "crates\\\\host\\\\src\\\\fs.rs" uses `\\`', PATH_HINT);
});

test('invalid globs in include, exclude and manifests', async () => {
  assertConfigError(await withConfig(edit(2, 'include = ["crates/[*.rs"]')), 'chokepoint.toml:2:12: `scope.include.0`: invalid glob "crates/[*.rs": unclosed `[` in pattern');
  assertConfigError(await withConfig(edit(2, 'include = ["crates/*/src/**/*.rs", "!crates/{a,b/**"]')), 'chokepoint.toml:2:36: `scope.include.1`: invalid glob "!crates/{a,b/**": unclosed `{` in pattern');
  assertConfigError(await withConfig(insert(4, "exclude = ['**/build.rs\\']")), 'chokepoint.toml:4:12: `scope.exclude.0`: invalid glob "**/build.rs\\\\": a pattern cannot end with a lone `\\`');
  assertConfigError(await withConfig(edit(15, 'manifests = ["crates/[/Cargo.toml"]')), 'chokepoint.toml:15:14: `dependency_rule.manifests.0`: invalid glob "crates/[/Cargo.toml": unclosed `[` in pattern');
  assertConfigError(await withConfig(edit(2, 'include = ["!crates/**"]')), 'chokepoint.toml:2:1: `scope.include`: needs at least one pattern that is not a `!` negation');
});

test('a config that bans nothing', async () => {
  assertConfigError(await withConfig('[scope]\ninclude = ["**/*.rs"]\n'), 'chokepoint.toml:1:1: the config bans nothing: add a [[class]] or a [dependency_rule]', 'run `chokepoint init` for a commented starter config');
  assertConfigError(await withConfig(''), 'chokepoint.toml:1:1: the config bans nothing: add a [[class]] or a [dependency_rule]');
});

// --- not TOML, not UTF-8, not a file -------------------------------------------------------

test('invalid TOML: an unterminated string, at the parser position', async () => {
  const r = await withConfig(edit(7, 'reason = "host files'));
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /^chokepoint: chokepoint\.toml:7:21: invalid TOML: /);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('invalid TOML: a redefined key, a broken header, a bad value', async () => {
  let r = await withConfig(insert(8, 'reason = "twice"'));
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /^chokepoint: chokepoint\.toml:8:1: invalid TOML: Cannot redefine existing key/);
  r = await withConfig(edit(14, '[dependency_rule'));
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /^chokepoint: chokepoint\.toml:14:17: invalid TOML: /);
  r = await withConfig(edit(3, 'min_files = 1a'));
  assert.equal(r.exitCode, 2);
  assert.match(r.stderr, /^chokepoint: chokepoint\.toml:3:14: invalid TOML: /);
});

test('positions: CRLF line endings and a BOM change nothing; columns count UTF-16 units', async () => {
  const crlf = insert(9, 'needle = "x"').replace(/\n/g, '\r\n');
  assertConfigError(await withConfig(crlf), 'chokepoint.toml:9:1: `class.0.needle`: unknown key', UNKNOWN_HINT.cls);
  assertConfigError(await withConfig(`\uFEFF${edit(8, 'needles = ["std::fs", ""]')}`), 'chokepoint.toml:8:23: `class.0.needles.1`: must not be empty');
  assertConfigError(await withConfig(`\uFEFF${insert(1, 'bogus = 1')}`), 'chokepoint.toml:1:1: `bogus`: unknown key', UNKNOWN_HINT.top);
  // "😀" is two UTF-16 units: the empty needle starts at column 18.
  assertConfigError(await withConfig(edit(8, 'needles = ["😀", ""]')), 'chokepoint.toml:8:18: `class.0.needles.1`: must not be empty');
});

test('a config that is not UTF-8: the position of the first bad byte', async () => {
  const latin1 = Buffer.concat([Buffer.from(edit(7, 'reason = "caf').trimEnd().split('\n').slice(0, 7).join('\n')), Buffer.from([0xe9]), Buffer.from('"\n'), Buffer.from(BASE.slice(7).join('\n'))]);
  assertConfigError(await withConfig(latin1), 'chokepoint.toml:7:14: the config is not valid UTF-8 text', 'save the config as UTF-8: TOML files must be UTF-8');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE.join('\n'), 'utf16le')]);
  assertConfigError(await withConfig(utf16), 'chokepoint.toml:1:1: the config is not valid UTF-8 text', 'save the config as UTF-8: TOML files must be UTF-8');
  // A real U+FFFD before the bad byte is not the bad byte.
  const after = Buffer.concat([Buffer.from('# \uFFFD ok\n# bad: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  assertConfigError(await withConfig(after), 'chokepoint.toml:2:8: the config is not valid UTF-8 text');
});

test('a config that is a directory', async () => {
  repo.remove('chokepoint.toml');
  mkdirSync(join(repo.dir, 'chokepoint.toml'));
  try {
    assertConfigError(await repo.chokepoint(['--all']), 'chokepoint.toml: is a directory, not a config file');
    assertConfigError(await repo.chokepoint(['--staged']), 'chokepoint.toml: is a directory, not a config file');
  } finally {
    rmSync(join(repo.dir, 'chokepoint.toml'), { recursive: true, force: true });
  }
});

test('a missing config: the message suggests `chokepoint init`', async () => {
  repo.remove('chokepoint.toml');
  const hint = 'run `chokepoint init` (or `chokepoint init --from path/to/architecture_guards.rs`) to create one';
  for (const args of [['--all'], ['--staged'], ['check', 'crates/core/src/lib.rs'], ['explain', 'crates/core/src/lib.rs']]) {
    assertConfigError(await repo.chokepoint(args), 'chokepoint.toml: no config file at chokepoint.toml', hint);
  }
  assertConfigError(await repo.chokepoint(['--all', '--cwd', join(repo.dir, 'crates')]), '../chokepoint.toml: no config file at ../chokepoint.toml', hint);
});

test('--config pointing elsewhere: used, and its errors name that file', async () => {
  repo.remove('chokepoint.toml');
  repo.write('conf/alt.toml', `${BASE.join('\n')}\n`);
  const ok = await repo.chokepoint(['--all', '--config', 'conf/alt.toml', '--format', 'json']);
  assert.equal(ok.exitCode, 0, ok.stdout + ok.stderr);
  repo.write('conf/alt.toml', edit(8, 'needles = ["std::fs", ""]'));
  assertConfigError(await repo.chokepoint(['--all', '--config', 'conf/alt.toml']), 'conf/alt.toml:8:23: `class.0.needles.1`: must not be empty');
  assertConfigError(await repo.chokepoint(['--all', '--config', 'alt.toml', '--cwd', join(repo.dir, 'conf')]), 'alt.toml:8:23: `class.0.needles.1`: must not be empty');
  assertConfigError(await repo.chokepoint(['--all', '--config', 'conf/missing.toml']), 'conf/missing.toml: no config file at conf/missing.toml');
  assertConfigError(await repo.chokepoint(['--all', '--config', 'conf']), 'conf: is a directory, not a config file');
  repo.remove('conf');
});

test('a staged config is judged as staged: its errors have the staged positions', async () => {
  repo.write('chokepoint.toml', `${BASE.join('\n')}\n`);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
  repo.write('chokepoint.toml', insert(1, '', '', 'bogus = 1'));
  await repo.git(['add', 'chokepoint.toml']);
  repo.write('chokepoint.toml', `${BASE.join('\n')}\n`);
  assertConfigError(await repo.chokepoint(['--staged']), 'chokepoint.toml:3:1: `bogus`: unknown key', UNKNOWN_HINT.top);
  const worktree = await repo.chokepoint(['--all']);
  assert.equal(worktree.exitCode, 0, 'the working-tree config is fine');
  await repo.git(['reset', '-q', '--hard']);
});
