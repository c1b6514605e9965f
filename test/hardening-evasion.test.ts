// Hardening against evasion: every spelling of a banned path that a Rust
// programmer can write and that the precise semantics cover is found, through
// the real CLI (`chokepoint check FILE --format json`) on a temporary
// repository. What chokepoint deliberately does not see (docs/matching.md,
// "Known limits") is pinned as "known limit: …" so a change in behaviour is noticed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeRepo, parseJson, type Repo } from './helpers.js';

const CONFIG = `
[scope]
include = ["src/**/*.rs"]
min_files = 1

[[class]]
name = "fs"
reason = "host files only through the fs chokepoint"
needles = ["std::fs", "tokio::fs", "File::open"]

[[class]]
name = "net"
reason = "sockets only through the net chokepoint"
needles = ["std::net", "TcpStream"]

[[class]]
name = "env"
reason = "no host environment in the guest"
needles = ["env::var("]

[[class]]
name = "process"
reason = "no host processes"
needles = ["std::process::Command"]
`;

let repo: Repo;
let counter = 0;
/** Every finding of every `found` call, as `path needle@line:col`, for the --all cross-check. */
const everything: string[] = [];

before(async () => {
  repo = await makeRepo({ 'chokepoint.toml': CONFIG, 'src/lib.rs': 'pub fn ok() {}\n' });
});
after(() => repo.cleanup());

/** Checks `source` as a file of its own; returns `needle@line:col` per finding, in report order. */
async function found(source: string): Promise<string[]> {
  const path = `src/case_${++counter}.rs`;
  repo.write(path, source);
  const r = await repo.chokepoint(['check', path, '--format', 'json']);
  assert.equal(r.stderr, '', 'no error output');
  const out = parseJson(r.stdout);
  assert.equal(out.stats.files_scanned, 1);
  assert.equal(r.exitCode, out.findings.length > 0 ? 1 : 0, r.stdout);
  return out.findings.map((f) => {
    assert.equal(f.kind, 'banned-api');
    assert.equal(f.path, path);
    const at = `${String(f.needle)}@${String(f.line)}:${String(f.column)}`;
    everything.push(`${path} ${at}`);
    return at;
  });
}

// --- use trees ---------------------------------------------------------------

test('grouped use: each path reported at its own position', async () => {
  assert.deepEqual(await found('use std::{fs, net::TcpStream};\n'), ['std::fs@1:11', 'std::net@1:15', 'TcpStream@1:20']);
});

test('nested use groups, renames inside groups, a group of one group', async () => {
  assert.deepEqual(await found('use std::{io::{self, Read}, net::{TcpListener, {TcpStream as S}}, {fs::{File, OpenOptions}}};\n'), [
    'std::net@1:29',
    'TcpStream@1:49',
    'std::fs@1:68',
  ]);
});

test('a use group spread over lines, with trailing commas', async () => {
  assert.deepEqual(await found('use std::{\n    io,\n    fs::{\n        self,\n        File,\n    },\n};\n'), ['std::fs@3:5']);
});

test('`self` in a group: `use std::fs::{self, File}` and `use std::{fs::{self}}`', async () => {
  assert.deepEqual(await found('use std::fs::{self, File};\n'), ['std::fs@1:5']);
  assert.deepEqual(await found('use std::{fs::{self}};\n'), ['std::fs@1:11']);
});

test('`as` renames: plain and in a group', async () => {
  assert.deepEqual(await found('use std::fs as disk;\npub fn f() { disk::read("x"); }\n'), ['std::fs@1:5', 'std::fs@2:14']);
  assert.deepEqual(await found('use std::{fs as disk, net as wire};\n'), ['std::fs@1:11', 'std::net@1:23']);
});

test('glob imports: `use std::fs::*` and globs in a group', async () => {
  assert.deepEqual(await found('use std::fs::*;\n'), ['std::fs@1:5']);
  assert.deepEqual(await found('use std::{fs::*, net::*};\n'), ['std::fs@1:11', 'std::net@1:18']);
});

test('leading `::` in an expression, a use, and before a group', async () => {
  assert.deepEqual(await found('pub fn f() { ::std::fs::read("x"); }\n'), ['std::fs@1:16']);
  assert.deepEqual(await found('use ::std::fs;\n'), ['std::fs@1:7']);
  assert.deepEqual(await found('use ::{std::fs};\n'), ['std::fs@1:8']);
});

test('`pub(crate) use`, `pub(in path) use`, `pub(super) use`', async () => {
  assert.deepEqual(await found('pub(crate) use std::fs;\n'), ['std::fs@1:16']);
  assert.deepEqual(await found('pub(in crate::a) use std::fs::File;\n'), ['std::fs@1:22']);
  assert.deepEqual(await found('pub(super) use std::{net::TcpStream};\n'), ['std::net@1:22', 'TcpStream@1:27']);
});

