#!/usr/bin/env node
// Entry point: parse the command line, run one command, map the outcome to an
// exit code (0 clean or bypassed, 1 findings, 2 usage/config/environment).
// Commands are imported lazily so the pre-commit hook loads only what it uses.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, usageError } from './errors.js';
import { messages } from './messages.js';
import { OPTIONS } from './options.js';

export const HELP = `chokepoint — keep a Rust project's host access behind its reviewed chokepoints

Usage:
  chokepoint                         check the staged files (what the pre-commit hook runs)
  chokepoint check --staged          the same
  chokepoint check --all             full audit of the working tree, with sanity checks
                                     (--cached: audit the index; --rev REV: audit a commit)
  chokepoint --all                   alias of check --all
  chokepoint check FILE...           check these working-tree files (for lint-staged)
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
  -h, --help         this text
  -v, --version      the version

Exit codes: 0 clean (or bypassed), 1 findings, 2 usage, config or environment error.
`;

export type ParsedArgs = ReturnType<typeof parse>;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), messages.usageHint);
  }
}

const COMMANDS = ['check', 'init', 'install', 'uninstall', 'explain', 'hook', 'baseline'] as const;
type Command = (typeof COMMANDS)[number];

export async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.values.version) {
    const { readPackageVersion } = await import('./version.js');
    process.stdout.write(`${readPackageVersion()}\n`);
    return 0;
  }
  const [first, ...rest] = args.positionals;
  const command: Command = first === undefined ? 'check' : (COMMANDS as readonly string[]).includes(first) ? (first as Command) : 'check';
  // `chokepoint path/to/file.rs` is not a command: only `check` takes files.
  if (first !== undefined && command === 'check' && first !== 'check') throw usageError(messages.unknownCommand(first), messages.usageHint);
  const positionals = first === undefined ? [] : rest;
  if (command === 'check' && isPlainStagedCheck(args.values, positionals)) await prefetchStagedCheck(args.values.cwd, args.values.config === undefined);
  if (command === 'check' && isWorktreeAudit(args.values, positionals)) await prefetchWorktreeAudit(args.values.cwd);
  switch (command) {
    case 'check':
      return (await import('./commands/check.js')).checkCommand(args.values, positionals);
    case 'init':
      return (await import('./commands/init.js')).initCommand(args.values, positionals);
    case 'install':
      return (await import('./commands/install.js')).installCommand(args.values, positionals);
    case 'uninstall':
      return (await import('./commands/install.js')).uninstallCommand(args.values, positionals);
    case 'explain':
      return (await import('./commands/explain.js')).explainCommand(args.values, positionals);
    case 'hook':
      return (await import('./commands/hook.js')).hookCommand(args.values, positionals);
    case 'baseline':
      return (await import('./commands/baseline.js')).baselineCommand(args.values, positionals);
  }
}

function isPlainStagedCheck(values: ParsedArgs['values'], files: string[]): boolean {
  return files.length === 0 && !values.all && values.since === undefined;
}

function isWorktreeAudit(values: ParsedArgs['values'], files: string[]): boolean {
  return files.length === 0 && values.all === true && !values.cached && values.rev === undefined;
}

/**
 * An audit run from the top of the working tree (as CI runs it) starts its
 * file listing while chokepoint loads and finds the repository. Run from
 * elsewhere, it simply starts it later.
 */
async function prefetchWorktreeAudit(cwd: string | undefined): Promise<void> {
  const dir = resolve(cwd ?? '.');
  if (!existsSync(join(dir, '.git', 'index'))) return;
  const [{ prefetchGit, REPOSITORY_QUERY }, { WORKTREE_FILES_ARGS, WORKTREE_DELETED_ARGS }] = await Promise.all([import('./git.js'), import('./source/sources.js')]);
  prefetchGit(REPOSITORY_QUERY, dir);
  prefetchGit(WORKTREE_FILES_ARGS, dir);
  prefetchGit(WORKTREE_DELETED_ARGS, dir);
}

/**
 * The hook's time is mostly fixed costs: loading chokepoint and starting git.
 * Start the git processes it will need first, so the two overlap.
 */
async function prefetchStagedCheck(cwd: string | undefined, defaultConfig: boolean): Promise<void> {
  const [{ prefetchGit, REPOSITORY_QUERY }, { STAGED_DIFF_ARGS }, { warmBlobReader }, { CONFIG_FILE }] = await Promise.all([
    import('./git.js'),
    import('./source/changes.js'),
    import('./source/blobs.js'),
    import('./config/load.js'),
  ]);
  const dir = resolve(cwd ?? '.');
  // In the order their answers are needed: the repository, the staged config
  // (`:0:` names the index; the path is from the root), the staged changes.
  prefetchGit(REPOSITORY_QUERY, dir);
  warmBlobReader(dir, defaultConfig ? [`:0:${CONFIG_FILE}`] : []);
  prefetchGit(STAGED_DIFF_ARGS, dir);
}

function reportError(err: unknown): number {
  if (err instanceof UserError) {
    process.stderr.write(`chokepoint: ${err.describe()}\n`);
    return 2;
  }
  // Not a user error: a bug. Say so, with the stack, and still exit 2.
  process.stderr.write(`chokepoint: internal error — please report it with this output\n${(err as Error)?.stack ?? String(err)}\n`);
  return 2;
}

/**
 * Exits as soon as the output is written. Left alone, node would wait for
 * git child processes (a cat-file told to stop) and their pipes to wind
 * down: ~15 ms of a pre-commit hook that has nothing left to do.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const written = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

main(process.argv.slice(2)).then(exitWhenWritten, (err) => exitWhenWritten(reportError(err)));
