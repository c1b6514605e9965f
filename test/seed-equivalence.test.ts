// Migration proof: on trees laid out like the seed expects, `chokepoint init
// --from <the seed test>` then `chokepoint --all --matcher line` gives the
// seed's verdicts exactly — the same path:line per class, the same dependency
// keys, the same sanity verdict. The seed test itself is compiled with rustc
// and run on the same trees, including odd ones built from a seeded generator.

import assert from 'node:assert/strict';
import { execa } from 'execa';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hasCommand, makeRepo, parseJson, SEED, SLOW, tempDir, testNeeding } from './helpers.js';
import { createRng } from '../bench/generate.js';

const CLASSES = ['fs', 'net', 'process', 'env'] as const;
const TEST_OF_CLASS: Record<string, string> = {
  fs_access_confined_to_chokepoints: 'fs',
  net_access_confined_to_chokepoints: 'net',
  process_spawn_confined_to_chokepoints: 'process',
  env_reads_confined_to_chokepoints: 'env',
};

function findRustc(): string | undefined {
  if (hasCommand('rustc')) return 'rustc';
  for (const candidate of [join(homedir(), '.cargo', 'bin', 'rustc'), '/usr/local/bin/rustc', '/usr/bin/rustc']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

// Lines that probe every corner of the seed's line logic: the naive `//` cut,
// the cfg(test) tracker, brace counting, Unicode whitespace, CR handling.
const RUST_LINES = [
  'use std::fs;',
  'use std::{fs, net::TcpStream};',
  'let data = std::fs::read("a").unwrap();',
  '    let f = File::open(path)?;',
  '// std::fs mentioned in a comment',
  'let url = "http://example.invalid"; let v = std::env::var("HOME");',
  'let s = "std::fs in a string";',
  '#[cfg(test)]',
  '#[cfg(test)] use std::fs;',
  '#[cfg(test)] mod inline { fn f() { Command::new("x"); } }',
  'mod tests {',
  'pub mod tests {',
  'pub(crate) mod helpers {',
  'pub(super) mod deep { let c = \'{\';',
  '    #[test]',
  '    #[allow(dead_code)]',
  'fn helper() {',
  '}',
  '}}',
  '{',
  '',
  '   ',
  '\t',
  'let r = r#"std::process::Command"#;',
  'let c = reqwest::Client::new();',
  'reqwest ::get(x)',
  'use reqwest ;',
  'addr.to_socket_addrs()',
  'let (a, b) = UnixStream::pair()?;',
  'let l = TcpListener::bind("0:0");',
  'std::os::unix::net::UnixDatagram::unbound();',
  'let p = tokio::process::Command::new("sh");',
  'unsafe { libc::fork() };',
  'let k = env::vars().count();',
  'let o = std::env::var_os("X");',
  '/* std::fs */ let x = 1;',
  '\u00a0#[cfg(test)]',
  '\u0085#[cfg(test)]',
  '\u3000mod tests {',
  '\ufeff#[cfg(test)]',
  '#[cfg(test)]// trailing',
  '  // #[cfg(test)]',
  'let u = "}"; tokio::fs::read("x")',
  'OpenOptions::new().write(true);',
  'let z = openat(fd, p);',
  'hyper::Client::new();',
  'let h = "\\u{7b}";',
];

const MANIFEST_LINES = [
  '[package]',
  'name = "agent-thing"',
  '[dependencies]',
  '[dev-dependencies]',
  '[build-dependencies]',
  "[target.'cfg(unix)'.dependencies]",
  '[dependencies.agent-full]',
  'version = "1"',
  'agent-core = "1"',
  '"acp-proto" = "1"',
  'Session_Store = { path = "../s" }',
  'tokio\t= "1"',
  'serde = "1"',
  '# agent = "1"',
  '  # session',
  'features = [',
  '  "session-cache",',
  ']',
  'core = { package = "agent-core", version = "1" }',
  'agentacpsession = "1"',
  '',
  '\u0085acp = "1"',
  '[workspace]',
];

const ALLOWLISTED = [
  'crates/sidecar/src/filesystem.rs', 'crates/sidecar/src/plugins/host_dir.rs', 'crates/sidecar/src/plugins/module_access.rs',
  'crates/sidecar/src/stdio.rs', 'crates/sidecar/src/state.rs', 'crates/sidecar/src/vm.rs', 'crates/sidecar/src/service.rs',
  'crates/sidecar/src/execution.rs', 'crates/execution/src/python.rs', 'crates/execution/src/wasm.rs', 'crates/execution/src/javascript.rs',
  'crates/execution/src/node_import_cache.rs', 'crates/execution/src/runtime_support.rs', 'crates/kernel/src/dns.rs',
  'crates/kernel/src/socket_table.rs', 'crates/kernel/src/kernel.rs', 'crates/sidecar/src/plugins/s3.rs',
  'crates/sidecar/src/plugins/google_drive.rs', 'crates/sidecar/src/plugins/sandbox_agent.rs', 'crates/v8-runtime/src/embedded_runtime.rs',
  'crates/execution/src/v8_runtime.rs', 'crates/secure-exec-client/src/transport.rs', 'crates/execution/src/host_node.rs', 'crates/v8-runtime/src/bridge.rs',
];

const EXTRA = [
  'crates/kernel/src/lib.rs', 'crates/kernel/src/vfs/mod.rs', 'crates/kernel/src/vfs/inode.rs', 'crates/sidecar/src/lib.rs',
  'crates/sidecar/src/bin/tool.rs', 'crates/execution/src/bin/deep/x.rs', 'crates/execution/src/benchmark.rs', 'crates/execution/build.rs',
  'crates/execution/src/build.rs', 'crates/execution/src/gen_build_support.rs', 'crates/execution/src/v8_bridge_build.rs',
  'crates/agent-free/src/lib.rs', 'crates/agent-free/src/a b.rs', 'crates/agent-free/src/ünï.rs', 'crates/agent-free/tests/it.rs',
  'crates/kernel/benches/b.rs', 'crates/notes.rs', 'crates/kernel/src/readme.txt',
];

interface Tree {
  files: Map<string, string>;
}

function randomText(rand: () => number, pool: readonly string[], lines: number): string {
  const eol = rand() < 0.2 ? '\r\n' : '\n';
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(pool[Math.floor(rand() * pool.length)]!);
  const tail = rand() < 0.15 ? '' : rand() < 0.5 ? eol : '\r';
  return out.join(eol) + tail;
}

function randomTree(seed: number, opts: { dropAllowlisted?: number; fewFiles?: boolean }): Tree {
  const rand = createRng(seed); // the benchmark's seeded PRNG: every failing case can be replayed
  const files = new Map<string, string>();
  const paths = opts.fewFiles ? [...ALLOWLISTED.slice(0, 20), ...EXTRA.slice(0, 4)] : [...ALLOWLISTED, ...EXTRA];
  for (let i = 0; i < (opts.fewFiles ? 0 : 8); i++) paths.push(`crates/gen${i % 3}/src/m${i}/f${Math.floor(rand() * 1000)}.rs`);
  paths.forEach((p, i) => {
    if (opts.dropAllowlisted !== undefined && i === opts.dropAllowlisted) return;
    files.set(p, randomText(rand, RUST_LINES, 3 + Math.floor(rand() * 25)));
  });
  for (const krate of ['kernel', 'sidecar', 'execution', 'agent-free', 'gen0']) {
    files.set(`crates/${krate}/Cargo.toml`, randomText(rand, MANIFEST_LINES, 4 + Math.floor(rand() * 14)));
  }
  return { files };
}

interface Verdicts {
  api: string[];
  deps: string[];
  sanityOk: boolean;
}

/** Parses the libtest output of the compiled seed. */
function parseSeed(output: string): Verdicts {
  const api: string[] = [];
  const deps: string[] = [];
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const header = /^---- (\w+) stdout ----$/.exec(line);
    if (header) {
      current = header[1];
      continue;
    }
    const cls = current ? TEST_OF_CLASS[current] : undefined;
    const hit = /^(crates\/[^:]+\.rs):(\d+): /.exec(line);
    if (cls && hit) api.push(`${hit[1]}:${hit[2]} ${cls}`);
    const dep = /^(crates\/[^:]+\/Cargo\.toml): depends on banned crate `(.*)`$/.exec(line);
    if (current === 'no_secure_exec_crate_depends_on_agent_acp_session' && dep) deps.push(`${dep[1]} ${dep[2]}`);
  }
  const sanityOk = /test lint_scans_real_sources_and_allowlist_paths_exist \.\.\. ok/.test(output);
  return { api: api.sort(), deps: deps.sort(), sanityOk };
}

function parseChokepoint(stdout: string): Verdicts {
  const report = parseJson(stdout);
  const api = report.findings.filter((f) => f.kind === 'banned-api').map((f) => `${f.path}:${f.line} ${f.class}`);
  const deps = report.findings.filter((f) => f.kind === 'banned-dependency').map((f) => `${f.path} ${f.dependency}`);
  const sanityOk = !report.findings.some((f) => f.kind === 'too-few-files' || f.kind === 'missing-allowlist-path');
  assert.deepEqual(report.findings.filter((f) => f.kind === 'invalid-file'), [], 'generated trees are valid UTF-8');
  return { api: api.sort(), deps: deps.sort(), sanityOk };
}

const rustc = findRustc();
const needs = { [`the seed guards test at ${SEED}`]: existsSync(SEED), rustc: rustc !== undefined };

testNeeding('init --from the seed + --matcher line reproduces the seed test verdicts exactly', needs, { timeout: 600_000, ...SLOW }, async () => {
  const repo = await makeRepo();
  const binDir = tempDir('chokepoint-seed-bin-');
  try {
    const guards = 'crates/sidecar/tests/architecture_guards.rs';
    mkdirSync(join(repo.dir, 'crates/sidecar/tests'), { recursive: true });
    copyFileSync(SEED, join(repo.dir, guards));
    // The seed finds its root through env!("CARGO_MANIFEST_DIR"), fixed at compile time:
    // one binary serves every tree written into the same directory.
    const bin = join(binDir, 'guards');
    const compiled = await execa(rustc!, ['--edition', '2021', '--test', '-o', bin, join(repo.dir, guards)], { env: { CARGO_MANIFEST_DIR: join(repo.dir, 'crates/sidecar') }, reject: false });
    assert.equal(compiled.exitCode, 0, compiled.stderr);
    const init = await repo.chokepoint(['init', '--from', guards]);
    assert.equal(init.exitCode, 0, init.stderr);
    const config = repo.read('chokepoint.toml');

    const cases: { name: string; tree: Tree }[] = [
      { name: 'green-ish tree', tree: randomTree(1, {}) },
      { name: 'missing allowlisted file', tree: randomTree(2, { dropAllowlisted: 3 }) },
      { name: 'too few files', tree: randomTree(3, { fewFiles: true }) },
    ];
    for (let seed = 10; seed < 22; seed++) cases.push({ name: `random tree ${seed}`, tree: randomTree(seed, {}) });

    let totalApi = 0;
    let totalDeps = 0;
    for (const { name, tree } of cases) {
      rmSync(join(repo.dir, 'crates'), { recursive: true, force: true });
      mkdirSync(join(repo.dir, 'crates/sidecar/tests'), { recursive: true });
      copyFileSync(SEED, join(repo.dir, guards));
      for (const [path, text] of tree.files) repo.write(path, text);
      writeFileSync(join(repo.dir, 'chokepoint.toml'), config);
      const seedRun = await execa(bin, ['--test-threads=1'], { reject: false, env: { RUST_BACKTRACE: '0' } });
      const seedVerdict = parseSeed(`${seedRun.stdout}\n${seedRun.stderr}`);
      const ours = await repo.chokepoint(['--all', '--matcher', 'line', '--format', 'json']);
      assert.notEqual(ours.exitCode, 2, `${name}: ${ours.stderr}`);
      const ourVerdict = parseChokepoint(ours.stdout);
      const onlySeed = [...seedVerdict.api, ...seedVerdict.deps].filter((x) => ![...ourVerdict.api, ...ourVerdict.deps].includes(x));
      const onlyOurs = [...ourVerdict.api, ...ourVerdict.deps].filter((x) => ![...seedVerdict.api, ...seedVerdict.deps].includes(x));
      const firstFile = (onlySeed[0] ?? onlyOurs[0] ?? '').replace(/(:\d+)? \S+$/, '');
      const context = firstFile ? JSON.stringify(tree.files.get(firstFile)) : '';
      assert.deepEqual(ourVerdict, seedVerdict, `${name}: verdicts differ; only seed: ${onlySeed.join(', ')}; only chokepoint: ${onlyOurs.join(', ')}; ${firstFile}: ${context}`);
      assert.equal(ours.exitCode === 0, seedRun.exitCode === 0, `${name}: both green or both red`);
      totalApi += seedVerdict.api.length;
      totalDeps += seedVerdict.deps.length;
    }
    // The generator must actually exercise the rules, or the comparison proves nothing.
    assert.ok(totalApi > 100, `only ${totalApi} API findings compared`);
    assert.ok(totalDeps > 20, `only ${totalDeps} dependency findings compared`);
    assert.ok(CLASSES.every((c) => readFileSync(join(repo.dir, 'chokepoint.toml'), 'utf8').includes(`name = "${c}"`)));
  } finally {
    repo.cleanup();
    rmSync(binDir, { recursive: true, force: true });
  }
});
