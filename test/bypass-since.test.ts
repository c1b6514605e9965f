// CI verifies: `check --since` names the commit of the range that introduced
// each finding and the bypass its trailer records, through every way a
// violation gets into a history without the pre-commit hook (--no-verify,
// cherry-pick, revert, am, merge, amend) and through the hook's own bypass.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallRepo, type Repo } from './helpers.js';

const bad = (fn: string) => `pub fn ${fn}() -> Vec<u8> { std::fs::read("x").unwrap() }\n`;

interface JsonFinding {
  path: string;
  line: number;
  introduced_by?: { commit: string; bypass: string | null };
}

let repo: Repo;
let base: string;
const commits: Record<string, string> = {};
const rev = async (r = 'HEAD') => (await repo.git(['rev-parse', r])).stdout.trim();

async function add(path: string, text: string): Promise<void> {
  repo.write(path, text);
  await repo.git(['add', path]);
}

async function commit(msg: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []): Promise<string> {
  const r = await repo.commit(msg, extra, env);
  assert.equal(r.exitCode, 0, `${msg}: ${r.stderr}`);
  return rev();
}

before(async () => {
  repo = await smallRepo();
  assert.equal((await repo.chokepoint(['install'])).exitCode, 0);
  base = await rev();
  await repo.git(['checkout', '-q', '-b', 'feature']);

  // Through the hook, with a recorded bypass.
  await add('crates/core/src/a.rs', bad('a'));
  commits.bypassed = await commit('a: hotfix', { CHOKEPOINT_BYPASS: 'incident 42' });
  // Past the hook.
  await add('crates/core/src/b.rs', bad('b'));
  commits.noVerify = await commit('b', {}, ['--no-verify']);
  // The bypassed line moves down: still the bypassed commit's finding.
  await add('crates/core/src/a.rs', `// a header\n// more\n${bad('a')}`);
  commits.moved = await commit('a: header', {}, ['--no-verify']);

  // Cherry-picked from a side branch (git runs no pre-commit).
  await repo.git(['checkout', '-q', '-b', 'side', base]);
  await add('crates/core/src/c.rs', bad('c'));
  const side = await commit('c', {}, ['--no-verify']);
  await repo.git(['checkout', '-q', 'feature']);
  assert.equal((await repo.git(['cherry-pick', side])).exitCode, 0);
  commits.cherryPicked = await rev();

  // A fix, then its revert (which brings the violation back).
  await add('crates/core/src/b.rs', 'pub fn b() {}\n');
  commits.fix = await commit('b: fixed', {}, ['--no-verify']);
  assert.equal((await repo.git(['revert', '--no-edit', commits.fix])).exitCode, 0);
  commits.revert = await rev();

  // From a mailbox, trailer and all (git am runs no pre-commit).
  await repo.git(['checkout', '-q', '-b', 'mail', base]);
  await add('crates/core/src/d.rs', bad('d'));
  await commit('d\n\nChokepoint-Bypass: vendored patch', {}, ['--no-verify']);
  const patch = (await repo.git(['format-patch', '-1', '--stdout'])).stdout;
  await repo.git(['checkout', '-q', 'feature']);
  assert.equal((await repo.git(['am', '-q'], { input: patch, stdin: 'pipe' })).exitCode, 0);
  commits.am = await rev();

  // A merged branch: the finding belongs to the branch's commit, not to the merge.
  await repo.git(['checkout', '-q', '-b', 'topic', base]);
  await add('crates/core/src/e.rs', bad('e'));
  commits.topic = await commit('e: hotfix', { CHOKEPOINT_BYPASS: 'incident 43' });
  await repo.git(['checkout', '-q', 'feature']);
  assert.equal((await repo.git(['merge', '-q', '--no-ff', '--no-verify', '-m', 'merge topic', 'topic'])).exitCode, 0);
});

after(() => repo.cleanup());

