// Manifests against the workspace boundary: patches, replacements, target
// paths, local git URLs, symbolic links (on disk and as staged), and a
// member's inherited dependency judged by the workspace root.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, fileUrlPath } from '../src/rules/dependencies.js';
import type { DependencyRuleConfig, Finding } from '../src/types.js';
import { makeRepo, parseJson, type Repo } from './helpers.js';

function rule(overrides: Partial<DependencyRuleConfig> = {}): DependencyRuleConfig {
  return { manifests: ['**/Cargo.toml'], banned: ['reqwest'], allow: [], forbidEscapingPaths: true, ...overrides };
}

const rows = (findings: Finding[]) => findings.map((f) => [f.line, f.column, f.kind, f.table]);
const lines = (...ls: string[]) => ls.join('\n') + '\n';

test('patch, replace, target paths, the build script and local git URLs are held to the repository', () => {
  const text = lines(
    '[package]', //                                                   1
    'name = "app"', //                                                2
    'build = "../../../gen/build.rs"', //                             3
    '[lib]', //                                                       4
    'path = "../../../shared/lib.rs"', //                             5
    '[[bin]]', //                                                     6
    'name = "tool"', //                                               7
    'path = "/opt/tool/main.rs"', //                                  8
    '[[bin]]', //                                                     9
    'name = "fine"', //                                               10
    'path = "src/bin/fine.rs"', //                                    11
    '[[example]]', //                                                 12
    'name = "ex"', //                                                 13
    'path = "../../../ex.rs"', //                                     14
    '[dependencies]', //                                              15
    'local = { git = "file:///srv/git/local.git" }', //               16
    'host = { git = "file://localhost/srv/x.git", branch = "m" }', // 17
    'inside = { git = "file:../../vendor/x" }', //                    18
    'remote = { git = "https://example.com/x.git" }', //              19
    '[patch.crates-io]', //                                           20
    'serde = { path = "../../../forks/serde" }', //                   21
    'tokio = { git = "file:///forks/tokio" }', //                     22
    "[patch.'https://github.com/example/x']", //                      23
    'x = { path = "../../vendor/x" }', //                             24
    '[replace]', //                                                   25
    '"foo:0.1.0" = { path = "../../../foo" }', //                     26
  );
  const verdict = checkManifest('crates/app/Cargo.toml', text, rule());
  assert.deepEqual(rows(verdict.findings), [
    [3, 9, 'escaping-path-dependency', 'package.build'],
    [5, 8, 'escaping-path-dependency', 'lib'],
    [8, 8, 'escaping-path-dependency', 'bin tool'],
    [14, 8, 'escaping-path-dependency', 'example ex'],
    [16, 17, 'escaping-path-dependency', 'dependencies'],
    [17, 16, 'escaping-path-dependency', 'dependencies'],
    [21, 18, 'escaping-path-dependency', 'patch.crates-io'],
    [22, 17, 'escaping-path-dependency', 'patch.crates-io'],
    [26, 24, 'escaping-path-dependency', 'replace'],
  ]);
  assert.match(verdict.findings[4]!.message, /Git dependency on a local repository `local`.*absolute/);
  assert.deepEqual(checkManifest('crates/app/Cargo.toml', text, rule({ forbidEscapingPaths: false })).findings, [], 'only with the path rule on');
});

test('fileUrlPath reads the path of file URLs and nothing else', () => {
  assert.equal(fileUrlPath('file:///srv/a%20b.git'), '/srv/a b.git');
  assert.equal(fileUrlPath('file://host/srv/x'), '/srv/x');
  assert.equal(fileUrlPath('FILE:rel/x?branch=main'), 'rel/x');
  assert.equal(fileUrlPath('git+file:///x'), '/x');
  assert.equal(fileUrlPath('https://example.com/file:/x'), undefined);
  assert.equal(fileUrlPath('file:///bad%zz'), '/bad%zz');
});

test('a listed wrapper may name its banned crate directly; others, and the workspace table, may not', () => {
  const wrappers = [{ banned: 'reqwest', crates: ['net-gateway'], reason: 'the network chokepoint' }];
  const gateway = lines('[package]', 'name = "net-gateway"', '[dependencies]', 'reqwest = "0.12"');
  assert.deepEqual(checkManifest('crates/net/Cargo.toml', gateway, rule({ wrappers })).findings, []);
  const other = gateway.replace('net-gateway', 'app');
  assert.deepEqual(rows(checkManifest('crates/app/Cargo.toml', other, rule({ wrappers })).findings), [[4, 1, 'banned-dependency', 'dependencies']]);
  const root = lines('[package]', 'name = "net-gateway"', '[workspace.dependencies]', 'reqwest = "0.12"');
  assert.deepEqual(rows(checkManifest('Cargo.toml', root, rule({ wrappers })).findings), [[4, 1, 'banned-dependency', 'workspace.dependencies']]);
});

const CONFIG = '[dependency_rule]\nmanifests = ["crates/*/Cargo.toml"]\nbanned = ["reqwest"]\nforbid_escaping_paths = true\n';

