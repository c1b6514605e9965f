import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import toml from 'toml';
import { importGuards } from '../src/config/importGuards.js';
import { UserError } from '../src/errors.js';

import { SEED, testNeeding } from './helpers.js';

interface Imported {
  matcher: string;
  scope: { include: string[]; exclude: string[]; min_files?: number; count_excluded?: boolean };
  class: { name: string; reason: string; use_instead?: string; needles: string[]; allow?: { path: string; reason: string }[] }[];
  dependency_rule?: { manifests: string[]; banned: string[]; forbid_escaping_paths: boolean };
}

function load(rust: string, file = 'crates/app/tests/guards.rs'): { text: string; config: Imported } {
  const text = importGuards(rust, file);
  // Plain objects (the parser returns null-prototype tables) for deepEqual.
  return { text, config: JSON.parse(JSON.stringify(toml.parse(text))) as Imported };
}

/** 1-based line and column of the first occurrence of `needle` in `src`. */
function at(src: string, needle: string): { line: number; column: number } {
  const idx = src.indexOf(needle);
  assert.ok(idx >= 0, `test bug: ${needle} not in source`);
  const before = src.slice(0, idx);
  const line = before.split('\n').length;
  return { line, column: idx - before.lastIndexOf('\n') };
}

function importError(rust: string, file = 'tests/guards.rs'): UserError {
  try {
    importGuards(rust, file);
  } catch (err) {
    assert.ok(err instanceof UserError, `expected a UserError, got ${String(err)}`);
    assert.equal(err.kind, 'import');
    assert.equal(err.where?.file, file);
    return err;
  }
  assert.fail('expected the import to fail');
}

function assertErrorAt(rust: string, needle: string, message: RegExp, column = true): UserError {
  const err = importError(rust);
  const pos = at(rust, needle);
  assert.match(err.message, message);
  assert.equal(err.where?.line, pos.line, `line of: ${err.describe()}`);
  if (column) assert.equal(err.where?.column, pos.column, `column of: ${err.describe()}`);
  assert.ok(err.hint === undefined || err.hint.length > 0);
  return err;
}

/** The allow entries of one class as [path, reason] rows. */
function allowRows(c: Imported['class'][number] | undefined): [string, string][] {
  assert.ok(c, 'class missing');
  return (c.allow ?? []).map((a) => [a.path, a.reason]);
}

// ---------------------------------------------------------------------------
// A guard of the seed's general shape but with its own names, layout and quirks.
// ---------------------------------------------------------------------------

const WIDGETS = String.raw`//! Host-access boundary for the widget workspace.
//! (Inner docs are not class reasons.)

use std::path::{Path, PathBuf};

struct Rule {
    name: &'static str,
    needles: &'static [&'static str],
    allowlist: &'static [&'static str],
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

fn sources(base: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let pkgs = base.join("components");
    for pkg in std::fs::read_dir(&pkgs).unwrap().flatten().map(|e| e.path()) {
        let lib = pkg.join("lib");
        if lib.is_dir() {
            walk(&lib, base, &mut found);
        }
    }
    found
}

fn walk(dir: &Path, base: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("listable") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if matches!(name, "generated" | "fixtures") || name.starts_with('.') {
                continue;
            }
            walk(&path, base, found);
        } else if name.ends_with(".rs") {
            found.push(path.strip_prefix(base).unwrap().to_path_buf());
        }
    }
}

/// Files that are never scanned.
fn skip_file(p: &Path) -> bool {
    let text = p.to_str().unwrap_or("");
    text.starts_with("components/legacy/")
        || p.ends_with("mod_gen.rs")
        || p == Path::new("components/core/lib/unsafe_glue.rs")
        || (text.contains("[shim]"))
        || text.ends_with("{x}.rs")
}

/// Disk access.
///
/// Only the storage layer touches the disk;
/// everything else asks it.
const DISK_ALLOW: &[&str] = &[
    "components/store/lib/disk.rs", // the one true disk module
    // caches
    // (rebuilt at startup)
    "components/store/lib/cache.rs",
    "components/store/lib/cache_index.rs", /* index file */

    "components/store/lib/warm.rs",
];

/// Sockets: route everything through the gateway.
fn sockets() -> Rule {
    Rule {
        name: "sockets",
        needles: &["std::net", r#"mio::net"#, "http://"],
        allowlist: &[
            // the gateway owns egress
            "components/gateway/lib/conn.rs",
            "components/gateway/lib/tls.rs", // "TLS" wrapper around C:\certs
        ],
    }
}

fn disk() -> Rule {
    Rule {
        name: "disk",
        needles: &[
            "std::fs", // the usual
            "File::open",
        ],
        allowlist: DISK_ALLOW,
    }
}

fn spawn() -> Rule {
    Rule { name: "spawn", needles: &["Command::new"], allowlist: &[] }
}

const FORBIDDEN_DEPS: &[&str] = &["legacy-rpc", "Telemetry"];

#[test]
fn boundaries_hold() {
    let files = sources(&workspace());
    assert!(files.len() >= 12, "walk found only {} files", files.len());
    for rule in [sockets(), disk(), spawn()] {
        let _ = (rule.name, rule.needles, rule.allowlist, &files);
    }
}

#[test]
fn no_forbidden_dependencies() {
    let base = workspace();
    let mut manifests = vec![base.join("Cargo.toml")];
    for pkg in std::fs::read_dir(base.join("components")).unwrap() {
        manifests.push(pkg.unwrap().path().join("Cargo.toml"));
    }
    for manifest in manifests {
        let text = std::fs::read_to_string(&manifest).unwrap();
        for marker in FORBIDDEN_DEPS {
            assert!(!text.contains(marker), "{manifest:?} depends on {marker}");
        }
    }
}
`;

