// Reads many blobs through one `git cat-file --batch` process: one process for
// the whole run instead of one per file is most of the hook's speed.

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { environmentError } from '../errors.js';
import { messages } from '../messages.js';
import { sharedState } from '../sharedState.js';

interface Pending {
  oid: string;
  resolve: (blob: Buffer | undefined) => void;
  reject: (err: Error) => void;
}

const CAT_FILE = ['cat-file', '--batch'];
const spawnCatFile = (cwd: string): ChildProcessWithoutNullStreams =>
  process.getBuiltinModule('node:child_process').spawn('git', CAT_FILE, { cwd, env: { ...process.env, LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });

/** A cat-file started ahead of time, and the names already asked of it. */
interface Warm {
  child: ChildProcessWithoutNullStreams;
  asked: readonly string[];
}

/** Shared with the launcher's copy of this module (see prefetchGit in git.ts). */
const warm = sharedState('chokepoint.warmBlobReaders', () => new Map<string, Warm>());

/** Whether a child keeps node running: a warm process nobody takes must not. */
function holdOpen(child: ChildProcessWithoutNullStreams, hold: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref?(): void; unref?(): void }[]) {
    if (hold) handle.ref?.();
    else handle.unref?.();
  }
}

/**
 * Starts a cat-file process early (the hook does while it loads) and asks it
 * for `names` at once (the staged config), so their answers are waiting when
 * the run gets to them; the next reader for `cwd` takes it.
 */
export function warmBlobReader(cwd: string, names: readonly string[] = []): void {
  if (warm.has(cwd)) return;
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawnCatFile(cwd);
  } catch {
    return; // spawn throws for some bad working directories (a file): the real run reports it
  }
  // A failed start is dropped here; the reader then spawns again and reports it.
  child.on('error', () => warm.delete(cwd));
  child.stdin.on('error', () => warm.delete(cwd));
  if (names.length) child.stdin.write(names.map((name) => `${name}\n`).join(''));
  holdOpen(child, false);
  warm.set(cwd, { child, asked: names });
}

function takeWarm(cwd: string): Warm | undefined {
  const taken = warm.get(cwd);
  warm.delete(cwd);
  if (!taken || taken.child.exitCode !== null || taken.child.pid === undefined) return undefined;
  holdOpen(taken.child, true);
  return taken;
}

export class BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Output not yet joined to `buffer`: joining every chunk would copy a large blob quadratically. */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** How many bytes `buffer` must hold before the answer at its head is complete (0: unknown). */
  private needed = 0;
  private failure: Error | undefined;
  /** Answers to names a warm process was asked before this reader took it, until read. */
  private readonly early = new Map<string, Promise<Buffer | undefined>>();

  constructor(private readonly cwd: string) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const taken = takeWarm(this.cwd);
    const child = taken?.child ?? spawnCatFile(this.cwd);
    // Answers come in the order asked: the early names were asked first.
    for (const oid of taken?.asked ?? []) {
      const answer = new Promise<Buffer | undefined>((resolve, reject) => this.queue.push({ oid, resolve, reject }));
      answer.catch(() => undefined); // a failure nobody asks about is not an error; a reader still sees it
      this.early.set(oid, answer);
    }
    child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.chunkBytes += chunk.length;
      if (this.buffer.length + this.chunkBytes < this.needed) return;
      this.buffer = this.buffer.length || this.chunks.length > 1 ? Buffer.concat([this.buffer, ...this.chunks]) : chunk;
      this.chunks = [];
      this.chunkBytes = 0;
      this.drain();
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      this.fail(e.code === 'ENOENT' ? environmentError(messages.gitMissing, messages.gitMissingHint) : e);
    });
    child.on('close', (code) => {
      if (this.queue.length) this.fail(environmentError(messages.gitFailed(['cat-file', '--batch'], stderr.trim() || `exit ${code}`)));
    });
    child.stdin.on('error', () => {
      /* reported through 'close' */
    });
    this.child = child;
    return child;
  }

  private fail(err: Error): void {
    this.failure = err;
    for (const p of this.queue.splice(0)) p.reject(err);
  }

  /** Parses as many complete answers as the buffer holds. */
  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.toString('utf8', 0, eol);
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      if (!Number.isFinite(size)) {
        this.fail(environmentError(messages.gitFailed(['cat-file', '--batch'], `unexpected answer: ${header}`)));
        return;
      }
      const end = eol + 1 + size + 1; // content, then a newline
      if (this.buffer.length < end) {
        this.needed = end;
        return;
      }
      this.needed = 0;
      // A name may resolve to a tree or a submodule commit: only blobs are files.
      const isBlob = header.split(' ')[1] === 'blob';
      const blob = isBlob ? Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size)) : undefined;
      this.buffer = this.buffer.subarray(end);
      this.queue.shift();
      pending.resolve(blob);
    }
  }

  /** Reads blobs by object id, in one round trip for the whole list. */
  read(oids: readonly string[]): Promise<(Buffer | undefined)[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (oids.length === 0) return Promise.resolve([]);
    const child = this.start();
    const asked: string[] = [];
    const answers = oids.map((oid) => {
      const early = this.early.get(oid);
      if (early) {
        this.early.delete(oid);
        return early;
      }
      asked.push(oid);
      return new Promise<Buffer | undefined>((resolve, reject) => this.queue.push({ oid, resolve, reject }));
    });
    if (asked.length) child.stdin.write(asked.map((oid) => `${oid}\n`).join(''));
    return Promise.all(answers);
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }
}
