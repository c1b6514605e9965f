// GitHub Actions workflow-command output (`--format github`): one
// `::error …::…` / `::warning …::…` annotation per finding, escaped exactly as
// @actions/core escapes command data and properties. Control characters and
// bidirectional overrides from file names and contents are shown escaped.

import type { CheckResult, Config, Finding } from '../types.js';
import { CATALOGUE, waysOut } from '../findings/catalogue.js';
import { configRelativePath, findClass, resolveLocation, type ReportOptions } from './locations.js';
import { escapeVisiblyButLineBreaks } from './safeText.js';
import { isBlocking } from '../findings/blocking.js';

/** Escapes command data (the message): `%`, CR, LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const DATA_ESCAPES: Readonly<Record<string, string>> = { '%25': '%', '%0D': '\r', '%0A': '\n' };
const PROPERTY_ESCAPES: Readonly<Record<string, string>> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' };

/** Inverse of `escapeData` (single pass, so `%250A` stays `%0A`). */
export function unescapeData(s: string): string {
  return s.replace(/%(?:25|0D|0A)/g, (m) => DATA_ESCAPES[m] ?? m);
}

/** Inverse of `escapeProperty`. */
export function unescapeProperty(s: string): string {
  return s.replace(/%(?:25|0D|0A|3A|2C)/g, (m) => PROPERTY_ESCAPES[m] ?? m);
}

export type GithubCommand = 'error' | 'warning' | 'notice';

/** Annotation properties, in output order. */
export interface GithubProperties {
  file?: string;
  line?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

/** One workflow command line (no trailing newline). Absent or empty properties are omitted. */
export function githubCommand(command: GithubCommand, properties: GithubProperties, message: string): string {
  const props: string[] = [];
  for (const key of ['file', 'line', 'col', 'endColumn', 'title'] as const) {
    const value = properties[key];
    if (value === undefined || value === '') continue;
    props.push(`${key}=${escapeProperty(String(value))}`);
  }
  return `::${command}${props.length > 0 ? ' ' + props.join(',') : ''}::${escapeData(message)}`;
}

export interface ParsedGithubLine {
  command: string;
  /** Property values, unescaped (numbers stay strings). */
  properties: Record<string, string>;
  message: string;
}

/**
 * Parses one workflow command line back, as the runner does: the command runs
 * to the first space or `::`; properties (comma-separated `key=value`, split at
 * the first `=`) run to the next `::`; the rest is the message. Returns
 * undefined for a line that is not a workflow command.
 */
export function parseGithubLine(line: string): ParsedGithubLine | undefined {
  const text = line.endsWith('\r\n') ? line.slice(0, -2) : line.endsWith('\n') ? line.slice(0, -1) : line;
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = text.slice(2, end);
  const message = unescapeData(text.slice(end + 2));
  const space = head.indexOf(' ');
  const command = space < 0 ? head : head.slice(0, space);
  if (command === '') return undefined;
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, message };
}

function titleOf(finding: Finding): string {
  if (finding.kind === 'banned-api') {
    return finding.class !== undefined ? `chokepoint: banned API (${finding.class})` : 'chokepoint: banned API';
  }
  return `chokepoint: ${CATALOGUE[finding.kind].title}`;
}

function messageOf(finding: Finding, config: Config, configPath: string): string {
  const lines: string[] = [finding.message !== '' ? finding.message : finding.kind];
  if (finding.kind === 'banned-api') {
    const cls = findClass(config, finding.class);
    if (cls?.reason !== undefined && cls.reason !== '') lines.push(`Why: ${cls.reason}`);
    lines.push(waysOut.sentence(finding.class ?? cls?.name, cls?.useInstead, configPath));
  } else {
    lines.push(CATALOGUE[finding.kind].fix);
  }
  const by = finding.introducedBy;
  if (by !== undefined) lines.push(`Introduced by commit ${by.commit}${by.bypass !== null ? `, with a recorded bypass: ${JSON.stringify(by.bypass)}` : ', with no recorded bypass (Chokepoint-Bypass trailer)'}.`);
  return lines.join('\n');
}

function annotation(finding: Finding, command: GithubCommand, config: Config, options: ReportOptions): string {
  const configPath = configRelativePath(config, options);
  const loc = resolveLocation(finding, config, options, false);
  const props: GithubProperties = { title: titleOf(finding) };
  if (loc !== undefined) {
    props.file = loc.path;
    if (loc.line !== undefined) props.line = loc.line;
    if (loc.column !== undefined) props.col = loc.column;
    if (loc.endColumn !== undefined) props.endColumn = loc.endColumn;
  }
  let message = messageOf(finding, config, configPath);
  if (loc?.inConfig === true && finding.path !== undefined && !message.includes(finding.path)) {
    message = `${finding.path}: ${message}`;
  }
  return safeCommand(command, props, message);
}

/** A command whose file name, title and message show control characters and bidirectional overrides escaped. */
function safeCommand(command: GithubCommand, props: GithubProperties, message: string): string {
  const show = escapeVisiblyButLineBreaks;
  return githubCommand(command, { ...props, ...(props.file !== undefined ? { file: show(props.file) } : {}), ...(props.title !== undefined ? { title: show(props.title) } : {}) }, show(message));
}

/**
 * Formats a check result as GitHub Actions annotations, one command per line
 * (newline-terminated; empty for a clean run). Findings are `::error`,
 * warnings `::warning`; a bypass adds a leading `::notice` with its reason.
 */
export function formatGithub(result: CheckResult, config: Config, options: ReportOptions = {}): string {
  const lines: string[] = [];
  if (result.bypass !== undefined) {
    lines.push(
      safeCommand(
        'notice',
        { title: 'chokepoint: bypassed' },
        `The check was bypassed (reason: ${result.bypass}); the findings below were reported but did not block.`,
      ),
    );
  }
  // A finding whose commit records a bypass, under a policy that accepts it, does not fail: a warning.
  for (const f of result.findings) lines.push(annotation(f, isBlocking(f, result) ? 'error' : 'warning', config, options));
  for (const f of result.warnings) lines.push(annotation(f, 'warning', config, options));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