test('`use` inside a fn body and inside a nested block', async () => {
  assert.deepEqual(await found('pub fn f() {\n    use std::fs;\n    fs::read("x");\n}\n'), ['std::fs@2:9', 'std::fs@3:5']);
  assert.deepEqual(await found('pub fn f() {\n    {\n        use std::fs::read;\n        read("x");\n    }\n}\n'), ['std::fs@3:13', 'std::fs@4:9']);
  // Outside the block that imports it, the name is another one.
  assert.deepEqual(await found('pub fn f() {\n    { use std::fs::read; }\n    read("x");\n}\n'), ['std::fs@2:11']);
});

test('a multi-segment needle through a group: `use std::process::{Command, Stdio}`', async () => {
  assert.deepEqual(await found('use std::process::{Command, Stdio};\n'), ['std::process::Command@1:20']);
  assert.deepEqual(await found('use std::{process::{self, Command as C}};\n'), ['std::process::Command@1:27']);
});

// --- trivia and raw identifiers inside the path ---------------------------------

test('line breaks inside the path', async () => {
  assert.deepEqual(await found('pub fn f() {\n    std\n        ::fs\n        ::read("x");\n}\n'), ['std::fs@2:5']);
});

test('block comments (nested too) inside the path', async () => {
  assert.deepEqual(await found('pub fn f() { std /* a */ :: /* b /* nested */ */ fs::read("x"); }\n'), ['std::fs@1:14']);
});

test('a line comment inside the path', async () => {
  assert.deepEqual(await found('pub fn f() {\n    std:: // the standard library\n    fs::read("x");\n}\n'), ['std::fs@2:5']);
});

test('comments and line breaks inside a use group', async () => {
  assert.deepEqual(await found('use std:: /* c */ {\n    // c\n    fs, /* c */\n};\n'), ['std::fs@3:5']);
});

test('raw identifiers: `std::r#fs`, `use r#std::r#fs`, `use std::{r#fs}` (reported at the identifier after `r#`)', async () => {
  assert.deepEqual(await found('pub fn f() { std::r#fs::read("x"); }\n'), ['std::fs@1:14']);
  assert.deepEqual(await found('use r#std::r#fs;\n'), ['std::fs@1:7']);
  assert.deepEqual(await found('use std::{r#fs};\n'), ['std::fs@1:13']);
});

// --- literals before the path must not swallow it --------------------------------

test('a path after a string containing `//`', async () => {
  assert.deepEqual(await found('pub fn f() { let u = "http://example.com"; std::fs::read(u); }\n'), ['std::fs@1:44']);
});

test('a path after a string containing `/*`', async () => {
  assert.deepEqual(await found('pub fn f() { let g = "src/*.rs"; std::fs::read(g); }\n'), ['std::fs@1:34']);
});

test('a path after a byte string with an escaped quote and `//`', async () => {
  assert.deepEqual(await found('pub fn f() { let s = b"\\"//"; std::fs::read("x"); }\n'), ['std::fs@1:31']);
});

test("a path after the char literal '\"' (and after '\\'')", async () => {
  assert.deepEqual(await found("pub fn f() { let q = '\"'; std::fs::read(\"x\"); }\n"), ['std::fs@1:27']);
  assert.deepEqual(await found("pub fn f() { let q = '\\''; std::fs::read(\"x\"); }\n"), ['std::fs@1:28']);
});

test("a path after a lifetime 'a and after a loop label", async () => {
  assert.deepEqual(await found("pub fn f<'a>(s: &'a str) -> &'a str { std::fs::read(s); s }\n"), ['std::fs@1:39']);
  assert.deepEqual(await found("pub fn f() { 'outer: loop { std::fs::read(\"x\"); break 'outer; } }\n"), ['std::fs@1:29']);
});

test('a path after a raw string containing `"#`', async () => {
  assert.deepEqual(await found('pub fn f() { let s = r##"a "# b "##; std::fs::read(s); }\n'), ['std::fs@1:38']);
});

// --- positions that are not statements ------------------------------------------

test('paths in types, generics and qualified paths', async () => {
  assert.deepEqual(await found('pub fn f(x: std::fs::File) -> std::fs::Metadata { x.metadata().unwrap() }\n'), ['std::fs@1:13', 'std::fs@1:31']);
  assert.deepEqual(await found('pub fn f() -> Vec<std::net::TcpStream> { vec![] }\n'), ['std::net@1:19', 'TcpStream@1:29']);
  assert.deepEqual(await found('pub fn f() { <std::fs::File as std::io::Read>::read; }\n'), ['std::fs@1:15']);
});

