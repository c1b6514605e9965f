#!/usr/bin/env node
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// builtin:node:fs
var m, closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync;
var init_node_fs = __esm({
  "builtin:node:fs"() {
    m = process.getBuiltinModule("node:fs");
    closeSync = m.closeSync;
    constants = m.constants;
    existsSync = m.existsSync;
    fstatSync = m.fstatSync;
    lstatSync = m.lstatSync;
    mkdirSync = m.mkdirSync;
    openSync = m.openSync;
    readFileSync = m.readFileSync;
    readSync = m.readSync;
    readdirSync = m.readdirSync;
    readlinkSync = m.readlinkSync;
    realpathSync = m.realpathSync;
    renameSync = m.renameSync;
    statSync = m.statSync;
    unlinkSync = m.unlinkSync;
    writeFileSync = m.writeFileSync;
    writeSync = m.writeSync;
  }
});

// builtin:node:path
var m2, basename, dirname, isAbsolute, join, posix, relative, resolve, sep;
var init_node_path = __esm({
  "builtin:node:path"() {
    m2 = process.getBuiltinModule("node:path");
    basename = m2.basename;
    dirname = m2.dirname;
    isAbsolute = m2.isAbsolute;
    join = m2.join;
    posix = m2.posix;
    relative = m2.relative;
    resolve = m2.resolve;
    sep = m2.sep;
  }
});

// dist/src/errors.js
var UserError, usageError, configError, environmentError;
var init_errors = __esm({
  "dist/src/errors.js"() {
    "use strict";
    UserError = class extends Error {
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
        const at2 = w ? `${show(w.file)}${w.line !== void 0 ? `:${w.line}` : ""}${w.line !== void 0 && w.column !== void 0 ? `:${w.column}` : ""}: ` : "";
        return `${at2}${show(this.message)}${this.hint ? `
  hint: ${this.hint.split("\n").map(show).join("\n")}` : ""}`;
      }
    };
    usageError = (message, hint) => new UserError("usage", message, void 0, hint);
    configError = (file, message, line, column, hint) => new UserError("config", message, { file, line, column }, hint);
    environmentError = (message, hint) => new UserError("environment", message, void 0, hint);
  }
});

// dist/src/messages.js
var q, messages;
var init_messages = __esm({
  "dist/src/messages.js"() {
    "use strict";
    q = (s) => JSON.stringify(s);
    messages = {
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
  }
});

// dist/src/bypass/reason.js
function normaliseBypassReason(raw) {
  if (UNSAFE.test(raw))
    throw usageError(messages.bypassControl, messages.emptyBypassHint);
  const reason = raw.replace(/\s+/gu, " ").trim();
  if (reason === "")
    throw usageError(messages.emptyBypass, messages.emptyBypassHint);
  if (!VISIBLE.test(reason.replace(INVISIBLE, "")))
    throw usageError(messages.invisibleBypass, messages.emptyBypassHint);
  return reason;
}
function isVisibleReason(reason) {
  try {
    normaliseBypassReason(reason);
    return true;
  } catch {
    return false;
  }
}
var INVISIBLE, VISIBLE, UNSAFE;
var init_reason = __esm({
  "dist/src/bypass/reason.js"() {
    "use strict";
    init_errors();
    init_messages();
    INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
    VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
    UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
  }
});

// dist/src/report/safeText.js
function visible(ch) {
  const code = ch.codePointAt(0);
  return SHORT[ch] ?? (code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`);
}
function escapeVisibly(text) {
  return text.replace(UNSAFE2, visible);
}
function escapeVisiblyButLineBreaks(text) {
  return text.replace(UNSAFE2, (ch) => ch === "\n" || ch === "\r" ? ch : visible(ch));
}
function safeJson(value, indent) {
  return JSON.stringify(value, null, indent).replace(UNSAFE_AFTER_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
var UNSAFE2, UNSAFE_AFTER_JSON, SHORT;
var init_safeText = __esm({
  "dist/src/report/safeText.js"() {
    "use strict";
    UNSAFE2 = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
    UNSAFE_AFTER_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
    SHORT = { "	": "\\t", "\n": "\\n", "\r": "\\r" };
  }
});

// builtin:node:url
var m4, fileURLToPath;
var init_node_url = __esm({
  "builtin:node:url"() {
    m4 = process.getBuiltinModule("node:url");
    fileURLToPath = m4.fileURLToPath;
  }
});

// dist/src/version.js
var version_exports = {};
__export(version_exports, {
  packageDir: () => packageDir,
  readPackageVersion: () => readPackageVersion
});
function readPackageVersion() {
  version ??= JSON.parse(readFileSync(new URL("package.json", PACKAGE_ROOT), "utf8")).version;
  return version;
}
var PACKAGE_ROOT, packageDir, version;
var init_version = __esm({
  "dist/src/version.js"() {
    "use strict";
    init_node_fs();
    init_node_url();
    PACKAGE_ROOT = new URL("../../", import.meta.url);
    packageDir = () => fileURLToPath(PACKAGE_ROOT);
  }
});

// dist/src/rust/tokens.js
function isPunctAt(ts, k, code) {
  return k >= 0 && k < ts.count && ts.kind[k] === PUNCT && ts.code[k] === code;
}
function isPathSepAt(ts, k) {
  return k >= 0 && k < ts.count && ts.kind[k] === PATH_SEP;
}
function isWordAt(ts, k, word) {
  if (k < 0 || k >= ts.count || ts.kind[k] !== IDENT)
    return false;
  const s = ts.start[k];
  return ts.end[k] - s === word.length && ts.src.startsWith(word, s);
}
function isIdentLikeAt(ts, k) {
  const kind = ts.kind[k];
  return kind === IDENT || kind === RAW_IDENT;
}
function isOpenAt(ts, k) {
  if (ts.kind[k] !== PUNCT)
    return false;
  const c = ts.code[k];
  return c === LBRACE || c === LPAREN || c === LBRACKET;
}
function isCloseAt(ts, k) {
  if (ts.kind[k] !== PUNCT)
    return false;
  const c = ts.code[k];
  return c === RBRACE || c === RPAREN || c === RBRACKET;
}
function viewStart(ts, k) {
  return ts.kind[k] === RAW_IDENT ? ts.start[k] + 2 : ts.start[k];
}
function tokenText(ts, k) {
  return ts.kind[k] === LITERAL ? LITERAL_PLACEHOLDER : ts.src.slice(viewStart(ts, k), ts.end[k]);
}
function pairBrackets(ts) {
  const pairs = new Int32Array(ts.count).fill(-1);
  const stack = [];
  for (let k = 0; k < ts.count; k++) {
    if (ts.kind[k] !== PUNCT)
      continue;
    const c = ts.code[k];
    if (c === LBRACE || c === LPAREN || c === LBRACKET) {
      stack.push(k);
    } else if (c === RBRACE || c === RPAREN || c === RBRACKET) {
      const open = stack.pop();
      if (open !== void 0) {
        pairs[open] = k;
        pairs[k] = open;
      }
    }
  }
  return pairs;
}
var IDENT, RAW_IDENT, LIFETIME, LITERAL, NUMBER, PUNCT, PATH_SEP, HASH, BANG, LPAREN, RPAREN, COMMA, DOT, SEMI, LT, EQ, QUESTION, LBRACKET, RBRACKET, LBRACE, PIPE, RBRACE, LITERAL_PLACEHOLDER;
var init_tokens = __esm({
  "dist/src/rust/tokens.js"() {
    "use strict";
    IDENT = 1;
    RAW_IDENT = 2;
    LIFETIME = 3;
    LITERAL = 4;
    NUMBER = 5;
    PUNCT = 6;
    PATH_SEP = 7;
    HASH = 35;
    BANG = 33;
    LPAREN = 40;
    RPAREN = 41;
    COMMA = 44;
    DOT = 46;
    SEMI = 59;
    LT = 60;
    EQ = 61;
    QUESTION = 63;
    LBRACKET = 91;
    RBRACKET = 93;
    LBRACE = 123;
    PIPE = 124;
    RBRACE = 125;
    LITERAL_PLACEHOLDER = '""';
  }
});

// dist/src/rust/codeView.js
function buildCodeView(ts, omit, from = 0, to = ts.count) {
  const { src, kind, start, end } = ts;
  const units = src.length + LITERAL_PLACEHOLDER.length;
  if (unitScratch.length < units)
    unitScratch = new Uint16Array(Math.max(units, unitScratch.length * 2));
  const out = unitScratch;
  let length = 0;
  const copy = (a, b) => {
    for (let i = a; i < b; i++)
      out[length++] = src.charCodeAt(i);
  };
  const runSlots = Math.max(1, 2 * (to - from) + 1) * 4;
  if (runScratch.length < runSlots)
    runScratch = new Int32Array(Math.max(runSlots, runScratch.length * 2));
  const written = runScratch;
  let count2 = 0;
  const run = (at2, a, b, what) => {
    written[count2 * 4] = at2;
    written[count2 * 4 + 1] = a;
    written[count2 * 4 + 2] = b;
    written[count2 * 4 + 3] = what;
    count2++;
  };
  let prev = -1;
  let prevEnd = -1;
  let skipped = false;
  for (let k = from; k < to; k++) {
    if (omit !== void 0 && omit[k] !== 0) {
      skipped = prev >= 0;
      continue;
    }
    const isLiteral = kind[k] === LITERAL;
    const first = viewStart(ts, k);
    if (prevEnd >= 0 && first === prevEnd && !isLiteral && !skipped) {
      copy(first, end[k]);
      prevEnd = end[k];
      prev = k;
      continue;
    }
    if (prev >= 0 && (skipped || start[k] !== end[prev] && kind[k] !== PATH_SEP && kind[prev] !== PATH_SEP)) {
      run(length, end[prev], end[prev], GAP);
      out[length++] = skipped ? BARRIER_CODE : SPACE_CODE;
    }
    skipped = false;
    prev = k;
    if (isLiteral) {
      run(length, start[k], end[k], LITERAL_RUN);
      for (let i = 0; i < LITERAL_PLACEHOLDER.length; i++)
        out[length++] = LITERAL_PLACEHOLDER.charCodeAt(i);
      prevEnd = -1;
    } else {
      run(length, first, end[k], VERBATIM);
      copy(first, end[k]);
      prevEnd = end[k];
    }
  }
  const text = utf16.decode(out.subarray(0, length));
  const runs = count2 > 0 ? written.slice(0, count2 * 4) : new Int32Array(4);
  return new View(text, runs, count2);
}
var VIEW_BARRIER, BARRIER_CODE, SPACE_CODE, utf16, VERBATIM, LITERAL_RUN, GAP, unitScratch, runScratch, View;
var init_codeView = __esm({
  "dist/src/rust/codeView.js"() {
    "use strict";
    init_tokens();
    VIEW_BARRIER = "\n";
    BARRIER_CODE = VIEW_BARRIER.charCodeAt(0);
    SPACE_CODE = 32;
    utf16 = new TextDecoder("utf-16le");
    VERBATIM = 0;
    LITERAL_RUN = 1;
    GAP = 2;
    unitScratch = new Uint16Array(0);
    runScratch = new Int32Array(0);
    View = class {
      text;
      runs;
      count;
      constructor(text, runs, count2) {
        this.text = text;
        this.runs = runs;
        this.count = count2;
      }
      offsetAt(index) {
        const runs = this.runs;
        let lo = 0;
        let hi = this.count - 1;
        while (lo < hi) {
          const mid = lo + hi + 1 >> 1;
          if (runs[mid * 4] <= index)
            lo = mid;
          else
            hi = mid - 1;
        }
        const at2 = lo * 4;
        const within2 = index - runs[at2];
        switch (runs[at2 + 3]) {
          case VERBATIM:
            return runs[at2 + 1] + within2;
          case LITERAL_RUN:
            return within2 === 0 ? runs[at2 + 1] : runs[at2 + 2] - 1;
          default:
            return runs[at2 + 1];
        }
      }
    };
  }
});

// dist/src/rust/chars.js
function isRustWhitespace(c) {
  return c === 32 || c >= 9 && c <= 13 || c === 133 || c === 8206 || c === 8207 || c === 8232 || c === 8233;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isIdentStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c >= 128 && !isRustWhitespace(c);
}
function isIdentContinue(c) {
  return isIdentStart(c) || isDigit(c);
}
function charClass(c) {
  return c < 128 ? ASCII_CLASS[c] : isRustWhitespace(c) ? CLASS_SPACE : CLASS_IDENT;
}
var CLASS_SPACE, CLASS_IDENT, CLASS_DIGIT, CLASS_PUNCT, ASCII_CLASS, ASCII_IDENT_CONTINUE;
var init_chars = __esm({
  "dist/src/rust/chars.js"() {
    "use strict";
    CLASS_SPACE = 1;
    CLASS_IDENT = 2;
    CLASS_DIGIT = 3;
    CLASS_PUNCT = 4;
    ASCII_CLASS = (() => {
      const table2 = new Uint8Array(128);
      for (let c = 0; c < 128; c++) {
        if (isRustWhitespace(c))
          table2[c] = CLASS_SPACE;
        else if (isDigit(c))
          table2[c] = CLASS_DIGIT;
        else if (isIdentStart(c))
          table2[c] = CLASS_IDENT;
        else if (c > 32 && c < 127 && !`/"':`.includes(String.fromCharCode(c)))
          table2[c] = CLASS_PUNCT;
      }
      return table2;
    })();
    ASCII_IDENT_CONTINUE = (() => {
      const table2 = new Uint8Array(128);
      for (let c = 0; c < 128; c++)
        table2[c] = isIdentContinue(c) ? 1 : 0;
      return table2;
    })();
  }
});

// dist/src/rust/lexer.js
function tokenize(src) {
  const n = src.length;
  let capacity = (n >> 2) + 16;
  let { starts, ends, codes, kind } = columns(capacity);
  let count2 = 0;
  let i = src.charCodeAt(0) === BOM ? 1 : 0;
  i = skipShebang(src, i);
  while (i < n) {
    const c = src.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CLASS_SPACE) {
      i = spaceEnd(src, i + 1);
      continue;
    }
    const start = i;
    let k;
    if (cls === CLASS_PUNCT) {
      k = PUNCT;
      i = c === DOT2 && src.charCodeAt(i + 1) === DOT2 ? rangeEnd(src, i + 2) : i + 1;
    } else if (cls === CLASS_IDENT) {
      const litEnd = c === LOWER_B || c === LOWER_C || c === LOWER_R ? prefixedLiteralEnd(src, i, c) : -1;
      if (litEnd > 0) {
        k = LITERAL;
        i = litEnd;
      } else if (c === LOWER_R && src.charCodeAt(i + 1) === HASH2 && isIdentStart(src.charCodeAt(i + 2))) {
        k = RAW_IDENT;
        i = identEnd(src, i + 3);
      } else {
        k = IDENT;
        i = identEnd(src, i + 1);
      }
    } else if (cls === CLASS_DIGIT) {
      k = NUMBER;
      i = numberEnd(src, i);
    } else if (c === SLASH && src.charCodeAt(i + 1) === SLASH) {
      const nl = src.indexOf("\n", i + 2);
      i = nl < 0 ? n : nl;
      continue;
    } else if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
      i = blockCommentEnd(src, i + 2);
      continue;
    } else if (c === DQUOTE) {
      k = LITERAL;
      i = quotedEnd(src, i + 1);
    } else if (c === QUOTE) {
      const charEnd = charLiteralEnd(src, i);
      if (charEnd > 0) {
        k = LITERAL;
        i = charEnd;
      } else {
        i = quoteEnd(src, i);
        k = i - start === 1 ? PUNCT : src.charCodeAt(i - 1) === QUOTE ? LITERAL : LIFETIME;
      }
    } else if (c === COLON && src.charCodeAt(i + 1) === COLON) {
      k = PATH_SEP;
      i += 2;
    } else {
      k = PUNCT;
      i++;
    }
    if (count2 === capacity) {
      capacity *= 2;
      const more = columns(capacity);
      more.starts.set(starts);
      more.ends.set(ends);
      more.codes.set(codes);
      more.kind.set(kind);
      ({ starts, ends, codes, kind } = more);
    }
    kind[count2] = k;
    starts[count2] = start;
    ends[count2] = i;
    codes[count2] = c;
    count2++;
  }
  return {
    src,
    count: count2,
    kind: kind.subarray(0, count2),
    start: starts.subarray(0, count2),
    end: ends.subarray(0, count2),
    code: codes.subarray(0, count2)
  };
}
function rangeEnd(src, k) {
  const c = src.charCodeAt(k);
  return c === DOT2 || c === 61 ? k + 1 : k;
}
function columns(capacity) {
  const buffer = new ArrayBuffer(capacity * COLUMN_BYTES);
  return {
    starts: new Int32Array(buffer, 0, capacity),
    ends: new Int32Array(buffer, capacity * 4, capacity),
    codes: new Uint16Array(buffer, capacity * 8, capacity),
    kind: new Uint8Array(buffer, capacity * 10, capacity)
  };
}
function skipShebang(src, i) {
  if (src.charCodeAt(i) !== HASH2 || src.charCodeAt(i + 1) !== 33)
    return i;
  let k = i + 2;
  for (; ; ) {
    while (k < src.length && isRustWhitespace(src.charCodeAt(k)))
      k++;
    if (src.charCodeAt(k) !== SLASH)
      break;
    const next = src.charCodeAt(k + 1);
    const third = src.charCodeAt(k + 2);
    if (next === SLASH && (third !== SLASH || src.charCodeAt(k + 3) === SLASH) && third !== 33) {
      const nl2 = src.indexOf("\n", k);
      k = nl2 < 0 ? src.length : nl2;
    } else if (next === STAR && (third !== STAR || src.charCodeAt(k + 3) === STAR || src.charCodeAt(k + 3) === SLASH) && third !== 33) {
      k = blockCommentEnd(src, k + 2);
    } else {
      break;
    }
  }
  if (src.charCodeAt(k) === LBRACKET2)
    return i;
  const nl = src.indexOf("\n", i);
  return nl < 0 ? src.length : nl;
}
function blockCommentEnd(src, k) {
  const n = src.length;
  let depth = 1;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === SLASH && src.charCodeAt(k + 1) === STAR) {
      depth++;
      k += 2;
    } else if (c === STAR && src.charCodeAt(k + 1) === SLASH) {
      k += 2;
      if (--depth === 0)
        return k;
    } else {
      k++;
    }
  }
  return n;
}
function spaceEnd(src, k) {
  const n = src.length;
  while (k < n && charClass(src.charCodeAt(k)) === CLASS_SPACE)
    k++;
  return k;
}
function identEnd(src, k) {
  const n = src.length;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c < 128 ? ASCII_IDENT_CONTINUE[c] === 0 : isRustWhitespace(c))
      break;
    k++;
  }
  return k;
}
function quotedEnd(src, k) {
  const n = src.length;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH)
      k += 2;
    else if (c === DQUOTE)
      return k + 1;
    else
      k++;
  }
  return n;
}
function prefixedLiteralEnd(src, i, c) {
  let r = i;
  if (c === LOWER_B || c === LOWER_C) {
    const c2 = src.charCodeAt(i + 1);
    if (c2 === DQUOTE)
      return quotedEnd(src, i + 2);
    if (c === LOWER_B && c2 === QUOTE) {
      const end = charLiteralEnd(src, i + 1);
      return end > 0 ? end : i + 2;
    }
    if (c2 !== LOWER_R)
      return -1;
    r = i + 1;
  } else if (c !== LOWER_R) {
    return -1;
  }
  return rawStringEnd(src, r + 1);
}
function rawStringEnd(src, k) {
  const n = src.length;
  let hashes = 0;
  while (src.charCodeAt(k + hashes) === HASH2)
    hashes++;
  if (src.charCodeAt(k + hashes) !== DQUOTE)
    return -1;
  let j = k + hashes + 1;
  while (j < n) {
    if (src.charCodeAt(j) !== DQUOTE) {
      j++;
      continue;
    }
    let h = 0;
    while (h < hashes && src.charCodeAt(j + 1 + h) === HASH2)
      h++;
    if (h === hashes)
      return j + 1 + hashes;
    j += 1 + h;
  }
  return n;
}
function charLiteralEnd(src, q3) {
  const n = src.length;
  const c1 = src.charCodeAt(q3 + 1);
  if (c1 === BACKSLASH) {
    const limit = Math.min(n, q3 + 16);
    for (let k = q3 + 3; k < limit; k++) {
      const ck = src.charCodeAt(k);
      if (ck === QUOTE)
        return k + 1;
      if (ck === LF)
        break;
    }
    return Math.min(n, q3 + 2);
  }
  if (q3 + 1 >= n)
    return -1;
  const width2 = c1 >= 55296 && c1 <= 56319 && isLowSurrogate(src.charCodeAt(q3 + 2)) ? 2 : 1;
  return src.charCodeAt(q3 + 1 + width2) === QUOTE ? q3 + 2 + width2 : -1;
}
function isLowSurrogate(c) {
  return c >= 56320 && c <= 57343;
}
function quoteEnd(src, i) {
  let k = i + 1;
  if (src.charCodeAt(k) === LOWER_R && src.charCodeAt(k + 1) === HASH2 && isIdentStart(src.charCodeAt(k + 2)))
    k += 2;
  if (!isIdentStart(src.charCodeAt(k)))
    return i + 1;
  const end = identEnd(src, k + 1);
  return src.charCodeAt(end) === QUOTE ? end + 1 : end;
}
function numberEnd(src, i) {
  const n = src.length;
  let k = i + 1;
  const c1 = src.charCodeAt(k);
  const radix = src.charCodeAt(i) === 48 && (c1 === 120 || c1 === 111 || c1 === 98);
  let seenDot = false;
  let seenExp = false;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (isIdentContinue(c)) {
      if (!radix && (c === 101 || c === 69)) {
        seenExp = true;
        const s = src.charCodeAt(k + 1);
        if ((s === PLUS || s === MINUS) && isDigit(src.charCodeAt(k + 2))) {
          k += 3;
          continue;
        }
      }
      k++;
      continue;
    }
    if (c === DOT2 && !radix && !seenDot && !seenExp) {
      const next = src.charCodeAt(k + 1);
      if (next === DOT2 || isIdentStart(next))
        break;
      seenDot = true;
      k++;
      continue;
    }
    break;
  }
  return k;
}
function tokenizeWithComments(src) {
  const tokens = tokenize(src);
  const comments = [];
  let from = skipShebang(src, src.charCodeAt(0) === BOM ? 1 : 0);
  for (let k = 0; k <= tokens.count; k++) {
    const to = k < tokens.count ? tokens.start[k] : src.length;
    for (let i = from; i < to; ) {
      const c = src.charCodeAt(i);
      if (c === SLASH && src.charCodeAt(i + 1) === SLASH) {
        const nl = src.indexOf("\n", i + 2);
        const end = nl < 0 || nl > to ? to : nl;
        comments.push({ start: i, end });
        i = end;
      } else if (c === SLASH && src.charCodeAt(i + 1) === STAR) {
        const end = blockCommentEnd(src, i + 2);
        comments.push({ start: i, end });
        i = end;
      } else {
        i++;
      }
    }
    if (k < tokens.count)
      from = tokens.end[k];
  }
  return { tokens, comments };
}
var KIND_NAMES, LF, DQUOTE, HASH2, QUOTE, STAR, PLUS, MINUS, DOT2, SLASH, COLON, LBRACKET2, BACKSLASH, LOWER_B, LOWER_C, LOWER_R, BOM, COLUMN_BYTES;
var init_lexer = __esm({
  "dist/src/rust/lexer.js"() {
    "use strict";
    init_chars();
    init_tokens();
    KIND_NAMES = {
      [IDENT]: "ident",
      [RAW_IDENT]: "rawIdent",
      [LIFETIME]: "lifetime",
      [LITERAL]: "literal",
      [NUMBER]: "number",
      [PUNCT]: "punct",
      [PATH_SEP]: "punct"
    };
    LF = 10;
    DQUOTE = 34;
    HASH2 = 35;
    QUOTE = 39;
    STAR = 42;
    PLUS = 43;
    MINUS = 45;
    DOT2 = 46;
    SLASH = 47;
    COLON = 58;
    LBRACKET2 = 91;
    BACKSLASH = 92;
    LOWER_B = 98;
    LOWER_C = 99;
    LOWER_R = 114;
    BOM = 65279;
    COLUMN_BYTES = 11;
  }
});

// dist/src/rust/escapes.js
function unescapeAt(text, at2) {
  const e = text[at2 + 1];
  const k = at2 + 2;
  if (e === void 0)
    return { value: "", next: at2 + 1, problem: "unknown escape `\\`" };
  const simple = SIMPLE[e];
  if (simple !== void 0)
    return { value: simple, next: k };
  switch (e) {
    case "x":
      return { value: String.fromCharCode(parseInt(text.slice(k, k + 2), 16) || 0), next: k + 2 };
    case "u": {
      const close = text.indexOf("}", k);
      const braced = text[k] === "{" && close > k;
      const cp = braced ? parseInt(text.slice(k + 1, close).replace(/_/g, ""), 16) : NaN;
      if (Number.isInteger(cp) && cp >= 0 && cp <= 1114111)
        return { value: String.fromCodePoint(cp), next: close + 1 };
      return { value: "", next: braced ? close + 1 : k, problem: "malformed `\\u{\u2026}` escape" };
    }
    case "\n":
    case "\r": {
      let j = at2 + 1;
      while (text[j] === " " || text[j] === "	" || text[j] === "\n" || text[j] === "\r")
        j++;
      return { value: "", next: j };
    }
    default:
      return { value: e, next: k, problem: `unknown escape \`\\${e}\`` };
  }
}
var SIMPLE;
var init_escapes = __esm({
  "dist/src/rust/escapes.js"() {
    "use strict";
    SIMPLE = { n: "\n", r: "\r", t: "	", "0": "\0", "\\": "\\", "'": "'", '"': '"' };
  }
});

// dist/src/rust/attributes.js
function attributeAt(ts, pairs, k) {
  if (!isPunctAt(ts, k, HASH))
    return void 0;
  const inner = isPunctAt(ts, k + 1, BANG);
  const open = inner ? k + 2 : k + 1;
  if (!isPunctAt(ts, open, LBRACKET))
    return void 0;
  const close = pairs[open];
  if (close < 0)
    return void 0;
  let p = open + 1;
  let path = "";
  while (p < close && (isIdentLikeAt(ts, p) || isPathSepAt(ts, p))) {
    path += isPathSepAt(ts, p) ? "::" : tokenText(ts, p);
    p++;
  }
  const attr = { start: k, end: close + 1, inner, path };
  const argsEnd = p < close ? pairs[p] : -1;
  if (isPunctAt(ts, p, LPAREN) && argsEnd > p && argsEnd < close) {
    attr.args = [p + 1, argsEnd];
  } else if (isPunctAt(ts, p, EQ) && p + 1 < close) {
    attr.valueIndex = p + 1;
  }
  return attr;
}
function isTestHarnessAttr(attr) {
  return attr.path === "test" || attr.path === "bench" || attr.path.endsWith("::test") && attr.path.length > 6;
}
function isTestOnlyCfgAttr(ts, pairs, attr) {
  return attr.path === "cfg" && attr.args !== void 0 && cfgIsTestOnly(ts, pairs, attr.args[0], attr.args[1]);
}
function cfgIsTestOnly(ts, pairs, from, to, depth = 0) {
  if (depth > MAX_CFG_DEPTH || from >= to)
    return false;
  if (to - from === 1)
    return isWordAt(ts, from, "test");
  const isAll = isWordAt(ts, from, "all");
  if (!isAll && !isWordAt(ts, from, "any"))
    return false;
  const open = from + 1;
  if (!isPunctAt(ts, open, LPAREN) || pairs[open] !== to - 1)
    return false;
  const args = splitCommaList(ts, pairs, open + 1, to - 1);
  if (isAll)
    return args.some(([a, b]) => cfgIsTestOnly(ts, pairs, a, b, depth + 1));
  return args.length > 0 && args.every(([a, b]) => cfgIsTestOnly(ts, pairs, a, b, depth + 1));
}
function splitCommaList(ts, pairs, from, to) {
  const out = [];
  let start = from;
  let k = from;
  while (k < to) {
    if (isOpenAt(ts, k) && pairs[k] > k) {
      k = pairs[k] + 1;
      continue;
    }
    if (isPunctAt(ts, k, COMMA)) {
      if (k > start)
        out.push([start, k]);
      start = k + 1;
    } else if (isCloseAt(ts, k)) {
      break;
    }
    k++;
  }
  if (Math.min(k, to) > start)
    out.push([start, Math.min(k, to)]);
  return out;
}
function pathAttrValue(ts, attr) {
  const v = attr.valueIndex;
  if (attr.path !== "path" || v === void 0 || ts.kind[v] !== LITERAL)
    return void 0;
  return stringLiteralValue(ts.src.slice(ts.start[v], ts.end[v]));
}
function cfgAttrPathValues(ts, pairs, attr, depth = 0) {
  if (attr.path !== "cfg_attr" || attr.args === void 0 || depth > MAX_CFG_DEPTH)
    return [];
  const [, ...rest] = splitCommaList(ts, pairs, attr.args[0], attr.args[1]);
  const out = [];
  for (const [a, b] of rest) {
    if (isWordAt(ts, a, "path") && isPunctAt(ts, a + 1, EQ) && a + 2 < b && ts.kind[a + 2] === LITERAL) {
      const v = stringLiteralValue(ts.src.slice(ts.start[a + 2], ts.end[a + 2]));
      if (v !== void 0)
        out.push(v);
    } else if (isWordAt(ts, a, "cfg_attr") && isPunctAt(ts, a + 1, LPAREN) && pairs[a + 1] > a + 1) {
      out.push(...cfgAttrPathValues(ts, pairs, { start: a, end: b, inner: false, path: "cfg_attr", args: [a + 2, pairs[a + 1]] }, depth + 1));
    }
  }
  return out;
}
function stringLiteralValue(raw) {
  if (raw.startsWith("r")) {
    let h = 1;
    while (raw.charCodeAt(h) === 35)
      h++;
    const hashes = h - 1;
    if (raw.charCodeAt(h) !== 34)
      return void 0;
    const closing = '"' + "#".repeat(hashes);
    const end = raw.endsWith(closing) && raw.length >= h + 1 + closing.length ? raw.length - closing.length : raw.length;
    return raw.slice(h + 1, end);
  }
  if (!raw.startsWith('"'))
    return void 0;
  let out = "";
  let k = 1;
  while (k < raw.length) {
    const c = raw[k];
    if (c === '"')
      break;
    if (c !== "\\") {
      out += c;
      k++;
      continue;
    }
    const esc = unescapeAt(raw, k);
    out += esc.value;
    k = esc.next;
  }
  return out;
}
var MAX_CFG_DEPTH;
var init_attributes = __esm({
  "dist/src/rust/attributes.js"() {
    "use strict";
    init_escapes();
    init_tokens();
    MAX_CFG_DEPTH = 64;
  }
});

// dist/src/rust/moduleDecls.js
function collectModuleDecls(ts, pairs, testMask, testOnlyFile, locate2) {
  const decls = [];
  let any = false;
  for (let k = 0; k < ts.count && !any; k++)
    any = isDeclAt(ts, k);
  if (!any)
    return decls;
  const stack = [];
  for (let k = 0; k < ts.count; k++) {
    if (isOpenAt(ts, k)) {
      let entry = null;
      if (isPunctAt(ts, k, LBRACE) && isIdentLikeAt(ts, k - 1) && isWordAt(ts, k - 2, "mod")) {
        const path = pathOf(ts, outerAttributes(ts, pairs, k - 2)) ?? pathOf(ts, innerAttributes(ts, pairs, k + 1));
        entry = { name: tokenText(ts, k - 1), path: path ?? null };
      }
      stack.push(entry);
      continue;
    }
    if (isCloseAt(ts, k)) {
      stack.pop();
      continue;
    }
    if (!isDeclAt(ts, k))
      continue;
    const attrs = outerAttributes(ts, pairs, k);
    const parents = stack.filter((m7) => m7 !== null);
    const pos = locate2(ts.start[k]);
    const decl = {
      name: tokenText(ts, k + 1),
      testOnly: testOnlyFile || testMask[k] === 1 || attrs.some((a) => isTestOnlyCfgAttr(ts, pairs, a)),
      inlineParents: parents.map((m7) => m7.name),
      line: pos.line,
      column: pos.column
    };
    const pathAttr = pathOf(ts, attrs);
    if (pathAttr !== void 0)
      decl.pathAttr = pathAttr;
    const cfgAttrPaths = attrs.flatMap((a) => cfgAttrPathValues(ts, pairs, a));
    if (cfgAttrPaths.length > 0)
      decl.cfgAttrPaths = cfgAttrPaths;
    if (parents.some((m7) => m7.path !== null))
      decl.inlineParentPaths = parents.map((m7) => m7.path);
    decls.push(decl);
    k += 2;
  }
  return decls;
}
function collectIncludes(ts, pairs, testMask, testOnlyFile, locate2) {
  const out = [];
  for (let k = 0; k + 4 < ts.count; k++) {
    if (!isWordAt(ts, k, "include") || !isPunctAt(ts, k + 1, BANG) || !isOpenAt(ts, k + 2) || pairs[k + 2] !== k + 4 || ts.kind[k + 3] !== LITERAL)
      continue;
    const target = stringLiteralValue(ts.src.slice(ts.start[k + 3], ts.end[k + 3]));
    if (target === void 0)
      continue;
    const pos = locate2(ts.start[k]);
    out.push({ target, testOnly: testOnlyFile || testMask[k] === 1, line: pos.line, column: pos.column });
  }
  return out;
}
function isDeclAt(ts, k) {
  return isWordAt(ts, k, "mod") && isIdentLikeAt(ts, k + 1) && isPunctAt(ts, k + 2, SEMI);
}
function pathOf(ts, attrs) {
  for (const a of attrs) {
    const v = pathAttrValue(ts, a);
    if (v !== void 0)
      return v;
  }
  return void 0;
}
function outerAttributes(ts, pairs, k) {
  let s = k;
  if (isWordAt(ts, s - 1, "unsafe"))
    s--;
  if (isPunctAt(ts, s - 1, RPAREN)) {
    const open = pairs[s - 1];
    if (open > 0 && isWordAt(ts, open - 1, "pub"))
      s = open - 1;
  } else if (isWordAt(ts, s - 1, "pub")) {
    s--;
  }
  const attrs = [];
  while (isPunctAt(ts, s - 1, RBRACKET)) {
    const open = pairs[s - 1];
    const attr = open > 0 && isPunctAt(ts, open - 1, HASH) ? attributeAt(ts, pairs, open - 1) : void 0;
    if (attr === void 0 || attr.inner || attr.end !== s)
      break;
    attrs.push(attr);
    s = open - 1;
  }
  return attrs.reverse();
}
function innerAttributes(ts, pairs, k) {
  const attrs = [];
  for (let a = attributeAt(ts, pairs, k); a?.inner; a = attributeAt(ts, pairs, a.end))
    attrs.push(a);
  return attrs;
}
var init_moduleDecls = __esm({
  "dist/src/rust/moduleDecls.js"() {
    "use strict";
    init_attributes();
    init_tokens();
  }
});

// dist/src/rust/needles.js
function normalizeNeedle(needle) {
  let out = "";
  let pendingSpace = false;
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k);
    if (isRustWhitespace(c)) {
      pendingSpace = true;
      continue;
    }
    const startsPath = c === 58 && needle.charCodeAt(k + 1) === 58;
    if (pendingSpace && !startsPath && !out.endsWith("::"))
      out += " ";
    pendingSpace = false;
    if (startsPath) {
      out += "::";
      k++;
    } else {
      out += needle[k];
    }
  }
  if (pendingSpace && out.length > 0 && !out.endsWith("::"))
    out += " ";
  return out;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function compileNeedles(list) {
  const hit = cache.get(list);
  if (hit !== void 0)
    return hit;
  const needles = list.map((needle, rank) => ({ needle, rank, pattern: normalizeNeedle(needle) }));
  const searched = needles.filter((nd) => nd.pattern !== "");
  const byFirstChar = /* @__PURE__ */ new Map();
  for (const nd of searched) {
    const c = nd.pattern.charCodeAt(0);
    byFirstChar.set(c, [...byFirstChar.get(c) ?? [], nd]);
  }
  const scanner = searched.length > 0 ? new RegExp([...new Set(searched.map((nd) => escapeRegExp(nd.pattern)))].join("|"), "g") : void 0;
  const set = {
    needles,
    forEachMatch(text, visit) {
      if (scanner === void 0)
        return;
      scanner.lastIndex = 0;
      for (let m7 = scanner.exec(text); m7 !== null; m7 = scanner.exec(text)) {
        const at2 = m7.index;
        for (const nd of byFirstChar.get(text.charCodeAt(at2)))
          if (text.startsWith(nd.pattern, at2))
            visit(nd, at2);
        scanner.lastIndex = at2 + 1;
      }
    }
  };
  cache.set(list, set);
  return set;
}
var cache;
var init_needles = __esm({
  "dist/src/rust/needles.js"() {
    "use strict";
    init_chars();
    cache = /* @__PURE__ */ new WeakMap();
  }
});

// dist/src/rust/positions.js
function makeLocator(src) {
  let starts;
  return (offset) => {
    if (starts === void 0) {
      starts = [src.charCodeAt(0) === 65279 ? 1 : 0];
      for (let nl = src.indexOf("\n"); nl >= 0; nl = src.indexOf("\n", nl + 1))
        starts.push(nl + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(1, offset - starts[lo] + 1) };
  };
}
var init_positions = __esm({
  "dist/src/rust/positions.js"() {
    "use strict";
  }
});

// dist/src/rust/testRegions.js
function testRegions(ts, pairs = pairBrackets(ts)) {
  const n = ts.count;
  const mask = new Uint8Array(n);
  const ranges = [];
  const mark = (from, to) => {
    mask.fill(1, from, to);
    while (ranges.length > 0 && ranges[ranges.length - 1][0] >= from)
      ranges.pop();
    ranges.push([from, to]);
  };
  const openAt = [];
  const ownerAt = [];
  let depth = 0;
  let stmtStart = 0;
  const macroEnds = [];
  const macroOpaque = [];
  let opaque = 0;
  let i = 0;
  while (i < n) {
    while (macroEnds.length > 0 && macroEnds[macroEnds.length - 1] < i) {
      macroEnds.pop();
      if (macroOpaque.pop())
        opaque--;
    }
    if (ts.kind[i] !== PUNCT) {
      i++;
      continue;
    }
    const c = ts.code[i];
    if (c === BANG) {
      const body = macroBodyAt(ts, pairs, i);
      if (body !== void 0) {
        const isOpaque = !isCfgIfAt(ts, i - 1);
        macroEnds.push(pairs[body]);
        macroOpaque.push(isOpaque);
        if (isOpaque)
          opaque++;
      }
      i++;
      continue;
    }
    if (c === HASH && opaque > 0) {
      i = attributeAt(ts, pairs, i)?.end ?? i + 1;
      continue;
    }
    if (c === HASH && isWordAt(ts, i - 1, "if")) {
      let j = i;
      let isTest = false;
      for (let a = attributeAt(ts, pairs, j); a !== void 0 && !a.inner; a = attributeAt(ts, pairs, j)) {
        if (isTestOnlyCfgAttr(ts, pairs, a))
          isTest = true;
        j = a.end;
      }
      if (j === i) {
        i++;
        continue;
      }
      if (isTest && isPunctAt(ts, j, LBRACE) && pairs[j] > j) {
        mark(i, pairs[j] + 1);
        i = pairs[j] + 1;
      } else {
        i = j;
      }
      continue;
    }
    if (c === HASH) {
      const first = attributeAt(ts, pairs, i);
      if (first?.inner) {
        if (isTestOnlyCfgAttr(ts, pairs, first)) {
          if (depth === 0) {
            mask.fill(1);
            return { mask, ranges: [[0, n]], testOnlyFile: true };
          }
          depth--;
          const close = pairs[openAt[depth]];
          const end = close < 0 ? n : close + 1;
          mark(ownerAt[depth], end);
          i = end;
          stmtStart = end;
        } else {
          i = first.end;
        }
        continue;
      }
      if (first !== void 0) {
        let isTest = false;
        let j = i;
        for (let a = first; a !== void 0 && !a.inner; a = attributeAt(ts, pairs, j)) {
          if (isTestHarnessAttr(a) || isTestOnlyCfgAttr(ts, pairs, a))
            isTest = true;
          j = a.end;
        }
        if (isTest) {
          const end = itemEnd(ts, pairs, j);
          mark(i, end);
          i = end;
          stmtStart = end;
        } else {
          i = j;
        }
        continue;
      }
    }
    if (c === LBRACE || c === LPAREN || c === LBRACKET) {
      openAt[depth] = i;
      ownerAt[depth] = stmtStart;
      depth++;
      stmtStart = i + 1;
    } else if (c === RBRACE || c === RPAREN || c === RBRACKET) {
      if (depth > 0)
        depth--;
      stmtStart = c === RBRACE ? i + 1 : ownerAt[depth] ?? i + 1;
    } else if (c === SEMI) {
      stmtStart = i + 1;
    }
    i++;
  }
  return { mask, ranges, testOnlyFile: false };
}
function macroBodyAt(ts, pairs, k) {
  if (!isIdentLikeAt(ts, k - 1) || ts.kind[k - 1] === IDENT && NOT_MACRO_NAMES.has(ts.src.slice(ts.start[k - 1], ts.end[k - 1])))
    return void 0;
  let open = k + 1;
  if (isWordAt(ts, k - 1, "macro_rules") && isIdentLikeAt(ts, open))
    open++;
  return isOpenAt(ts, open) && pairs[open] > open ? open : void 0;
}
function isCfgIfAt(ts, k) {
  return isWordAt(ts, k, "cfg_if");
}
function itemShape(ts, pairs, j) {
  let k = j;
  if (isWordAt(ts, k, "pub")) {
    k++;
    if (isPunctAt(ts, k, LPAREN) && pairs[k] > k)
      k = pairs[k] + 1;
  }
  for (; k < ts.count && ts.kind[k] === IDENT; k++) {
    const word = ts.src.slice(ts.start[k], ts.end[k]);
    switch (word) {
      case "fn":
      case "mod":
      case "struct":
      case "enum":
      case "trait":
      case "impl":
      case "macro_rules":
      case "macro":
        return "brace";
      case "let":
      case "use":
      case "static":
      case "type":
      case "crate":
        return "semi";
      case "union":
        return isIdentLikeAt(ts, k + 1) ? "brace" : "expr";
      case "const":
        if (isWordAt(ts, k + 1, "fn") || isWordAt(ts, k + 1, "unsafe") || isWordAt(ts, k + 1, "async") || isWordAt(ts, k + 1, "extern")) {
          continue;
        }
        return isPunctAt(ts, k + 1, LBRACE) ? "expr" : "semi";
      case "unsafe":
      case "async":
        if (isPunctAt(ts, k + 1, LBRACE) || isPunctAt(ts, k + 1, PIPE) || isWordAt(ts, k + 1, "move"))
          return "expr";
        continue;
      case "extern":
        if (ts.kind[k + 1] === LITERAL)
          k++;
        if (isPunctAt(ts, k + 1, LBRACE))
          return "brace";
        continue;
      case "default":
      case "safe":
      case "auto":
        if (!isIdentLikeAt(ts, k + 1))
          return "expr";
        continue;
      default:
        return "expr";
    }
  }
  return "expr";
}
function itemEnd(ts, pairs, j) {
  const n = ts.count;
  const shape = itemShape(ts, pairs, j);
  let angles = 0;
  let k = j;
  while (k < n) {
    if (isOpenAt(ts, k)) {
      const close = pairs[k];
      if (close < 0)
        return n;
      const brace = ts.code[k] === LBRACE;
      k = close + 1;
      if (brace && angles === 0 && shape !== "semi" && (shape === "brace" || !continuesExpression(ts, k)))
        return k;
      continue;
    }
    if (isCloseAt(ts, k))
      return k;
    if (isPunctAt(ts, k, SEMI))
      return k + 1;
    if (shape === "expr" && isPunctAt(ts, k, COMMA))
      return k + 1;
    if (shape === "brace") {
      if (isPunctAt(ts, k, LT))
        angles++;
      else if (isPunctAt(ts, k, GT) && angles > 0 && !(ts.end[k - 1] === ts.start[k] && (isPunctAt(ts, k - 1, MINUS2) || isPunctAt(ts, k - 1, EQ))))
        angles--;
    }
    k++;
  }
  return n;
}
function continuesExpression(ts, k) {
  return isWordAt(ts, k, "else") || isWordAt(ts, k, "as") || isPunctAt(ts, k, DOT) || isPunctAt(ts, k, QUESTION) || isPunctAt(ts, k, EQ);
}
var NOT_MACRO_NAMES, GT, MINUS2;
var init_testRegions = __esm({
  "dist/src/rust/testRegions.js"() {
    "use strict";
    init_attributes();
    init_tokens();
    NOT_MACRO_NAMES = /* @__PURE__ */ new Set(["if", "while", "return", "match", "in", "else", "break", "yield", "let", "mut", "move", "as", "await"]);
    GT = 62;
    MINUS2 = 45;
  }
});

// dist/src/rust/useTree.js
function startsUseItem(ts, k) {
  return isWordAt(ts, k, "use") && !isPunctAt(ts, k + 1, LT);
}
function expandUseTree(ts, k, pairs = pairBrackets(ts)) {
  const n = ts.count;
  const paths = [];
  const path = [];
  const groups = [];
  let treeStart = 0;
  let emitted = false;
  let alias;
  const emit = () => {
    if (!emitted) {
      const own = path.length - treeStart;
      if (own === 1 && treeStart > 0 && isWordAt(ts, path[treeStart].token, "self")) {
        let end = treeStart;
        while (end > 0 && isPathSepAt(ts, path[end - 1].token))
          end--;
        if (end > 0)
          paths.push(renderPath(ts, path, end, alias));
      } else if (own > 0) {
        paths.push(renderPath(ts, path, path.length, alias));
      }
    }
    emitted = true;
  };
  const resetTo = (len) => {
    path.length = len;
    treeStart = len;
    emitted = false;
    alias = void 0;
  };
  let i = k + 1;
  while (i < n) {
    if (ts.kind[i] === PUNCT) {
      const c = ts.code[i];
      if (c === SEMI) {
        emit();
        i++;
        break;
      }
      if (c === COMMA) {
        emit();
        resetTo(groups.length > 0 ? groups[groups.length - 1] : 0);
        i++;
        continue;
      }
      if (c === LBRACE) {
        groups.push(path.length);
        resetTo(path.length);
        i++;
        continue;
      }
      if (c === RBRACE) {
        if (groups.length === 0)
          break;
        emit();
        resetTo(groups.pop());
        emitted = true;
        i++;
        continue;
      }
      if (c === RPAREN || c === RBRACKET)
        break;
      if ((c === LPAREN || c === LBRACKET) && pairs[i] > i) {
        i = pairs[i] + 1;
        continue;
      }
    } else if (isWordAt(ts, i, "as")) {
      if (isIdentLikeAt(ts, i + 1))
        alias = tokenText(ts, i + 1);
      i += isIdentLikeAt(ts, i + 1) ? 2 : 1;
      continue;
    }
    path.push({ token: i, depth: groups.length });
    i++;
  }
  emit();
  return { end: Math.min(i, n), paths };
}
function renderPath(ts, parts, len, alias) {
  const kept = parts.slice(Math.max(0, len - MAX_PATH_TOKENS), len);
  let text = "";
  const partStarts = [];
  kept.forEach((p, idx) => {
    const before = kept[idx - 1];
    if (before !== void 0 && !isPathSepAt(ts, before.token) && !isPathSepAt(ts, p.token) && ts.end[before.token] !== ts.start[p.token]) {
      text += VIEW_BARRIER;
    }
    partStarts.push(text.length);
    text += tokenText(ts, p.token);
  });
  return { text, parts: kept, partStarts, alias };
}
function partAt(path, index) {
  let p = 0;
  while (p + 1 < path.partStarts.length && path.partStarts[p + 1] <= index)
    p++;
  return p;
}
function unitOffset(ts, path, index) {
  const p = partAt(path, index);
  const part = path.parts[p];
  if (part === void 0)
    return 0;
  return viewStart(ts, part.token) + Math.max(0, index - path.partStarts[p]);
}
function usePathMatchOffset(ts, path, from, to) {
  const first = partAt(path, from);
  let best = first;
  for (let p = first; p < path.parts.length && path.partStarts[p] < to; p++) {
    const part = path.parts[p];
    const bestPart = path.parts[best];
    if (!isPathSepAt(ts, part.token) && (isPathSepAt(ts, bestPart.token) || part.depth > bestPart.depth))
      best = p;
  }
  return best === first ? unitOffset(ts, path, from) : viewStart(ts, path.parts[best].token);
}
function usePathOffsetAfter(ts, path, index) {
  return unitOffset(ts, path, index) + 1;
}
var MAX_PATH_TOKENS;
var init_useTree = __esm({
  "dist/src/rust/useTree.js"() {
    "use strict";
    init_codeView();
    init_tokens();
    MAX_PATH_TOKENS = 64;
  }
});

// dist/src/rust/names.js
function nameKey(ts, k) {
  const at2 = viewStart(ts, k);
  return (ts.end[k] - at2) * 65536 + ts.src.charCodeAt(at2);
}
function useSegments(text) {
  if (text.includes("\n"))
    return void 0;
  return text.split("::");
}
function shift(rs, by) {
  return rs.map((r) => ({ ...r, consumed: r.consumed + by }));
}
function dedupe(rs) {
  if (rs.length < 2)
    return rs;
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const r of rs) {
    const key = `${r.consumed}:${r.replacement.join("::")}`;
    if (seen.has(key))
      continue;
    seen.add(key);
    out.push(r);
    if (out.length === MAX_CANDIDATES)
      break;
  }
  return out;
}
function codePaths(ts, pairs, omit, want) {
  const out = [];
  const n = ts.count;
  for (let k = 0; k < n; k++) {
    if (omit[k] !== 0)
      continue;
    const kind = ts.kind[k];
    if (kind !== IDENT && kind !== RAW_IDENT && kind !== PATH_SEP)
      continue;
    if (startsUseItem(ts, k) && !isPunctAt(ts, k - 1, DOT)) {
      k = Math.max(k, expandUseTree(ts, k, pairs).end - 1);
      continue;
    }
    if (isWordAt(ts, k, "extern") && isWordAt(ts, k + 1, "crate")) {
      while (k < n && !isPunctAt(
        ts,
        k,
        59
        /* ; */
      ))
        k++;
      continue;
    }
    const absolute = kind === PATH_SEP && isIdentLikeAt(ts, k + 1) && !startsInPath(ts, k);
    if (!absolute && (kind === PATH_SEP || startsInPath(ts, k)))
      continue;
    const first = absolute ? k + 1 : k;
    let j = first + 1;
    while (isPathSepAt(ts, j) && isIdentLikeAt(ts, j + 1) && omit[j + 1] === 0)
      j += 2;
    const wanted = (want === void 0 || want(first)) && !isPunctAt(ts, k - 1, DOT) && !isPunctAt(
      ts,
      k - 1,
      36
      /* $ */
    ) && (absolute || ts.kind[first] === RAW_IDENT || !KEYWORDS.has(tokenText(ts, first))) && !(k > 0 && ts.kind[k - 1] === IDENT && DECLARES.has(tokenText(ts, k - 1)));
    if (wanted) {
      const segments = [];
      for (let t = first; t < j; t += 2)
        segments.push(t);
      out.push({ segments, absolute, end: j });
    }
    k = j - 1;
  }
  return out;
}
function startsInPath(ts, k) {
  if (isPathSepAt(ts, k))
    return isIdentLikeAt(ts, k - 1) || isPunctAt(
      ts,
      k - 1,
      62
      /* > */
    );
  return isPathSepAt(ts, k - 1);
}
function segmentTexts(ts, path) {
  return path.segments.map((k) => tokenText(ts, k));
}
var COLON2, MAX_STEPS, MAX_CANDIDATES, KEYWORDS, DECLARES, PRELUDE, NameTable, keyOf, SPECIAL_KEYS;
var init_names = __esm({
  "dist/src/rust/names.js"() {
    "use strict";
    init_tokens();
    init_useTree();
    COLON2 = 58;
    MAX_STEPS = 8;
    MAX_CANDIDATES = 8;
    KEYWORDS = /* @__PURE__ */ new Set([
      "as",
      "async",
      "await",
      "break",
      "const",
      "continue",
      "dyn",
      "else",
      "enum",
      "extern",
      "false",
      "fn",
      "for",
      "if",
      "impl",
      "in",
      "let",
      "loop",
      "match",
      "mod",
      "move",
      "mut",
      "pub",
      "ref",
      "return",
      "static",
      "struct",
      "trait",
      "true",
      "type",
      "unsafe",
      "use",
      "where",
      "while",
      "Self",
      "union",
      "macro_rules",
      "yield",
      "gen",
      "try",
      "box",
      "default",
      "safe",
      "auto",
      "raw"
    ]);
    DECLARES = /* @__PURE__ */ new Set(["fn", "struct", "enum", "union", "trait", "type", "mod", "const", "static", "let", "mut", "ref", "macro_rules"]);
    PRELUDE = /* @__PURE__ */ new Set(["std", "core", "alloc", "Some", "None", "Ok", "Err", "Option", "Vec", "String", "Box", "drop", "Default", "Clone", "Copy", "Send", "Sync", "Sized"]);
    NameTable = class {
      ts;
      /** For each token, the innermost `{` holding it (-1: the file's module). */
      scopeOf;
      /** `{` tokens that open a `mod name { ... }` body. */
      moduleBrace = /* @__PURE__ */ new Set();
      /** scope -> name -> `{` of each inline `mod name { ... }` declared there (paths into it read its imports, `pub use` included). */
      inlineModules = /* @__PURE__ */ new Map();
      /** scope -> name -> binding (explicit imports: `use a::b;`, `use a::b as c;`, `extern crate a as c;`). */
      named = /* @__PURE__ */ new Map();
      /** scope -> glob imports (`use a::b::*;`): the target is `a::b`. */
      globs = /* @__PURE__ */ new Map();
      /** Names the file declares (items, `let` bindings, parameters): a glob never supplies these. */
      declaredNames;
      /** Every name an explicit import binds (in any scope) whose reading may interest the caller (see focus). */
      boundNames = /* @__PURE__ */ new Set();
      /** Length and first character of each name in boundNames, and of `self`, `super`, `crate` (see nameKey). */
      nameKeys = new Set(SPECIAL_KEYS);
      /** Whether some glob's reading may interest the caller. */
      globsMatter = false;
      /** The expanded `use` items of production code, by the index of their `use` token. */
      trees = /* @__PURE__ */ new Map();
      crateRoot;
      constructor(ts, pairs, omit, opts = {}) {
        this.ts = ts;
        this.crateRoot = opts.crateRoot === true;
        const n = ts.count;
        this.scopeOf = new Int32Array(n);
        const open = [];
        const items = [];
        let itemEnd2 = 0;
        for (let k = 0; k < n; k++) {
          while (open.length > 0 && pairs[open[open.length - 1]] < k)
            open.pop();
          this.scopeOf[k] = open.length > 0 ? open[open.length - 1] : -1;
          const kind = ts.kind[k];
          if (kind === PUNCT) {
            if (ts.code[k] === LBRACE && pairs[k] > k) {
              open.push(k);
              if (isIdentLikeAt(ts, k - 1) && isWordAt(ts, k - 2, "mod")) {
                this.moduleBrace.add(k);
                const parent = this.scopeOf[k];
                let children = this.inlineModules.get(parent);
                if (children === void 0)
                  this.inlineModules.set(parent, children = /* @__PURE__ */ new Map());
                children.set(tokenText(ts, k - 1), k);
              }
            }
          } else if (kind === IDENT && k >= itemEnd2 && omit[k] === 0) {
            if (startsUseItem(ts, k) && !isPunctAt(ts, k - 1, DOT)) {
              items.push(k);
              const tree = expandUseTree(ts, k, pairs);
              this.trees.set(k, tree);
              itemEnd2 = tree.end;
            } else if (isWordAt(ts, k, "extern") && isWordAt(ts, k + 1, "crate")) {
              items.push(k);
            }
          }
        }
        for (const k of items) {
          const tree = this.trees.get(k);
          if (tree !== void 0) {
            for (const path of tree.paths)
              this.bindUse(path, this.scopeOf[k]);
          } else if (isIdentLikeAt(ts, k + 2) && isWordAt(ts, k + 3, "as") && isIdentLikeAt(ts, k + 4)) {
            const crate = tokenText(ts, k + 2);
            const alias = tokenText(ts, k + 4);
            if (alias !== "_")
              this.bind(this.scopeOf[k], alias, { target: [crate === "self" ? "crate" : crate], scope: this.scopeOf[k] });
          }
        }
      }
      /** Names the file declares; gathered on first need (only files with globs ask). */
      get declared() {
        if (this.declaredNames === void 0) {
          this.declaredNames = /* @__PURE__ */ new Set();
          for (let k = 0; k < this.ts.count; k++) {
            if (isIdentLikeAt(this.ts, k) && this.declaresAt(k))
              this.declaredNames.add(tokenText(this.ts, k));
          }
        }
        return this.declaredNames;
      }
      /** Whether token `k` is a name being declared (`fn k`, `let k`, `k: T` as a parameter or field, ...). */
      declaresAt(k) {
        const ts = this.ts;
        if (k > 0 && ts.kind[k - 1] !== PATH_SEP && isIdentLikeAt(ts, k - 1) && DECLARES.has(tokenText(ts, k - 1)))
          return true;
        if (isPunctAt(ts, k - 1, BANG) && isWordAt(ts, k - 2, "macro_rules"))
          return true;
        return isPunctAt(ts, k + 1, COLON2) && !isPunctAt(ts, k + 2, COLON2) && !isPunctAt(ts, k - 1, COLON2);
      }
      bind(scope, name, binding) {
        this.boundNames.add(name);
        this.nameKeys.add(keyOf(name));
        let names = this.named.get(scope);
        if (names === void 0)
          this.named.set(scope, names = /* @__PURE__ */ new Map());
        names.set(name, binding);
      }
      bindUse(path, scope) {
        const segs = useSegments(path.text);
        if (segs === void 0 || segs.length === 0)
          return;
        const last = segs[segs.length - 1];
        if (last === "*") {
          const target = segs.slice(0, -1);
          if (target.length === 0 || target.length === 1 && target[0] === "")
            return;
          if (target[0] === "super" && this.moduleOf(scope) === -1 || target[0] === "crate" && !this.crateRoot)
            return;
          let list = this.globs.get(scope);
          if (list === void 0)
            this.globs.set(scope, list = []);
          list.push({ target, scope });
          return;
        }
        const name = path.alias ?? last;
        if (name === "_" || name === "" || name === "self")
          return;
        if (segs.length === 1 && path.alias === void 0)
          return;
        this.bind(scope, name, { target: segs, scope });
      }
      /**
       * Whether a path whose first segment is token `k` may read otherwise than
       * as written (`resolve` says how). Cheap: a name's length and first
       * character are compared before any text is cut out.
       */
      mayNameAt(k) {
        const ts = this.ts;
        if (!this.globsMatter && !this.nameKeys.has(nameKey(ts, k)))
          return false;
        const head = tokenText(ts, k);
        if (head === "self" || head === "super" || head === "crate")
          return true;
        if (this.boundNames.has(head))
          return true;
        return this.globsMatter && !this.declared.has(head) && !PRELUDE.has(head);
      }
      /**
       * Narrow mayNameAt to the imports whose readings `interesting` accepts
       * (given a reading's segments from a crate root, a glob's with `undefined`
       * standing for the name it supplies). A file whose imports cannot lead to
       * any needle then costs no path lookups at all.
       */
      focus(interesting) {
        const names = /* @__PURE__ */ new Set();
        for (const byName of this.named.values()) {
          for (const [name, b] of byName) {
            if (names.has(name))
              continue;
            const readings = this.resolveAt(b.target, b.scope, 1, false);
            const full = readings.length > 0 ? readings.map((r) => [...r.replacement, ...b.target.slice(r.consumed)]) : [b.target];
            if (full.some((segs) => interesting(segs)))
              names.add(name);
          }
        }
        if (names.size > 0)
          for (const children of this.inlineModules.values())
            for (const name of children.keys())
              names.add(name);
        this.boundNames = names;
        this.nameKeys = /* @__PURE__ */ new Set([...SPECIAL_KEYS, ...[...names].map(keyOf)]);
        this.globsMatter = [...this.globs.values()].some((list) => list.some((g) => g.target[0] === "super" || g.target[0] === "self" || interesting([...g.target, void 0])));
      }
      /** The expansion of the production `use` item at token `k` (as expandUseTree gives it), when there is one. */
      useTreeAt(k) {
        return this.trees.get(k);
      }
      /** mayNameAt for a name already cut out (a `use` path's first segment). */
      mayName(head) {
        if (head === "self" || head === "super" || head === "crate" || this.boundNames.has(head))
          return true;
        return this.globsMatter && !this.declared.has(head) && !PRELUDE.has(head);
      }
      /** Whether any path may read otherwise than as written (false after focus when no import matters). */
      get mayNameAny() {
        return this.globsMatter || this.boundNames.size > 0;
      }
      /** The scope that holds token `k`. */
      scopeAt(k) {
        return this.scopeOf[k] ?? -1;
      }
      /** The module (a `mod` body's `{`, or -1) that scope `s` belongs to. */
      moduleOf(s) {
        while (s !== -1 && !this.moduleBrace.has(s))
          s = this.scopeOf[s];
        return s;
      }
      /**
       * The ways the path `segs` (written in scope `scope`) can read, each as a
       * replacement of its first `consumed` segments; empty when the file says
       * nothing about it (it then reads as written).
       */
      resolve(segs, scope) {
        return dedupe(this.resolveAt(segs, scope, 0, true));
      }
      /**
       * `globs`: whether a glob may supply the head. An import's own target is
       * read through explicit imports only: a glob supplying a crate's name is
       * far-fetched, and globs of globs would multiply readings.
       */
      resolveAt(segs, scope, steps, globs2) {
        if (steps > MAX_STEPS || segs.length === 0)
          return [];
        const head = segs[0];
        if (head === "")
          return [];
        if (head === "crate") {
          if (!this.crateRoot || segs.length < 2)
            return [];
          return shift(this.inModule(segs.slice(1), -1, steps, globs2), 1);
        }
        if (head === "self" || head === "super") {
          let m7 = this.moduleOf(scope);
          let k = 0;
          if (head === "self")
            k = 1;
          else {
            for (; segs[k] === "super"; k++) {
              if (m7 === -1)
                return [];
              m7 = this.moduleOf(this.scopeOf[m7]);
            }
          }
          if (k >= segs.length)
            return [];
          return shift(this.inModule(segs.slice(k), m7, steps, globs2), k);
        }
        const found = [];
        for (let s = scope; ; s = this.scopeOf[s]) {
          const b = this.named.get(s)?.get(head);
          if (b !== void 0)
            return this.expand(b, segs, steps, false);
          const child = this.inlineModules.get(s)?.get(head);
          if (child !== void 0)
            return segs.length > 1 ? shift(this.inModule(segs.slice(1), child, steps, false), 1) : [];
          if (globs2)
            found.push(...this.globs.get(s) ?? []);
          if (s === -1 || this.moduleBrace.has(s))
            break;
        }
        return this.fromGlobs(found, segs, steps);
      }
      /** A name looked up in module `m`'s own imports (`self::x`, `super::x`, `crate::x`). */
      inModule(segs, m7, steps, globs2) {
        const head = segs[0];
        const b = this.named.get(m7)?.get(head);
        if (b !== void 0)
          return this.expand(b, segs, steps, false);
        const child = this.inlineModules.get(m7)?.get(head);
        if (child !== void 0)
          return segs.length > 1 ? shift(this.inModule(segs.slice(1), child, steps, false), 1) : [];
        return globs2 ? this.fromGlobs(this.globs.get(m7) ?? [], segs, steps) : [];
      }
      fromGlobs(globs2, segs, steps) {
        const head = segs[0];
        if (globs2.length === 0 || this.declared.has(head) || PRELUDE.has(head))
          return [];
        const out = [];
        for (const g of globs2.slice(0, MAX_CANDIDATES)) {
          for (const r of this.expand(g, segs, steps, true, true))
            out.push(r);
        }
        return out;
      }
      /**
       * What `segs` reads as through binding `b`: the binding's target in place
       * of the head (or, for a glob, before it), itself resolved where the
       * import stands.
       */
      expand(b, segs, steps, viaGlob, glob = false) {
        const written = glob ? [...b.target, segs[0]] : b.target;
        const again = this.resolveAt(written, b.scope, steps + 1, glob && (written[0] === "super" || written[0] === "self"));
        const out = [];
        for (const r of again)
          out.push({ consumed: 1, replacement: [...r.replacement, ...written.slice(r.consumed)], viaGlob: viaGlob || r.viaGlob });
        if (again.every((r) => r.viaGlob)) {
          const first = written[0];
          if (glob && (first === "super" || first === "self" || first === "crate"))
            return [];
          out.push({ consumed: 1, replacement: written.filter((s, k) => s !== "" || k === 0), viaGlob });
        }
        return out;
      }
      /**
       * Whether a path starting at token `k` may read through a glob only when it
       * looks like a use of an item: followed by `::`, called, a macro, or named
       * like a type or constant. Plain lowercase words are local variables far
       * more often than items a glob brought in.
       */
      globMayApply(path) {
        if (path.segments.length > 1)
          return true;
        const ts = this.ts;
        const k = path.segments[0];
        if (isPunctAt(ts, path.end, LPAREN) || isPunctAt(ts, path.end, BANG))
          return true;
        const c = ts.src.charCodeAt(viewStart(ts, k));
        return c >= 65 && c <= 90;
      }
    };
    keyOf = (name) => name.length * 65536 + name.charCodeAt(0);
    SPECIAL_KEYS = ["self", "super", "crate"].map(keyOf);
  }
});

// dist/src/rust/pathMatch.js
function needleShape(pattern) {
  if (pattern.startsWith("::"))
    return "rooted";
  if (pattern.length === 0 || !isIdentContinue(pattern.charCodeAt(0)))
    return "free";
  const sep2 = pattern.indexOf("::");
  const first = sep2 < 0 ? pattern : pattern.slice(0, sep2);
  return ROOTS.has(first) ? "rooted" : "segment";
}
function matchStartAllowed(text, at2, shape) {
  if (shape === "free" || at2 === 0)
    return true;
  if (isIdentContinue(text.charCodeAt(at2 - 1)))
    return false;
  if (shape === "segment")
    return true;
  if (text.charCodeAt(at2 - 1) !== 58 || text.charCodeAt(at2 - 2) !== 58)
    return true;
  const before = text.charCodeAt(at2 - 3);
  return !(isIdentContinue(before) || before === 62);
}
function planFor(needles) {
  let plan = plans.get(needles);
  if (plan === void 0) {
    const live = needles.filter((nd) => nd.shape !== "free" && nd.pattern !== "");
    plan = { live, starts: needleStarts(live), names: live.map((nd) => ({ segs: nameSegments(nd.pattern), rooted: nd.shape === "rooted" })) };
    plans.set(needles, plan);
  }
  return plan;
}
function hasStart(plan, reading) {
  return reading.some((seg) => seg === void 0 || plan.starts.exact.has(seg) || plan.starts.prefixes.some((p) => seg.startsWith(p)));
}
function focusTable(table2, needles) {
  const plan = planFor(needles);
  table2.focus((reading) => hasStart(plan, reading) && plan.names.some((nd) => mayStartIn(reading, nd.segs, nd.rooted)));
}
function resolvedCodeHits(ts, pairs, table2, omit, needles, out) {
  const plan = planFor(needles);
  if (plan.live.length === 0 || !table2.mayNameAny)
    return;
  for (const path of codePaths(ts, pairs, omit, (head) => table2.mayNameAt(head))) {
    if (path.absolute || isValueUse(ts, path))
      continue;
    const readings = table2.resolve(segmentTexts(ts, path), table2.scopeAt(path.segments[0]));
    for (const r of readings) {
      if (r.viaGlob && !table2.globMayApply(path))
        continue;
      if (!hasStart(plan, r.replacement))
        continue;
      matchReading(ts, path, r, omit, plan.live, out);
    }
  }
}
function isValueUse(ts, path) {
  const k = path.end;
  return path.segments.length === 1 && k < ts.count && ts.kind[k] === PUNCT && ts.code[k] === 46 && ts.end[k] - ts.start[k] === 1;
}
function nameSegments(pattern) {
  const out = [];
  let k = pattern.startsWith("::") ? 2 : 0;
  for (; ; ) {
    let end = k;
    while (end < pattern.length && isIdentContinue(pattern.charCodeAt(end)))
      end++;
    out.push(pattern.slice(k, end));
    if (end === k || !pattern.startsWith("::", end))
      return out;
    k = end + 2;
  }
}
function mayStartIn(reading, segs, rooted) {
  const from = reading[0] === "" ? 1 : 0;
  const last = rooted ? from : reading.length - 1;
  for (let i = from; i <= last && i < reading.length; i++) {
    let ok = true;
    for (let j = 0; ok && j < segs.length && i + j < reading.length; j++) {
      const seg = reading[i + j];
      if (seg === void 0)
        break;
      ok = j === segs.length - 1 ? seg.startsWith(segs[j]) : seg === segs[j];
    }
    if (ok)
      return true;
  }
  return false;
}
function needleStarts(live) {
  const exact = /* @__PURE__ */ new Set();
  const prefixes = [];
  for (const nd of live) {
    const body = nd.pattern.startsWith("::") ? nd.pattern.slice(2) : nd.pattern;
    let end = 0;
    while (end < body.length && isIdentContinue(body.charCodeAt(end)))
      end++;
    const first = body.slice(0, end);
    if (body.startsWith("::", end))
      exact.add(first);
    else
      prefixes.push(first);
  }
  return { exact, prefixes };
}
function matchReading(ts, path, r, omit, live, out) {
  const supplied = r.replacement.join("::");
  let text = supplied;
  const marks = [];
  for (let s = r.consumed; s < path.segments.length; s++) {
    const k = path.segments[s];
    text += "::";
    marks.push([text.length, viewStart(ts, k)]);
    text += tokenText(ts, k);
  }
  let prev = path.segments[path.segments.length - 1];
  for (let k = path.end; k < Math.min(ts.count, path.end + 2) && omit[k] === 0; k++) {
    if (ts.start[k] !== ts.end[prev] && ts.kind[k] !== PATH_SEP && ts.kind[prev] !== PATH_SEP)
      text += " ";
    marks.push([text.length, viewStart(ts, k)]);
    text += tokenText(ts, k);
    prev = k;
  }
  const headStart = viewStart(ts, path.segments[0]);
  const lastSupplied = path.segments[Math.max(0, r.consumed - 1)];
  const sourceAt = (index) => {
    if (index < supplied.length)
      return -1;
    let offset = ts.end[lastSupplied];
    for (const [at2, off] of marks)
      if (at2 <= index)
        offset = off + (index - at2);
    return offset;
  };
  for (const nd of live) {
    for (let at2 = text.indexOf(nd.pattern); at2 >= 0 && at2 < supplied.length; at2 = text.indexOf(nd.pattern, at2 + 1)) {
      if (!matchStartAllowed(text, at2, nd.shape))
        continue;
      const endAt = sourceAt(at2 + nd.pattern.length - 1);
      const end = endAt < 0 ? ts.end[lastSupplied] : endAt + 1;
      out.push({ needle: nd.needle, offset: headStart, length: Math.max(1, end - headStart) });
    }
  }
}
function resolvedUseHits(ts, table2, path, useToken, needles, out) {
  if (path.text.includes("\n"))
    return;
  const segs = path.text.split("::");
  if (segs[0] === "" || !table2.mayName(segs[0]))
    return;
  const plan = planFor(needles);
  const head = usePathHead(path, ts);
  for (const r of table2.resolve(segs, table2.scopeAt(useToken))) {
    if (!hasStart(plan, r.replacement))
      continue;
    const supplied = r.replacement.join("::").length;
    const text = [...r.replacement, ...segs.slice(r.consumed)].join("::");
    for (const nd of plan.live) {
      for (let at2 = text.indexOf(nd.pattern); at2 >= 0 && at2 < supplied; at2 = text.indexOf(nd.pattern, at2 + 1)) {
        if (matchStartAllowed(text, at2, nd.shape))
          out.push({ needle: nd.needle, offset: viewStart(ts, head), length: Math.max(1, ts.end[head] - viewStart(ts, head)) });
      }
    }
  }
}
function usePathHead(path, ts) {
  for (const p of path.parts)
    if (isIdentLikeAt(ts, p.token))
      return p.token;
  return path.parts[0]?.token ?? 0;
}
var ROOTS, plans;
var init_pathMatch = __esm({
  "dist/src/rust/pathMatch.js"() {
    "use strict";
    init_chars();
    init_names();
    init_tokens();
    ROOTS = /* @__PURE__ */ new Set(["std", "core", "alloc"]);
    plans = /* @__PURE__ */ new WeakMap();
  }
});

// dist/src/rust/analyze.js
function pathNeedlesOf(set) {
  let list = pathNeedleCache.get(set);
  if (list === void 0) {
    list = set.needles.map((nd) => ({ needle: nd, pattern: nd.pattern, shape: needleShape(nd.pattern) }));
    pathNeedleCache.set(set, list);
  }
  return list;
}
function analyzeRust(text, needles, where = {}) {
  const set = compileNeedles(needles);
  const ts = tokenize(text);
  const pairs = pairBrackets(ts);
  const tests = testRegions(ts, pairs);
  const locate2 = makeLocator(text);
  const moduleDecls = collectModuleDecls(ts, pairs, tests.mask, tests.testOnlyFile, locate2);
  const includes = collectIncludes(ts, pairs, tests.mask, tests.testOnlyFile, locate2);
  if (tests.testOnlyFile || set.needles.every((nd) => nd.pattern === ""))
    return { hits: [], testOnlyFile: tests.testOnlyFile, moduleDecls, includes };
  const raw = [];
  const record2 = (nd, offset, length) => {
    raw.push({ needle: nd, offset, length: Math.max(1, length) });
  };
  const omit = tests.mask;
  const names = new NameTable(ts, pairs, omit, where);
  const pathNeedles = pathNeedlesOf(set);
  focusTable(names, pathNeedles);
  for (let k = 0; k < ts.count; k++) {
    if (omit[k] !== 0 || !startsUseItem(ts, k))
      continue;
    const tree = names.useTreeAt(k) ?? expandUseTree(ts, k, pairs);
    for (const path of tree.paths) {
      resolvedUseHits(ts, names, path, k, pathNeedles, raw);
      set.forEachMatch(path.text, (nd, at3) => {
        if (!matchStartAllowed(path.text, at3, pathNeedles[nd.rank].shape))
          return;
        const end = at3 + nd.pattern.length;
        const offset = usePathMatchOffset(ts, path, at3, end);
        record2(nd, offset, usePathOffsetAfter(ts, path, end - 1) - offset);
      });
    }
    omit.fill(1, k, tree.end);
    k = Math.max(k, tree.end - 1);
  }
  const view = buildCodeView(ts, omit);
  set.forEachMatch(view.text, (nd, at3) => {
    if (!matchStartAllowed(view.text, at3, pathNeedles[nd.rank].shape))
      return;
    const offset = view.offsetAt(at3);
    record2(nd, offset, view.offsetAt(at3 + nd.pattern.length - 1) + 1 - offset);
  });
  resolvedCodeHits(ts, pairs, names, omit, pathNeedles, raw);
  raw.sort((a, b) => a.offset - b.offset || a.needle.rank - b.needle.rank);
  const hits = [];
  const seenHere = /* @__PURE__ */ new Set();
  let at2 = -1;
  for (const h of raw) {
    if (h.offset !== at2) {
      at2 = h.offset;
      seenHere.clear();
    }
    if (seenHere.has(h.needle.needle))
      continue;
    seenHere.add(h.needle.needle);
    const { line, column } = locate2(h.offset);
    hits.push({ needle: h.needle.needle, offset: h.offset, line, column, length: h.length });
  }
  return { hits, testOnlyFile: false, moduleDecls, includes };
}
var pathNeedleCache;
var init_analyze = __esm({
  "dist/src/rust/analyze.js"() {
    "use strict";
    init_codeView();
    init_lexer();
    init_moduleDecls();
    init_needles();
    init_positions();
    init_testRegions();
    init_tokens();
    init_useTree();
    init_pathMatch();
    pathNeedleCache = /* @__PURE__ */ new WeakMap();
  }
});

// dist/src/rust/moduleFiles.js
function normalizePath(p) {
  if (isNormal(p))
    return p;
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".")
      continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..")
      out.pop();
    else
      out.push(seg);
  }
  return (p.startsWith("/") ? "/" : "") + out.join("/");
}
function isNormal(p) {
  if (p === "" || p.startsWith("/") || p.endsWith("/") || p.includes("//"))
    return p === "";
  return !(p === "." || p === ".." || p.startsWith("./") || p.startsWith("../") || p.includes("/./") || p.includes("/../") || p.endsWith("/.") || p.endsWith("/.."));
}
function join2(...parts) {
  const kept = parts.filter((x) => x !== "");
  let joined = "";
  for (const part of kept) {
    joined = part.startsWith("/") || joined === "" ? part : `${joined}/${part}`;
  }
  return normalizePath(joined);
}
function dirname2(p) {
  const slash = p.lastIndexOf("/");
  return slash < 0 ? "" : p.slice(0, slash);
}
function basename2(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function isBinRoot(file) {
  const dir = dirname2(file);
  return basename2(dir) === "bin" && basename2(dirname2(dir)) === "src" && file.endsWith(".rs");
}
function isCrateRoot(file) {
  const base = basename2(file);
  return base === "lib.rs" || base === "main.rs" || isBinRoot(file);
}
function isModRsFile(file) {
  const base = basename2(file);
  return base === "lib.rs" || base === "main.rs" || base === "mod.rs" || isBinRoot(file);
}
function childModuleCandidates(declaringFile, decl) {
  const file = normalizePath(declaringFile);
  let dir = dirname2(file);
  let pending = isModRsFile(file) ? "" : basename2(file).replace(/\.rs$/, "");
  decl.inlineParents.forEach((name, idx) => {
    const own = decl.inlineParentPaths?.[idx];
    if (own !== void 0 && own !== null) {
      dir = join2(dir, own);
    } else {
      dir = join2(dir, pending, name);
    }
    pending = "";
  });
  if (decl.pathAttr !== void 0)
    return [join2(dir, decl.pathAttr)];
  const base = join2(dir, pending);
  return [join2(base, `${decl.name}.rs`), join2(base, decl.name, "mod.rs")];
}
function parentModuleCandidates(file) {
  const f = normalizePath(file);
  const base = basename2(f);
  if (base === "lib.rs" || base === "main.rs" || isBinRoot(f) || !f.endsWith(".rs"))
    return [];
  const dir = dirname2(f);
  const home = base === "mod.rs" ? dirname2(dir) : dir;
  if (base === "mod.rs" && dir === "")
    return [];
  if (basename2(home) === "src" || home === "") {
    return [join2(home, "lib.rs"), join2(home, "main.rs"), join2(home, "mod.rs")];
  }
  const out = [`${home}.rs`, join2(home, "mod.rs")];
  if (basename2(dirname2(home)) === "bin")
    out.push(join2(home, "main.rs"));
  return out;
}
var init_moduleFiles = __esm({
  "dist/src/rust/moduleFiles.js"() {
    "use strict";
  }
});

// dist/src/rust/index.js
var init_rust = __esm({
  "dist/src/rust/index.js"() {
    "use strict";
    init_analyze();
    init_moduleFiles();
    init_lexer();
    init_tokens();
    init_codeView();
    init_useTree();
    init_testRegions();
    init_attributes();
    init_moduleDecls();
    init_needles();
    init_positions();
  }
});

// dist/src/fastPath.js
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
var FAST_MODULE, loaded;
var init_fastPath = __esm({
  "dist/src/fastPath.js"() {
    "use strict";
    FAST_MODULE = "./fast/index.js";
  }
});

// dist/src/judge.js
var judge_exports = {};
__export(judge_exports, {
  loadJudge: () => loadJudge,
  plainJudge: () => plainJudge
});
async function loadJudge(env = process.env) {
  const asked = env.CHOKEPOINT_JUDGE;
  if (!fastPathWanted(env) && asked !== "plain")
    throw usageError(messages.unknownJudge(asked), messages.unknownJudgeHint);
  const fast = await loadFastPath(env);
  return fast ? fast.fastJudge(plainJudge) : plainJudge;
}
var plainJudge;
var init_judge = __esm({
  "dist/src/judge.js"() {
    "use strict";
    init_rust();
    init_errors();
    init_messages();
    init_fastPath();
    plainJudge = { name: "plain", analyze: analyzeRust };
  }
});

// dist/src/sharedState.js
function sharedState(name, create) {
  const global = globalThis;
  const key = Symbol.for(name);
  return global[key] ??= create();
}
var init_sharedState = __esm({
  "dist/src/sharedState.js"() {
    "use strict";
  }
});

// dist/src/git.js
var git_exports = {};
__export(git_exports, {
  REPOSITORY_QUERY: () => REPOSITORY_QUERY,
  git: () => git,
  hasHead: () => hasHead,
  openRepository: () => openRepository,
  prefetchGit: () => prefetchGit,
  repoRelativePath: () => repoRelativePath,
  resolveCommit: () => resolveCommit,
  runGit: () => runGit,
  splitNul: () => splitNul
});
function gitEnv(extra) {
  return { ...process.env, ...extra, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
}
function prefetchGit(args, cwd) {
  if (prefetched.has(prefetchKey(args, cwd)))
    return;
  const pending = spawnGit(args, { cwd });
  pending.catch(() => void 0);
  prefetched.set(prefetchKey(args, cwd), pending);
}
function runGit(args, opts) {
  const key = prefetchKey(args, opts.cwd);
  const early = opts.input === void 0 && opts.env === void 0 ? prefetched.get(key) : void 0;
  if (early) {
    prefetched.delete(key);
    return early.catch(() => spawnGit(args, opts));
  }
  return spawnGit(args, opts);
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
async function git(args, opts) {
  const result = await runGit(args, opts);
  if (result.code !== 0) {
    throw environmentError(messages.gitFailed(args, result.stderr.trim()));
  }
  return result.stdout;
}
function splitNul(buffer) {
  const text = buffer.toString("utf8");
  const parts = text.split("\0");
  if (parts[parts.length - 1] === "")
    parts.pop();
  return parts;
}
async function openRepository(cwd) {
  const top = await runGit(REPOSITORY_QUERY, { cwd });
  if (top.code !== 0) {
    const bare = await runGit(["rev-parse", "--is-bare-repository"], { cwd });
    if (bare.code === 0 && bare.stdout.toString().trim() === "true") {
      throw environmentError(messages.bareRepository(cwd), messages.bareRepositoryHint);
    }
    if (/not a git repository/i.test(top.stderr)) {
      throw usageError(messages.notARepository(cwd), messages.notARepositoryHint);
    }
    throw environmentError(messages.gitFailed(["rev-parse", "--show-toplevel"], top.stderr.trim()));
  }
  const [root = "", commonDir = "", gitDir = ""] = top.stdout.toString("utf8").replace(/\n$/, "").split("\n");
  return { root, commonDir, gitDir };
}
async function hasHead(repo) {
  return (await runGit(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { cwd: repo.root })).code === 0;
}
async function resolveCommit(repo, rev) {
  const result = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], { cwd: repo.root });
  if (result.code !== 0)
    throw usageError(messages.unknownRevision(rev), messages.unknownRevisionHint);
  return result.stdout.toString("utf8").trim();
}
function repoRelativePath(repo, cwd, file) {
  const rel = relative(repo.root, resolve(cwd, file));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel))
    throw usageError(messages.fileOutsideRepository(file));
  return rel.split(sep).join("/");
}
var prefetched, prefetchKey, REPOSITORY_QUERY;
var init_git = __esm({
  "dist/src/git.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_errors();
    init_messages();
    init_sharedState();
    prefetched = sharedState("chokepoint.prefetchedGit", () => /* @__PURE__ */ new Map());
    prefetchKey = (args, cwd) => `${cwd}\0${args.join("\0")}`;
    REPOSITORY_QUERY = ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-common-dir", "--git-dir"];
  }
});

// dist/src/stateFile.js
function readStateFile(commonDir, name) {
  if (commonDir === "")
    return void 0;
  try {
    return JSON.parse(readFileSync(join(stateDir(commonDir), name), "utf8"));
  } catch {
    return void 0;
  }
}
function writeStateFile(commonDir, name, value) {
  if (commonDir === "")
    return;
  try {
    mkdirSync(stateDir(commonDir), { recursive: true });
    const path = join(stateDir(commonDir), name);
    writeFileSync(`${path}.${process.pid}`, JSON.stringify(value));
    renameSync(`${path}.${process.pid}`, path);
  } catch {
  }
}
var stateDir;
var init_stateFile = __esm({
  "dist/src/stateFile.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    stateDir = (commonDir) => join(commonDir, "chokepoint");
  }
});

// dist/src/glob.js
function classRanges(source, body, at2) {
  const cps = [...body].map((c) => c.codePointAt(0));
  const ranges = [];
  for (let k = 0; k < cps.length; k++) {
    const lo = cps[k];
    if (cps[k + 1] === 45 && k + 2 < cps.length) {
      const hi = cps[k + 2];
      if (hi < lo)
        throw new GlobSyntaxError(source, at2, `range ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)} is out of order in \`[\u2026]\``);
      ranges.push(lo, hi);
      k += 2;
    } else {
      ranges.push(lo, lo);
    }
  }
  return ranges;
}
function parse(b, source, start, end, inBraces) {
  const parts = [];
  let i = start;
  while (i < end) {
    const ch = source[i];
    if (inBraces && (ch === "," || ch === "}"))
      return { fragment: b.seq(parts), end: i };
    if (ch === "\\") {
      if (i + 1 >= end)
        throw new GlobSyntaxError(source, i, "a pattern cannot end with a lone `\\`");
      const cp = codePointAt(source, i + 1);
      parts.push(b.atom({ op: "char", cp, next: -1 }));
      i += 1 + width(cp);
    } else if (ch === "*") {
      if (source[i + 1] === "*") {
        const atSegmentStart = i === 0 || source[i - 1] === "/";
        if (atSegmentStart && source[i + 2] === "/") {
          parts.push(b.dirs());
          i += 3;
        } else {
          parts.push(b.loop({ op: "any", next: -1 }));
          i += 2;
        }
      } else {
        parts.push(b.loop({ op: "notSlash", next: -1 }));
        i += 1;
      }
    } else if (ch === "?") {
      parts.push(b.atom({ op: "notSlash", next: -1 }));
      i += 1;
    } else if (ch === "[") {
      const close = source.indexOf("]", i + 2);
      if (close < 0 || close >= end)
        throw new GlobSyntaxError(source, i, "unclosed `[` in pattern");
      let body = source.slice(i + 1, close);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated)
        body = body.slice(1);
      parts.push(b.atom({ op: "class", ranges: classRanges(source, body, i), negated, next: -1 }));
      i = close + 1;
    } else if (ch === "{") {
      const options = [];
      let j = i + 1;
      for (; ; ) {
        const part = parse(b, source, j, end, true);
        options.push(part.fragment);
        if (part.end >= end)
          throw new GlobSyntaxError(source, i, "unclosed `{` in pattern");
        j = part.end + 1;
        if (source[part.end] === "}")
          break;
      }
      parts.push(b.alt(options));
      i = j;
    } else {
      const cp = codePointAt(source, i);
      parts.push(b.atom({ op: "char", cp, next: -1 }));
      i += width(cp);
    }
  }
  return { fragment: b.seq(parts), end: i };
}
function inRanges(ranges, cp) {
  for (let k = 0; k < ranges.length; k += 2)
    if (cp >= ranges[k] && cp <= ranges[k + 1])
      return true;
  return false;
}
function consumes(state, cp) {
  switch (state.op) {
    case "char":
      return state.cp === cp;
    case "notSlash":
      return cp !== SLASH2;
    case "any":
      return true;
    case "class":
      return inRanges(state.ranges, cp) !== state.negated;
    default:
      return false;
  }
}
function compileGlob(source) {
  return new GlobMatcher(source);
}
function escapeGlob(text) {
  const out = text.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
  return out.startsWith("!") ? `\\${out}` : out;
}
var GlobSyntaxError, SLASH2, Builder, codePointAt, width, MAX_CACHED_SETS, DEAD, UNKNOWN, GlobMatcher;
var init_glob = __esm({
  "dist/src/glob.js"() {
    "use strict";
    GlobSyntaxError = class extends Error {
      pattern;
      index;
      constructor(pattern, index, message) {
        super(message);
        this.pattern = pattern;
        this.index = index;
      }
    };
    SLASH2 = 47;
    Builder = class {
      states = [];
      add(state) {
        this.states.push(state);
        return this.states.length - 1;
      }
      /** A fragment consuming one character. */
      atom(state) {
        const s = this.add(state);
        return { start: s, holes: [s] };
      }
      /** Zero or more repetitions of one character step (`*`, `**`). */
      loop(state) {
        const split = this.add({ op: "split", to: [] });
        const body = this.add({ ...state, next: split });
        this.states[split].to.push(body);
        return { start: split, holes: [split] };
      }
      /** An empty fragment (matches the empty string). */
      empty() {
        const s = this.add({ op: "split", to: [] });
        return { start: s, holes: [s] };
      }
      patch(holes, target) {
        for (const h of holes) {
          const st = this.states[h];
          if (st.op === "split")
            st.to.push(target);
          else if (st.op !== "end")
            st.next = target;
        }
      }
      seq(parts) {
        if (parts.length === 0)
          return this.empty();
        for (let k = 0; k + 1 < parts.length; k++)
          this.patch(parts[k].holes, parts[k + 1].start);
        return { start: parts[0].start, holes: parts[parts.length - 1].holes };
      }
      alt(options) {
        const split = this.add({ op: "split", to: options.map((o) => o.start) });
        return { start: split, holes: options.flatMap((o) => o.holes) };
      }
      /** `**\/`: nothing, or any run of characters ending in `/`. */
      dirs() {
        const run = this.loop({ op: "any", next: -1 });
        const slash = this.atom({ op: "char", cp: SLASH2, next: -1 });
        const some = this.seq([run, slash]);
        const none = this.empty();
        return this.alt([none, some]);
      }
    };
    codePointAt = (s, i) => s.codePointAt(i);
    width = (cp) => cp > 65535 ? 2 : 1;
    MAX_CACHED_SETS = 4096;
    DEAD = -2;
    UNKNOWN = -1;
    GlobMatcher = class {
      source;
      states;
      start;
      sets = /* @__PURE__ */ new Map();
      dfa = [];
      /** ASCII transitions: `ascii[set * 128 + c]` is the next set, UNKNOWN or DEAD (no live state). */
      ascii = new Int32Array(0);
      accepts = new Uint8Array(0);
      initial = 0;
      steps = 0;
      constructor(source) {
        this.source = source;
        const b = new Builder();
        const { fragment } = parse(b, source, 0, source.length, false);
        const end = b.states.length;
        b.states.push({ op: "end" });
        b.patch(fragment.holes, end);
        this.states = b.states;
        this.start = fragment.start;
        this.initial = this.first();
      }
      first() {
        const first = [];
        this.close(this.start, first, new Uint8Array(this.states.length));
        return this.intern(first);
      }
      /** Adds `s` and every state reachable from it without consuming to `into`, each once. */
      close(s, into, seen) {
        const stack = [s];
        while (stack.length > 0) {
          const t = stack.pop();
          if (seen[t] === 1)
            continue;
          seen[t] = 1;
          this.steps++;
          const st = this.states[t];
          if (st.op === "split")
            for (let k = st.to.length - 1; k >= 0; k--)
              stack.push(st.to[k]);
          else
            into.push(t);
        }
      }
      intern(states) {
        if (states.length === 0)
          return DEAD;
        states.sort((x, y) => x - y);
        const key = states.join(",");
        let found = this.sets.get(key);
        if (found === void 0) {
          found = this.dfa.length;
          this.dfa.push({ states, other: /* @__PURE__ */ new Map() });
          this.sets.set(key, found);
          if (this.ascii.length < this.dfa.length * 128) {
            const grown = new Int32Array(Math.max(this.ascii.length * 2, 128 * 8)).fill(UNKNOWN);
            grown.set(this.ascii);
            this.ascii = grown;
            const accepts = new Uint8Array(grown.length / 128);
            accepts.set(this.accepts);
            this.accepts = accepts;
          }
          this.accepts[found] = states.some((t) => this.states[t].op === "end") ? 1 : 0;
        }
        return found;
      }
      step(fromIndex, cp) {
        if (this.dfa.length >= MAX_CACHED_SETS) {
          const keep = this.dfa[fromIndex].states;
          this.dfa = [];
          this.sets.clear();
          this.ascii.fill(UNKNOWN);
          this.initial = this.first();
          fromIndex = this.intern([...keep]);
        }
        const from = this.dfa[fromIndex];
        const next = [];
        const seen = new Uint8Array(this.states.length);
        for (const s of from.states) {
          const st = this.states[s];
          this.steps++;
          if (st.op !== "end" && st.op !== "split" && consumes(st, cp))
            this.close(st.next, next, seen);
        }
        const to = this.intern(next);
        if (cp < 128)
          this.ascii[fromIndex * 128 + cp] = to;
        else
          from.other.set(cp, to);
        return to;
      }
      test(path) {
        let d = this.initial;
        const n = path.length;
        for (let i = 0; i < n; ) {
          if (d === DEAD)
            return false;
          const unit = path.charCodeAt(i);
          if (unit < 128) {
            i++;
            const to = this.ascii[d * 128 + unit];
            d = to !== UNKNOWN ? to : this.step(d, unit);
          } else {
            const cp = path.codePointAt(i);
            i += cp > 65535 ? 2 : 1;
            d = this.dfa[d].other.get(cp) ?? this.step(d, cp);
          }
        }
        return d !== DEAD && this.accepts[d] === 1;
      }
    };
  }
});

// builtin:node:module
var m5, createRequire;
var init_node_module = __esm({
  "builtin:node:module"() {
    m5 = process.getBuiltinModule("node:module");
    createRequire = m5.createRequire;
  }
});

// dist/src/toml/positions.js
function loadPositionParser() {
  positionParser ??= lazyRequire("toml-eslint-parser");
  return positionParser;
}
function loadValueParser() {
  valueParser ??= lazyRequire("toml");
  return valueParser;
}
function parseToml(text) {
  let value;
  try {
    value = parseKeepingIntegers(text);
  } catch (err) {
    const position = tomlSyntaxPosition(err);
    const message = err instanceof Error ? err.message : String(err);
    return position ? { ok: false, message, position } : { ok: false, message };
  }
  if (!isTomlTable(value))
    return { ok: false, message: "the document is not a TOML table" };
  return { ok: true, value };
}
function parseKeepingIntegers(text) {
  const toml = loadValueParser();
  try {
    return toml.parse(text);
  } catch (err) {
    if (!(err instanceof Error) || !/cannot be represented losslessly/.test(err.message))
      throw err;
    return narrowSafeIntegers(toml.parse(text, { bigint: true }));
  }
}
function narrowSafeIntegers(value) {
  if (typeof value === "bigint") {
    const small = Number(value);
    return Number.isSafeInteger(small) ? small : value;
  }
  if (Array.isArray(value))
    return value.map(narrowSafeIntegers);
  if (isTomlTable(value)) {
    for (const key of Object.keys(value))
      value[key] = narrowSafeIntegers(value[key]);
  }
  return value;
}
function tomlSyntaxPosition(err) {
  if (typeof err !== "object" || err === null)
    return void 0;
  const direct = asPosition(err);
  if (direct)
    return direct;
  const location2 = err.location;
  if (typeof location2 !== "object" || location2 === null)
    return void 0;
  return asPosition(location2.start);
}
function isTomlTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function locateKeyPath(text, keyPath) {
  return locate(text, keyPath)?.key;
}
function locateValuePath(text, keyPath) {
  return locate(text, keyPath)?.value;
}
function locate(text, keyPath) {
  if (cached?.text !== text)
    cached = { text, index: buildIndex(text) };
  return cached.index?.get(pathId(keyPath));
}
function pathId(keyPath) {
  return JSON.stringify(keyPath);
}
function buildIndex(text) {
  try {
    const program = loadPositionParser().parseTOML(text.replace(/^\uFEFF/, " "), { tomlVersion: "1.1" });
    const index = /* @__PURE__ */ new Map();
    const [top] = program.body;
    for (const node of top.body) {
      if (node.type === "TOMLTable")
        indexTable(index, node);
      else
        indexKeyValue(index, [], node);
    }
    return index;
  } catch {
    return void 0;
  }
}
function indexTable(index, table2) {
  const resolved = table2.resolvedKey;
  let component = 0;
  for (let i = 0; i < resolved.length; i++) {
    const segment = resolved[i];
    const prefix = resolved.slice(0, i + 1);
    if (typeof segment === "number") {
      record(index, prefix, startOf(table2), startOf(table2));
    } else {
      const keyNode = table2.key.keys[component++];
      if (keyNode)
        record(index, prefix, startOf(keyNode), startOf(i === resolved.length - 1 ? table2 : keyNode));
    }
  }
  for (const kv of table2.body)
    indexKeyValue(index, resolved, kv);
}
function indexKeyValue(index, base, kv) {
  const path = [...base];
  const keys = kv.key.keys;
  keys.forEach((keyNode, i) => {
    path.push(keyName(keyNode));
    const isLast = i === keys.length - 1;
    record(index, path, startOf(keyNode), isLast ? startOf(kv.value) : startOf(keyNode));
  });
  indexContent(index, path, kv.value);
}
function indexContent(index, path, node) {
  if (node.type === "TOMLInlineTable") {
    for (const kv of node.body)
      indexKeyValue(index, path, kv);
  } else if (node.type === "TOMLArray") {
    node.elements.forEach((element, i) => {
      const elementPath = [...path, i];
      record(index, elementPath, startOf(element), startOf(element));
      indexContent(index, elementPath, element);
    });
  }
}
function record(index, path, key, value) {
  const id = pathId(path);
  if (!index.has(id))
    index.set(id, { key, value });
}
function keyName(node) {
  return node.type === "TOMLBare" ? node.name : node.value;
}
function startOf(node) {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}
function asPosition(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const { line, column } = value;
  if (typeof line !== "number" || typeof column !== "number")
    return void 0;
  return { line, column };
}
var lazyRequire, positionParser, valueParser, cached;
var init_positions2 = __esm({
  "dist/src/toml/positions.js"() {
    "use strict";
    init_node_module();
    lazyRequire = createRequire(import.meta.url);
  }
});

// dist/src/config/schema.js
function reporter(displayPath, text) {
  const at2 = (path) => {
    for (let n = path.length; n > 0; n--) {
      const pos = locateKeyPath(text, path.slice(0, n));
      if (pos)
        return pos;
    }
    return void 0;
  };
  return {
    at: at2,
    isQuoted(path) {
      const pos = locateValuePath(text, path);
      const line = pos && text.split("\n")[pos.line - 1];
      return line === void 0 || /["']/.test(line[pos.column - 1] ?? '"');
    },
    fail(path, message, hint) {
      const pos = at2(path);
      const name = path.length ? `\`${path.map(String).join(".")}\`: ` : "";
      throw configError(displayPath, `${name}${message}`, pos?.line ?? 1, pos?.column ?? 1, hint);
    }
  };
}
function withLazyPosition(target, locate2, path) {
  let cached2 = null;
  Object.defineProperty(target, "at", {
    enumerable: false,
    configurable: true,
    get: () => cached2 === null ? cached2 = locate2(path) : cached2
  });
}
function attachPositions(config, text) {
  const locate2 = (path) => locateKeyPath(text, path);
  config.classes.forEach((cls, i) => {
    withLazyPosition(cls, locate2, ["class", i]);
    Object.defineProperty(cls, "needleAt", { enumerable: false, configurable: true, value: (j) => locate2(["class", i, "needles", j]) });
    cls.allow.forEach((entry, j) => withLazyPosition(entry, locate2, ["class", i, "allow", j]));
  });
  config.dependencies?.allow.forEach((e, k) => withLazyPosition(e, locate2, ["dependency_rule", "allow", k]));
  config.dependencies?.wrappers?.forEach((w, k) => withLazyPosition(w, locate2, ["dependency_rule", "wrapper", k]));
  return config;
}
function checkKeys(r, table2, allowed, path) {
  for (const key of Object.keys(table2)) {
    if (!allowed.includes(key)) {
      r.fail([...path, key], "unknown key", `allowed here: ${allowed.join(", ")}`);
    }
  }
}
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function table(r, value, path) {
  if (!isTable(value))
    r.fail(path, "must be a table");
  return value;
}
function str(r, value, path, opts = {}) {
  if (typeof value !== "string")
    r.fail(path, `must be a string, not ${describe(value)}`);
  if (LOCAL_DATE_OR_TIME.test(value) && !r.isQuoted(path))
    r.fail(path, `must be a string, not ${/^\d{4}/.test(value) ? "a date" : "a time"}`, "quote it to make it a string");
  if (opts.nonEmpty && value.trim() === "")
    r.fail(path, "must not be empty");
  return value;
}
function strings(r, value, path, opts = {}) {
  if (!Array.isArray(value))
    r.fail(path, `must be an array of strings, not ${describe(value)}`);
  return value.map((item, i) => str(r, item, [...path, i], opts));
}
function describe(value) {
  if (Array.isArray(value))
    return "an array";
  if (value instanceof Date)
    return "a date";
  if (isTable(value))
    return "a table";
  return `a ${typeof value}`;
}
function globs(r, value, path) {
  const list = strings(r, value, path, { nonEmpty: true });
  list.forEach((pattern, i) => {
    try {
      compileGlob(pattern.startsWith("!") ? pattern.slice(1) : pattern);
    } catch (err) {
      if (err instanceof GlobSyntaxError)
        r.fail([...path, i], `invalid glob ${JSON.stringify(pattern)}: ${err.message}`);
      throw err;
    }
  });
  return list;
}
function repoPath(r, value, path) {
  const p = str(r, value, path, { nonEmpty: true });
  const hint = 'write the path relative to the repository root, with `/` separators, e.g. "crates/net/src/socket.rs"';
  if (p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p))
    r.fail(path, `path ${JSON.stringify(p)} is absolute`, hint);
  if (p.includes("\\"))
    r.fail(path, `path ${JSON.stringify(p)} uses \`\\\``, hint);
  if (p.split("/").some((seg) => seg === ".." || seg === "." || seg === "")) {
    r.fail(path, `path ${JSON.stringify(p)} has an empty, \`.\` or \`..\` segment`, hint);
  }
  return p;
}
function parseScope(r, value) {
  const t = table(r, value ?? {}, ["scope"]);
  checkKeys(r, t, SCOPE_KEYS, ["scope"]);
  const minFiles = t.min_files ?? 0;
  if (typeof minFiles !== "number" || !Number.isInteger(minFiles) || minFiles < 0) {
    r.fail(["scope", "min_files"], "must be a whole number \u2265 0");
  }
  const countExcluded = t.count_excluded ?? false;
  if (typeof countExcluded !== "boolean")
    r.fail(["scope", "count_excluded"], "must be true or false");
  const include = t.include === void 0 ? ["**/*.rs"] : globs(r, t.include, ["scope", "include"]);
  if (!include.some((g) => !g.startsWith("!"))) {
    r.fail(["scope", "include"], "needs at least one pattern that is not a `!` negation");
  }
  return {
    include,
    exclude: t.exclude === void 0 ? [] : globs(r, t.exclude, ["scope", "exclude"]),
    minFiles,
    countExcluded
  };
}
function parseAllow(r, value, path, classNeedles) {
  const t = table(r, value, path);
  checkKeys(r, t, ALLOW_KEYS, path);
  if (t.path === void 0)
    r.fail(path, "allowlist entry needs a `path`");
  if (t.reason === void 0) {
    r.fail(path, "allowlist entry needs a `reason`", "say why host access is safe in this file: reviewers read it");
  }
  const entry = {
    path: repoPath(r, t.path, [...path, "path"]),
    reason: str(r, t.reason, [...path, "reason"], { nonEmpty: true })
  };
  if (t.needles !== void 0) {
    const needles = strings(r, t.needles, [...path, "needles"], { nonEmpty: true });
    if (needles.length === 0)
      r.fail([...path, "needles"], "must not be empty (leave it out to sanction every needle)");
    needles.forEach((n, i) => {
      if (!classNeedles.includes(n)) {
        r.fail([...path, "needles", i], `${JSON.stringify(n)} is not a needle of this class`, `the class needles are ${classNeedles.map((x) => JSON.stringify(x)).join(", ")}`);
      }
    });
    entry.needles = needles;
  }
  return entry;
}
function parseClass(r, value, index, seen) {
  const path = ["class", index];
  const t = table(r, value, path);
  checkKeys(r, t, CLASS_KEYS, path);
  if (t.name === void 0)
    r.fail(path, "class needs a `name`");
  const name = str(r, t.name, [...path, "name"], { nonEmpty: true });
  if (seen.has(name))
    r.fail([...path, "name"], `duplicate class name ${JSON.stringify(name)}`, "merge the two classes or rename one");
  seen.add(name);
  if (t.needles === void 0)
    r.fail(path, `class ${JSON.stringify(name)} needs \`needles\``);
  const needles = strings(r, t.needles, [...path, "needles"], { nonEmpty: true });
  if (needles.length === 0)
    r.fail([...path, "needles"], "must list at least one needle");
  needles.forEach((n, i) => {
    if (needles.indexOf(n) !== i)
      r.fail([...path, "needles", i], `duplicate needle ${JSON.stringify(n)}`);
  });
  if (t.reason === void 0)
    r.fail(path, `class ${JSON.stringify(name)} needs a \`reason\``, "say why this host access is banned");
  const allowValue = t.allow ?? [];
  if (!Array.isArray(allowValue))
    r.fail([...path, "allow"], "must be an array of tables ([[class.allow]])");
  const allow = allowValue.map((entry, i) => parseAllow(r, entry, [...path, "allow", i], needles));
  allow.forEach((entry, i) => {
    if (allow.findIndex((e) => e.path === entry.path) !== i) {
      r.fail([...path, "allow", i, "path"], `duplicate allowlist entry ${JSON.stringify(entry.path)} in class ${JSON.stringify(name)}`, "keep one entry per file; narrow it with `needles` if needed");
    }
  });
  const cls = { name, reason: str(r, t.reason, [...path, "reason"], { nonEmpty: true }), needles, allow };
  if (t.use_instead !== void 0)
    cls.useInstead = str(r, t.use_instead, [...path, "use_instead"], { nonEmpty: true });
  return cls;
}
function parseDependencyRule(r, value) {
  const path = ["dependency_rule"];
  const t = table(r, value, path);
  checkKeys(r, t, DEP_KEYS, path);
  const forbid = t.forbid_escaping_paths ?? false;
  if (typeof forbid !== "boolean")
    r.fail([...path, "forbid_escaping_paths"], "must be true or false");
  const allowValue = t.allow ?? [];
  if (!Array.isArray(allowValue))
    r.fail([...path, "allow"], "must be an array of tables ([[dependency_rule.allow]])");
  const allow = allowValue.map((entry, i) => {
    const p = [...path, "allow", i];
    const e = table(r, entry, p);
    checkKeys(r, e, DEP_ALLOW_KEYS, p);
    if (e.crate === void 0)
      r.fail(p, "exception needs a `crate`");
    if (e.reason === void 0)
      r.fail(p, "exception needs a `reason`");
    const exception = { crate: str(r, e.crate, [...p, "crate"], { nonEmpty: true }), reason: str(r, e.reason, [...p, "reason"], { nonEmpty: true }) };
    return exception;
  });
  allow.forEach((e, i) => {
    if (allow.findIndex((x) => x.crate.toLowerCase() === e.crate.toLowerCase()) !== i) {
      r.fail([...path, "allow", i, "crate"], `duplicate exception for crate ${JSON.stringify(e.crate)}`);
    }
  });
  const graph = t.graph ?? false;
  if (typeof graph !== "boolean")
    r.fail([...path, "graph"], "must be true or false");
  const banned = t.banned === void 0 ? [] : strings(r, t.banned, [...path, "banned"], { nonEmpty: true });
  return {
    manifests: t.manifests === void 0 ? ["**/Cargo.toml"] : globs(r, t.manifests, [...path, "manifests"]),
    banned,
    allow,
    forbidEscapingPaths: forbid,
    graph,
    wrappers: parseWrappers(r, t.wrapper, banned)
  };
}
function parseWrappers(r, value, banned) {
  const path = ["dependency_rule", "wrapper"];
  if (value === void 0)
    return [];
  if (!Array.isArray(value))
    r.fail(path, "must be an array of tables ([[dependency_rule.wrapper]])");
  const wrappers = value.map((entry, i) => {
    const p = [...path, i];
    const w = table(r, entry, p);
    checkKeys(r, w, WRAPPER_KEYS, p);
    if (w.banned === void 0)
      r.fail(p, "wrapper needs `banned`: one of the markers of `dependency_rule.banned`");
    if (w.crates === void 0)
      r.fail(p, "wrapper needs `crates`: the crates allowed to depend on it directly");
    if (w.reason === void 0)
      r.fail(p, "wrapper needs a `reason`", "say why these crates may bring the banned crate in: reviewers read it");
    const marker = str(r, w.banned, [...p, "banned"], { nonEmpty: true });
    if (!banned.includes(marker)) {
      r.fail([...p, "banned"], `${JSON.stringify(marker)} is not a marker of \`dependency_rule.banned\``, banned.length ? `the markers are ${banned.map((m7) => JSON.stringify(m7)).join(", ")}` : "add it to `banned` first");
    }
    const crates = strings(r, w.crates, [...p, "crates"], { nonEmpty: true });
    if (crates.length === 0)
      r.fail([...p, "crates"], "must name at least one crate (without wrappers the crate is banned everywhere: leave the entry out)");
    crates.forEach((c, j) => {
      if (crates.indexOf(c) !== j)
        r.fail([...p, "crates", j], `duplicate crate ${JSON.stringify(c)}`);
    });
    return { banned: marker, crates, reason: str(r, w.reason, [...p, "reason"], { nonEmpty: true }) };
  });
  wrappers.forEach((w, i) => {
    if (wrappers.findIndex((x) => x.banned === w.banned) !== i)
      r.fail([...path, i, "banned"], `duplicate wrapper entry for marker ${JSON.stringify(w.banned)}`, "list every wrapper crate of a marker in one entry");
  });
  return wrappers;
}
function parseBypass(r, value) {
  const t = table(r, value, ["bypass"]);
  checkKeys(r, t, ["allow_in_ci"], ["bypass"]);
  const allow = t.allow_in_ci ?? false;
  if (typeof allow !== "boolean")
    r.fail(["bypass", "allow_in_ci"], `must be true or false, not ${describe(allow)}`);
  return { allowInCi: allow };
}
function validateConfig(doc, text, displayPath, absolutePath) {
  const r = reporter(displayPath, text);
  checkKeys(r, doc, TOP_KEYS, []);
  const matcher = doc.matcher ?? "precise";
  if (matcher !== "precise" && matcher !== "line")
    r.fail(["matcher"], 'must be "precise" or "line"');
  const classValue = doc.class ?? [];
  if (!Array.isArray(classValue))
    r.fail(["class"], "must be an array of tables ([[class]])");
  const seen = /* @__PURE__ */ new Set();
  const config = {
    file: absolutePath,
    matcher,
    scope: parseScope(r, doc.scope),
    classes: classValue.map((c, i) => parseClass(r, c, i, seen))
  };
  if (doc.dependency_rule !== void 0)
    config.dependencies = parseDependencyRule(r, doc.dependency_rule);
  if (doc.bypass !== void 0)
    config.bypass = parseBypass(r, doc.bypass);
  if (config.classes.length === 0 && !config.dependencies) {
    r.fail([], "the config bans nothing: add a [[class]] or a [dependency_rule]", "run `chokepoint init` for a commented starter config");
  }
  return attachPositions(config, text);
}
var TOP_KEYS, SCOPE_KEYS, CLASS_KEYS, ALLOW_KEYS, DEP_KEYS, DEP_ALLOW_KEYS, WRAPPER_KEYS, LOCAL_DATE_OR_TIME;
var init_schema = __esm({
  "dist/src/config/schema.js"() {
    "use strict";
    init_errors();
    init_glob();
    init_positions2();
    TOP_KEYS = ["matcher", "scope", "class", "dependency_rule", "bypass"];
    SCOPE_KEYS = ["include", "exclude", "min_files", "count_excluded"];
    CLASS_KEYS = ["name", "reason", "use_instead", "needles", "allow"];
    ALLOW_KEYS = ["path", "reason", "needles"];
    DEP_KEYS = ["manifests", "banned", "allow", "forbid_escaping_paths", "graph", "wrapper"];
    DEP_ALLOW_KEYS = ["crate", "reason"];
    WRAPPER_KEYS = ["banned", "crates", "reason"];
    LOCAL_DATE_OR_TIME = /^(?:\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
  }
});

// dist/src/config/cache.js
function readCachedConfig(commonDir, file, text, version2) {
  const entry = readStateFile(commonDir, CACHE_FILE);
  if (entry?.format !== FORMAT || entry.version !== version2 || entry.file !== file || entry.text !== text || entry.config === void 0)
    return void 0;
  try {
    return attachPositions(entry.config, text);
  } catch {
    return void 0;
  }
}
function writeCachedConfig(commonDir, file, text, version2, config) {
  const entry = { format: FORMAT, version: version2, file, text, config };
  writeStateFile(commonDir, CACHE_FILE, entry);
}
var FORMAT, CACHE_FILE;
var init_cache = __esm({
  "dist/src/config/cache.js"() {
    "use strict";
    init_stateFile();
    init_schema();
    FORMAT = 1;
    CACHE_FILE = "config-cache.json";
  }
});

// dist/src/config/file.js
var CONFIG_FILE;
var init_file = __esm({
  "dist/src/config/file.js"() {
    "use strict";
    CONFIG_FILE = "chokepoint.toml";
  }
});

// dist/src/config/load.js
function parseConfig(text, displayPath, absolutePath) {
  const parsed = parseToml(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok) {
    throw configError(displayPath, `invalid TOML: ${parsed.message}`, parsed.position?.line ?? 1, parsed.position?.column ?? 1);
  }
  return validateConfig(parsed.value, text, displayPath, absolutePath);
}
function decodeConfig(bytes, displayPath) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at2 = firstInvalidUtf8(bytes);
    throw configError(displayPath, messages.configNotUtf8, at2.line, at2.column, messages.configNotUtf8Hint);
  }
}
function firstInvalidUtf8(bytes) {
  const lossy = bytes.toString("utf8");
  for (let i = lossy.indexOf("\uFFFD"); i >= 0; i = lossy.indexOf("\uFFFD", i + 1)) {
    const at2 = Buffer.byteLength(lossy.slice(0, i));
    if (bytes[at2] === 239 && bytes[at2 + 1] === 191 && bytes[at2 + 2] === 189)
      continue;
    const lines = lossy.slice(0, i).replace(/^\uFEFF/, "").split("\n");
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
  }
  return { line: 1, column: 1 };
}
async function loadConfig(repo, cwd, configPath, index, head) {
  const { root } = repo;
  const abs = configPath ? resolve(cwd, configPath) : resolve(root, CONFIG_FILE);
  const display = relative(cwd, abs) || abs;
  const repoPath2 = relative(root, abs).split(sep).join("/");
  let bytes;
  let from = "worktree";
  if (index && !repoPath2.startsWith("..")) {
    bytes = (await index.readFiles([repoPath2])).get(repoPath2);
    from = "index";
    if (!bytes && head) {
      const source = head();
      try {
        bytes = (await source.readFiles([repoPath2])).get(repoPath2);
      } finally {
        source.close();
      }
      from = "revision";
    }
  }
  if (!bytes) {
    from = "worktree";
    try {
      bytes = readFileSync(abs);
    } catch (err) {
      const code = err.code;
      if (code === "ENOENT")
        throw configError(display, messages.configMissing(display), void 0, void 0, messages.configMissingHint);
      if (code === "EISDIR")
        throw configError(display, "is a directory, not a config file");
      throw configError(display, `cannot be read: ${err.message}`);
    }
  }
  const text = decodeConfig(bytes, display);
  const version2 = readPackageVersion();
  const cached2 = readCachedConfig(repo.commonDir, abs, text, version2);
  if (cached2)
    return { config: cached2, repoPath: repoPath2, from };
  const config = parseConfig(text, display, abs);
  writeCachedConfig(repo.commonDir, abs, text, version2, config);
  return { config, repoPath: repoPath2, from };
}
var init_load = __esm({
  "dist/src/config/load.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_version();
    init_cache();
    init_errors();
    init_positions2();
    init_schema();
    init_messages();
    init_file();
  }
});

// dist/src/source/blobs.js
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
function takeWarm(cwd) {
  const taken = warm.get(cwd);
  warm.delete(cwd);
  if (!taken || taken.child.exitCode !== null || taken.child.pid === void 0)
    return void 0;
  holdOpen(taken.child, true);
  return taken;
}
var CAT_FILE, spawnCatFile, warm, BlobReader;
var init_blobs = __esm({
  "dist/src/source/blobs.js"() {
    "use strict";
    init_errors();
    init_messages();
    init_sharedState();
    CAT_FILE = ["cat-file", "--batch"];
    spawnCatFile = (cwd) => process.getBuiltinModule("node:child_process").spawn("git", CAT_FILE, { cwd, env: { ...process.env, LC_ALL: "C" }, stdio: ["pipe", "pipe", "pipe"] });
    warm = sharedState("chokepoint.warmBlobReaders", () => /* @__PURE__ */ new Map());
    BlobReader = class {
      cwd;
      child;
      queue = [];
      buffer = Buffer.alloc(0);
      /** Output not yet joined to `buffer`: joining every chunk would copy a large blob quadratically. */
      chunks = [];
      chunkBytes = 0;
      /** How many bytes `buffer` must hold before the answer at its head is complete (0: unknown). */
      needed = 0;
      failure;
      /** Answers to names a warm process was asked before this reader took it, until read. */
      early = /* @__PURE__ */ new Map();
      constructor(cwd) {
        this.cwd = cwd;
      }
      start() {
        if (this.child)
          return this.child;
        const taken = takeWarm(this.cwd);
        const child = taken?.child ?? spawnCatFile(this.cwd);
        for (const oid of taken?.asked ?? []) {
          const answer = new Promise((resolve2, reject) => this.queue.push({ oid, resolve: resolve2, reject }));
          answer.catch(() => void 0);
          this.early.set(oid, answer);
        }
        child.stdout.on("data", (chunk) => {
          this.chunks.push(chunk);
          this.chunkBytes += chunk.length;
          if (this.buffer.length + this.chunkBytes < this.needed)
            return;
          this.buffer = this.buffer.length || this.chunks.length > 1 ? Buffer.concat([this.buffer, ...this.chunks]) : chunk;
          this.chunks = [];
          this.chunkBytes = 0;
          this.drain();
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => stderr += chunk.toString("utf8"));
        child.on("error", (e) => {
          this.fail(e.code === "ENOENT" ? environmentError(messages.gitMissing, messages.gitMissingHint) : e);
        });
        child.on("close", (code) => {
          if (this.queue.length)
            this.fail(environmentError(messages.gitFailed(["cat-file", "--batch"], stderr.trim() || `exit ${code}`)));
        });
        child.stdin.on("error", () => {
        });
        this.child = child;
        return child;
      }
      fail(err) {
        this.failure = err;
        for (const p of this.queue.splice(0))
          p.reject(err);
      }
      /** Parses as many complete answers as the buffer holds. */
      drain() {
        for (; ; ) {
          const pending = this.queue[0];
          if (!pending)
            return;
          const eol = this.buffer.indexOf(10);
          if (eol < 0)
            return;
          const header = this.buffer.toString("utf8", 0, eol);
          if (header.endsWith(" missing")) {
            this.buffer = this.buffer.subarray(eol + 1);
            this.queue.shift();
            pending.resolve(void 0);
            continue;
          }
          const size = Number(header.slice(header.lastIndexOf(" ") + 1));
          if (!Number.isFinite(size)) {
            this.fail(environmentError(messages.gitFailed(["cat-file", "--batch"], `unexpected answer: ${header}`)));
            return;
          }
          const end = eol + 1 + size + 1;
          if (this.buffer.length < end) {
            this.needed = end;
            return;
          }
          this.needed = 0;
          const isBlob = header.split(" ")[1] === "blob";
          const blob = isBlob ? Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size)) : void 0;
          this.buffer = this.buffer.subarray(end);
          this.queue.shift();
          pending.resolve(blob);
        }
      }
      /** Reads blobs by object id, in one round trip for the whole list. */
      read(oids) {
        if (this.failure)
          return Promise.reject(this.failure);
        if (oids.length === 0)
          return Promise.resolve([]);
        const child = this.start();
        const asked = [];
        const answers = oids.map((oid) => {
          const early = this.early.get(oid);
          if (early) {
            this.early.delete(oid);
            return early;
          }
          asked.push(oid);
          return new Promise((resolve2, reject) => this.queue.push({ oid, resolve: resolve2, reject }));
        });
        if (asked.length)
          child.stdin.write(asked.map((oid) => `${oid}
`).join(""));
        return Promise.all(answers);
      }
      close() {
        this.child?.stdin.end();
        this.child = void 0;
      }
    };
  }
});

// dist/src/source/sources.js
var sources_exports = {};
__export(sources_exports, {
  WORKTREE_DELETED_ARGS: () => WORKTREE_DELETED_ARGS,
  WORKTREE_FILES_ARGS: () => WORKTREE_FILES_ARGS,
  indexSource: () => indexSource,
  readDiskLinks: () => readDiskLinks,
  readWorktreeFile: () => readWorktreeFile,
  revisionSource: () => revisionSource,
  worktreeHas: () => worktreeHas,
  worktreeSource: () => worktreeSource
});
function parseLinks(buffer, oidField) {
  const links = /* @__PURE__ */ new Map();
  for (const record2 of splitNul(buffer)) {
    const tab = record2.indexOf("	");
    const fields = record2.slice(0, tab).split(" ");
    if (fields[0] !== SYMLINK)
      continue;
    if (oidField === 1 && fields[2] !== "0" && fields[2] !== "2")
      continue;
    links.set(record2.slice(tab + 1), fields[oidField]);
  }
  return links;
}
function parseEntries(buffer, oidField) {
  const entries = /* @__PURE__ */ new Map();
  for (const record2 of splitNul(buffer)) {
    const tab = record2.indexOf("	");
    const fields = record2.slice(0, tab).split(" ");
    const path = record2.slice(tab + 1);
    if (fields[0] === GITLINK)
      continue;
    if (oidField === 1 && fields[2] !== "0" && fields[2] !== "2")
      continue;
    entries.set(path, fields[oidField]);
  }
  return entries;
}
function objectSource(kind, root, treeish, loadAll, loadSome, loadLinks, snapshot) {
  const reader = snapshot ? snapshotReader(snapshot, new BlobReader(root)) : new BlobReader(root);
  const known = /* @__PURE__ */ new Map();
  let all;
  let links;
  return {
    kind,
    // `--cached` for the index, the commit for a revision (its output then names `<commit>:path`).
    filesSpelling: (words) => grepWords(root, words, kind === "index" ? ["--cached"] : [treeish], kind === "index" ? "" : `${treeish}:`),
    knowBlobIds(entries) {
      for (const [path, oid] of entries)
        known.set(path, oid);
    },
    async listPaths() {
      all ??= loadAll();
      const entries = await all;
      for (const [path, oid] of entries)
        known.set(path, oid);
      return [...entries.keys()].sort();
    },
    async readFiles(paths) {
      const unnamed = paths.filter((p) => !known.has(p) && (snapshot !== void 0 || /[\n\r]/.test(p)));
      if (unnamed.length) {
        const found = await loadSome(unnamed);
        for (const p of unnamed)
          known.set(p, found.get(p));
      }
      const names = paths.map((p) => known.has(p) ? known.get(p) : `${treeish}:${p}`);
      const wanted = names.filter((name) => name !== void 0);
      const blobs = await reader.read(wanted);
      const result = /* @__PURE__ */ new Map();
      let next = 0;
      paths.forEach((p, i) => result.set(p, names[i] === void 0 ? void 0 : blobs[next++]));
      return result;
    },
    async readLinks(paths) {
      links ??= loadLinks();
      const known2 = await links;
      const wanted = paths.filter((p) => known2.has(p));
      const result = /* @__PURE__ */ new Map();
      if (wanted.length === 0)
        return result;
      const blobs = await reader.read(wanted.map((p) => known2.get(p)));
      wanted.forEach((p, i) => result.set(p, blobs[i]?.toString("utf8") ?? ""));
      return result;
    },
    close: () => reader.close()
  };
}
function indexSource(root, snapshot) {
  if (snapshot) {
    const lookUp = (paths, want) => {
      const found = /* @__PURE__ */ new Map();
      for (const p of paths) {
        const e = snapshot.entry(p);
        if (e && e.mode !== GITLINK && (want === void 0 || e.mode === want))
          found.set(p, e.oid);
      }
      return found;
    };
    return objectSource("index", root, ":0", async () => lookUp(snapshot.paths()), async (paths) => lookUp(paths), async () => lookUp(snapshot.paths(), SYMLINK), snapshot);
  }
  return objectSource("index", root, ":0", async () => parseEntries(await git(["ls-files", "-s", "-z"], { cwd: root }), 1), async (paths) => parseEntries(await git(["ls-files", "-s", "-z", "--", ...paths], { cwd: root, env: LITERAL2 }), 1), async () => parseLinks(await git(["ls-files", "-s", "-z"], { cwd: root }), 1));
}
function snapshotReader(snapshot, git2) {
  return {
    async read(names) {
      const blobs = names.map((name) => snapshot.readBlob(name));
      const missing = names.filter((_, i) => blobs[i] === void 0);
      if (missing.length === 0)
        return blobs;
      const fromGit = await git2.read(missing);
      let next = 0;
      return blobs.map((blob) => blob ?? fromGit[next++]);
    },
    close() {
      git2.close();
      snapshot.close();
    }
  };
}
function revisionSource(root, commit) {
  const load = async (paths) => parseEntries(await git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...paths], { cwd: root, env: LITERAL2 }), 2);
  return objectSource("revision", root, commit, () => load([]), load, async () => parseLinks(await git(["ls-tree", "-r", "-z", "--full-tree", commit], { cwd: root }), 0));
}
async function grepWords(root, words, where, prefix) {
  const args = ["grep", "-l", "-z", "-I", "-w", "-F", ...words.flatMap((w) => ["-e", w]), ...where];
  const result = await runGit(args, { cwd: root });
  if (result.code > 1)
    throw environmentError(messages.gitFailed(args, result.stderr.trim()));
  return new Set(splitNul(result.stdout).map((p) => p.startsWith(prefix) ? p.slice(prefix.length) : p));
}
function worktreeSource(root) {
  return {
    kind: "worktree",
    filesSpelling: (words) => grepWords(root, words, ["--untracked"], ""),
    async listPaths() {
      const [present, deleted] = await Promise.all([git(WORKTREE_FILES_ARGS, { cwd: root }), git(WORKTREE_DELETED_ARGS, { cwd: root })]);
      const gone = new Set(splitNul(deleted));
      return [...new Set(splitNul(present))].filter((p) => !gone.has(p)).sort();
    },
    async readFiles(paths) {
      return new Map(paths.map((p) => [p, readWorktreeFile(root, p)]));
    },
    readLinks: async (paths) => readDiskLinks(root, paths),
    close() {
    }
  };
}
function readDiskLinks(root, paths) {
  const result = /* @__PURE__ */ new Map();
  for (const p of paths) {
    try {
      if (lstatSync(join(root, p)).isSymbolicLink())
        result.set(p, readlinkSync(join(root, p), "utf8"));
    } catch {
    }
  }
  return result;
}
function worktreeHas(root, path) {
  try {
    lstatSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}
function readWorktreeFile(root, path) {
  const abs = `${root}/${path}`;
  let fd;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = err.code;
    if (code === "ELOOP" || code === "EMLINK")
      return Buffer.from(readlinkSync(abs), "utf8");
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR")
      return void 0;
    throw err;
  }
  try {
    const read = readOpenFile(fd, readBuffer);
    if (read === void 0)
      return void 0;
    readBuffer = read.buffer;
    return Buffer.from(read.buffer.subarray(0, read.size));
  } catch (err) {
    const code = err.code;
    if (code === "EISDIR" || code === "ESPIPE")
      return void 0;
    throw err;
  } finally {
    closeSync(fd);
  }
}
function readOpenFile(fd, target) {
  let size = readSync(fd, target, 0, target.length, 0);
  if (size > 0 && size < target.length) {
    const more = readSync(fd, target, size, target.length - size, size);
    if (more === 0)
      return { buffer: target, size };
    size += more;
  }
  const stat = fstatSync(fd);
  if (!stat.isFile())
    return void 0;
  for (; ; ) {
    if (size >= stat.size && stat.size > 0)
      break;
    if (size === target.length) {
      const bigger = Buffer.allocUnsafe(Math.max(target.length * 2, stat.size + 1));
      target.copy(bigger, 0, 0, size);
      target = bigger;
    }
    const n = readSync(fd, target, size, target.length - size, size);
    if (n === 0)
      break;
    size += n;
  }
  return { buffer: target, size };
}
var GITLINK, SYMLINK, LITERAL2, WORKTREE_FILES_ARGS, WORKTREE_DELETED_ARGS, readBuffer;
var init_sources = __esm({
  "dist/src/source/sources.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_git();
    init_errors();
    init_messages();
    init_blobs();
    GITLINK = "160000";
    SYMLINK = "120000";
    LITERAL2 = { GIT_LITERAL_PATHSPECS: "1" };
    WORKTREE_FILES_ARGS = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"];
    WORKTREE_DELETED_ARGS = ["ls-files", "-z", "--deleted"];
    readBuffer = Buffer.allocUnsafe(64 * 1024);
  }
});

// dist/src/source/filesystem.js
function literalDir(glob) {
  const body = glob.startsWith("!") ? glob.slice(1) : glob;
  const wild = body.search(/[*?[{\\]/);
  const literal = wild < 0 ? body : body.slice(0, wild);
  const slash = literal.lastIndexOf("/");
  return slash < 0 ? "" : literal.slice(0, slash);
}
function walkRoots(config) {
  const globs2 = [...config.scope.include.filter((g) => !g.startsWith("!")), ...config.dependencies?.manifests ?? []];
  const dirs = [...new Set(globs2.map(literalDir))].sort();
  return dirs.filter((d) => !dirs.some((o) => o !== d && (o === "" || d.startsWith(`${o}/`))));
}
function walk(root, dir, out) {
  let entries;
  try {
    entries = readdirSync(dir === "" ? root : `${root}/${dir}`, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = dir === "" ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (dir === "" && e.name === ".git")
        continue;
      walk(root, path, out);
    } else if (e.isFile() || e.isSymbolicLink()) {
      out.push(path);
    }
  }
}
function filesystemSource(root, config) {
  return {
    kind: "worktree",
    async listPaths() {
      const out = [];
      for (const dir of walkRoots(config))
        walk(root, dir, out);
      return out.sort();
    },
    async readFiles(paths) {
      return new Map(paths.map((p) => [p, readWorktreeFile(root, p)]));
    },
    readLinks: async (paths) => readDiskLinks(root, paths),
    // No git to search with: every listed file is read (this source serves small trees outside git).
    async filesSpelling(words) {
      const word = new RegExp(`\\b(?:${words.map(escapeRegExp).join("|")})\\b`);
      const found = /* @__PURE__ */ new Set();
      for (const path of await this.listPaths()) {
        const bytes = readWorktreeFile(root, path);
        if (bytes !== void 0 && !bytes.includes(0) && word.test(bytes.toString("latin1")))
          found.add(path);
      }
      return found;
    },
    close() {
    }
  };
}
var init_filesystem = __esm({
  "dist/src/source/filesystem.js"() {
    "use strict";
    init_node_fs();
    init_needles();
    init_sources();
  }
});

// dist/src/scope.js
function firstMatch(globs2, path) {
  return globs2.find((g) => g.test(path))?.source;
}
function buildScope(config) {
  const positive = config.scope.include.filter((p) => !p.startsWith("!")).map(compileGlob);
  const negated = config.scope.include.filter((p) => p.startsWith("!")).map((p) => compileGlob(p.slice(1)));
  const exclude = config.scope.exclude.map(compileGlob);
  const manifests = (config.dependencies?.manifests ?? []).map(compileGlob);
  return {
    classify(path) {
      const includedBy = firstMatch(positive, path);
      if (!includedBy)
        return { status: "outside" };
      const removedBy = firstMatch(negated, path);
      if (removedBy)
        return { status: "outside", removedBy: `!${removedBy}` };
      const excludedBy = firstMatch(exclude, path);
      return excludedBy ? { status: "excluded", includedBy, excludedBy } : { status: "scanned", includedBy };
    },
    isManifest: (path) => manifests.some((g) => g.test(path)),
    manifestPattern: (path) => firstMatch(manifests, path)
  };
}
var init_scope = __esm({
  "dist/src/scope.js"() {
    "use strict";
    init_glob();
  }
});

// dist/src/rules/lineMatcher.js
function isCharWhitespace(code) {
  return code >= 9 && code <= 13 || code === 32 || code === 133 || code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288;
}
function rustTrim(s) {
  let start = 0;
  let end = s.length;
  while (start < end && isCharWhitespace(s.charCodeAt(start)))
    start++;
  while (end > start && isCharWhitespace(s.charCodeAt(end - 1)))
    end--;
  return s.slice(start, end);
}
function rustLines(text) {
  const lines = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) {
      lines.push({ text: text.slice(start), offset: start });
      break;
    }
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ text: text.slice(start, end), offset: start });
    start = nl + 1;
  }
  return lines;
}
function seedTestLines(lines) {
  let pending = false;
  let depth = 0;
  return lines.map((raw) => {
    const line = cutLineComment(raw);
    const trimmed = rustTrim(line);
    if (depth > 0) {
      depth = Math.max(0, depth + count(line, "{") - count(line, "}"));
      return true;
    }
    if (trimmed.startsWith("#[cfg(test)]")) {
      pending = true;
      return false;
    }
    if (!pending)
      return false;
    if (trimmed === "" || trimmed.startsWith("#[") || trimmed.startsWith("//"))
      return false;
    pending = false;
    if (TEST_MOD_PREFIXES.some((p) => trimmed.startsWith(p))) {
      depth = Math.max(0, count(line, "{") - count(line, "}"));
    }
    return true;
  });
}
function anyNeedle(needles) {
  let re = anyNeedleCache.get(needles);
  if (re === void 0) {
    re = needles.length === 0 ? /(?!)/ : new RegExp(needles.map(escapeRegExp).join("|"));
    anyNeedleCache.set(needles, re);
  }
  return re;
}
function matchLikeSeed(text, needles) {
  if (!anyNeedle(needles).test(text))
    return [];
  const lines = rustLines(text);
  const inTest = seedTestLines(lines.map((l) => l.text));
  const hits = [];
  lines.forEach((line, i) => {
    if (inTest[i])
      return;
    const code = cutLineComment(line.text);
    for (const needle of needles) {
      const at2 = code.indexOf(needle);
      if (at2 < 0)
        continue;
      const bom = i === 0 && text.charCodeAt(0) === 65279 ? 1 : 0;
      hits.push({ needle, offset: line.offset + at2, line: i + 1, column: at2 + 1 - bom, length: needle.length });
    }
  });
  return hits;
}
var cutLineComment, count, TEST_MOD_PREFIXES, anyNeedleCache;
var init_lineMatcher = __esm({
  "dist/src/rules/lineMatcher.js"() {
    "use strict";
    init_needles();
    cutLineComment = (line) => {
      const at2 = line.indexOf("//");
      return at2 < 0 ? line : line.slice(0, at2);
    };
    count = (s, ch) => {
      let n = 0;
      for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1))
        n++;
      return n;
    };
    TEST_MOD_PREFIXES = ["mod ", "pub mod ", "pub(crate) mod ", "pub(super) mod "];
    anyNeedleCache = /* @__PURE__ */ new WeakMap();
  }
});

// dist/src/findings/catalogue.js
function ruleIdOf(finding) {
  if (finding.kind === "banned-api")
    return finding.class !== void 0 ? `banned-api/${finding.class}` : "banned-api";
  return finding.kind;
}
var q2, CATALOGUE, FINDING_KINDS, waysOut;
var init_catalogue = __esm({
  "dist/src/findings/catalogue.js"() {
    "use strict";
    init_messages();
    q2 = (s) => JSON.stringify(s);
    CATALOGUE = {
      "banned-api": {
        severity: "error",
        title: "Banned host API outside its chokepoint",
        description: "A banned host API (a needle of a banned class) is used outside the files allowlisted for its class.",
        fix: "Route the access through the class chokepoint, or, if this file is itself a reviewed chokepoint, add an allowlist entry for it, with a reason, in chokepoint.toml.",
        group: "class",
        anchoredInConfig: false,
        judgedFrom: "file",
        message: (needle, cls) => `\`${needle}\` (class ${cls}) is used outside the ${cls} allowlist`
      },
      "banned-dependency": {
        severity: "error",
        title: "Banned crate dependency",
        description: "A Cargo manifest depends on a crate whose name (or the package it renames) matches a banned marker of the dependency rule.",
        fix: "Remove the dependency, or add a dependency exception for the crate, with a reason, in chokepoint.toml.",
        group: "dependencies",
        anchoredInConfig: false,
        judgedFrom: "file",
        message: (d) => `Depends on banned crate \`${d.name}\` (matches marker \`${d.marker}\`) in \`${d.table}\`` + (d.renamedTo !== void 0 ? `, renamed to \`${d.renamedTo}\`` : "") + (d.renames !== void 0 ? `; the key is banned even though it renames package \`${d.renames}\`` : "") + "."
      },
      "escaping-path-dependency": {
        severity: "error",
        title: "Path dependency escapes the repository",
        description: 'A `path = "\u2026"` dependency resolves outside the repository root, so the code it pulls in is never checked.',
        fix: "Move the crate inside the repository, or depend on it through a registry or git source.",
        group: "dependencies",
        anchoredInConfig: false,
        judgedFrom: "file",
        message: (key, table2, escape, git2 = false) => `${git2 ? "Git dependency on a local repository" : "Path dependency"} \`${key}\` in \`${table2}\` points outside the repository: ${escape}.`
      },
      "banned-dependency-chain": {
        severity: "error",
        title: "Banned crate reached through dependencies",
        description: "Following Cargo.lock from a workspace member reaches a crate whose name matches a banned marker, on an edge that no listed wrapper crate sanctions (the shortest such chain is shown).",
        fix: "Drop or replace the dependency at the first edge of the chain, route the access through a listed wrapper crate, or add the crate that depends on the banned one to the marker's `[[dependency_rule.wrapper]]` crates, with a reason, in chokepoint.toml.",
        group: "dependencies",
        anchoredInConfig: false,
        judgedFrom: "cargo graph",
        message: messages.bannedChain
      },
      "too-few-files": {
        severity: "error",
        title: "Full audit scanned too few files",
        description: "The full audit scanned fewer in-scope files than the configured minimum: the scope globs probably no longer match the sources, so the check would pass vacuously.",
        fix: "Fix the scope globs in chokepoint.toml (or lower the minimum if the tree really shrank).",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (found, min) => `the audit scanned ${found} file${found === 1 ? "" : "s"}, fewer than the minimum of ${min}: the scope may have stopped matching the sources, which would make the lint pass vacuously`
      },
      "missing-allowlist-path": {
        severity: "error",
        title: "Allowlisted path does not exist",
        description: "An allowlist entry names a file that does not exist in the checked tree.",
        fix: "Correct the path of the allowlist entry in chokepoint.toml, or remove the entry.",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (path, cls) => `allowlist entry ${q2(path)} of class ${cls} names a file that does not exist`
      },
      "dead-allowlist-entry": {
        severity: "error",
        title: "Allowlisted path is out of scope",
        description: "An allowlist entry names a file that is excluded or outside the scanned scope, so the entry has no effect.",
        fix: "Remove the allowlist entry from chokepoint.toml, or bring the file back into scope.",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (path, cls, why) => `allowlist entry ${q2(path)} of class ${cls} is never scanned (${why}), so it sanctions nothing`
      },
      "allowlisted-path-removed": {
        severity: "error",
        title: "Allowlisted path deleted or renamed",
        description: "The change deletes or renames a file that an allowlist entry names; the next full audit would fail on the dangling entry.",
        fix: "Update (or remove) the allowlist entry in chokepoint.toml in the same commit.",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (path, classes, to) => to !== void 0 ? `${q2(path)} is allowlisted for ${classes} and this commit renames it to ${q2(to)}: update the allowlist entry in chokepoint.toml` : `${q2(path)} is allowlisted for ${classes} and this commit deletes it: remove its allowlist entry from chokepoint.toml`
      },
      "config-removed": {
        severity: "error",
        title: "Config deleted from the repository",
        description: "The commit deletes chokepoint.toml from the repository (a copy may remain in the working tree, untracked): a fresh clone, and CI, would have no rules.",
        fix: 'Keep the config committed (`git restore --staged chokepoint.toml`), or, if the lint is really being retired, commit with CHOKEPOINT_BYPASS="reason".',
        group: "config",
        anchoredInConfig: false,
        judgedFrom: "tree",
        message: (path) => `this commit deletes ${q2(path)} from the repository: the next clone has no chokepoint rules`
      },
      "invalid-file": {
        severity: "error",
        title: "File could not be checked",
        description: "A source file or manifest could not be read as checked input (invalid UTF-8, unparsable TOML, \u2026).",
        fix: "Fix the file so that it can be checked; an unchecked file is never allowed through.",
        group: "unreadable files",
        anchoredInConfig: false,
        judgedFrom: "file",
        message: (why) => why === "utf8" ? "not valid UTF-8: Rust sources and Cargo manifests must be UTF-8, and a file that cannot be read cannot be cleared" : `Cargo manifest is not valid TOML: ${why.toml}`
      },
      "escaping-module-path": {
        severity: "error",
        title: "Module path escapes the repository",
        description: 'A `#[path = "\u2026"]` or `include!("\u2026")` in production code names a file outside the repository, so code compiled into the crate is never checked.',
        fix: "Move the file into the repository and name it from there.",
        group: "module paths",
        anchoredInConfig: false,
        // Found by resolving modules across files, not by judging one file alone.
        judgedFrom: "tree",
        message: (declaration, target) => `\`${declaration}\` names ${q2(target)}, outside the repository: code chokepoint cannot read is code it cannot clear; move the file into the repository`
      },
      "stale-allowlist-entry": {
        severity: "warning",
        title: "Allowlist entry no longer needed",
        description: "An allowlisted file no longer contains any needle of its class: the chokepoint can be tightened.",
        fix: "Remove the allowlist entry (or the needles it sanctions) from chokepoint.toml.",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (path, cls) => `allowlist entry ${q2(path)} of class ${cls} no longer uses any of its needles: the chokepoint can be tightened`
      },
      "unused-needle": {
        severity: "warning",
        title: "Class matches nothing",
        description: "No needle of a banned class matches anything in the tree: the class guards nothing, which a typo would also cause.",
        fix: "Check the needle for a typo in chokepoint.toml, or remove it.",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (needles, cls) => needles.length === 1 ? `needle \`${needles[0]}\` of class ${cls} matches nothing in the tree: the class guards nothing here (check the needle for a typo)` : `no needle of class ${cls} matches anything in the tree (${needles.map((n) => `\`${n}\``).join(", ")}): the class guards nothing here (check the needles for typos)`
      },
      "unused-dependency-exception": {
        severity: "warning",
        title: "Dependency exception matches nothing",
        description: "A dependency exception names a crate that no checked manifest depends on.",
        fix: "Remove the exception from chokepoint.toml.",
        group: "sanity",
        anchoredInConfig: true,
        judgedFrom: "tree",
        message: (crate) => `dependency exception for ${q2(crate)} matches no dependency`
      },
      "stale-lockfile": {
        severity: "warning",
        title: "Cargo.lock may be stale",
        description: "A manifest declares a dependency that Cargo.lock does not list for its crate, so the graph check cannot follow it.",
        fix: "Run `cargo update --workspace` (or any cargo build) and commit Cargo.lock with the manifest.",
        group: "dependencies",
        anchoredInConfig: false,
        judgedFrom: "tree",
        message: messages.staleLockfile
      },
      "baseline-outdated": {
        severity: "warning",
        title: "Baseline entry outgrown",
        description: "A file has fewer findings of a kind than the baseline records: the slack would let a new finding through unnoticed.",
        fix: "Run `chokepoint baseline --prune` and commit the baseline file.",
        group: "sanity",
        anchoredInConfig: false,
        judgedFrom: "tree",
        message: (path, key, recorded, now) => `${path}: ${key} is down to ${now} from the baseline's ${recorded}: run \`chokepoint baseline --prune\` so the baseline cannot hide a new one`
      }
    };
    FINDING_KINDS = Object.keys(CATALOGUE);
    waysOut = {
      route: (useInstead) => useInstead ? `route the access through ${useInstead}` : "route the access through an existing chokepoint module",
      allow: (cls, configPath = "chokepoint.toml") => `or, if this file is a new reviewed chokepoint, add it to the ${cls} allowlist in ${configPath} with a reason`,
      /** Both, as one sentence. */
      sentence: (cls, useInstead, configPath) => `Route the access through ${useInstead !== void 0 && useInstead !== "" ? useInstead : "a reviewed chokepoint module"}, or, if this file is itself a chokepoint, add an allowlist entry${cls !== void 0 ? ` of class "${cls}"` : ""} for it, with a reason, in ${configPath}.`
    };
  }
});

// dist/src/rules/bannedApi.js
function indexClasses(classes) {
  const classesOf = /* @__PURE__ */ new Map();
  const allow = /* @__PURE__ */ new Map();
  for (const cls of classes) {
    for (const needle of cls.needles)
      classesOf.set(needle, [...classesOf.get(needle) ?? [], cls]);
    for (const entry of cls.allow) {
      const byClass = allow.get(entry.path) ?? /* @__PURE__ */ new Map();
      byClass.set(cls.name, entry);
      allow.set(entry.path, byClass);
    }
  }
  return { classes, needles: [...classesOf.keys()], classesOf, allow };
}
function analyzeSource(text, needles, matcher, judge2, where) {
  if (matcher === "line")
    return { hits: matchLikeSeed(text, needles), testOnlyFile: false, moduleDecls: [], includes: [] };
  return judge2.analyze(text, needles, where);
}
function isSanctioned(entry, needle) {
  return entry !== void 0 && (entry.needles === void 0 || entry.needles.includes(needle));
}
function bannedApiFindings(path, hits, index, matcher, lineText) {
  const sanctioned = index.allow.get(path);
  const findings = [];
  const seenLines = /* @__PURE__ */ new Set();
  const outshone = matcher === "line" ? void 0 : overlapLosers(hits, index);
  for (const hit of hits) {
    for (const cls of index.classesOf.get(hit.needle) ?? []) {
      if (outshone?.has(`${cls.name}\0${hit.offset}\0${hit.needle}`))
        continue;
      if (isSanctioned(sanctioned?.get(cls.name), hit.needle))
        continue;
      if (matcher === "line") {
        const key = `${hit.line}\0${cls.name}`;
        if (seenLines.has(key))
          continue;
        seenLines.add(key);
      }
      findings.push({
        kind: "banned-api",
        path,
        line: hit.line,
        column: hit.column,
        length: hit.length,
        class: cls.name,
        needle: hit.needle,
        message: CATALOGUE["banned-api"].message(hit.needle, cls.name),
        lineText: lineText(hit)
      });
    }
  }
  return findings;
}
function overlapLosers(hits, index) {
  const losers = /* @__PURE__ */ new Set();
  const byClass = /* @__PURE__ */ new Map();
  for (const hit of hits) {
    for (const cls of index.classesOf.get(hit.needle) ?? []) {
      let list = byClass.get(cls.name);
      if (list === void 0)
        byClass.set(cls.name, list = []);
      list.push(hit);
    }
  }
  for (const [name, list] of byClass) {
    list.sort((a, b) => a.offset - b.offset);
    let cluster = [];
    let reach = -1;
    const close = () => {
      if (cluster.length < 2)
        return;
      const best = cluster.reduce((a, b) => b.needle.length > a.needle.length ? b : a);
      for (const h of cluster)
        if (h !== best)
          losers.add(`${name}\0${h.offset}\0${h.needle}`);
    };
    for (const hit of list) {
      if (hit.offset >= reach) {
        close();
        cluster = [];
      }
      cluster.push(hit);
      reach = Math.max(reach, hit.offset + Math.max(1, hit.length));
    }
    close();
  }
  return losers;
}
function lineAround(text, offset) {
  const start = Math.max(text.lastIndexOf("\n", offset - 1) + 1, 0);
  const nl = text.indexOf("\n", offset);
  const end = nl < 0 ? text.length : nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return text.slice(start, Math.max(start, end));
}
var init_bannedApi = __esm({
  "dist/src/rules/bannedApi.js"() {
    "use strict";
    init_lineMatcher();
    init_catalogue();
  }
});

// dist/src/rules/sanity.js
function atConfig(configPath, at2) {
  return { path: configPath, line: at2?.line, column: at2?.column };
}
function sanityFindings(config, configPath, scope, census) {
  const findings = [];
  const counted = census.scanned + (config.scope.countExcluded ? census.excluded : 0);
  if (counted < config.scope.minFiles) {
    findings.push({ kind: "too-few-files", path: configPath, message: CATALOGUE["too-few-files"].message(counted, config.scope.minFiles) });
  }
  for (const cls of config.classes) {
    for (const entry of cls.allow) {
      const where = () => atConfig(configPath, entry.at);
      if (!census.paths.has(entry.path)) {
        findings.push({ kind: "missing-allowlist-path", ...where(), class: cls.name, message: CATALOGUE["missing-allowlist-path"].message(entry.path, cls.name) });
        continue;
      }
      const verdict = scope.classify(entry.path);
      if (verdict.status === "scanned")
        continue;
      const why = verdict.status === "excluded" ? `excluded by ${JSON.stringify(verdict.excludedBy)}` : verdict.removedBy ? `removed from scope by ${JSON.stringify(verdict.removedBy)}` : "matched by no include pattern";
      findings.push({ kind: "dead-allowlist-entry", ...where(), class: cls.name, message: CATALOGUE["dead-allowlist-entry"].message(entry.path, cls.name, why) });
    }
  }
  return findings;
}
function auditWarnings(config, configPath, scope, needlesByFile, usedExceptions) {
  const warnings = [];
  const seen = /* @__PURE__ */ new Set();
  for (const needles of needlesByFile.values())
    for (const n of needles)
      seen.add(n);
  for (const cls of config.classes) {
    for (const entry of cls.allow) {
      if (scope.classify(entry.path).status !== "scanned")
        continue;
      const found = needlesByFile.get(entry.path);
      const sanctioned = entry.needles ?? cls.needles;
      if (found && sanctioned.some((n) => found.has(n)))
        continue;
      warnings.push({ kind: "stale-allowlist-entry", ...atConfig(configPath, entry.at), class: cls.name, message: CATALOGUE["stale-allowlist-entry"].message(entry.path, cls.name) });
    }
    if (cls.needles.length > 0 && !cls.needles.some((n) => seen.has(n))) {
      const only = cls.needles.length === 1 ? cls.needles[0] : void 0;
      warnings.push({ kind: "unused-needle", ...atConfig(configPath, only !== void 0 ? cls.needleAt?.(0) ?? cls.at : cls.at), class: cls.name, ...only !== void 0 ? { needle: only } : {}, message: CATALOGUE["unused-needle"].message(cls.needles, cls.name) });
    }
  }
  for (const exception of config.dependencies?.allow ?? []) {
    if (!usedExceptions.has(exception.crate.toLowerCase()) && !usedExceptions.has(exception.crate)) {
      warnings.push({ kind: "unused-dependency-exception", ...atConfig(configPath, exception.at), dependency: exception.crate, message: CATALOGUE["unused-dependency-exception"].message(exception.crate) });
    }
  }
  return warnings;
}
var init_sanity = __esm({
  "dist/src/rules/sanity.js"() {
    "use strict";
    init_catalogue();
  }
});

// dist/src/source/changes.js
function parseRawDiff(buffer) {
  const parts = splitNul(buffer);
  const changes = [];
  for (let i = 0; i < parts.length; ) {
    const meta = parts[i++];
    const [, , newMode, , newOid, statusField] = meta.split(/[ :]/);
    const status = statusField?.[0];
    if (!status)
      break;
    const first = parts[i++];
    if (status === "R" || status === "C") {
      const second = parts[i++];
      changes.push({ status, path: second, from: first, oid: newOid, symlink: newMode === "120000" });
    } else if (status === "D") {
      changes.push({ status, path: first, symlink: false });
    } else {
      changes.push({ status, path: first, oid: newOid, symlink: newMode === "120000" });
    }
  }
  return changes;
}
async function readStagedChanges(repo, amending = false) {
  if (!amending)
    return parseRawDiff(await git(STAGED_DIFF_ARGS, { cwd: repo.root }));
  const parent = await runGit(["rev-parse", "--verify", "--quiet", "HEAD^1^{commit}"], { cwd: repo.root });
  const base = parent.code === 0 ? parent.stdout.toString("utf8").trim() : await emptyTree(repo);
  return parseRawDiff(await git(["diff", "--cached", ...DIFF_FLAGS, base], { cwd: repo.root }));
}
async function emptyTree(repo) {
  return (await git(["hash-object", "-t", "tree", "--stdin"], { cwd: repo.root, input: "" })).toString("utf8").trim();
}
async function mergeBase(repo, commit) {
  return (await git(["merge-base", commit, "HEAD"], { cwd: repo.root })).toString("utf8").trim();
}
async function readChangesSince(repo, base) {
  return parseRawDiff(await git(["diff", ...DIFF_FLAGS, base, "HEAD"], { cwd: repo.root }));
}
var DIFF_FLAGS, STAGED_DIFF_ARGS;
var init_changes = __esm({
  "dist/src/source/changes.js"() {
    "use strict";
    init_git();
    DIFF_FLAGS = ["--raw", "-z", "--no-abbrev", "-M", "--no-ext-diff", "--no-color", "--diff-filter=ACDMRT", "--ignore-submodules=all"];
    STAGED_DIFF_ARGS = ["diff", "--cached", ...DIFF_FLAGS];
  }
});

// dist/src/bypass/record.js
function recordBypass(repo, reason) {
  const path = markerPath(repo);
  try {
    mkdirSync(join(repo.gitDir, "chokepoint"), { recursive: true });
    writeFileSync(path, reason, "utf8");
  } catch (err) {
    throw environmentError(messages.bypassNotRecorded(path, err.code ?? err.message), messages.bypassNotRecordedHint);
  }
}
function clearBypass(repo) {
  try {
    unlinkSync(markerPath(repo));
  } catch {
  }
}
function takeBypass(repo) {
  const path = markerPath(repo);
  let reason;
  try {
    reason = readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
  clearBypass(repo);
  return reason;
}
async function addBypassTrailer(root, messageFile, reason) {
  await git(["interpret-trailers", "--in-place", "--if-exists", "addIfDifferent", "--trailer", `${TRAILER}: ${reason}`, messageFile], { cwd: root });
}
async function bypassTrailers(root, message) {
  const out = (await git(["interpret-trailers", "--parse", "--no-divider"], { cwd: root, input: message })).toString("utf8");
  const prefix = `${TRAILER.toLowerCase()}:`;
  return out.split("\n").filter((line) => line.toLowerCase().startsWith(prefix)).map((line) => line.slice(prefix.length).trim());
}
var TRAILER, markerPath;
var init_record = __esm({
  "dist/src/bypass/record.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_git();
    init_errors();
    init_messages();
    TRAILER = "Chokepoint-Bypass";
    markerPath = (repo) => join(repo.gitDir, "chokepoint", "bypass");
  }
});

// dist/src/check/introducedBy.js
function subjectOf(f) {
  const from = CATALOGUE[f.kind].judgedFrom;
  if (from === "cargo graph")
    return CARGO_GRAPH;
  if (from === "file" && f.path !== void 0 && !/[\n\r]/.test(f.path))
    return f.path;
  return void 0;
}
function findingIdentity(f) {
  return [f.kind, f.path ?? "", f.class ?? "", f.needle ?? "", f.dependency ?? "", f.table ?? ""].join("\0");
}
async function rangeCommits(repo, base) {
  const format = `%H${SEP}%P${SEP}%(trailers:key=${TRAILER},valueonly,unfold,separator=%x1e)`;
  const out = await git(["log", "-z", "--topo-order", "--reverse", `--format=${format}`, `${base}..HEAD`], { cwd: repo.root });
  return splitNul(out).map((record2) => {
    const [id = "", parents = "", trailers = ""] = record2.split(SEP);
    const reasons = trailers.split("").map((t) => t.trim());
    return { id, parents: parents.split(" ").filter(Boolean), bypass: reasons.find((r) => r !== "" && isVisibleReason(r)) ?? null };
  });
}
async function blobIds(repo, commits, paths) {
  const names = commits.flatMap((c) => paths.map((p) => `${c}:${p}`));
  const out = names.length === 0 ? Buffer.alloc(0) : await git(["cat-file", "--batch-check=%(objectname) %(objecttype)"], { cwd: repo.root, input: names.map((n) => `${n}
`).join("") });
  const lines = out.toString("utf8").split("\n");
  const ids = /* @__PURE__ */ new Map();
  let k = 0;
  for (const c of commits) {
    const perPath = /* @__PURE__ */ new Map();
    for (const p of paths) {
      const [oid, type] = (lines[k++] ?? "").split(" ");
      perPath.set(p, type === "blob" ? oid : void 0);
    }
    ids.set(c, perPath);
  }
  return ids;
}
async function cargoGraphVersions(repo, commits) {
  const versions = await Promise.all(commits.map(async (c) => {
    const entries = splitNul(await git(["ls-tree", "-r", "-z", c], { cwd: repo.root })).filter((e) => CARGO_FILE.test(e));
    return [c, entries.length ? entries.join("\0") : void 0];
  }));
  return new Map(versions);
}
function unite(lists) {
  const merged = [...lists[0] ?? []];
  for (const list of lists.slice(1)) {
    const have = /* @__PURE__ */ new Map();
    for (const e of merged)
      have.set(e, (have.get(e) ?? 0) + 1);
    const want = /* @__PURE__ */ new Map();
    for (const e of list) {
      want.set(e, (want.get(e) ?? 0) + 1);
      if (want.get(e) > (have.get(e) ?? 0))
        merged.push(e);
    }
  }
  return merged;
}
async function attributeFindings(repo, base, findings, judgeAt) {
  const targets = findings.filter((f) => subjectOf(f) !== void 0);
  if (targets.length === 0)
    return;
  const subjects = [...new Set(targets.map((f) => subjectOf(f)))];
  const paths = subjects.filter((p) => p !== CARGO_GRAPH);
  const commits = await rangeCommits(repo, base);
  if (commits.length === 0)
    return;
  const inRange = new Map(commits.map((c) => [c.id, c]));
  const outside = [...new Set(commits.flatMap((c) => c.parents).filter((p) => !inRange.has(p)))];
  const all = [...outside, ...commits.map((c) => c.id)];
  const blobs = await blobIds(repo, all, paths);
  if (subjects.includes(CARGO_GRAPH)) {
    const graphs = await cargoGraphVersions(repo, all);
    for (const c of all)
      blobs.get(c).set(CARGO_GRAPH, graphs.get(c));
  }
  const countsByBlob = /* @__PURE__ */ new Map();
  const countsAt = async (commit) => {
    const perPath = blobs.get(commit);
    const fresh = subjects.filter((p) => perPath.get(p) !== void 0 && !countsByBlob.has(perPath.get(p)));
    if (fresh.length) {
      for (const p of fresh)
        countsByBlob.set(perPath.get(p), /* @__PURE__ */ new Map());
      for (const f of await judgeAt(commit, fresh)) {
        const subject = subjectOf(f);
        if (subject === void 0)
          continue;
        const counts = countsByBlob.get(perPath.get(subject));
        if (counts === void 0)
          continue;
        const key = findingIdentity(f);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return new Map(subjects.map((p) => [p, perPath.get(p) === void 0 ? /* @__PURE__ */ new Map() : countsByBlob.get(perPath.get(p))]));
  };
  const keys = [...new Set(targets.map(findingIdentity))];
  const subjectOfKey = new Map(targets.map((f) => [findingIdentity(f), subjectOf(f)]));
  const listsAt = /* @__PURE__ */ new Map();
  const listsOf = async (commit) => {
    const known = listsAt.get(commit);
    if (known)
      return known;
    const counts = await countsAt(commit);
    const lists = new Map(keys.map((k) => [k, Array(counts.get(subjectOfKey.get(k)).get(k) ?? 0).fill(BEFORE)]));
    listsAt.set(commit, lists);
    return lists;
  };
  for (const commit of commits) {
    const parentLists = await Promise.all(commit.parents.map(listsOf));
    const own = blobs.get(commit.id);
    const first = commit.parents[0];
    const unchanged = commit.parents.length === 1 && first !== void 0 && subjects.every((p) => blobs.get(first).get(p) === own.get(p));
    if (unchanged) {
      listsAt.set(commit.id, parentLists[0]);
      continue;
    }
    const counts = await countsAt(commit.id);
    const lists = /* @__PURE__ */ new Map();
    for (const key of keys) {
      const n = counts.get(subjectOfKey.get(key)).get(key) ?? 0;
      const merged = unite(parentLists.map((l) => l.get(key) ?? []));
      if (merged.length > n)
        merged.length = n;
      while (merged.length < n)
        merged.push(commit.id);
      lists.set(key, merged);
    }
    listsAt.set(commit.id, lists);
  }
  const head = listsAt.get(commits[commits.length - 1].id);
  const order = new Map(commits.map((c, i) => [c.id, i]));
  const byKey = /* @__PURE__ */ new Map();
  for (const f of targets)
    byKey.set(findingIdentity(f), [...byKey.get(findingIdentity(f)) ?? [], f]);
  for (const [key, found] of byKey) {
    const entries = [...head.get(key) ?? []].sort((a, b) => (a === BEFORE ? -1 : order.get(a)) - (b === BEFORE ? -1 : order.get(b)));
    found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    found.forEach((f, i) => {
      const entry = entries[i] ?? commits[commits.length - 1].id;
      if (entry === BEFORE)
        return;
      const by = { commit: entry, bypass: inRange.get(entry)?.bypass ?? null };
      f.introducedBy = by;
    });
  }
}
var CARGO_GRAPH, SEP, CARGO_FILE, BEFORE;
var init_introducedBy = __esm({
  "dist/src/check/introducedBy.js"() {
    "use strict";
    init_git();
    init_catalogue();
    init_reason();
    init_record();
    CARGO_GRAPH = "";
    SEP = "";
    CARGO_FILE = /(^|\/|\t)Cargo\.(toml|lock)$/;
    BEFORE = "";
  }
});

// builtin:node:buffer
var m6, isAscii;
var init_node_buffer = __esm({
  "builtin:node:buffer"() {
    m6 = process.getBuiltinModule("node:buffer");
    isAscii = m6.isAscii;
  }
});

// dist/src/source/decode.js
function decodeUtf8(bytes) {
  if (isAscii(bytes))
    return bytes.toString("latin1");
  try {
    return utf8.decode(bytes);
  } catch {
    return void 0;
  }
}
var utf8;
var init_decode = __esm({
  "dist/src/source/decode.js"() {
    "use strict";
    init_node_buffer();
    utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  }
});

// dist/src/check/fileOutcome.js
function judgeFile(path, bytes, needles, matcher, judge2) {
  const text = decodeUtf8(bytes);
  if (text === void 0)
    return { path, invalid: true };
  const analysis = analyzeSource(text, needles, matcher, judge2, { crateRoot: isCrateRoot(path) });
  return {
    path,
    invalid: false,
    facts: analysis.testOnlyFile || analysis.moduleDecls.length > 0 || analysis.includes.length > 0 ? { testOnlyFile: analysis.testOnlyFile, moduleDecls: analysis.moduleDecls, includes: analysis.includes } : void 0,
    hits: analysis.hits,
    lines: analysis.hits.map((h) => [h.offset, lineAround(text, h.offset)])
  };
}
var init_fileOutcome = __esm({
  "dist/src/check/fileOutcome.js"() {
    "use strict";
    init_bannedApi();
    init_rust();
    init_decode();
  }
});

// dist/src/rules/dependencies.js
function checkManifest(path, text, rule, parse2 = parseToml) {
  const verdict = { findings: [], usedExceptions: /* @__PURE__ */ new Set() };
  const parsed = parse2(text);
  if (!parsed.ok) {
    verdict.findings.push(invalidManifest(path, parsed.message, parsed.position));
    return verdict;
  }
  verdict.manifest = parsed.value;
  const wrapped = wrappedMarkers(parsed.value, rule);
  for (const table2 of dependencyTables(parsed.value)) {
    for (const [key, spec] of Object.entries(table2.entries)) {
      const entry = { path, text, rule, table: table2, key, spec };
      checkNames(verdict, entry, wrapped);
      if (rule.forbidEscapingPaths)
        checkPathDependency(verdict, entry);
    }
  }
  if (rule.forbidEscapingPaths) {
    for (const table2 of sourceOverrideTables(parsed.value)) {
      for (const [key, spec] of Object.entries(table2.entries))
        checkPathDependency(verdict, { path, text, rule, table: table2, key, spec });
    }
    checkTargetPaths(verdict, path, text, parsed.value);
  }
  verdict.findings.sort(byPosition);
  return verdict;
}
function declaredDependencies(manifest) {
  const out = [];
  for (const table2 of dependencyTables(manifest)) {
    const last = table2.keyPath[table2.keyPath.length - 1];
    if (table2.keyPath[0] === "workspace")
      continue;
    const kind = last.startsWith("dev") ? "dev" : last.startsWith("build") ? "build" : "normal";
    for (const [key, spec] of Object.entries(table2.entries)) {
      const pkg = isTomlTable(spec) ? spec["package"] : void 0;
      out.push({ key, package: typeof pkg === "string" ? pkg : key, kind, tableKeyPath: table2.keyPath, spec });
    }
  }
  return out;
}
function packageName(manifest) {
  const pkg = manifest["package"];
  const name = isTomlTable(pkg) ? pkg["name"] : void 0;
  return typeof name === "string" ? name : void 0;
}
function wrappedMarkers(manifest, rule) {
  const own = packageName(manifest);
  const markers = /* @__PURE__ */ new Set();
  if (own === void 0)
    return markers;
  for (const w of rule.wrappers ?? [])
    if (w.crates.includes(own))
      markers.add(w.banned);
  return markers;
}
function sourceOverrideTables(manifest) {
  const tables = [];
  const patch = manifest["patch"];
  if (isTomlTable(patch)) {
    for (const [registry, entries] of Object.entries(patch)) {
      if (isTomlTable(entries))
        tables.push({ keyPath: ["patch", registry], entries });
    }
  }
  const replace = manifest["replace"];
  if (isTomlTable(replace))
    tables.push({ keyPath: ["replace"], entries: replace });
  return tables;
}
function checkTargetPaths(verdict, path, text, manifest) {
  const report = (keyPath, label, target) => {
    const escape = describeEscape(path, target);
    if (escape === void 0)
      return;
    verdict.findings.push({
      kind: "escaping-path-dependency",
      message: `\`${label}\` builds code from outside the repository: ${escape}.`,
      path,
      ...at(locateValuePath(text, keyPath)),
      table: label
    });
  };
  const lib = manifest["lib"];
  if (isTomlTable(lib) && typeof lib["path"] === "string")
    report(["lib", "path"], "lib", lib["path"]);
  for (const kind of ["bin", "example", "test", "bench"]) {
    const targets = manifest[kind];
    if (!Array.isArray(targets))
      continue;
    targets.forEach((t, i) => {
      if (isTomlTable(t) && typeof t["path"] === "string")
        report([kind, i, "path"], typeof t["name"] === "string" ? `${kind} ${t["name"]}` : kind, t["path"]);
    });
  }
  const pkg = manifest["package"];
  if (isTomlTable(pkg) && typeof pkg["build"] === "string")
    report(["package", "build"], "package.build", pkg["build"]);
}
function dependencyTables(manifest) {
  const tables = [];
  collectKinds(tables, manifest, []);
  const target = manifest["target"];
  if (isTomlTable(target)) {
    for (const [cfg, platform] of Object.entries(target)) {
      if (isTomlTable(platform))
        collectKinds(tables, platform, ["target", cfg]);
    }
  }
  const workspace = manifest["workspace"];
  if (isTomlTable(workspace) && isTomlTable(workspace["dependencies"])) {
    tables.push({ keyPath: ["workspace", "dependencies"], entries: workspace["dependencies"] });
  }
  return tables;
}
function collectKinds(tables, parent, parentPath) {
  for (const kind of DEPENDENCY_TABLE_KINDS) {
    const entries = parent[kind];
    if (isTomlTable(entries))
      tables.push({ keyPath: [...parentPath, kind], entries });
  }
}
function dependencyNames(key, spec) {
  const pkg = isTomlTable(spec) ? spec["package"] : void 0;
  if (typeof pkg !== "string" || pkg.toLowerCase() === key.toLowerCase())
    return [{ name: key }];
  return [
    { name: key, renames: pkg },
    { name: pkg, renamedTo: key }
  ];
}
function checkNames(verdict, entry, wrapped) {
  for (const candidate of dependencyNames(entry.key, entry.spec)) {
    const marker = bannedMarker(candidate.name, entry.rule);
    if (marker === void 0)
      continue;
    if (entry.table.keyPath[0] !== "workspace" && isWrapped(candidate.name, entry.rule, wrapped))
      continue;
    const exception = findException(candidate.name, entry.rule.allow);
    if (exception) {
      verdict.usedExceptions.add(exception.crate);
      continue;
    }
    verdict.findings.push(bannedDependency(entry, candidate, marker));
  }
}
function bannedDependency(entry, candidate, marker) {
  const table2 = tableLabel(entry.table);
  return {
    kind: "banned-dependency",
    message: CATALOGUE["banned-dependency"].message({ name: candidate.name, marker, table: table2, renamedTo: candidate.renamedTo, renames: candidate.renames }),
    path: entry.path,
    ...at(locateKeyPath(entry.text, [...entry.table.keyPath, entry.key])),
    dependency: candidate.name,
    table: table2
  };
}
function bannedMarker(name, rule) {
  const lowered = name.toLowerCase();
  return rule.banned.find((m7) => markerMatches(lowered, m7.toLowerCase()));
}
function isWrapped(name, rule, wrapped) {
  if (wrapped.size === 0)
    return false;
  const lowered = name.toLowerCase();
  return rule.banned.every((m7) => !markerMatches(lowered, m7.toLowerCase()) || wrapped.has(m7));
}
function checkPathDependency(verdict, entry) {
  if (!isTomlTable(entry.spec))
    return;
  const table2 = tableLabel(entry.table);
  for (const field of ["path", "git"]) {
    const value = entry.spec[field];
    if (typeof value !== "string")
      continue;
    const target = field === "path" ? value : fileUrlPath(value);
    if (target === void 0)
      continue;
    const escape = describeEscape(entry.path, target);
    if (escape === void 0)
      continue;
    verdict.findings.push({
      kind: "escaping-path-dependency",
      message: CATALOGUE["escaping-path-dependency"].message(entry.key, table2, escape, field === "git"),
      path: entry.path,
      ...at(locateValuePath(entry.text, [...entry.table.keyPath, entry.key, field])),
      dependency: entry.key,
      table: table2
    });
  }
}
function fileUrlPath(url) {
  const m7 = /^(?:git\+)?file:(.*)$/i.exec(url.trim());
  if (!m7)
    return void 0;
  let rest = m7[1].replace(/[?#].*$/, "");
  if (rest.startsWith("//")) {
    rest = rest.slice(2);
    const slash = rest.indexOf("/");
    rest = slash === -1 ? "/" : rest.slice(slash);
  }
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
function describeEscape(manifestPath, target) {
  const slashed = target.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed))
    return `\`${target}\` is an absolute path`;
  const resolved = posix.normalize(posix.join(posix.dirname(manifestPath), slashed));
  if (resolved !== ".." && !resolved.startsWith("../"))
    return void 0;
  return `\`${target}\` resolves to \`${resolved}\` from the repository root`;
}
function markerMatches(name, marker) {
  if (!/[*?]/.test(marker))
    return name.includes(marker);
  return globPattern(marker).test(name);
}
function globPattern(marker) {
  let pattern = globCache.get(marker);
  if (!pattern) {
    const body = [...marker].map((ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")).join("");
    pattern = new RegExp(`^${body}$`, "su");
    globCache.set(marker, pattern);
  }
  return pattern;
}
function findException(name, allow) {
  const lowered = name.toLowerCase();
  return allow.find((e) => e.crate.toLowerCase() === lowered);
}
function invalidManifest(path, parserMessage, position) {
  return {
    kind: "invalid-file",
    message: CATALOGUE["invalid-file"].message({ toml: parserMessage }),
    path,
    ...at(position)
  };
}
function tableLabel(table2) {
  return table2.keyPath.join(".");
}
function at(position) {
  return position ? { line: position.line, column: position.column } : {};
}
function byPosition(a, b) {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? Infinity) - (b.column ?? Infinity);
}
var DEPENDENCY_TABLE_KINDS, globCache;
var init_dependencies = __esm({
  "dist/src/rules/dependencies.js"() {
    "use strict";
    init_node_path();
    init_positions2();
    init_catalogue();
    DEPENDENCY_TABLE_KINDS = [
      "dependencies",
      "dev-dependencies",
      "build-dependencies",
      "dev_dependencies",
      "build_dependencies"
    ];
    globCache = /* @__PURE__ */ new Map();
  }
});

// dist/src/rules/dependenciesLine.js
function checkManifestLikeSeed(path, text, rule) {
  const verdict = { findings: [], usedExceptions: /* @__PURE__ */ new Set() };
  const markers = rule.banned.map((marker) => ({ marker, lowered: asciiLowercase(marker) }));
  let table2;
  rustLines2(text).forEach((raw, index) => {
    const indent = raw.length - raw.replace(LEADING_WHITESPACE, "").length;
    const line = raw.slice(indent).replace(TRAILING_WHITESPACE, "");
    if (line.startsWith("[")) {
      table2 = line.includes("dependencies") ? headerName(line) : void 0;
      return;
    }
    if (table2 === void 0 || line === "" || line.startsWith("#"))
      return;
    const key = asciiLowercase(trimQuotes(line.split(KEY_END)[0] ?? ""));
    if (key === "")
      return;
    const matched = markers.filter((m7) => markerMatches(key, m7.lowered));
    if (matched.length === 0)
      return;
    const exception = findException2(key, rule.allow);
    if (exception) {
      verdict.usedExceptions.add(exception.crate);
      return;
    }
    for (const { marker } of matched) {
      verdict.findings.push({
        kind: "banned-dependency",
        message: CATALOGUE["banned-dependency"].message({ name: key, marker, table: table2 }),
        path,
        line: index + 1,
        column: indent + 1,
        dependency: key,
        table: table2
      });
    }
  });
  return verdict;
}
function rustLines2(text) {
  if (text === "")
    return [];
  const pieces = text.split("\n");
  if (text.endsWith("\n"))
    pieces.pop();
  return pieces.map((piece, i) => i < pieces.length - 1 || text.endsWith("\n") ? piece.replace(/\r$/, "") : piece);
}
function trimQuotes(token) {
  return token.replace(/^"+/, "").replace(/"+$/, "");
}
function asciiLowercase(s) {
  return s.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
function headerName(line) {
  const inner = line.replace(/^\[+/, "");
  const close = inner.indexOf("]");
  return (close === -1 ? inner : inner.slice(0, close)).trim();
}
function findException2(key, allow) {
  return allow.find((e) => asciiLowercase(e.crate) === key);
}
var RUST_WHITESPACE, LEADING_WHITESPACE, TRAILING_WHITESPACE, KEY_END;
var init_dependenciesLine = __esm({
  "dist/src/rules/dependenciesLine.js"() {
    "use strict";
    init_dependencies();
    init_catalogue();
    RUST_WHITESPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
    LEADING_WHITESPACE = new RegExp(`^[${RUST_WHITESPACE}]+`);
    TRAILING_WHITESPACE = new RegExp(`[${RUST_WHITESPACE}]+$`);
    KEY_END = /[= \t]/;
  }
});

// dist/src/rules/workspaceBoundary.js
async function checkWorkspaceBoundary(source, manifests, rule, findRoot = workspaceRootFinder(source)) {
  const verdict = { findings: [], usedExceptions: /* @__PURE__ */ new Set() };
  for (const m7 of manifests) {
    const inherited = declaredDependencies(m7.manifest).filter((d) => isTomlTable(d.spec) && d.spec["workspace"] === true);
    if (inherited.length) {
      const root = await findRoot(m7.path, m7.manifest);
      if (root && root.path !== m7.path)
        checkInherited(verdict, m7, root, inherited, rule);
    }
    if (rule.forbidEscapingPaths)
      await checkLinkedPaths(verdict, source, m7);
  }
  return verdict;
}
function workspaceRootFinder(source, parse2 = parseToml) {
  const read = /* @__PURE__ */ new Map();
  const load = (path) => {
    let found = read.get(path);
    if (!found) {
      found = source.readFiles([path]).then((files) => {
        const bytes = files.get(path);
        const text = bytes && decodeUtf8(bytes);
        if (text === void 0)
          return void 0;
        const parsed = parse2(text);
        return parsed.ok && isTomlTable(parsed.value["workspace"]) ? { path, text, manifest: parsed.value } : void 0;
      });
      read.set(path, found);
    }
    return found;
  };
  return async (path, manifest) => {
    if (isTomlTable(manifest["workspace"]))
      return { path, text: "", manifest };
    const pkg = manifest["package"];
    const explicit = isTomlTable(pkg) ? pkg["workspace"] : void 0;
    if (typeof explicit === "string") {
      const dir = posix.normalize(posix.join(posix.dirname(path), explicit.replace(/\\/g, "/")));
      return dir.startsWith("..") || posix.isAbsolute(dir) ? void 0 : load(dir === "." ? "Cargo.toml" : `${dir}/Cargo.toml`);
    }
    for (let dir = posix.dirname(path); dir !== "."; ) {
      dir = posix.dirname(dir);
      const root = await load(dir === "." ? "Cargo.toml" : `${dir}/Cargo.toml`);
      if (root)
        return root;
    }
    return void 0;
  };
}
function inheritedPackage(root, key) {
  const ws = root.manifest["workspace"];
  const deps = isTomlTable(ws) ? ws["dependencies"] : void 0;
  if (!isTomlTable(deps) || !(key in deps))
    return void 0;
  const entry = deps[key];
  const pkg = isTomlTable(entry) ? entry["package"] : void 0;
  return typeof pkg === "string" ? pkg : key;
}
function checkInherited(verdict, m7, root, inherited, rule) {
  const own = packageName(m7.manifest);
  const wrapped = new Set((rule.wrappers ?? []).filter((w) => own !== void 0 && w.crates.includes(own)).map((w) => w.banned));
  for (const dep of inherited) {
    const pkg = inheritedPackage(root, dep.key);
    if (pkg === void 0 || pkg.toLowerCase() === dep.key.toLowerCase())
      continue;
    const marker = bannedMarker(pkg, rule);
    if (marker === void 0 || isWrapped(pkg, rule, wrapped))
      continue;
    const exception = findException(pkg, rule.allow);
    if (exception) {
      verdict.usedExceptions.add(exception.crate);
      continue;
    }
    const table2 = dep.tableKeyPath.join(".");
    const position = locateKeyPath(m7.text, [...dep.tableKeyPath, dep.key]);
    verdict.findings.push({
      kind: "banned-dependency",
      message: `Depends on banned crate \`${pkg}\` (matches marker \`${marker}\`) in \`${table2}\`: \`${dep.key}.workspace = true\` inherits it from ${root.path}, whose \`[workspace.dependencies]\` renames it to \`${dep.key}\`.`,
      path: m7.path,
      ...position ? { line: position.line, column: position.column } : {},
      dependency: pkg,
      table: table2
    });
  }
}
function pathReferences(manifest) {
  const refs = [];
  const tables = [];
  for (const d of declaredDependencies(manifest))
    tables.push([[...d.tableKeyPath, d.key], d.spec]);
  const ws = manifest["workspace"];
  if (isTomlTable(ws) && isTomlTable(ws["dependencies"]))
    for (const [k, v] of Object.entries(ws["dependencies"]))
      tables.push([["workspace", "dependencies", k], v]);
  const patch = manifest["patch"];
  if (isTomlTable(patch)) {
    for (const [reg, entries] of Object.entries(patch))
      if (isTomlTable(entries))
        for (const [k, v] of Object.entries(entries))
          tables.push([["patch", reg, k], v]);
  }
  const replace = manifest["replace"];
  if (isTomlTable(replace))
    for (const [k, v] of Object.entries(replace))
      tables.push([["replace", k], v]);
  for (const [keyPath, spec] of tables) {
    if (isTomlTable(spec) && typeof spec["path"] === "string")
      refs.push({ keyPath: [...keyPath, "path"], target: spec["path"], label: String(keyPath[keyPath.length - 1]) });
  }
  const lib = manifest["lib"];
  if (isTomlTable(lib) && typeof lib["path"] === "string")
    refs.push({ keyPath: ["lib", "path"], target: lib["path"], label: "lib" });
  for (const kind of ["bin", "example", "test", "bench"]) {
    const targets = manifest[kind];
    if (Array.isArray(targets))
      targets.forEach((t, i) => isTomlTable(t) && typeof t["path"] === "string" && refs.push({ keyPath: [kind, i, "path"], target: t["path"], label: kind }));
  }
  return refs;
}
async function checkLinkedPaths(verdict, source, m7) {
  for (const ref of pathReferences(m7.manifest)) {
    const start = posix.normalize(posix.join(posix.dirname(m7.path), ref.target.replace(/\\/g, "/")));
    if (start === ".." || start.startsWith("../") || posix.isAbsolute(ref.target.replace(/\\/g, "/")) || /^[A-Za-z]:/.test(ref.target))
      continue;
    const outcome = await followLinks(source, start === "." ? "" : start);
    if (outcome === void 0)
      continue;
    const position = locateValuePath(m7.text, ref.keyPath);
    verdict.findings.push({
      kind: "escaping-path-dependency",
      message: `\`${ref.label}\` points at \`${ref.target}\`, which leaves the repository through a symbolic link: ${outcome}.`,
      path: m7.path,
      ...position ? { line: position.line, column: position.column } : {},
      dependency: ref.label,
      table: ref.keyPath.slice(0, -2).join(".") || ref.label
    });
  }
}
async function followLinks(source, path) {
  let current = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (current === "")
      return void 0;
    const parts = current.split("/");
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
    const links = await source.readLinks(prefixes);
    const first = prefixes.find((p) => links.has(p));
    if (first === void 0)
      return void 0;
    const target = links.get(first);
    const rest = parts.slice(first.split("/").length).join("/");
    if (posix.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target))
      return `\`${first}\` links to the absolute path \`${target}\``;
    const next = posix.normalize(posix.join(posix.dirname(first), target, rest));
    if (next === ".." || next.startsWith("../"))
      return `\`${first}\` links to \`${target}\`, which resolves to \`${next}\` from the repository root`;
    current = next === "." ? "" : next;
  }
  return `more than ${MAX_LINKS} symbolic links from \`${path}\` (a loop)`;
}
var MAX_LINKS;
var init_workspaceBoundary = __esm({
  "dist/src/rules/workspaceBoundary.js"() {
    "use strict";
    init_node_path();
    init_positions2();
    init_decode();
    init_dependencies();
    MAX_LINKS = 40;
  }
});

// dist/src/check/modules.js
function escapesRepository(target) {
  return target.startsWith("/") || target === ".." || target.startsWith("../");
}
function dirOf(path) {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
function joinPath(dir, rel) {
  return normalizePath(rel.startsWith("/") || dir === "" ? rel : `${dir}/${rel}`);
}
function modReachesTo(path, declarer, facts) {
  const found = [];
  for (const decl of facts.moduleDecls) {
    if (decl.pathAttr !== void 0 || !path.includes(decl.name))
      continue;
    for (const r of reachesFrom(declarer, { testOnlyFile: facts.testOnlyFile, moduleDecls: [decl], includes: [] }))
      if (r.kind === "mod" && r.target === path)
        found.push(r);
  }
  return found;
}
function reachesFrom(declarer, facts) {
  const out = [];
  for (const decl of facts.moduleDecls) {
    const base = { declarer, testOnly: decl.testOnly, line: decl.line, column: decl.column };
    const kind = decl.pathAttr !== void 0 ? "path" : "mod";
    const cfg = decl.testOnly ? "#[cfg(test)] " : "";
    const written = () => decl.pathAttr !== void 0 ? `${cfg}#[path = ${JSON.stringify(decl.pathAttr)}] mod ${decl.name};` : `${cfg}mod ${decl.name};`;
    for (const target of childModuleCandidates(declarer, decl))
      out.push({ ...base, target, kind, written });
    for (const alt of decl.cfgAttrPaths ?? []) {
      for (const target of childModuleCandidates(declarer, { ...decl, pathAttr: alt })) {
        out.push({ ...base, target, kind: "path", written: () => `${cfg}#[cfg_attr(\u2026, path = ${JSON.stringify(alt)})] mod ${decl.name};` });
      }
    }
  }
  for (const inc of facts.includes) {
    out.push({ declarer, target: joinPath(dirOf(declarer), inc.target), kind: "include", testOnly: inc.testOnly, line: inc.line, column: inc.column, written: () => `include!(${JSON.stringify(inc.target)})` });
  }
  return out;
}
function testCodeResolver(graph) {
  const known = /* @__PURE__ */ new Map();
  const resolving = /* @__PURE__ */ new Set();
  const reasonOf = (path) => {
    if (resolving.has(path))
      return Promise.resolve(void 0);
    let reason = known.get(path);
    if (reason === void 0) {
      resolving.add(path);
      reason = resolve2(path).finally(() => resolving.delete(path));
      known.set(path, reason);
    }
    return reason;
  };
  const resolve2 = async (path) => {
    if (isCrateRoot(path))
      return void 0;
    let first;
    let count2 = 0;
    for (const step of [graph.nearReachesOf, graph.farReachesOf]) {
      for (const r of await step(path)) {
        const why = await whyTest(r);
        if (why === void 0)
          return void 0;
        first ??= why;
        count2++;
      }
    }
    return count2 <= 1 ? first : `each of the ${count2} declarations that reach it is test code, e.g. ${first}`;
  };
  const whyTest = async (r) => {
    const where = `${r.declarer}:${r.line}`;
    if (r.testOnly)
      return r.kind === "include" ? `included by \`${r.written()}\` in test code at ${where}` : `declared as a test module by \`${r.written()}\` at ${where}`;
    if ((await graph.factsOf(r.declarer))?.testOnlyFile)
      return `its parent module ${r.declarer} is test-only (\`#![cfg(test)]\`)`;
    const upward = await reasonOf(r.declarer);
    return upward === void 0 ? void 0 : `its parent module ${r.declarer} is test code: ${upward}`;
  };
  return reasonOf;
}
function append(map, key, value) {
  const list = map.get(key);
  if (list)
    list.push(value);
  else
    map.set(key, [value]);
}
function treeGraph(facts) {
  const byTarget = /* @__PURE__ */ new Map();
  for (const [declarer, f] of facts)
    for (const r of reachesFrom(declarer, f))
      append(byTarget, r.target, r);
  return {
    nearReachesOf: async (path) => byTarget.get(path) ?? [],
    farReachesOf: async () => [],
    factsOf: async (path) => facts.get(path)
  };
}
function partialGraph(factsOf, declares, search) {
  let farReaches;
  const collectFar = async () => {
    const candidates = await search();
    const byTarget = /* @__PURE__ */ new Map();
    const reached = /* @__PURE__ */ new Set();
    const queue = [...candidates].filter(declares);
    const done = new Set(queue);
    while (queue.length > 0) {
      const batch = queue.splice(0);
      const facts = await Promise.all(batch.map(factsOf));
      batch.forEach((declarer, i) => {
        for (const r of reachesFrom(declarer, facts[i] ?? { testOnlyFile: false, moduleDecls: [], includes: [] })) {
          if (r.kind === "mod")
            continue;
          append(byTarget, r.target, r);
          reached.add(r.target);
          if (candidates.has(r.target) && !done.has(r.target)) {
            done.add(r.target);
            queue.push(r.target);
          }
        }
      });
    }
    return { byTarget, reached };
  };
  const far = () => farReaches ??= collectFar();
  const conventional = async (path, parents) => {
    const parentFacts = await Promise.all(parents.map(factsOf));
    const found = [];
    parents.forEach((parent, i) => {
      const f = parentFacts[i];
      if (f)
        found.push(...modReachesTo(path, parent, f));
    });
    return found;
  };
  return {
    factsOf,
    reachedByPath: async (path) => (await far()).reached.has(path),
    nearReachesOf: (path) => conventional(path, parentModuleCandidates(path).filter(declares)),
    async farReachesOf(path) {
      const { byTarget, reached } = await far();
      const more = await conventional(path, parentModuleCandidates(path).filter((p) => !declares(p) && reached.has(p)));
      return [...more, ...byTarget.get(path) ?? []];
    }
  };
}
function moduleFactsReader(source, matcher, judge2) {
  const cache2 = /* @__PURE__ */ new Map();
  return (path) => {
    let facts = cache2.get(path);
    if (!facts) {
      facts = source.readFiles([path]).then((m7) => {
        const bytes = m7.get(path);
        const text = bytes && decodeUtf8(bytes);
        return text === void 0 ? void 0 : analyzeSource(text, [], matcher, judge2);
      });
      cache2.set(path, facts);
    }
    return facts;
  };
}
var init_modules = __esm({
  "dist/src/check/modules.js"() {
    "use strict";
    init_rust();
    init_bannedApi();
    init_decode();
  }
});

// dist/src/check/scan.js
async function forEachFile(source, paths, visit, progress) {
  for (let i = 0; i < paths.length; i += CHUNK) {
    const chunk = paths.slice(i, i + CHUNK);
    const contents = await source.readFiles(chunk);
    for (const path of chunk) {
      const bytes = contents.get(path);
      if (bytes)
        visit(path, bytes);
    }
    progress?.(Math.min(i + CHUNK, paths.length));
  }
}
async function scanRust(source, paths, opts) {
  const findings = [];
  const hitsByFile = /* @__PURE__ */ new Map();
  const facts = /* @__PURE__ */ new Map();
  const judged = /* @__PURE__ */ new Set();
  const invalid = /* @__PURE__ */ new Set();
  let filesScanned = 0;
  const keep = (path, outcome) => {
    judged.add(path);
    filesScanned++;
    if (outcome.invalid) {
      invalid.add(path);
      return;
    }
    if (outcome.facts)
      facts.set(path, outcome.facts);
    if (outcome.hits.length)
      hitsByFile.set(path, { hits: outcome.hits, lines: new Map(outcome.lines) });
  };
  const judgeFiles = (list, progress) => forEachFile(source, list, (path, bytes) => keep(path, judgeFile(path, bytes, opts.index.needles, opts.matcher, opts.judge)), progress);
  await judgeFiles(paths, opts.progress && ((done) => opts.progress(done, paths.length)));
  const factsReader = moduleFactsReader(source, opts.matcher, opts.judge);
  const factsOf = (p) => judged.has(p) ? Promise.resolve(facts.get(p)) : factsReader(p);
  const partial = opts.wholeTree ? void 0 : partialGraph(factsOf, opts.declares, () => source.filesSpelling(DECLARER_WORDS));
  if (opts.others?.length && partial) {
    const maybe = /* @__PURE__ */ new Map();
    await forEachFile(source, opts.others, (path, bytes) => {
      const outcome = judgeFile(path, bytes, opts.index.needles, opts.matcher, opts.judge);
      if (!outcome.invalid && (outcome.hits.length > 0 || outcome.facts !== void 0))
        maybe.set(path, outcome);
    });
    for (const [path, outcome] of maybe)
      if (await partial.reachedByPath(path))
        keep(path, outcome);
  }
  const escaping = [];
  if (opts.matcher === "precise") {
    let frontier = [...facts.keys()];
    while (frontier.length > 0) {
      const next = /* @__PURE__ */ new Set();
      for (const declarer of frontier) {
        for (const r of reachesFrom(declarer, facts.get(declarer))) {
          if (r.kind === "mod")
            continue;
          if (escapesRepository(r.target))
            escaping.push(r);
          else if (!judged.has(r.target))
            next.add(r.target);
        }
      }
      await judgeFiles([...next]);
      frontier = [...next].filter((p) => facts.has(p));
    }
  }
  for (const path of invalid)
    findings.push({ kind: "invalid-file", path, message: CATALOGUE["invalid-file"].message("utf8") });
  const graph = partial ?? treeGraph(facts);
  const testCode = testCodeResolver(graph);
  const needlesByFile = /* @__PURE__ */ new Map();
  for (const [path, { hits, lines }] of hitsByFile) {
    const found = bannedApiFindings(path, hits, opts.index, opts.matcher, (h) => lines.get(h.offset) ?? "");
    if (found.length === 0 && !opts.collectUsage)
      continue;
    if (opts.matcher === "precise" && await testCode(path))
      continue;
    needlesByFile.set(path, new Set(hits.map((h) => h.needle)));
    findings.push(...found);
  }
  for (const r of escaping) {
    if (r.testOnly || facts.get(r.declarer)?.testOnlyFile || await testCode(r.declarer))
      continue;
    findings.push({ kind: "escaping-module-path", path: r.declarer, line: r.line, column: r.column, message: CATALOGUE["escaping-module-path"].message(r.written(), r.target) });
  }
  return { findings, needlesByFile, filesScanned };
}
async function scanManifests(source, paths, config, matcher, parse2) {
  const findings = [];
  const usedExceptions = /* @__PURE__ */ new Set();
  let manifestsChecked = 0;
  const rule = config.dependencies;
  if (!rule)
    return { findings, usedExceptions, manifestsChecked };
  const parsed = [];
  await forEachFile(source, paths, (path, bytes) => {
    manifestsChecked++;
    const text = decodeUtf8(bytes);
    if (text === void 0) {
      findings.push({ kind: "invalid-file", path, message: CATALOGUE["invalid-file"].message("utf8") });
      return;
    }
    const verdict = matcher === "line" ? checkManifestLikeSeed(path, text, rule) : checkManifest(path, text, rule, parse2);
    findings.push(...verdict.findings);
    for (const crate of verdict.usedExceptions)
      usedExceptions.add(crate);
    if (verdict.manifest)
      parsed.push({ path, text, manifest: verdict.manifest });
  });
  if (parsed.length) {
    const boundary = await checkWorkspaceBoundary(source, parsed, rule);
    findings.push(...boundary.findings);
    for (const crate of boundary.usedExceptions)
      usedExceptions.add(crate);
  }
  return { findings, usedExceptions, manifestsChecked };
}
var CHUNK, DECLARER_WORDS;
var init_scan = __esm({
  "dist/src/check/scan.js"() {
    "use strict";
    init_bannedApi();
    init_fileOutcome();
    init_decode();
    init_dependencies();
    init_dependenciesLine();
    init_workspaceBoundary();
    init_modules();
    init_catalogue();
    CHUNK = 64;
    DECLARER_WORDS = ["path", "include"];
  }
});

// dist/src/baseline/baseline.js
function baselinePathFor(configRepoPath) {
  const dir = posix.dirname(configRepoPath);
  return dir === "." ? BASELINE_FILE : `${dir}/${BASELINE_FILE}`;
}
function isRecordable(f) {
  return RECORDED_KINDS.has(f.kind) && f.path !== void 0;
}
function findingKey(f) {
  return [f.kind, f.class ?? f.dependency ?? "", f.needle ?? f.table ?? ""].join(" ").trimEnd();
}
function countFindings(findings, recordableOnly = true) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (recordableOnly && !isRecordable(f))
      continue;
    const path = f.path ?? "";
    let perFile = counts.get(path);
    if (!perFile)
      counts.set(path, perFile = /* @__PURE__ */ new Map());
    const key = findingKey(f);
    perFile.set(key, (perFile.get(key) ?? 0) + 1);
  }
  return counts;
}
function partitionByCounts(findings, allowance, eligible = isRecordable) {
  const current = countFindings(findings.filter(eligible), false);
  const beyond = [];
  const within2 = [];
  for (const f of findings) {
    if (!eligible(f)) {
      beyond.push(f);
      continue;
    }
    const path = f.path ?? "";
    const key = findingKey(f);
    const allowed = allowance.get(path)?.get(key) ?? 0;
    (current.get(path).get(key) <= allowed ? within2 : beyond).push(f);
  }
  return { beyond, within: within2 };
}
function outdatedEntries(baseline, findings, baselinePath, judged) {
  const current = countFindings(findings);
  const out = [];
  for (const [path, keys] of baseline) {
    if (judged && !judged.has(path))
      continue;
    for (const [key, recorded] of keys) {
      const now = current.get(path)?.get(key) ?? 0;
      if (now < recorded)
        out.push({ kind: "baseline-outdated", path: baselinePath, message: CATALOGUE["baseline-outdated"].message(path, key, recorded, now) });
    }
  }
  return out;
}
function renderBaseline(counts) {
  const paths = [...counts.keys()].filter((p) => (counts.get(p)?.size ?? 0) > 0).sort();
  const files = {};
  for (const p of paths) {
    const keys = [...counts.get(p)].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    files[p] = Object.fromEntries(keys);
  }
  return `${JSON.stringify({ version: 1, files }, null, 2)}
`;
}
function parseBaseline(text, display) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw configError(display, `is not valid JSON: ${err.message}`, void 0, void 0, messages.baselineRewriteHint);
  }
  const files = doc?.files;
  if (doc?.version !== 1 || typeof files !== "object" || files === null || Array.isArray(files)) {
    throw configError(display, 'is not a chokepoint baseline (expected {"version": 1, "files": {\u2026}})', void 0, void 0, messages.baselineRewriteHint);
  }
  const counts = /* @__PURE__ */ new Map();
  for (const [path, keys] of Object.entries(files)) {
    if (typeof keys !== "object" || keys === null || Array.isArray(keys))
      throw configError(display, `entry ${JSON.stringify(path)} is not an object of counts`, void 0, void 0, messages.baselineRewriteHint);
    const perFile = /* @__PURE__ */ new Map();
    for (const [key, n] of Object.entries(keys)) {
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
        throw configError(display, `count of ${JSON.stringify(key)} in ${JSON.stringify(path)} is not a whole number`, void 0, void 0, messages.baselineRewriteHint);
      if (n > 0)
        perFile.set(key, n);
    }
    counts.set(path, perFile);
  }
  return counts;
}
function pruneCounts(baseline, current) {
  const out = /* @__PURE__ */ new Map();
  for (const [path, keys] of baseline) {
    const perFile = /* @__PURE__ */ new Map();
    for (const [key, recorded] of keys) {
      const now = Math.min(recorded, current.get(path)?.get(key) ?? 0);
      if (now > 0)
        perFile.set(key, now);
    }
    if (perFile.size)
      out.set(path, perFile);
  }
  return out;
}
function totalCount(counts) {
  let n = 0;
  for (const keys of counts.values())
    for (const c of keys.values())
      n += c;
  return n;
}
var BASELINE_FILE, RECORDED_KINDS;
var init_baseline = __esm({
  "dist/src/baseline/baseline.js"() {
    "use strict";
    init_node_path();
    init_errors();
    init_messages();
    init_catalogue();
    BASELINE_FILE = "chokepoint-baseline.json";
    RECORDED_KINDS = /* @__PURE__ */ new Set(["banned-api", "banned-dependency", "escaping-path-dependency"]);
  }
});

// dist/src/lockfile/read.js
function readLockfile(text) {
  return scanCargoLayout(text) ?? readWithToml(text);
}
function readWithToml(text) {
  const parsed = parseToml(text);
  if (!parsed.ok)
    return parsed.position ? { ok: false, message: parsed.message, position: parsed.position } : { ok: false, message: parsed.message };
  const doc = parsed.value;
  const list = doc["package"];
  if (list !== void 0 && !(Array.isArray(list) && list.every(isTomlTable))) {
    const position = locateKeyPath(text, ["package"]);
    return { ok: false, message: "`package` must be an array of tables ([[package]])", ...position ? { position } : {} };
  }
  const packages = (list ?? []).map((p) => ({ name: p["name"], version: p["version"], source: p["source"], dependencies: p["dependencies"] }));
  return {
    ok: true,
    lock: {
      version: doc["version"],
      packages,
      where: (i, dep) => dep === void 0 ? locateKeyPath(text, ["package", i]) : locateValuePath(text, ["package", i, "dependencies", dep]),
      versionAt: () => locateValuePath(text, ["version"])
    }
  };
}
function scanCargoLayout(text) {
  if (NOT_PLAIN.test(text))
    return void 0;
  const packages = [];
  const headers = [];
  const depLines = [];
  let version2;
  let versionAt;
  let table2 = 0;
  let current;
  let seen = 0;
  let array;
  let lines = [];
  let line = 0;
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf("\n", pos);
    const next = end === -1 ? text.length : end + 1;
    if (end === -1)
      end = text.length;
    if (end > pos && text.charCodeAt(end - 1) === 13)
      end--;
    line++;
    const first = text.charCodeAt(pos);
    if (end === pos || first === 35) {
      pos = next;
      continue;
    }
    if (array) {
      if (first === 93 && end === pos + 1) {
        if (table2 === 1) {
          current.dependencies = array;
          depLines[depLines.length - 1] = lines;
        }
        array = void 0;
      } else if (first === 32 && text.charCodeAt(pos + 1) === 34 && text.charCodeAt(end - 1) === 44 && text.indexOf('"', pos + 2) === end - 2) {
        array.push(text.slice(pos + 2, end - 2));
        lines.push(line);
      } else
        return void 0;
      pos = next;
      continue;
    }
    if (first === 91) {
      const header = text.slice(pos, end);
      if (header === "[[package]]") {
        table2 = 1;
        current = { name: void 0, version: void 0, source: void 0, dependencies: void 0 };
        packages.push(current);
        headers.push({ line, column: 1 });
        depLines.push([]);
      } else if (header === "[[patch.unused]]")
        table2 = 2;
      else
        return void 0;
      seen = 0;
      pos = next;
      continue;
    }
    if (table2 === 0) {
      if (version2 !== void 0 || !text.startsWith("version = ", pos))
        return void 0;
      const digits = text.slice(pos + 10, end);
      if (!/^(?:0|[1-9][0-9]{0,8})$/.test(digits))
        return void 0;
      version2 = Number(digits);
      versionAt = { line, column: 11 };
      pos = next;
      continue;
    }
    if (text.startsWith("dependencies = [", pos) && end === pos + 16) {
      if (seen & 32)
        return void 0;
      seen |= 32;
      array = [];
      lines = [];
      pos = next;
      continue;
    }
    let matched = false;
    for (let k = 0; k < STRING_KEYS.length; k++) {
      const key = STRING_KEYS[k];
      const open = pos + key.length + 4;
      if (!text.startsWith(key, pos) || !text.startsWith(' = "', pos + key.length))
        continue;
      if (text.charCodeAt(end - 1) !== 34 || end - 1 < open || text.indexOf('"', open) !== end - 1 || seen & 1 << k)
        return void 0;
      seen |= 1 << k;
      if (table2 === 1 && k < 3)
        current[key] = text.slice(open, end - 1);
      matched = true;
      break;
    }
    if (!matched)
      return void 0;
    pos = next;
  }
  if (array)
    return void 0;
  return {
    ok: true,
    lock: {
      version: version2,
      packages,
      where: (i, dep) => {
        if (dep === void 0)
          return headers[i];
        const at2 = depLines[i]?.[dep];
        return at2 === void 0 ? void 0 : { line: at2, column: 2 };
      },
      versionAt: () => versionAt
    }
  };
}
var NOT_PLAIN, STRING_KEYS;
var init_read = __esm({
  "dist/src/lockfile/read.js"() {
    "use strict";
    init_positions2();
    NOT_PLAIN = /[\\\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)/;
    STRING_KEYS = ["name", "version", "source", "checksum", "replace"];
  }
});

// dist/src/lockfile/resolve.js
function resolveLockfile(lock) {
  const problems = [];
  const problem = (message, position) => {
    if (problems.length < MAX_PROBLEMS) {
      const at2 = position();
      problems.push(at2 ? { message, position: at2 } : { message });
    } else if (problems.length === MAX_PROBLEMS)
      problems.push({ message: "more problems follow: fix the ones above and check again" });
  };
  const version2 = lock.version;
  if (version2 !== 3 && version2 !== 4) {
    const what = version2 === void 0 ? "has no `version` (formats 1 and 2, written by cargo before 1.53)" : `is format version ${JSON.stringify(version2)}`;
    problem(`Cargo.lock ${what}; chokepoint reads versions 3 and 4: regenerate it with a current cargo (\`cargo update --workspace\`)`, () => lock.versionAt());
    return { ok: false, problems };
  }
  const packages = [];
  const byName = /* @__PURE__ */ new Map();
  lock.packages.forEach((entry, i) => {
    const fields = ["name", "version"];
    for (const field of fields) {
      if (typeof entry[field] !== "string" || entry[field] === "")
        problem(`package #${i + 1} has no \`${field}\` string`, () => lock.where(i));
    }
    if (entry.source !== void 0 && typeof entry.source !== "string")
      problem(`package #${i + 1}: \`source\` must be a string`, () => lock.where(i));
    const name = typeof entry.name === "string" ? entry.name : "";
    const v = typeof entry.version === "string" ? entry.version : "";
    const source = typeof entry.source === "string" ? entry.source : void 0;
    packages.push(source === void 0 ? { name, version: v, deps: [] } : { name, version: v, source, deps: [] });
    let versions = byName.get(name);
    if (!versions)
      byName.set(name, versions = /* @__PURE__ */ new Map());
    const same = versions.get(v);
    if (!same)
      versions.set(v, [i]);
    else {
      if (same.some((j) => sourceKey(packages[j].source) === sourceKey(source))) {
        problem(`package \`${name} ${v}\`${source ? ` (${source})` : ""} is listed twice`, () => lock.where(i));
      }
      same.push(i);
    }
  });
  if (problems.length)
    return { ok: false, problems };
  lock.packages.forEach((entry, i) => {
    const deps = entry.dependencies;
    if (deps === void 0)
      return;
    if (!Array.isArray(deps)) {
      problem(`package \`${packages[i].name}\`: \`dependencies\` must be an array of strings`, () => lock.where(i));
      return;
    }
    const own = packages[i];
    for (let d = 0; d < deps.length; d++) {
      const spec = deps[d];
      if (typeof spec !== "string") {
        problem(`package \`${own.name}\`: dependency #${d + 1} is not a string`, () => lock.where(i, d) ?? lock.where(i));
        continue;
      }
      const found = lookup(byName, packages, spec);
      if (typeof found === "number")
        own.deps.push(found);
      else
        problem(`dependency ${JSON.stringify(spec)} of \`${own.name} ${own.version}\` ${found}`, () => lock.where(i, d) ?? lock.where(i));
    }
  });
  if (problems.length)
    return { ok: false, problems };
  const cycle = registryCycle(packages);
  if (cycle) {
    const shown = [...cycle, cycle[0]].map((i) => `${packages[i].name} ${packages[i].version}`).join(" \u2192 ");
    problem(`dependency cycle among registry or git packages, which cargo never writes: ${shown}`, () => lock.where(cycle[0]));
    return { ok: false, problems };
  }
  return { ok: true, graph: { version: version2, packages, where: (i) => lock.where(i) } };
}
function sourceKey(source) {
  if (source === void 0)
    return "";
  const hash = source.indexOf("#");
  return hash === -1 ? source : source.slice(0, hash);
}
function lookup(byName, packages, spec) {
  if (spec.indexOf(" ") === -1) {
    const versions2 = byName.get(spec);
    if (versions2?.size === 1) {
      const only = versions2.values().next().value;
      if (only.length === 1)
        return only[0];
    }
  }
  const m7 = SPEC.exec(spec);
  if (!m7)
    return "is not `name`, `name version` or `name version (source)`";
  const [, name, version2, source] = m7;
  const versions = byName.get(name);
  if (!versions)
    return `names no package: there is no \`${name}\` in the lockfile`;
  let candidates;
  if (version2 === void 0) {
    if (versions.size > 1)
      return `is ambiguous: \`${name}\` has ${versions.size} versions (${[...versions.keys()].join(", ")}); write \`${name} VERSION\``;
    candidates = [...versions.values()][0];
  } else {
    const same = versions.get(version2);
    if (!same)
      return `names no package: \`${name}\` has no version ${version2} (it has ${[...versions.keys()].join(", ")})`;
    candidates = same;
  }
  if (source !== void 0) {
    const match = candidates.find((i) => sourceKey(packages[i].source) === sourceKey(source));
    return match ?? `names no package: no \`${name}\` comes from ${source}`;
  }
  if (candidates.length === 1)
    return candidates[0];
  const local = candidates.filter((i) => packages[i].source === void 0);
  if (local.length === 1)
    return local[0];
  return `is ambiguous: ${candidates.length} packages \`${name} ${packages[candidates[0]].version}\` come from different sources; write \`${name} VERSION (SOURCE)\``;
}
function registryCycle(packages) {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Uint8Array(packages.length);
  const sourced = (i) => packages[i].source !== void 0;
  for (let start = 0; start < packages.length; start++) {
    if (colour[start] !== WHITE || !sourced(start))
      continue;
    const stack = [start];
    const next = [0];
    colour[start] = GREY;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const deps = packages[top].deps;
      const k = next[next.length - 1];
      if (k >= deps.length) {
        colour[top] = BLACK;
        stack.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const dep = deps[k];
      if (!sourced(dep))
        continue;
      if (colour[dep] === GREY)
        return stack.slice(stack.indexOf(dep));
      if (colour[dep] === WHITE) {
        colour[dep] = GREY;
        stack.push(dep);
        next.push(0);
      }
    }
  }
  return void 0;
}
var MAX_PROBLEMS, SPEC;
var init_resolve = __esm({
  "dist/src/lockfile/resolve.js"() {
    "use strict";
    MAX_PROBLEMS = 10;
    SPEC = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/;
  }
});

// dist/src/rules/graph.js
function bannedPackages(graph, rule, usedExceptions) {
  const banned = /* @__PURE__ */ new Map();
  graph.packages.forEach((p, i) => {
    const marker = bannedMarker(p.name, rule);
    if (marker === void 0)
      return;
    const exception = findException(p.name, rule.allow);
    if (exception)
      usedExceptions?.add(exception.crate);
    else
      banned.set(i, { marker });
  });
  return banned;
}
function edgePermitted(graph, from, to, rule) {
  const name = graph.packages[from].name;
  const wrapped = new Set((rule.wrappers ?? []).filter((w) => w.crates.includes(name)).map((w) => w.banned));
  return isWrapped(graph.packages[to].name, rule, wrapped);
}
function shortestChains(graph, start, banned, permitted, firstEdge2 = () => true) {
  const n = graph.packages.length;
  const parent = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const chains = /* @__PURE__ */ new Map();
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const u = queue[head++];
    for (const v of graph.packages[u].deps) {
      if (u === start && !firstEdge2(v))
        continue;
      if (banned.has(v) && !chains.has(v) && v !== start && !permitted(u, v)) {
        const chain = [v];
        for (let x = u; x !== -1; x = parent[x])
          chain.push(x);
        chains.set(v, chain.reverse());
      }
      if (!seen[v]) {
        seen[v] = 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
  }
  return chains;
}
function everyChain(graph, start, target, permitted, limit) {
  const reaches = reachersOf(graph, target);
  const chains = [];
  const path = [start];
  const onPath = new Uint8Array(graph.packages.length);
  onPath[start] = 1;
  let steps = 0;
  let complete = true;
  const walk2 = (u) => {
    for (const v of graph.packages[u].deps) {
      if (++steps > ENUMERATION_STEPS || chains.length >= limit * 4) {
        complete = false;
        return;
      }
      if (v === target) {
        if (!permitted(u, v))
          chains.push([...path, v]);
        continue;
      }
      if (onPath[v] || !reaches[v])
        continue;
      onPath[v] = 1;
      path.push(v);
      walk2(v);
      path.pop();
      onPath[v] = 0;
      if (!complete)
        return;
    }
  };
  if (reaches[start])
    walk2(start);
  chains.sort((a, b) => a.length - b.length);
  if (chains.length > limit)
    complete = false;
  return { chains: chains.slice(0, limit), complete };
}
function reachersOf(graph, target) {
  const reverse = graph.packages.map(() => []);
  graph.packages.forEach((p, i) => p.deps.forEach((d) => reverse[d].push(i)));
  const mark = new Uint8Array(graph.packages.length);
  const queue = [target];
  mark[target] = 1;
  while (queue.length) {
    for (const u of reverse[queue.pop()]) {
      if (!mark[u]) {
        mark[u] = 1;
        queue.push(u);
      }
    }
  }
  return mark;
}
function chainLabel(graph, pkg, members) {
  const p = graph.packages[pkg];
  const member = members.get(pkg);
  if (member)
    return `${posix.dirname(member.manifestPath)} (${p.name})`;
  return `${p.name} ${p.version}`;
}
function firstEdge(member, childName) {
  const matching = member.declared.filter((d) => d.package === childName);
  if (matching.length === 0)
    return void 0;
  const order = { normal: 0, build: 1, dev: 2 };
  const dep = [...matching].sort((a, b) => order[a.kind] - order[b.kind])[0];
  return { dep, devOnly: matching.every((d) => d.kind === "dev") };
}
function staleDependencies(graph, member) {
  const locked = new Set(graph.packages[member.pkg].deps.map((d) => graph.packages[d].name));
  return [...new Set(member.declared.map((d) => d.package).filter((name) => !locked.has(name)))];
}
function checkGraph(lockPath, graph, members, rule) {
  const verdict = { findings: [], warnings: [], usedExceptions: /* @__PURE__ */ new Set() };
  const banned = bannedPackages(graph, rule, verdict.usedExceptions);
  const byPkg = new Map(members.map((m7) => [m7.pkg, m7]));
  const permitted = (from, to) => edgePermitted(graph, from, to, rule);
  for (const member of members) {
    if (!member.changed)
      continue;
    const stale = staleDependencies(graph, member);
    let reported = false;
    if (banned.size) {
      const declared = new Set(member.declared.map((d) => d.package));
      for (const [target, chain] of shortestChains(graph, member.pkg, banned, permitted, (v) => declared.has(graph.packages[v].name))) {
        if (chain.length === 2 && member.checkedDirectly)
          continue;
        verdict.findings.push(chainFinding(lockPath, graph, member, byPkg, chain, banned.get(target).marker, rule, stale));
        reported = true;
      }
    }
    if (stale.length && !reported) {
      verdict.warnings.push({ kind: "stale-lockfile", path: member.manifestPath, message: messages.staleLockfile(member.manifestPath, lockPath, stale) });
    }
  }
  return verdict;
}
function chainFinding(lockPath, graph, member, byPkg, chain, marker, rule, stale) {
  const target = graph.packages[chain[chain.length - 1]];
  const labels = chain.map((i, k) => k === 0 ? chainLabel(graph, i, byPkg) : `${graph.packages[i].name} ${graph.packages[i].version}`);
  const first = firstEdge(member, graph.packages[chain[1]].name);
  const at2 = first ? locateKeyPath(member.manifestText, [...first.dep.tableKeyPath, first.dep.key]) : void 0;
  const wrappers = (rule.wrappers ?? []).filter((w) => w.banned === marker).flatMap((w) => w.crates);
  const related = [];
  if (at2)
    related.push({ path: member.manifestPath, line: at2.line, column: at2.column, message: messages.chainFirstEdge(graph.packages[member.pkg].name, graph.packages[chain[1]].name) });
  const lockAt = graph.where(chain[chain.length - 1]);
  related.push({ path: lockPath, ...lockAt ? { line: lockAt.line, column: lockAt.column } : {}, message: messages.chainLockEntry(`${target.name} ${target.version}`, lockPath) });
  return {
    kind: "banned-dependency-chain",
    message: messages.bannedChain(labels, target.name, marker, { devOnly: first?.devOnly ?? false, wrappers, stale, lockPath }),
    path: at2 ? member.manifestPath : lockPath,
    ...at2 ? { line: at2.line, column: at2.column } : lockAt ? { line: lockAt.line, column: lockAt.column } : {},
    dependency: target.name,
    ...first ? { table: first.dep.tableKeyPath.join(".") } : {},
    chain: labels,
    related
  };
}
var ENUMERATION_STEPS;
var init_graph = __esm({
  "dist/src/rules/graph.js"() {
    "use strict";
    init_node_path();
    init_positions2();
    init_dependencies();
    init_messages();
    ENUMERATION_STEPS = 2e5;
  }
});

// dist/src/check/graphScan.js
async function stagedCargoFiles(root) {
  return splitNul(await git(["ls-files", "-z", "--", ":(glob)**/Cargo.toml", ":(glob)**/Cargo.lock"], { cwd: root, env: { GIT_LITERAL_PATHSPECS: "0" } }));
}
function lockfileOf(manifest, lockfiles) {
  let best;
  for (const lock of lockfiles) {
    const dir = dirOf2(lock);
    if (within(dir, manifest) && (best === void 0 || dir.length > dirOf2(best).length))
      best = lock;
  }
  return best;
}
async function scanGraphs(source, config, checkedDirectly, scope) {
  const scan = { findings: [], warnings: [], usedExceptions: /* @__PURE__ */ new Set(), lockfilesChecked: 0 };
  const rule = config.dependencies;
  if (!rule?.graph)
    return scan;
  if (scope.touched && !scope.touched.some((p) => isLockfile(p) || isManifest(p)))
    return scan;
  const listing = scope.cargoFiles();
  const early = /* @__PURE__ */ new Map();
  for (const p of scope.touched ?? [])
    if (isLockfile(p))
      early.set(p, readLock(source, p));
  for (const pending of early.values())
    pending.catch(() => void 0);
  const cargo = await listing;
  const lockfiles = cargo.filter(isLockfile);
  const manifests = cargo.filter(isManifest);
  const touched = scope.touched && new Set(scope.touched);
  const wanted = touched ? lockfiles.filter((l) => touched.has(l) || manifests.some((m7) => touched.has(m7) && lockfileOf(m7, lockfiles) === l)) : lockfiles;
  const direct = new Set(checkedDirectly);
  for (const lockPath of wanted) {
    scan.lockfilesChecked++;
    const workspace = await readWorkspace(source, lockPath, cargo, { direct, touched: touched && !touched.has(lockPath) ? touched : void 0, lock: early.get(lockPath), parse: scope.parseManifest });
    if (!workspace.ok) {
      scan.findings.push(...workspace.findings);
      continue;
    }
    const verdict = checkGraph(lockPath, workspace.graph, workspace.members, rule);
    scan.findings.push(...verdict.findings);
    scan.warnings.push(...verdict.warnings);
    for (const c of verdict.usedExceptions)
      scan.usedExceptions.add(c);
  }
  return scan;
}
async function readLock(source, lockPath) {
  const bytes = (await source.readFiles([lockPath])).get(lockPath);
  const lockText = bytes && decodeUtf8(bytes);
  if (lockText === void 0)
    return { ok: false, findings: [{ kind: "invalid-file", path: lockPath, message: bytes ? CATALOGUE["invalid-file"].message("utf8") : messages.invalidLockfile("the file could not be read") }] };
  const findings = [];
  const graph = lockGraph(lockPath, lockText, findings);
  return graph ? { ok: true, graph } : { ok: false, findings };
}
async function readWorkspace(source, lockPath, cargoFiles, opts = {}) {
  const lockfiles = cargoFiles.filter(isLockfile);
  const members = cargoFiles.filter((m7) => isManifest(m7) && lockfileOf(m7, lockfiles) === lockPath && (opts.touched === void 0 || opts.touched.has(m7)));
  const [lock, contents] = await Promise.all([opts.lock ?? readLock(source, lockPath), source.readFiles(members)]);
  if (!lock.ok)
    return lock;
  return { ok: true, graph: lock.graph, members: await membersOf(source, lock.graph, members, contents, opts.direct ?? /* @__PURE__ */ new Set(), opts.touched, opts.parse ?? parseToml) };
}
function lockGraph(lockPath, text, findings) {
  const read = readLockfile(text);
  if (!read.ok) {
    findings.push({ kind: "invalid-file", path: lockPath, message: messages.lockfileNotToml(read.message), ...read.position ?? {} });
    return void 0;
  }
  const resolved = resolveLockfile(read.lock);
  if (!resolved.ok) {
    for (const p of resolved.problems)
      findings.push({ kind: "invalid-file", path: lockPath, message: messages.invalidLockfile(p.message), ...p.position ?? {} });
    return void 0;
  }
  return resolved.graph;
}
async function membersOf(source, graph, paths, contents, direct, touched, parse2) {
  const local = /* @__PURE__ */ new Map();
  graph.packages.forEach((p, i) => {
    if (p.source !== void 0)
      return;
    const list = local.get(p.name);
    if (list)
      list.push(i);
    else
      local.set(p.name, [i]);
  });
  const findRoot = workspaceRootFinder(source, parse2);
  const members = [];
  const taken = /* @__PURE__ */ new Set();
  for (const path of paths) {
    const bytes = contents.get(path);
    const text = bytes && decodeUtf8(bytes);
    if (text === void 0)
      continue;
    const parsed = parse2(text);
    if (!parsed.ok)
      continue;
    const name = packageName(parsed.value);
    const candidates = name === void 0 ? void 0 : local.get(name);
    if (!candidates)
      continue;
    const pkgTable = parsed.value["package"];
    const version2 = isTomlTable(pkgTable) && typeof pkgTable["version"] === "string" ? pkgTable["version"] : void 0;
    const pkg = candidates.find((i) => !taken.has(i) && graph.packages[i].version === version2) ?? candidates.find((i) => !taken.has(i));
    if (pkg === void 0)
      continue;
    taken.add(pkg);
    const declared = declaredDependencies(parsed.value);
    if (declared.some((d) => isTomlTable(d.spec) && d.spec["workspace"] === true)) {
      const root = await findRoot(path, parsed.value);
      if (root) {
        for (const d of declared)
          if (isTomlTable(d.spec) && d.spec["workspace"] === true)
            d.package = inheritedPackage(root, d.key) ?? d.package;
      }
    }
    members.push({ pkg, manifestPath: path, manifestText: text, declared, checkedDirectly: direct.has(path), changed: touched === void 0 || touched.has(path) });
  }
  return members;
}
var isLockfile, isManifest, dirOf2, within, CARGO_FILE_NAMES;
var init_graphScan = __esm({
  "dist/src/check/graphScan.js"() {
    "use strict";
    init_node_path();
    init_decode();
    init_messages();
    init_catalogue();
    init_read();
    init_resolve();
    init_graph();
    init_dependencies();
    init_workspaceBoundary();
    init_positions2();
    init_git();
    isLockfile = (p) => p === "Cargo.lock" || p.endsWith("/Cargo.lock");
    isManifest = (p) => p === "Cargo.toml" || p.endsWith("/Cargo.toml");
    dirOf2 = (p) => posix.dirname(p);
    within = (dir, p) => dir === "." || p.startsWith(`${dir}/`);
    CARGO_FILE_NAMES = ["Cargo.toml", "Cargo.lock"];
  }
});

// dist/src/source/indexSnapshot.js
function keepSnapshot(cwd, snapshot) {
  snapshots.set(cwd, snapshot);
}
function hasSnapshot(cwd) {
  return snapshots.has(cwd);
}
function takeSnapshot(cwd) {
  const snapshot = snapshots.get(cwd);
  snapshots.delete(cwd);
  return snapshot;
}
var snapshots;
var init_indexSnapshot = __esm({
  "dist/src/source/indexSnapshot.js"() {
    "use strict";
    init_sharedState();
    snapshots = sharedState("chokepoint.indexSnapshots", () => /* @__PURE__ */ new Map());
  }
});

// dist/src/toml/cache.js
function tomlCache(commonDir, version2) {
  let entries;
  let added = false;
  const load = () => {
    if (entries)
      return entries;
    const file = readStateFile(commonDir, CACHE_FILE2);
    entries = file?.format === FORMAT2 && file.version === version2 && Array.isArray(file.entries) ? new Map(file.entries) : /* @__PURE__ */ new Map();
    return entries;
  };
  return {
    parse(text) {
      const known = load();
      const stored = known.get(text);
      if (stored !== void 0) {
        known.delete(text);
        known.set(text, stored);
        return { ok: true, value: JSON.parse(stored, asTomlTable) };
      }
      const parsed = parseToml(text);
      if (parsed.ok && keptByJson(parsed.value)) {
        known.set(text, JSON.stringify(parsed.value));
        added = true;
      }
      return parsed;
    },
    save() {
      if (!added || !entries)
        return;
      const file = { format: FORMAT2, version: version2, entries: [...entries].slice(-MAX_ENTRIES) };
      writeStateFile(commonDir, CACHE_FILE2, file);
    }
  };
}
function asTomlTable(_key, value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.assign(/* @__PURE__ */ Object.create(null), value) : value;
}
function keptByJson(value) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object":
      if (Array.isArray(value))
        return value.every(keptByJson);
      return isTomlTable(value) && Object.getPrototypeOf(value) === null && Object.values(value).every(keptByJson);
    default:
      return false;
  }
}
var FORMAT2, MAX_ENTRIES, CACHE_FILE2;
var init_cache2 = __esm({
  "dist/src/toml/cache.js"() {
    "use strict";
    init_stateFile();
    init_positions2();
    FORMAT2 = 1;
    MAX_ENTRIES = 1e3;
    CACHE_FILE2 = "manifest-cache.json";
  }
});

// dist/src/check/run.js
async function loadRules(repo, opts, index, head) {
  const [{ config, repoPath: repoPath2, from }, judge2] = await Promise.all([loadConfig(repo, opts.cwd, opts.configPath, index, head), loadJudge()]);
  return { config, configPath: repoPath2, scope: buildScope(config), index: indexClasses(config.classes), matcher: opts.matcher ?? config.matcher, judge: judge2, from };
}
function select(paths, scope) {
  const rust = [];
  const others = [];
  const manifests = [];
  let excluded = 0;
  for (const p of paths) {
    const verdict = scope.classify(p);
    if (verdict.status === "scanned")
      rust.push(p);
    else
      others.push(p);
    if (verdict.status === "excluded")
      excluded++;
    if (scope.isManifest(p))
      manifests.push(p);
  }
  return { rust, others, manifests, scanned: rust.length, excluded };
}
async function applyBaseline(opts, source, rules, judged, judgedPaths) {
  const path = baselinePathFor(rules.configPath);
  if (path.startsWith("..") || opts.useBaseline === false)
    return judged;
  const bytes = (await source.readFiles([path])).get(path);
  if (bytes === void 0)
    return judged;
  const baseline = parseBaseline(bytes.toString("utf8"), path);
  const { beyond, within: within2 } = partitionByCounts(judged.findings, baseline);
  return { ...judged, findings: beyond, baselined: within2, warnings: [...judged.warnings, ...outdatedEntries(baseline, judged.findings, path, judgedPaths)] };
}
async function withoutPreExisting(repo, opts, rules, judged) {
  if (judged.findings.length === 0 || !await hasHead(repo))
    return judged;
  const head = revisionSource(repo.root, "HEAD");
  try {
    const bytes = (await head.readFiles([rules.configPath])).get(rules.configPath);
    if (bytes === void 0)
      return judged;
    const display = `HEAD:${rules.configPath}`;
    const config = parseConfig(decodeConfig(bytes, display), display, rules.config.file);
    const headRules = { config, configPath: rules.configPath, scope: buildScope(config), index: indexClasses(config.classes), matcher: opts.matcher ?? config.matcher, judge: rules.judge };
    const before = await auditTree(head, headRules, { ...opts, progress: void 0 });
    const { beyond, within: within2 } = partitionByCounts(judged.findings, countFindings(before.findings, false), () => true);
    return { ...judged, findings: beyond, preExisting: within2 };
  } catch (err) {
    if (err instanceof UserError)
      return judged;
    throw err;
  } finally {
    head.close();
  }
}
async function judge(source, rules, selection, allPaths, opts, wholeTree, graphScope) {
  const graphRun = graphScope ? scanGraphs(source, rules.config, selection.manifests, graphScope) : void 0;
  graphRun?.catch(() => void 0);
  const rust = await scanRust(source, selection.rust, {
    index: rules.index,
    matcher: rules.matcher,
    judge: rules.judge,
    wholeTree,
    declares: (p) => rules.scope.classify(p).status === "scanned",
    others: wholeTree ? [] : selection.others,
    progress: opts.progress,
    collectUsage: wholeTree
  });
  const deps = await scanManifests(source, selection.manifests, rules.config, rules.matcher, graphScope?.parseManifest);
  const graph = await graphRun;
  const findings = [...rust.findings, ...deps.findings, ...graph?.findings ?? []];
  const warnings = [...graph?.warnings ?? []];
  for (const crate of graph?.usedExceptions ?? [])
    deps.usedExceptions.add(crate);
  if (allPaths) {
    findings.push(...sanityFindings(rules.config, rules.configPath, rules.scope, { paths: allPaths, scanned: selection.scanned, excluded: selection.excluded }));
    if (wholeTree)
      warnings.push(...auditWarnings(rules.config, rules.configPath, rules.scope, rust.needlesByFile, deps.usedExceptions));
  }
  return { findings, warnings, filesScanned: rust.filesScanned, manifestsChecked: deps.manifestsChecked, judge: rules.judge.name };
}
async function auditTree(source, rules, opts, manifests) {
  const paths = await source.listPaths();
  const judged = await judge(source, rules, select(paths, rules.scope), new Set(paths), opts, true, { cargoFiles: async () => paths, ...manifests ? { parseManifest: manifests.parse } : {} });
  manifests?.save();
  return judged;
}
function removedAllowlisted(changes, rules) {
  const findings = [];
  for (const change of changes) {
    const gone = change.status === "D" ? change.path : change.status === "R" ? change.from : void 0;
    if (gone === void 0)
      continue;
    const classes = rules.config.classes.filter((c) => c.allow.some((e) => e.path === gone)).map((c) => c.name);
    if (classes.length === 0)
      continue;
    findings.push({
      kind: "allowlisted-path-removed",
      path: gone,
      message: CATALOGUE["allowlisted-path-removed"].message(gone, classes.join(", "), change.status === "R" ? change.path : void 0)
    });
  }
  return findings;
}
function finish(mode, judged, started, strict) {
  const byLocation = (a, b) => compareText(a.path ?? "", b.path ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.kind, b.kind);
  const findings = strict ? [...judged.findings, ...judged.warnings] : judged.findings;
  return {
    mode,
    findings: findings.sort(byLocation),
    warnings: strict ? [] : judged.warnings.sort(byLocation),
    stats: { filesScanned: judged.filesScanned, manifestsChecked: judged.manifestsChecked, durationMs: Date.now() - started, judge: judged.judge },
    ...judged.baselined?.length ? { baselined: judged.baselined.sort(byLocation) } : {},
    ...judged.preExisting?.length ? { preExisting: judged.preExisting.sort(byLocation) } : {}
  };
}
async function runStaged(repo, opts, amending, started, snapshot) {
  const source = indexSource(repo.root, snapshot);
  try {
    const head = () => revisionSource(repo.root, "HEAD");
    const stagedChanges = !amending && snapshot?.changes || readStagedChanges(repo, amending);
    const [rules, changes] = await Promise.all([loadRules(repo, opts, opts.configPath ? void 0 : source, head), stagedChanges]);
    const configGone = rules.from === "revision" && changes.some((c) => c.status === "D" && c.path === rules.configPath);
    if (changes.some((c) => c.status !== "D" && c.path === rules.configPath)) {
      const judged2 = await withoutPreExisting(repo, opts, rules, await applyBaseline(opts, source, rules, await auditTree(source, rules, opts)));
      return { result: finish("staged", judged2, started, opts.strict ?? false), config: rules.config, repo, note: messages.rulesChanged(rules.configPath, "index") };
    }
    const live = changes.filter((c) => c.status !== "D");
    source.knowBlobIds(new Map(live.filter((c) => c.oid).map((c) => [c.path, c.oid])));
    const staged = live.map((c) => c.path);
    const selection = select(staged, rules.scope);
    const manifests = tomlCache(repo.commonDir, readPackageVersion());
    const judged = await applyBaseline(opts, source, rules, await judge(source, rules, selection, void 0, opts, false, { cargoFiles: snapshot ? async () => snapshot.pathsNamed(CARGO_FILE_NAMES) : () => stagedCargoFiles(repo.root), touched: staged, parseManifest: manifests.parse }), judgedSet(selection));
    manifests.save();
    judged.findings.push(...removedAllowlisted(changes, rules));
    if (configGone)
      judged.findings.push({ kind: "config-removed", path: rules.configPath, message: CATALOGUE["config-removed"].message(rules.configPath) });
    return { result: finish("staged", judged, started, opts.strict ?? false), config: rules.config, repo };
  } finally {
    source.close();
  }
}
async function runAll(repo, opts, from, started) {
  const source = from === "worktree" ? worktreeSource(repo.root) : from === "index" ? indexSource(repo.root) : revisionSource(repo.root, await resolveCommit(repo, from.rev));
  try {
    const rules = await loadRules(repo, opts);
    const judged = await applyBaseline(opts, source, rules, await auditTree(source, rules, opts, tomlCache(repo.commonDir, readPackageVersion())));
    return { result: finish("all", judged, started, opts.strict ?? false), config: rules.config, repo };
  } finally {
    source.close();
  }
}
async function expandDirectories(source, rules, root, named, given) {
  const isDir = (p) => p === "" || (lstatSync(join(root, p), { throwIfNoEntry: false })?.isDirectory() ?? false);
  if (!named.some(isDir))
    return [...named];
  const all = await source.listPaths();
  const listed = new Set(all);
  return named.flatMap((p, k) => {
    if (!isDir(p) || listed.has(p))
      return [p];
    const prefix = p === "" ? "" : `${p}/`;
    const inside = all.filter((q3) => q3.startsWith(prefix) && (rules.scope.classify(q3).status === "scanned" || rules.scope.isManifest(q3) || q3 === rules.configPath));
    if (inside.length === 0)
      throw usageError(messages.directoryEmptyOfScope(given[k]), messages.directoryEmptyOfScopeHint);
    return inside;
  });
}
async function runFiles(repo, opts, files, started) {
  const source = worktreeSource(repo.root);
  const rules = await loadRules(repo, opts);
  const named = files.map((f) => resolve(opts.cwd, f) === repo.root ? "" : repoRelativePath(repo, opts.cwd, f));
  const missing = named.findIndex((p) => p !== "" && !worktreeHas(repo.root, p));
  if (missing >= 0)
    throw usageError(messages.fileMissing(files[missing]), messages.fileMissingHint);
  const paths = [...new Set(await expandDirectories(source, rules, repo.root, named, files))];
  if (paths.includes(rules.configPath)) {
    const judged2 = await withoutPreExisting(repo, opts, rules, await applyBaseline(opts, source, rules, await auditTree(source, rules, opts)));
    return { result: finish("files", judged2, started, opts.strict ?? false), config: rules.config, repo, note: messages.rulesChanged(rules.configPath, "working tree") };
  }
  const selection = select(paths, rules.scope);
  const judged = await applyBaseline(opts, source, rules, await judge(source, rules, selection, void 0, opts, false, { cargoFiles: () => source.listPaths(), touched: paths }), judgedSet(selection));
  return { result: finish("files", judged, started, opts.strict ?? false), config: rules.config, repo };
}
async function runSince(repo, opts, rev, started) {
  const commit = await resolveCommit(repo, rev);
  const source = revisionSource(repo.root, "HEAD");
  try {
    const rules = await loadRules(repo, opts);
    const base = await mergeBase(repo, commit);
    const changes = await readChangesSince(repo, base);
    const all = await source.listPaths();
    const changed = changes.filter((c) => c.status !== "D").map((c) => c.path);
    const tree = select(all, rules.scope);
    const selection = select(changed, rules.scope);
    const judged = await applyBaseline(opts, source, rules, await judge(source, rules, { ...selection, scanned: tree.scanned, excluded: tree.excluded }, new Set(all), opts, false, { cargoFiles: async () => all, touched: changed }), judgedSet(selection));
    await attributeFindings(repo, base, judged.findings, async (at2, subjects) => {
      const version2 = revisionSource(repo.root, at2);
      try {
        const files = subjects.filter((p) => p !== CARGO_GRAPH);
        const found = (await judge(version2, rules, select(files, rules.scope), void 0, opts, false)).findings;
        if (subjects.includes(CARGO_GRAPH))
          found.push(...(await scanGraphs(version2, rules.config, [], { cargoFiles: () => version2.listPaths() })).findings);
        return found;
      } finally {
        version2.close();
      }
    });
    const result = finish("since", judged, started, opts.strict ?? false);
    result.recordedBypassesPass = opts.recordedBypass !== void 0 ? opts.recordedBypass === "pass" : rules.config.bypass?.allowInCi ?? false;
    return { result, config: rules.config, repo };
  } finally {
    source.close();
  }
}
async function runOnDisk(opts, started) {
  const configFile = resolve(opts.cwd, opts.configPath ?? CONFIG_FILE);
  if (!existsSync(configFile))
    throw usageError(messages.notARepositoryNorConfig(opts.cwd, configFile), messages.notARepositoryHint);
  const repo = { root: dirname(configFile), commonDir: "", gitDir: "" };
  const rules = await loadRules(repo, opts);
  const source = filesystemSource(repo.root, rules.config);
  const judged = await applyBaseline(opts, source, rules, await auditTree(source, rules, opts));
  return { result: finish("all", judged, started, opts.strict ?? false), config: rules.config, repo, note: messages.auditedOnDisk(repo.root) };
}
async function runCheck(opts) {
  const started = Date.now();
  const t = opts.target;
  const snapshot = t.kind === "staged" ? takeSnapshot(opts.cwd) : void 0;
  let repo;
  try {
    repo = snapshot?.repo ?? await openRepository(opts.cwd);
  } catch (err) {
    if (!(err instanceof UserError && err.message === messages.notARepository(opts.cwd)))
      throw err;
    if (t.kind === "all" && t.from === "worktree")
      return runOnDisk(opts, started);
    throw usageError(messages.needsRepository(opts.cwd, t.kind), messages.needsRepositoryHint);
  }
  switch (t.kind) {
    case "staged":
      return runStaged(repo, opts, t.amending ?? false, started, snapshot);
    case "all":
      return runAll(repo, opts, t.from, started);
    case "files":
      return runFiles(repo, opts, t.files, started);
    case "since":
      if (!await hasHead(repo))
        throw usageError(messages.unknownRevision("HEAD"), "make a first commit before using --since");
      return runSince(repo, opts, t.rev, started);
  }
}
var judgedSet, compareText;
var init_run = __esm({
  "dist/src/check/run.js"() {
    "use strict";
    init_git();
    init_errors();
    init_load();
    init_filesystem();
    init_node_path();
    init_node_fs();
    init_scope();
    init_bannedApi();
    init_sanity();
    init_sources();
    init_changes();
    init_introducedBy();
    init_scan();
    init_judge();
    init_messages();
    init_catalogue();
    init_baseline();
    init_graphScan();
    init_indexSnapshot();
    init_cache2();
    init_version();
    judgedSet = (selection) => /* @__PURE__ */ new Set([...selection.rust, ...selection.manifests]);
    compareText = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  }
});

// dist/src/bypass/amend.js
function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((a, i, all) => a !== "" || i < all.length - 1);
    return { parent, args };
  } catch {
    return void 0;
  }
}
function readPs(pid) {
  try {
    const out = process.getBuiltinModule("node:child_process").execFileSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const match = /^(\d+)\s+(.*)$/s.exec(out);
    return match ? { parent: Number(match[1]), args: match[2].split(/\s+/) } : void 0;
  } catch {
    return void 0;
  }
}
function amends(args) {
  for (const arg of args.slice(1)) {
    if (arg === "--")
      return false;
    if (arg.length >= 4 && "--amend".startsWith(arg))
      return true;
  }
  return false;
}
function isAmendingCommit() {
  const read = process.platform === "linux" ? readProc : readPs;
  let pid = process.ppid;
  for (let depth = 0; depth < 12 && pid > 1; depth++) {
    const info = read(pid);
    if (info === void 0)
      return false;
    if (isGit(info.args))
      return amends(info.args);
    pid = info.parent;
  }
  return false;
}
var isGit;
var init_amend = __esm({
  "dist/src/bypass/amend.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    isGit = (args) => args[0] !== void 0 && /^git(\.exe)?$/.test(basename(args[0]));
  }
});

// dist/src/findings/blocking.js
function isBlocking(finding, result) {
  return !(result.recordedBypassesPass === true && finding.introducedBy !== void 0 && finding.introducedBy.bypass !== null);
}
var init_blocking = __esm({
  "dist/src/findings/blocking.js"() {
    "use strict";
  }
});

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// dist/src/report/human.js
var human_exports = {};
__export(human_exports, {
  formatHuman: () => formatHuman
});
function snippet(f) {
  if (f.lineText === void 0 || f.line === void 0 || f.column === void 0)
    return [];
  const gutter = String(f.line);
  const pad = " ".repeat(gutter.length);
  const text = f.lineText.replace(/\t/g, " ");
  const start = Math.min(text.length, f.column - 1);
  const end = Math.min(text.length, start + Math.max(1, f.length ?? 1));
  const [before, match, after] = [escapeVisibly(text.slice(0, start)), escapeVisibly(text.slice(start, end)), escapeVisibly(text.slice(end))];
  const shown = before + import_picocolors.default.bold(import_picocolors.default.red(match)) + after;
  return [`    ${import_picocolors.default.dim(`${gutter} |`)} ${shown}`, `    ${import_picocolors.default.dim(`${pad} |`)} ${" ".repeat(before.length)}${import_picocolors.default.red("^".repeat(Math.max(1, match.length)))}`];
}
function group(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const group2 = CATALOGUE[f.kind].group;
    const key = group2 === "class" ? `class:${f.class}` : group2;
    groups.set(key, [...groups.get(key) ?? [], f]);
  }
  return groups;
}
function renderGroup(key, findings, config, level) {
  const cls = key.startsWith("class:") ? config.classes.find((c) => c.name === key.slice(6)) : void 0;
  const title = escapeVisibly(cls ? `class ${cls.name}` : key);
  const mark = level === "error" ? import_picocolors.default.red("\u2717") : import_picocolors.default.yellow("!");
  const lines = [`${mark} ${import_picocolors.default.bold(title)} ${import_picocolors.default.dim(`(${findings.length})`)}`];
  for (const f of findings) {
    const where = import_picocolors.default.cyan(escapeVisibly(location(f)));
    lines.push(f.kind === "banned-api" ? `  ${where}  ${escapeVisibly(f.message)}` : `  ${where}  ${import_picocolors.default.dim(`[${f.kind}]`)} ${escapeVisibly(f.message)}`);
    lines.push(...snippet(f));
    if (f.introducedBy !== void 0)
      lines.push(`    ${introduced(f.introducedBy)}`);
  }
  if (cls) {
    lines.push(`  ${import_picocolors.default.bold("why:")} ${escapeVisibly(cls.reason)}`);
    lines.push(`  ${import_picocolors.default.bold("fix:")} ${escapeVisibly(waysOut.route(cls.useInstead))}`);
    lines.push(`       ${escapeVisibly(waysOut.allow(cls.name))}`);
  } else {
    for (const kind of new Set(findings.map((f) => f.kind)))
      lines.push(`  ${import_picocolors.default.bold("fix:")} ${import_picocolors.default.dim(`[${kind}]`)} ${CATALOGUE[kind].fix}`);
  }
  return lines;
}
function introduced(by) {
  const commit = by.commit.slice(0, 12);
  return by.bypass !== null ? import_picocolors.default.yellow(`introduced by ${commit}, bypass recorded: ${escapeVisibly(by.bypass)}`) : import_picocolors.default.red(`introduced by ${commit}, no bypass recorded`);
}
function summary(result) {
  const { stats } = result;
  const perClass = /* @__PURE__ */ new Map();
  for (const f of result.findings) {
    const key = f.kind === "banned-api" ? f.class : f.kind;
    perClass.set(key, (perClass.get(key) ?? 0) + 1);
  }
  const counts = [...perClass].map(([k, n2]) => `${k} ${n2}`).join(", ");
  const scanned = `${stats.filesScanned} file${stats.filesScanned === 1 ? "" : "s"}, ${stats.manifestsChecked} manifest${stats.manifestsChecked === 1 ? "" : "s"} checked in ${stats.durationMs} ms (${MODE_LABEL[result.mode]})`;
  const baselined = result.baselined?.length ? `, ${result.baselined.length} baselined` : "";
  const preExisting = result.preExisting?.length ? `, ${result.preExisting.length} pre-existing` : "";
  const warn = `${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}` : ""}${baselined}${preExisting}`;
  if (result.findings.length === 0)
    return `${import_picocolors.default.green("\u2713")} chokepoint: no findings${warn}; ${scanned}`;
  const n = result.findings.length;
  const accepted = result.findings.filter((f) => !isBlocking(f, result)).length;
  if (accepted === n)
    return `${import_picocolors.default.yellow(`! chokepoint: ${n} finding${n === 1 ? "" : "s"}, each introduced by a commit that records a bypass (accepted: recorded bypasses pass)`)} (${counts})${warn}; ${scanned}`;
  const acceptedNote = accepted > 0 ? `, ${accepted} accepted by recorded bypasses` : "";
  const head = result.bypass !== void 0 ? import_picocolors.default.yellow(`! chokepoint: ${n} finding${n === 1 ? "" : "s"} BYPASSED`) : import_picocolors.default.red(`\u2717 chokepoint: ${n} finding${n === 1 ? "" : "s"}`);
  return `${head} (${counts}${acceptedNote})${warn}; ${scanned}`;
}
function formatHuman(result, config, note) {
  const out = [];
  if (note)
    out.push(import_picocolors.default.dim(escapeVisibly(note)), "");
  for (const [key, findings] of group(result.findings))
    out.push(...renderGroup(key, findings, config, "error"), "");
  if (result.warnings.length)
    out.push(...renderGroup("warnings", result.warnings, config, "warning"), "");
  if (result.preExisting?.length)
    out.push(...renderGroup(messages.preExistingTitle, result.preExisting, config, "warning"), "");
  out.push(summary(result));
  if (result.bypass !== void 0) {
    out.push(import_picocolors.default.yellow(`  bypassed with reason: ${escapeVisibly(result.bypass)}`));
    out.push(import_picocolors.default.dim("  the commit-msg hook records it as a Chokepoint-Bypass trailer; the full audit in CI still sees these findings"));
  }
  return `${out.join("\n")}
`;
}
var import_picocolors, MODE_LABEL, location;
var init_human = __esm({
  "dist/src/report/human.js"() {
    "use strict";
    import_picocolors = __toESM(require_picocolors(), 1);
    init_catalogue();
    init_safeText();
    init_messages();
    init_blocking();
    MODE_LABEL = {
      staged: "staged check",
      all: "full audit",
      files: "file check",
      since: "changed-files check"
    };
    location = (f) => f.path === void 0 ? "(whole tree)" : `${f.path}${f.line !== void 0 ? `:${f.line}` : ""}${f.line !== void 0 && f.column !== void 0 ? `:${f.column}` : ""}`;
  }
});

// dist/src/report/json.js
var json_exports = {};
__export(json_exports, {
  formatJson: () => formatJson
});
function jsonFinding(f, mark) {
  const out = { kind: f.kind, message: escapeVisibly(f.message) };
  for (const key of ["path", "line", "column", "class", "needle", "dependency", "table", "chain"]) {
    if (f[key] !== void 0)
      out[key] = f[key];
  }
  if (f.related !== void 0)
    out["related"] = f.related.map((r) => ({ ...r, message: escapeVisibly(r.message) }));
  if (f.introducedBy !== void 0)
    out.introduced_by = { commit: f.introducedBy.commit, bypass: f.introducedBy.bypass };
  if (mark)
    out[mark] = true;
  return out;
}
function formatJson(result) {
  const report = {
    version: 1,
    mode: result.mode,
    ok: !result.findings.some((f) => isBlocking(f, result)),
    ...result.bypass !== void 0 ? { bypass: result.bypass } : {},
    findings: result.findings.map((f) => jsonFinding(f)),
    warnings: result.warnings.map((f) => jsonFinding(f)),
    // Accepted findings are listed, never dropped: the baseline's, and (staged config re-audit) HEAD's.
    baselined: (result.baselined ?? []).map((f) => jsonFinding(f, "baselined")),
    pre_existing: (result.preExisting ?? []).map((f) => jsonFinding(f, "pre_existing")),
    stats: {
      files_scanned: result.stats.filesScanned,
      manifests_checked: result.stats.manifestsChecked,
      duration_ms: result.stats.durationMs,
      judge: result.stats.judge,
      baselined: result.baselined?.length ?? 0,
      pre_existing: result.preExisting?.length ?? 0
    }
  };
  return `${safeJson(report, 2)}
`;
}
var init_json = __esm({
  "dist/src/report/json.js"() {
    "use strict";
    init_safeText();
    init_blocking();
  }
});

// dist/src/report/locations.js
function findClass(config, name) {
  if (name === void 0)
    return void 0;
  return config.classes.find((c) => c.name === name);
}
function configRelativePath(config, options = {}) {
  if (options.configPath !== void 0 && options.configPath !== "")
    return options.configPath;
  if (config.file === "")
    return DEFAULT_CONFIG_PATH;
  if (options.repoRoot !== void 0 && options.repoRoot !== "") {
    const rel = relative(options.repoRoot, config.file);
    if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) {
      return rel.split(sep).join("/");
    }
  }
  const base = basename(config.file);
  return base === "" ? DEFAULT_CONFIG_PATH : base;
}
function configPositionOf(finding, config) {
  const cls = findClass(config, finding.class);
  switch (finding.kind) {
    case "missing-allowlist-path":
    case "dead-allowlist-entry":
    case "allowlisted-path-removed":
    case "stale-allowlist-entry": {
      if (finding.path === void 0)
        return cls?.at;
      const classes = cls !== void 0 ? [cls] : config.classes;
      for (const c of classes) {
        const entry = c.allow.find((a) => a.path === finding.path);
        if (entry !== void 0)
          return entry.at ?? c.at;
      }
      return void 0;
    }
    case "unused-needle":
      return cls?.at;
    case "unused-dependency-exception": {
      if (finding.dependency === void 0)
        return void 0;
      return config.dependencies?.allow.find((e) => e.crate === finding.dependency)?.at;
    }
    default:
      return void 0;
  }
}
function validLine(n) {
  return n !== void 0 && Number.isInteger(n) && n >= 1 ? n : void 0;
}
function resolveLocation(finding, config, options, fallbackToConfig) {
  const configPath = configRelativePath(config, options);
  if (CATALOGUE[finding.kind].anchoredInConfig && !(finding.path === configPath && validLine(finding.line) !== void 0)) {
    const at2 = configPositionOf(finding, config);
    if (at2 !== void 0) {
      const line = validLine(at2.line);
      const column = line !== void 0 ? validLine(at2.column) : void 0;
      return {
        path: configPath,
        inConfig: true,
        ...line !== void 0 ? { line } : {},
        ...column !== void 0 ? { column } : {}
      };
    }
  }
  if (finding.path !== void 0 && finding.path !== "") {
    const line = validLine(finding.line);
    const column = line !== void 0 ? validLine(finding.column) : void 0;
    const length = finding.length;
    const endColumn = column !== void 0 && length !== void 0 && Number.isInteger(length) && length > 0 ? column + length : void 0;
    return {
      path: finding.path,
      inConfig: false,
      ...line !== void 0 ? { line } : {},
      ...column !== void 0 ? { column } : {},
      ...endColumn !== void 0 ? { endColumn } : {}
    };
  }
  if (fallbackToConfig)
    return { path: configPath, inConfig: true };
  return void 0;
}
var DEFAULT_CONFIG_PATH;
var init_locations = __esm({
  "dist/src/report/locations.js"() {
    "use strict";
    init_node_path();
    init_catalogue();
    DEFAULT_CONFIG_PATH = "chokepoint.toml";
  }
});

// dist/src/report/sarif.js
var sarif_exports = {};
__export(sarif_exports, {
  OTHER_KINDS: () => OTHER_KINDS,
  SARIF_SCHEMA_URI: () => SARIF_SCHEMA_URI,
  SARIF_VERSION: () => SARIF_VERSION,
  SRCROOT: () => SRCROOT,
  encodeUriPath: () => encodeUriPath,
  formatSarif: () => formatSarif
});
function encodeUriPath(path) {
  const bytes = new TextEncoder().encode(path);
  let out = "";
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b < 128 && /[A-Za-z0-9\-._~!$&'()*+,;=@/]/.test(ch)) {
      out += ch;
    } else {
      out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
    }
  }
  return out;
}
function classRule(cls, name, configPath) {
  const id = name !== void 0 ? `banned-api/${name}` : "banned-api";
  const label = name !== void 0 ? `"${name}"` : "banned";
  const reason = cls?.reason !== void 0 && cls.reason !== "" ? cls.reason : "This host API is banned outside its chokepoints.";
  const useInstead = cls?.useInstead !== void 0 && cls.useInstead !== "" ? cls.useInstead : void 0;
  const full = useInstead !== void 0 ? `${reason} Route through ${useInstead}.` : reason;
  const needles = cls?.needles ?? [];
  const needleText = needles.length > 0 ? `

Needles: ${needles.join(", ")}` : "";
  const needleMd = needles.length > 0 ? `

Needles: ${needles.map((n) => `\`${n}\``).join(", ")}` : "";
  const helpText = `${reason}${needleText}

Two ways out:
1. Route the access through ${useInstead ?? "a reviewed chokepoint module"}${useInstead !== void 0 ? " (the sanctioned chokepoint)" : ""}.
2. If this file is itself a chokepoint, add an allowlist entry for its path to the ${label} class, with a reason, in ${configPath}.`;
  const helpMd = `${reason}${needleMd}

**Two ways out:**

1. Route the access through ${useInstead !== void 0 ? `\`${useInstead}\` (the sanctioned chokepoint)` : "a reviewed chokepoint module"}.
2. If this file is itself a chokepoint, add an allowlist entry for its path to the ${label} class, with a reason, in \`${configPath}\`.`;
  const properties = { tags: ["security", "chokepoint"], kind: "banned-api" };
  if (name !== void 0)
    properties["class"] = name;
  if (useInstead !== void 0)
    properties["useInstead"] = useInstead;
  return {
    id,
    descriptor: {
      id,
      name: name !== void 0 ? `BannedApi/${name}` : "BannedApi",
      shortDescription: { text: `Banned host API (${name ?? "unknown class"}) outside its chokepoint` },
      fullDescription: { text: full },
      help: { text: helpText, markdown: helpMd },
      defaultConfiguration: { level: "error" },
      properties
    }
  };
}
function kindRule(kind) {
  const t = CATALOGUE[kind];
  const name = kind.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return {
    id: kind,
    descriptor: {
      id: kind,
      name,
      shortDescription: { text: t.title },
      fullDescription: { text: t.description },
      help: { text: `${t.description}

${t.fix}`, markdown: `${t.description}

**Fix:** ${t.fix}` },
      defaultConfiguration: { level: t.severity },
      properties: { tags: ["chokepoint"], kind }
    }
  };
}
function loadCrypto() {
  crypto ??= lazyRequire2("node:crypto");
  return crypto;
}
function fingerprintHash(finding, ruleId) {
  const h = loadCrypto().createHash("sha256");
  for (const part of [ruleId, finding.path ?? "", finding.needle ?? "", finding.dependency ?? "", finding.table ?? ""]) {
    h.update(part);
    h.update("\0");
  }
  return h.digest("hex").slice(0, 32);
}
function resultMessage(finding, config) {
  const base = finding.message !== "" ? finding.message : ruleIdOf(finding);
  const reason = finding.kind === "banned-api" ? findClass(config, finding.class)?.reason : void 0;
  const withReason = reason === void 0 || reason === "" || base.includes(reason) ? base : `${base} (${reason})`;
  return escapeVisibly(withReason + introducedText(finding));
}
function introducedText(finding) {
  const by = finding.introducedBy;
  if (by === void 0)
    return "";
  return ` Introduced by commit ${by.commit}${by.bypass !== null ? ` with a recorded bypass: ${JSON.stringify(by.bypass)}` : ", with no recorded bypass"}.`;
}
function formatSarif(result, config, toolVersion, options = {}) {
  const configPath = configRelativePath(config, options);
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const addRule = (r) => {
    const existing = ruleIndex.get(r.id);
    if (existing !== void 0)
      return existing;
    rules.push(r);
    ruleIndex.set(r.id, rules.length - 1);
    return rules.length - 1;
  };
  for (const cls of config.classes)
    addRule(classRule(cls, cls.name, configPath));
  for (const kind of OTHER_KINDS)
    addRule(kindRule(kind));
  const occurrences = /* @__PURE__ */ new Map();
  const results = [];
  const emit = (finding, level, suppressed = false) => {
    const ruleId = ruleIdOf(finding);
    const index = ruleIndex.get(ruleId) ?? addRule(finding.kind === "banned-api" ? classRule(findClass(config, finding.class), finding.class, configPath) : kindRule(finding.kind));
    const loc = resolveLocation(finding, config, options, true);
    const region = { startLine: loc?.line ?? 1 };
    if (loc?.column !== void 0)
      region["startColumn"] = loc.column;
    if (loc?.endColumn !== void 0)
      region["endColumn"] = loc.endColumn;
    const locations = loc === void 0 ? [] : [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUriPath(loc.path), uriBaseId: SRCROOT },
          region
        }
      }
    ];
    const properties = { kind: finding.kind };
    if (finding.class !== void 0)
      properties["class"] = finding.class;
    if (finding.needle !== void 0)
      properties["needle"] = finding.needle;
    if (finding.dependency !== void 0)
      properties["dependency"] = finding.dependency;
    if (finding.table !== void 0)
      properties["table"] = finding.table;
    if (loc?.inConfig === true && finding.path !== void 0)
      properties["path"] = finding.path;
    if (finding.introducedBy !== void 0)
      properties["introducedBy"] = { commit: finding.introducedBy.commit, bypass: finding.introducedBy.bypass };
    const hash = fingerprintHash(finding, ruleId);
    const n = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, n);
    if (finding.chain !== void 0)
      properties["chain"] = finding.chain;
    const entry = {
      ruleId,
      ruleIndex: index,
      level,
      message: { text: resultMessage(finding, config) },
      locations,
      partialFingerprints: { "chokepointFinding/v1": `${hash}:${n}` },
      properties,
      // Baselined and pre-existing findings stay visible, marked as accepted elsewhere.
      ...suppressed ? { suppressions: [{ kind: "external" }] } : {},
      // A recorded bypass the policy accepts (check --since): suppressed in source, with its reason.
      ...!suppressed && !isBlocking(finding, result) && finding.introducedBy?.bypass != null ? { suppressions: [{ kind: "inSource", justification: escapeVisibly(finding.introducedBy.bypass) }] } : {}
    };
    if (finding.related?.length) {
      entry["relatedLocations"] = finding.related.map((r, id) => {
        const relatedRegion = { startLine: validLine(r.line) ?? 1 };
        if (validLine(r.line) !== void 0 && validLine(r.column) !== void 0)
          relatedRegion["startColumn"] = r.column;
        return { id, message: { text: escapeVisibly(r.message) }, physicalLocation: { artifactLocation: { uri: encodeUriPath(r.path), uriBaseId: SRCROOT }, region: relatedRegion } };
      });
    }
    results.push(entry);
  };
  for (const f of result.findings)
    emit(f, "error");
  for (const f of result.warnings)
    emit(f, "warning");
  for (const f of result.baselined ?? [])
    emit(f, "error", true);
  for (const f of result.preExisting ?? [])
    emit(f, "error", true);
  const invocationProps = {
    mode: result.mode,
    filesScanned: result.stats.filesScanned,
    manifestsChecked: result.stats.manifestsChecked,
    durationMs: result.stats.durationMs
  };
  const invocation = { executionSuccessful: true, properties: invocationProps };
  if (result.bypass !== void 0) {
    invocationProps["bypass"] = result.bypass;
    invocation["toolExecutionNotifications"] = [
      {
        level: "warning",
        message: {
          text: escapeVisibly(`The check was bypassed (reason: ${result.bypass}); the findings below were reported but did not block.`)
        },
        descriptor: { id: "bypass" }
      }
    ];
  }
  const driver = {
    name: "chokepoint",
    rules: rules.map((r) => r.descriptor)
  };
  if (toolVersion !== "") {
    driver["version"] = toolVersion;
    if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(toolVersion))
      driver["semanticVersion"] = toolVersion;
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: "The root of the git repository (paths are repo-relative)." } }
        },
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
  return safeJson(log, 2) + "\n";
}
var SARIF_SCHEMA_URI, SARIF_VERSION, SRCROOT, OTHER_KINDS, lazyRequire2, crypto;
var init_sarif = __esm({
  "dist/src/report/sarif.js"() {
    "use strict";
    init_node_module();
    init_catalogue();
    init_locations();
    init_safeText();
    init_blocking();
    SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    SARIF_VERSION = "2.1.0";
    SRCROOT = "%SRCROOT%";
    OTHER_KINDS = FINDING_KINDS.filter((k) => k !== "banned-api");
    lazyRequire2 = createRequire(import.meta.url);
  }
});

// dist/src/report/github.js
var github_exports = {};
__export(github_exports, {
  escapeData: () => escapeData,
  escapeProperty: () => escapeProperty,
  formatGithub: () => formatGithub,
  githubCommand: () => githubCommand,
  parseGithubLine: () => parseGithubLine,
  unescapeData: () => unescapeData,
  unescapeProperty: () => unescapeProperty
});
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function unescapeData(s) {
  return s.replace(/%(?:25|0D|0A)/g, (m7) => DATA_ESCAPES[m7] ?? m7);
}
function unescapeProperty(s) {
  return s.replace(/%(?:25|0D|0A|3A|2C)/g, (m7) => PROPERTY_ESCAPES[m7] ?? m7);
}
function githubCommand(command, properties, message) {
  const props = [];
  for (const key of ["file", "line", "col", "endColumn", "title"]) {
    const value = properties[key];
    if (value === void 0 || value === "")
      continue;
    props.push(`${key}=${escapeProperty(String(value))}`);
  }
  return `::${command}${props.length > 0 ? " " + props.join(",") : ""}::${escapeData(message)}`;
}
function parseGithubLine(line) {
  const text = line.endsWith("\r\n") ? line.slice(0, -2) : line.endsWith("\n") ? line.slice(0, -1) : line;
  if (!text.startsWith("::"))
    return void 0;
  const end = text.indexOf("::", 2);
  if (end < 0)
    return void 0;
  const head = text.slice(2, end);
  const message = unescapeData(text.slice(end + 2));
  const space = head.indexOf(" ");
  const command = space < 0 ? head : head.slice(0, space);
  if (command === "")
    return void 0;
  const properties = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(",")) {
      if (pair === "")
        continue;
      const eq = pair.indexOf("=");
      if (eq <= 0)
        continue;
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, message };
}
function titleOf(finding) {
  if (finding.kind === "banned-api") {
    return finding.class !== void 0 ? `chokepoint: banned API (${finding.class})` : "chokepoint: banned API";
  }
  return `chokepoint: ${CATALOGUE[finding.kind].title}`;
}
function messageOf(finding, config, configPath) {
  const lines = [finding.message !== "" ? finding.message : finding.kind];
  if (finding.kind === "banned-api") {
    const cls = findClass(config, finding.class);
    if (cls?.reason !== void 0 && cls.reason !== "")
      lines.push(`Why: ${cls.reason}`);
    lines.push(waysOut.sentence(finding.class ?? cls?.name, cls?.useInstead, configPath));
  } else {
    lines.push(CATALOGUE[finding.kind].fix);
  }
  const by = finding.introducedBy;
  if (by !== void 0)
    lines.push(`Introduced by commit ${by.commit}${by.bypass !== null ? `, with a recorded bypass: ${JSON.stringify(by.bypass)}` : ", with no recorded bypass (Chokepoint-Bypass trailer)"}.`);
  return lines.join("\n");
}
function annotation(finding, command, config, options) {
  const configPath = configRelativePath(config, options);
  const loc = resolveLocation(finding, config, options, false);
  const props = { title: titleOf(finding) };
  if (loc !== void 0) {
    props.file = loc.path;
    if (loc.line !== void 0)
      props.line = loc.line;
    if (loc.column !== void 0)
      props.col = loc.column;
    if (loc.endColumn !== void 0)
      props.endColumn = loc.endColumn;
  }
  let message = messageOf(finding, config, configPath);
  if (loc?.inConfig === true && finding.path !== void 0 && !message.includes(finding.path)) {
    message = `${finding.path}: ${message}`;
  }
  return safeCommand(command, props, message);
}
function safeCommand(command, props, message) {
  const show = escapeVisiblyButLineBreaks;
  return githubCommand(command, { ...props, ...props.file !== void 0 ? { file: show(props.file) } : {}, ...props.title !== void 0 ? { title: show(props.title) } : {} }, show(message));
}
function formatGithub(result, config, options = {}) {
  const lines = [];
  if (result.bypass !== void 0) {
    lines.push(safeCommand("notice", { title: "chokepoint: bypassed" }, `The check was bypassed (reason: ${result.bypass}); the findings below were reported but did not block.`));
  }
  for (const f of result.findings)
    lines.push(annotation(f, isBlocking(f, result) ? "error" : "warning", config, options));
  for (const f of result.warnings)
    lines.push(annotation(f, "warning", config, options));
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}
var DATA_ESCAPES, PROPERTY_ESCAPES;
var init_github = __esm({
  "dist/src/report/github.js"() {
    "use strict";
    init_catalogue();
    init_locations();
    init_safeText();
    init_blocking();
    DATA_ESCAPES = { "%25": "%", "%0D": "\r", "%0A": "\n" };
    PROPERTY_ESCAPES = { ...DATA_ESCAPES, "%3A": ":", "%2C": "," };
  }
});

// dist/src/commands/check.js
var check_exports = {};
__export(check_exports, {
  checkCommand: () => checkCommand
});
function progressReporter(target) {
  if (target.kind !== "all" || !process.stderr.isTTY || process.env.CI)
    return void 0;
  let last = 0;
  return (done, total) => {
    if (total < 500)
      return;
    const now = Date.now();
    if (done < total && now - last < 100)
      return;
    last = now;
    process.stderr.write(done < total ? `\rchokepoint: ${done}/${total} files` : "\r\x1B[K");
  };
}
async function render(run, format) {
  switch (format) {
    case "human":
      return (await Promise.resolve().then(() => (init_human(), human_exports))).formatHuman(run.result, run.config, run.note);
    case "json":
      return (await Promise.resolve().then(() => (init_json(), json_exports))).formatJson(run.result);
    case "sarif": {
      const { readPackageVersion: readPackageVersion2 } = await Promise.resolve().then(() => (init_version(), version_exports));
      return (await Promise.resolve().then(() => (init_sarif(), sarif_exports))).formatSarif(run.result, run.config, readPackageVersion2(), { repoRoot: run.repo.root });
    }
    case "github":
      return (await Promise.resolve().then(() => (init_github(), github_exports))).formatGithub(run.result, run.config, { repoRoot: run.repo.root });
  }
}
async function checkCommand(inv) {
  const amending = inv.target.kind === "staged" && isAmendingCommit();
  const target = amending ? { kind: "staged", amending } : inv.target;
  const run = await runCheck({
    cwd: inv.common.cwd,
    target,
    configPath: inv.common.config,
    matcher: inv.matcher,
    strict: inv.strict,
    recordedBypass: inv.recordedBypass,
    progress: progressReporter(target)
  });
  const failed = run.result.findings.some((f) => isBlocking(f, run.result));
  const carried = failed && amending && inv.bypass === void 0 ? await amendedBypass(run) : void 0;
  const bypass = inv.bypass ?? carried;
  if (failed && bypass !== void 0)
    run.result.bypass = bypass;
  process.stdout.write(await render(run, inv.format));
  if (target.kind === "staged") {
    if (failed && bypass !== void 0) {
      recordBypass(run.repo, bypass);
      if (carried !== void 0)
        process.stderr.write(`chokepoint: the amended commit recorded a bypass for these findings; it is carried over (Chokepoint-Bypass: ${escapeVisibly(carried)})
`);
    } else
      clearBypass(run.repo);
  }
  return failed && bypass === void 0 ? 1 : 0;
}
async function amendedBypass(run) {
  const message = await runGit(["log", "-1", "--format=%B", "HEAD"], { cwd: run.repo.root });
  if (message.code !== 0)
    return void 0;
  return (await bypassTrailers(run.repo.root, message.stdout.toString("utf8"))).find(isVisibleReason);
}
var init_check = __esm({
  "dist/src/commands/check.js"() {
    "use strict";
    init_run();
    init_record();
    init_reason();
    init_amend();
    init_git();
    init_safeText();
    init_blocking();
  }
});

// dist/src/config/starter.js
var STARTER_CONFIG;
var init_starter = __esm({
  "dist/src/config/starter.js"() {
    "use strict";
    STARTER_CONFIG = `# chokepoint.toml \u2014 which host APIs are banned in this Rust project, and the
# reviewed files (chokepoints) where each is allowed. Docs: README of chokepoint.
#
# Globs: *  any characters but /    **  any characters, / included
#        **/  zero or more directories    ?  one character    {a,b}  either

# matcher = "precise"   # default; "line" reproduces an architecture_guards.rs test exactly

[scope]
# Production sources. A leading ! removes files from the scope entirely.
include = ["crates/*/src/**/*.rs", "!crates/*/src/**/bin/**"]
# In scope but deliberately not scanned (build scripts, benchmarks, ...).
# A crate's build script sits beside its Cargo.toml; a src/build.rs is an
# ordinary module (\`pub mod build;\`) and stays scanned.
exclude = ["build.rs", "crates/*/build.rs"]
# A full audit fails when it scans fewer files than this: a lint that
# scans nothing passes vacuously.
min_files = 1

[[class]]
name = "fs"
reason = "Host filesystem access must go through the reviewed filesystem chokepoint."
# use_instead = "crates/host/src/fs.rs"
needles = ["std::fs", "tokio::fs", "File::open", "File::create", "OpenOptions"]

# Each allowlist entry needs a reason: reviewers read it, reports show it.
# [[class.allow]]
# path = "crates/host/src/fs.rs"
# reason = "the filesystem chokepoint: every path is checked against the sandbox root"
# needles = ["std::fs"]   # optional: sanction only some of the class's needles

[[class]]
name = "net"
reason = "Sockets and HTTP clients open egress; only the network chokepoint may."
needles = ["std::net::", "tokio::net::", "reqwest::", "hyper::", "TcpStream::", "UdpSocket::bind", "std::os::unix::net"]

[[class]]
name = "process"
reason = "Spawning host processes escapes the sandbox."
needles = ["std::process::Command", "tokio::process", "Command::new"]

[[class]]
name = "env"
reason = "Environment reads leak host configuration into the guest."
needles = ["env::var(", "env::var_os(", "env::vars("]

[dependency_rule]
manifests = ["crates/*/Cargo.toml"]
# Case-insensitive substrings of crate names (globs when they contain * or ?).
banned = []
forbid_escaping_paths = false
# Also follow Cargo.lock: a banned crate reached through other crates
# (app -> some-sdk -> reqwest) is reported with the whole chain.
graph = true
# A banned crate may be a direct dependency of its wrappers only:
# [[dependency_rule.wrapper]]
# banned = "reqwest"            # one of the markers above
# crates = ["net-gateway"]      # the crates allowed to depend on it directly
# reason = "the network chokepoint: every request is checked against the egress policy"
# [[dependency_rule.allow]]
# crate = "agent-protocol-types"
# reason = "plain data types, no agent runtime"
`;
  }
});

// dist/src/config/import/rustTokens.js
function spans(src) {
  const { tokens: ts, comments } = tokenizeWithComments(src);
  const out = [];
  let c = 0;
  for (let k = 0; k < ts.count; k++) {
    const start = ts.start[k];
    while (c < comments.length && comments[c].start < start)
      out.push({ kind: "comment", ...comments[c++] });
    const kind = ts.kind[k];
    const first = src[start];
    if (kind === IDENT || kind === RAW_IDENT)
      out.push({ kind: "ident", start, end: ts.end[k] });
    else if (kind === LIFETIME)
      out.push({ kind: "lifetime", start, end: ts.end[k] });
    else if (kind === NUMBER)
      out.push({ kind: "num", start, end: ts.end[k] });
    else if (kind === LITERAL)
      out.push({ kind: first === "'" || src.startsWith("b'", start) ? "char" : "str", start, end: ts.end[k] });
    else {
      let end = ts.end[k];
      const adjacent = (j) => j < ts.count && ts.start[j] === ts.end[j - 1] && (ts.kind[j] === PATH_SEP || ts.kind[j] === PUNCT);
      if (kind !== PATH_SEP) {
        if (adjacent(k + 1) && adjacent(k + 2) && PUNCT3.has(src.slice(start, ts.end[k + 2]))) {
          end = ts.end[k + 2];
          k += 2;
        } else if (adjacent(k + 1) && PUNCT2.has(src.slice(start, ts.end[k + 1]))) {
          end = ts.end[k + 1];
          k += 1;
        }
      }
      out.push({ kind: "punct", start, end });
    }
  }
  while (c < comments.length)
    out.push({ kind: "comment", ...comments[c++] });
  return out;
}
function lex(src, imp) {
  const locate2 = makeLocator(src);
  const at2 = (offset) => {
    const { line, column } = locate2(offset);
    return { line, col: column };
  };
  const toks = [];
  for (const s of spans(src)) {
    const { line, col } = at2(s.start);
    const raw = src.slice(s.start, s.end);
    let text = raw;
    let value = "";
    let doc = null;
    if (s.kind === "comment") {
      if (raw.startsWith("//")) {
        text = raw.replace(/\r$/, "");
        doc = text.startsWith("///") && !text.startsWith("////") ? "outer" : text.startsWith("//!") ? "inner" : null;
        value = text.slice(doc ? 3 : 2);
      } else {
        if (!blockClosed(raw))
          imp.fail("unterminated block comment", at2(s.start));
        doc = /^\/\*\*[^*/]/.test(raw) ? "outer" : raw.startsWith("/*!") ? "inner" : null;
        value = raw.slice(doc ? 3 : 2, -2);
      }
    } else if (s.kind === "ident") {
      if (raw.startsWith("r#"))
        text = raw.slice(2);
    } else if (s.kind === "str" || s.kind === "char") {
      value = literalValue(src, s, imp, at2);
    }
    toks.push({ kind: s.kind, text, value, line, col, endLine: locate2(s.end).line, doc, fi: toks.length });
  }
  return toks;
}
function blockClosed(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth++;
      i++;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i++;
    }
  }
  return depth === 0;
}
function literalValue(src, s, imp, at2) {
  let q3 = s.start;
  while (src[q3] !== '"' && src[q3] !== "'" && src[q3] !== "#")
    q3++;
  const isRaw = src[q3] === "#" || src[q3] === '"' && q3 > s.start && src[q3 - 1] === "r";
  if (isRaw) {
    let hashes = 0;
    while (src[q3 + hashes] === "#")
      hashes++;
    const open = q3 + hashes;
    const close = s.end - 1 - hashes;
    if (close <= open || src[close] !== '"' || src.slice(close + 1, s.end) !== "#".repeat(hashes))
      imp.fail("unterminated raw string literal", at2(s.start));
    return src.slice(open + 1, close);
  }
  const quote = src[q3];
  const what = quote === '"' ? "string" : "character";
  let value = "";
  let j = q3 + 1;
  for (; ; ) {
    if (j >= s.end)
      imp.fail(`unterminated ${what} literal`, at2(q3));
    const ch = src[j];
    if (ch === quote)
      break;
    if (ch === "\\") {
      const esc = unescapeAt(src, j);
      if (esc.problem !== void 0)
        imp.fail(esc.problem, at2(j));
      value += esc.value;
      j = esc.next;
      continue;
    }
    value += ch;
    j++;
  }
  if (j !== s.end - 1)
    imp.fail(`malformed ${what} literal`, at2(s.start));
  if (quote === "'" && [...value].length !== 1)
    imp.fail("malformed character literal: it must hold exactly one character", at2(s.start));
  return value;
}
function paragraph(lines) {
  return lines.map((l) => l.trim()).filter((l) => l !== "").join(" ");
}
function commentLines(t) {
  if (t.text.startsWith("//"))
    return [t.value.replace(/^[/!]*/, "")];
  return t.value.split(/\r?\n/).map((l) => l.replace(/^\s*\*(?!\/)/, ""));
}
var PUNCT3, PUNCT2;
var init_rustTokens = __esm({
  "dist/src/config/import/rustTokens.js"() {
    "use strict";
    init_escapes();
    init_lexer();
    init_positions();
    init_tokens();
    PUNCT3 = /* @__PURE__ */ new Set(["<<=", ">>=", "...", "..="]);
    PUNCT2 = /* @__PURE__ */ new Set(["::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "..", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>"]);
  }
});

// dist/src/config/import/lists.js
function constRef(s, a, b) {
  if (s.isP(a, "&"))
    a++;
  if (!s.isId(b - 1))
    return void 0;
  for (let k = a; k < b - 1; k++)
    if (!(s.isId(k) || s.isP(k, "::")))
      return void 0;
  return s.consts.get(s.code[b - 1].text);
}
function stringList(cx, a, b, what) {
  const s = cx.s;
  let k = a;
  if (s.isP(k, "&"))
    k++;
  if (s.isId(k, "vec") && s.isP(k + 1, "!"))
    k += 2;
  if (s.isP(k, "[") && s.match[k] === b - 1)
    return arrayEntries(cx, k, what);
  let j = k;
  while (j < b - 1 && (s.isId(j) || s.isP(j, "::")))
    j++;
  if (j === b - 1 && s.isId(j)) {
    const name = s.code[j].text;
    const c = s.consts.get(name);
    if (!c) {
      cx.fail(`\`${name}\` is referenced here but is not defined in this file`, j, "define it here as `const NAME: &[&str] = &[\u2026];` so it can be imported");
    }
    cx.usedConsts.add(name);
    let v = c.valStart;
    if (s.isP(v, "&"))
      v++;
    if (s.isP(v, "[") && s.match[v] === c.valEnd - 1)
      return arrayEntries(cx, v, what);
    cx.fail(`cannot import const \`${name}\`: its value is not an array of string literals`, c.nameIdx);
  }
  cx.fail(`cannot import this ${what} list: expected \`&["\u2026", \u2026]\` or the name of such a const`, a);
}
function arrayEntries(cx, open, what) {
  const s = cx.s;
  const close = s.match[open];
  const entries = [];
  let group2 = null;
  let groupLine = null;
  let groupEnd = -1;
  let groupOpen = false;
  const from = s.code[open].fi + 1;
  const to = s.code[close].fi;
  let expectComma = false;
  for (let f = from; f < to; f++) {
    const t = s.full[f];
    if (t.kind === "comment") {
      const text = paragraph(commentLines(t));
      const last = entries[entries.length - 1];
      if (last && last.tok.endLine === t.line && !groupOpen) {
        for (const e of entries)
          if (e.tok.endLine === t.line)
            e.trailing = e.trailing === null ? text : paragraph([e.trailing, text]);
      } else {
        if (!(groupOpen && group2 !== null))
          groupLine = t.line;
        group2 = groupOpen && group2 !== null ? paragraph([group2, text]) : text;
        groupEnd = t.endLine;
        groupOpen = true;
      }
      continue;
    }
    if (t.kind === "punct" && t.text === "," && expectComma) {
      expectComma = false;
      continue;
    }
    if (t.kind === "str" && !expectComma) {
      const k = s.code.indexOf(t, open);
      cx.consumed.add(k);
      const known = group2 === "" ? null : group2;
      entries.push({ value: t.value, tok: t, group: known, groupLine: known === null ? null : groupLine, direct: known !== null && groupOpen && groupEnd === t.line - 1, trailing: null });
      groupOpen = false;
      expectComma = true;
      continue;
    }
    cx.fail(`${/^[aeiou]/.test(what) ? "an" : "a"} ${what} must be a string literal, not \`${t.text}\``, t, 'write each entry as a plain "\u2026" literal');
  }
  for (const e of entries)
    if (e.trailing === "")
      e.trailing = null;
  return entries;
}
function isStringListConst(s, c) {
  if (/str/.test(c.type) && /\[/.test(c.type))
    return true;
  let v = c.valStart;
  if (s.isP(v, "&"))
    v++;
  return s.isP(v, "[") && s.code[v + 1]?.kind === "str";
}
function checkLeftoverConsts(cx) {
  for (const c of cx.s.consts.values()) {
    if (cx.usedConsts.has(c.name) || !isStringListConst(cx.s, c))
      continue;
    if (/_ALLOW$/.test(c.name)) {
      cx.fail(`allowlist \`${c.name}\` is not used by any banned class`, c.nameIdx, "reference it as `allowlist: " + c.name + "` in a class, or delete it");
    }
    cx.fail(`cannot import const \`${c.name}\`: a list of strings that is neither an allowlist, a needle list, nor the dependency markers`, c.nameIdx, "name allowlists `*_ALLOW` and reference them from a class, or remove the const before importing");
  }
}
var init_lists = __esm({
  "dist/src/config/import/lists.js"() {
    "use strict";
    init_rustTokens();
  }
});

// dist/src/config/import/classes.js
function importClasses(cx) {
  const s = cx.s;
  const classTypes = /* @__PURE__ */ new Set();
  for (const st of s.structs)
    if (st.fields.includes("needles") || st.fields.includes("allowlist"))
      classTypes.add(st.name);
  const bodies = /* @__PURE__ */ new Set([...s.fns.map((f) => f.open), ...s.structs.map((st) => st.open)]);
  const out = [];
  const literalFns = /* @__PURE__ */ new Set();
  for (let k = 0; k + 1 < s.code.length; k++) {
    const t = s.code[k];
    if (t.kind !== "ident" || !/^[A-Z]/.test(t.text) || !s.isP(k + 1, "{") || bodies.has(k + 1))
      continue;
    if (["struct", "enum", "union", "impl", "for", "trait", "mod"].some((kw) => s.isId(k - 1, kw)))
      continue;
    const open = k + 1;
    const close = s.match[open];
    const parts = s.split(open + 1, close, ",");
    const fieldNames = parts.filter(([a]) => s.isId(a) && s.isP(a + 1, ":")).map(([a]) => s.code[a].text);
    const isClass = classTypes.has(t.text) || fieldNames.includes("needles") || fieldNames.includes("allowlist");
    if (!isClass)
      continue;
    const first = parts[0];
    if (!first || !(s.isId(first[0]) && s.isP(first[0] + 1, ":")))
      continue;
    classTypes.add(t.text);
    const cls = classLiteral(cx, classTypes, k, parts);
    if (out.some((o) => o.name === cls.name))
      cx.fail(`class \`${cls.name}\` is defined twice`, cls.tok, "class names must be unique; merge the two classes");
    out.push(cls);
    const fn = s.enclosingFn(k);
    if (fn)
      literalFns.add(fn);
  }
  for (const fn of s.fns) {
    if (returnsClass(classTypes, fn) && !literalFns.has(fn)) {
      cx.fail(`cannot import class fn \`${fn.name}\`: its body is not a \`${fn.ret} { name: "\u2026", needles: &[\u2026], allowlist: \u2026 }\` literal`, fn.nameIdx, "write the class as a plain struct literal, or add it to chokepoint.toml by hand after importing the rest");
    }
  }
  if (out.length === 0) {
    cx.imp.fail("found no banned-API classes (struct literals with `name`, `needles` and `allowlist` fields)", void 0, "point --from at the architecture-guards test that defines the banned classes");
  }
  return out;
}
function returnsClass(classTypes, fn) {
  const ret = fn.ret.split(" :: ").pop() ?? "";
  return classTypes.has(ret.trim());
}
function classLiteral(cx, classTypes, typeIdx, parts) {
  const s = cx.s;
  const typeTok = s.code[typeIdx];
  const fields = /* @__PURE__ */ new Map();
  for (const [a, b] of parts) {
    if (!s.isId(a) || !s.isP(a + 1, ":")) {
      cx.fail(`cannot import this part of the \`${typeTok.text}\` literal`, a, "use `field: value` for every field");
    }
    const fname = s.code[a].text;
    if (fields.has(fname))
      cx.fail(`field \`${fname}\` is given twice`, a);
    fields.set(fname, { nameIdx: a, a: a + 2, b });
  }
  const known = ["name", "needles", "allowlist", "use_instead", "reason"];
  for (const [fname, f] of fields) {
    if (!known.includes(fname)) {
      cx.fail(`cannot import field \`${fname}\` of a banned class`, f.nameIdx, `the importer understands ${known.map((x) => `\`${x}\``).join(", ")}`);
    }
  }
  const name = fields.get("name");
  if (!name)
    cx.fail(`the \`${typeTok.text}\` literal has no \`name\``, typeTok);
  const className = stringField(cx, name, "class name");
  const needlesField = fields.get("needles");
  if (!needlesField)
    cx.fail(`class \`${className}\` has no needles`, typeTok, 'add `needles: &["\u2026"]` listing the banned API substrings');
  const needles = stringList(cx, needlesField.a, needlesField.b, "needle").map((e) => e.value);
  if (needles.length === 0)
    cx.fail(`class \`${className}\` has no needles`, needlesField.nameIdx, "an empty needle list bans nothing; list the banned API substrings");
  needles.forEach((n) => {
    if (n === "")
      cx.fail(`class \`${className}\` has an empty needle`, needlesField.nameIdx, "an empty needle matches every line");
  });
  const allowField = fields.get("allowlist");
  if (!allowField)
    cx.fail(`class \`${className}\` has no \`allowlist\``, typeTok, "add `allowlist: &[]` if the API is banned everywhere");
  const allowEntries = stringList(cx, allowField.a, allowField.b, "allowlist entry");
  const allowConst = constRef(s, allowField.a, allowField.b);
  const allow = [];
  for (const e of allowEntries) {
    checkRepoPath(cx, e);
    if (allow.some((x) => x.path === e.value))
      cx.fail(`allowlist entry "${e.value}" is listed twice for class \`${className}\``, e.tok, "remove the duplicate");
    const own = e.trailing ?? (e.group !== null && (e.direct || cx.options.reasonsFromGroupComments) ? e.group : null);
    allow.push(own !== null ? { path: e.value, reason: own, needsReason: false } : { path: e.value, reason: unexplained(cx, e), needsReason: true });
  }
  const fn = s.enclosingFn(typeIdx);
  const docs = [allowConst?.docs ?? "", fn && returnsClass(classTypes, fn) ? fn.docs : ""].filter((d) => d !== "");
  const reasonField = fields.get("reason");
  const useField = fields.get("use_instead");
  const reason = reasonField ? stringField(cx, reasonField, "class reason") : docs.length ? docs.join(" ") : `imported from ${cx.imp.file}: \`${className}\` host access is confined to its allowlist`;
  return {
    name: className,
    reason,
    ...useField ? { useInstead: stringField(cx, useField, "use_instead") } : {},
    needles,
    allow,
    tok: typeTok
  };
}
function unexplained(cx, e) {
  if (e.group === null)
    return `imported from ${cx.imp.basename} without a justifying comment`;
  return `imported from ${cx.imp.basename} without a comment of its own; the nearest comment above (line ${e.groupLine}) says: ${e.group}`;
}
function stringField(cx, f, what) {
  const s = cx.s;
  let a = f.a;
  if (s.isP(a, "&"))
    a++;
  if (f.b - a !== 1 || s.code[a].kind !== "str")
    cx.fail(`the ${what} is not a string literal`, f.a, 'write it as a plain "\u2026" literal');
  cx.consumed.add(a);
  return s.code[a].value;
}
function checkRepoPath(cx, e) {
  const p = e.value;
  const bad = p === "" ? "is empty" : p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) ? "is absolute" : p.includes("\\") ? "uses `\\`" : p.split("/").some((seg) => seg === "" || seg === "." || seg === "..") ? "has an empty, `.` or `..` segment" : null;
  if (bad)
    cx.fail(`allowlist entry ${JSON.stringify(p)} ${bad}`, e.tok, "allowlist entries must be repo-relative paths with `/` separators");
}
var init_classes = __esm({
  "dist/src/config/import/classes.js"() {
    "use strict";
    init_lists();
  }
});

// dist/src/config/import/context.js
var ImportContext;
var init_context = __esm({
  "dist/src/config/import/context.js"() {
    "use strict";
    ImportContext = class {
      s;
      imp;
      options;
      /** String literals (code indices) that the analysis turned into config. */
      consumed = /* @__PURE__ */ new Set();
      /** Consts that the analysis turned into config. */
      usedConsts = /* @__PURE__ */ new Set();
      constructor(s, imp, options = {}) {
        this.s = s;
        this.imp = imp;
        this.options = options;
      }
      fail(message, k, hint) {
        const t = typeof k === "number" ? this.s.tok(k) : k;
        return this.imp.fail(message, t, hint);
      }
    };
  }
});

// dist/src/config/import/importer.js
var Importer;
var init_importer = __esm({
  "dist/src/config/import/importer.js"() {
    "use strict";
    init_errors();
    Importer = class {
      file;
      basename;
      constructor(file) {
        this.file = file;
        this.basename = file.split(/[\\/]/).pop() ?? file;
      }
      fail(message, at2, hint) {
        throw new UserError("import", message, { file: this.file, line: at2?.line, column: at2?.col }, hint);
      }
    };
  }
});

// dist/src/config/import/paths.js
function evalPath(cx, fn, a, b, depth) {
  const s = cx.s;
  const cannot = (at2) => cx.fail("cannot import the walk: cannot tell which directory this expression names", at2, 'the importer follows `root.join("dir")`, `read_dir(\u2026)` and `for x in \u2026` bindings; set `[scope] include` by hand');
  if (depth > 12)
    return cannot(a);
  while (s.isP(a, "&") || s.isId(a, "mut") || s.isP(a, "*"))
    a++;
  if (a >= b)
    return cannot(a);
  let val;
  let k;
  const t = s.code[a];
  if (t.kind === "str") {
    val = { kind: "path", segs: pathSegs(cx, a) };
    k = a + 1;
  } else if (s.isP(a, "(")) {
    val = evalPath(cx, fn, a + 1, s.match[a], depth + 1);
    k = s.match[a] + 1;
  } else if (t.kind === "ident") {
    k = a;
    const names = [];
    while (s.isId(k) && (names.length === 0 || s.isP(k - 1, "::"))) {
      names.push(s.code[k].text);
      k++;
      if (s.isP(k, "::") && s.isId(k + 1))
        k++;
      else
        break;
    }
    const last = names[names.length - 1];
    if (names.length === 1 && last === "env" && s.isP(k, "!") && s.isP(k + 1, "(") && s.text(k + 2, s.match[k + 1]) === '"CARGO_MANIFEST_DIR"') {
      val = { kind: "path", segs: [] };
      k = s.match[k + 1] + 1;
    } else if (s.isP(k, "(")) {
      const close = s.match[k];
      const args = s.split(k + 1, close, ",");
      if (last === "read_dir" && args.length === 1) {
        const inner = evalPath(cx, fn, args[0][0], args[0][1], depth + 1);
        if (inner.kind !== "path")
          return cannot(a);
        val = { kind: "list", segs: [...inner.segs, "*"] };
      } else if ((last === "new" || last === "from") && names.length >= 2 && /^(Path|PathBuf|OsStr|OsString)$/.test(names[names.length - 2]) && args.length === 1) {
        val = evalPath(cx, fn, args[0][0], args[0][1], depth + 1);
      } else {
        const callee = names.length === 1 ? s.fns.find((f) => f.name === last) : void 0;
        if (!callee || args.length !== 0 || !isRootFn(s, callee))
          return cannot(a);
        val = { kind: "path", segs: [] };
      }
      k = close + 1;
    } else if (names.length === 1) {
      val = evalName(cx, fn, last, a, depth);
    } else
      return cannot(a);
  } else
    return cannot(a);
  while (k < b) {
    if (s.isP(k, "?")) {
      k++;
      continue;
    }
    if (!s.isP(k, ".") || !s.isId(k + 1) || !s.isP(k + 2, "("))
      return cannot(k);
    const m7 = s.code[k + 1].text;
    const close = s.match[k + 2];
    if (m7 === "join") {
      if (val.kind !== "path")
        return cannot(k + 1);
      if (!isLiteralPath(s, k + 3, close))
        return cannot(k + 3);
      const arg = evalPath(cx, fn, k + 3, close, depth + 1);
      if (arg.kind !== "path")
        return cannot(k + 3);
      val = { kind: "path", segs: [...val.segs, ...arg.segs] };
    } else if (m7 === "read_dir") {
      if (val.kind !== "path")
        return cannot(k + 1);
      val = { kind: "list", segs: [...val.segs, "*"] };
    } else if (!PRESERVING_METHODS.has(m7))
      return cannot(k + 1);
    k = close + 1;
  }
  return val;
}
function isLiteralPath(s, a, b) {
  if (b - a === 1)
    return s.code[a].kind === "str" || s.isId(a) && s.consts.has(s.code[a].text);
  return b - a === 6 && /^(Path|PathBuf|OsStr) :: (new|from) \( "/.test(s.text(a, b));
}
function pathSegs(cx, k) {
  const t = cx.s.code[k];
  cx.consumed.add(k);
  const v = t.value.replace(/\\/g, "/");
  if (v.startsWith("/") || /^[A-Za-z]:/.test(v))
    cx.fail(`cannot import the walk: ${t.text} is an absolute path`, t);
  const segs = v.split("/").filter((x) => x !== "" && x !== ".");
  if (segs.includes(".."))
    cx.fail(`cannot import the walk: ${t.text} leaves the directory with \`..\``, t);
  return segs.map(escapeGlob);
}
function evalName(cx, fn, name, at2, depth) {
  const s = cx.s;
  const b = s.bindingOf(fn, name, at2);
  if (b) {
    const v = evalPath(cx, fn, b.start, b.end, depth + 1);
    if (b.kind === "let")
      return v;
    if (v.kind !== "list")
      cx.fail("cannot import the walk: this loop does not iterate a directory listing", b.start);
    return { kind: "path", segs: v.segs };
  }
  const pi = fn.params.findIndex((p) => p.name === name);
  if (pi >= 0) {
    const results = [];
    let first;
    for (const call of s.callsTo(fn.name)) {
      const caller = s.enclosingFn(call);
      if (!caller || caller === fn)
        continue;
      const arg = s.split(call + 2, s.match[call + 1], ",")[pi];
      if (!arg)
        continue;
      const v = evalPath(cx, caller, arg[0], arg[1], depth + 1);
      const key = `${v.kind}:${v.segs.join("/")}`;
      if (first && !results.includes(key))
        cx.fail(`cannot import the walk: \`${fn.name}\` is called with different directories`, call);
      results.push(key);
      first = v;
    }
    if (first)
      return first;
    if (/root/i.test(name))
      return { kind: "path", segs: [] };
    cx.fail(`cannot import the walk: cannot tell which directory parameter \`${name}\` of \`${fn.name}\` is`, at2);
  }
  const c = s.consts.get(name);
  if (c && c.valEnd - c.valStart === 1 && s.code[c.valStart].kind === "str") {
    cx.usedConsts.add(name);
    return { kind: "path", segs: pathSegs(cx, c.valStart) };
  }
  cx.fail(`cannot import the walk: \`${name}\` is not a directory the importer can follow`, at2);
}
function isRootFn(s, f) {
  if (f.params.length)
    return false;
  if (/root|workspace|repo/i.test(f.name))
    return true;
  return s.code.slice(f.open, f.close).some((t) => t.kind === "str" && t.value === "CARGO_MANIFEST_DIR");
}
var PRESERVING_METHODS;
var init_paths = __esm({
  "dist/src/config/import/paths.js"() {
    "use strict";
    init_glob();
    PRESERVING_METHODS = /* @__PURE__ */ new Set([
      "expect",
      "unwrap",
      "unwrap_or_else",
      "unwrap_or_default",
      "filter_map",
      "filter",
      "map",
      "flatten",
      "flat_map",
      "collect",
      "into_iter",
      "iter",
      "to_path_buf",
      "as_path",
      "clone",
      "as_ref",
      "to_owned",
      "ok",
      "into",
      "by_ref",
      "path"
    ]);
  }
});

// dist/src/config/import/dependencies.js
function cargoJoins(s, f) {
  const out = [];
  for (let k = f.open + 1; k < f.close; k++) {
    const t = s.code[k];
    if (t.kind === "str" && /(^|\/)Cargo\.toml$/.test(t.value) && s.isP(k - 1, "(") && s.isId(k - 2, "join"))
      out.push(k);
  }
  return out;
}
function dependencyRule(cx, depFns) {
  const s = cx.s;
  if (depFns.length === 0)
    return void 0;
  const manifests = [];
  const banned = [];
  for (const fn of depFns) {
    for (const lit of cargoJoins(s, fn)) {
      let start = lit - 3;
      for (; ; ) {
        const prev = start - 1;
        if (s.isP(prev, ")") || s.isP(prev, "]"))
          start = s.match[prev];
        else if (s.isId(prev) || s.isP(prev, ".") || s.isP(prev, "::") || s.isP(prev, "?"))
          start = prev;
        else
          break;
      }
      const v = evalPath(cx, fn, start, lit + 2, 0);
      if (v.kind !== "path")
        cx.fail("cannot import the dependency guard: this manifest path is not a single path", lit);
      const g = v.segs.join("/");
      if (!manifests.includes(g))
        manifests.push(g);
    }
    const lists = [];
    for (const b of s.bindings(fn)) {
      if (b.kind !== "let")
        continue;
      let v = b.start;
      if (s.isP(v, "&"))
        v++;
      if (s.isId(v, "vec") && s.isP(v + 1, "!"))
        v += 2;
      if (s.isP(v, "[") && s.match[v] === b.end - 1 && s.code[v + 1]?.kind === "str")
        lists.push({ entries: arrayEntries(cx, v, "banned dependency marker"), at: b.at });
    }
    for (let k = fn.open + 1; k < fn.close; k++) {
      const t = s.code[k];
      const c = t.kind === "ident" ? s.consts.get(t.text) : void 0;
      if (c && isStringListConst(s, c)) {
        cx.usedConsts.add(c.name);
        lists.push({ entries: stringList(cx, k, k + 1, "banned dependency marker"), at: k });
      }
    }
    if (lists.length === 0)
      cx.fail(`cannot import the dependency guard \`${fn.name}\`: it has no array of banned crate-name markers`, fn.nameIdx, "add `[dependency_rule] banned` to chokepoint.toml by hand");
    if (lists.length > 1)
      cx.fail(`cannot import the dependency guard \`${fn.name}\`: more than one list of strings, cannot tell which holds the banned markers`, lists[1].at);
    for (const e of lists[0].entries) {
      if (/[*?]/.test(e.value))
        cx.fail(`banned marker ${e.tok.text} contains \`*\` or \`?\`, which chokepoint reads as a glob`, e.tok);
      if (e.value === "")
        cx.fail("a banned marker is empty: it would match every crate", e.tok);
      if (!banned.includes(e.value))
        banned.push(e.value);
    }
  }
  return { manifests, banned };
}
var init_dependencies2 = __esm({
  "dist/src/config/import/dependencies.js"() {
    "use strict";
    init_lists();
    init_paths();
  }
});

// dist/src/config/import/exclusions.js
function exclusionFns(cx) {
  const s = cx.s;
  const bool = s.fns.filter((f) => f.ret === "bool");
  const calledToSkip = /* @__PURE__ */ new Set();
  for (let k = 0; k < s.code.length; k++) {
    if (!s.isId(k, "if") || !s.isId(k + 1) || !s.isP(k + 2, "("))
      continue;
    const m7 = s.match[k + 2];
    if (s.isP(m7 + 1, "{") && s.isId(m7 + 2, "continue"))
      calledToSkip.add(s.code[k + 1].text);
  }
  const candidates = bool.filter((f) => /exclu|ignor|skip/i.test(f.name) || calledToSkip.has(f.name));
  return candidates.filter((f) => judgesFiles(cx, f));
}
function judgesFiles(cx, f) {
  const s = cx.s;
  if (f.params.some((p) => /Path/.test(p.type)))
    return true;
  const pathish = (a, b) => s.code.slice(a, b).some((t) => t.kind === "ident" && /^(to_string_lossy|to_str|display|strip_prefix|file_name)$/.test(t.text));
  let calls = 0;
  for (const call of s.callsTo(f.name)) {
    const caller = s.enclosingFn(call);
    if (!caller || caller === f)
      continue;
    calls++;
    for (const [a, b] of s.split(call + 2, s.match[call + 1], ",")) {
      if (pathish(a, b))
        return true;
      let r = a;
      while (s.isP(r, "&") || s.isP(r, "*"))
        r++;
      const bound = s.isId(r) ? s.bindingOf(caller, s.code[r].text, r) : void 0;
      if (bound && pathish(bound.start, bound.end))
        return true;
    }
  }
  if (/file|path/i.test(f.name))
    return true;
  return cx.fail(`cannot tell whether \`${f.name}\` excludes files: it takes no path${calls ? " and its callers pass none" : " and nothing calls it"}`, f.nameIdx, 'give it a `&Path` parameter (or a name with "file"/"path"), or move its rule into chokepoint.toml by hand');
}
function exclusionGlobs(cx, fn) {
  const s = cx.s;
  const types = /* @__PURE__ */ new Map();
  for (const p of fn.params)
    types.set(p.name, /Path/.test(p.type) ? "path" : /str|String/.test(p.type) ? "string" : "path");
  let k = fn.open + 1;
  while (s.isId(k, "let")) {
    const semi2 = s.find(k, fn.close, (x) => s.isP(x, ";"));
    let j = k + 1;
    if (s.isId(j, "mut"))
      j++;
    const eq = semi2 < 0 ? -1 : s.find(j, semi2, (x) => s.isP(x, "="));
    if (!s.isId(j) || eq < 0)
      cx.fail(`cannot import this statement of exclusion fn \`${fn.name}\``, k);
    const chain = receiverChain(cx, eq + 1, semi2, types, true);
    if (!chain)
      cx.fail(`cannot import this statement of exclusion fn \`${fn.name}\`: expected \`let s = path.to_string_lossy();\` or similar`, k);
    types.set(s.code[j].text, chain);
    k = semi2 + 1;
  }
  let end = fn.close;
  if (s.isId(k, "return"))
    k++;
  const semi = s.find(k, end, (x) => s.isP(x, ";"));
  if (semi >= 0) {
    if (semi + 1 !== end)
      cx.fail(`cannot import exclusion fn \`${fn.name}\`: expected a single \`||\` expression`, semi + 1);
    end = semi;
  }
  if (k >= end)
    cx.fail(`cannot import exclusion fn \`${fn.name}\`: its body is empty`, fn.nameIdx);
  const out = [];
  for (const [a0, b0] of s.split(k, end, "||")) {
    let a = a0;
    let b = b0;
    while (s.isP(a, "(") && s.match[a] === b - 1) {
      a++;
      b--;
    }
    if (b - a === 1 && s.isId(a, "false"))
      continue;
    for (const g of exclusionAtom(cx, fn, a, b, types))
      if (!out.includes(g))
        out.push(g);
  }
  return out;
}
function exclusionAtom(cx, fn, a, b, types) {
  const s = cx.s;
  const unknown = () => cx.fail(`cannot import this exclusion condition of \`${fn.name}\``, a, 'the importer maps `s.ends_with("X")`, `s.starts_with("X")`, `s.contains("X")`, `s == "X"` and `path == Path::new("X")` joined by `||`; add other exclusions to chokepoint.toml by hand');
  const eq = s.find(a, b, (x2) => s.isP(x2, "=="));
  if (eq >= 0) {
    const lhs = literalOperand(cx, a, eq);
    const rhs = literalOperand(cx, eq + 1, b);
    const lit = lhs ?? rhs;
    const other = lhs !== void 0 ? [eq + 1, b] : [a, eq];
    if (lit === void 0 || lhs !== void 0 && rhs !== void 0)
      return unknown();
    if (!receiverChain(cx, other[0], other[1], types, false))
      return unknown();
    return [escapeGlob(lit)];
  }
  if (!(s.isP(b - 1, ")") && s.isP(s.match[b - 1] - 2, ".")))
    return unknown();
  const open = s.match[b - 1];
  const method = s.code[open - 1];
  if (open + 2 !== b - 1 || !(s.code[open + 1].kind === "str" || s.code[open + 1].kind === "char"))
    return unknown();
  const type = receiverChain(cx, a, open - 2, types, false);
  if (!type)
    return unknown();
  const x = s.code[open + 1].value;
  cx.consumed.add(open + 1);
  const e = escapeGlob(x);
  if (type === "string") {
    const tail = e.startsWith("/") ? `\\${e}` : e;
    if (method.text === "ends_with")
      return [`**${tail}`];
    if (method.text === "starts_with")
      return [`${e}**`];
    if (method.text === "contains")
      return [`**${tail}**`];
    return unknown();
  }
  const clean = x.replace(/\/+$/, "");
  if (clean === "" || clean.startsWith("/"))
    return unknown();
  const c = escapeGlob(clean);
  if (method.text === "ends_with")
    return [`**/${c}`];
  if (method.text === "starts_with")
    return [c, `${c}/**`];
  return unknown();
}
function literalOperand(cx, a, b) {
  const s = cx.s;
  if (s.isP(a, "&"))
    a++;
  if (b - a === 1 && (s.code[a].kind === "str" || s.code[a].kind === "char")) {
    cx.consumed.add(a);
    return s.code[a].value;
  }
  if (s.isP(b - 1, ")") && s.match[b - 1] === b - 3 && s.code[b - 2].kind === "str") {
    const callee = s.text(a, b - 3);
    if (["Path :: new", "PathBuf :: from", "OsStr :: new", "std :: path :: Path :: new", "Some"].includes(callee)) {
      cx.consumed.add(b - 2);
      return s.code[b - 2].value;
    }
  }
  return void 0;
}
function receiverChain(cx, a, b, types, allowArgs) {
  const s = cx.s;
  while (s.isP(a, "&") || s.isP(a, "*"))
    a++;
  if (!s.isId(a))
    return null;
  let type = types.get(s.code[a].text);
  if (!type)
    return null;
  let k = a + 1;
  while (k < b) {
    if (s.isP(k, "?")) {
      k++;
      continue;
    }
    if (!s.isP(k, ".") || !s.isId(k + 1) || !s.isP(k + 2, "("))
      return null;
    const m7 = s.code[k + 1].text;
    const close = s.match[k + 2];
    const hasArgs = close !== k + 3;
    if (hasArgs) {
      const argsOk = allowArgs && (m7 === "unwrap_or" && s.code[k + 3].kind === "str" && s.code[k + 3].value === "" && close === k + 4 || m7 === "replace" && s.text(k + 3, close).replace(/\s/g, "").match(/^'\\\\',"\/"$/) !== null || m7 === "expect" && s.code[k + 3].kind === "str" && close === k + 4);
      if (!argsOk)
        return null;
    } else if (!CHAIN_OK_METHODS.has(m7))
      return null;
    if (STRINGIFY_METHODS.has(m7) || m7 === "replace")
      type = "string";
    k = close + 1;
  }
  return type;
}
var STRINGIFY_METHODS, CHAIN_OK_METHODS;
var init_exclusions = __esm({
  "dist/src/config/import/exclusions.js"() {
    "use strict";
    init_glob();
    STRINGIFY_METHODS = /* @__PURE__ */ new Set(["to_string_lossy", "to_str", "display", "to_string", "as_str", "into_owned", "as_os_str", "to_string_lossy_owned"]);
    CHAIN_OK_METHODS = /* @__PURE__ */ new Set([...STRINGIFY_METHODS, "as_ref", "as_path", "to_path_buf", "unwrap", "unwrap_or_default", "as_deref", "to_owned", "borrow"]);
  }
});

// dist/src/config/import/render.js
function tomlString(value) {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0);
    if (ch === '"')
      out += '\\"';
    else if (ch === "\\")
      out += "\\\\";
    else if (ch === "\n")
      out += "\\n";
    else if (ch === "	")
      out += "\\t";
    else if (ch === "\r")
      out += "\\r";
    else if (ch === "\b")
      out += "\\b";
    else if (ch === "\f")
      out += "\\f";
    else if (cp < 32 || cp === 127)
      out += `\\u${cp.toString(16).padStart(4, "0").toUpperCase()}`;
    else
      out += ch;
  }
  return `${out}"`;
}
function tomlArray(key, items) {
  const quoted = items.map(tomlString);
  const oneLine = `${key} = [${quoted.join(", ")}]`;
  if (oneLine.length <= 100)
    return oneLine;
  return `${key} = [
${quoted.map((q3) => `  ${q3},`).join("\n")}
]`;
}
function renderConfig(g, file) {
  const lines = [];
  lines.push(`# chokepoint.toml \u2014 imported from ${file} by \`chokepoint init --from\``);
  lines.push("# Review the reasons below: they come from the comments of the imported test.");
  const needing = g.classes.reduce((n, c) => n + c.allow.filter((a) => a.needsReason).length, 0);
  if (needing > 0)
    lines.push(`# ${needing} allowlist entr${needing === 1 ? "y has" : "ies have"} no comment of ${needing === 1 ? "its" : "their"} own: a reason that starts "imported from" needs a human to write it.`);
  lines.push("");
  lines.push('matcher = "precise"   # `--matcher line` (or matcher = "line") reproduces the imported test\'s verdicts exactly');
  lines.push("");
  lines.push("[scope]");
  lines.push(tomlArray("include", g.scope.include));
  lines.push(tomlArray("exclude", g.scope.exclude));
  if (g.scope.minFiles !== void 0) {
    lines.push(`min_files = ${g.scope.minFiles}`);
    lines.push(`count_excluded = ${g.scope.countExcluded ? "true" : "false"}   # the imported test counted ${g.scope.countExcluded ? "excluded files too" : "only scanned files"}`);
  } else {
    lines.push("# min_files: the imported test has no file-count threshold");
  }
  for (const c of g.classes) {
    lines.push("");
    lines.push("[[class]]");
    lines.push(`name = ${tomlString(c.name)}`);
    lines.push(`reason = ${tomlString(c.reason)}`);
    if (c.useInstead !== void 0)
      lines.push(`use_instead = ${tomlString(c.useInstead)}`);
    lines.push(tomlArray("needles", c.needles));
    if (c.allow.length === 0)
      lines.push("# no allowlist: banned in every file");
    for (const a of c.allow) {
      lines.push("");
      lines.push("[[class.allow]]");
      lines.push(`path = ${tomlString(a.path)}`);
      lines.push(`reason = ${tomlString(a.reason)}`);
    }
  }
  if (g.dependencyRule) {
    lines.push("");
    lines.push("[dependency_rule]");
    lines.push(tomlArray("manifests", g.dependencyRule.manifests));
    lines.push(tomlArray("banned", g.dependencyRule.banned));
    lines.push("forbid_escaping_paths = false");
    lines.push("# The imported test checked direct dependencies only. `graph = true` also");
    lines.push("# follows Cargo.lock and reports banned crates reached through other crates:");
    lines.push("# graph = true");
  } else {
    lines.push("");
    lines.push("# The imported test checks no dependencies. To ban crates, directly and");
    lines.push("# through Cargo.lock, add a `dependency_rule` table with `banned = [...]`");
    lines.push("# and `graph = true`.");
  }
  return `${lines.join("\n")}
`;
}
var init_render = __esm({
  "dist/src/config/import/render.js"() {
    "use strict";
  }
});

// dist/src/config/import/source.js
var ITEM_BEFORE, QUALIFIERS, MESSAGE_MACROS_EXEMPT, Source;
var init_source = __esm({
  "dist/src/config/import/source.js"() {
    "use strict";
    init_rustTokens();
    ITEM_BEFORE = /* @__PURE__ */ new Set([";", "}", "{", "]", ")"]);
    QUALIFIERS = /* @__PURE__ */ new Set(["pub", "async", "unsafe", "extern", "const", "default"]);
    MESSAGE_MACROS_EXEMPT = /* @__PURE__ */ new Set(["matches", "vec"]);
    Source = class {
      full;
      imp;
      code;
      /** Partner index of each bracket in `code` (-1 for other tokens). */
      match;
      /** Innermost enclosing open bracket of each code token (-1 at top level). */
      parent;
      fns = [];
      consts = /* @__PURE__ */ new Map();
      structs = [];
      bindingCache = /* @__PURE__ */ new Map();
      constructor(full, imp) {
        this.full = full;
        this.imp = imp;
        this.code = full.filter((t) => t.kind !== "comment");
        const n = this.code.length;
        this.match = new Int32Array(n).fill(-1);
        this.parent = new Int32Array(n).fill(-1);
        const stack = [];
        const pairs = { ")": "(", "]": "[", "}": "{" };
        for (let k = 0; k < n; k++) {
          const t = this.code[k];
          this.parent[k] = stack.length ? stack[stack.length - 1] : -1;
          if (t.kind !== "punct")
            continue;
          if (t.text === "(" || t.text === "[" || t.text === "{")
            stack.push(k);
          else if (t.text === ")" || t.text === "]" || t.text === "}") {
            const open = stack.pop();
            if (open === void 0 || this.code[open].text !== pairs[t.text]) {
              imp.fail(`unbalanced \`${t.text}\``, t, "the file must be Rust that compiles; check the brackets around this line");
            } else {
              this.match[open] = k;
              this.match[k] = open;
              this.parent[k] = this.parent[open];
            }
          }
        }
        if (stack.length)
          imp.fail(`unclosed \`${this.code[stack[stack.length - 1]].text}\``, this.code[stack[stack.length - 1]]);
        this.collectItems();
      }
      tok(k) {
        return this.code[k];
      }
      isP(k, text) {
        const t = this.code[k];
        return t !== void 0 && t.kind === "punct" && t.text === text;
      }
      isId(k, text) {
        const t = this.code[k];
        return t !== void 0 && t.kind === "ident" && (text === void 0 || t.text === text);
      }
      /** Next index after the token at k, jumping over a bracket group. */
      step(k) {
        const m7 = this.match[k] ?? -1;
        return m7 > k ? m7 + 1 : k + 1;
      }
      /** First index in [from, to) where `pred` holds at bracket depth 0 (groups are jumped over). */
      find(from, to, pred) {
        for (let k = from; k < to; k = this.step(k))
          if (pred(k))
            return k;
        return -1;
      }
      /** Splits [from, to) on a top-level separator, skipping bracket groups and `<...>`. */
      split(from, to, sep2, angles = false) {
        const parts = [];
        let start = from;
        let angle = 0;
        for (let k = from; k < to; k = this.step(k)) {
          if (angles && this.isP(k, "<"))
            angle++;
          else if (angles && this.isP(k, ">"))
            angle--;
          else if (angles && this.isP(k, ">>"))
            angle -= 2;
          else if (angle <= 0 && this.isP(k, sep2)) {
            parts.push([start, k]);
            start = k + 1;
          }
        }
        if (start < to)
          parts.push([start, to]);
        return parts;
      }
      text(from, to) {
        return this.code.slice(from, to).map((t) => t.text).join(" ");
      }
      /** Skips `<...>` generics starting at k (which is `<`); returns the index after `>`. */
      skipAngles(k) {
        let depth = 0;
        for (let j = k; j < this.code.length; j = this.step(j)) {
          if (this.isP(j, "<"))
            depth++;
          else if (this.isP(j, ">"))
            depth--;
          else if (this.isP(j, ">>"))
            depth -= 2;
          if (depth <= 0)
            return j + 1;
        }
        return this.code.length;
      }
      /** Outer doc comments attached to the item whose keyword is at k. */
      docsBefore(k) {
        let start = k;
        for (; ; ) {
          const prev = this.code[start - 1];
          if (!prev)
            break;
          if (prev.kind === "ident" && QUALIFIERS.has(prev.text))
            start--;
          else if (prev.kind === "str" && this.isId(start - 2, "extern"))
            start--;
          else if (this.isP(start - 1, ")") && this.isId(this.match[start - 1] - 1, "pub"))
            start = this.match[start - 1];
          else if (this.isP(start - 1, "]") && this.isP(this.match[start - 1] - 1, "#"))
            start = this.match[start - 1] - 1;
          else
            break;
        }
        const fullFrom = start > 0 ? this.code[start - 1].fi + 1 : 0;
        const fullTo = this.code[k].fi;
        const lines = [];
        for (let f = fullFrom; f < fullTo; f++) {
          const t = this.full[f];
          if (t.kind === "comment" && t.doc === "outer")
            lines.push(...commentLines(t));
        }
        return paragraph(lines);
      }
      collectItems() {
        const c = this.code;
        for (let k = 0; k < c.length; k++) {
          const t = c[k];
          if (t.kind !== "ident")
            continue;
          if (t.text === "fn" && this.isId(k + 1))
            this.parseFn(k);
          else if ((t.text === "const" || t.text === "static") && (k === 0 || ITEM_BEFORE.has(c[k - 1].text) || this.isId(k - 1, "pub"))) {
            this.parseConst(k);
          } else if (t.text === "struct" && this.isId(k + 1)) {
            let j = k + 2;
            if (this.isP(j, "<"))
              j = this.skipAngles(j);
            if (this.isP(j, "{")) {
              const close = this.match[j];
              const fields = [];
              for (const [a] of this.split(j + 1, close, ",")) {
                let f = a;
                while (this.isP(f, "#"))
                  f = this.step(f + 1);
                if (this.isId(f, "pub"))
                  f = this.isP(f + 1, "(") ? this.step(f + 1) : f + 1;
                if (this.isId(f) && this.isP(f + 1, ":"))
                  fields.push(c[f].text);
              }
              this.structs.push({ name: c[k + 1].text, fields, open: j });
            }
          }
        }
      }
      parseFn(k) {
        const c = this.code;
        const name = c[k + 1].text;
        let j = k + 2;
        if (this.isP(j, "<"))
          j = this.skipAngles(j);
        if (!this.isP(j, "("))
          return;
        const pclose = this.match[j];
        const params = [];
        for (const [a, b] of this.split(j + 1, pclose, ",", true)) {
          const colon = this.find(a, b, (x) => this.isP(x, ":"));
          if (colon < 0)
            continue;
          const nameTok = c.slice(a, colon).find((t) => t.kind === "ident" && t.text !== "mut" && t.text !== "ref");
          if (nameTok)
            params.push({ name: nameTok.text, type: this.text(colon + 1, b) });
        }
        j = pclose + 1;
        let ret = "";
        if (this.isP(j, "->")) {
          const end = this.find(j + 1, c.length, (x) => this.isP(x, "{") || this.isP(x, ";") || this.isId(x, "where"));
          if (end < 0)
            return;
          ret = this.text(j + 1, end);
          j = end;
        }
        if (this.isId(j, "where"))
          j = this.find(j, c.length, (x) => this.isP(x, "{") || this.isP(x, ";"));
        if (j < 0 || !this.isP(j, "{"))
          return;
        this.fns.push({ name, nameIdx: k + 1, params, ret, open: j, close: this.match[j], docs: this.docsBefore(k) });
      }
      parseConst(k) {
        const c = this.code;
        let j = k + 1;
        if (this.isId(j, "mut"))
          j++;
        if (!this.isId(j) || !this.isP(j + 1, ":"))
          return;
        const nameIdx = j;
        const eq = this.find(j + 2, c.length, (x) => this.isP(x, "=") || this.isP(x, ";"));
        if (eq < 0 || !this.isP(eq, "="))
          return;
        const semi = this.find(eq + 1, c.length, (x) => this.isP(x, ";"));
        if (semi < 0)
          this.imp.fail(`const \`${c[j].text}\` has no closing \`;\``, c[j]);
        const info = {
          name: c[j].text,
          nameIdx,
          type: this.text(j + 2, eq),
          valStart: eq + 1,
          valEnd: semi,
          docs: this.docsBefore(k)
        };
        if (this.consts.has(info.name))
          this.imp.fail(`const \`${info.name}\` is defined twice`, c[j]);
        this.consts.set(info.name, info);
      }
      /** The innermost fn whose body contains code index k. */
      enclosingFn(k) {
        let best;
        for (const f of this.fns)
          if (f.open < k && k < f.close && (!best || f.open > best.open))
            best = f;
        return best;
      }
      /** Indices of `name(` calls (not definitions, not method calls) inside [from, to). */
      callsTo(name, from = 0, to = this.code.length) {
        const out = [];
        for (let k = from; k < to; k++) {
          if (this.isId(k, name) && this.isP(k + 1, "(") && !this.isId(k - 1, "fn") && !this.isP(k - 1, "."))
            out.push(k);
        }
        return out;
      }
      /** `let` and `for` bindings of single identifiers in a fn body. */
      bindings(fn) {
        const cached2 = this.bindingCache.get(fn);
        if (cached2)
          return cached2;
        const out = [];
        for (let k = fn.open + 1; k < fn.close; k++) {
          if (this.isId(k, "let")) {
            let j = k + 1;
            if (this.isId(j, "mut"))
              j++;
            if (!this.isId(j))
              continue;
            const nameIdx = j;
            const stmtEnd = this.find(j + 1, fn.close, (x) => this.isP(x, ";"));
            if (stmtEnd < 0)
              continue;
            const eq = this.find(j + 1, stmtEnd, (x) => this.isP(x, "="));
            if (eq < 0)
              continue;
            out.push({ name: this.code[nameIdx].text, kind: "let", at: nameIdx, start: eq + 1, end: stmtEnd });
          } else if (this.isId(k, "for")) {
            let j = k + 1;
            if (this.isId(j, "mut"))
              j++;
            if (!this.isId(j) || !this.isId(j + 1, "in"))
              continue;
            const brace = this.find(j + 2, fn.close, (x) => this.isP(x, "{"));
            if (brace < 0)
              continue;
            out.push({ name: this.code[j].text, kind: "for", at: j, start: j + 2, end: brace });
          }
        }
        this.bindingCache.set(fn, out);
        return out;
      }
      /** The latest binding of `name` before code index k within fn. */
      bindingOf(fn, name, k) {
        let best;
        for (const b of this.bindings(fn))
          if (b.name === name && b.at < k && (b.kind === "let" ? b.end < k : true))
            best = b;
        return best;
      }
      /** Literals that only feed a message: inside a macro call (other than matches!/vec!) or `expect(...)`. */
      isMessageLiteral(k) {
        for (let p = this.parent[k]; p >= 0; p = this.parent[p]) {
          if (this.isP(p - 1, "!") && this.isId(p - 2) && !MESSAGE_MACROS_EXEMPT.has(this.code[p - 2].text))
            return true;
          if (this.isP(p, "(") && this.isId(p - 1, "expect") && this.isP(p - 2, "."))
            return true;
        }
        return false;
      }
    };
  }
});

// dist/src/config/import/threshold.js
function fileCountThreshold(cx, drivers, collectors) {
  const s = cx.s;
  const walkNames = new Set([...drivers, ...collectors].map((f) => f.name));
  let min;
  const isWalkResult = (fn, name, at2) => {
    const b = s.bindingOf(fn, name, at2);
    if (b && s.code.slice(b.start, b.end).some((t) => t.kind === "ident" && walkNames.has(t.text)))
      return true;
    for (const w of walkNames) {
      for (const call of s.callsTo(w, fn.open, fn.close)) {
        const close = s.match[call + 1];
        if (s.code.slice(call + 2, close).some((t) => t.kind === "ident" && t.text === name))
          return true;
      }
    }
    return false;
  };
  const num = (k) => {
    const t = s.code[k];
    if (!t)
      return void 0;
    if (t.kind === "num") {
      const clean = t.text.replace(/_/g, "").replace(/(?<=[0-9a-fA-F])(usize|u8|u16|u32|u64|u128|isize|i8|i16|i32|i64|i128)$/, "");
      const n = Number(clean);
      return Number.isInteger(n) ? n : void 0;
    }
    const c = t.kind === "ident" ? s.consts.get(t.text) : void 0;
    if (c && c.valEnd - c.valStart === 1)
      return num(c.valStart);
    return void 0;
  };
  for (const fn of s.fns) {
    for (let k = fn.open + 1; k < fn.close; k++) {
      if (!(s.isId(k) && /^(debug_)?assert(_eq|_ne)?$/.test(s.code[k].text) && s.isP(k + 1, "!") && s.isP(k + 2, "(")))
        continue;
      const args = s.split(k + 3, s.match[k + 2], ",");
      const cond = args[0];
      if (!cond)
        continue;
      const [a, b] = cond;
      let found;
      if (s.isId(a) && s.isP(a + 1, ".") && s.isId(a + 2, "len") && s.isP(a + 3, "(") && s.isP(a + 4, ")") && b === a + 7) {
        if (!isWalkResult(fn, s.code[a].text, a))
          continue;
        const n = num(a + 6);
        if (n === void 0 || !(s.isP(a + 5, ">") || s.isP(a + 5, ">=")))
          cx.fail("cannot import this file-count threshold", a, "write it as `files.len() > N` with a number, or set `[scope] min_files` by hand");
        found = s.isP(a + 5, ">") ? n + 1 : n;
      } else if (b === a + 7 && s.isId(a + 2) && s.isP(a + 3, ".") && s.isId(a + 4, "len") && s.isP(a + 5, "(") && s.isP(a + 6, ")")) {
        if (!isWalkResult(fn, s.code[a + 2].text, a + 2))
          continue;
        const n = num(a);
        if (n === void 0 || !(s.isP(a + 1, "<") || s.isP(a + 1, "<=")))
          cx.fail("cannot import this file-count threshold", a, "write it as `files.len() > N` with a number, or set `[scope] min_files` by hand");
        found = s.isP(a + 1, "<") ? n + 1 : n;
      } else if (b === a + 6 && s.isP(a, "!") && s.isId(a + 1) && s.isP(a + 2, ".") && s.isId(a + 3, "is_empty")) {
        if (!isWalkResult(fn, s.code[a + 1].text, a + 1))
          continue;
        found = 1;
      } else {
        const ids = s.code.slice(a, b).filter((t) => t.kind === "ident");
        const mentionsWalk = ids.some((t, i) => (t.text === "len" || t.text === "is_empty") && i > 0 && isWalkResult(fn, ids[i - 1].text, a));
        if (mentionsWalk)
          cx.fail("cannot import this file-count threshold", a, "write it as `files.len() > N` with a number, or set `[scope] min_files` by hand");
        continue;
      }
      min = min === void 0 ? found : Math.max(min, found);
    }
  }
  return min;
}
var init_threshold = __esm({
  "dist/src/config/import/threshold.js"() {
    "use strict";
  }
});

// dist/src/config/import/walk.js
function walkScope(cx, depFns, exclusionFns2) {
  const s = cx.s;
  const collectors = s.fns.filter((f) => s.callsTo(f.name, f.open, f.close).length > 0 && readDirs(s, f).length > 0);
  const positives = [];
  const negatives = [];
  const drivers = /* @__PURE__ */ new Set();
  const walkFns = /* @__PURE__ */ new Set([...collectors, ...depFns]);
  for (const col of collectors) {
    const facts = collectorFacts(cx, col);
    let called = false;
    for (const call of s.callsTo(col.name)) {
      const caller = s.enclosingFn(call);
      if (!caller || caller === col)
        continue;
      called = true;
      drivers.add(caller);
      walkFns.add(caller);
      const args = s.split(call + 2, s.match[call + 1], ",");
      const arg = args[facts.dirParam];
      if (!arg)
        cx.fail(`cannot import the walk: this call of \`${col.name}\` has no directory argument`, call);
      const base = evalPath(cx, caller, arg[0], arg[1], 0);
      if (base.kind !== "path")
        cx.fail("cannot import the walk: the directory given here is not a single path", arg[0]);
      const root = base.segs.join("/");
      const prefix = root === "" ? "" : `${root}/`;
      const ext = facts.exts.length === 1 ? escapeGlob(facts.exts[0]) : `{${facts.exts.map(escapeGlob).join(",")}}`;
      const inc = `${prefix}**/*.${ext}`;
      if (!positives.includes(inc))
        positives.push(inc);
      for (const skip of facts.skips) {
        const pats = skip.ctx === "dir" ? [`${prefix}**/${skip.glob}/**`] : skip.ctx === "file" ? [`${prefix}**/${skip.glob}`] : [`${prefix}**/${skip.glob}/**`, `${prefix}**/${skip.glob}`];
        for (const p of pats)
          if (!negatives.includes(`!${p}`))
            negatives.push(`!${p}`);
      }
    }
    if (!called)
      cx.fail(`cannot import the walk: \`${col.name}\` collects files but nothing calls it`, col.nameIdx);
    checkLeftoverLiterals(cx, col, "the walk");
  }
  for (const d of drivers)
    checkLeftoverLiterals(cx, d, "the walk");
  for (const f of s.fns) {
    if (walkFns.has(f))
      continue;
    const rd = readDirs(s, f)[0];
    if (rd !== void 0) {
      cx.fail("cannot import the walk: expected a recursive fn that lists a directory with `read_dir`, keeps files by extension and calls itself for subdirectories", rd, "set `[scope] include` in chokepoint.toml by hand");
    }
  }
  if (positives.length === 0) {
    const other = s.code.findIndex((t) => t.kind === "ident" && /^(WalkDir|walkdir|glob)$/.test(t.text));
    if (other >= 0)
      cx.fail("cannot import the walk: only a recursive `read_dir` collector can be imported", other, "set `[scope] include` in chokepoint.toml by hand");
    cx.imp.fail("found no file walk (a recursive `read_dir` collector) to import the scope from", void 0, "set `[scope] include` in chokepoint.toml by hand");
  }
  const threshold = fileCountThreshold(cx, drivers, collectors);
  const filtersInWalk = exclusionFns2.some((e) => [...drivers, ...collectors].some((w) => s.callsTo(e.name, w.open, w.close).length > 0));
  return { include: [...positives, ...negatives], ...threshold !== void 0 ? { minFiles: threshold } : {}, countExcluded: !filtersInWalk };
}
function readDirs(s, f) {
  const out = [];
  for (let k = f.open + 1; k < f.close; k++)
    if (s.isId(k, "read_dir"))
      out.push(k);
  return out;
}
function collectorFacts(cx, col) {
  const s = cx.s;
  const rd = readDirs(s, col)[0];
  let dirName;
  if (s.isP(rd - 1, ".")) {
    if (s.isId(rd - 2) && !s.isP(rd - 3, "."))
      dirName = s.code[rd - 2].text;
  } else if (s.isP(rd + 1, "(")) {
    let a = rd + 2;
    while (s.isP(a, "&"))
      a++;
    if (s.isId(a) && s.match[rd + 1] === a + 1)
      dirName = s.code[a].text;
  }
  const dirParam = col.params.findIndex((p) => p.name === dirName);
  if (dirParam < 0)
    cx.fail(`cannot import the walk: \`${col.name}\` does not list one of its parameters`, rd);
  const nameVars = /* @__PURE__ */ new Set();
  for (const b of s.bindings(col)) {
    if (b.kind === "let" && s.code.slice(b.start, b.end).some((t) => t.kind === "ident" && t.text === "file_name"))
      nameVars.add(b.name);
  }
  const exts = [];
  const skips = [];
  for (let k = col.open + 1; k < col.close; k++) {
    if (!s.isId(k, "if"))
      continue;
    const brace = s.find(k + 1, col.close, (x) => s.isP(x, "{"));
    if (brace < 0)
      continue;
    const bodyEnd = s.match[brace];
    const isSkip = (s.isId(brace + 1, "continue") || s.isId(brace + 1, "return")) && bodyEnd - brace <= 7 && !s.code.slice(brace + 1, bodyEnd).some((t) => t.kind === "str");
    if (isSkip) {
      for (const [a, b] of s.split(k + 1, brace, "||")) {
        let ctx = null;
        let nameAtom;
        for (const [ca, cb] of s.split(a, b, "&&")) {
          const kind = structuralKind(s, ca, cb);
          if (kind !== void 0)
            ctx = kind ?? ctx;
          else if (nameAtom)
            cx.fail("cannot import this skip condition of the walk: more than one name test joined by `&&`", ca);
          else
            nameAtom = [ca, cb];
        }
        if (!nameAtom)
          continue;
        const globs2 = nameGlobs(cx, nameAtom[0], nameAtom[1], nameVars);
        const where = ctx ?? blockContext(s, k, col);
        for (const glob of globs2)
          skips.push({ glob, ctx: where });
      }
    } else {
      for (const [a, b] of s.split(k + 1, brace, "||")) {
        for (const [ca, cb] of s.split(a, b, "&&")) {
          const lits = literalsIn(s, ca, cb);
          if (lits.length === 0)
            continue;
          const hasExt = s.code.slice(ca, cb).some((t) => t.kind === "ident" && t.text === "extension");
          const endsWithDot = lits.length === 1 && s.isId(lits[0] - 2, "ends_with") && s.code[lits[0]].value.startsWith(".");
          if (hasExt && lits.length === 1 || endsWithDot) {
            const ext = s.code[lits[0]].value.replace(/^\./, "");
            cx.consumed.add(lits[0]);
            if (!exts.includes(ext))
              exts.push(ext);
          } else {
            cx.fail("cannot import this condition of the walk", ca, "the importer maps an extension test and directory-name skips; set `[scope] include` by hand");
          }
        }
      }
    }
  }
  if (exts.length === 0)
    cx.fail(`cannot import the walk: \`${col.name}\` keeps files without testing their extension`, col.nameIdx, "set `[scope] include` in chokepoint.toml by hand");
  return { dirParam, exts, skips };
}
function structuralKind(s, a, b) {
  if (literalsIn(s, a, b).length > 0)
    return void 0;
  const negated = s.isP(a, "!");
  const ids = s.code.slice(a, b).filter((t) => t.kind === "ident").map((t) => t.text);
  if (ids.includes("is_dir"))
    return negated ? "file" : "dir";
  if (ids.includes("is_file"))
    return negated ? "dir" : "file";
  if (ids.includes("is_symlink") || ids.includes("exists"))
    return null;
  return void 0;
}
function literalsIn(s, a, b) {
  const out = [];
  for (let k = a; k < b; k++) {
    const t = s.code[k];
    if ((t.kind === "str" || t.kind === "char") && t.value !== "")
      out.push(k);
  }
  return out;
}
function blockContext(s, k, col) {
  const kindOfIfBrace = (brace) => {
    const ifIdx = (() => {
      for (let j = brace - 1; j > col.open; j--) {
        if (s.isId(j, "if") && s.find(j + 1, brace + 1, (x) => s.isP(x, "{")) === brace)
          return j;
        if (s.isP(j, ";") || s.isP(j, "}") && s.match[j] < j && s.parent[j] === s.parent[brace])
          break;
      }
      return -1;
    })();
    if (ifIdx >= 0) {
      const own = conditionKind(s, ifIdx + 1, brace);
      if (own)
        return own;
      if (s.isId(ifIdx - 1, "else"))
        return invert(ifIdx - 1);
      return null;
    }
    if (s.isId(brace - 1, "else"))
      return invert(brace - 1);
    return null;
  };
  const invert = (elseIdx) => {
    if (!s.isP(elseIdx - 1, "}"))
      return null;
    const prev = kindOfIfBrace(s.match[elseIdx - 1]);
    return prev === "dir" ? "file" : prev === "file" ? "dir" : null;
  };
  for (let p = s.parent[k]; p > col.open; p = s.parent[p]) {
    if (!s.isP(p, "{"))
      continue;
    const kind = kindOfIfBrace(p);
    if (kind)
      return kind;
  }
  return "both";
}
function conditionKind(s, a, b) {
  for (const [x, y] of s.split(a, b, "&&")) {
    const k = structuralKind(s, x, y);
    if (k)
      return k;
    if (s.code.slice(x, y).some((t) => t.kind === "ident" && t.text === "extension"))
      return "file";
  }
  return null;
}
function nameGlobs(cx, a, b, nameVars) {
  const s = cx.s;
  const toks = s.code.slice(a, b);
  const unknown = () => cx.fail("cannot import this skip condition of the walk", a, 'the importer maps `file_name() == "X"` style tests; set `[scope] include` in chokepoint.toml by hand');
  const aboutName = toks.some((t) => t.kind === "ident" && (t.text === "file_name" || nameVars.has(t.text)));
  if (!aboutName || s.isP(a, "!") || toks.some((t) => t.kind === "punct" && t.text === "!="))
    return unknown();
  const mi = toks.findIndex((t) => t.kind === "ident" && t.text === "matches");
  if (mi >= 0) {
    const lits2 = literalsIn(s, a, b);
    if (lits2.length === 0)
      return unknown();
    lits2.forEach((k2) => cx.consumed.add(k2));
    return lits2.map((k2) => escapeGlob(s.code[k2].value));
  }
  for (let k2 = a; k2 < b; k2++) {
    const c = s.code[k2];
    if (c.kind === "ident" && s.consts.has(c.text) && s.isP(k2 + 1, ".") && s.isId(k2 + 2, "contains")) {
      cx.usedConsts.add(c.text);
      const cinfo = s.consts.get(c.text);
      return stringList(cx, cinfo.nameIdx, cinfo.nameIdx + 1, "directory name").map((e) => escapeGlob(e.value));
    }
  }
  const lits = literalsIn(s, a, b);
  if (lits.length !== 1)
    return unknown();
  const k = lits[0];
  const x = escapeGlob(s.code[k].value);
  if (x.includes("/"))
    return unknown();
  cx.consumed.add(k);
  if (s.isP(k - 1, "(") && s.isP(k + 1, ")") && s.isId(k - 2) && s.isP(k - 3, ".")) {
    const m7 = s.code[k - 2].text;
    if (m7 === "starts_with")
      return [`${x}*`];
    if (m7 === "ends_with")
      return [`*${x}`];
    if (m7 === "contains")
      return [`*${x}*`];
  }
  if (toks.some((t) => t.kind === "punct" && t.text === "=="))
    return [x];
  return unknown();
}
function checkLeftoverLiterals(cx, fn, what) {
  const s = cx.s;
  for (let k = fn.open + 1; k < fn.close; k++) {
    const t = s.code[k];
    if (t.kind !== "str" && t.kind !== "char" || t.value === "" || cx.consumed.has(k) || s.isMessageLiteral(k))
      continue;
    if ((t.value === "/" || t.value === "\\") && s.isP(s.parent[k], "(") && s.isId(s.parent[k] - 1, "replace"))
      continue;
    cx.fail(`cannot import ${what}: the literal ${t.text} in \`${fn.name}\` does not map to any setting`, k, 'simplify the walk to the `root.join("\u2026")` / `read_dir` / recursive-collector shape, or set `[scope]` by hand');
  }
}
var init_walk = __esm({
  "dist/src/config/import/walk.js"() {
    "use strict";
    init_lists();
    init_glob();
    init_paths();
    init_threshold();
  }
});

// dist/src/config/import/index.js
function analyze(cx) {
  const classes = importClasses(cx);
  const exclusions = exclusionFns(cx);
  const exclude = [];
  for (const f of exclusions)
    for (const g of exclusionGlobs(cx, f))
      if (!exclude.includes(g))
        exclude.push(g);
  const depFns = cx.s.fns.filter((f) => cargoJoins(cx.s, f).length > 0);
  const walk2 = walkScope(cx, depFns, exclusions);
  const dependencies = dependencyRule(cx, depFns);
  checkLeftoverConsts(cx);
  return {
    scope: {
      include: walk2.include,
      exclude,
      ...walk2.minFiles !== void 0 ? { minFiles: walk2.minFiles, countExcluded: walk2.countExcluded } : {}
    },
    classes,
    ...dependencies ? { dependencyRule: dependencies } : {}
  };
}
function analyzeGuards(rustSource, file, options = {}) {
  const imp = new Importer(file);
  return analyze(new ImportContext(new Source(lex(rustSource, imp), imp), imp, options));
}
function importGuards(rustSource, file, options = {}) {
  return renderConfig(analyzeGuards(rustSource, file, options), file);
}
function entriesNeedingReasons(g) {
  const all = g.classes.flatMap((c) => c.allow);
  return { needing: all.filter((a) => a.needsReason).length, total: all.length };
}
var init_import = __esm({
  "dist/src/config/import/index.js"() {
    "use strict";
    init_classes();
    init_context();
    init_importer();
    init_dependencies2();
    init_exclusions();
    init_lists();
    init_render();
    init_source();
    init_rustTokens();
    init_walk();
    init_render();
  }
});

// dist/src/config/importGuards.js
var importGuards_exports = {};
__export(importGuards_exports, {
  analyzeGuards: () => analyzeGuards,
  entriesNeedingReasons: () => entriesNeedingReasons,
  importGuards: () => importGuards,
  renderConfig: () => renderConfig,
  tomlString: () => tomlString
});
var init_importGuards = __esm({
  "dist/src/config/importGuards.js"() {
    "use strict";
    init_import();
  }
});

// dist/src/config/import/resolutionNote.js
var resolutionNote_exports = {};
__export(resolutionNote_exports, {
  partialNeedleNotes: () => partialNeedleNotes
});
function segmentsOf(pattern) {
  const path = /^(?:::)?[\p{L}\p{N}_]+(?:::[\p{L}\p{N}_]+)*/u.exec(pattern)?.[0] ?? "";
  return path.split("::").filter((s) => s !== "");
}
function importBetween(partial, rooted) {
  for (let k = Math.min(partial.length, rooted.length - 1); k >= 1; k--) {
    const tail = rooted.slice(rooted.length - k);
    if (tail.every((s, i) => s === partial[i]))
      return rooted.slice(0, rooted.length - k + 1).join("::");
  }
  return void 0;
}
function partialNeedleNotes(classes) {
  const lines = [];
  for (const cls of classes) {
    const rooted = cls.needles.filter((n) => needleShape(normalizeNeedle(n)) === "rooted").map((n) => ({ needle: n, segs: segmentsOf(normalizeNeedle(n)) }));
    for (const needle of cls.needles) {
      const pattern = normalizeNeedle(needle);
      if (needleShape(pattern) !== "segment")
        continue;
      const segs = segmentsOf(pattern);
      if (segs.length === 0)
        continue;
      for (const r of rooted) {
        const via = importBetween(segs, r.segs);
        if (via === void 0)
          continue;
        lines.push(`${cls.name}: \`${needle}\` \u2014 \`use ${via};\` then \`${pattern}\u2026\` is found as \`${r.needle}\`; it also matches other paths, such as \`other_crate::${pattern}\u2026\``);
        break;
      }
    }
  }
  if (lines.length === 0)
    return [];
  return [
    "note: the precise matcher resolves imports, so these partial needles (which a line-based test needs for aliases) only repeat a rooted one:",
    ...lines.map((l) => `  ${l}`),
    "  they are kept (the line matcher needs them); drop them if you only use the precise matcher and their other matches are noise"
  ];
}
var init_resolutionNote = __esm({
  "dist/src/config/import/resolutionNote.js"() {
    "use strict";
    init_pathMatch();
    init_needles();
  }
});

// dist/src/commands/init.js
var init_exports = {};
__export(init_exports, {
  initCommand: () => initCommand
});
async function initCommand(inv) {
  const { cwd } = inv.common;
  const values = { config: inv.common.config, from: inv.from, force: inv.force, "reasons-from-group-comments": inv.reasonsFromGroupComments };
  const repo = await openRepository(cwd).catch((err) => {
    if (err instanceof UserError && err.message === messages.notARepository(cwd))
      return { root: cwd, commonDir: "", gitDir: "" };
    throw err;
  });
  const target = values.config ? resolve(cwd, values.config) : resolve(repo.root, CONFIG_FILE);
  const display = relative(cwd, target) || target;
  let text = STARTER_CONFIG;
  let needing;
  if (values.from !== void 0) {
    const from = resolve(cwd, values.from);
    let source;
    try {
      source = await fsp().readFile(from, "utf8");
    } catch {
      throw new UserError("usage", `cannot read ${values.from}`, void 0, "pass the path of the guards test, e.g. --from crates/sidecar/tests/architecture_guards.rs");
    }
    const { analyzeGuards: analyzeGuards2, entriesNeedingReasons: entriesNeedingReasons2, renderConfig: renderConfig2 } = await Promise.resolve().then(() => (init_importGuards(), importGuards_exports));
    const file = relative(repo.root, from).split("\\").join("/");
    const imported = analyzeGuards2(source, file, { reasonsFromGroupComments: values["reasons-from-group-comments"] ?? false });
    text = renderConfig2(imported, file);
    needing = entriesNeedingReasons2(imported);
  }
  const config = parseConfig(text, display, target);
  try {
    await fsp().writeFile(target, text, { flag: values.force ? "w" : "wx" });
  } catch (err) {
    const e = err;
    if (e.code === "EEXIST")
      throw usageError(messages.configExists(display), messages.configExistsHint);
    throw usageError(messages.configNotWritten(display, e.code ?? e.message), messages.configNotWrittenHint);
  }
  process.stdout.write(`chokepoint: wrote ${display}${values.from !== void 0 ? ` (imported from ${values.from})` : ""}
`);
  if (needing)
    process.stdout.write(`${messages.importedReasons(needing.needing, needing.total, display)}
`);
  if (values.from !== void 0) {
    const { partialNeedleNotes: partialNeedleNotes2 } = await Promise.resolve().then(() => (init_resolutionNote(), resolutionNote_exports));
    for (const line of partialNeedleNotes2(config.classes))
      process.stdout.write(`${line}
`);
  }
  process.stdout.write(`next: \`chokepoint --all\` audits the tree; \`chokepoint install\` adds the pre-commit hook
`);
  return 0;
}
var fsp;
var init_init = __esm({
  "dist/src/commands/init.js"() {
    "use strict";
    init_node_path();
    init_errors();
    init_messages();
    init_git();
    init_load();
    init_starter();
    fsp = () => process.getBuiltinModule("node:fs/promises");
  }
});

// dist/src/install/jsonText.js
function skipWs(text, i) {
  while (i < text.length && WS.has(text[i]))
    i++;
  return i;
}
function stringEnd(text, i) {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\")
      j++;
    else if (text[j] === '"')
      return j + 1;
  }
  throw new JsonTextError("unterminated string");
}
function valueEnd(text, i) {
  const ch = text[i];
  if (ch === '"')
    return stringEnd(text, i);
  if (ch === "{" || ch === "[") {
    let depth = 0;
    for (let j2 = i; j2 < text.length; j2++) {
      const c = text[j2];
      if (c === '"')
        j2 = stringEnd(text, j2) - 1;
      else if (c === "{" || c === "[")
        depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0)
          return j2 + 1;
      }
    }
    throw new JsonTextError("unclosed object or array");
  }
  let j = i;
  while (j < text.length && !WS.has(text[j]) && text[j] !== "," && text[j] !== "}" && text[j] !== "]")
    j++;
  if (j === i)
    throw new JsonTextError(`unexpected character at offset ${i}`);
  return j;
}
function objectAt(text, open) {
  if (text[open] !== "{")
    throw new JsonTextError("not an object");
  const members = [];
  let i = skipWs(text, open + 1);
  if (text[i] === "}")
    return { open, close: i, members };
  for (; ; ) {
    if (text[i] !== '"')
      throw new JsonTextError(`expected a key at offset ${i}`);
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd));
    let j = skipWs(text, keyEnd);
    if (text[j] !== ":")
      throw new JsonTextError(`expected ':' at offset ${j}`);
    j = skipWs(text, j + 1);
    const end = valueEnd(text, j);
    members.push({ key, keyStart: i, valueStart: j, valueEnd: end });
    i = skipWs(text, end);
    if (text[i] === ",") {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === "}")
      return { open, close: i, members };
    throw new JsonTextError(`expected ',' or '}' at offset ${i}`);
  }
}
function topObject(text) {
  return objectAt(text, skipWs(text.replace(/^\uFEFF/, " "), 0));
}
function lineEnding(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function indentOf(text, keyStart) {
  let k = keyStart;
  while (k > 0 && (text[k - 1] === " " || text[k - 1] === "	"))
    k--;
  return k > 0 && text[k - 1] === "\n" ? text.slice(k, keyStart) : "";
}
function layout(text, obj, parentIndent) {
  const first = obj.members[0];
  const indent = first ? indentOf(text, first.keyStart) : "";
  const unit = indent.length > parentIndent.length && indent.startsWith(parentIndent) ? indent.slice(parentIndent.length) : /\t/.test(indent) ? "	" : "  ";
  return { indent: indent || parentIndent + unit, unit };
}
function render2(value, indent, unit, eol) {
  return JSON.stringify(value, null, unit).split("\n").join(`${eol}${indent}`);
}
function appendMember(text, obj, key, value, parentIndent = "") {
  const eol = lineEnding(text);
  const { indent, unit } = layout(text, obj, parentIndent);
  const member = `${JSON.stringify(key)}: ${render2(value, indent, unit, eol)}`;
  const last = obj.members[obj.members.length - 1];
  if (last)
    return `${text.slice(0, last.valueEnd)},${eol}${indent}${member}${text.slice(last.valueEnd)}`;
  return `${text.slice(0, obj.open + 1)}${eol}${indent}${member}${text.slice(obj.open + 1)}`;
}
function replaceValue(text, member, value, indent, unit) {
  return `${text.slice(0, member.valueStart)}${render2(value, indent, unit, lineEnding(text))}${text.slice(member.valueEnd)}`;
}
function removeMember(text, obj, member) {
  const k = obj.members.indexOf(member);
  if (k < 0)
    throw new JsonTextError("not a member of this object");
  if (k > 0)
    return text.slice(0, obj.members[k - 1].valueEnd) + text.slice(member.valueEnd);
  const next = obj.members[1];
  if (next)
    return text.slice(0, member.keyStart) + text.slice(next.keyStart);
  let start = member.keyStart;
  while (start > obj.open + 1 && (text[start - 1] === " " || text[start - 1] === "	"))
    start--;
  if (text.startsWith("\r\n", start - 2))
    start -= 2;
  else if (text[start - 1] === "\n")
    start -= 1;
  return text.slice(0, start) + text.slice(member.valueEnd);
}
function memberLayout(text, obj, parentIndent = "") {
  return layout(text, obj, parentIndent);
}
var JsonTextError, WS;
var init_jsonText = __esm({
  "dist/src/install/jsonText.js"() {
    "use strict";
    JsonTextError = class extends Error {
    };
    WS = /* @__PURE__ */ new Set([" ", "	", "\n", "\r"]);
  }
});

// dist/src/install/hooks.js
async function hookCommand(root, hook) {
  const pkg = await fsp2().realpath(packageDir());
  const local = join(root, "node_modules", "chokepoint");
  const usesLocal = existsSync(local) && await fsp2().realpath(local) === pkg;
  const runner = usesLocal ? "node_modules/chokepoint/hooks/run.sh" : join(pkg, "hooks", "run.sh");
  const quoted = `'${runner.replace(/'/g, `'\\''`)}'`;
  const args = hook === "commit-msg" ? ' "$1"' : "";
  return `${MARKER}
[ -f ${quoted} ] || { echo "chokepoint: ${runner} is missing: reinstall chokepoint, or run chokepoint uninstall" >&2; exit 1; }
/bin/sh ${quoted} ${hook}${args}
`;
}
async function gitHooksDir(repo) {
  const out = (await git(["rev-parse", "--path-format=absolute", "--git-path", "hooks"], { cwd: repo.root })).toString("utf8").trim();
  return resolve(repo.root, out);
}
async function readIfExists(path) {
  try {
    return await fsp2().readFile(path, "utf8");
  } catch {
    return void 0;
  }
}
async function configHome(root) {
  const script = SCRIPT_CONFIGS.find((f) => existsSync(join(root, f)));
  if (script) {
    throw new UserError("environment", `simple-git-hooks is configured by ${script}, which chokepoint cannot edit safely`, { file: script }, `add "pre-commit": ${JSON.stringify(await hookCommand(root, "pre-commit"))} and "commit-msg" likewise to it by hand`);
  }
  const jsonFile = [".simple-git-hooks.json", "simple-git-hooks.json"].find((f) => existsSync(join(root, f)));
  const inPackage = !jsonFile && existsSync(join(root, "package.json"));
  if (!jsonFile && !inPackage)
    return void 0;
  const display = jsonFile ?? "package.json";
  const file = join(root, display);
  const load = async () => {
    const text = await fsp2().readFile(file, "utf8");
    try {
      JSON.parse(text);
      return { text, top: topObject(text) };
    } catch (err) {
      throw new UserError("config", `is not valid JSON: ${err.message}`, { file: display }, "fix the JSON, then run chokepoint install again");
    }
  };
  const hooksObject = (text, top) => {
    if (!inPackage)
      return { obj: top, indent: "" };
    const member = lastMember(top, PACKAGE_KEY);
    if (member === void 0)
      return void 0;
    if (text[member.valueStart] !== "{")
      throw new UserError("config", `"${PACKAGE_KEY}" is not an object`, { file: display }, "make it an object of hook commands, or remove it");
    return { obj: objectAt(text, member.valueStart), indent: memberLayout(text, top).indent };
  };
  return {
    file: display,
    async read() {
      const { text, top } = await load();
      const found = hooksObject(text, top);
      if (!found)
        return {};
      return Object.fromEntries(found.obj.members.map((m7) => [m7.key, JSON.parse(text.slice(m7.valueStart, m7.valueEnd))]));
    },
    async set(values) {
      let { text, top } = await load();
      const record2 = { createdObject: false, added: [], replaced: {} };
      if (!hooksObject(text, top)) {
        text = appendMember(text, top, PACKAGE_KEY, values);
        record2.createdObject = true;
      } else {
        for (const [key, value] of Object.entries(values)) {
          const found = hooksObject(text, top);
          const member = lastMember(found.obj, key);
          if (member === void 0) {
            text = appendMember(text, found.obj, key, value, found.indent);
            record2.added.push(key);
          } else {
            const before = text.slice(member.valueStart, member.valueEnd);
            const previous = JSON.parse(before);
            const { indent, unit } = memberLayout(text, found.obj, found.indent);
            text = replaceValue(text, member, value, indent, unit);
            if (!(typeof previous === "string" && isOurs(previous)) && JSON.stringify(previous) !== JSON.stringify(value))
              record2.replaced[key] = before;
          }
          top = topObject(text);
        }
      }
      await fsp2().writeFile(file, text);
      return record2;
    },
    async unset(keys, record2) {
      let { text, top } = await load();
      const found = hooksObject(text, top);
      if (!found)
        return;
      if (record2?.createdObject && inPackage) {
        const ours = /* @__PURE__ */ new Set([...keys, "preserveUnused"]);
        if (found.obj.members.every((m7) => ours.has(m7.key))) {
          await fsp2().writeFile(file, removeMember(text, top, lastMember(top, PACKAGE_KEY)));
          return;
        }
      }
      const remove = /* @__PURE__ */ new Set([...keys, ...record2?.added ?? []]);
      for (; ; ) {
        const obj = hooksObject(text, top).obj;
        const member = [...obj.members].reverse().find((m7) => remove.has(m7.key) && !(m7.key in (record2?.replaced ?? {})));
        if (member === void 0)
          break;
        text = removeMember(text, obj, member);
        top = topObject(text);
      }
      for (const [key, before] of Object.entries(record2?.replaced ?? {})) {
        const obj = hooksObject(text, top).obj;
        const member = lastMember(obj, key);
        if (member)
          text = text.slice(0, member.valueStart) + before + text.slice(member.valueEnd);
        top = topObject(text);
      }
      await fsp2().writeFile(file, text);
    }
  };
}
function chainAdvice(hook, command) {
  return `to keep your ${hook} hook and add chokepoint, append this to it:
${command.trimEnd()}
or run \`chokepoint install --force\` to replace it`;
}
async function install(repo, force) {
  const sgh = loadSimpleGitHooks();
  const hooksDir = await gitHooksDir(repo);
  const commands = Object.fromEntries(await Promise.all(HOOKS.map(async (h) => [h, await hookCommand(repo.root, h)])));
  const notes = [];
  for (const hook of HOOKS) {
    const path = join(hooksDir, hook);
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
      if (!force)
        throw new UserError("environment", messages.hookIsSymlink(hook, readlinkSync(path)), { file: path }, messages.hookIsSymlinkHint);
      await fsp2().rm(path);
    }
    const existing = await readIfExists(path);
    if (existing !== void 0 && !isOurs(existing) && !force) {
      throw new UserError("environment", `a ${hook} hook that chokepoint did not write is installed`, { file: join(hooksDir, hook) }, chainAdvice(hook, commands[hook]));
    }
  }
  const home = await configHome(repo.root);
  if (home) {
    const hooks = await home.read();
    for (const hook of HOOKS) {
      const current = hooks[hook];
      if (typeof current === "string" && !isOurs(current) && !force) {
        throw new UserError("config", `simple-git-hooks already runs ${JSON.stringify(current)} as ${hook}`, { file: home.file }, `chain the two: "${hook}": ${JSON.stringify(`${current} && ${commands[hook].trimEnd().split("\n").pop()}`)}, or run \`chokepoint install --force\``);
      }
    }
    const values = { ...commands };
    if (hooks.preserveUnused === void 0 || hooks.preserveUnused === false)
      values.preserveUnused = true;
    const record3 = await home.set(values);
    await saveRecord(repo, record3);
  }
  const record2 = join(repo.commonDir, "chokepoint", "node");
  await fsp2().mkdir(dirname(record2), { recursive: true });
  await fsp2().writeFile(record2, `${process.execPath}
`);
  const sghRoot = sgh.getGitProjectRoot(repo.root);
  const local = await runGit(["config", "--local", "core.hooksPath"], { cwd: repo.root });
  const sghDir = local.code === 0 && local.stdout.toString().trim() ? resolve(repo.root, local.stdout.toString().trim()) : sghRoot ? join(sghRoot, "hooks") : void 0;
  if (!home) {
  } else if (sghDir !== void 0 && resolve(sghDir) === hooksDir) {
    await quietly(() => sgh.setHooksFromConfig(repo.root, []));
  } else {
    notes.push(`simple-git-hooks would write to ${sghDir ?? "(nowhere)"}, but git reads hooks from ${hooksDir}: wrote the hooks there directly`);
  }
  for (const hook of HOOKS) {
    const path = join(hooksDir, hook);
    const expected = sgh.PREPEND_SCRIPT + commands[hook];
    if (await readIfExists(path) !== expected) {
      await fsp2().mkdir(hooksDir, { recursive: true });
      await fsp2().writeFile(path, expected);
    }
    await fsp2().chmod(path, 493);
    if (await readIfExists(path) !== expected)
      throw environmentError(`could not write the ${hook} hook at ${path}`);
  }
  return { hooksDir, configFile: home?.file, notes };
}
async function uninstall(repo) {
  const hooksDir = await gitHooksDir(repo);
  const notes = [];
  for (const hook of HOOKS) {
    const path = join(hooksDir, hook);
    const text = await readIfExists(path);
    if (isOurs(text))
      await fsp2().rm(path, { force: true });
    else if (text !== void 0)
      notes.push(`left ${path} alone: chokepoint did not write it`);
  }
  const home = await configHome(repo.root);
  if (home) {
    const hooks = await home.read();
    const ours = HOOKS.filter((k) => typeof hooks[k] === "string" && isOurs(hooks[k]));
    await home.unset(ours, loadRecord(repo));
  }
  await fsp2().rm(join(repo.commonDir, "chokepoint"), { recursive: true, force: true });
  return { hooksDir, configFile: home?.file, notes };
}
async function saveRecord(repo, record2) {
  const previous = loadRecord(repo);
  const merged = previous ? { createdObject: previous.createdObject || record2.createdObject, added: [.../* @__PURE__ */ new Set([...previous.added, ...record2.added])], replaced: { ...record2.replaced, ...previous.replaced } } : record2;
  await fsp2().mkdir(dirname(recordPath(repo)), { recursive: true });
  await fsp2().writeFile(recordPath(repo), JSON.stringify(merged));
}
function loadRecord(repo) {
  try {
    return JSON.parse(readFileSync(recordPath(repo), "utf8"));
  } catch {
    return void 0;
  }
}
async function quietly(fn) {
  const { info, log } = console;
  console.info = () => {
  };
  console.log = () => {
  };
  try {
    return await fn();
  } catch (err) {
    throw environmentError(`simple-git-hooks failed: ${typeof err === "string" ? err : err.message}`);
  } finally {
    console.info = info;
    console.log = log;
  }
}
var fsp2, HOOKS, MARKER, loadSimpleGitHooks, isOurs, SCRIPT_CONFIGS, PACKAGE_KEY, lastMember, recordPath;
var init_hooks = __esm({
  "dist/src/install/hooks.js"() {
    "use strict";
    init_node_module();
    init_node_fs();
    init_messages();
    init_node_path();
    init_version();
    init_git();
    init_errors();
    init_jsonText();
    fsp2 = () => process.getBuiltinModule("node:fs/promises");
    HOOKS = ["pre-commit", "pre-merge-commit", "commit-msg"];
    MARKER = "# managed by chokepoint install";
    loadSimpleGitHooks = () => createRequire(import.meta.url)("simple-git-hooks");
    isOurs = (text) => text !== void 0 && text.includes(MARKER);
    SCRIPT_CONFIGS = [".simple-git-hooks.cjs", ".simple-git-hooks.js", ".simple-git-hooks.mjs", "simple-git-hooks.cjs", "simple-git-hooks.js", "simple-git-hooks.mjs"];
    PACKAGE_KEY = "simple-git-hooks";
    lastMember = (obj, key) => [...obj.members].reverse().find((m7) => m7.key === key);
    recordPath = (repo) => join(repo.commonDir, "chokepoint", "install-edits.json");
  }
});

// dist/src/commands/install.js
var install_exports = {};
__export(install_exports, {
  installCommand: () => installCommand,
  uninstallCommand: () => uninstallCommand
});
async function installCommand(inv) {
  const repo = await openRepository(inv.common.cwd);
  const report = await install(repo, inv.force);
  for (const note of report.notes)
    process.stdout.write(`chokepoint: ${escapeVisibly(note)}
`);
  process.stdout.write(`chokepoint: installed pre-commit, pre-merge-commit and commit-msg hooks in ${escapeVisibly(report.hooksDir)} ${report.configFile !== void 0 ? `(config: ${escapeVisibly(report.configFile)})` : "(no package.json: written directly, nothing added to the working tree)"}
`);
  return 0;
}
async function uninstallCommand(inv) {
  const repo = await openRepository(inv.common.cwd);
  const report = await uninstall(repo);
  for (const note of report.notes)
    process.stdout.write(`chokepoint: ${escapeVisibly(note)}
`);
  process.stdout.write(`chokepoint: removed chokepoint's hooks from ${escapeVisibly(report.hooksDir)}
`);
  return 0;
}
var init_install = __esm({
  "dist/src/commands/install.js"() {
    "use strict";
    init_git();
    init_hooks();
    init_safeText();
  }
});

// dist/src/commands/explainGraph.js
function isGraphQuestion(path, exists) {
  if (isLockfile(path))
    return "lockfile";
  if (!exists && /^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(path))
    return "crate";
  return void 0;
}
async function explainGraph(source, config, question) {
  const rule = config.dependencies;
  const paths = await source.listPaths();
  const lockfiles = "lockfile" in question ? [question.lockfile] : paths.filter(isLockfile);
  const out = [import_picocolors2.default.bold("lockfile" in question ? question.lockfile : `crate ${question.crate}`)];
  if (!rule)
    return [...out, "  graph:     no [dependency_rule] in the config"];
  out.push(`  graph:     ${rule.graph ? "checked (graph = true)" : "not checked: `graph = true` in [dependency_rule] turns the check on"}`);
  if (lockfiles.length === 0)
    out.push("  lockfile:  none in the working tree");
  for (const lockPath of lockfiles) {
    const workspace = await readWorkspace(source, lockPath, paths);
    if (!workspace.ok) {
      for (const f of workspace.findings)
        out.push(`  ${import_picocolors2.default.red("invalid")}:   ${lockPath}${f.line ? `:${f.line}:${f.column}` : ""} ${f.message}`);
      continue;
    }
    const { graph, members } = workspace;
    const byPkg = new Map(members.map((m7) => [m7.pkg, m7]));
    out.push(`  lockfile:  ${lockPath} (version ${graph.version}): ${graph.packages.length} packages, ${members.length} workspace member${members.length === 1 ? "" : "s"} with a manifest here`);
    const banned = bannedPackages(graph, rule);
    const targets = "crate" in question ? graph.packages.flatMap((p, i) => p.name === question.crate ? [i] : []) : [...banned.keys()];
    if ("crate" in question && targets.length === 0)
      out.push(`  crate:     ${question.crate} is not in ${lockPath}`);
    if ("lockfile" in question && targets.length === 0)
      out.push("  banned:    no package of the lockfile matches a banned marker");
    const permitted = (from, to) => banned.has(to) && edgePermitted(graph, from, to, rule);
    for (const target of targets) {
      const p = graph.packages[target];
      const marker = banned.get(target)?.marker;
      const wrappers = (rule.wrappers ?? []).filter((w) => w.banned === marker);
      out.push(`  ${marker ? `${import_picocolors2.default.red("banned")}:    ` : "crate:     "}${p.name} ${p.version}${p.source ? ` (${p.source})` : ""}${marker ? ` \u2014 marker \`${marker}\`` : " \u2014 matches no banned marker"}`);
      for (const w of wrappers)
        out.push(`    wrappers: ${w.crates.join(", ")} \u2014 ${w.reason}`);
      let any = false;
      for (const member of members) {
        const { chains, complete } = everyChain(graph, member.pkg, target, () => false, CHAINS_SHOWN);
        for (const chain of chains) {
          any = true;
          const from = chain[chain.length - 2];
          const status = !marker ? "" : permitted(from, target) ? import_picocolors2.default.green(`permitted: ${graph.packages[from].name} is a listed wrapper`) : import_picocolors2.default.red("violation");
          const labels = chain.map((i, k) => k === 0 ? chainLabel(graph, i, byPkg) : `${graph.packages[i].name} ${graph.packages[i].version}`);
          out.push(`    ${labels.join(" \u2192 ")}${status ? `  ${status}` : ""}`);
        }
        if (!complete)
          out.push(import_picocolors2.default.dim(`    \u2026 more chains from ${chainLabel(graph, member.pkg, byPkg)}: the ${CHAINS_SHOWN} shortest are shown`));
      }
      if (!any)
        out.push("    no workspace member reaches it");
    }
  }
  return out;
}
var import_picocolors2, CHAINS_SHOWN;
var init_explainGraph = __esm({
  "dist/src/commands/explainGraph.js"() {
    "use strict";
    import_picocolors2 = __toESM(require_picocolors(), 1);
    init_graphScan();
    init_graph();
    CHAINS_SHOWN = 20;
  }
});

// dist/src/commands/explain.js
var explain_exports = {};
__export(explain_exports, {
  explainCommand: () => explainCommand
});
async function explainCommand(inv) {
  const { cwd } = inv.common;
  const repo = await openRepository(cwd);
  const path = repoRelativePath(repo, cwd, inv.path);
  const { config } = await loadConfig(repo, cwd, inv.common.config);
  const graphQuestion = isGraphQuestion(path, worktreeHas(repo.root, path));
  if (graphQuestion) {
    const source2 = worktreeSource(repo.root);
    const lines = await explainGraph(source2, config, graphQuestion === "lockfile" ? { lockfile: path } : { crate: inv.path });
    source2.close();
    process.stdout.write(`${lines.join("\n")}
`);
    return 0;
  }
  const matcher = inv.matcher ?? config.matcher;
  const scope = buildScope(config);
  const index = indexClasses(config.classes);
  const out = [import_picocolors3.default.bold(path)];
  const verdict = scope.classify(path);
  if (verdict.status === "scanned")
    out.push(`  scope:     scanned \u2014 included by ${JSON.stringify(verdict.includedBy)}, no exclude pattern matches`);
  else if (verdict.status === "excluded")
    out.push(`  scope:     excluded \u2014 included by ${JSON.stringify(verdict.includedBy)} but excluded by ${JSON.stringify(verdict.excludedBy)}`);
  else
    out.push(`  scope:     outside \u2014 ${verdict.removedBy ? `removed by ${JSON.stringify(verdict.removedBy)}` : `no include pattern matches (${config.scope.include.map((g) => JSON.stringify(g)).join(", ")})`}`);
  const manifest = scope.manifestPattern(path);
  if (manifest)
    out.push(`  manifest:  checked by the dependency rule (${JSON.stringify(manifest)})`);
  const source = worktreeSource(repo.root);
  const bytes = (await source.readFiles([path])).get(path);
  const text = bytes && decodeUtf8(bytes);
  const judge2 = await loadJudge();
  const analysis = text === void 0 ? void 0 : analyzeSource(text, index.needles, matcher, judge2, { crateRoot: isCrateRoot(path) });
  if (bytes === void 0)
    out.push("  file:      does not exist in the working tree");
  else if (text === void 0)
    out.push(`  file:      ${CATALOGUE["invalid-file"].message("utf8")}`);
  const declares = (p) => scope.classify(p).status === "scanned";
  const graph = partialGraph(moduleFactsReader(source, matcher, judge2), declares, () => source.filesSpelling(["path", "include"]));
  let reached = false;
  if (matcher === "precise" && verdict.status !== "scanned") {
    const by = (await graph.farReachesOf(path)).find((r) => r.kind !== "mod");
    reached = by !== void 0;
    if (by)
      out.push(`  reached:   judged as Rust all the same: \`${by.written()}\` at ${by.declarer}:${by.line} names it`);
  }
  let testReason;
  if (analysis) {
    const reason = analysis.testOnlyFile ? "the file starts with `#![cfg(test)]`" : matcher === "precise" ? await testCodeResolver(graph)(path) : void 0;
    testReason = reason;
    out.push(`  test code: ${reason ? `yes \u2014 ${reason}` : matcher === "line" ? "judged line by line (line matcher)" : "no"}`);
  }
  const entries = config.classes.flatMap((cls) => cls.allow.filter((e) => e.path === path).map((e) => ({ cls, e })));
  if (entries.length === 0)
    out.push("  allowlist: not allowlisted for any class");
  for (const { cls, e } of entries) {
    out.push(`  allowlist: ${cls.name}${e.needles ? ` (only ${e.needles.map((n) => `\`${n}\``).join(", ")})` : ""} \u2014 ${e.reason}`);
  }
  if (analysis) {
    if (analysis.hits.length === 0)
      out.push("  needles:   none in production code");
    for (const hit of analysis.hits) {
      for (const cls of index.classesOf.get(hit.needle) ?? []) {
        const ok = isSanctioned(index.allow.get(path)?.get(cls.name), hit.needle);
        const status = verdict.status !== "scanned" && !reached ? import_picocolors3.default.dim("not scanned") : testReason ? import_picocolors3.default.dim("test code, not checked") : ok ? import_picocolors3.default.green("allowlisted") : import_picocolors3.default.red("violation");
        out.push(`  needle:    ${path}:${hit.line}:${hit.column} \`${hit.needle}\` (class ${cls.name}) \u2014 ${status}`);
      }
    }
  }
  source.close();
  process.stdout.write(`${out.join("\n")}
`);
  return 0;
}
var import_picocolors3;
var init_explain = __esm({
  "dist/src/commands/explain.js"() {
    "use strict";
    import_picocolors3 = __toESM(require_picocolors(), 1);
    init_catalogue();
    init_git();
    init_load();
    init_scope();
    init_sources();
    init_explainGraph();
    init_bannedApi();
    init_decode();
    init_modules();
    init_judge();
    init_rust();
  }
});

// dist/src/commands/hook.js
var hook_exports = {};
__export(hook_exports, {
  hookCommand: () => hookCommand2
});
async function hookCommand2(inv) {
  const { cwd } = inv.common;
  const repo = await openRepository(cwd);
  const reason = takeBypass(repo);
  if (reason !== void 0) {
    await addBypassTrailer(repo.root, resolve(cwd, inv.messageFile), reason);
    process.stderr.write(`chokepoint: recorded the bypass in the commit message (Chokepoint-Bypass: ${escapeVisibly(reason)})
`);
  }
  return 0;
}
var init_hook = __esm({
  "dist/src/commands/hook.js"() {
    "use strict";
    init_node_path();
    init_git();
    init_record();
    init_safeText();
  }
});

// dist/src/commands/baseline.js
var baseline_exports = {};
__export(baseline_exports, {
  baselineCommand: () => baselineCommand
});
async function baselineCommand(inv) {
  const { cwd } = inv.common;
  const values = { config: inv.common.config, prune: inv.prune };
  const run = await runCheck({ cwd, target: { kind: "all", from: "worktree" }, configPath: values.config, useBaseline: false });
  const all = run.result.findings;
  const current = countFindings(all);
  const configPath = relative(run.repo.root, run.config.file).split(sep).join("/");
  const path = baselinePathFor(configPath);
  const abs = join(run.repo.root, path);
  let counts = current;
  let previous;
  if (values.prune) {
    try {
      previous = parseBaseline(await fsp3().readFile(abs, "utf8"), path);
    } catch (err) {
      if (err.code !== "ENOENT")
        throw err;
    }
  }
  if (values.prune) {
    if (!previous)
      throw usageError(messages.baselineMissing(path), messages.baselineMissingHint);
    counts = pruneCounts(previous, current);
  }
  await fsp3().writeFile(abs, renderBaseline(counts));
  const out = [];
  if (values.prune)
    out.push(messages.baselinePruned(path, totalCount(previous) - totalCount(counts), totalCount(counts)));
  else
    out.push(messages.baselineWritten(path, totalCount(counts), counts.size));
  const unrecordable = all.filter((f) => !isRecordable(f));
  for (const f of unrecordable)
    out.push(`  ${f.path ?? "(whole tree)"}${f.line !== void 0 ? `:${f.line}` : ""}  [${f.kind}] ${f.message}`);
  if (unrecordable.length)
    out.push(messages.baselineUnrecordable(unrecordable.length));
  process.stdout.write(`${out.join("\n")}
`);
  return unrecordable.length ? 1 : 0;
}
var fsp3;
var init_baseline2 = __esm({
  "dist/src/commands/baseline.js"() {
    "use strict";
    init_node_path();
    init_errors();
    init_messages();
    init_run();
    init_baseline();
    fsp3 = () => process.getBuiltinModule("node:fs/promises");
  }
});

// dist/src/hookStart.js
var hookStart_exports = {};
__export(hookStart_exports, {
  isHookCommandLine: () => isHookCommandLine,
  prefetchStagedCheck: () => prefetchStagedCheck
});
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
var init_hookStart = __esm({
  "dist/src/hookStart.js"() {
    "use strict";
    init_git();
    init_changes();
    init_blobs();
    init_indexSnapshot();
    init_file();
    init_fastPath();
  }
});

// dist/src/cli.js
init_node_fs();
init_node_path();
init_errors();

// dist/src/options.js
init_node_path();

// builtin:node:util
var m3 = process.getBuiltinModule("node:util");
var parseArgs = m3.parseArgs;

// dist/src/options.js
init_errors();
init_messages();
init_reason();
var OPTIONS = {
  staged: { type: "boolean" },
  all: { type: "boolean" },
  cached: { type: "boolean" },
  rev: { type: "string" },
  since: { type: "string" },
  config: { type: "string" },
  format: { type: "string" },
  cwd: { type: "string" },
  strict: { type: "boolean" },
  matcher: { type: "string" },
  bypass: { type: "string" },
  "recorded-bypass": { type: "string" },
  from: { type: "string" },
  force: { type: "boolean" },
  prune: { type: "boolean" },
  "reasons-from-group-comments": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
var FORMATS = ["human", "json", "sarif", "github"];
var COMMANDS = ["check", "init", "install", "uninstall", "explain", "hook", "baseline"];
var ACCEPTS = {
  check: ["staged", "all", "cached", "rev", "since", "format", "strict", "matcher", "bypass", "recorded-bypass"],
  init: ["from", "force", "reasons-from-group-comments"],
  install: ["force"],
  uninstall: [],
  explain: ["matcher"],
  hook: [],
  baseline: ["prune"]
};
function readArgs(argv) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError(err.message.replace(/\. To specify a positional argument.*$/s, ""), messages.usageHint);
  }
}
function currentDirectory() {
  try {
    return process.cwd();
  } catch {
    throw environmentError(messages.cwdGone, messages.cwdGoneHint);
  }
}
function commonOf(values) {
  const cwd = values.cwd !== void 0 && isAbsolute(values.cwd) ? resolve(values.cwd) : resolve(currentDirectory(), values.cwd ?? ".");
  return { cwd, ...values.config !== void 0 ? { config: values.config } : {} };
}
function chooseTarget(values, files) {
  const chosen = [values.staged, values.all, values.since !== void 0, files.length > 0].filter(Boolean).length;
  if (chosen > 1)
    throw usageError(messages.conflictingModes, messages.usageHint);
  if ((values.cached || values.rev !== void 0) && !values.all)
    throw usageError(messages.cachedNeedsAll, messages.usageHint);
  if (values.cached && values.rev !== void 0)
    throw usageError(messages.cachedAndRev, messages.usageHint);
  if (values["recorded-bypass"] !== void 0 && values.since === void 0)
    throw usageError(messages.recordedBypassNeedsSince, messages.usageHint);
  if (values.all)
    return { kind: "all", from: values.cached ? "index" : values.rev !== void 0 ? { rev: values.rev } : "worktree" };
  if (values.since !== void 0)
    return { kind: "since", rev: values.since };
  if (files.length)
    return { kind: "files", files };
  return { kind: "staged" };
}
function chooseFormat(value) {
  const format = value ?? "human";
  if (!FORMATS.includes(format))
    throw usageError(messages.unknownValue("format", format), `use one of ${FORMATS.join(", ")}`);
  return format;
}
function chooseMatcher(value) {
  if (value === void 0)
    return void 0;
  if (value !== "precise" && value !== "line")
    throw usageError(messages.unknownValue("matcher", value), "use precise or line");
  return value;
}
function choosePolicy(value) {
  if (value === void 0)
    return void 0;
  if (value !== "pass" && value !== "fail")
    throw usageError(messages.unknownValue("recorded-bypass", value), "use pass or fail");
  return value;
}
function noArguments(command, positionals, usage) {
  if (positionals.length)
    throw usageError(messages.unexpectedArgument(positionals[0]), `usage: ${usage}`);
  void command;
}
function parseCommandLine(argv, env) {
  const { values, positionals } = readArgs(argv);
  if (values.help)
    return { command: "help" };
  if (values.version)
    return { command: "version" };
  const [first, ...rest] = positionals;
  if (first !== void 0 && !COMMANDS.includes(first))
    throw usageError(messages.unknownCommand(first), messages.usageHint);
  const command = first ?? "check";
  for (const [name, value] of Object.entries(values)) {
    if (value === void 0 || name === "cwd" || name === "config")
      continue;
    if (!ACCEPTS[command].includes(name))
      throw usageError(messages.optionNotFor(name, command), messages.usageHint);
  }
  const common = commonOf(values);
  switch (command) {
    case "check": {
      const target = chooseTarget(values, rest);
      const raw = values.bypass ?? env.CHOKEPOINT_BYPASS;
      return {
        command,
        common,
        target,
        format: chooseFormat(values.format),
        matcher: chooseMatcher(values.matcher),
        strict: values.strict ?? false,
        bypass: raw === void 0 ? void 0 : normaliseBypassReason(raw),
        recordedBypass: choosePolicy(values["recorded-bypass"])
      };
    }
    case "init":
      noArguments(command, rest, "chokepoint init [--from GUARDS.rs [--reasons-from-group-comments]] [--force]");
      if (values["reasons-from-group-comments"] && values.from === void 0)
        throw usageError(messages.groupCommentsNeedFrom, "usage: chokepoint init --from GUARDS.rs --reasons-from-group-comments");
      return { command, common, from: values.from, force: values.force ?? false, reasonsFromGroupComments: values["reasons-from-group-comments"] ?? false };
    case "install":
      noArguments(command, rest, "chokepoint install [--force]");
      return { command, common, force: values.force ?? false };
    case "uninstall":
      noArguments(command, rest, "chokepoint uninstall");
      return { command, common };
    case "explain":
      if (rest.length !== 1)
        throw usageError("usage: chokepoint explain PATH", "name one file, e.g. chokepoint explain crates/net/src/socket.rs");
      return { command, common, path: rest[0], matcher: chooseMatcher(values.matcher) };
    case "hook": {
      const [name, messageFile] = rest;
      if (name !== "commit-msg" || messageFile === void 0 || rest.length !== 2) {
        throw usageError("usage: chokepoint hook commit-msg MESSAGE_FILE", "this command is run by the installed commit-msg hook");
      }
      return { command, common, hook: name, messageFile };
    }
    case "baseline":
      noArguments(command, rest, "chokepoint baseline [--prune] [--config PATH]");
      return { command, common, prune: values.prune ?? false };
  }
}

// dist/src/cli.js
init_safeText();
var HELP = `chokepoint \u2014 keep a Rust project's host access behind its reviewed chokepoints

Usage:
  chokepoint                         check the staged files (what the pre-commit hook runs)
  chokepoint check --staged          the same
  chokepoint check --all             full audit of the working tree, with sanity checks
                                     (--cached: audit the index; --rev REV: audit a commit)
  chokepoint --all                   alias of check --all
  chokepoint check FILE...           check these working-tree files (for lint-staged);
                                     a directory stands for its in-scope files
  chokepoint check --since REV       files changed since the merge base with REV, plus sanity checks
  chokepoint init [--from GUARDS.rs] write chokepoint.toml (--from imports an architecture_guards.rs test;
                                     --reasons-from-group-comments lets a group's heading comment be its entries' reason)
  chokepoint install [--force]       register the pre-commit and commit-msg hooks (simple-git-hooks)
  chokepoint uninstall               remove the hooks chokepoint installed
  chokepoint explain PATH            is PATH in scope, test code, allowlisted, and what it contains
  chokepoint explain Cargo.lock|CRATE  every dependency chain to each banned crate (or to CRATE)
  chokepoint baseline [--prune]      record today's findings in chokepoint-baseline.json so only new ones fail
                                     (--prune only lowers or removes entries the code has outgrown)

Options:
  --config PATH      config file (default: chokepoint.toml at the repository root)
  --format F         human (default), json, sarif or github
  --cwd DIR          run as if started in DIR
  --strict           warnings fail the run too
  --matcher M        precise (default) or line (reproduces the seed test's verdicts)
  --bypass REASON    report findings but exit 0, recording the reason (also CHOKEPOINT_BYPASS)
  --recorded-bypass pass|fail
                     with --since: whether findings whose commit records a bypass pass
                     (default: [bypass] allow_in_ci in the config, else fail)
  -h, --help         this text
  -v, --version      the version

Exit codes: 0 clean (or bypassed), 1 findings, 2 usage, config or environment error.
`;
async function main(argv) {
  const invocation = parseCommandLine(argv, process.env);
  switch (invocation.command) {
    case "help":
      process.stdout.write(HELP);
      return 0;
    case "version": {
      const { readPackageVersion: readPackageVersion2 } = await Promise.resolve().then(() => (init_version(), version_exports));
      process.stdout.write(`${readPackageVersion2()}
`);
      return 0;
    }
    case "check": {
      const { target, common } = invocation;
      if (target.kind === "staged")
        await prefetchStagedCheck2(common.cwd, common.config === void 0);
      if (target.kind !== "all")
        (await Promise.resolve().then(() => (init_judge(), judge_exports))).loadJudge().catch(() => void 0);
      if (target.kind === "all" && target.from === "worktree")
        await prefetchWorktreeAudit(common.cwd);
      return (await Promise.resolve().then(() => (init_check(), check_exports))).checkCommand(invocation);
    }
    case "init":
      return (await Promise.resolve().then(() => (init_init(), init_exports))).initCommand(invocation);
    case "install":
      return (await Promise.resolve().then(() => (init_install(), install_exports))).installCommand(invocation);
    case "uninstall":
      return (await Promise.resolve().then(() => (init_install(), install_exports))).uninstallCommand(invocation);
    case "explain":
      return (await Promise.resolve().then(() => (init_explain(), explain_exports))).explainCommand(invocation);
    case "hook":
      return (await Promise.resolve().then(() => (init_hook(), hook_exports))).hookCommand(invocation);
    case "baseline":
      return (await Promise.resolve().then(() => (init_baseline2(), baseline_exports))).baselineCommand(invocation);
  }
}
async function prefetchWorktreeAudit(dir) {
  if (!existsSync(join(dir, ".git", "index")))
    return;
  const [{ prefetchGit: prefetchGit2, REPOSITORY_QUERY: REPOSITORY_QUERY2 }, { WORKTREE_FILES_ARGS: WORKTREE_FILES_ARGS2, WORKTREE_DELETED_ARGS: WORKTREE_DELETED_ARGS2 }] = await Promise.all([Promise.resolve().then(() => (init_git(), git_exports)), Promise.resolve().then(() => (init_sources(), sources_exports))]);
  prefetchGit2(REPOSITORY_QUERY2, dir);
  prefetchGit2(WORKTREE_FILES_ARGS2, dir);
  prefetchGit2(WORKTREE_DELETED_ARGS2, dir);
}
async function prefetchStagedCheck2(dir, defaultConfig) {
  await (await Promise.resolve().then(() => (init_hookStart(), hookStart_exports))).prefetchStagedCheck(dir, defaultConfig);
}
function reportError(err) {
  const user = err instanceof UserError ? err : systemError(err);
  if (user) {
    process.stderr.write(`chokepoint: ${user.describe(escapeVisibly)}
`);
    return 2;
  }
  const detail = process.env.CHOKEPOINT_DEBUG ? `
${err?.stack ?? String(err)}` : " (set CHOKEPOINT_DEBUG=1 to see where)";
  process.stderr.write(`chokepoint: internal error \u2014 please report it: ${escapeVisibly(String(err?.message ?? err))}${detail}
`);
  return 2;
}
function systemError(err) {
  const e = err;
  const why = e?.code !== void 0 ? SYSTEM_ERRORS[e.code] : void 0;
  if (why === void 0)
    return void 0;
  return environmentError(`${e.syscall ?? "access"} ${e.path ?? ""}: ${why}`.replace(/ :/, ":"), "fix the permissions or free space, or run chokepoint where it can write");
}
var SYSTEM_ERRORS = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded"
};
function handshake(code) {
  const nonce = process.env.CHOKEPOINT_HOOK_NONCE;
  if (nonce === void 0)
    return;
  try {
    writeSync(3, `chokepoint-verdict ${nonce} ${code}`);
  } catch {
  }
}
function exitWhenWritten(code) {
  handshake(code);
  process.exitCode = code;
  let pending = 2;
  const written = () => {
    if (--pending === 0)
      process.exit(code);
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}
main(process.argv.slice(2)).then(exitWhenWritten, (err) => exitWhenWritten(reportError(err)));
export {
  HELP,
  main
};