async function since(args: string[] = []): Promise<{ exitCode: number; findings: JsonFinding[]; stdout: string }> {
  const r = await repo.chokepoint(['check', '--since', base, '--format', 'json', ...args]);
  assert.notEqual(r.exitCode, 2, r.stderr);
  return { exitCode: r.exitCode, findings: (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings, stdout: r.stdout };
}

test('each finding names the commit that introduced it and the bypass it recorded', async () => {
  const { findings, exitCode } = await since();
  assert.equal(exitCode, 1);
  const by = Object.fromEntries(findings.map((f) => [f.path.split('/').pop(), f.introduced_by]));
  assert.deepEqual(by['a.rs'], { commit: commits.bypassed, bypass: 'incident 42' }, 'moved lines keep their commit');
  assert.deepEqual(by['b.rs'], { commit: commits.revert, bypass: null }, 'a revert that brings a violation back introduces it');
  assert.deepEqual(by['c.rs'], { commit: commits.cherryPicked, bypass: null });
  assert.deepEqual(by['d.rs'], { commit: commits.am, bypass: 'vendored patch' }, 'git am keeps the trailer');
  assert.deepEqual(by['e.rs'], { commit: commits.topic, bypass: 'incident 43' }, 'a merge credits the branch commit');
});

test('recorded bypasses pass only when the policy says so; unrecorded ones always fail', async () => {
  assert.equal((await since(['--recorded-bypass', 'pass'])).exitCode, 1, 'unrecorded findings remain');
  // A range holding only recorded bypasses: fails by default, passes when allowed.
  await repo.git(['checkout', '-q', 'topic']);
  try {
    assert.equal((await since()).exitCode, 1, 'default: recorded bypasses fail too');
    const passed = await since(['--recorded-bypass', 'pass']);
    assert.equal(passed.exitCode, 0);
    assert.equal((JSON.parse(passed.stdout) as { ok: boolean }).ok, true);
    const sarif = JSON.parse((await repo.chokepoint(['check', '--since', base, '--format', 'sarif', '--recorded-bypass', 'pass'])).stdout) as {
      runs: Array<{ results: Array<{ suppressions?: Array<{ kind: string; justification?: string }> }> }>;
    };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.suppressions), [[{ kind: 'inSource', justification: 'incident 43' }]], 'an accepted bypass is a suppression with its reason');
    const github = await repo.chokepoint(['check', '--since', base, '--format', 'github', '--recorded-bypass', 'pass']);
    assert.match(github.stdout, /^::warning .*incident 43/m);
    // The config key decides when no flag is given.
    const config = readFileSync(join(repo.dir, 'chokepoint.toml'), 'utf8');
    repo.write('chokepoint.toml', `${config}\n[bypass]\nallow_in_ci = true\n`);
    assert.equal((await since()).exitCode, 0);
    assert.equal((await since(['--recorded-bypass', 'fail'])).exitCode, 1);
    repo.write('chokepoint.toml', config);
  } finally {
    await repo.git(['checkout', '-q', 'feature']);
  }
});

test('the human report and the SARIF log say who introduced each finding', async () => {
  const human = await repo.chokepoint(['check', '--since', base]);
  assert.match(human.stdout, new RegExp(`introduced by ${commits.bypassed!.slice(0, 12)}, bypass recorded: incident 42`));
  assert.match(human.stdout, new RegExp(`introduced by ${commits.cherryPicked!.slice(0, 12)}, no bypass recorded`));
  const sarif = JSON.parse((await repo.chokepoint(['check', '--since', base, '--format', 'sarif'])).stdout) as {
    runs: Array<{ results: Array<{ properties: { introducedBy?: { commit: string; bypass: string | null } } }> }>;
  };
  const props = sarif.runs[0]!.results.map((r) => r.properties.introducedBy);
  assert.ok(props.some((p) => p?.commit === commits.am && p?.bypass === 'vendored patch'));
});