test('imports a guard with its own names: classes in source order, needles, reasons from docs and comments', () => {
  const { config } = load(WIDGETS);
  assert.deepEqual(
    config.class.map((c) => c.name),
    ['sockets', 'disk', 'spawn'],
  );
  const [sockets, disk, spawn] = config.class;
  assert.deepEqual(sockets?.needles, ['std::net', 'mio::net', 'http://']);
  assert.equal(sockets?.reason, 'Sockets: route everything through the gateway.');
  assert.deepEqual(allowRows(sockets), [
    ['components/gateway/lib/conn.rs', 'the gateway owns egress'],
    ['components/gateway/lib/tls.rs', '"TLS" wrapper around C:\\certs'],
  ]);
  assert.deepEqual(disk?.needles, ['std::fs', 'File::open']);
  assert.equal(disk?.reason, 'Disk access. Only the storage layer touches the disk; everything else asks it.');
  assert.deepEqual(allowRows(disk), [
    ['components/store/lib/disk.rs', 'the one true disk module'],
    ['components/store/lib/cache.rs', 'caches (rebuilt at startup)'],
    ['components/store/lib/cache_index.rs', 'index file'],
    // A blank line and another entry stand between it and the comment: quoted, not taken.
    ['components/store/lib/warm.rs', 'imported from guards.rs without a comment of its own; the nearest comment above (line 59) says: caches (rebuilt at startup)'],
  ]);
  assert.deepEqual(spawn?.needles, ['Command::new']);
  assert.equal(spawn?.reason, 'imported from crates/app/tests/guards.rs: `spawn` host access is confined to its allowlist');
  assert.equal(spawn?.allow, undefined);
  for (const c of config.class) assert.equal(c.use_instead, undefined);
});

test('maps the walk, skips, exclusion forms, a >= threshold and const dependency markers', () => {
  const { config } = load(WIDGETS);
  assert.equal(config.matcher, 'precise');
  assert.deepEqual(config.scope, {
    include: [
      'components/*/lib/**/*.rs',
      '!components/*/lib/**/generated/**',
      '!components/*/lib/**/fixtures/**',
      '!components/*/lib/**/.*/**',
    ],
    exclude: ['components/legacy/**', '**/mod_gen.rs', 'components/core/lib/unsafe_glue.rs', '**\\[shim\\]**', '**\\{x\\}.rs'],
    min_files: 12,
    count_excluded: true,
  });
  assert.deepEqual(config.dependency_rule, {
    manifests: ['Cargo.toml', 'components/*/Cargo.toml'],
    banned: ['legacy-rpc', 'Telemetry'],
    forbid_escaping_paths: false,
  });
});

test('output is commented TOML that names its source and the seed-compatible matcher', () => {
  const { text } = load(WIDGETS, 'crates/app/tests/guards.rs');
  const lines = text.split('\n');
  assert.equal(lines[0], '# chokepoint.toml — imported from crates/app/tests/guards.rs by `chokepoint init --from`');
  const matcherLine = lines.find((l) => l.startsWith('matcher'));
  assert.match(matcherLine ?? '', /^matcher = "precise"\s+#.*--matcher line/);
  assert.ok(!/^matcher = "line"/m.test(text));
  assert.ok(text.endsWith('\n'));
  // Sections appear in the schema's order.
  const order = ['[scope]', '[[class]]', '[[class.allow]]', '[dependency_rule]'].map((h) => text.indexOf(`\n${h}\n`));
  assert.ok(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!)), `section order: ${order.join(',')}`);
});

