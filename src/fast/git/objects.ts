// Reads objects from a repository's object directory without starting git:
// loose objects and pack files (version 2 indexes, deltas against an offset or
// an object id). Anything this reader does not know (another hash, an
// alternate object store, a missing object, a damaged file) is an answer of
// `undefined`, and the caller asks git instead.

import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

const PACK_TYPES: readonly (ObjectType | undefined)[] = [undefined, 'commit', 'tree', 'blob', 'tag'];
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Deeper chains than git itself writes (its default limit is 50) are not followed. */
const MAX_DELTA_DEPTH = 4096;
/** zlib's own bounds for an inflate chunk (Node rejects a chunkSize below 64). */
const MIN_CHUNK = 64;
const MAX_CHUNK = 1 << 26;

interface Pack {
  idxPath: string;
  packPath: string;
  /** Opened on first use. */
  idx?: number;
  pack?: number;
  packSize?: number;
  fanout?: Uint32Array;
}

/** A damaged or unexpected file: the whole lookup gives up and git is asked. */
class Unreadable extends Error {}

export class ObjectStore {
  private packs: Pack[] | undefined;
  private readonly byOffset = new Map<string, GitObject>();

  constructor(private readonly objectsDir: string) {}

  /** Whether this store can serve reads at all (an alternate store would hold objects it cannot see). */
  static usable(objectsDir: string): boolean {
    return existsSync(objectsDir) && !existsSync(`${objectsDir}/info/alternates`);
  }

  /** The object `oid` (40 hex digits), or undefined when it cannot be read here. */
  read(oid: string): GitObject | undefined {
    try {
      return this.loose(oid) ?? this.packed(oid, 0);
    } catch (err) {
      if (err instanceof Unreadable || isReadFailure(err)) return undefined;
      throw err;
    }
  }

  close(): void {
    for (const p of this.packs ?? []) {
      if (p.idx !== undefined) closeSync(p.idx);
      if (p.pack !== undefined) closeSync(p.pack);
    }
    this.packs = undefined;
  }

