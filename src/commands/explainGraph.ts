// `chokepoint explain Cargo.lock` and `chokepoint explain CRATE`: every chain
// from each workspace member to each banned crate (or to the named crate),
// shortest first, each marked as a violation or as permitted by a wrapper.

import pc from 'picocolors';
import type { Config, Source } from '../types.js';
import { readWorkspace, isLockfile } from '../check/graphScan.js';
import { bannedPackages, chainLabel, edgePermitted, everyChain } from '../rules/graph.js';

/** Chains listed per member and crate before the listing says it stopped. */
const CHAINS_SHOWN = 20;

/** Whether `explain` was asked about the dependency graph: a lockfile, or a crate name that is not a path in the tree. */
export function isGraphQuestion(path: string, exists: boolean): 'lockfile' | 'crate' | undefined {
  if (isLockfile(path)) return 'lockfile';
  if (!exists && /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(path)) return 'crate';
  return undefined;
}

export async function explainGraph(source: Source, config: Config, question: { lockfile: string } | { crate: string }): Promise<string[]> {
  const rule = config.dependencies;
  const paths = await source.listPaths();
  const lockfiles = 'lockfile' in question ? [question.lockfile] : paths.filter(isLockfile);
  const out: string[] = [pc.bold('lockfile' in question ? question.lockfile : `crate ${question.crate}`)];
  if (!rule) return [...out, '  graph:     no [dependency_rule] in the config'];
  out.push(`  graph:     ${rule.graph ? 'checked (graph = true)' : 'not checked: `graph = true` in [dependency_rule] turns the check on'}`);
  if (lockfiles.length === 0) out.push('  lockfile:  none in the working tree');
  for (const lockPath of lockfiles) {
    const workspace = await readWorkspace(source, lockPath, paths);
    if (!workspace.ok) {
      for (const f of workspace.findings) out.push(`  ${pc.red('invalid')}:   ${lockPath}${f.line ? `:${f.line}:${f.column}` : ''} ${f.message}`);
      continue;
    }
    const { graph, members } = workspace;
    const byPkg = new Map(members.map((m) => [m.pkg, m]));
    out.push(`  lockfile:  ${lockPath} (version ${graph.version}): ${graph.packages.length} packages, ${members.length} workspace member${members.length === 1 ? '' : 's'} with a manifest here`);
    const banned = bannedPackages(graph, rule);
    const targets = 'crate' in question ? graph.packages.flatMap((p, i) => (p.name === question.crate ? [i] : [])) : [...banned.keys()];
    if ('crate' in question && targets.length === 0) out.push(`  crate:     ${question.crate} is not in ${lockPath}`);
    if ('lockfile' in question && targets.length === 0) out.push('  banned:    no package of the lockfile matches a banned marker');
    const permitted = (from: number, to: number) => banned.has(to) && edgePermitted(graph, from, to, rule);
    for (const target of targets) {
      const p = graph.packages[target]!;
      const marker = banned.get(target)?.marker;
      const wrappers = (rule.wrappers ?? []).filter((w) => w.banned === marker);
      out.push(`  ${marker ? `${pc.red('banned')}:    ` : 'crate:     '}${p.name} ${p.version}${p.source ? ` (${p.source})` : ''}${marker ? ` — marker \`${marker}\`` : ' — matches no banned marker'}`);
      for (const w of wrappers) out.push(`    wrappers: ${w.crates.join(', ')} — ${w.reason}`);
      let any = false;
      for (const member of members) {
        // Every chain, permitted or not: each is marked.
        const { chains, complete } = everyChain(graph, member.pkg, target, () => false, CHAINS_SHOWN);
        for (const chain of chains) {
          any = true;
          const from = chain[chain.length - 2]!;
          const status = !marker ? '' : permitted(from, target) ? pc.green(`permitted: ${graph.packages[from]!.name} is a listed wrapper`) : pc.red('violation');
          const labels = chain.map((i, k) => (k === 0 ? chainLabel(graph, i, byPkg) : `${graph.packages[i]!.name} ${graph.packages[i]!.version}`));
          out.push(`    ${labels.join(' → ')}${status ? `  ${status}` : ''}`);
        }
        if (!complete) out.push(pc.dim(`    … more chains from ${chainLabel(graph, member.pkg, byPkg)}: the ${CHAINS_SHOWN} shortest are shown`));
      }
      if (!any) out.push('    no workspace member reaches it');
    }
  }
  return out;
}