// ---------------------------------------------------------------------------
// A minimal guard: no comments, no dependency guard, no numeric threshold,
// the collector called straight from the test and filtering with the exclusion fn.
// ---------------------------------------------------------------------------

const MINIMAL = String.raw`use std::ffi::OsStr;
use std::path::{Path, PathBuf};

pub struct Banned { pub name: &'static str, pub needles: &'static [&'static str], pub allowlist: &'static [&'static str] }

const ENV_ALLOW: &[&str] = &["src/config.rs", "src/main.rs"];

fn env_rule() -> Banned {
    Banned { name: "env", needles: &["env::var"], allowlist: ENV_ALLOW }
}

fn is_ignored(s: &str) -> bool {
    s == "src/generated.rs" || s.ends_with("_test.rs") || false
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = dir.read_dir().unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension() == Some(OsStr::new("rs")) && !is_ignored(&p.to_string_lossy()) {
            out.push(p);
        }
    }
}

#[test]
fn env_reads_are_confined() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    assert!(!files.is_empty());
    let rule = env_rule();
    let _ = (rule.name, rule.needles, rule.allowlist);
}
`;

test('a minimal guard: default reasons, no dependency rule, walk-side filtering', () => {
  const { text, config } = load(MINIMAL, 'guards/minimal.rs');
  assert.deepEqual(config.class, [
    {
      name: 'env',
      reason: 'imported from guards/minimal.rs: `env` host access is confined to its allowlist',
      needles: ['env::var'],
      allow: [
        { path: 'src/config.rs', reason: 'imported from minimal.rs without a justifying comment' },
        { path: 'src/main.rs', reason: 'imported from minimal.rs without a justifying comment' },
      ],
    },
  ]);
  assert.deepEqual(config.scope, {
    include: ['src/**/*.rs'],
    exclude: ['src/generated.rs', '**_test.rs'],
    min_files: 1,
    // The walk itself drops ignored files, so the count only sees scanned files.
    count_excluded: false,
  });
  assert.equal(config.dependency_rule, undefined);
  assert.ok(!text.includes('[dependency_rule]'));
});

