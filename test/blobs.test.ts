// The cat-file reader on a real repository: answers in order, early answers
// from a warm process, missing names, and an early answer nobody reads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlobReader, warmBlobReader } from '../src/source/blobs.js';
import { makeRepo } from './helpers.js';

async function stagedRepo() {
  const repo = await makeRepo({ 'a.txt': 'alpha\n', 'dir/b.txt': 'beta\n', 'c.txt': 'gamma\n' });
  await repo.git(['add', '-A']);
  return repo;
}

const text = (b: Buffer | undefined) => b?.toString('utf8');

test('a reader answers every name in order, missing ones as undefined', async () => {
  const repo = await stagedRepo();
  const reader = new BlobReader(repo.dir);
  try {
    const blobs = await reader.read([':0:c.txt', ':0:nope.txt', ':0:dir/b.txt', ':0:dir']);
    assert.deepEqual(blobs.map(text), ['gamma\n', undefined, 'beta\n', undefined]);
  } finally {
    reader.close();
    repo.cleanup();
  }
});

test('names asked of a warm process are answered to the reader that takes it, whatever it reads first', async () => {
  const repo = await stagedRepo();
  warmBlobReader(repo.dir, [':0:a.txt', ':0:missing.txt']);
  const reader = new BlobReader(repo.dir);
  try {
    // Other names first: the early answers must not be handed to them.
    assert.deepEqual((await reader.read([':0:c.txt', ':0:dir/b.txt'])).map(text), ['gamma\n', 'beta\n']);
    assert.deepEqual((await reader.read([':0:missing.txt', ':0:a.txt', ':0:c.txt'])).map(text), [undefined, 'alpha\n', 'gamma\n']);
    // Once read, an early name is asked again like any other.
    assert.deepEqual((await reader.read([':0:a.txt'])).map(text), ['alpha\n']);
  } finally {
    reader.close();
    repo.cleanup();
  }
});

test('an early answer nobody reads does no harm', async () => {
  const repo = await stagedRepo();
  warmBlobReader(repo.dir, [':0:a.txt']);
  const reader = new BlobReader(repo.dir);
  try {
    assert.deepEqual((await reader.read([':0:dir/b.txt'])).map(text), ['beta\n']);
  } finally {
    reader.close();
    repo.cleanup();
  }
});