  private loose(oid: string): GitObject | undefined {
    let raw: Buffer;
    try {
      raw = readFileSync(`${this.objectsDir}/${oid.slice(0, 2)}/${oid.slice(2)}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    // Node inflates in chunks of chunkSize, copying as it goes: one chunk that
    // fits the usual object (source compresses 3-5×) is several times faster.
    const body = inflateSync(raw, { chunkSize: Math.min(Math.max(raw.length * 8, MIN_CHUNK), MAX_CHUNK) });
    const space = body.indexOf(32);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0) throw new Unreadable();
    const type = body.toString('latin1', 0, space);
    if (type !== 'commit' && type !== 'tree' && type !== 'blob' && type !== 'tag') throw new Unreadable();
    const size = Number(body.toString('latin1', space + 1, nul));
    const data = body.subarray(nul + 1);
    if (data.length !== size) throw new Unreadable();
    return { type, data };
  }

  private listPacks(): Pack[] {
    if (this.packs) return this.packs;
    let names: string[];
    try {
      names = readdirSync(`${this.objectsDir}/pack`);
    } catch {
      names = [];
    }
    this.packs = names.filter((n) => n.endsWith('.idx')).map((n) => ({ idxPath: `${this.objectsDir}/pack/${n}`, packPath: `${this.objectsDir}/pack/${n.slice(0, -4)}.pack` }));
    return this.packs;
  }

  private packed(oid: string, depth: number): GitObject | undefined {
    const want = Buffer.from(oid, 'hex');
    if (want.length !== 20) throw new Unreadable();
    for (const pack of this.listPacks()) {
      const offset = findInIndex(pack, want);
      if (offset !== undefined) return this.atOffset(pack, offset, depth);
    }
    return undefined;
  }

  private atOffset(pack: Pack, offset: number, depth: number): GitObject {
    if (depth > MAX_DELTA_DEPTH) throw new Unreadable();
    const key = `${pack.packPath}\0${offset}`;
    const cached = this.byOffset.get(key);
    if (cached) return cached;
    pack.pack ??= openSync(pack.packPath, 'r');
    pack.packSize ??= fstatSync(pack.pack).size;
    const head = Buffer.alloc(32);
    const got = readSync(pack.pack, head, 0, head.length, offset);
    let at = 0;
    const next = (): number => {
      if (at >= got) throw new Unreadable();
      return head[at++]!;
    };
    let c = next();
    const typeCode = (c >> 4) & 7;
    let size = c & 15;
    let shift = 4;
    while (c & 0x80) {
      c = next();
      size += (c & 0x7f) * 2 ** shift;
      shift += 7;
    }
    let object: GitObject;
    if (typeCode === OFS_DELTA) {
      c = next();
      let back = c & 0x7f;
      while (c & 0x80) {
        c = next();
        back = (back + 1) * 128 + (c & 0x7f);
      }
      const base = this.atOffset(pack, offset - back, depth + 1);
      object = { type: base.type, data: applyDelta(base.data, this.inflateAt(pack, offset + at, size)) };
    } else if (typeCode === REF_DELTA) {
      if (at + 20 > got) throw new Unreadable();
      const baseId = head.toString('hex', at, at + 20);
      at += 20;
      const base = this.loose(baseId) ?? this.packed(baseId, depth + 1);
      if (!base) throw new Unreadable();
      object = { type: base.type, data: applyDelta(base.data, this.inflateAt(pack, offset + at, size)) };
    } else {
      const type = PACK_TYPES[typeCode];
      if (!type) throw new Unreadable();
      object = { type, data: this.inflateAt(pack, offset + at, size) };
    }
    // Trees and commits are bases of deltas and read more than once; blobs are read once.
    if (object.type !== 'blob') this.byOffset.set(key, object);
    return object;
  }

  /** Inflates the zlib stream at `offset`, which must give exactly `size` bytes. */
  private inflateAt(pack: Pack, offset: number, size: number): Buffer {
    // A deflated stream is rarely much longer than what it holds; read more if it is.
    let length = size + 64 + (size >> 3);
    for (;;) {
      const take = Math.min(length, pack.packSize! - offset);
      if (take <= 0) throw new Unreadable();
      const chunk = Buffer.allocUnsafe(take);
      const got = readSync(pack.pack!, chunk, 0, take, offset);
      try {
        const data = inflateSync(chunk.subarray(0, got), { chunkSize: Math.min(Math.max(size, MIN_CHUNK), MAX_CHUNK) });
        if (data.length !== size) throw new Unreadable();
        return data;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR' || take < length) throw err instanceof Unreadable ? err : new Unreadable();
        length *= 2;
      }
    }
  }
}

/** A read that failed for a reason of the files (not a bug): missing, unreadable, not zlib data. */
export function isReadFailure(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && (code.startsWith('E') || code.startsWith('Z_') || code.startsWith('ERR_'));
}

/** The object's offset in the pack, from the version 2 index (binary search within its fan-out bucket). */
function findInIndex(pack: Pack, want: Buffer): number | undefined {
  if (pack.idx === undefined) {
    pack.idx = openSync(pack.idxPath, 'r');
    const header = Buffer.alloc(8 + 256 * 4);
    if (readSync(pack.idx, header, 0, header.length, 0) !== header.length) throw new Unreadable();
    // Version 2: a magic number, then 2. Version 1 indexes (git before 1.5.2) are left to git.
    if (header.readUInt32BE(0) !== 0xff744f63 || header.readUInt32BE(4) !== 2) throw new Unreadable();
    const fanout = new Uint32Array(256);
    for (let i = 0; i < 256; i++) fanout[i] = header.readUInt32BE(8 + i * 4);
    pack.fanout = fanout;
  }
  const fanout = pack.fanout!;
  const count = fanout[255]!;
  const first = want[0]!;
  let lo = first === 0 ? 0 : fanout[first - 1]!;
  let hi = fanout[first]!;
  if (hi <= lo) return undefined;
  const namesAt = 8 + 1024;
  const names = Buffer.allocUnsafe((hi - lo) * 20);
  if (readSync(pack.idx, names, 0, names.length, namesAt + lo * 20) !== names.length) throw new Unreadable();
  const base = lo;
  hi -= base;
  lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const cmp = names.compare(want, 0, 20, mid * 20, mid * 20 + 20);
    if (cmp === 0) {
      const i = base + mid;
      const word = Buffer.allocUnsafe(8);
      const offsetsAt = namesAt + count * 24; // names, then CRCs
      if (readSync(pack.idx, word, 0, 4, offsetsAt + i * 4) !== 4) throw new Unreadable();
      const small = word.readUInt32BE(0);
      if (!(small & 0x80000000)) return small;
      const large = offsetsAt + count * 4 + (small & 0x7fffffff) * 8;
      if (readSync(pack.idx, word, 0, 8, large) !== 8) throw new Unreadable();
      return Number(word.readBigUInt64BE(0));
    }
    if (cmp > 0) hi = mid;
    else lo = mid + 1;
  }
  return undefined;
}

/** Git's delta format: the two sizes, then copies from the base and inserted bytes. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    let c: number;
    do {
      if (at >= delta.length) throw new Unreadable();
      c = delta[at++]!;
      value += (c & 0x7f) * 2 ** shift;
      shift += 7;
    } while (c & 0x80);
    return value;
  };
  if (varint() !== base.length) throw new Unreadable();
  const out = Buffer.allocUnsafe(varint());
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++]!;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += delta[at++]! * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (0x10 << bit)) size += delta[at++]! << (8 * bit);
      if (size === 0) size = 0x10000;
      if (at > delta.length || offset + size > base.length || written + size > out.length) throw new Unreadable();
      base.copy(out, written, offset, offset + size);
      written += size;
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > out.length) throw new Unreadable();
      delta.copy(out, written, at, at + op);
      at += op;
      written += op;
    } else throw new Unreadable();
  }
  if (written !== out.length) throw new Unreadable();
  return out;
}
