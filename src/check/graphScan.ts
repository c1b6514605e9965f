// Runs the graph rule on the lockfiles a run concerns: every `Cargo.lock` in
// an audit; in the hook, a staged `Cargo.lock` and the lockfile of each
// staged manifest, all read from the same source as everything else.

import { posix } from 'node:path';
import type { Config, Finding, Source } from '../types.js';
import { decodeUtf8 } from '../source/decode.js';
import { messages } from '../messages.js';
import { CATALOGUE } from '../findings/catalogue.js';
import { readLockfile } from '../lockfile/read.js';
import { resolveLockfile, type LockGraph } from '../lockfile/resolve.js';
import { checkGraph, type GraphMember } from '../rules/graph.js';
import { declaredDependencies, packageName } from '../rules/dependencies.js';
import { inheritedPackage, workspaceRootFinder } from '../rules/workspaceBoundary.js';
import { isTomlTable, parseToml, type TomlParseResult } from '../toml/positions.js';
import { git, splitNul } from '../git.js';

/** What part of the tree a run asks the graph rule about. */
export interface GraphScope {
  /** Every `Cargo.toml` and `Cargo.lock` of the source (other paths are ignored). */
  cargoFiles: () => Promise<readonly string[]>;
  /** The paths the run checks (staged, named or changed); undefined: the whole tree. */
  touched?: readonly string[];
  /** How manifests are parsed (the hook answers from a cache of earlier parses). */
  parseManifest?: (text: string) => TomlParseResult;
}

export interface GraphScan {
  findings: Finding[];
  warnings: Finding[];
  usedExceptions: Set<string>;
  lockfilesChecked: number;
}

export const isLockfile = (p: string) => p === 'Cargo.lock' || p.endsWith('/Cargo.lock');
const isManifest = (p: string) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml');
const dirOf = (p: string) => posix.dirname(p);
const within = (dir: string, p: string) => dir === '.' || p.startsWith(`${dir}/`);

/** Cargo files in the index: git lists only those, whatever the size of the repository. */
export async function stagedCargoFiles(root: string): Promise<string[]> {
  // The pathspecs are magic: a user's GIT_LITERAL_PATHSPECS would read them as names.
  return splitNul(await git(['ls-files', '-z', '--', ':(glob)**/Cargo.toml', ':(glob)**/Cargo.lock'], { cwd: root, env: { GIT_LITERAL_PATHSPECS: '0' } }));
}

/** The names stagedCargoFiles lists, for a reader of the index that matches names itself. */
export const CARGO_FILE_NAMES: readonly string[] = ['Cargo.toml', 'Cargo.lock'];

/** The lockfile that governs a manifest: the nearest one in its directory or above. */
function lockfileOf(manifest: string, lockfiles: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const lock of lockfiles) {
    const dir = dirOf(lock);
    if (within(dir, manifest) && (best === undefined || dir.length > dirOf(best).length)) best = lock;
  }
  return best;
}

export async function scanGraphs(source: Source, config: Config, checkedDirectly: readonly string[], scope: GraphScope): Promise<GraphScan> {
  const scan: GraphScan = { findings: [], warnings: [], usedExceptions: new Set(), lockfilesChecked: 0 };
  const rule = config.dependencies;
  if (!rule?.graph) return scan;
  if (scope.touched && !scope.touched.some((p) => isLockfile(p) || isManifest(p))) return scan;
  const listing = scope.cargoFiles();
  // A lockfile the run names is read and resolved while git lists the cargo files.
  const early = new Map<string, Promise<LockRead>>();
  for (const p of scope.touched ?? []) if (isLockfile(p)) early.set(p, readLock(source, p));
  for (const pending of early.values()) pending.catch(() => undefined); // awaited below, or not needed
  const cargo = await listing;
  const lockfiles = cargo.filter(isLockfile);
  const manifests = cargo.filter(isManifest);
  const touched = scope.touched && new Set(scope.touched);
  const wanted = touched ? lockfiles.filter((l) => touched.has(l) || manifests.some((m) => touched.has(m) && lockfileOf(m, lockfiles) === l)) : lockfiles;
  const direct = new Set(checkedDirectly);
  for (const lockPath of wanted) {
    scan.lockfilesChecked++;
    // A staged lockfile concerns every member; a staged manifest, its own crate.
    const workspace = await readWorkspace(source, lockPath, cargo, { direct, touched: touched && !touched.has(lockPath) ? touched : undefined, lock: early.get(lockPath), parse: scope.parseManifest });
    if (!workspace.ok) {
      scan.findings.push(...workspace.findings);
      continue;
    }
    const verdict = checkGraph(lockPath, workspace.graph, workspace.members, rule);
    scan.findings.push(...verdict.findings);
    scan.warnings.push(...verdict.warnings);
    for (const c of verdict.usedExceptions) scan.usedExceptions.add(c);
  }
  return scan;
}

