// Reading one working-tree file (readWorktreeFile): every size around the
// read buffer's, each read its own copy, and what is not a regular
// file (a FIFO, with or without a writer, a directory, a symlink, a path that
// is gone). A file that fits the buffer is read with no fstat: these pin the
// cases where the end of the file, or its kind, must still be asked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorktreeFile } from '../src/source/sources.js';

const BUFFER = 64 * 1024; // the reader's buffer

function withDir(run: (dir: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-read-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Bytes that differ at every offset, so a missing or repeated chunk shows. */
function pattern(size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
  return bytes;
}

test(
  'every size around the read buffer is read whole, and each read is the caller’s own copy',
  withDir((dir) => {
    const sizes = [0, 1, 15, 16, 17, 1000, BUFFER - 1, BUFFER, BUFFER + 1, 3 * BUFFER + 5, 5];
    const reads: Array<[Buffer | undefined, Buffer]> = [];
    for (const size of sizes) {
      const expected = pattern(size);
      writeFileSync(join(dir, `f${size}.rs`), expected);
      const read = readWorktreeFile(dir, `f${size}.rs`);
      assert.deepEqual(read, expected, `${size} bytes`);
      reads.push([read, expected]);
    }
    // Later reads (a larger file, then a shorter one) never show through an earlier result.
    for (const [read, expected] of reads) assert.deepEqual(read, expected);
  }),
);

test(
  'a FIFO is not a file, with or without a writer, and is never waited on',
  { timeout: 300_000 },
  withDir(async (dir) => {
    const fifo = join(dir, 'pipe.rs');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    assert.equal(readWorktreeFile(dir, 'pipe.rs'), undefined, 'no writer');
    // A writer blocked in open until a reader comes: the read sees a FIFO with data.
    const writer = spawn('sh', ['-c', `printf 'std::fs::read("x");' > '${fifo}'`], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(readWorktreeFile(dir, 'pipe.rs'), undefined, 'with a writer');
    } finally {
      writer.kill('SIGKILL');
    }
  }),
);

test(
  'a directory and a missing path are not files; a symlink is its link text, never followed',
  withDir((dir) => {
    mkdirSync(join(dir, 'folder.rs'));
    assert.equal(readWorktreeFile(dir, 'folder.rs'), undefined);
    assert.equal(readWorktreeFile(dir, 'gone.rs'), undefined);
    assert.equal(readWorktreeFile(dir, 'folder.rs/inside.rs'), undefined);
    writeFileSync(join(dir, 'target.rs'), 'std::fs::read("x");\n');
    symlinkSync('target.rs', join(dir, 'link.rs'));
    assert.equal(readWorktreeFile(dir, 'link.rs')?.toString(), 'target.rs');
  }),
);

test('a character device is not a file, even one that never ends', () => {
  // /dev/zero fills every buffer it is given: only asking what it is stops the read.
  assert.equal(readWorktreeFile('/dev', 'zero'), undefined);
  assert.equal(readWorktreeFile('/dev', 'null'), undefined);
});
