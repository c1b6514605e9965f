// Registers chokepoint's pre-commit and commit-msg hooks through
// simple-git-hooks, and checks every step itself: simple-git-hooks overwrites
// hooks without asking, deletes hooks missing from its config unless
// `preserveUnused` is set, finds `.git` by hand, and logs errors yet resolves.
// So git itself is asked where hooks live, foreign hooks are refused before
// anything is written, and the written files are read back.

import { createRequire } from 'node:module';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { messages } from '../messages.js';
import { dirname, join, resolve } from 'node:path';
import { packageDir } from '../version.js';
import { git, runGit, type Repository } from '../git.js';
import { environmentError, UserError } from '../errors.js';
import { appendMember, memberLayout, objectAt, removeMember, replaceValue, topObject, type Member, type ObjectSpan } from './jsonText.js';

/** Loaded when a command writes files: never on the pre-commit hook's path, where every built-in module costs start-up time. */
const fsp = () => process.getBuiltinModule('node:fs/promises');

// pre-merge-commit: a conflict-free `git merge` commits without running pre-commit.
export const HOOKS = ['pre-commit', 'pre-merge-commit', 'commit-msg'] as const;
type HookName = (typeof HOOKS)[number];

/** Marks a hook command as chokepoint's own, so re-install and uninstall recognise it. */
const MARKER = '# managed by chokepoint install';

interface SimpleGitHooks {
  setHooksFromConfig(root: string, argv?: string[]): Promise<{ isHookChanged: boolean }>;
  getGitProjectRoot(dir: string): string | undefined;
  PREPEND_SCRIPT: string;
}

const loadSimpleGitHooks = (): SimpleGitHooks => createRequire(import.meta.url)('simple-git-hooks') as SimpleGitHooks;

const isOurs = (text: string | undefined): boolean => text !== undefined && text.includes(MARKER);

