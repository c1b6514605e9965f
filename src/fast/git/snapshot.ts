// The staged check's view of git, read from the git directory instead of from
// three git processes: where the repository is, the index against HEAD, and
// the blobs. Starting git costs the pre-commit hook more than everything else
// it does for one file (docs/performance.md). This reader takes only the
// plain case — the hook run at the top of a working tree, SHA-1 objects,
// files-backed refs, an index with no split or sparse parts, no path leaving
// the index — and answers `undefined` for anything else, so that git answers
// it. test/index-snapshot.test.ts holds every answer to git's.

import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Change } from '../../source/changes.js';
import type { IndexSnapshot } from '../../source/indexSnapshot.js';
import { parseIndex, type IndexFile } from './indexFile.js';
import { isReadFailure, ObjectStore } from './objects.js';

/** Variables that move or reshape the repository: with any of them set, git decides. */
const RESHAPING_VARIABLES = ['GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_REPLACE_REF_BASE', 'GIT_CONFIG', 'GIT_CONFIG_COUNT'];
/** Settings passed with `git -c` that could bear on any of this (a hook inherits them). */
const RESHAPING_SETTINGS = /worktree|bare|extensions|include|replace|index|objectformat|refstorage/i;

const OID = /^[0-9a-f]{40}$/;
const TREE = '40000';
const GITLINK = '160000';
const SYMLINK = '120000';
const FILE_MODES = new Set(['100644', '100755', SYMLINK, GITLINK]);

/** Thrown where git must decide; never escapes readIndexSnapshot. */
class AskGit extends Error {}

export function readIndexSnapshot(cwd: string, env: NodeJS.ProcessEnv): IndexSnapshot | undefined {
  let store: ObjectStore | undefined;
  try {
    if (process.platform === 'win32') return undefined;
    if (RESHAPING_VARIABLES.some((v) => env[v] !== undefined)) return undefined;
    if (env.GIT_CONFIG_PARAMETERS !== undefined && RESHAPING_SETTINGS.test(env.GIT_CONFIG_PARAMETERS)) return undefined;
    const gitDir = findGitDir(cwd, env);
    if (gitDir === undefined) return undefined;
    const commonDir = readCommonDir(gitDir);
    if (!ownedByUs(cwd) || !ownedByUs(gitDir) || !plainConfig(readFileSync(`${commonDir}/config`, 'utf8'))) return undefined;
    let packed: [string, string][] | undefined;
    const packedRefs = () => (packed ??= readPackedRefs(commonDir));
    if (!ObjectStore.usable(`${commonDir}/objects`) || hasReplaceRefs(commonDir, packedRefs, env)) return undefined;
    const index = readIndexFile(env.GIT_INDEX_FILE === undefined ? `${gitDir}/index` : resolve(cwd, env.GIT_INDEX_FILE));
    if (index === undefined) return undefined;
    store = new ObjectStore(`${commonDir}/objects`);
    const head = resolveHead(gitDir, commonDir, packedRefs);
    const changes = stagedChanges(index, head === undefined ? undefined : commitTree(store, head), store);
    const objects = store;
    const { paths, modes } = index;
    return {
      repo: { root: realpathSync(cwd), commonDir, gitDir },
      changes,
      entry(path) {
        const key = bytesOf(path);
        const i = lowerBound(paths, key, 0, paths.length);
        return paths[i] === key ? { oid: hexOf(index.oid(i)), mode: modes[i]! } : undefined;
      },
      paths: () => paths.map(textOf),
      pathsNamed(names) {
        const found: string[] = [];
        for (const p of paths) if (names.some((n) => p === n || (p.endsWith(n) && p.charCodeAt(p.length - n.length - 1) === 47))) found.push(textOf(p));
        return found;
      },
      readBlob(oid) {
        const object = OID.test(oid) ? objects.read(oid) : undefined;
        return object?.type === 'blob' ? object.data : undefined;
      },
      close: () => objects.close(),
    };
  } catch (err) {
    store?.close();
    if (err instanceof AskGit || isReadFailure(err)) return undefined;
    throw err;
  }
}


/**
 * The git directory of a working tree whose top is `cwd` (where git runs
 * hooks): `$GIT_DIR` (git sets it for a linked worktree's hooks), else
 * `cwd/.git`, a directory or a `gitdir:` file. From anywhere else git finds
 * the repository.
 */
