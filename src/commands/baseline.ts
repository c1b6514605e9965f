// `chokepoint baseline [--prune]`: record today's findings so that only new
// ones fail (SPEC §8a). The file is written beside the config, in the working
// tree, for the user to review and commit; --prune only lowers or removes.

import { join, relative, sep } from 'node:path';
import type { Invocation } from '../options.js';
import { usageError } from '../errors.js';
import { messages } from '../messages.js';
import { runCheck } from '../check/run.js';
import { baselinePathFor, countFindings, isRecordable, parseBaseline, pruneCounts, renderBaseline, totalCount, type Counts } from '../baseline/baseline.js';

/** Loaded when a command writes files: never on the pre-commit hook's path, where every built-in module costs start-up time. */
const fsp = () => process.getBuiltinModule('node:fs/promises');

export async function baselineCommand(inv: Extract<Invocation, { command: 'baseline' }>): Promise<number> {
  const { cwd } = inv.common;
  const values = { config: inv.common.config, prune: inv.prune };
  // Judged without the committed baseline: it is what is being rewritten (and may be malformed).
  const run = await runCheck({ cwd, target: { kind: 'all', from: 'worktree' }, configPath: values.config, useBaseline: false });
  const all = run.result.findings;
  const current = countFindings(all);
  const configPath = relative(run.repo.root, run.config.file).split(sep).join('/');
  const path = baselinePathFor(configPath);
  const abs = join(run.repo.root, path);
  let counts: Counts = current;
  let previous: Counts | undefined;
  // Only --prune reads the old file: a plain `baseline` replaces it, malformed or not.
  if (values.prune) {
    try {
      previous = parseBaseline(await fsp().readFile(abs, 'utf8'), path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  if (values.prune) {
    if (!previous) throw usageError(messages.baselineMissing(path), messages.baselineMissingHint);
    counts = pruneCounts(previous, current);
  }
  await fsp().writeFile(abs, renderBaseline(counts));
  const out: string[] = [];
  if (values.prune) out.push(messages.baselinePruned(path, totalCount(previous!) - totalCount(counts), totalCount(counts)));
  else out.push(messages.baselineWritten(path, totalCount(counts), counts.size));
  // Config problems are not code: a baseline cannot accept them.
  const unrecordable = all.filter((f) => !isRecordable(f));
  for (const f of unrecordable) out.push(`  ${f.path ?? '(whole tree)'}${f.line !== undefined ? `:${f.line}` : ''}  [${f.kind}] ${f.message}`);
  if (unrecordable.length) out.push(messages.baselineUnrecordable(unrecordable.length));
  process.stdout.write(`${out.join('\n')}\n`);
  return unrecordable.length ? 1 : 0;
}
