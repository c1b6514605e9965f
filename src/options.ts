// The command line, read once: `parseCommandLine` turns argv (and the
// environment's CHOKEPOINT_BYPASS) into one typed invocation, and refuses
// anything that does not fit with a usage error. Commands receive the
// invocation and never look at argv or option spellings themselves.

import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MatcherName } from './types.js';
import type { Target } from './check/run.js';
import { environmentError, usageError } from './errors.js';
import { messages } from './messages.js';
import { normaliseBypassReason } from './bypass/reason.js';

export const OPTIONS = {
  staged: { type: 'boolean' },
  all: { type: 'boolean' },
  cached: { type: 'boolean' },
  rev: { type: 'string' },
  since: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  cwd: { type: 'string' },
  strict: { type: 'boolean' },
  matcher: { type: 'string' },
  bypass: { type: 'string' },
  'recorded-bypass': { type: 'string' },
  from: { type: 'string' },
  force: { type: 'boolean' },
  prune: { type: 'boolean' },
  'reasons-from-group-comments': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

export const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** What `check --since` does with a finding whose commit records a bypass. */
export type RecordedBypassPolicy = 'pass' | 'fail';

/** Options every command that touches a repository takes. */
export interface Common {
  /** Absolute directory the command runs in (--cwd, else the current directory). */
  cwd: string;
  /** --config as given (relative to cwd). */
  config?: string;
}

export type Invocation =
  | { command: 'help' }
  | { command: 'version' }
  | {
      command: 'check';
      common: Common;
      target: Target;
      format: Format;
      matcher?: MatcherName;
      strict: boolean;
      /** The bypass reason (--bypass or CHOKEPOINT_BYPASS), already checked for visible characters. */
      bypass?: string;
      /** --recorded-bypass; undefined: the config decides. */
      recordedBypass?: RecordedBypassPolicy;
    }
  | { command: 'init'; common: Common; from?: string; force: boolean; reasonsFromGroupComments: boolean }
  | { command: 'install'; common: Common; force: boolean }
  | { command: 'uninstall'; common: Common }
  | { command: 'explain'; common: Common; path: string; matcher?: MatcherName }
  | { command: 'hook'; common: Common; hook: 'commit-msg'; messageFile: string }
  | { command: 'baseline'; common: Common; prune: boolean };

export type CommandName = Exclude<Invocation['command'], 'help' | 'version'>;

const COMMANDS: readonly CommandName[] = ['check', 'init', 'install', 'uninstall', 'explain', 'hook', 'baseline'];

/** The options each command accepts besides --cwd and --config. */
const ACCEPTS: Readonly<Record<CommandName, readonly OptionName[]>> = {
  check: ['staged', 'all', 'cached', 'rev', 'since', 'format', 'strict', 'matcher', 'bypass', 'recorded-bypass'],
  init: ['from', 'force', 'reasons-from-group-comments'],
  install: ['force'],
  uninstall: [],
  explain: ['matcher'],
  hook: [],
  baseline: ['prune'],
};

type Values = ReturnType<typeof readArgs>['values'];

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), messages.usageHint);
  }
}

/** The working directory, or a clear error when it was deleted under us (uv_cwd). */
function currentDirectory(): string {
  try {
    return process.cwd();
  } catch {
    throw environmentError(messages.cwdGone, messages.cwdGoneHint);
  }
}

function commonOf(values: Values): Common {
  const cwd = values.cwd !== undefined && isAbsolute(values.cwd) ? resolve(values.cwd) : resolve(currentDirectory(), values.cwd ?? '.');
  return { cwd, ...(values.config !== undefined ? { config: values.config } : {}) };
}

