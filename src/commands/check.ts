// `chokepoint check`: choose the target, run, print in the chosen format, and
// turn the outcome into an exit code. A bypass is explicit and recorded.

import type { Invocation, Format } from '../options.js';
import { runCheck, type CheckRun, type Target } from '../check/run.js';
import { bypassTrailers, clearBypass, recordBypass } from '../bypass/record.js';
import { isVisibleReason } from '../bypass/reason.js';
import { isAmendingCommit } from '../bypass/amend.js';
import { runGit } from '../git.js';
import { escapeVisibly } from '../report/safeText.js';
import { isBlocking } from '../findings/blocking.js';

type CheckInvocation = Extract<Invocation, { command: 'check' }>;

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

export async function checkCommand(inv: CheckInvocation): Promise<number> {
  const amending = inv.target.kind === 'staged' && isAmendingCommit();
  const target: Target = amending ? { kind: 'staged', amending } : inv.target;
  const run = await runCheck({
    cwd: inv.common.cwd,
    target,
    configPath: inv.common.config,
    matcher: inv.matcher,
    strict: inv.strict,
    recordedBypass: inv.recordedBypass,
    progress: progressReporter(target),
  });
  const failed = run.result.findings.some((f) => isBlocking(f, run.result));
  // An amend that keeps findings its commit's trailer recorded keeps the trailer.
  const carried = failed && amending && inv.bypass === undefined ? await amendedBypass(run) : undefined;
  const bypass = inv.bypass ?? carried;
  if (failed && bypass !== undefined) run.result.bypass = bypass;
  process.stdout.write(await render(run, inv.format));
  // The pre-commit check owns the marker the commit-msg hook reads: written
  // for a bypass that let findings through, cleared otherwise.
  if (target.kind === 'staged') {
    if (failed && bypass !== undefined) {
      recordBypass(run.repo, bypass);
      if (carried !== undefined) process.stderr.write(`chokepoint: the amended commit recorded a bypass for these findings; it is carried over (Chokepoint-Bypass: ${escapeVisibly(carried)})\n`);
    } else clearBypass(run.repo);
  }
  return failed && bypass === undefined ? 1 : 0;
}

/** The visible bypass reason HEAD's message records, if any (HEAD is the commit being amended). */
async function amendedBypass(run: CheckRun): Promise<string | undefined> {
  const message = await runGit(['log', '-1', '--format=%B', 'HEAD'], { cwd: run.repo.root });
  if (message.code !== 0) return undefined;
  return (await bypassTrailers(run.repo.root, message.stdout.toString('utf8'))).find(isVisibleReason);
}
