// `chokepoint install` and `chokepoint uninstall`.

import { resolve } from 'node:path';
import type { ParsedArgs } from '../cli.js';
import { usageError } from '../errors.js';
import { openRepository } from '../git.js';
import { install, uninstall } from '../installer.js';

export async function installCommand(values: ParsedArgs['values'], positionals: string[]): Promise<number> {
  if (positionals.length) throw usageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'usage: chokepoint install [--force]');
  const repo = await openRepository(resolve(values.cwd ?? '.'));
  const report = await install(repo, values.force ?? false);
  for (const note of report.notes) process.stdout.write(`chokepoint: ${note}\n`);
  process.stdout.write(`chokepoint: installed pre-commit, pre-merge-commit and commit-msg hooks in ${report.hooksDir} ${report.configFile !== undefined ? `(config: ${report.configFile})` : '(no package.json: written directly, nothing added to the working tree)'}\n`);
  return 0;
}

export async function uninstallCommand(values: ParsedArgs['values'], positionals: string[]): Promise<number> {
  if (positionals.length) throw usageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'usage: chokepoint uninstall');
  const repo = await openRepository(resolve(values.cwd ?? '.'));
  const report = await uninstall(repo);
  for (const note of report.notes) process.stdout.write(`chokepoint: ${note}\n`);
  process.stdout.write(`chokepoint: removed chokepoint's hooks from ${report.hooksDir}\n`);
  return 0;
}
