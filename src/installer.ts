// Registers chokepoint's pre-commit and commit-msg hooks through
// simple-git-hooks, and checks every step itself: simple-git-hooks overwrites
// hooks without asking, deletes hooks missing from its config unless
// `preserveUnused` is set, finds `.git` by hand, and logs errors yet resolves.
// So git itself is asked where hooks live, foreign hooks are refused before
// anything is written, and the written files are read back.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, runGit, type Repository } from './git.js';
import { environmentError, UserError } from './errors.js';

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

/** chokepoint's package directory (dist/src/installer.js → ../..). */
const packageDir = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const isOurs = (text: string | undefined): boolean => text !== undefined && text.includes(MARKER);

/** The command a hook runs: relative when chokepoint is a dependency of the repository, else absolute. */
async function hookCommand(root: string, hook: HookName): Promise<string> {
  const pkg = await realpath(packageDir());
  const local = join(root, 'node_modules', 'chokepoint');
  const usesLocal = existsSync(local) && (await realpath(local)) === pkg;
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
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Where the simple-git-hooks config lives: the file it reads first. */
interface ConfigHome {
  file: string;
  /** For package.json: the object under "simple-git-hooks"; else the whole file. */
  read(): Promise<{ doc: Record<string, unknown>; hooks: Record<string, unknown> }>;
  write(doc: Record<string, unknown>, hooks: Record<string, unknown> | undefined): Promise<void>;
}

const SCRIPT_CONFIGS = ['.simple-git-hooks.cjs', '.simple-git-hooks.js', '.simple-git-hooks.mjs', 'simple-git-hooks.cjs', 'simple-git-hooks.js', 'simple-git-hooks.mjs'];

function jsonIndent(text: string): string | number {
  return /^([ \t]+)"/m.exec(text)?.[1] ?? 2;
}

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
  const pkgFile = join(root, 'package.json');
  const parse = async (file: string) => {
    const text = await readFile(file, 'utf8');
    try {
      return { text, doc: JSON.parse(text) as Record<string, unknown> };
    } catch (err) {
      throw new UserError('config', `is not valid JSON: ${(err as Error).message}`, { file: relative(root, file) }, 'fix the JSON, then run chokepoint install again');
    }
  };
  if (!jsonFile && existsSync(pkgFile)) {
    return {
      file: 'package.json',
      async read() {
        const { doc } = await parse(pkgFile);
        const hooks = doc['simple-git-hooks'];
        return { doc, hooks: typeof hooks === 'object' && hooks !== null ? (hooks as Record<string, unknown>) : {} };
      },
      async write(doc, hooks) {
        const { text } = await parse(pkgFile);
        if (hooks) doc['simple-git-hooks'] = hooks;
        else delete doc['simple-git-hooks'];
        await writeFile(pkgFile, `${JSON.stringify(doc, null, jsonIndent(text))}\n`);
      },
    };
  }
  if (!jsonFile) return undefined;
  const file = join(root, jsonFile);
  return {
    file: relative(root, file),
    async read() {
      const doc = existsSync(file) ? (await parse(file)).doc : {};
      return { doc, hooks: doc };
    },
    async write(_doc, hooks) {
      if (hooks) await writeFile(file, `${JSON.stringify(hooks, null, 2)}\n`);
      else await rm(file, { force: true });
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

  // 1. Refuse to clobber anything chokepoint did not write.
  for (const hook of HOOKS) {
    const existing = await readIfExists(join(hooksDir, hook));
    if (existing !== undefined && !isOurs(existing) && !force) {
      throw new UserError('environment', `a ${hook} hook that chokepoint did not write is installed`, { file: join(hooksDir, hook) }, chainAdvice(hook, commands[hook]));
    }
  }
  const home = await configHome(repo.root);
  if (home) {
    const { doc, hooks } = await home.read();
    for (const hook of HOOKS) {
      const current = hooks[hook];
      if (typeof current === 'string' && !isOurs(current) && !force) {
        throw new UserError('config', `simple-git-hooks already runs ${JSON.stringify(current)} as ${hook}`, { file: home.file }, `chain the two: "${hook}": ${JSON.stringify(`${current} && ${commands[hook].trimEnd().split('\n').pop()}`)}, or run \`chokepoint install --force\``);
      }
    }

    // 2. The config simple-git-hooks reads; preserveUnused stops it deleting other hooks.
    const merged: Record<string, unknown> = { ...hooks, ...commands };
    merged.preserveUnused = hooks.preserveUnused === undefined || hooks.preserveUnused === false ? true : hooks.preserveUnused;
    await home.write(doc, merged);
  }

  // 3. The node this install ran with, for hooks started without a PATH.
  const record = join(repo.commonDir, 'chokepoint', 'node');
  await mkdir(dirname(record), { recursive: true });
  await writeFile(record, `${process.execPath}\n`);

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
      await mkdir(hooksDir, { recursive: true });
      await writeFile(path, expected);
    }
    await chmod(path, 0o755);
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
    if (isOurs(text)) await rm(path, { force: true });
    else if (text !== undefined) notes.push(`left ${path} alone: chokepoint did not write it`);
  }
  const home = await configHome(repo.root);
  if (home) {
    const { doc, hooks } = await home.read();
    const rest = Object.fromEntries(Object.entries(hooks).filter(([k, v]) => !(HOOKS.includes(k as HookName) && typeof v === 'string' && isOurs(v))));
    const onlyOption = Object.keys(rest).every((k) => k === 'preserveUnused');
    await home.write(doc, onlyOption ? undefined : rest);
  }
  await rm(join(repo.commonDir, 'chokepoint'), { recursive: true, force: true });
  return { hooksDir, configFile: home?.file, notes };
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
