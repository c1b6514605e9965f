#!/usr/bin/env node
// Entry point: parse the command line, run one command, map the outcome to an
// exit code (0 clean or bypassed, 1 findings, 2 usage/config/environment).
// Commands are imported lazily so the pre-commit hook loads only what it uses.

import { existsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { environmentError, UserError } from './errors.js';
import { parseCommandLine } from './options.js';
import { escapeVisibly } from './report/safeText.js';

export const HELP = `chokepoint — keep a Rust project's host access behind its reviewed chokepoints

Usage:
  chokepoint                         check the staged files (what the pre-commit hook runs)
  chokepoint check --staged          the same
  chokepoint check --all             full audit of the working tree, with sanity checks
                                     (--cached: audit the index; --rev REV: audit a commit)
  chokepoint --all                   alias of check --all
  chokepoint check FILE...           check these working-tree files (for lint-staged);
                                     a directory stands for its in-scope files
  chokepoint check --since REV       files changed since the merge base with REV, plus sanity checks
  chokepoint init [--from GUARDS.rs] write chokepoint.toml (--from imports an architecture_guards.rs test;
                                     --reasons-from-group-comments lets a group's heading comment be its entries' reason)
  chokepoint install [--force]       register the pre-commit and commit-msg hooks (simple-git-hooks)
  chokepoint uninstall               remove the hooks chokepoint installed
  chokepoint explain PATH            is PATH in scope, test code, allowlisted, and what it contains
  chokepoint explain Cargo.lock|CRATE  every dependency chain to each banned crate (or to CRATE)
  chokepoint baseline [--prune]      record today's findings in chokepoint-baseline.json so only new ones fail
                                     (--prune only lowers or removes entries the code has outgrown)

Options:
  --config PATH      config file (default: chokepoint.toml at the repository root)
  --format F         human (default), json, sarif or github
  --cwd DIR          run as if started in DIR
  --strict           warnings fail the run too
  --matcher M        precise (default) or line (reproduces the seed test's verdicts)
  --bypass REASON    report findings but exit 0, recording the reason (also CHOKEPOINT_BYPASS)
  --recorded-bypass pass|fail
                     with --since: whether findings whose commit records a bypass pass
                     (default: [bypass] allow_in_ci in the config, else fail)
  -h, --help         this text
  -v, --version      the version

Exit codes: 0 clean (or bypassed), 1 findings, 2 usage, config or environment error.
`;

export async function main(argv: string[]): Promise<number> {
  const invocation = parseCommandLine(argv, process.env);
  switch (invocation.command) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version': {
      const { readPackageVersion } = await import('./version.js');
      process.stdout.write(`${readPackageVersion()}\n`);
      return 0;
    }
    case 'check': {
      const { target, common } = invocation;
      if (target.kind === 'staged') await prefetchStagedCheck(common.cwd, common.config === undefined);
      // The judge's module loads while the check's modules initialise (its errors are the run's to report).
      if (target.kind !== 'all') (await import('./judge.js')).loadJudge().catch(() => undefined);
      if (target.kind === 'all' && target.from === 'worktree') await prefetchWorktreeAudit(common.cwd);
      return (await import('./commands/check.js')).checkCommand(invocation);
    }
    case 'init':
      return (await import('./commands/init.js')).initCommand(invocation);
    case 'install':
      return (await import('./commands/install.js')).installCommand(invocation);
    case 'uninstall':
      return (await import('./commands/install.js')).uninstallCommand(invocation);
    case 'explain':
      return (await import('./commands/explain.js')).explainCommand(invocation);
    case 'hook':
      return (await import('./commands/hook.js')).hookCommand(invocation);
    case 'baseline':
      return (await import('./commands/baseline.js')).baselineCommand(invocation);
  }
}

/**
 * An audit run from the top of the working tree (as CI runs it) starts its
 * file listing while chokepoint loads and finds the repository. Run from
 * elsewhere, it simply starts it later.
 */
async function prefetchWorktreeAudit(dir: string): Promise<void> {
  if (!existsSync(join(dir, '.git', 'index'))) return;
  const [{ prefetchGit, REPOSITORY_QUERY }, { WORKTREE_FILES_ARGS, WORKTREE_DELETED_ARGS }] = await Promise.all([import('./git.js'), import('./source/sources.js')]);
  prefetchGit(REPOSITORY_QUERY, dir);
  prefetchGit(WORKTREE_FILES_ARGS, dir);
  prefetchGit(WORKTREE_DELETED_ARGS, dir);
}

/** The launcher starts these for the hook's own command line; any other spelling of a staged check starts them here. */
async function prefetchStagedCheck(dir: string, defaultConfig: boolean): Promise<void> {
  await (await import('./hookStart.js')).prefetchStagedCheck(dir, defaultConfig);
}

function reportError(err: unknown): number {
  const user = err instanceof UserError ? err : systemError(err);
  if (user) {
    process.stderr.write(`chokepoint: ${user.describe(escapeVisibly)}\n`);
    return 2;
  }
  // Not a user error: a bug. One line, still exit 2; the stack on request.
  const detail = process.env.CHOKEPOINT_DEBUG ? `\n${(err as Error)?.stack ?? String(err)}` : ' (set CHOKEPOINT_DEBUG=1 to see where)';
  process.stderr.write(`chokepoint: internal error — please report it: ${escapeVisibly(String((err as Error)?.message ?? err))}${detail}\n`);
  return 2;
}

/** A file-system refusal that escaped its caller (a read-only disk, a full one) is the environment's doing, not a bug. */
function systemError(err: unknown): UserError | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const why = e?.code !== undefined ? SYSTEM_ERRORS[e.code] : undefined;
  if (why === undefined) return undefined;
  return environmentError(`${e!.syscall ?? 'access'} ${e!.path ?? ''}: ${why}`.replace(/ :/, ':'), 'fix the permissions or free space, or run chokepoint where it can write');
}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
};

/**
 * Proves to hooks/run.sh that chokepoint itself ran (not whatever program a
 * variable named): the nonce the hook chose, and the exit code, on fd 3.
 */
function handshake(code: number): void {
  const nonce = process.env.CHOKEPOINT_HOOK_NONCE;
  if (nonce === undefined) return;
  try {
    writeSync(3, `chokepoint-verdict ${nonce} ${code}`);
  } catch {
    /* fd 3 is not open: not run by the hook, and the hook would fail loudly anyway */
  }
}

/**
 * Exits as soon as the output is written. Left alone, node would wait for
 * git child processes (a cat-file told to stop) and their pipes to wind
 * down: ~15 ms of a pre-commit hook that has nothing left to do.
 */
function exitWhenWritten(code: number): void {
  handshake(code);
  process.exitCode = code;
  let pending = 2;
  const written = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

main(process.argv.slice(2)).then(exitWhenWritten, (err) => exitWhenWritten(reportError(err)));