function chooseTarget(values: Values, files: string[]): Target {
  const chosen = [values.staged, values.all, values.since !== undefined, files.length > 0].filter(Boolean).length;
  if (chosen > 1) throw usageError(messages.conflictingModes, messages.usageHint);
  if ((values.cached || values.rev !== undefined) && !values.all) throw usageError(messages.cachedNeedsAll, messages.usageHint);
  if (values.cached && values.rev !== undefined) throw usageError(messages.cachedAndRev, messages.usageHint);
  if (values['recorded-bypass'] !== undefined && values.since === undefined) throw usageError(messages.recordedBypassNeedsSince, messages.usageHint);
  if (values.all) return { kind: 'all', from: values.cached ? 'index' : values.rev !== undefined ? { rev: values.rev } : 'worktree' };
  if (values.since !== undefined) return { kind: 'since', rev: values.since };
  if (files.length) return { kind: 'files', files };
  return { kind: 'staged' };
}

function chooseFormat(value: string | undefined): Format {
  const format = value ?? 'human';
  if (!(FORMATS as readonly string[]).includes(format)) throw usageError(messages.unknownValue('format', format), `use one of ${FORMATS.join(', ')}`);
  return format as Format;
}

function chooseMatcher(value: string | undefined): MatcherName | undefined {
  if (value === undefined) return undefined;
  if (value !== 'precise' && value !== 'line') throw usageError(messages.unknownValue('matcher', value), 'use precise or line');
  return value;
}

function choosePolicy(value: string | undefined): RecordedBypassPolicy | undefined {
  if (value === undefined) return undefined;
  if (value !== 'pass' && value !== 'fail') throw usageError(messages.unknownValue('recorded-bypass', value), 'use pass or fail');
  return value;
}

function noArguments(command: CommandName, positionals: readonly string[], usage: string): void {
  if (positionals.length) throw usageError(messages.unexpectedArgument(positionals[0]!), `usage: ${usage}`);
  void command;
}

/** Reads the command line. `env` supplies CHOKEPOINT_BYPASS. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): Invocation {
  const { values, positionals } = readArgs(argv);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [first, ...rest] = positionals;
  // `chokepoint path/to/file.rs` is not a command: only `check` takes files.
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first)) throw usageError(messages.unknownCommand(first), messages.usageHint);
  const command = (first ?? 'check') as CommandName;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === 'cwd' || name === 'config') continue;
    if (!(ACCEPTS[command] as readonly string[]).includes(name)) throw usageError(messages.optionNotFor(name, command), messages.usageHint);
  }
  const common = commonOf(values);
  switch (command) {
    case 'check': {
      const target = chooseTarget(values, rest);
      const raw = values.bypass ?? env.CHOKEPOINT_BYPASS;
      return {
        command,
        common,
        target,
        format: chooseFormat(values.format),
        matcher: chooseMatcher(values.matcher),
        strict: values.strict ?? false,
        bypass: raw === undefined ? undefined : normaliseBypassReason(raw),
        recordedBypass: choosePolicy(values['recorded-bypass']),
      };
    }
    case 'init':
      noArguments(command, rest, 'chokepoint init [--from GUARDS.rs [--reasons-from-group-comments]] [--force]');
      if (values['reasons-from-group-comments'] && values.from === undefined) throw usageError(messages.groupCommentsNeedFrom, 'usage: chokepoint init --from GUARDS.rs --reasons-from-group-comments');
      return { command, common, from: values.from, force: values.force ?? false, reasonsFromGroupComments: values['reasons-from-group-comments'] ?? false };
    case 'install':
      noArguments(command, rest, 'chokepoint install [--force]');
      return { command, common, force: values.force ?? false };
    case 'uninstall':
      noArguments(command, rest, 'chokepoint uninstall');
      return { command, common };
    case 'explain':
      if (rest.length !== 1) throw usageError('usage: chokepoint explain PATH', 'name one file, e.g. chokepoint explain crates/net/src/socket.rs');
      return { command, common, path: rest[0]!, matcher: chooseMatcher(values.matcher) };
    case 'hook': {
      const [name, messageFile] = rest;
      if (name !== 'commit-msg' || messageFile === undefined || rest.length !== 2) {
        throw usageError('usage: chokepoint hook commit-msg MESSAGE_FILE', 'this command is run by the installed commit-msg hook');
      }
      return { command, common, hook: name, messageFile };
    }
    case 'baseline':
      noArguments(command, rest, 'chokepoint baseline [--prune] [--config PATH]');
      return { command, common, prune: values.prune ?? false };
  }
}
