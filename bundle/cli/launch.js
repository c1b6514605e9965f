#!/usr/bin/env node

// builtin:node:module
var m = process.getBuiltinModule("node:module");
var node_module_default = m;
var createRequire = m.createRequire;

// builtin:node:fs
var m2 = process.getBuiltinModule("node:fs");
var closeSync = m2.closeSync;
var constants = m2.constants;
var existsSync = m2.existsSync;
var fstatSync = m2.fstatSync;
var lstatSync = m2.lstatSync;
var mkdirSync = m2.mkdirSync;
var openSync = m2.openSync;
var readFileSync = m2.readFileSync;
var readSync = m2.readSync;
var readdirSync = m2.readdirSync;
var readlinkSync = m2.readlinkSync;
var realpathSync = m2.realpathSync;
var renameSync = m2.renameSync;
var statSync = m2.statSync;
var unlinkSync = m2.unlinkSync;
var writeFileSync = m2.writeFileSync;
var writeSync = m2.writeSync;

// builtin:node:path
var m3 = process.getBuiltinModule("node:path");
var basename = m3.basename;
var dirname = m3.dirname;
var isAbsolute = m3.isAbsolute;
var join = m3.join;
var posix = m3.posix;
var relative = m3.relative;
var resolve = m3.resolve;
var sep = m3.sep;

// dist/src/errors.js
var UserError = class extends Error {
  kind;
  where;
  hint;
  name = "UserError";
  constructor(kind, message, where, hint) {
    super(message);
    this.kind = kind;
    this.where = where;
    this.hint = hint;
  }
  /** `file:line:col: message` - the form editors and terminals link; `show` escapes each piece for display. */
  describe(show = (text) => text) {
    const w = this.where;
    const at = w ? `${show(w.file)}${w.line !== void 0 ? `:${w.line}` : ""}${w.line !== void 0 && w.column !== void 0 ? `:${w.column}` : ""}: ` : "";
    return `${at}${show(this.message)}${this.hint ? `
  hint: ${this.hint.split("\n").map(show).join("\n")}` : ""}`;
  }
};
var usageError = (message, hint) => new UserError("usage", message, void 0, hint);
var environmentError = (message, hint) => new UserError("environment", message, void 0, hint);

