// `chokepoint install` and `chokepoint uninstall`.

import type { Invocation } from '../options.js';
import { openRepository } from '../git.js';
import { install, uninstall } from '../install/hooks.js';
import { escapeVisibly as show } from '../report/safeText.js';

export async function installCommand(inv: Extract<Invocation, { command: 'install' }>): Promise<number> {
  const repo = await openRepository(inv.common.cwd);
  const report = await install(repo, inv.force);
  for (const note of report.notes) process.stdout.write(`chokepoint: ${show(note)}\n`);
  process.stdout.write(`chokepoint: installed pre-commit, pre-merge-commit and commit-msg hooks in ${show(report.hooksDir)} ${report.configFile !== undefined ? `(config: ${show(report.configFile)})` : '(no package.json: written directly, nothing added to the working tree)'}\n`);
  return 0;
}

export async function uninstallCommand(inv: Extract<Invocation, { command: 'uninstall' }>): Promise<number> {
  const repo = await openRepository(inv.common.cwd);
  const report = await uninstall(repo);
  for (const note of report.notes) process.stdout.write(`chokepoint: ${show(note)}\n`);
  process.stdout.write(`chokepoint: removed chokepoint's hooks from ${show(report.hooksDir)}\n`);
  return 0;
}
