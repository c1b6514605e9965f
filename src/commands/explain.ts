// `chokepoint explain PATH`: every fact chokepoint uses to judge one file —
// scope (and the pattern that decided), test code (and why), allowlist
// entries (and their reasons), and the needles the file contains. A
// `Cargo.lock` or a crate name asks about the dependency graph instead.

import pc from 'picocolors';
import type { Invocation } from '../options.js';
import { CATALOGUE } from '../findings/catalogue.js';
import { openRepository, repoRelativePath } from '../git.js';
import { loadConfig } from '../config/load.js';
import { buildScope } from '../scope.js';
import { worktreeHas, worktreeSource } from '../source/sources.js';
import { explainGraph, isGraphQuestion } from './explainGraph.js';
import { analyzeSource, indexClasses, isSanctioned } from '../rules/bannedApi.js';
import { decodeUtf8 } from '../source/decode.js';
import { moduleFactsReader, partialGraph, testCodeResolver } from '../check/modules.js';
import { loadJudge } from '../judge.js';
import { isCrateRoot } from '../rust/index.js';

export async function explainCommand(inv: Extract<Invocation, { command: 'explain' }>): Promise<number> {
  const { cwd } = inv.common;
  const repo = await openRepository(cwd);
  const path = repoRelativePath(repo, cwd, inv.path);

  const { config } = await loadConfig(repo, cwd, inv.common.config);
  const graphQuestion = isGraphQuestion(path, worktreeHas(repo.root, path));
  if (graphQuestion) {
    const source = worktreeSource(repo.root);
    const lines = await explainGraph(source, config, graphQuestion === 'lockfile' ? { lockfile: path } : { crate: inv.path });
    source.close();
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  const matcher = inv.matcher ?? config.matcher;
  const scope = buildScope(config);
  const index = indexClasses(config.classes);
  const out: string[] = [pc.bold(path)];

  const verdict = scope.classify(path);
  if (verdict.status === 'scanned') out.push(`  scope:     scanned — included by ${JSON.stringify(verdict.includedBy)}, no exclude pattern matches`);
  else if (verdict.status === 'excluded') out.push(`  scope:     excluded — included by ${JSON.stringify(verdict.includedBy)} but excluded by ${JSON.stringify(verdict.excludedBy)}`);
  else out.push(`  scope:     outside — ${verdict.removedBy ? `removed by ${JSON.stringify(verdict.removedBy)}` : `no include pattern matches (${config.scope.include.map((g) => JSON.stringify(g)).join(', ')})`}`);
  const manifest = scope.manifestPattern(path);
  if (manifest) out.push(`  manifest:  checked by the dependency rule (${JSON.stringify(manifest)})`);

  const source = worktreeSource(repo.root);
  const bytes = (await source.readFiles([path])).get(path);
  const text = bytes && decodeUtf8(bytes);
  const judge = await loadJudge();
  const analysis = text === undefined ? undefined : analyzeSource(text, index.needles, matcher, judge, { crateRoot: isCrateRoot(path) });
  if (bytes === undefined) out.push('  file:      does not exist in the working tree');
  else if (text === undefined) out.push(`  file:      ${CATALOGUE['invalid-file'].message('utf8')}`);
  // The same resolution as every check (check/modules.ts).
  const declares = (p: string) => scope.classify(p).status === 'scanned';
  const graph = partialGraph(moduleFactsReader(source, matcher, judge), declares, () => source.filesSpelling(['path', 'include']));
  let reached = false;
  if (matcher === 'precise' && verdict.status !== 'scanned') {
    const by = (await graph.farReachesOf(path)).find((r) => r.kind !== 'mod');
    reached = by !== undefined;
    if (by) out.push(`  reached:   judged as Rust all the same: \`${by.written()}\` at ${by.declarer}:${by.line} names it`);
  }

  let testReason: string | undefined;
  if (analysis) {
    const reason = analysis.testOnlyFile ? 'the file starts with `#![cfg(test)]`' : matcher === 'precise' ? await testCodeResolver(graph)(path) : undefined;
    testReason = reason;
    out.push(`  test code: ${reason ? `yes — ${reason}` : matcher === 'line' ? 'judged line by line (line matcher)' : 'no'}`);
  }

  const entries = config.classes.flatMap((cls) => cls.allow.filter((e) => e.path === path).map((e) => ({ cls, e })));
  if (entries.length === 0) out.push('  allowlist: not allowlisted for any class');
  for (const { cls, e } of entries) {
    out.push(`  allowlist: ${cls.name}${e.needles ? ` (only ${e.needles.map((n) => `\`${n}\``).join(', ')})` : ''} — ${e.reason}`);
  }

  if (analysis) {
    if (analysis.hits.length === 0) out.push('  needles:   none in production code');
    for (const hit of analysis.hits) {
      for (const cls of index.classesOf.get(hit.needle) ?? []) {
        const ok = isSanctioned(index.allow.get(path)?.get(cls.name), hit.needle);
        const status = verdict.status !== 'scanned' && !reached ? pc.dim('not scanned') : testReason ? pc.dim('test code, not checked') : ok ? pc.green('allowlisted') : pc.red('violation');
        out.push(`  needle:    ${path}:${hit.line}:${hit.column} \`${hit.needle}\` (class ${cls.name}) — ${status}`);
      }
    }
  }
  source.close();
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
