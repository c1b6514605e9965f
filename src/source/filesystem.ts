// The files on disk under a directory that is not a git repository (a source
// archive, `cargo package` output, a Docker build context without .git): the
// full audit walks them instead of asking git. Only the directories the
// config's globs can reach are walked; symlinks are listed, never followed,
// as git would store them. No .gitignore is applied: there is no git.

import { readdirSync } from 'node:fs';
import type { Config, Source } from '../types.js';
import { escapeRegExp } from '../rust/needles.js';
import { readDiskLinks, readWorktreeFile } from './sources.js';

/** The directory part of a glob before its first wildcard: where its matches can live. */
function literalDir(glob: string): string {
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  const wild = body.search(/[*?[{\\]/);
  const literal = wild < 0 ? body : body.slice(0, wild);
  const slash = literal.lastIndexOf('/');
  return slash < 0 ? '' : literal.slice(0, slash);
}

/** The smallest set of directories that holds every path the config can match. */
export function walkRoots(config: Config): string[] {
  const globs = [...config.scope.include.filter((g) => !g.startsWith('!')), ...(config.dependencies?.manifests ?? [])];
  const dirs = [...new Set(globs.map(literalDir))].sort();
  // A directory inside another one listed is walked with it.
  return dirs.filter((d) => !dirs.some((o) => o !== d && (o === '' || d.startsWith(`${o}/`))));
}

function walk(root: string, dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir === '' ? root : `${root}/${dir}`, { withFileTypes: true });
  } catch {
    return; // a root that does not exist holds nothing
  }
  for (const e of entries) {
    const path = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (dir === '' && e.name === '.git') continue;
      walk(root, path, out);
    } else if (e.isFile() || e.isSymbolicLink()) {
      out.push(path);
    }
  }
}

export function filesystemSource(root: string, config: Config): Source {
  return {
    kind: 'worktree',
    async listPaths() {
      const out: string[] = [];
      for (const dir of walkRoots(config)) walk(root, dir, out);
      return out.sort();
    },
    async readFiles(paths) {
      return new Map(paths.map((p) => [p, readWorktreeFile(root, p)] as const));
    },
    readLinks: async (paths) => readDiskLinks(root, paths),
    // No git to search with: every listed file is read (this source serves small trees outside git).
    async filesSpelling(words) {
      const word = new RegExp(`\\b(?:${words.map(escapeRegExp).join('|')})\\b`);
      const found = new Set<string>();
      for (const path of await this.listPaths()) {
        const bytes = readWorktreeFile(root, path);
        if (bytes !== undefined && !bytes.includes(0) && word.test(bytes.toString('latin1'))) found.add(path);
      }
      return found;
    },
    close() {},
  };
}