async function repoWith(files: Record<string, string>): Promise<Repo> {
  const repo = await makeRepo({ 'chokepoint.toml': CONFIG, ...files });
  await repo.chokepoint(['install']);
  await repo.git(['add', '-A']);
  await repo.git(['commit', '-q', '--no-verify', '-m', 'base']);
  return repo;
}

test('a path dependency that leaves through a symbolic link: on disk for --all, as staged in the hook', async () => {
  const repo = await repoWith({ 'crates/app/Cargo.toml': '[package]\nname = "app"\n\n[dependencies]\nshared = { path = "../../vendor/shared" }\n', 'vendor/README': 'vendored crates\n' });
  try {
    // vendor/shared is a link out of the repository.
    symlinkSync('../../outside/shared', join(repo.dir, 'vendor/shared'));
    const all = parseJson((await repo.chokepoint(['check', '--all', '--format', 'json'])).stdout);
    assert.deepEqual(all.findings.map((f) => [f.kind, f.path, f.line, f.column]), [['escaping-path-dependency', 'crates/app/Cargo.toml', 5, 19]]);
    assert.match(String(all.findings[0]!.message), /`vendor\/shared` links to `\.\.\/\.\.\/outside\/shared`, which resolves to `\.\.\/outside\/shared`/);

    // Staged: the index holds the link; the working tree then holds a plain directory.
    await repo.git(['add', 'vendor/shared']);
    rmSync(join(repo.dir, 'vendor/shared'));
    mkdirSync(join(repo.dir, 'vendor/shared'));
    repo.write('crates/app/Cargo.toml', '[package]\nname = "app"\n\n[dependencies]\nshared = { path = "../../vendor/shared" }\nserde = "1"\n');
    await repo.git(['add', 'crates/app/Cargo.toml']);
    const hook = await repo.commit('vendor shared');
    assert.equal(hook.exitCode, 1);
    assert.match(hook.stdout + hook.stderr, /crates\/app\/Cargo\.toml:5:19.*symbolic link/);
    // With the link gone from the index, the same commit passes.
    await repo.git(['rm', '-q', '--cached', 'vendor/shared']);
    assert.equal((await repo.commit('no link')).exitCode, 0);
  } finally {
    repo.cleanup();
  }
});

test('links that stay inside, absolute links and loops', async () => {
  const repo = await repoWith({ 'crates/app/Cargo.toml': '[package]\nname = "app"\n\n[dependencies]\na = { path = "../../links/a" }\nb = { path = "../../links/b/sub" }\nc = { path = "../../links/c" }\n', 'real/a/Cargo.toml': '[package]\nname = "a"\n' });
  try {
    mkdirSync(join(repo.dir, 'links'));
    symlinkSync('../real/a', join(repo.dir, 'links/a'));
    symlinkSync('/usr/lib', join(repo.dir, 'links/b'));
    symlinkSync('c2', join(repo.dir, 'links/c'));
    symlinkSync('c', join(repo.dir, 'links/c2'));
    const all = parseJson((await repo.chokepoint(['check', '--all', '--format', 'json'])).stdout);
    assert.deepEqual(all.findings.map((f) => [f.line, String(f.message).replace(/^.*symbolic link: /, '')]), [
      [6, '`links/b` links to the absolute path `/usr/lib`.'],
      [7, 'more than 40 symbolic links from `links/c` (a loop).'],
    ]);
  } finally {
    repo.cleanup();
  }
});

test('a member inherits a renamed banned crate from the root manifest, which the globs do not name', async () => {
  const repo = await repoWith({
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.dependencies]\nhttp = { package = "reqwest", version = "0.12" }\nserde = "1"\n',
    'crates/app/Cargo.toml': '[package]\nname = "app"\n\n[dependencies]\nserde.workspace = true\n',
  });
  try {
    repo.write('crates/app/Cargo.toml', '[package]\nname = "app"\n\n[dependencies]\nserde.workspace = true\nhttp = { workspace = true, features = ["json"] }\n');
    await repo.git(['add', '-A']);
    // The working tree's root no longer renames: the staged check reads the index.
    repo.write('Cargo.toml', '[workspace]\nmembers = ["crates/*"]\n\n[workspace.dependencies]\nhttp = "1"\nserde = "1"\n');
    const hook = parseJson((await repo.chokepoint(['check', '--staged', '--format', 'json'])).stdout);
    assert.deepEqual(hook.findings.map((f) => [f.kind, f.path, f.line, f.column, f.dependency]), [['banned-dependency', 'crates/app/Cargo.toml', 6, 1, 'reqwest']]);
    assert.match(String(hook.findings[0]!.message), /`http\.workspace = true` inherits it from Cargo\.toml/);
    const all = parseJson((await repo.chokepoint(['check', '--all', '--format', 'json'])).stdout);
    assert.deepEqual(all.findings, [], 'the working tree root names no banned crate');
  } finally {
    repo.cleanup();
  }
});