/** The command a hook runs: relative when chokepoint is a dependency of the repository, else absolute. */
async function hookCommand(root: string, hook: HookName): Promise<string> {
  const pkg = await fsp().realpath(packageDir());
  const local = join(root, 'node_modules', 'chokepoint');
  const usesLocal = existsSync(local) && (await fsp().realpath(local)) === pkg;
  const runner = usesLocal ? 'node_modules/chokepoint/hooks/run.sh' : join(pkg, 'hooks', 'run.sh');
  const quoted = `'${runner.replace(/'/g, `'\\''`)}'`;
  const args = hook === 'commit-msg' ? ' "$1"' : '';
  return `${MARKER}\n[ -f ${quoted} ] || { echo "chokepoint: ${runner} is missing: reinstall chokepoint, or run chokepoint uninstall" >&2; exit 1; }\n/bin/sh ${quoted} ${hook}${args}\n`;
}

/** Where git runs hooks from: honours core.hooksPath, worktrees and submodules. */
export async function gitHooksDir(repo: Repository): Promise<string> {
  const out = (await git(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { cwd: repo.root })).toString('utf8').trim();
  return resolve(repo.root, out);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fsp().readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Where the simple-git-hooks config lives: the file it reads first. Edited as
 * text (jsonText.ts): only the hook members change, every other byte stays.
 */
interface ConfigHome {
  file: string;
  /** The hooks object as simple-git-hooks will read it. */
  read(): Promise<Record<string, unknown>>;
  /** Sets members of the hooks object (appending new ones, creating the object if needed); returns what it added. */
  set(values: Record<string, unknown>): Promise<EditRecord>;
  /** Undoes `record`, and removes the given chokepoint members. */
  unset(keys: readonly string[], record: EditRecord | undefined): Promise<void>;
}

/** What install added to the config, so uninstall restores it byte for byte. */
interface EditRecord {
  /** The "simple-git-hooks" member of package.json was created by install. */
  createdObject: boolean;
  /** Members install appended (not there before). */
  added: string[];
  /** Members whose value install replaced, with their text before. */
  replaced: Record<string, string>;
}

const SCRIPT_CONFIGS = ['.simple-git-hooks.cjs', '.simple-git-hooks.js', '.simple-git-hooks.mjs', 'simple-git-hooks.cjs', 'simple-git-hooks.js', 'simple-git-hooks.mjs'];
const PACKAGE_KEY = 'simple-git-hooks';

const lastMember = (obj: ObjectSpan, key: string): Member | undefined => [...obj.members].reverse().find((m) => m.key === key);

/**
 * The simple-git-hooks config to edit, or undefined for a repository with no
 * package.json and no simple-git-hooks config of its own (a Rust-only
 * repository): there chokepoint writes the hooks itself, since a config file
 * would be one more file in the user's tree, holding a path of one machine.
 */
async function configHome(root: string): Promise<ConfigHome | undefined> {
  const script = SCRIPT_CONFIGS.find((f) => existsSync(join(root, f)));
  if (script) {
    throw new UserError('environment', `simple-git-hooks is configured by ${script}, which chokepoint cannot edit safely`, { file: script }, `add "pre-commit": ${JSON.stringify(await hookCommand(root, 'pre-commit'))} and "commit-msg" likewise to it by hand`);
  }
  const jsonFile = ['.simple-git-hooks.json', 'simple-git-hooks.json'].find((f) => existsSync(join(root, f)));
  const inPackage = !jsonFile && existsSync(join(root, 'package.json'));
  if (!jsonFile && !inPackage) return undefined;
  const display = jsonFile ?? 'package.json';
  const file = join(root, display);
  const load = async () => {
    const text = await fsp().readFile(file, 'utf8');
    try {
      JSON.parse(text);
      return { text, top: topObject(text) };
    } catch (err) {
      throw new UserError('config', `is not valid JSON: ${(err as Error).message}`, { file: display }, 'fix the JSON, then run chokepoint install again');
    }
  };
  /** The hooks object: the file itself, or package.json's "simple-git-hooks" member (the last one, as JSON.parse reads it). */
  const hooksObject = (text: string, top: ObjectSpan): { obj: ObjectSpan; indent: string } | undefined => {
    if (!inPackage) return { obj: top, indent: '' };
    const member = lastMember(top, PACKAGE_KEY);
    if (member === undefined) return undefined;
    if (text[member.valueStart] !== '{') throw new UserError('config', `"${PACKAGE_KEY}" is not an object`, { file: display }, 'make it an object of hook commands, or remove it');
    return { obj: objectAt(text, member.valueStart), indent: memberLayout(text, top).indent };
  };
  return {
    file: display,
    async read() {
      const { text, top } = await load();
      const found = hooksObject(text, top);
      if (!found) return {};
      return Object.fromEntries(found.obj.members.map((m) => [m.key, JSON.parse(text.slice(m.valueStart, m.valueEnd)) as unknown]));
    },
    async set(values) {
      let { text, top } = await load();
      const record: EditRecord = { createdObject: false, added: [], replaced: {} };
      if (!hooksObject(text, top)) {
        text = appendMember(text, top, PACKAGE_KEY, values);
        record.createdObject = true;
      } else {
        for (const [key, value] of Object.entries(values)) {
          const found = hooksObject(text, top)!;
          const member = lastMember(found.obj, key);
          if (member === undefined) {
            text = appendMember(text, found.obj, key, value, found.indent);
            record.added.push(key);
          } else {
            const before = text.slice(member.valueStart, member.valueEnd);
            const previous = JSON.parse(before) as unknown;
            const { indent, unit } = memberLayout(text, found.obj, found.indent);
            text = replaceValue(text, member, value, indent, unit);
            // A value of the user's (a hook replaced with --force, preserveUnused: false) comes back on uninstall.
            if (!(typeof previous === 'string' && isOurs(previous)) && JSON.stringify(previous) !== JSON.stringify(value)) record.replaced[key] = before;
          }
          top = topObject(text);
        }
      }
      await fsp().writeFile(file, text);
      return record;
    },
    async unset(keys, record) {
      let { text, top } = await load();
      const found = hooksObject(text, top);
      if (!found) return;
      if (record?.createdObject && inPackage) {
        // Created by install: removed whole, provided it holds nothing else now.
        const ours = new Set([...keys, 'preserveUnused']);
        if (found.obj.members.every((m) => ours.has(m.key))) {
          await fsp().writeFile(file, removeMember(text, top, lastMember(top, PACKAGE_KEY)!));
          return;
        }
      }
      const remove = new Set([...keys, ...(record?.added ?? [])]);
      for (;;) {
        const obj = hooksObject(text, top)!.obj;
        const member = [...obj.members].reverse().find((m) => remove.has(m.key) && !(m.key in (record?.replaced ?? {})));
        if (member === undefined) break;
        text = removeMember(text, obj, member);
        top = topObject(text);
      }
      for (const [key, before] of Object.entries(record?.replaced ?? {})) {
        const obj = hooksObject(text, top)!.obj;
        const member = lastMember(obj, key);
        if (member) text = text.slice(0, member.valueStart) + before + text.slice(member.valueEnd);
        top = topObject(text);
      }
      await fsp().writeFile(file, text);
    },
  };
}

export interface InstallReport {
  hooksDir: string;
  /** The simple-git-hooks config edited; undefined when the hooks were written directly (no package.json). */
  configFile: string | undefined;
  notes: string[];
}

function chainAdvice(hook: HookName, command: string): string {
  return `to keep your ${hook} hook and add chokepoint, append this to it:\n${command.trimEnd()}\nor run \`chokepoint install --force\` to replace it`;
}

