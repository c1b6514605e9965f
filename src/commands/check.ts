// `chokepoint check`: choose the target, run, print in the chosen format, and
// turn the outcome into an exit code. A bypass is explicit and recorded.

import { resolve } from 'node:path';
import type { MatcherName } from '../types.js';
import type { ParsedArgs } from '../cli.js';
import { usageError } from '../errors.js';
import { messages } from '../messages.js';
import { runCheck, type CheckRun, type Target } from '../check/run.js';
import { clearBypass, recordBypass } from '../bypass.js';

type Values = ParsedArgs['values'];

export const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

function chooseTarget(values: Values, files: string[]): Target {
  const chosen = [values.staged, values.all, values.since !== undefined, files.length > 0].filter(Boolean).length;
  if (chosen > 1) throw usageError(messages.conflictingModes, messages.usageHint);
  if ((values.cached || values.rev !== undefined) && !values.all) throw usageError(messages.cachedNeedsAll, messages.usageHint);
  if (values.cached && values.rev !== undefined) throw usageError('--cached and --rev cannot be combined', messages.usageHint);
  if (values.all) return { kind: 'all', from: values.cached ? 'index' : values.rev !== undefined ? { rev: values.rev } : 'worktree' };
  if (values.since !== undefined) return { kind: 'since', rev: values.since };
  if (files.length) return { kind: 'files', files };
  return { kind: 'staged' };
}

export function chooseFormat(value: string | undefined): Format {
  const format = value ?? 'human';
  if (!(FORMATS as readonly string[]).includes(format)) throw usageError(`unknown format ${JSON.stringify(format)}`, `use one of ${FORMATS.join(', ')}`);
  return format as Format;
}

export function chooseMatcher(value: string | undefined): MatcherName | undefined {
  if (value === undefined) return undefined;
  if (value !== 'precise' && value !== 'line') throw usageError(`unknown matcher ${JSON.stringify(value)}`, 'use precise or line');
  return value;
}

/** The bypass reason from --bypass or CHOKEPOINT_BYPASS; an empty reason is refused. */
export function bypassReason(values: Values, env: NodeJS.ProcessEnv): string | undefined {
  const raw = values.bypass ?? env.CHOKEPOINT_BYPASS;
  if (raw === undefined) return undefined;
  const reason = raw.replace(/\s+/g, ' ').trim();
  if (reason === '') throw usageError(messages.emptyBypass, messages.emptyBypassHint);
  return reason;
}

/** Progress for long audits, on an interactive terminal only (never in hooks or CI logs). */
function progressReporter(target: Target): ((done: number, total: number) => void) | undefined {
  if (target.kind !== 'all' || !process.stderr.isTTY || process.env.CI) return undefined;
  let last = 0;
  return (done, total) => {
    if (total < 500) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(done < total ? `\rchokepoint: ${done}/${total} files` : '\r\x1b[K');
  };
}

async function render(run: CheckRun, format: Format): Promise<string> {
  switch (format) {
    case 'human':
      return (await import('../report/human.js')).formatHuman(run.result, run.config, run.note);
    case 'json':
      return (await import('../report/json.js')).formatJson(run.result);
    case 'sarif': {
      const { readPackageVersion } = await import('../version.js');
      return (await import('../report/sarif.js')).formatSarif(run.result, run.config, readPackageVersion(), { repoRoot: run.repo.root });
    }
    case 'github':
      return (await import('../report/github.js')).formatGithub(run.result, run.config, { repoRoot: run.repo.root });
  }
}

export async function checkCommand(values: Values, files: string[]): Promise<number> {
  const target = chooseTarget(values, files);
  const format = chooseFormat(values.format);
  const matcher = chooseMatcher(values.matcher);
  const bypass = bypassReason(values, process.env);
  const cwd = resolve(values.cwd ?? '.');
  const run = await runCheck({ cwd, target, configPath: values.config, matcher, strict: values.strict, progress: progressReporter(target) });
  const failed = run.result.findings.length > 0;
  if (failed && bypass !== undefined) run.result.bypass = bypass;
  // Only a bypass that let findings through is recorded; the marker costs a
  // git call, so it is touched only when a bypass was asked for.
  if (target.kind === 'staged' && bypass !== undefined) {
    if (failed) await recordBypass(run.repo, bypass);
    else await clearBypass(run.repo);
  }
  process.stdout.write(await render(run, format));
  return failed && bypass === undefined ? 1 : 0;
}
