// Deterministic synthetic Rust workspaces for the benchmark.
//
// A workspace looks like the project the seed test comes from: `crates/<name>/`
// with a Cargo manifest and a module tree under `src/` (lib.rs, mod.rs and
// 2018-style `name.rs` + `name/` modules, out-of-line `#[cfg(test)] mod tests;`
// files, `src/bin/` tools, a benchmark module), the guards test copied to
// `crates/sidecar/tests/`, and `chokepoint.toml` imported from it.
//
// The tree is deliberately GREEN for both the seed test and chokepoint (both
// matchers): banned needles appear in code only in files allowlisted for their
// class (and narrowed needles are honoured), in excluded files (bin/,
// benchmark.rs) when the config excludes them, and elsewhere only where both
// the seed and the precise matcher ignore them: `//` and doc comments, inline
// `#[cfg(test)] mod tests { … }` bodies and single-line `#[cfg(test)] use …;`
// items. Strings holding `//` (URLs) and `{`/`}` occur in production code only,
// so the seed's line and brace heuristics stay in step with the lexer. Every
// production code line is checked against the needles while it is written, so
// a vocabulary mistake fails the generator instead of skewing the measurement.
//
// Everything comes from a seeded PRNG: the same size and seed give the same
// bytes (and, with the fixed commit dates below, the same commit id).

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import toml from 'toml';

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough to shape test data. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  real(): number {
    return this.next();
  }
}

// ---------------------------------------------------------------------------
// What the config asks for
// ---------------------------------------------------------------------------

export interface AllowRule {
  path: string;
  /** Narrowed entry: only these needles of the class are sanctioned. */
  needles?: string[];
}

export interface ClassRule {
  name: string;
  needles: string[];
  allow: AllowRule[];
}

/** The parts of chokepoint.toml the generator must respect to keep the tree green. */
export interface Plan {
  classes: ClassRule[];
  /** Every needle of every class (rg searches exactly these). */
  needles: string[];
  /** Banned dependency markers (case-insensitive substrings). */
  bannedMarkers: string[];
  /** The config excludes `src/bin/` trees: tools there may use banned APIs. */
  excludesBin: boolean;
  /** The config excludes `crates/execution/src/benchmark.rs`. */
  excludesBenchmark: boolean;
}

