// chokepoint.toml text for imported guards. The layout is fixed so the same
// guards test always imports to the same bytes.

import type { ImportedGuards } from './guards.js';

/** A TOML basic string. */
export function tomlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (cp < 0x20 || cp === 0x7f) out += `\\u${cp.toString(16).padStart(4, '0').toUpperCase()}`;
    else out += ch;
  }
  return `${out}"`;
}

function tomlArray(key: string, items: string[]): string {
  const quoted = items.map(tomlString);
  const oneLine = `${key} = [${quoted.join(', ')}]`;
  if (oneLine.length <= 100) return oneLine;
  return `${key} = [\n${quoted.map((q) => `  ${q},`).join('\n')}\n]`;
}

/** The text of chokepoint.toml for an imported guards test. */
export function renderConfig(g: ImportedGuards, file: string): string {
  const lines: string[] = [];
  lines.push(`# chokepoint.toml — imported from ${file} by \`chokepoint init --from\``);
  lines.push('# Review the reasons below: they come from the comments of the imported test.');
  const needing = g.classes.reduce((n, c) => n + c.allow.filter((a) => a.needsReason).length, 0);
  if (needing > 0) lines.push(`# ${needing} allowlist entr${needing === 1 ? 'y has' : 'ies have'} no comment of ${needing === 1 ? 'its' : 'their'} own: a reason that starts "imported from" needs a human to write it.`);
  lines.push('');
  lines.push('matcher = "precise"   # `--matcher line` (or matcher = "line") reproduces the imported test\'s verdicts exactly');
  lines.push('');
  lines.push('[scope]');
  lines.push(tomlArray('include', g.scope.include));
  lines.push(tomlArray('exclude', g.scope.exclude));
  if (g.scope.minFiles !== undefined) {
    lines.push(`min_files = ${g.scope.minFiles}`);
    lines.push(`count_excluded = ${g.scope.countExcluded ? 'true' : 'false'}   # the imported test counted ${g.scope.countExcluded ? 'excluded files too' : 'only scanned files'}`);
  } else {
    lines.push('# min_files: the imported test has no file-count threshold');
  }
  for (const c of g.classes) {
    lines.push('');
    lines.push('[[class]]');
    lines.push(`name = ${tomlString(c.name)}`);
    lines.push(`reason = ${tomlString(c.reason)}`);
    if (c.useInstead !== undefined) lines.push(`use_instead = ${tomlString(c.useInstead)}`);
    lines.push(tomlArray('needles', c.needles));
    if (c.allow.length === 0) lines.push('# no allowlist: banned in every file');
    for (const a of c.allow) {
      lines.push('');
      lines.push('[[class.allow]]');
      lines.push(`path = ${tomlString(a.path)}`);
      lines.push(`reason = ${tomlString(a.reason)}`);
    }
  }
  if (g.dependencyRule) {
    lines.push('');
    lines.push('[dependency_rule]');
    lines.push(tomlArray('manifests', g.dependencyRule.manifests));
    lines.push(tomlArray('banned', g.dependencyRule.banned));
    lines.push('forbid_escaping_paths = false');
    lines.push('# The imported test checked direct dependencies only. `graph = true` also');
    lines.push('# follows Cargo.lock and reports banned crates reached through other crates:');
    lines.push('# graph = true');
  } else {
    lines.push('');
    lines.push('# The imported test checks no dependencies. To ban crates, directly and');
    lines.push('# through Cargo.lock, add a `dependency_rule` table with `banned = [...]`');
    lines.push('# and `graph = true`.');
  }
  return `${lines.join('\n')}\n`;
}