test('a guard without any file-count assertion leaves min_files out, with a note', () => {
  const src = MINIMAL.replace('    assert!(!files.is_empty());\n', '');
  const { text, config } = load(src);
  assert.equal(config.scope.min_files, undefined);
  assert.equal(config.scope.count_excluded, undefined);
  assert.match(text, /# min_files: .*no file-count threshold/);
});

// ---------------------------------------------------------------------------
// Explicit use_instead / reason fields, a shared needle const, a skip-name const,
// a strict `>` threshold given as a const, and lexer corner cases.
// ---------------------------------------------------------------------------

const FIELDS = String.raw`use std::path::{Path, PathBuf};

struct Class<'a> {
    name: &'a str,
    reason: &'a str,
    use_instead: &'a str,
    needles: &'a [&'a str],
    allowlist: &'a [&'a str],
}

const PROC_NEEDLES: &[&str] = &["Command::new", r##"fork("#"##];
const SKIP_DIRS: &[&str] = &["target", "vendor"];
const MIN: usize = 4_usize;

const PROC_ALLOW: [&str; 2] = [
    /* a "quoted" block comment with a // inside /* and nesting */ */
    "tools/run/src/spawn.rs",
    'x: "tools/run/src/lifetime_o'.rs"
];

fn classes() -> Vec<Class<'static>> {
    vec![
        Class {
            name: "proc",
            reason: "Spawning is audited.\nSee \"SECURITY.md\".",
            use_instead: "tools/run/src/spawn.rs",
            needles: PROC_NEEDLES,
            allowlist: &PROC_ALLOW,
        },
    ]
}

fn rs_files(dir: &Path, acc: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let n = p.file_name().unwrap().to_string_lossy().into_owned();
        if SKIP_DIRS.contains(&n.as_str()) {
            continue;
        }
        if p.is_dir() {
            rs_files(&p, acc);
        } else if p.extension().map_or(false, |x| x == "rs") {
            acc.push(p);
        }
    }
}

fn all(root: &Path) -> Vec<PathBuf> {
    let mut acc = vec![];
    rs_files(&root.join("tools/run").join("src"), &mut acc);
    acc
}

#[test]
fn scan() {
    let files = all(Path::new("."));
    assert!(MIN < files.len());
    let _ = classes();
}
`;

test('struct fields use_instead and reason, const needles, skip-name consts, lexer corner cases', () => {
  // FIELDS carries one broken entry for the error test below; this copy repairs it.
  const src = FIELDS.replace(`    'x: "tools/run/src/lifetime_o'.rs"\n`, `    "tools/run/src/it's.rs"\n`);
  const { config } = load(src);
  assert.deepEqual(config.class, [
    {
      name: 'proc',
      reason: 'Spawning is audited.\nSee "SECURITY.md".',
      use_instead: 'tools/run/src/spawn.rs',
      needles: ['Command::new', 'fork("#'],
      allow: [
        { path: 'tools/run/src/spawn.rs', reason: 'a "quoted" block comment with a // inside /* and nesting */' },
        { path: "tools/run/src/it's.rs", reason: 'imported from guards.rs without a comment of its own; the nearest comment above (line 16) says: a "quoted" block comment with a // inside /* and nesting */' },
      ],
    },
  ]);
  assert.deepEqual(config.scope, {
    include: ['tools/run/src/**/*.rs', '!tools/run/src/**/target/**', '!tools/run/src/**/target', '!tools/run/src/**/vendor/**', '!tools/run/src/**/vendor'],
    exclude: [],
    min_files: 5,
    count_excluded: true,
  });
});

test('a stray non-literal inside an allowlist array is reported where it is', () => {
  assertErrorAt(FIELDS, `'x: "tools`, /allowlist entry must be a string literal/);
});

test('a malformed escape in a string is an error at its backslash, never a crash', () => {
  for (const [escape, message] of [
    ['\\u{-1}', /malformed `\\u\{…\}` escape/],
    ['\\u{110000}', /malformed `\\u\{…\}` escape/],
    ['\\u12', /malformed `\\u\{…\}` escape/],
    ['\\q', /unknown escape `\\q`/],
  ] as const) {
    const rust = FIELDS.replace('"tools', `"${escape}tools`);
    assert.notEqual(rust, FIELDS, 'test bug: FIELDS has no "tools');
    assertErrorAt(rust, escape, message);
  }
});

// ---------------------------------------------------------------------------
// The seed itself.
// ---------------------------------------------------------------------------

testNeeding('imports the seed guard', { [`the seed guards test at ${SEED}`]: existsSync(SEED) }, {}, () => {
  const { config } = load(readFileSync(SEED, 'utf8'), 'crates/sidecar/tests/architecture_guards.rs');
  assert.equal(config.matcher, 'precise');
  assert.deepEqual(
    config.class.map((c) => c.name),
    ['fs', 'net', 'process', 'env'],
  );
  const [fs, net, proc, env] = config.class;
  assert.deepEqual(fs?.needles, ['std::fs', 'tokio::fs', 'File::open', 'File::create', 'OpenOptions', 'openat']);
  assert.match(fs?.reason ?? '', /^fs: host filesystem access\. Sanctioned surface: the sidecar host-FS plumbing/);
  assert.ok(!(fs?.reason ?? '').includes('\n'));
  assert.equal(fs?.allow?.length, 13);
  assert.deepEqual(fs?.allow?.[0], { path: 'crates/sidecar/src/filesystem.rs', reason: 'sidecar host-FS chokepoint + bootstrap' });
  assert.deepEqual(fs?.allow?.[8], { path: 'crates/execution/src/python.rs', reason: 'language-runtime asset / module loaders (read host runtime assets)' });
  assert.equal(net?.needles.length, 13);
  assert.ok(net?.needles.includes('.to_socket_addrs('));
  assert.ok(net?.needles.includes('reqwest '));
  assert.deepEqual(
    net?.allow?.find((a) => a.path === 'crates/kernel/src/dns.rs'),
    { path: 'crates/kernel/src/dns.rs', reason: 'kernel network plane' },
  );
  assert.deepEqual(
    net?.allow?.find((a) => a.path === 'crates/v8-runtime/src/embedded_runtime.rs')?.reason,
    'embedded runtime IPC socketpair (not external egress)',
  );
  assert.equal(net?.allow?.length, 12);
  assert.match(proc?.reason ?? '', /^process: OS subprocess creation\./);
  assert.deepEqual(allowRows(proc), [['crates/secure-exec-client/src/transport.rs', 'imported from architecture_guards.rs without a justifying comment']]);
  assert.equal(env?.allow?.length, 5);
  assert.ok(env?.allow?.every((a) => a.reason === 'imported from architecture_guards.rs without a justifying comment'));
  assert.deepEqual(config.scope, {
    include: ['crates/*/src/**/*.rs', '!crates/*/src/**/bin/**'],
    exclude: ['**build.rs', '**build_support.rs', '**v8_bridge_build.rs', 'crates/execution/src/benchmark.rs', '**\\/src/bin/**'],
    min_files: 31,
    count_excluded: true,
  });
  assert.deepEqual(config.dependency_rule, {
    manifests: ['crates/*/Cargo.toml'],
    banned: ['agent', 'acp', 'session'],
    forbid_escaping_paths: false,
  });
});

// ---------------------------------------------------------------------------
// Errors: every unmappable piece names its line.
// ---------------------------------------------------------------------------

test('an exclusion condition of an unknown form is an error at that condition', () => {
  const src = WIDGETS.replace('        || text.ends_with("{x}.rs")\n', '        || text.len() > 200\n');
  assertErrorAt(src, 'text.len() > 200', /cannot import this exclusion condition of `skip_file`/);
  const conj = WIDGETS.replace('        || text.ends_with("{x}.rs")\n', '        || text.ends_with("a.rs") && text.contains("b")\n');
  assertErrorAt(conj, 'text.ends_with("a.rs") &&', /exclusion condition/);
  const negated = MINIMAL.replace('s.ends_with("_test.rs")', '!s.ends_with("_test.rs")');
  assertErrorAt(negated, '!s.ends_with', /exclusion condition/);
  const pathContains = WIDGETS.replace('p.ends_with("mod_gen.rs")', 'p.contains("mod_gen.rs")');
  assertErrorAt(pathContains, 'p.contains', /exclusion condition/);
});

test('a needle that is not a string literal is an error at the needle', () => {
  const src = WIDGETS.replace('"File::open",', 'FILE_OPEN,');
  assertErrorAt(src, 'FILE_OPEN,', /needle must be a string literal, not `FILE_OPEN`/);
  const call = WIDGETS.replace(`r#"mio::net"#`, 'concat!("mio", "::net")');
  assertErrorAt(call, 'concat!', /needle must be a string literal/);
});

test('an allowlist const that is referenced but missing is an error at the reference', () => {
  const src = WIDGETS.replace('allowlist: DISK_ALLOW,', 'allowlist: DISC_ALLOW,');
  // DISK_ALLOW is now unused as well, but the dangling reference is reported first.
  assertErrorAt(src, 'DISC_ALLOW', /`DISC_ALLOW` is referenced here but is not defined in this file/);
});

test('a class without needles is an error at the class literal', () => {
  const src = MINIMAL.replace('Banned { name: "env", needles: &["env::var"], allowlist: ENV_ALLOW }', 'Banned { name: "env", allowlist: ENV_ALLOW }');
  assertErrorAt(src, 'Banned { name: "env"', /class `env` has no needles/);
  const empty = MINIMAL.replace('needles: &["env::var"]', 'needles: &[]');
  assertErrorAt(empty, 'needles: &[]', /class `env` has no needles/);
});

test('other unmappable rule data is an error naming its line', () => {
  // A string-list const that is neither allowlist, needles nor markers.
  const extra = WIDGETS.replace('const FORBIDDEN_DEPS', 'const EXTRA_PATHS: &[&str] = &["a.rs"];\nconst FORBIDDEN_DEPS');
  assertErrorAt(extra, 'EXTRA_PATHS', /cannot import const `EXTRA_PATHS`/);
  // An *_ALLOW const that no class uses.
  const orphan = WIDGETS.replace('const FORBIDDEN_DEPS', 'const NET_ALLOW: &[&str] = &["a.rs"];\nconst FORBIDDEN_DEPS');
  assertErrorAt(orphan, 'NET_ALLOW', /allowlist `NET_ALLOW` is not used by any banned class/);
  // A class fn whose body is not a literal.
  const builder = WIDGETS.replace('    Rule { name: "spawn", needles: &["Command::new"], allowlist: &[] }\n', '    make_rule("spawn")\n');
  assertErrorAt(builder, 'spawn() -> Rule', /cannot import class fn `spawn`/);
  // An unknown field in a class literal.
  const field = MINIMAL.replace('Banned { name: "env",', 'Banned { severity: 3, name: "env",').replace('pub name:', 'pub severity: u8, pub name:');
  assertErrorAt(field, 'severity: 3', /cannot import field `severity`/);
  // A duplicate allowlist entry.
  const dup = MINIMAL.replace('"src/main.rs"]', '"src/main.rs", "src/config.rs"]');
  assertErrorAt(dup, '"src/config.rs"]', /listed twice/);
  // A path that is not repo-relative.
  const abs = MINIMAL.replace('"src/main.rs"]', '"/etc/main.rs"]');
  assertErrorAt(abs, '"/etc/main.rs"', /is absolute/);
  // A marker that chokepoint would read as a glob.
  const glob = WIDGETS.replace('"Telemetry"', '"tele*"');
  assertErrorAt(glob, '"tele*"', /reads as a glob/);
  // Two classes with one name.
  const twice = WIDGETS.replace('name: "spawn"', 'name: "disk"');
  assertErrorAt(twice, 'Rule { name: "disk"', /class `disk` is defined twice/);
});

test('a skip helper that does not judge file paths is reported, not read as exclusions', () => {
  const helper = MINIMAL.replace(
    'fn collect(',
    'fn skip_line(l: &str) -> bool {\n    l.trim_start().starts_with("//")\n}\n\nfn uses(raw: &str) -> bool { skip_line(raw.trim()) }\n\nfn collect(',
  );
  assertErrorAt(helper, 'skip_line(l: &str)', /cannot tell whether `skip_line` excludes files/);
});

test('a file-count check that is not `len() > N` is reported', () => {
  const ne = WIDGETS.replace('assert!(files.len() >= 12, "walk found only {} files", files.len());', 'assert_ne!(files.len(), 0);');
  assertErrorAt(ne, 'files.len(), 0', /cannot import this file-count threshold/);
});

test('walk shapes that cannot be mapped are errors at their line', () => {
  // A filter in the driver that the importer cannot express.
  const filtered = WIDGETS.replace('.flatten().map(|e| e.path())', '.flatten().map(|e| e.path()).filter(|p| !p.ends_with("experimental"))');
  assertErrorAt(filtered, '"experimental"', /cannot import the walk: the literal "experimental"/);
  // A skip condition that is not a name test.
  const size = WIDGETS.replace('|| name.starts_with(\'.\')', '|| path.metadata().unwrap().len() > 10');
  assertErrorAt(size, 'path.metadata()', /cannot import this skip condition/);
  // An iterative walk (no recursive collector).
  const iterative = String.raw`struct C { name: &'static str, needles: &'static [&'static str], allowlist: &'static [&'static str] }
fn c() -> C { C { name: "fs", needles: &["std::fs"], allowlist: &[] } }
fn files(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut stack = vec![root.join("src")];
    let mut out = vec![];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() { let p = e.unwrap().path(); if p.is_dir() { stack.push(p) } else { out.push(p) } }
    }
    out
}
`;
  assertErrorAt(iterative, 'read_dir(&d)', /cannot import the walk/, false);
  // No walk at all.
  const none = String.raw`struct C { name: &'static str, needles: &'static [&'static str], allowlist: &'static [&'static str] }
fn c() -> C { C { name: "fs", needles: &["std::fs"], allowlist: &[] } }
`;
  const err = importError(none);
  assert.match(err.message, /found no file walk/);
  // A join with a computed directory name.
  const computed = WIDGETS.replace('let lib = pkg.join("lib");', 'let lib = pkg.join(format!("li{}", "b"));');
  assertErrorAt(computed, 'format!', /cannot tell which directory/);
});

test('files without banned classes, or that are not Rust, are import errors', () => {
  assert.match(importError('fn main() {}\n').message, /found no banned-API classes/);
  const unterminated = 'const A_ALLOW: &[&str] = &["a.rs];\n';
  const err = importError(unterminated);
  assert.match(err.message, /unterminated string/);
  assert.equal(err.where?.line, 1);
  assert.equal(err.where?.column, 28);
  const unbalanced = importError('fn f() {\n    let x = (1;\n}\n');
  assert.match(unbalanced.message, /unbalanced/);
  assert.equal(unbalanced.where?.line, 3);
  assert.match(unbalanced.describe(), /^tests\/guards\.rs:3:1: unbalanced/);
});