const BENCHMARK_PATH = 'crates/execution/src/benchmark.rs';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads the plan from a chokepoint.toml (as written by `chokepoint init --from`). */
export function planFromConfig(text: string): Plan {
  const doc = record(toml.parse(text));
  const classes: ClassRule[] = [];
  for (const raw of Array.isArray(doc.class) ? doc.class : []) {
    const table = record(raw);
    const name = typeof table.name === 'string' ? table.name : `class${classes.length}`;
    const allow = (Array.isArray(table.allow) ? table.allow : []).map((entry): AllowRule => {
      const e = record(entry);
      const narrowed = Array.isArray(e.needles) ? strings(e.needles) : undefined;
      return { path: typeof e.path === 'string' ? e.path : '', ...(narrowed ? { needles: narrowed } : {}) };
    });
    classes.push({ name, needles: strings(table.needles), allow: allow.filter((a) => a.path !== '') });
  }
  if (classes.length === 0 || classes.every((c) => c.needles.length === 0)) {
    throw new Error('chokepoint.toml has no [[class]] tables with needles that the bench understands');
  }
  const scope = record(doc.scope);
  const scopeGlobs = [...strings(scope.include), ...strings(scope.exclude)];
  return {
    classes,
    needles: [...new Set(classes.flatMap((c) => c.needles))],
    bannedMarkers: strings(record(doc.dependency_rule).banned).map((m) => m.toLowerCase()),
    excludesBin: scopeGlobs.some((g) => g.includes('/bin/')),
    excludesBenchmark: scopeGlobs.includes(BENCHMARK_PATH),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regexp matching any of `needles`, or undefined when there are none. */
function anyOf(needles: readonly string[]): RegExp | undefined {
  return needles.length ? new RegExp(needles.map(escapeRegExp).join('|')) : undefined;
}

// ---------------------------------------------------------------------------
// Vocabulary (checked: no needle of the seed can be formed from it)
// ---------------------------------------------------------------------------

const NOUNS = [
  'frame', 'handle', 'request', 'reply', 'buffer', 'slot', 'entry', 'inode', 'mount', 'channel', 'payload',
  'limit', 'quota', 'budget', 'token', 'cursor', 'offset', 'span', 'record', 'event', 'signal', 'timer',
  'worker', 'task', 'lease', 'grant', 'policy', 'rule', 'route', 'target', 'header', 'digest', 'chunk', 'page',
  'block', 'region', 'segment', 'snapshot', 'module', 'binding', 'isolate', 'context', 'scope', 'realm',
  'descriptor', 'pipe', 'queue', 'ticket', 'waker', 'permit', 'marker', 'cookie', 'epoch', 'generation',
  'manifest', 'asset', 'symbol', 'export', 'import', 'closure', 'callback', 'promise', 'microtask', 'heap',
] as const;

const TYPE_SUFFIXES = ['Table', 'Registry', 'Config', 'State', 'Builder', 'Snapshot', 'Guard', 'Map', 'Queue', 'Pool', 'Driver', 'Bridge', 'Codec', 'Id', 'Kind', 'Spec', 'Stats', 'Handle', 'Ref', 'Set'] as const;

const VERBS = ['decode', 'encode', 'resolve', 'dispatch', 'register', 'release', 'acquire', 'flush', 'drain', 'poll', 'insert', 'remove', 'lookup', 'validate', 'apply', 'merge', 'split', 'reset', 'advance', 'schedule', 'cancel', 'attach', 'detach', 'translate', 'normalize'] as const;

const MODULE_NAMES = [
  'runtime', 'dispatch', 'handles', 'resources', 'limits', 'policy', 'frames', 'codec', 'stream', 'buffer',
  'pipes', 'signals', 'timers', 'scheduler', 'workers', 'memory', 'heap', 'snapshot', 'bindings', 'modules',
  'loader', 'resolver', 'cache', 'metrics', 'tracing_glue', 'errors', 'config', 'types', 'util', 'sync',
  'queue', 'channel', 'events', 'poll', 'table', 'inode', 'mount', 'paths', 'perms', 'quota', 'ident',
  'registry', 'driver', 'guest', 'syscall', 'ops', 'lifecycle', 'wire', 'bridge', 'isolate', 'realm', 'hooks',
  'promise', 'microtask', 'console', 'encoding', 'digest', 'crypto_shim', 'clock', 'random', 'ports', 'rpc',
] as const;

const PRIMITIVES = ['u8', 'u16', 'u32', 'u64', 'usize', 'i32', 'i64', 'bool', 'String', 'Vec<u8>', 'Option<u32>', 'Duration', 'Bytes', 'Arc<str>', 'PathBuf'] as const;

const USE_LINES = [
  'use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};',
  'use std::sync::{Arc, Mutex, RwLock};',
  'use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};',
  'use std::time::{Duration, Instant};',
  'use std::io::{self, Read, Write};',
  'use std::fmt;',
  'use std::path::{Path, PathBuf};',
  'use std::borrow::Cow;',
  'use std::{cmp::Ordering as CmpOrdering, mem, ops::Range};',
  'use serde::{Deserialize, Serialize};',
  'use thiserror::Error;',
  'use tracing::{debug, trace, warn};',
  'use bytes::{Buf, BufMut, Bytes, BytesMut};',
  'use tokio::sync::{mpsc, oneshot, Notify};',
  'use tokio::time::{sleep, timeout};',
  'use parking_lot::Mutex as FastMutex;',
  'use crate::error::{Error, Result};',
  'use super::*;',
] as const;

/** Lines that mention banned APIs in comments: ignored by the seed and by the precise matcher alike. */
const NEEDLE_COMMENTS = [
  '// Host access goes through crate::host, never std::fs directly.',
  '// NOTE: no std::net::TcpStream:: here: guest sockets live in the kernel socket table.',
  '// Unlike Command::new, guest spawns are dispatched through the CommandDriver registry.',
  '// Configuration was read with env::var( at bootstrap; do not read it again here.',
  '/// Unlike [`std::fs::read`], this reads through the virtual filesystem.',
  '/// Never calls `tokio::process` or `std::process::Command`; see the transport.',
  '//! Nothing in this module touches std::env::var or OpenOptions: it is pure bookkeeping.',
] as const;

/**
 * The token mix: how often banned APIs are mentioned where both matchers
 * ignore them (every such mention makes chokepoint's prefilter pass the file
 * on to the lexer), and how often modules carry test code.
 */
const MIX = {
  /** A module has an inline `#[cfg(test)] mod tests { … }`. */
  testModule: 0.6,
  /** A line of test code calls a banned API. */
  testNeedle: 0.03,
  /** A doc-comment line mentions a banned API. */
  docNeedle: 0.005,
  /** A module's `//!` header mentions a banned API. */
  headerNeedle: 0.1,
  /** A comment statement (1 statement in 22) mentions a banned API. */
  commentNeedle: 0.05,
  /** A module has a single-line `#[cfg(test)] use <banned API>;`. */
  cfgTestUse: 0.05,
} as const;

/** Banned calls as they appear in test code (skipped by both matchers). */
const TEST_NEEDLE_LINES = [
  'let dir = std::env::temp_dir().join("chokepoint-bench");',
  'std::fs::create_dir_all(&dir).unwrap();',
  'let body = std::fs::read_to_string(dir.join("fixture.json")).unwrap_or_default();',
  'let status = std::process::Command::new("true").status().unwrap();',
  'let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();',
  'let on_ci = std::env::var("CI").is_ok();',
  'let mut out = File::create(dir.join("out.bin")).unwrap();',
] as const;

/** How a banned needle is used in sanctioned code; unknown needles get a generic line. */
const SNIPPETS: Record<string, string> = {
  'std::fs': 'let meta = std::fs::metadata(path)?;',
  'tokio::fs': 'let bytes = tokio::fs::read(path).await?;',
  'File::open': 'let file = File::open(path)?;',
  'File::create': 'let mut out = File::create(path.with_extension("tmp"))?;',
  OpenOptions: 'let file = OpenOptions::new().read(true).write(true).open(path)?;',
  openat: 'let fd = unsafe { libc::openat(dirfd, c_path.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };',
  'std::net::': 'let addr: std::net::SocketAddr = spec.parse()?;',
  'tokio::net::': 'let stream = tokio::net::TcpStream::connect(addr).await?;',
  'reqwest::': 'let client = reqwest::Client::builder().build()?;',
  'reqwest ': 'extern crate reqwest as http_client;',
  'hyper::': 'let uri: hyper::Uri = endpoint.parse()?;',
  'TcpStream::': 'let stream = TcpStream::connect(addr)?;',
  'TcpListener::bind': 'let listener = TcpListener::bind(("127.0.0.1", 0))?;',
  'UdpSocket::bind': 'let socket = UdpSocket::bind("0.0.0.0:0")?;',
  'UnixStream::connect': 'let stream = UnixStream::connect(&socket_path)?;',
  'UnixStream::pair': 'let (parent, child) = UnixStream::pair()?;',
  'UnixListener::bind': 'let listener = UnixListener::bind(&socket_path)?;',
  '.to_socket_addrs(': 'let mut addrs = (host, port).to_socket_addrs()?;',
  'std::os::unix::net': 'use std::os::unix::net::UnixDatagram;',
  'std::process::Command': 'let mut child = std::process::Command::new(&helper).arg("--stdio").spawn()?;',
  'process::Command': 'let mut cmd = process::Command::new(&helper);',
  'tokio::process': 'let child = tokio::process::Command::new(&helper).kill_on_drop(true).spawn()?;',
  'Command::new': 'let mut cmd = Command::new(&sidecar_path);',
  'libc::fork': 'let pid = unsafe { libc::fork() };',
  'nix::unistd::fork': 'let outcome = unsafe { nix::unistd::fork() }?;',
  'env::var(': 'let level = env::var("SECURE_EXEC_LOG").ok();',
  'env::var_os(': 'let sidecar = env::var_os("SECURE_EXEC_SIDECAR");',
  'env::vars(': 'let inherited: Vec<(String, String)> = env::vars().filter(|(k, _)| k.starts_with("SECURE_EXEC_")).collect();',
  'env::vars_os(': 'let count = env::vars_os().count();',
  'std::env::var': 'let home = std::env::var("HOME").unwrap_or_default();',
};

function genericSnippet(needle: string): string {
  const head = needle.startsWith('.') ? 'probe' : '';
  const tail = needle.endsWith('(') ? 'probe_arg)' : needle.endsWith('::') ? 'probe()' : '';
  return `let _probe = ${head}${needle}${tail};`;
}

const RUST_KEYWORDS = new Set(['as', 'async', 'await', 'box', 'break', 'const', 'continue', 'crate', 'dyn', 'else', 'enum', 'extern', 'fn', 'for', 'if', 'impl', 'in', 'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'static', 'struct', 'super', 'trait', 'type', 'unsafe', 'use', 'where', 'while', 'yield']);

function cap(word: string): string {
  return word
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

// ---------------------------------------------------------------------------
// Rust text
// ---------------------------------------------------------------------------

/** Collects lines; production code lines are checked against the needles this file may not contain. */
class RustText {
  readonly lines: string[] = [];
  constructor(
    private readonly path: string,
    private readonly forbidden: RegExp | undefined,
  ) {}

  /** A production code line: must not contain a forbidden needle. */
  code(line: string): void {
    if (this.forbidden && this.forbidden.test(line)) {
      throw new Error(`generator bug: ${this.path} would get a banned needle in production code: ${line.trim()}`);
    }
    this.lines.push(line);
  }

  /** A comment or test-code line: both matchers ignore it. */
  ignored(line: string): void {
    this.lines.push(line);
  }

  get length(): number {
    return this.lines.length;
  }
}

class RustWriter {
  constructor(private readonly d: Dice) {}

  noun(): string {
    return this.d.pick(NOUNS);
  }
  typeName(): string {
    return cap(this.noun()) + this.d.pick(TYPE_SUFFIXES);
  }
  field(): string {
    return this.d.chance(0.6) ? this.noun() : `${this.noun()}_${this.d.pick(['count', 'len', 'id', 'limit', 'map', 'set', 'queue', 'at'])}`;
  }
  fnName(): string {
    return `${this.d.pick(VERBS)}_${this.noun()}`;
  }

  uses(out: RustText, isModuleRoot: boolean): void {
    const n = this.d.int(2, 7);
    const seen = new Set<string>();
    for (let k = 0; k < n; k++) {
      const r = this.d.real();
      let line: string;
      if (r < 0.55) line = this.d.pick(USE_LINES);
      else if (r < 0.75) line = `use crate::${this.d.pick(MODULE_NAMES)}::{${this.typeName()}, ${this.typeName()} as ${this.typeName()}};`;
      else if (r < 0.88) line = `use crate::${this.d.pick(MODULE_NAMES)}::{self, ${this.d.pick(MODULE_NAMES)}::{${this.typeName()}, ${this.typeName()}}, ${this.typeName()}};`;
      else line = `${isModuleRoot ? 'pub ' : ''}use super::${this.d.pick(MODULE_NAMES)}::${this.typeName()};`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.code(line);
    }
    // A test-only import of a banned API: one line, skipped by both matchers.
    if (this.d.chance(MIX.cfgTestUse)) {
      out.ignored('#[cfg(test)]');
      out.ignored(this.d.pick(['use std::fs::File;', 'use std::process::Command;', 'use std::net::TcpListener;']));
    }
    out.code('');
  }

  docComment(out: RustText, indent: string, lines: number): void {
    for (let k = 0; k < lines; k++) {
      if (this.d.chance(MIX.docNeedle)) out.ignored(indent + this.d.pick(NEEDLE_COMMENTS).replace(/^\/\/[!/]? ?/, '/// '));
      else out.code(`${indent}/// ${this.d.pick(['Tracks', 'Owns', 'Maps', 'Caches', 'Counts', 'Bounds'])} the ${this.noun()} of each ${this.noun()}${k === lines - 1 ? '.' : ','}`);
    }
  }

  blockComment(out: RustText): void {
    if (this.d.chance(0.3)) {
      out.code(`/* ${this.noun()} layout: /* nested */ [len: u32][kind: u8][payload] */`);
      return;
    }
    out.code('/*');
    const n = this.d.int(2, 5);
    for (let k = 0; k < n; k++) out.code(` * The ${this.noun()} is released before its ${this.noun()} (see the http://spec.invalid/${this.noun()} notes).`);
    out.code(' */');
  }

  constItem(out: RustText): void {
    const name = `${this.noun()}_${this.d.pick(['LIMIT', 'MAX', 'DEFAULT', 'TIMEOUT_MS'])}`.toUpperCase();
    const r = this.d.real();
    if (r < 0.4) out.code(`pub const ${name}: usize = ${this.d.int(1, 64) * 1024};`);
    else if (r < 0.6) out.code(`const ${name}_URL: &str = "http://127.0.0.1:${this.d.int(1024, 65000)}/v1/${this.noun()}";`);
    else if (r < 0.8) out.code(`static ${name}_BANNER: &str = r#"secure-exec "${this.noun()}" {"v": ${this.d.int(1, 9)}}"#;`);
    else out.code(`pub(crate) const ${name}_MAGIC: &[u8; 4] = b"\\x7fSE${this.d.int(0, 9)}";`);
    out.code('');
  }

  structItem(out: RustText, name: string): void {
    this.docComment(out, '', this.d.int(1, 3));
    out.code(`#[derive(Debug, Clone, Default${this.d.chance(0.4) ? ', Serialize, Deserialize' : ''})]`);
    const lifetime = this.d.chance(0.15);
    out.code(`pub struct ${name}${lifetime ? "<'a>" : ''} {`);
    const n = this.d.int(2, 8);
    for (let k = 0; k < n; k++) {
      if (this.d.chance(0.3)) out.code(`    /// The ${this.noun()} this ${this.noun()} belongs to.`);
      out.code(`    ${this.d.chance(0.5) ? 'pub ' : ''}${this.field()}_${k}: ${lifetime && k === 0 ? "&'a str" : this.d.pick(PRIMITIVES)},`);
    }
    out.code('}');
    out.code('');
  }

  enumItem(out: RustText): void {
    this.docComment(out, '', this.d.int(1, 2));
    out.code('#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]');
    out.code(`pub enum ${this.typeName()} {`);
    const n = this.d.int(2, 7);
    for (let k = 0; k < n; k++) {
      const v = cap(this.noun()) + k;
      out.code(this.d.chance(0.3) ? `    ${v}(u32),` : this.d.chance(0.2) ? `    ${v} { ${this.noun()}: u64 },` : `    ${v},`);
    }
    out.code('}');
    out.code('');
  }

  statement(out: RustText, indent: string): void {
    const a = this.noun();
    const b = this.noun();
    const f = this.field();
    const n = this.d.int(1, 4096);
    switch (this.d.int(0, 21)) {
      case 0:
        out.code(`${indent}let ${a}_len = ${b}.len();`);
        break;
      case 1:
        out.code(`${indent}let ${a} = self.${f}.get(&${b}).cloned().unwrap_or_default();`);
        break;
      case 2:
        out.code(`${indent}let ${a}s: Vec<_> = ${b}s.iter().filter(|x| x.${f} > ${n}).collect();`);
        break;
      case 3:
        out.code(`${indent}if ${a}_len > ${n} {`);
        out.code(`${indent}    return Err(Error::Limit { limit: ${n}, actual: ${a}_len });`);
        out.code(`${indent}}`);
        break;
      case 4:
        out.code(`${indent}for (idx, ${a}) in ${b}s.iter().enumerate() {`);
        out.code(`${indent}    trace!(index = idx, "visiting ${a}");`);
        out.code(`${indent}    total += ${a}.${f};`);
        out.code(`${indent}}`);
        break;
      case 5:
        out.code(`${indent}let ${a} = match self.${f}.take() {`);
        out.code(`${indent}    Some(value) => value,`);
        out.code(`${indent}    None => return Ok(Default::default()),`);
        out.code(`${indent}};`);
        break;
      case 6:
        out.code(`${indent}let label = format!("{}:{}/{${a}:?}", "${b}", ${n});`);
        break;
      case 7:
        out.code(`${indent}let endpoint = format!("http://{}:{}/v1/${a}", host, port);`);
        break;
      case 8:
        out.code(`${indent}let (sep, quote, open) = ('/', '\\'', '{');`);
        break;
      case 9:
        out.code(`${indent}let request = r#"{"op": "${a}", "fd": ${n}, "path": "//${b}"}"#;`);
        break;
      case 10:
        out.code(`${indent}let mask = 0x${n.toString(16)}_u32 & !0b1010 | (${a}_len as u32) << 3;`);
        break;
      case 11:
        out.code(`${indent}// ${this.d.pick(['SAFETY', 'NOTE', 'TODO(perf)', 'FIXME'])}: the ${a} outlives the ${b}; checked in ${this.fnName()}.`);
        break;
      case 12:
        out.code(`${indent}self.${f} = self.${f}.saturating_add(${n});`);
        break;
      case 13:
        out.code(`${indent}let total = ${b}s.iter().map(|item| item.${f} as u64).sum::<u64>();`);
        break;
      case 14:
        out.code(`${indent}let lookup = |key: &str| -> Option<usize> { self.index.get(key).copied() };`);
        break;
      case 15:
        out.code(`${indent}if let Some(entry) = self.${f}.get_mut(&${a}) {`);
        out.code(`${indent}    entry.${this.field()} += 1;`);
        out.code(`${indent}}`);
        break;
      case 16:
        out.code(`${indent}while let Some(next) = queue.pop_front() {`);
        out.code(`${indent}    debug!(?next, "draining ${a}");`);
        out.code(`${indent}    self.${this.fnName()}(next)?;`);
        out.code(`${indent}}`);
        break;
      case 17:
        out.code(`${indent}let name: &'static str = "${a} // not a comment";`);
        break;
      case 18:
        out.code(`${indent}let ${a} = ${b}.as_bytes().get(..${n}).map(<[u8]>::to_vec).ok_or(Error::Truncated)?;`);
        break;
      case 19:
        out.code(`${indent}/* ${a} */ let ${a}_id = self.next_id.fetch_add(1, Ordering::Relaxed);`);
        break;
      case 20:
        out.code(`${indent}let guard = self.${f}.lock();`);
        out.code(`${indent}drop(guard);`);
        break;
      default:
        if (this.d.chance(MIX.commentNeedle)) out.ignored(indent + this.d.pick(NEEDLE_COMMENTS).replace(/^\/\/[!/]? ?/, '// '));
        else out.code(`${indent}${a}.push_str("https://example.invalid/${b}?q=${n}");`);
    }
  }

  fnItem(out: RustText, indent: string, method: boolean): void {
    this.docComment(out, indent, this.d.int(0, 3));
    if (this.d.chance(0.1)) out.code(`${indent}#[inline]`);
    const vis = this.d.pick(['pub ', 'pub(crate) ', '']);
    const self = method ? this.d.pick(['&self, ', '&mut self, ']) : '';
    const generic = this.d.chance(0.15) ? "<'a>" : '';
    const arg = generic ? `${this.noun()}s: &'a [${this.typeName()}]` : `${this.noun()}: ${this.d.pick(PRIMITIVES)}`;
    const asyncKw = this.d.chance(0.15) ? 'async ' : '';
    out.code(`${indent}${vis}${asyncKw}fn ${this.fnName()}${generic}(${self}${arg}) -> Result<${this.d.pick(['()', 'usize', 'bool', this.typeName()])}> {`);
    const n = this.d.int(2, 10);
    for (let k = 0; k < n; k++) this.statement(out, `${indent}    `);
    out.code(`${indent}    Ok(Default::default())`);
    out.code(`${indent}}`);
    out.code('');
  }

  implItem(out: RustText, name: string): void {
    out.code(this.d.chance(0.2) ? `impl fmt::Display for ${name} {` : `impl ${name} {`);
    const n = this.d.int(1, 5);
    for (let k = 0; k < n; k++) this.fnItem(out, '    ', true);
    out.lines.pop(); // no blank line before the closing brace
    out.code('}');
    out.code('');
  }

  traitItem(out: RustText): void {
    this.docComment(out, '', 1);
    out.code(`pub trait ${cap(this.d.pick(VERBS))}${this.typeName()}: Send + Sync {`);
    const n = this.d.int(1, 4);
    for (let k = 0; k < n; k++) out.code(`    fn ${this.fnName()}(&self, ${this.noun()}: &${this.typeName()}) -> Result<()>;`);
    out.code('}');
    out.code('');
  }

  cfgAnyItem(out: RustText): void {
    // Not test-only: scanned by both matchers, so it stays needle-free.
    out.code(`#[cfg(any(test, feature = "${this.d.pick(['trace', 'debug-frames', 'fuzzing'])}"))]`);
    this.fnItem(out, '', false);
  }

  macroItem(out: RustText): void {
    const name = `${this.noun()}_ensure`;
    out.code(`macro_rules! ${name} {`);
    out.code('    ($cond:expr, $err:expr $(,)?) => {');
    out.code('        if !$cond {');
    out.code('            return Err($err);');
    out.code('        }');
    out.code('    };');
    out.code('}');
    out.code('');
  }

  /** Production items until the file has `until` lines. */
  items(out: RustText, until: number): void {
    while (out.length < until) {
      const r = this.d.real();
      if (r < 0.08) this.constItem(out);
      else if (r < 0.3) {
        const name = this.typeName();
        this.structItem(out, name);
        if (this.d.chance(0.8)) this.implItem(out, name);
      } else if (r < 0.4) this.enumItem(out);
      else if (r < 0.72) this.fnItem(out, '', false);
      else if (r < 0.8) this.implItem(out, this.typeName());
      else if (r < 0.86) this.traitItem(out);
      else if (r < 0.91) this.blockComment(out);
      else if (r < 0.96) this.cfgAnyItem(out);
      else this.macroItem(out);
    }
  }

  /** An inline `#[cfg(test)] mod tests { … }`: may use banned APIs, both matchers skip it. */
  testModule(out: RustText, lines: number): void {
    out.ignored('#[cfg(test)]');
    out.ignored('mod tests {');
    out.ignored('    use super::*;');
    const stop = out.length + lines;
    while (out.length < stop) {
      out.ignored('');
      out.ignored(this.d.chance(0.15) ? '    #[tokio::test]' : '    #[test]');
      out.ignored(`    ${this.d.chance(0.15) ? 'async ' : ''}fn ${this.fnName()}_${this.d.pick(['roundtrips', 'rejects_overflow', 'is_stable', 'works'])}() {`);
      const n = this.d.int(2, 7);
      for (let k = 0; k < n; k++) {
        if (this.d.chance(MIX.testNeedle)) out.ignored(`        ${this.d.pick(TEST_NEEDLE_LINES)}`);
        else out.ignored(`        let ${this.noun()} = ${this.typeName()}::default();`);
      }
      out.ignored(`        assert_eq!(${this.noun()}_len, ${this.d.int(0, 99)}, "format {} stays balanced", 1);`);
      out.ignored('    }');
    }
    out.ignored('}');
  }

  /** A test-only file (declared `#[cfg(test)] mod tests;`): the seed scans it as production, so no needles in code. */
  testFile(out: RustText, lines: number): void {
    out.code('use super::*;');
    out.code('');
    while (out.length < lines) {
      out.code('#[test]');
      out.code(`fn ${this.fnName()}_${this.d.pick(['roundtrips', 'is_bounded', 'works'])}() {`);
      const n = this.d.int(2, 8);
      for (let k = 0; k < n; k++) out.code(`    let ${this.noun()} = ${this.typeName()}::default();`);
      if (this.d.chance(0.3)) out.ignored('    // std::fs is off limits here too: this file is scanned like production code by the old test.');
      out.code(`    assert!(${this.noun()}_len <= ${this.d.int(1, 99)});`);
      out.code('}');
      out.code('');
    }
  }

  /** A function using sanctioned banned APIs (allowlisted, bin/ or benchmark files). */
  hostAccess(out: RustText, tag: string, snippets: readonly string[]): void {
    const asyncKw = snippets.some((s) => s.includes('.await')) ? 'async ' : '';
    out.code(`/// Host access for the ${this.noun()} path; sanctioned in chokepoint.toml.`);
    out.code(`pub(crate) ${asyncKw}fn host_${tag}_${this.noun()}(path: &Path) -> io::Result<()> {`);
    for (const s of snippets) {
      out.code(`    ${s}`);
      if (this.d.chance(0.5)) this.statement(out, '    ');
    }
    out.code(`    debug!(?path, "host ${tag} access");`);
    out.code('    Ok(())');
    out.code('}');
    out.code('');
  }
}

// ---------------------------------------------------------------------------
// Workspace layout
// ---------------------------------------------------------------------------

/** The seed's crates first (so its allowlisted paths exist), then the rest of a realistic workspace. */
const CRATES: readonly { name: string; weight: number }[] = [
  { name: 'sidecar', weight: 16 },
  { name: 'execution', weight: 14 },
  { name: 'kernel', weight: 16 },
  { name: 'v8-runtime', weight: 10 },
  { name: 'secure-exec-client', weight: 4 },
  { name: 'vfs', weight: 9 },
  { name: 'wasi', weight: 8 },
  { name: 'protocol', weight: 7 },
  { name: 'bridge', weight: 6 },
  { name: 'codec', weight: 4 },
  { name: 'permissions', weight: 3 },
  { name: 'telemetry', weight: 3 },
];

const EXTERNAL_DEPS = [
  'anyhow = "1"',
  'thiserror = "1"',
  'serde = { version = "1", features = ["derive"] }',
  'serde_json = "1"',
  'bytes = "1.6"',
  'tracing = "0.1"',
  'parking_lot = "0.12"',
  'tokio = { version = "1.38", features = ["rt", "sync", "macros", "time"] }',
  'futures = "0.3"',
  'smallvec = "1.13"',
  'once_cell = "1.19"',
  'crossbeam-channel = "0.5"',
  'base64 = "0.22"',
  'sha2 = "0.10"',
] as const;

interface ModuleDir {
  /** Directory relative to `src/` ('' for the crate root). */
  rel: string;
  /** The file declaring this directory's children (relative to `src/`). */
  moduleFile: string;
  children: Set<string>;
  depth: number;
  testsFile: boolean;
}

type FileKind = 'root' | 'module' | 'leaf' | 'tests' | 'bin';

interface FileSpec {
  kind: FileKind;
  /** Directory whose children this file declares (module files). */
  dir?: ModuleDir;
}

/** Plans the `src/` tree of one crate: exactly `count` .rs files including `required` ones. */
function planCrate(d: Dice, count: number, required: readonly string[], extras: { bins: number; benchmark: boolean }): Map<string, FileSpec> {
  const files = new Map<string, FileSpec>();
  const root: ModuleDir = { rel: '', moduleFile: 'lib.rs', children: new Set(), depth: 0, testsFile: false };
  const dirs = new Map<string, ModuleDir>([['', root]]);
  const dirList = [root];
  files.set('lib.rs', { kind: 'root', dir: root });

  const join2 = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
  const freshName = (dir: ModuleDir) => {
    let name: string = d.pick(MODULE_NAMES);
    for (let k = 2; dir.children.has(name); k++) name = `${d.pick(MODULE_NAMES)}_${k}`;
    return name;
  };
  const ensureDir = (parent: ModuleDir, name: string, modRs = false): ModuleDir => {
    const rel = join2(parent.rel, name);
    const known = dirs.get(rel);
    if (known) return known;
    parent.children.add(name);
    // 2018 style (`name.rs` next to `name/`) when that file exists already or by chance.
    const flat = `${rel}.rs`;
    const moduleFile = !modRs && (files.has(flat) || d.chance(0.4)) ? flat : `${rel}/mod.rs`;
    const dir: ModuleDir = { rel, moduleFile, children: new Set(), depth: parent.depth + 1, testsFile: false };
    dirs.set(rel, dir);
    dirList.push(dir);
    files.set(moduleFile, { kind: 'module', dir });
    return dir;
  };
  const addLeaf = (dir: ModuleDir, name: string) => {
    dir.children.add(name);
    const path = `${join2(dir.rel, name)}.rs`;
    if (!files.has(path)) files.set(path, { kind: 'leaf' });
  };

  for (const path of required) {
    const parts = path.replace(/\.rs$/, '').split('/');
    const leaf = parts.pop();
    if (leaf === undefined || path === 'lib.rs' || path === 'main.rs') continue;
    let dir = root;
    parts.forEach((part, k) => (dir = ensureDir(dir, part, leaf === 'mod' && k === parts.length - 1)));
    if (leaf !== 'mod') addLeaf(dir, leaf);
  }
  if (extras.benchmark) addLeaf(root, 'benchmark');
  for (let k = 0; k < extras.bins; k++) files.set(`bin/${d.pick(['profile', 'replay', 'dump', 'stress'])}_${k}.rs`, { kind: 'bin' });

  while (files.size < count) {
    const x = d.pick(dirList);
    const y = d.pick(dirList);
    const dir = x.children.size <= y.children.size ? x : y; // two choices: keeps the tree balanced
    if (dir.depth < 3 && d.chance(0.12)) {
      const sub = ensureDir(dir, freshName(dir));
      if (files.size < count - 1 && d.chance(0.15)) {
        sub.testsFile = true;
        files.set(`${sub.rel}/tests.rs`, { kind: 'tests' });
      }
    } else {
      addLeaf(dir, freshName(dir));
    }
  }
  return files;
}

function writeModuleDecls(out: RustText, d: Dice, dir: ModuleDir): void {
  const names = [...dir.children].sort();
  for (const name of names) {
    const ident = RUST_KEYWORDS.has(name) ? `r#${name}` : name;
    out.code(`${d.pick(['pub mod', 'pub mod', 'mod', 'pub(crate) mod'])} ${ident};`);
  }
  if (dir.testsFile) {
    out.code('');
    out.ignored('#[cfg(test)]');
    out.ignored('mod tests;');
  }
  if (names.length && d.chance(0.5)) {
    const name = d.pick(names);
    out.code(`pub use ${RUST_KEYWORDS.has(name) ? `r#${name}` : name}::{${cap(name)}Config, ${cap(name)}State};`);
  }
  out.code('');
}

/** Target line count: 50–400, skewed towards smaller modules as in real crates. */
function moduleLines(d: Dice): number {
  return 50 + Math.floor(350 * d.real() ** 1.6);
}

interface FileContext {
  /** Repo-relative path. */
  path: string;
  spec: FileSpec;
  /** Banned-API lines this file uses in production code (allowlisted files). */
  sanctioned: string[];
  /** Needles this file must not contain in production code. */
  forbidden: RegExp | undefined;
  /** Banned APIs in an excluded file (bin/, benchmark.rs). */
  excludedUses: string[];
}

function renderFile(d: Dice, ctx: FileContext): string {
  const w = new RustWriter(d);
  const out = new RustText(ctx.path, ctx.forbidden);
  const target = moduleLines(d);
  const { kind } = ctx.spec;

  if (kind === 'tests') {
    w.testFile(out, Math.min(target, 120));
    return out.lines.join('\n') + '\n';
  }
  if (kind === 'root' || kind === 'module' || d.chance(0.7)) {
    const doc = d.int(1, 4);
    for (let k = 0; k < doc; k++) {
      if (k === 0 && d.chance(MIX.headerNeedle)) out.ignored(d.pick(NEEDLE_COMMENTS).replace(/^\/\/[!/]? ?/, '//! '));
      else out.code(`//! ${cap(w.noun())} ${w.noun()}s and the ${w.noun()} they ${d.pick(['own', 'borrow', 'release'])}.`);
    }
    out.code('');
  }
  if (kind === 'root' && d.chance(0.5)) out.code('#![deny(missing_debug_implementations)]');
  if (ctx.spec.dir) writeModuleDecls(out, d, ctx.spec.dir);
  w.uses(out, kind === 'root' || kind === 'module');

  const testLines = kind !== 'bin' && d.chance(MIX.testModule) ? Math.max(10, Math.floor(target * (0.1 + 0.2 * d.real()))) : 0;
  const hostUses = [...ctx.sanctioned, ...ctx.excludedUses];
  if (kind === 'bin') {
    out.code('fn main() -> io::Result<()> {');
    for (const s of ctx.excludedUses) out.code(`    ${s}`);
    for (let k = d.int(3, 12); k > 0; k--) w.statement(out, '    ');
    out.code('    Ok(())');
    out.code('}');
    out.code('');
  } else if (hostUses.length) {
    // Spread the sanctioned uses over a few functions between ordinary items.
    const groups = Math.min(hostUses.length, d.int(1, 3));
    const step = Math.max(1, Math.floor((target - testLines - out.length) / (groups + 1)));
    for (let g = 0; g < groups; g++) {
      w.items(out, out.length + step);
      w.hostAccess(out, d.pick(['io', 'bootstrap', 'transport', 'setup']), hostUses.filter((_, k) => k % groups === g));
    }
  }
  w.items(out, target - testLines);
  if (testLines) w.testModule(out, testLines);
  return out.lines.join('\n') + '\n';
}

function cargoManifest(d: Dice, crate: string, siblings: readonly string[], extraDeps: readonly string[], bannedMarkers: readonly string[]): string {
  const pkg = crate.startsWith('secure-exec') ? crate : `secure-exec-${crate}`;
  const lines = ['[package]', `name = "${pkg}"`, 'version = "0.4.2"', 'edition = "2021"', 'license = "Apache-2.0"', 'publish = false', '', '[dependencies]'];
  const deps = new Set<string>();
  for (let k = d.int(3, 8); k > 0; k--) deps.add(d.pick(EXTERNAL_DEPS));
  for (const dep of extraDeps) deps.add(dep);
  lines.push(...[...deps].sort());
  // Path dependencies point down the list only (sidecar → execution → kernel …): no cycles.
  for (const sib of siblings.slice(siblings.indexOf(crate) + 1)) {
    if (bannedMarkers.some((m) => m !== '' && sib.toLowerCase().includes(m))) continue;
    if (d.chance(0.3)) lines.push(`${sib.startsWith('secure-exec') ? sib : `secure-exec-${sib}`} = { path = "../${sib}" }`);
  }
  lines.push('', '[dev-dependencies]', 'tempfile = "3"', 'proptest = "1"', '', "[target.'cfg(unix)'.dependencies]", 'libc = "0.2"');
  if (d.chance(0.3)) lines.push('', '[dependencies.tracing-subscriber]', 'version = "0.3"', 'features = ["env-filter", "fmt"]');
  for (const line of lines) {
    const key = line.split(/[= \t]/)[0]!.replace(/^"|"$/g, '').toLowerCase();
    if (bannedMarkers.some((m) => m !== '' && key.includes(m))) throw new Error(`generator bug: crates/${crate}/Cargo.toml would depend on banned crate ${key}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// The workspace on disk
// ---------------------------------------------------------------------------

export interface WorkspaceOptions {
  /** Number of `.rs` files under `crates/<name>/src/`. */
  size: number;
  /** The guards test to copy and import. */
  guards: string;
  /** Absolute path of the CLI (`bundle/cli/launch.js`). */
  cli: string;
  seed: number;
}

export interface Workspace {
  root: string;
  size: number;
  plan: Plan;
  /** `.rs` files under `crates/<name>/src/` (= size). */
  rustFiles: number;
  /** Of those, the ones the config scans (not bin/ or benchmark.rs when excluded). */
  inScopeFiles: number;
  inScopeBytes: number;
  inScopeLines: number;
  /** In-scope files whose text mentions a needle anywhere (code, comments, tests, strings). */
  mentionFiles: number;
  /** In-scope files allowlisted for some class (the only ones using banned APIs in production code). */
  allowlistedFiles: number;
  totalBytes: number;
  /** Ordinary production files, candidates for the staged change. */
  ordinary: string[];
  timings: { initMs: number; generateMs: number; gitMs: number };
}

const GIT_ENV = { GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' };
const GIT_IDENTITY = ['-c', 'user.name=b', '-c', 'user.email=b@b.invalid', '-c', 'commit.gpgsign=false'];

export function git(cwd: string, args: readonly string[]): string {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr.trim()}`);
  return r.stdout;
}

/** Splits `total` over weights, every share at least its minimum. */
function shares(total: number, weights: readonly number[], minimum: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w, k) => Math.max(minimum[k] ?? 1, Math.floor((total * w) / sum)));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % out.length, left--) out[k] = (out[k] ?? 0) + 1;
  for (let k = 0; left < 0; k = (k + 1) % out.length) {
    if ((out[k] ?? 0) > (minimum[k] ?? 1)) {
      out[k] = (out[k] ?? 0) - 1;
      left++;
    }
  }
  return out;
}

/**
 * The banned-API lines each allowlisted file gets: every needle of a class in
 * one of its files (no "needle matches nothing" warning) and every entry at
 * least one needle of its class (no stale entry). Also returns, per allowlisted
 * file, the needles it must not contain.
 */
function assignSanctioned(d: Dice, plan: Plan): { uses: Map<string, Map<string, string>>; forbidden: Map<string, RegExp | undefined> } {
  const permitted = new Map<string, Set<string>>();
  for (const cls of plan.classes) {
    for (const entry of cls.allow) {
      const set = permitted.get(entry.path) ?? new Set<string>();
      for (const n of entry.needles ?? cls.needles) set.add(n);
      permitted.set(entry.path, set);
    }
  }
  const forbidden = new Map<string, RegExp | undefined>();
  for (const [path, ok] of permitted) forbidden.set(path, anyOf(plan.needles.filter((n) => !ok.has(n))));

  const uses = new Map<string, Map<string, string>>();
  const use = (path: string, needle: string): boolean => {
    const bad = forbidden.get(path);
    // A snippet may spell other needles too (`tokio::net::TcpStream::`): use it only where all are sanctioned.
    const snippet = [SNIPPETS[needle], genericSnippet(needle)].find((s) => s !== undefined && !(bad && bad.test(s)));
    if (snippet === undefined) return false;
    const lines = uses.get(path) ?? new Map<string, string>();
    lines.set(needle, snippet);
    uses.set(path, lines);
    return true;
  };
  for (const cls of plan.classes) {
    const entries = cls.allow.filter((e) => /^crates\/[^/]+\/src\/.+\.rs$/.test(e.path));
    if (entries.length === 0) continue;
    cls.needles.forEach((needle, k) => {
      for (let t = 0; t < entries.length; t++) {
        const entry = entries[(k + t) % entries.length]!;
        if ((entry.needles ?? cls.needles).includes(needle) && use(entry.path, needle)) break;
      }
    });
    for (const entry of entries) {
      const own = entry.needles ?? cls.needles;
      if (own.length === 0) continue;
      if (![...(uses.get(entry.path)?.keys() ?? [])].some((n) => own.includes(n))) use(entry.path, d.pick(own));
      if (d.chance(0.5)) use(entry.path, d.pick(own));
    }
  }
  return { uses, forbidden };
}

/**
 * Creates a committed workspace of `size` Rust files in a fresh temporary directory.
 * The chokepoint.toml comes from `chokepoint init --from crates/sidecar/tests/architecture_guards.rs`.
 */
export function createWorkspace(opts: WorkspaceOptions): Workspace {
  const root = mkdtempSync(join(tmpdir(), `chokepoint-bench-${opts.size}-`));
  const d = new Dice(createRng(opts.seed ^ Math.imul(opts.size, 0x9e3779b1)));

  git(root, ['init', '-q', '--initial-branch=main']);
  const guardsRel = 'crates/sidecar/tests/architecture_guards.rs';
  mkdirSync(join(root, 'crates/sidecar/tests'), { recursive: true });
  copyFileSync(opts.guards, join(root, guardsRel));

  let t = performance.now();
  const init = spawnSync(process.execPath, [opts.cli, 'init', '--from', guardsRel], { cwd: root, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`chokepoint init --from ${guardsRel} failed (${init.status}): ${init.stderr.trim() || init.stdout.trim()}`);
  const initMs = performance.now() - t;
  const plan = planFromConfig(readFileSync(join(root, 'chokepoint.toml'), 'utf8'));

  t = performance.now();
  const everyNeedle = anyOf(plan.needles);
  const { uses, forbidden } = assignSanctioned(d, plan);

  // Crates: the seed's, plus any other crate its allowlists name.
  const crates = [...CRATES];
  const requiredByCrate = new Map<string, string[]>();
  for (const path of uses.keys()) {
    const m = /^crates\/([^/]+)\/src\/(.+\.rs)$/.exec(path);
    if (!m) continue;
    const [, crate, rel] = m as unknown as [string, string, string];
    if (!crates.some((c) => c.name === crate)) crates.push({ name: crate, weight: 3 });
    requiredByCrate.set(crate, [...(requiredByCrate.get(crate) ?? []), rel]);
  }
  const binsOf = (crate: string) => (crate === 'sidecar' || crate === 'execution' ? 2 : 0);
  const minimum = crates.map((c) => 1 + 2 * (requiredByCrate.get(c.name)?.length ?? 0) + binsOf(c.name) + (c.name === 'execution' ? 1 : 0));
  const counts = shares(opts.size, crates.map((c) => c.weight), minimum);
  const crateNames = crates.map((c) => c.name);

  // Banned uses in excluded files, only where the config really excludes them.
  const excludedUses = plan.classes.map((c) => c.needles.map((n) => SNIPPETS[n]).find((s) => s !== undefined)).filter((s): s is string => s !== undefined);

  let inScopeFiles = 0;
  let inScopeBytes = 0;
  let inScopeLines = 0;
  let mentionFiles = 0;
  let allowlistedFiles = 0;
  let totalBytes = 0;
  let rustFiles = 0;
  const ordinary: string[] = [];
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const abs = join(root, rel);
    const dir = dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(abs, text);
    totalBytes += Buffer.byteLength(text);
  };

  crates.forEach((crate, k) => {
    const files = planCrate(d, counts[k]!, requiredByCrate.get(crate.name) ?? [], { bins: binsOf(crate.name), benchmark: crate.name === 'execution' });
    const extraDeps = crate.name === 'secure-exec-client' || crate.name === 'kernel' ? ['reqwest = { version = "0.12", default-features = false }', 'hyper = "1"'] : [];
    write(`crates/${crate.name}/Cargo.toml`, cargoManifest(d, crate.name, crateNames, extraDeps, plan.bannedMarkers));
    for (const [rel, spec] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = `crates/${crate.name}/src/${rel}`;
      const excluded = (spec.kind === 'bin' && plan.excludesBin) || (path === BENCHMARK_PATH && plan.excludesBenchmark);
      const sanctioned = [...(uses.get(path)?.values() ?? [])];
      const text = renderFile(d, {
        path,
        spec,
        sanctioned,
        forbidden: excluded ? undefined : uses.has(path) ? forbidden.get(path) : everyNeedle,
        excludedUses: excluded ? excludedUses : [],
      });
      write(path, text);
      rustFiles++;
      if (!excluded) {
        inScopeFiles++;
        inScopeBytes += Buffer.byteLength(text);
        inScopeLines += text.split('\n').length - 1;
        if (everyNeedle?.test(text)) mentionFiles++;
        if (uses.has(path)) allowlistedFiles++;
        if (!uses.has(path) && (spec.kind === 'leaf' || spec.kind === 'module')) ordinary.push(path);
      }
    }
  });

  // Outside the scan: a build script and an integration test using host APIs freely.
  write('crates/v8-runtime/build.rs', 'fn main() {\n    let out = std::env::var("OUT_DIR").unwrap();\n    std::fs::write(format!("{out}/snapshot.bin"), b"").unwrap();\n}\n');
  write('crates/sidecar/tests/vm_lifecycle.rs', 'use std::process::Command;\n\n#[test]\nfn boots() {\n    let dir = std::env::temp_dir();\n    assert!(std::fs::metadata(dir).is_ok());\n    let _ = Command::new("true").status();\n}\n');
  write('Cargo.toml', ['[workspace]', 'resolver = "2"', `members = [${crateNames.map((c) => `"crates/${c}"`).join(', ')}]`, '', '[workspace.package]', 'edition = "2021"', ''].join('\n'));
  write('README.md', `# synthetic workspace (${opts.size} Rust files, seed ${opts.seed})\n\nGenerated by chokepoint's bench; safe to delete.\n`);
  write('.gitignore', 'target/\n');
  const generateMs = performance.now() - t;

  t = performance.now();
  git(root, ['add', '-A']);
  git(root, [...GIT_IDENTITY, 'commit', '-q', '--no-verify', '-m', `synthetic workspace: ${opts.size} files`]);
  const gitMs = performance.now() - t;

  return { root, size: opts.size, plan, rustFiles, inScopeFiles, inScopeBytes, inScopeLines, mentionFiles, allowlistedFiles, totalBytes, ordinary, timings: { initMs, generateMs, gitMs } };
}

/** Appends a clean function to `count` ordinary files and stages them; returns their paths. */
export function stageModifications(ws: Workspace, count: number, seed: number): string[] {
  const d = new Dice(createRng(seed));
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, ws.ordinary.length)) chosen.add(d.pick(ws.ordinary));
  const paths = [...chosen].sort();
  paths.forEach((path, k) => {
    const abs = join(ws.root, path);
    const text = readFileSync(abs, 'utf8');
    writeFileSync(
      abs,
      `${text}\n/// Added by the bench's staged change #${k}.\npub fn bench_touch_${k}(input: &str) -> usize {\n    // Unlike std::fs::read, this never touches the host.\n    input.len() + ${k}\n}\n`,
    );
  });
  git(ws.root, ['add', '--', ...paths]);
  return paths;
}

/** Drops the staged change again. */
export function resetWorkspace(ws: Workspace): void {
  git(ws.root, ['reset', '-q', '--hard', 'HEAD']);
}