test('needles that are not module paths: `File::open`, `env::var(`, `std::process::Command`', async () => {
  assert.deepEqual(await found('use std::fs::File;\npub fn f() { File::open("x"); }\n'), ['std::fs@1:5', 'File::open@2:14']);
  assert.deepEqual(await found('pub fn f() { std::env::var("K"); env::var("K"); }\n'), ['env::var(@1:19', 'env::var(@1:34']);
  assert.deepEqual(await found('pub fn f() { std::process :: Command::new("sh"); }\n'), ['std::process::Command@1:14']);
});

// --- macros ----------------------------------------------------------------------

test('inside a macro_rules! body, a path written out is found (the body is scanned as code, invoked or not)', async () => {
  assert.deepEqual(await found('macro_rules! read_host {\n    ($p:expr) => {\n        std::fs::read($p)\n    };\n}\n'), ['std::fs@3:9']);
});

// --- cfg attributes that are not test-only -----------------------------------------

test('`#[cfg(any(test, unix))]` is production code: found', async () => {
  assert.deepEqual(await found('#[cfg(any(test, unix))]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
});

test('`#[cfg(not(test))]` is production code: found', async () => {
  assert.deepEqual(await found('#[cfg(not(test))]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
});

test('`#[cfg_attr(test, …)]` is production code: found', async () => {
  assert.deepEqual(await found('#[cfg_attr(test, allow(dead_code))]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('#[cfg_attr(test, path = "x.rs")]\nmod m {\n    pub fn f() { std::fs::read("x"); }\n}\n'), ['std::fs@3:18']);
});

test('cfgs that only look like test: `cfg(tests)`, `cfg(feature = "test")`, `cfg(test = "x")`, `#[test_case]`', async () => {
  assert.deepEqual(await found('#[cfg(tests)]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('#[cfg(feature = "test")]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('#[cfg(test = "x")]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('#[test_case]\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@2:14']);
});

test('a test-only item ends where it ends: the code after it is production code', async () => {
  assert.deepEqual(await found('pub fn f() {\n    #[cfg(test)]\n    let _t = 1;\n    std::fs::read("x");\n}\n'), ['std::fs@4:5']);
  assert.deepEqual(await found('#[cfg(test)]\nstruct T;\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@3:14']);
  assert.deepEqual(await found('#[cfg(test)]\nconst C: [u8; 2] = [0; 2];\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@3:14']);
  assert.deepEqual(await found('#[cfg(test)]\nfn t() { let s = "}"; let c = \'}\'; }\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@3:14']);
  assert.deepEqual(await found('pub struct S {\n    #[cfg(test)]\n    a: u8,\n    b: std::fs::File,\n}\n'), ['std::fs@4:8']);
});

test('`#[cfg(test)]` in a comment or a string does not make the next item test code', async () => {
  assert.deepEqual(await found('// #[cfg(test)]\nmod m {\n    pub fn f() { std::fs::read("x"); }\n}\n'), ['std::fs@3:18']);
  assert.deepEqual(await found('const S: &str = "#[cfg(test)]";\nmod m {\n    pub fn f() { std::fs::read("x"); }\n}\n'), ['std::fs@3:18']);
});

test('`#![cfg(test)]` inside a fn body makes only that fn test code, not the file', async () => {
  assert.deepEqual(await found('pub fn g() {\n    #![cfg(test)]\n}\npub fn f() { std::fs::read("x"); }\n'), ['std::fs@4:14']);
});

test('really test-only code is skipped (the control for the tests above)', async () => {
  assert.deepEqual(await found('#[cfg(test)]\nmod tests {\n    use std::fs;\n    #[test]\n    fn t() { std::fs::read("x"); }\n}\n'), []);
  assert.deepEqual(await found('#[cfg(all(test, unix))]\npub fn f() { std::fs::read("x"); }\n'), []);
  assert.deepEqual(await found('#[tokio::test]\nasync fn t() { std::fs::read("x"); }\n'), []);
});

// --- known limits: pinned current behaviour -------------------------------------------

test('known limit: a path assembled by a macro from pieces (`std::$m`, `$a::$b`) is not found', async () => {
  assert.deepEqual(await found('macro_rules! host {\n    ($m:ident) => {\n        std::$m::read("x")\n    };\n}\npub fn f() { host!(fs); }\n'), []);
  assert.deepEqual(await found('macro_rules! p { ($a:ident, $b:ident) => { $a::$b::read("x") }; }\npub fn f() { p!(std, fs); }\n'), []);
});

test('known limit: `concat!` building a path is not found (it is a string, not code)', async () => {
  assert.deepEqual(await found('pub fn f() { let p = concat!("std::", "fs"); }\n'), []);
});

test('known limit: a re-export through a sanctioned module is reported only where the banned path is written', async () => {
  // The re-exporting module is where the path is written (and where an allowlist entry would sanction it) …
  assert.deepEqual(await found('pub use std::fs as host;\n'), ['std::fs@1:9']);
  // … its users are not seen.
  assert.deepEqual(await found('use crate::host::read;\npub fn f() { host::read("x"); read("y"); }\n'), []);
});

test('a rename is followed: `use std::fs as f; f::read` is reported at the use and at `f::read`', async () => {
  assert.deepEqual(await found('use std::fs as f;\npub fn g() { f::read("x"); }\n'), ['std::fs@1:5', 'std::fs@2:14']);
  // `F::open` reads as `std::fs::File::open`: `std::fs` and `File::open` overlap there, the longer is the finding.
  assert.deepEqual(await found('use std::fs::File as F;\npub fn g() { F::open("x"); }\n'), ['std::fs@1:5', 'File::open@2:14']);
});

test('a crate alias (`extern crate std as s;`, `use std as s;`, `use std::{self as s}`) is followed', async () => {
  assert.deepEqual(await found('extern crate std as s;\npub fn g() { s::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('use std as s;\npub fn g() { s::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('use std::{self as s};\npub fn g() { s::fs::read("x"); }\n'), ['std::fs@2:14']);
  assert.deepEqual(await found('extern crate std as s;\nuse s::fs;\n'), ['std::fs@2:5']);
});

test('a glob import of a parent (`use std::*;`) then `fs::read` is reported (the name is ambiguous: report)', async () => {
  assert.deepEqual(await found('use std::*;\npub fn g() { fs::read("x"); }\n'), ['std::fs@2:14']);
  // A glob of a banned module: the call of a name it may supply is reported too.
  assert.deepEqual(await found('use std::fs::*;\npub fn g() { read("x"); }\n'), ['std::fs@1:5', 'std::fs@2:14']);
  // … but not a name the file declares itself.
  assert.deepEqual(await found('use std::fs::*;\nfn read(_: u8) {}\npub fn g() { read(1); }\n'), ['std::fs@1:5']);
});

test('the most common idiom: `use std::process; process::Command::new(…)`', async () => {
  assert.deepEqual(await found('use std::process;\npub fn g() { process::Command::new("ls"); }\n'), ['std::process::Command@2:14']);
});

test('a path that merely contains a needle is another path: `cap_std::fs`, `not_std::fs`, `crate::std::fs`', async () => {
  assert.deepEqual(await found('pub fn g() { cap_std::fs::Dir::open("x"); not_std::fs::x(); crate::std::fs::y(); }\n'), []);
  assert.deepEqual(await found('use cap_std::fs::Dir;\npub fn g() { Dir::open("x"); }\n'), []);
});

test('known limit: a module of the crate re-exporting a banned path hides it from the files that use it', async () => {
  // Another file's `pub use std::fs as host;` cannot be seen from this one.
  assert.deepEqual(await found('use crate::platform::host;\npub fn g() { host::read("x"); }\n'), []);
  assert.deepEqual(await found('use crate::platform::*;\npub fn g() { host::read("x"); }\n'), []);
});

test('known limit: a needle ending in `(` is not found with a space or turbofish before the parenthesis', async () => {
  // Whitespace is only dropped around `::`; `env::var (` and `env::var::<…>(` are other text.
  assert.deepEqual(await found('pub fn f() { std::env::var ("K"); }\n'), []);
  assert.deepEqual(await found('pub fn f() { std::env::var::<&str>("K"); }\n'), []);
});

test('known limit: any attribute path ending in `::test` marks a test function (`#[my::test]` is skipped)', async () => {
  assert.deepEqual(await found('#[my::test]\npub fn g() { std::fs::read("x"); }\n'), []);
});

test('a raw string that ends early is lexed as Rust does: what follows is an unterminated string, not code', async () => {
  // r#"a "# is the whole literal; ` b"#; …` then opens a string that never closes.
  assert.deepEqual(await found('pub fn f() { let s = r#"a "# b"#; std::fs::read(s); }\n'), []);
});

test('the full audit of all the files above reports exactly what each `check FILE` reported', async () => {
  const r = await repo.chokepoint(['--all', '--format', 'json']);
  const out = parseJson(r.stdout);
  assert.equal(r.exitCode, everything.length > 0 ? 1 : 0, r.stderr);
  assert.equal(out.stats.files_scanned, counter + 1);
  const all = out.findings.map((f) => `${String(f.path)} ${String(f.needle)}@${String(f.line)}:${String(f.column)}`);
  assert.deepEqual([...all].sort(), [...everything].sort());
});
