// Imported allowlist reasons are never guessed: a comment is an entry's
// reason only beside it or directly above it; other entries say they have
// none and quote the nearest comment above, with its line. A guards file
// shaped like a real one: group headers, entries with their own comments,
// entries with none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import toml from 'toml';
import { analyzeGuards, entriesNeedingReasons, importGuards } from '../src/config/importGuards.js';
import { makeRepo } from './helpers.js';

const GUARDS = String.raw`use std::path::{Path, PathBuf};

struct Boundary {
    name: &'static str,
    needles: &'static [&'static str],
    allowlist: &'static [&'static str],
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().map_or(false, |e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn boundaries() {
    let mut files = Vec::new();
    collect(Path::new("units"), &mut files);
    let _ = files;
}

/// Disk access goes through the vault.
const DISK_ALLOW: &[&str] = &[
    // Vault plumbing: the one reviewed disk layer.
    "units/vault/src/disk.rs",
    "units/vault/src/journal.rs",
    "units/vault/src/snapshot.rs",

    // Loaders for packaged assets (read-only).
    // They never write.
    "units/assets/src/loader.rs",
    "units/assets/src/cache.rs", // mmap of the asset cache

    // The macOS keychain shim needs raw file descriptors.
    "units/keychain/src/macos.rs",
    "units/kernel/src/sockets.rs",
    "units/kernel/src/core.rs",
];

fn disk() -> Boundary {
    Boundary { name: "disk", needles: &["std::fs"], allowlist: DISK_ALLOW }
}
`;

/** The 1-based line of the first line of GUARDS that contains `text`. */
const lineOf = (text: string): number => GUARDS.split('\n').findIndex((l) => l.includes(text)) + 1;

const reasonOf = (text: string, path: string): string => {
  const config = JSON.parse(JSON.stringify(toml.parse(text))) as { class: { allow: { path: string; reason: string }[] }[] };
  const entry = config.class[0]!.allow.find((a) => a.path === path);
  assert.ok(entry, `no entry for ${path}`);
  return entry.reason;
};

test('by default only a comment beside an entry or directly above it becomes its reason', () => {
  const text = importGuards(GUARDS, 'units/guards/tests/boundaries.rs');
  assert.equal(reasonOf(text, 'units/vault/src/disk.rs'), 'Vault plumbing: the one reviewed disk layer.');
  assert.equal(reasonOf(text, 'units/vault/src/journal.rs'), `imported from boundaries.rs without a comment of its own; the nearest comment above (line ${lineOf('// Vault plumbing')}) says: Vault plumbing: the one reviewed disk layer.`);
  assert.equal(reasonOf(text, 'units/assets/src/loader.rs'), 'Loaders for packaged assets (read-only). They never write.');
  assert.equal(reasonOf(text, 'units/assets/src/cache.rs'), 'mmap of the asset cache');
  assert.equal(reasonOf(text, 'units/keychain/src/macos.rs'), 'The macOS keychain shim needs raw file descriptors.');
  // The comment about macOS is not a reason for the kernel's files.
  for (const path of ['units/kernel/src/sockets.rs', 'units/kernel/src/core.rs']) {
    assert.equal(reasonOf(text, path), `imported from boundaries.rs without a comment of its own; the nearest comment above (line ${lineOf('// The macOS keychain')}) says: The macOS keychain shim needs raw file descriptors.`);
  }
  assert.deepEqual(entriesNeedingReasons(analyzeGuards(GUARDS, 'boundaries.rs')), { needing: 4, total: 8 });
  assert.match(text, /^# 4 allowlist entries have no comment of their own/m);
});

test('--reasons-from-group-comments lets a group heading be the reason of every entry under it', () => {
  const text = importGuards(GUARDS, 'boundaries.rs', { reasonsFromGroupComments: true });
  assert.equal(reasonOf(text, 'units/vault/src/snapshot.rs'), 'Vault plumbing: the one reviewed disk layer.');
  assert.equal(reasonOf(text, 'units/kernel/src/core.rs'), 'The macOS keychain shim needs raw file descriptors.');
  assert.equal(reasonOf(text, 'units/assets/src/cache.rs'), 'mmap of the asset cache', 'an own comment still wins');
  assert.deepEqual(entriesNeedingReasons(analyzeGuards(GUARDS, 'boundaries.rs', { reasonsFromGroupComments: true })), { needing: 0, total: 8 });
});

test('init --from ends by saying how many entries need a human reason', async () => {
  const repo = await makeRepo({ 'units/guards/tests/boundaries.rs': GUARDS });
  try {
    const r = await repo.chokepoint(['init', '--from', 'units/guards/tests/boundaries.rs']);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stdout, /4 of 8 allowlist entries need a human reason/);
    const grouped = await repo.chokepoint(['init', '--force', '--from', 'units/guards/tests/boundaries.rs', '--reasons-from-group-comments']);
    assert.equal(grouped.exitCode, 0, grouped.stderr);
    assert.doesNotMatch(grouped.stdout, /need a human reason/);
    const misuse = await repo.chokepoint(['init', '--force', '--reasons-from-group-comments']);
    assert.equal(misuse.exitCode, 2);
    assert.match(misuse.stderr, /--reasons-from-group-comments goes with --from/);
  } finally {
    repo.cleanup();
  }
});
