// `chokepoint init [--from GUARDS.rs]`: write chokepoint.toml, either a
// commented starter or an import of an architecture_guards.rs-style test.

import { relative, resolve } from 'node:path';
import type { Invocation } from '../options.js';
import { UserError, usageError } from '../errors.js';
import { messages } from '../messages.js';
import { openRepository } from '../git.js';
import { CONFIG_FILE, parseConfig } from '../config/load.js';
import { STARTER_CONFIG } from '../config/starter.js';

/** Loaded when a command writes files: never on the pre-commit hook's path, where every built-in module costs start-up time. */
const fsp = () => process.getBuiltinModule('node:fs/promises');

export async function initCommand(inv: Extract<Invocation, { command: 'init' }>): Promise<number> {
  const { cwd } = inv.common;
  const values = { config: inv.common.config, from: inv.from, force: inv.force, 'reasons-from-group-comments': inv.reasonsFromGroupComments };
  // Outside git (a source archive) the config goes where init runs, for `--all` there.
  const repo = await openRepository(cwd).catch((err: unknown) => {
    if (err instanceof UserError && err.message === messages.notARepository(cwd)) return { root: cwd, commonDir: '', gitDir: '' };
    throw err;
  });
  const target = values.config ? resolve(cwd, values.config) : resolve(repo.root, CONFIG_FILE);
  const display = relative(cwd, target) || target;
  let text = STARTER_CONFIG;
  let needing: { needing: number; total: number } | undefined;
  if (values.from !== undefined) {
    const from = resolve(cwd, values.from);
    let source: string;
    try {
      source = await fsp().readFile(from, 'utf8');
    } catch {
      throw new UserError('usage', `cannot read ${values.from}`, undefined, 'pass the path of the guards test, e.g. --from crates/sidecar/tests/architecture_guards.rs');
    }
    const { analyzeGuards, entriesNeedingReasons, renderConfig } = await import('../config/importGuards.js');
    const file = relative(repo.root, from).split('\\').join('/');
    const imported = analyzeGuards(source, file, { reasonsFromGroupComments: values['reasons-from-group-comments'] ?? false });
    text = renderConfig(imported, file);
    needing = entriesNeedingReasons(imported);
  }
  // What init writes must load: a bug here would otherwise surface at the first commit.
  const config = parseConfig(text, display, target);
  try {
    await fsp().writeFile(target, text, { flag: values.force ? 'w' : 'wx' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') throw usageError(messages.configExists(display), messages.configExistsHint);
    throw usageError(messages.configNotWritten(display, e.code ?? e.message), messages.configNotWrittenHint);
  }
  process.stdout.write(`chokepoint: wrote ${display}${values.from !== undefined ? ` (imported from ${values.from})` : ''}\n`);
  if (needing) process.stdout.write(`${messages.importedReasons(needing.needing, needing.total, display)}\n`);
  if (values.from !== undefined) {
    const { partialNeedleNotes } = await import('../config/import/resolutionNote.js');
    for (const line of partialNeedleNotes(config.classes)) process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`next: \`chokepoint --all\` audits the tree; \`chokepoint install\` adds the pre-commit hook\n`);
  return 0;
}