// dist/src/messages.js
var q = (s) => JSON.stringify(s);
var messages = {
  // environment
  gitMissing: "git was not found on PATH",
  gitMissingHint: "install git, or start chokepoint from a shell whose PATH contains it",
  gitFailed: (args, stderr) => `\`git ${args.join(" ")}\` failed${stderr ? `: ${stderr}` : ""}`,
  notARepository: (cwd) => `${cwd} is not inside a git repository`,
  notARepositoryHint: "run chokepoint inside the repository it should check, or pass --cwd DIR",
  notARepositoryNorConfig: (cwd, config) => `${cwd} is not inside a git repository, and there is no config at ${config} to audit the files on disk by`,
  needsRepository: (cwd, kind) => `${cwd} is not inside a git repository: the ${kind === "staged" ? "staged check reads what git is about to commit" : kind === "since" ? "changed-files check asks git what changed" : kind === "all" ? "audit of the index or of a commit reads git" : "file check resolves paths against the repository"}, so it needs one`,
  needsRepositoryHint: "run it inside the repository, or audit the files on disk with `chokepoint --all` (which works without git)",
  auditedOnDisk: (root) => `not a git repository: audited the files on disk under ${root} that the config's scope names (no .gitignore applied)`,
  notADirectory: (cwd) => `${cwd} does not exist or is not a directory`,
  notADirectoryHint: "pass --cwd an existing directory inside the repository to check",
  bareRepository: (cwd) => `${cwd} is a bare repository: it has no working tree or index to check`,
  bareRepositoryHint: "run chokepoint in a clone with a working tree (for a commit, use --all --rev REV there)",
  unknownRevision: (rev) => `unknown revision ${q(rev)}`,
  unknownRevisionHint: "name a commit, branch or tag that exists here (fetch it first in a shallow CI clone)",
  // config
  configMissing: (path) => `no config file at ${path}`,
  configMissingHint: "run `chokepoint init` (or `chokepoint init --from path/to/architecture_guards.rs`) to create one",
  configNotUtf8: "the config is not valid UTF-8 text",
  configNotUtf8Hint: "save the config as UTF-8: TOML files must be UTF-8",
  configExists: (path) => `${path} already exists`,
  configExistsHint: "pass --force to overwrite it",
  configNotWritten: (path, reason) => `cannot write ${path}: ${reason}`,
  configNotWrittenHint: "pass --config a path in an existing, writable directory",
  // usage
  unknownCommand: (cmd) => `unknown command ${q(cmd)}`,
  usageHint: "run `chokepoint --help` for the commands and options",
  conflictingModes: "choose one of --staged, --all, --since REV or FILE arguments",
  emptyBypass: "a bypass needs a reason: CHOKEPOINT_BYPASS (or --bypass) is empty",
  invisibleBypass: "a bypass reason must contain visible characters (letters, digits, punctuation or symbols): the one given shows nothing",
  bypassControl: "a bypass reason must not contain control characters or bidirectional overrides",
  bypassNotRecorded: (path, why) => `the check ran, but the bypass cannot be recorded at ${path} (${why}): a bypass is only accepted when the commit records it`,
  bypassNotRecordedHint: "make the git directory writable, or fix the findings",
  hookIsSymlink: (hook, target) => `the ${hook} hook is a symbolic link (to ${target}): installing would write through it`,
  hookIsSymlinkHint: "remove the link or point core.hooksPath elsewhere; `chokepoint install --force` replaces the link itself (never its target)",
  cwdGone: "the current directory no longer exists (it was deleted or moved)",
  cwdGoneHint: "cd into the repository again, or pass --cwd DIR",
  cachedAndRev: "--cached and --rev cannot be combined",
  groupCommentsNeedFrom: "--reasons-from-group-comments goes with --from",
  recordedBypassNeedsSince: "--recorded-bypass goes with --since REV",
  unknownValue: (option, value) => `unknown ${option} ${q(value)}`,
  unexpectedArgument: (arg) => `unexpected argument ${q(arg)}`,
  optionNotFor: (option, command) => `--${option} does not apply to \`chokepoint ${command}\``,
  emptyBypassHint: 'say why the commit must pass, e.g. CHOKEPOINT_BYPASS="hotfix #123, allowlist follows in #124" git commit',
  fileOutsideRepository: (path) => `${path} is outside the repository`,
  fileMissing: (path) => `${path} does not exist in the working tree`,
  directoryEmptyOfScope: (path) => `${path} is a directory with no file in chokepoint's scope`,
  directoryEmptyOfScopeHint: "name files or directories that hold in-scope Rust sources or manifests (`chokepoint explain PATH` says why a file is out of scope)",
  fileMissingHint: "name existing files (check for a typo); deleted files need no check",
  cachedNeedsAll: "--cached and --rev go with --all",
  unknownJudge: (value) => `unknown judge ${q(value)} in CHOKEPOINT_JUDGE`,
  unknownJudgeHint: "set CHOKEPOINT_JUDGE=plain for the reference judge, or leave it unset",
  rulesChanged: (configPath, where) => `${configPath} changed: the rules changed, so the whole ${where} was audited`,
  // baseline
  preExistingTitle: "pre-existing: HEAD already had these under its own config (not blocking)",
  baselineWritten: (path, findings, files) => `chokepoint: recorded ${findings} finding${findings === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} in ${path}; commit it with the config: from now on only findings beyond it fail`,
  baselinePruned: (path, removed, left) => `chokepoint: pruned ${removed} finding${removed === 1 ? "" : "s"} from ${path}; ${left} remain${left === 1 ? "s" : ""} baselined`,
  baselineMissing: (path) => `there is no baseline to prune at ${path}`,
  baselineMissingHint: "run `chokepoint baseline` first to record the current findings",
  baselineUnrecordable: (n) => `chokepoint: ${n} finding${n === 1 ? " is a" : "s are"} config problem${n === 1 ? "" : "s"}, which a baseline cannot accept: fix chokepoint.toml`,
  importedReasons: (needing, total, config) => needing === 0 ? `chokepoint: all ${total} allowlist entries got the comment directly above or beside them as their reason: review them` : `chokepoint: ${needing} of ${total} allowlist entries need a human reason: they had no comment of their own, and their reason in ${config} says so (quoting the nearest comment above, if any); --reasons-from-group-comments takes a group's heading comment instead`,
  baselineRewriteHint: "run `chokepoint baseline` to write it again from the current findings",
  // the dependency graph (Cargo.lock)
  bannedChain: (labels, crate, marker, o) => `Reaches banned crate \`${crate}\` (matches marker \`${marker}\`)${o.devOnly ? " through a dev-dependency" : ""}: ${labels.join(" \u2192 ")}` + (o.wrappers.length ? `; only ${o.wrappers.map((w) => `\`${w}\``).join(", ")} may depend on it directly` : "") + (o.stale.length ? `; ${o.lockPath} may be stale: it lists no ${o.stale.map((d) => `\`${d}\``).join(", ")} for this crate (run \`cargo update --workspace\` and stage it)` : "") + ".",
  chainFirstEdge: (member, child) => `${member} depends on ${child} here: the first edge of the chain`,
  chainLockEntry: (pkg, lockPath) => `${pkg} in ${lockPath}`,
  staleLockfile: (manifest, lockPath, missing) => `${lockPath} may be stale: ${manifest} declares ${missing.map((d) => `\`${d}\``).join(", ")}, which the lockfile does not list for it, so the graph check cannot follow ${missing.length === 1 ? "it" : "them"}: run \`cargo update --workspace\` (or any cargo build) and stage ${lockPath}`,
  invalidLockfile: (detail) => `Cargo.lock cannot be read as a lockfile: ${detail}`,
  lockfileNotToml: (detail) => `Cargo.lock is not valid TOML: ${detail}`
};

// dist/src/sharedState.js
function sharedState(name, create) {
  const global = globalThis;
  const key = Symbol.for(name);
  return global[key] ??= create();
}

