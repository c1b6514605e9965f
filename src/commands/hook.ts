// `chokepoint hook commit-msg FILE`: run by the installed commit-msg hook.
// Adds the Chokepoint-Bypass trailer when this commit's pre-commit check was
// bypassed; otherwise does nothing.

import { resolve } from 'node:path';
import type { ParsedArgs } from '../cli.js';
import { usageError } from '../errors.js';
import { openRepository } from '../git.js';
import { addBypassTrailer, takeBypass } from '../bypass.js';

export async function hookCommand(values: ParsedArgs['values'], positionals: string[]): Promise<number> {
  const [name, messageFile] = positionals;
  if (name !== 'commit-msg' || messageFile === undefined) {
    throw usageError('usage: chokepoint hook commit-msg MESSAGE_FILE', 'this command is run by the installed commit-msg hook');
  }
  const cwd = resolve(values.cwd ?? '.');
  const repo = await openRepository(cwd);
  const reason = await takeBypass(repo.root);
  // Only a bypass asked for in this very commit counts (the hook runner skips
  // this command without CHOKEPOINT_BYPASS; the pre-commit check replaces or
  // clears the marker whenever a bypass is asked for).
  if (reason !== undefined && process.env.CHOKEPOINT_BYPASS !== undefined) {
    await addBypassTrailer(repo.root, resolve(cwd, messageFile), reason);
    process.stderr.write(`chokepoint: recorded the bypass in the commit message (Chokepoint-Bypass: ${reason})\n`);
  }
  return 0;
}