function findGitDir(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  let dir: string;
  if (env.GIT_DIR !== undefined) dir = resolve(cwd, env.GIT_DIR);
  else {
    const dotGit = `${cwd}/.git`;
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.isDirectory()) dir = dotGit;
    else if (stat.isFile()) {
      const line = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(dotGit, 'utf8'));
      if (!line) return undefined;
      dir = resolve(cwd, line[1]!);
    } else return undefined;
  }
  if (!existsSync(`${dir}/HEAD`)) return undefined;
  return realpathSync(dir);
}

function readCommonDir(gitDir: string): string {
  let text: string;
  try {
    text = readFileSync(`${gitDir}/commondir`, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return gitDir;
    throw err;
  }
  return realpathSync(resolve(gitDir, text.replace(/\r?\n$/, '')));
}

/** Git refuses a repository another user owns unless told it is safe: let git apply that rule. */
function ownedByUs(path: string): boolean {
  const uid = process.getuid?.();
  return uid !== undefined && statSync(path).uid === uid;
}

/**
 * Whether the repository's config leaves the layout this reader knows:
 * no extensions (another hash, reftable refs, per-worktree config), no
 * includes, not bare, no core.worktree, format version 0 or 1. A line it
 * cannot place is not plain either.
 */
export function plainConfig(text: string): boolean {
  let section = '';
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line.endsWith('\\')) return false; // a continued value
    if (line.startsWith('[')) {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"(?:[^"\\]|\\.)*")?\s*\]\s*(.*)$/.exec(line);
      if (!header) return false;
      section = header[1]!.toLowerCase();
      if (section === 'extensions' || section === 'include' || section === 'includeif' || section.startsWith('extensions.') || section.startsWith('include')) return false;
      line = header[2]!;
    }
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry) return false;
    if (section !== 'core') continue;
    const key = entry[1]!.toLowerCase();
    const value = (entry[2] ?? 'true').replace(/\s*[#;].*$/, '').replace(/^"(.*)"$/, '$1').trim().toLowerCase();
    if (key === 'worktree') return false;
    if (key === 'bare' && !['false', 'no', 'off', '0'].includes(value)) return false;
    if (key === 'repositoryformatversion' && value !== '0' && value !== '1') return false;
  }
  return true;
}

type PackedRefs = () => [name: string, oid: string][];

function hasReplaceRefs(commonDir: string, packedRefs: PackedRefs, env: NodeJS.ProcessEnv): boolean {
  if (env.GIT_NO_REPLACE_OBJECTS !== undefined) return false;
  try {
    if (readdirSync(`${commonDir}/refs/replace`).length > 0) return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return packedRefs().some(([name]) => name.startsWith('refs/replace/'));
}

function readIndexFile(path: string): IndexFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    // No index yet: nothing is staged.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { paths: [], modes: [], oid: () => '', validTrees: new Map() };
    throw err;
  }
  return parseIndex(bytes);
}

