// `chokepoint hook commit-msg FILE`: run by the installed commit-msg hook.
// Adds the Chokepoint-Bypass trailer when this commit's pre-commit check let
// findings through with a reason; otherwise does nothing.

import { resolve } from 'node:path';
import type { Invocation } from '../options.js';
import { openRepository } from '../git.js';
import { addBypassTrailer, takeBypass } from '../bypass/record.js';
import { escapeVisibly as show } from '../report/safeText.js';

export async function hookCommand(inv: Extract<Invocation, { command: 'hook' }>): Promise<number> {
  const { cwd } = inv.common;
  const repo = await openRepository(cwd);
  // The pre-commit check of this very commit writes or clears the marker, so
  // a reason left here belongs to this commit.
  const reason = takeBypass(repo);
  if (reason !== undefined) {
    await addBypassTrailer(repo.root, resolve(cwd, inv.messageFile), reason);
    process.stderr.write(`chokepoint: recorded the bypass in the commit message (Chokepoint-Bypass: ${show(reason)})\n`);
  }
  return 0;
}