export async function install(repo: Repository, force: boolean): Promise<InstallReport> {
  const sgh = loadSimpleGitHooks();
  const hooksDir = await gitHooksDir(repo);
  const commands = Object.fromEntries(await Promise.all(HOOKS.map(async (h) => [h, await hookCommand(repo.root, h)] as const))) as Record<HookName, string>;
  const notes: string[] = [];

  // 1. Refuse to clobber anything chokepoint did not write, and never write
  //    through a symlink (a dangling one would put the hook outside .git).
  for (const hook of HOOKS) {
    const path = join(hooksDir, hook);
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
      if (!force) throw new UserError('environment', messages.hookIsSymlink(hook, readlinkSync(path)), { file: path }, messages.hookIsSymlinkHint);
      await fsp().rm(path);
    }
    const existing = await readIfExists(path);
    if (existing !== undefined && !isOurs(existing) && !force) {
      throw new UserError('environment', `a ${hook} hook that chokepoint did not write is installed`, { file: join(hooksDir, hook) }, chainAdvice(hook, commands[hook]));
    }
  }
  const home = await configHome(repo.root);
  if (home) {
    const hooks = await home.read();
    for (const hook of HOOKS) {
      const current = hooks[hook];
      if (typeof current === 'string' && !isOurs(current) && !force) {
        throw new UserError('config', `simple-git-hooks already runs ${JSON.stringify(current)} as ${hook}`, { file: home.file }, `chain the two: "${hook}": ${JSON.stringify(`${current} && ${commands[hook].trimEnd().split('\n').pop()}`)}, or run \`chokepoint install --force\``);
      }
    }

    // 2. The config simple-git-hooks reads; preserveUnused stops it deleting other hooks.
    const values: Record<string, unknown> = { ...commands };
    if (hooks.preserveUnused === undefined || hooks.preserveUnused === false) values.preserveUnused = true;
    const record = await home.set(values);
    await saveRecord(repo, record);
  }

  // 3. The node this install ran with, for hooks started without a PATH.
  const record = join(repo.commonDir, 'chokepoint', 'node');
  await fsp().mkdir(dirname(record), { recursive: true });
  await fsp().writeFile(record, `${process.execPath}\n`);

  // 4. Let simple-git-hooks write the hooks when it targets the directory git
  //    reads; otherwise (global core.hooksPath, odd layouts) write its hook text there.
  const sghRoot = sgh.getGitProjectRoot(repo.root);
  const local = await runGit(['config', '--local', 'core.hooksPath'], { cwd: repo.root });
  const sghDir = local.code === 0 && local.stdout.toString().trim() ? resolve(repo.root, local.stdout.toString().trim()) : sghRoot ? join(sghRoot, 'hooks') : undefined;
  if (!home) {
    // No config to hand simple-git-hooks: step 5 writes its hook text itself.
  } else if (sghDir !== undefined && resolve(sghDir) === hooksDir) {
    await quietly(() => sgh.setHooksFromConfig(repo.root, []));
  } else {
    notes.push(`simple-git-hooks would write to ${sghDir ?? '(nowhere)'}, but git reads hooks from ${hooksDir}: wrote the hooks there directly`);
  }

  // 5. Read back what git will run.
  for (const hook of HOOKS) {
    const path = join(hooksDir, hook);
    const expected = sgh.PREPEND_SCRIPT + commands[hook];
    if ((await readIfExists(path)) !== expected) {
      await fsp().mkdir(hooksDir, { recursive: true });
      await fsp().writeFile(path, expected);
    }
    await fsp().chmod(path, 0o755);
    if ((await readIfExists(path)) !== expected) throw environmentError(`could not write the ${hook} hook at ${path}`);
  }
  return { hooksDir, configFile: home?.file, notes };
}

export async function uninstall(repo: Repository): Promise<InstallReport> {
  const hooksDir = await gitHooksDir(repo);
  const notes: string[] = [];
  for (const hook of HOOKS) {
    const path = join(hooksDir, hook);
    const text = await readIfExists(path);
    if (isOurs(text)) await fsp().rm(path, { force: true });
    else if (text !== undefined) notes.push(`left ${path} alone: chokepoint did not write it`);
  }
  const home = await configHome(repo.root);
  if (home) {
    const hooks = await home.read();
    const ours = HOOKS.filter((k) => typeof hooks[k] === 'string' && isOurs(hooks[k] as string));
    await home.unset(ours, loadRecord(repo));
  }
  await fsp().rm(join(repo.commonDir, 'chokepoint'), { recursive: true, force: true });
  return { hooksDir, configFile: home?.file, notes };
}

const recordPath = (repo: Repository): string => join(repo.commonDir, 'chokepoint', 'install-edits.json');

/** Keeps what install added to the config; a second install adds to the first one's record. */
async function saveRecord(repo: Repository, record: EditRecord): Promise<void> {
  const previous = loadRecord(repo);
  const merged: EditRecord = previous
    ? { createdObject: previous.createdObject || record.createdObject, added: [...new Set([...previous.added, ...record.added])], replaced: { ...record.replaced, ...previous.replaced } }
    : record;
  await fsp().mkdir(dirname(recordPath(repo)), { recursive: true });
  await fsp().writeFile(recordPath(repo), JSON.stringify(merged));
}

function loadRecord(repo: Repository): EditRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordPath(repo), 'utf8')) as EditRecord;
  } catch {
    return undefined;
  }
}

/** Runs simple-git-hooks without its console chatter; its thrown strings become errors. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const { info, log } = console;
  console.info = () => {};
  console.log = () => {};
  try {
    return await fn();
  } catch (err) {
    throw environmentError(`simple-git-hooks failed: ${typeof err === 'string' ? err : (err as Error).message}`);
  } finally {
    console.info = info;
    console.log = log;
  }
}