export type Workspace = { ok: true; graph: LockGraph; members: GraphMember[] } | { ok: false; findings: Finding[] };

/** A lockfile read from a source: its graph, or its problems as findings. */
type LockRead = { ok: true; graph: LockGraph } | { ok: false; findings: Finding[] };

async function readLock(source: Source, lockPath: string): Promise<LockRead> {
  const bytes = (await source.readFiles([lockPath])).get(lockPath);
  const lockText = bytes && decodeUtf8(bytes);
  if (lockText === undefined) return { ok: false, findings: [{ kind: 'invalid-file', path: lockPath, message: bytes ? CATALOGUE['invalid-file'].message('utf8') : messages.invalidLockfile('the file could not be read') }] };
  const findings: Finding[] = [];
  const graph = lockGraph(lockPath, lockText, findings);
  return graph ? { ok: true, graph } : { ok: false, findings };
}

/**
 * A lockfile's graph and the members it governs (the manifests at or below
 * its directory with no nearer lockfile), read from `source`; `lock`: the
 * lockfile already being read.
 */
export async function readWorkspace(source: Source, lockPath: string, cargoFiles: readonly string[], opts: { direct?: ReadonlySet<string>; touched?: ReadonlySet<string>; lock?: Promise<LockRead>; parse?: (text: string) => TomlParseResult } = {}): Promise<Workspace> {
  const lockfiles = cargoFiles.filter(isLockfile);
  // With only some manifests staged, only their crates are judged: the others are not even read.
  const members = cargoFiles.filter((m) => isManifest(m) && lockfileOf(m, lockfiles) === lockPath && (opts.touched === undefined || opts.touched.has(m)));
  // Asked together, so the manifests' answers come while the lockfile is resolved.
  const [lock, contents] = await Promise.all([opts.lock ?? readLock(source, lockPath), source.readFiles(members)]);
  if (!lock.ok) return lock;
  return { ok: true, graph: lock.graph, members: await membersOf(source, lock.graph, members, contents, opts.direct ?? new Set(), opts.touched, opts.parse ?? parseToml) };
}

/** The lockfile as a graph, or its problems as findings. */
export function lockGraph(lockPath: string, text: string, findings: Finding[]): LockGraph | undefined {
  const read = readLockfile(text);
  if (!read.ok) {
    findings.push({ kind: 'invalid-file', path: lockPath, message: messages.lockfileNotToml(read.message), ...(read.position ?? {}) });
    return undefined;
  }
  const resolved = resolveLockfile(read.lock);
  if (!resolved.ok) {
    for (const p of resolved.problems) findings.push({ kind: 'invalid-file', path: lockPath, message: messages.invalidLockfile(p.message), ...(p.position ?? {}) });
    return undefined;
  }
  return resolved.graph;
}

/** The path packages of the lockfile that a manifest of the workspace declares. */
async function membersOf(source: Source, graph: LockGraph, paths: readonly string[], contents: Map<string, Buffer | undefined>, direct: ReadonlySet<string>, touched: ReadonlySet<string> | undefined, parse: (text: string) => TomlParseResult): Promise<GraphMember[]> {
  const local = new Map<string, number[]>();
  graph.packages.forEach((p, i) => {
    if (p.source !== undefined) return;
    const list = local.get(p.name);
    if (list) list.push(i);
    else local.set(p.name, [i]);
  });
  const findRoot = workspaceRootFinder(source, parse);
  const members: GraphMember[] = [];
  const taken = new Set<number>();
  for (const path of paths) {
    const bytes = contents.get(path);
    const text = bytes && decodeUtf8(bytes);
    if (text === undefined) continue;
    const parsed = parse(text);
    // An unreadable manifest is the manifest rule's finding.
    if (!parsed.ok) continue;
    const name = packageName(parsed.value);
    const candidates = name === undefined ? undefined : local.get(name);
    if (!candidates) continue;
    const pkgTable = parsed.value['package'];
    const version = isTomlTable(pkgTable) && typeof pkgTable['version'] === 'string' ? pkgTable['version'] : undefined;
    const pkg = candidates.find((i) => !taken.has(i) && graph.packages[i]!.version === version) ?? candidates.find((i) => !taken.has(i));
    if (pkg === undefined) continue;
    taken.add(pkg);
    const declared = declaredDependencies(parsed.value);
    if (declared.some((d) => isTomlTable(d.spec) && d.spec['workspace'] === true)) {
      const root = await findRoot(path, parsed.value);
      if (root) for (const d of declared) if (isTomlTable(d.spec) && d.spec['workspace'] === true) d.package = inheritedPackage(root, d.key) ?? d.package;
    }
    members.push({ pkg, manifestPath: path, manifestText: text, declared, checkedDirectly: direct.has(path), changed: touched === undefined || touched.has(path) });
  }
  return members;
}
