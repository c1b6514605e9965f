// The command line's options, shared by the CLI and the launcher (which must
// tell a command word from an option's value without loading the CLI).

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
  from: { type: 'string' },
  force: { type: 'boolean' },
  prune: { type: 'boolean' },
  'reasons-from-group-comments': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Options that take a value (`--cwd DIR`). */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(
  Object.entries(OPTIONS)
    .filter(([, spec]) => spec.type === 'string')
    .map(([name]) => `--${name}`),
);
