// Every sentence chokepoint says to a user, in one place, so wording stays
// consistent and each message says what is wrong and how to get out. The
// sentences of findings live with their kinds, in findings/catalogue.ts.

const q = (s: string): string => JSON.stringify(s);

export const messages = {
  // environment
  gitMissing: 'git was not found on PATH',
  gitMissingHint: 'install git, or start chokepoint from a shell whose PATH contains it',
  gitFailed: (args: readonly string[], stderr: string) => `\`git ${args.join(' ')}\` failed${stderr ? `: ${stderr}` : ''}`,
  notARepository: (cwd: string) => `${cwd} is not inside a git repository`,
  notARepositoryHint: 'run chokepoint inside the repository it should check, or pass --cwd DIR',
  notARepositoryNorConfig: (cwd: string, config: string) => `${cwd} is not inside a git repository, and there is no config at ${config} to audit the files on disk by`,
  needsRepository: (cwd: string, kind: string) =>
    `${cwd} is not inside a git repository: the ${kind === 'staged' ? 'staged check reads what git is about to commit' : kind === 'since' ? 'changed-files check asks git what changed' : kind === 'all' ? 'audit of the index or of a commit reads git' : 'file check resolves paths against the repository'}, so it needs one`,
  needsRepositoryHint: 'run it inside the repository, or audit the files on disk with `chokepoint --all` (which works without git)',
  auditedOnDisk: (root: string) => `not a git repository: audited the files on disk under ${root} that the config's scope names (no .gitignore applied)`,
  notADirectory: (cwd: string) => `${cwd} does not exist or is not a directory`,
  notADirectoryHint: 'pass --cwd an existing directory inside the repository to check',
  bareRepository: (cwd: string) => `${cwd} is a bare repository: it has no working tree or index to check`,
  bareRepositoryHint: 'run chokepoint in a clone with a working tree (for a commit, use --all --rev REV there)',
  unknownRevision: (rev: string) => `unknown revision ${q(rev)}`,
  unknownRevisionHint: 'name a commit, branch or tag that exists here (fetch it first in a shallow CI clone)',

  // config
  configMissing: (path: string) => `no config file at ${path}`,
  configMissingHint: 'run `chokepoint init` (or `chokepoint init --from path/to/architecture_guards.rs`) to create one',
  configNotUtf8: 'the config is not valid UTF-8 text',
  configNotUtf8Hint: 'save the config as UTF-8: TOML files must be UTF-8',
  configExists: (path: string) => `${path} already exists`,
  configExistsHint: 'pass --force to overwrite it',
  configNotWritten: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  configNotWrittenHint: 'pass --config a path in an existing, writable directory',

  // usage
  unknownCommand: (cmd: string) => `unknown command ${q(cmd)}`,
  usageHint: 'run `chokepoint --help` for the commands and options',
  conflictingModes: 'choose one of --staged, --all, --since REV or FILE arguments',
  emptyBypass: 'a bypass needs a reason: CHOKEPOINT_BYPASS (or --bypass) is empty',
  invisibleBypass: 'a bypass reason must contain visible characters (letters, digits, punctuation or symbols): the one given shows nothing',
  bypassControl: 'a bypass reason must not contain control characters or bidirectional overrides',
  bypassNotRecorded: (path: string, why: string) => `the check ran, but the bypass cannot be recorded at ${path} (${why}): a bypass is only accepted when the commit records it`,
  bypassNotRecordedHint: 'make the git directory writable, or fix the findings',
  hookIsSymlink: (hook: string, target: string) => `the ${hook} hook is a symbolic link (to ${target}): installing would write through it`,
  hookIsSymlinkHint: 'remove the link or point core.hooksPath elsewhere; `chokepoint install --force` replaces the link itself (never its target)',
  cwdGone: 'the current directory no longer exists (it was deleted or moved)',
  cwdGoneHint: 'cd into the repository again, or pass --cwd DIR',
  cachedAndRev: '--cached and --rev cannot be combined',
  groupCommentsNeedFrom: '--reasons-from-group-comments goes with --from',
  recordedBypassNeedsSince: '--recorded-bypass goes with --since REV',
  unknownValue: (option: string, value: string) => `unknown ${option} ${q(value)}`,
  unexpectedArgument: (arg: string) => `unexpected argument ${q(arg)}`,
  optionNotFor: (option: string, command: string) => `--${option} does not apply to \`chokepoint ${command}\``,
  emptyBypassHint: 'say why the commit must pass, e.g. CHOKEPOINT_BYPASS="hotfix #123, allowlist follows in #124" git commit',
  fileOutsideRepository: (path: string) => `${path} is outside the repository`,
  fileMissing: (path: string) => `${path} does not exist in the working tree`,
  directoryEmptyOfScope: (path: string) => `${path} is a directory with no file in chokepoint's scope`,
  directoryEmptyOfScopeHint: 'name files or directories that hold in-scope Rust sources or manifests (`chokepoint explain PATH` says why a file is out of scope)',
  fileMissingHint: 'name existing files (check for a typo); deleted files need no check',
  cachedNeedsAll: '--cached and --rev go with --all',
  unknownJudge: (value: string) => `unknown judge ${q(value)} in CHOKEPOINT_JUDGE`,
  unknownJudgeHint: 'set CHOKEPOINT_JUDGE=plain for the reference judge, or leave it unset',

  rulesChanged: (configPath: string, where: string) => `${configPath} changed: the rules changed, so the whole ${where} was audited`,

  // baseline
  preExistingTitle: 'pre-existing: HEAD already had these under its own config (not blocking)',
  baselineWritten: (path: string, findings: number, files: number) =>
    `chokepoint: recorded ${findings} finding${findings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} in ${path}; commit it with the config: from now on only findings beyond it fail`,
  baselinePruned: (path: string, removed: number, left: number) => `chokepoint: pruned ${removed} finding${removed === 1 ? '' : 's'} from ${path}; ${left} remain${left === 1 ? 's' : ''} baselined`,
  baselineMissing: (path: string) => `there is no baseline to prune at ${path}`,
  baselineMissingHint: 'run `chokepoint baseline` first to record the current findings',
  baselineUnrecordable: (n: number) => `chokepoint: ${n} finding${n === 1 ? ' is a' : 's are'} config problem${n === 1 ? '' : 's'}, which a baseline cannot accept: fix chokepoint.toml`,
  importedReasons: (needing: number, total: number, config: string) =>
    needing === 0
      ? `chokepoint: all ${total} allowlist entries got the comment directly above or beside them as their reason: review them`
      : `chokepoint: ${needing} of ${total} allowlist entries need a human reason: they had no comment of their own, and their reason in ${config} says so (quoting the nearest comment above, if any); --reasons-from-group-comments takes a group's heading comment instead`,
  baselineRewriteHint: 'run `chokepoint baseline` to write it again from the current findings',
  // the dependency graph (Cargo.lock)
  bannedChain: (labels: readonly string[], crate: string, marker: string, o: { devOnly: boolean; wrappers: readonly string[]; stale: readonly string[]; lockPath: string }) =>
    `Reaches banned crate \`${crate}\` (matches marker \`${marker}\`)${o.devOnly ? ' through a dev-dependency' : ''}: ${labels.join(' → ')}` +
    (o.wrappers.length ? `; only ${o.wrappers.map((w) => `\`${w}\``).join(', ')} may depend on it directly` : '') +
    (o.stale.length ? `; ${o.lockPath} may be stale: it lists no ${o.stale.map((d) => `\`${d}\``).join(', ')} for this crate (run \`cargo update --workspace\` and stage it)` : '') +
    '.',
  chainFirstEdge: (member: string, child: string) => `${member} depends on ${child} here: the first edge of the chain`,
  chainLockEntry: (pkg: string, lockPath: string) => `${pkg} in ${lockPath}`,
  staleLockfile: (manifest: string, lockPath: string, missing: readonly string[]) =>
    `${lockPath} may be stale: ${manifest} declares ${missing.map((d) => `\`${d}\``).join(', ')}, which the lockfile does not list for it, so the graph check cannot follow ${missing.length === 1 ? 'it' : 'them'}: run \`cargo update --workspace\` (or any cargo build) and stage ${lockPath}`,
  invalidLockfile: (detail: string) => `Cargo.lock cannot be read as a lockfile: ${detail}`,
  lockfileNotToml: (detail: string) => `Cargo.lock is not valid TOML: ${detail}`,

} as const;
