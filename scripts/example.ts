// `npm run example`: chokepoint on the bundled example workspace, end to end.
// Copies fixtures/secure-exec into a temporary git repository, runs the full
// audit, installs the hooks, and shows a commit being blocked and then
// bypassed with a recorded reason. Exits non-zero if anything behaves otherwise.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bundle', 'cli', 'launch.js');
const work = mkdtempSync(join(tmpdir(), 'chokepoint-example-'));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Example',
  GIT_AUTHOR_EMAIL: 'example@example.invalid',
  GIT_COMMITTER_NAME: 'Example',
  GIT_COMMITTER_EMAIL: 'example@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  CHOKEPOINT_BYPASS: undefined,
};

function step(title: string): void {
  process.stdout.write(`\n\x1b[1m== ${title}\x1b[0m\n`);
}

function run(cmd: string, args: string[], expectCode: number, extraEnv: NodeJS.ProcessEnv = {}): string {
  process.stdout.write(`$ ${[cmd === process.execPath ? 'chokepoint' : cmd, ...(cmd === process.execPath ? args.slice(1) : args)].join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: work, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  if (r.status !== expectCode) {
    throw new Error(`expected exit ${expectCode} from ${cmd} ${args.join(' ')}, got ${r.status}`);
  }
  return r.stdout + r.stderr;
}

const chokepoint = (args: string[], expectCode: number, extraEnv?: NodeJS.ProcessEnv) => run(process.execPath, [cli, ...args], expectCode, extraEnv);

try {
  cpSync(join(root, 'fixtures', 'secure-exec'), work, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: work, env });
  execFileSync('git', ['add', '-A'], { cwd: work, env });
  execFileSync('git', ['commit', '-q', '-m', 'example workspace'], { cwd: work, env });

  step('Full audit of the example workspace (what CI runs): it has planted violations');
  chokepoint(['--all'], 1);

  step('The same tree judged the way the old cargo test did (--matcher line)');
  chokepoint(['--all', '--matcher', 'line'], 1);

  step('Install the pre-commit and commit-msg hooks');
  chokepoint(['install'], 0);

  step('A commit that adds a banned call outside the allowlist is refused');
  writeFileSync(join(work, 'crates/kernel/src/fd_table.rs'), 'pub fn leak() -> bool {\n    std::path::Path::new("/etc").exists() && std::fs::metadata("/etc").is_ok()\n}\n');
  execFileSync('git', ['add', 'crates/kernel/src/fd_table.rs'], { cwd: work, env });
  run('git', ['commit', '-q', '-m', 'read host files directly'], 1);

  step('The same commit with an explicit, recorded bypass');
  run('git', ['commit', '-q', '-m', 'read host files directly'], 0, { CHOKEPOINT_BYPASS: 'incident 42: hotfix, moves behind host_fs.rs next' });
  const message = run('git', ['log', '-1', '--format=%B'], 0);
  if (!message.includes('Chokepoint-Bypass: incident 42')) throw new Error('the bypass trailer is missing');

  process.stdout.write('\n\x1b[32mexample finished: audit, hook, block and recorded bypass all behaved as documented\x1b[0m\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
