// The terminal report: findings grouped by class, each with its source line and
// the match underlined, then why the class is banned and the two ways out.
// Every piece of text from a file or the config goes through `show`: control
// characters and bidirectional overrides appear escaped, never raw.

import pc from 'picocolors';
import type { CheckResult, Config, Finding } from '../types.js';
import { CATALOGUE, waysOut } from '../findings/catalogue.js';
import { escapeVisibly as show } from './safeText.js';
import { messages } from '../messages.js';
import { isBlocking } from '../findings/blocking.js';

const MODE_LABEL: Record<CheckResult['mode'], string> = {
  staged: 'staged check',
  all: 'full audit',
  files: 'file check',
  since: 'changed-files check',
};

const location = (f: Finding): string =>
  f.path === undefined ? '(whole tree)' : `${f.path}${f.line !== undefined ? `:${f.line}` : ''}${f.line !== undefined && f.column !== undefined ? `:${f.column}` : ''}`;

function snippet(f: Finding): string[] {
  if (f.lineText === undefined || f.line === undefined || f.column === undefined) return [];
  const gutter = String(f.line);
  const pad = ' '.repeat(gutter.length);
  // Tabs become one space so the caret lines up whatever the tab width.
  const text = f.lineText.replace(/\t/g, ' ');
  const start = Math.min(text.length, f.column - 1);
  const end = Math.min(text.length, start + Math.max(1, f.length ?? 1));
  // Escaping lengthens the text: the caret is placed under the escaped match.
  const [before, match, after] = [show(text.slice(0, start)), show(text.slice(start, end)), show(text.slice(end))];
  const shown = before + pc.bold(pc.red(match)) + after;
  return [`    ${pc.dim(`${gutter} |`)} ${shown}`, `    ${pc.dim(`${pad} |`)} ${' '.repeat(before.length)}${pc.red('^'.repeat(Math.max(1, match.length)))}`];
}

function group(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = CATALOGUE[f.kind].group;
    const key = group === 'class' ? `class:${f.class}` : group;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return groups;
}

function renderGroup(key: string, findings: readonly Finding[], config: Config, level: 'error' | 'warning'): string[] {
  const cls = key.startsWith('class:') ? config.classes.find((c) => c.name === key.slice(6)) : undefined;
  const title = show(cls ? `class ${cls.name}` : key);
  const mark = level === 'error' ? pc.red('✗') : pc.yellow('!');
  const lines = [`${mark} ${pc.bold(title)} ${pc.dim(`(${findings.length})`)}`];
  for (const f of findings) {
    const where = pc.cyan(show(location(f)));
    lines.push(f.kind === 'banned-api' ? `  ${where}  ${show(f.message)}` : `  ${where}  ${pc.dim(`[${f.kind}]`)} ${show(f.message)}`);
    lines.push(...snippet(f));
    if (f.introducedBy !== undefined) lines.push(`    ${introduced(f.introducedBy)}`);
  }
  if (cls) {
    lines.push(`  ${pc.bold('why:')} ${show(cls.reason)}`);
    lines.push(`  ${pc.bold('fix:')} ${show(waysOut.route(cls.useInstead))}`);
    lines.push(`       ${show(waysOut.allow(cls.name))}`);
  } else {
    for (const kind of new Set(findings.map((f) => f.kind))) lines.push(`  ${pc.bold('fix:')} ${pc.dim(`[${kind}]`)} ${CATALOGUE[kind].fix}`);
  }
  return lines;
}

function introduced(by: NonNullable<Finding['introducedBy']>): string {
  const commit = by.commit.slice(0, 12);
  return by.bypass !== null
    ? pc.yellow(`introduced by ${commit}, bypass recorded: ${show(by.bypass)}`)
    : pc.red(`introduced by ${commit}, no bypass recorded`);
}

function summary(result: CheckResult): string {
  const { stats } = result;
  const perClass = new Map<string, number>();
  for (const f of result.findings) {
    const key = f.kind === 'banned-api' ? f.class! : f.kind;
    perClass.set(key, (perClass.get(key) ?? 0) + 1);
  }
  const counts = [...perClass].map(([k, n]) => `${k} ${n}`).join(', ');
  const scanned = `${stats.filesScanned} file${stats.filesScanned === 1 ? '' : 's'}, ${stats.manifestsChecked} manifest${stats.manifestsChecked === 1 ? '' : 's'} checked in ${stats.durationMs} ms (${MODE_LABEL[result.mode]})`;
  const baselined = result.baselined?.length ? `, ${result.baselined.length} baselined` : '';
  const preExisting = result.preExisting?.length ? `, ${result.preExisting.length} pre-existing` : '';
  const warn = `${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}${baselined}${preExisting}`;
  if (result.findings.length === 0) return `${pc.green('✓')} chokepoint: no findings${warn}; ${scanned}`;
  const n = result.findings.length;
  const accepted = result.findings.filter((f) => !isBlocking(f, result)).length;
  if (accepted === n) return `${pc.yellow(`! chokepoint: ${n} finding${n === 1 ? '' : 's'}, each introduced by a commit that records a bypass (accepted: recorded bypasses pass)`)} (${counts})${warn}; ${scanned}`;
  const acceptedNote = accepted > 0 ? `, ${accepted} accepted by recorded bypasses` : '';
  const head = result.bypass !== undefined ? pc.yellow(`! chokepoint: ${n} finding${n === 1 ? '' : 's'} BYPASSED`) : pc.red(`✗ chokepoint: ${n} finding${n === 1 ? '' : 's'}`);
  return `${head} (${counts}${acceptedNote})${warn}; ${scanned}`;
}

export function formatHuman(result: CheckResult, config: Config, note?: string): string {
  const out: string[] = [];
  if (note) out.push(pc.dim(show(note)), '');
  for (const [key, findings] of group(result.findings)) out.push(...renderGroup(key, findings, config, 'error'), '');
  if (result.warnings.length) out.push(...renderGroup('warnings', result.warnings, config, 'warning'), '');
  if (result.preExisting?.length) out.push(...renderGroup(messages.preExistingTitle, result.preExisting, config, 'warning'), '');
  out.push(summary(result));
  if (result.bypass !== undefined) {
    out.push(pc.yellow(`  bypassed with reason: ${show(result.bypass)}`));
    out.push(pc.dim('  the commit-msg hook records it as a Chokepoint-Bypass trailer; the full audit in CI still sees these findings'));
  }
  return `${out.join('\n')}\n`;
}