// dist/src/git.js
function gitEnv(extra) {
  return { ...process.env, ...extra, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
}
var prefetched = sharedState("chokepoint.prefetchedGit", () => /* @__PURE__ */ new Map());
var prefetchKey = (args, cwd) => `${cwd}\0${args.join("\0")}`;
function prefetchGit(args, cwd) {
  if (prefetched.has(prefetchKey(args, cwd)))
    return;
  const pending = spawnGit(args, { cwd });
  pending.catch(() => void 0);
  prefetched.set(prefetchKey(args, cwd), pending);
}
function spawnGit(args, opts) {
  return new Promise((resolve2, reject) => {
    let child;
    try {
      child = process.getBuiltinModule("node:child_process").spawn("git", args, { cwd: opts.cwd, env: gitEnv(opts.env), stdio: [opts.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"] });
    } catch (e) {
      reject(spawnError(e, opts.cwd));
      return;
    }
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (e) => reject(spawnError(e, opts.cwd)));
    child.on("close", (code) => {
      resolve2({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), code: code ?? 1 });
    });
    if (child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(opts.input);
    }
  });
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function spawnError(e, cwd) {
  if (e.code !== "ENOENT" && e.code !== "ENOTDIR")
    return e;
  if (!isDirectory(cwd))
    return usageError(messages.notADirectory(cwd), messages.notADirectoryHint);
  return environmentError(messages.gitMissing, messages.gitMissingHint);
}
var REPOSITORY_QUERY = ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-common-dir", "--git-dir"];

// dist/src/source/changes.js
var DIFF_FLAGS = ["--raw", "-z", "--no-abbrev", "-M", "--no-ext-diff", "--no-color", "--diff-filter=ACDMRT", "--ignore-submodules=all"];
var STAGED_DIFF_ARGS = ["diff", "--cached", ...DIFF_FLAGS];

// dist/src/source/blobs.js
var CAT_FILE = ["cat-file", "--batch"];
var spawnCatFile = (cwd) => process.getBuiltinModule("node:child_process").spawn("git", CAT_FILE, { cwd, env: { ...process.env, LC_ALL: "C" }, stdio: ["pipe", "pipe", "pipe"] });
var warm = sharedState("chokepoint.warmBlobReaders", () => /* @__PURE__ */ new Map());
function holdOpen(child, hold) {
  for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
    if (hold)
      handle.ref?.();
    else
      handle.unref?.();
  }
}
function warmBlobReader(cwd, names = []) {
  if (warm.has(cwd))
    return;
  let child;
  try {
    child = spawnCatFile(cwd);
  } catch {
    return;
  }
  child.on("error", () => warm.delete(cwd));
  child.stdin.on("error", () => warm.delete(cwd));
  if (names.length)
    child.stdin.write(names.map((name) => `${name}
`).join(""));
  holdOpen(child, false);
  warm.set(cwd, { child, asked: names });
}

// dist/src/source/indexSnapshot.js
var snapshots = sharedState("chokepoint.indexSnapshots", () => /* @__PURE__ */ new Map());
function keepSnapshot(cwd, snapshot) {
  snapshots.set(cwd, snapshot);
}
function hasSnapshot(cwd) {
  return snapshots.has(cwd);
}

// dist/src/config/file.js
var CONFIG_FILE = "chokepoint.toml";

// dist/src/fastPath.js
var FAST_MODULE = "./fast/index.js";
var loaded;
function fastPathWanted(env = process.env) {
  const asked = env.CHOKEPOINT_JUDGE;
  return asked === void 0 || asked === "" || asked === "fast";
}
function loadFastPath(env = process.env) {
  if (!fastPathWanted(env))
    return Promise.resolve(void 0);
  loaded ??= import(new URL(FAST_MODULE, import.meta.url).href).then((mod) => mod, (err) => {
    if (err?.code === "ERR_MODULE_NOT_FOUND")
      return void 0;
    throw err;
  });
  return loaded;
}

// dist/src/hookStart.js
async function prefetchStagedCheck(dir, defaultConfig) {
  if (hasSnapshot(dir))
    return;
  const snapshot = (await loadFastPath().catch(() => void 0))?.readIndexSnapshot(dir, process.env);
  if (snapshot) {
    keepSnapshot(dir, snapshot);
    if (!snapshot.changes)
      prefetchGit(STAGED_DIFF_ARGS, dir);
    return;
  }
  prefetchGit(REPOSITORY_QUERY, dir);
  warmBlobReader(dir, defaultConfig ? [`:0:${CONFIG_FILE}`] : []);
  prefetchGit(STAGED_DIFF_ARGS, dir);
}
function isHookCommandLine(argv) {
  return argv.length === 0 || argv.length === 2 && argv[0] === "check" && argv[1] === "--staged";
}

// dist/src/launch.js
node_module_default.enableCompileCache?.();
if (isHookCommandLine(process.argv.slice(2)))
  await startHookGit();
await import("./cli.js");
async function startHookGit() {
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    return;
  }
  await prefetchStagedCheck(cwd, true);
}