function readPackedRefs(commonDir: string): [string, string][] {
  let text = '';
  try {
    text = readFileSync(`${commonDir}/packed-refs`, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const refs: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    refs.push([line.slice(space + 1).replace(/\r$/, ''), line.slice(0, space)]);
  }
  return refs;
}

/** The commit HEAD names; undefined on an unborn branch. */
function resolveHead(gitDir: string, commonDir: string, packedRefs: PackedRefs): string | undefined {
  let text = readFileSync(`${gitDir}/HEAD`, 'utf8').replace(/\r?\n$/, '');
  for (let depth = 0; depth < 5; depth++) {
    if (OID.test(text)) return text;
    const ref = /^ref: (refs\/heads\/[^\0\s]+)$/.exec(text);
    if (!ref) throw new AskGit();
    const name = ref[1]!;
    let loose: string | undefined;
    try {
      loose = readFileSync(`${commonDir}/${name}`, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
    }
    if (loose === undefined) {
      const packed = packedRefs().find(([n]) => n === name);
      if (!packed) return undefined; // unborn
      text = packed[1];
    } else text = loose;
  }
  throw new AskGit();
}

/** The commit's tree, as 20 raw characters. */
function commitTree(store: ObjectStore, commit: string): string {
  const object = store.read(commit);
  if (object?.type !== 'commit') throw new AskGit();
  const tree = /^tree ([0-9a-f]{40})\n/.exec(object.data.toString('latin1', 0, 46));
  if (!tree) throw new AskGit();
  return Buffer.from(tree[1]!, 'hex').toString('latin1');
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** An object id from its 20 raw characters. */
function hexOf(raw: string): string {
  let hex = '';
  for (let k = 0; k < raw.length; k++) hex += HEX[raw.charCodeAt(k)]!;
  return hex;
}

const HIGH = /[\x80-\xff]/;
/** A path's text from its bytes (a Latin-1 string). */
const textOf = (bytes: string): string => (HIGH.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes);
/** A path's bytes (as a Latin-1 string) from its text. */
const bytesOf = (text: string): string => (/^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1'));

/** The first of `sorted[lo..hi)` not below `key` (byte strings compare in git's order). */
function lowerBound(sorted: readonly string[], key: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface TreeEntry {
  mode: string;
  /** Raw object id. */
  oid: string;
}

/** A tree's files and subdirectories by name (byte strings). */
function readTree(store: ObjectStore, raw: string): { files: Map<string, TreeEntry>; dirs: Map<string, string> } {
  const object = store.read(hexOf(raw));
  if (object?.type !== 'tree') throw new AskGit();
  const t = object.data.toString('latin1');
  const files = new Map<string, TreeEntry>();
  const dirs = new Map<string, string>();
  for (let at = 0; at < t.length; ) {
    const space = t.indexOf(' ', at);
    const nul = t.indexOf('\0', space);
    if (space < 0 || nul < 0 || nul + 21 > t.length) throw new AskGit();
    const mode = t.slice(at, space);
    const name = t.slice(space + 1, nul);
    const oid = t.slice(nul + 1, nul + 21);
    at = nul + 21;
    if (mode === TREE) dirs.set(name, oid);
    else if (FILE_MODES.has(mode)) files.set(name, { mode, oid });
    else throw new AskGit(); // an old or odd mode (100664): git knows what it means
  }
  return { files, dirs };
}

/**
 * The index against HEAD's tree (`tree`, raw; undefined before the first
 * commit), in the index's order. A directory the cache tree shows unchanged
 * is skipped whole: its entries are one run of the sorted index, found by
 * binary search. Undefined when a path left the index (git may pair it with
 * an added one as a rename) or a submodule changed.
 */
function stagedChanges(index: IndexFile, tree: string | undefined, store: ObjectStore): Change[] | undefined {
  const { paths, modes } = index;
  const found: { at: number; change: Change }[] = [];
  const added = (i: number): boolean => {
    if (modes[i] === GITLINK) return false;
    found.push({ at: i, change: { status: 'A', path: textOf(paths[i]!), oid: hexOf(index.oid(i)), symlink: modes[i] === SYMLINK } });
    return true;
  };
  /** Compares the entries `[lo, hi)`, all under `prefix` ('' or 'dir/'), with the tree HEAD has there. */
  const compare = (prefix: string, raw: string, lo: number, hi: number): boolean => {
    const { files, dirs } = readTree(store, raw);
    for (let i = lo; i < hi; ) {
      const path = paths[i]!;
      const slash = path.indexOf('/', prefix.length);
      if (slash >= 0) {
        const name = path.slice(prefix.length, slash);
        const dir = path.slice(0, slash);
        // '0' follows '/': the entries under dir/ end where dir0 would start.
        const end = lowerBound(paths, `${dir}0`, i, hi);
        const before = dirs.get(name);
        if (before === undefined) {
          if (files.has(name)) return false; // a file became a directory: it left the index
          for (let k = i; k < end; k++) if (!added(k)) return false;
        } else {
          dirs.delete(name);
          if (index.validTrees.get(dir) !== before && !compare(`${dir}/`, before, i, end)) return false;
        }
        i = end;
        continue;
      }
      const name = path.slice(prefix.length);
      const before = files.get(name);
      files.delete(name);
      if (before === undefined) {
        if (!added(i)) return false;
      } else if (before.oid !== index.oid(i) || before.mode !== modes[i]) {
        if (modes[i] === GITLINK || before.mode === GITLINK) return false;
        const symlink = modes[i] === SYMLINK;
        found.push({ at: i, change: { status: (before.mode === SYMLINK) !== symlink ? 'T' : 'M', path: textOf(path), oid: hexOf(index.oid(i)), symlink } });
      }
      i++;
    }
    // What HEAD has here and the index does not is a deletion, or half of a rename.
    return files.size === 0 && dirs.size === 0;
  };
  if (tree === undefined) {
    for (let i = 0; i < paths.length; i++) if (!added(i)) return undefined;
  } else if (index.validTrees.get('') !== tree && !compare('', tree, 0, paths.length)) return undefined;
  return found.sort((a, b) => a.at - b.at).map((f) => f.change);
}
