// Finds every occurrence of a few dozen byte strings in one pass, 16 bytes at
// a time: the "Teddy" filter of Intel's Hyperscan (also in Rust's
// aho-corasick, which ripgrep uses), written as a small WebAssembly SIMD
// function. Why: the audit's anchor scan is the largest part of its time, and
// irregexp runs a literal alternation at ~300 MB/s; this runs at ~2 GB/s on
// the same machine, with a JS check of each candidate.
//
// How: each pattern contributes a 3-byte fingerprint and belongs to one of 8
// buckets. For each fingerprint position j, two 16-entry tables map a byte's
// low and high nibble to the buckets that allow it there; a swizzle looks up
// 16 bytes at once, and ANDing the three positions leaves, per byte, the
// buckets whose fingerprint may start there. Nibbles over-approximate, so
// every candidate is checked against the bucket's patterns in JS.

import { code, I32, loopBelow, moduleBytes, op, V128, wasmApi, type FunctionSpec } from './wasm.js';

const FINGERPRINT = 3;
const BUCKETS = 8;
/** Largest input searched; larger ones are the caller's to handle otherwise. */
export const TEDDY_CAPACITY = 1 << 20;

// Memory layout: input (plus slack for the loads that run past its end),
// then the nibble tables, a 16-byte spill slot, the marking tables, the
// candidate list (one u32 per input byte at most: position << 8 | bucket
// bits), the marks (one bit per input byte), and the triple counts.
const TABLES = TEDDY_CAPACITY + 64;
const SPILL = TABLES + FINGERPRINT * 32;
const MARK_TABLES = SPILL + 16;
const OUT = MARK_TABLES + 32;
const MARKS = OUT + (TEDDY_CAPACITY + 16) * 4;
const COUNTS = MARKS + TEDDY_CAPACITY / 8 + 16;
/** Triple counts kept, by hash (see tripleSlot). */
export const TRIPLE_SLOTS = 1 << 16;
const PAGES = Math.ceil((COUNTS + TRIPLE_SLOTS * 4) / 65536);

/** Multiplier of the triple hash: Fibonacci hashing. */
const TRIPLE_HASH = 0x9e3779b1;

/** The count slot of a byte triple (its bytes, first to last, in the low 24 bits): as the counter computes it. */
export function tripleSlot(triple: number): number {
  return Math.imul(triple & 0xffffff, TRIPLE_HASH) >>> 16;
}

/**
 * Pushes lo[byte & 15] & hi[byte >> 4] for the 16 bytes at input[i + offset]
 * (the v128 locals `lo`, `hi` hold the tables, `nibble` sixteen 0x0f bytes;
 * `bytes` is scratch).
 */
function nibbleLookup(locals: { lo: number; hi: number; nibble: number; bytes: number; i: number }, offset: number): number[] {
  const { lo, hi, nibble, bytes, i } = locals;
  return code(
    op.localGet(lo),
    op.localGet(i),
    op.v128Load(offset),
    op.localTee(bytes),
    op.localGet(nibble),
    op.v128And,
    op.i8x16Swizzle,
    op.localGet(hi),
    op.localGet(bytes),
    op.i32Const(4),
    op.i8x16ShrU,
    op.i8x16Swizzle,
    op.v128And,
  );
}

/** Replaces the v128 on the stack with an i32: bit k set where its lane k is not zero. */
const NON_ZERO_LANES = code(op.i32Const(0), op.i8x16Splat, op.i8x16Eq, op.i8x16Bitmask, op.i32Const(0xffff), op.i32Xor);

/** The filter: `scan(length)` writes the candidates of input[0, length) at OUT and returns their count. */
function kernel(): FunctionSpec {
  const len = 0;
  const i = 1;
  const n = 2;
  const mask = 3;
  const res = 4;
  const nibble = 5;
  const bytes = 6;
  const lo = (j: number) => 7 + 2 * j;
  const hi = (j: number) => 8 + 2 * j;
  const loadTables: number[] = [];
  const lookups: number[] = [];
  for (let j = 0; j < FINGERPRINT; j++) {
    loadTables.push(...code(op.i32Const(0), op.v128Load(TABLES + 32 * j), op.localSet(lo(j))));
    loadTables.push(...code(op.i32Const(0), op.v128Load(TABLES + 32 * j + 16), op.localSet(hi(j))));
    // the buckets whose fingerprint may have its byte j at i + j + lane
    lookups.push(...nibbleLookup({ lo: lo(j), hi: hi(j), nibble, bytes, i }, j));
    if (j > 0) lookups.push(...op.v128And);
  }
  // Spill the lanes (a lane index must be constant), then list the non-zero ones.
  const listCandidates = code(
    code(op.i32Const(0), op.localGet(res), op.v128Store(SPILL)),
    code(op.localGet(res), NON_ZERO_LANES, op.localSet(mask)),
    op.block,
    op.loop,
    code(op.localGet(mask), op.i32Eqz, op.brIf(1)),
    // out[n] = (i + lane) << 8 | bucket bits of the lane
    code(op.localGet(n), op.i32Const(2), op.i32Shl),
    code(op.localGet(i), op.localGet(mask), op.i32Ctz, op.i32Add, op.i32Const(8), op.i32Shl),
    code(op.localGet(mask), op.i32Ctz, op.i32Load8U(SPILL), op.i32Or),
    op.i32Store(OUT),
    code(op.localGet(n), op.i32Const(1), op.i32Add, op.localSet(n)),
    code(op.localGet(mask), op.localGet(mask), op.i32Const(1), op.i32Sub, op.i32And, op.localSet(mask)),
    code(op.br(0), op.end, op.end),
  );
  const block = code(lookups, op.localTee(res), op.v128AnyTrue, op.if, listCandidates, op.end);
  const body = code(loadTables, op.i32Const(0x0f), op.i8x16Splat, op.localSet(nibble), loopBelow(i, len, 16, block), op.localGet(n));
  return {
    name: 'scan',
    params: [I32],
    results: [I32],
    locals: [
      [3, I32],
      [3 + 2 * FINGERPRINT, V128],
    ],
    body,
  };
}

/**
 * The marker: `mark(length)` sets bit i of the marks where input[i] is in the
 * byte set of the marking tables. A set of ASCII bytes is exact in nibble
 * tables: the low nibble's entry holds one bit per high nibble (0–7) that
 * completes a byte of the set, the high nibble's entry holds its own bit.
 */
function markKernel(): FunctionSpec {
  const len = 0;
  const i = 1;
  const lo = 2;
  const hi = 3;
  const nibble = 4;
  const bytes = 5;
  const body = code(
    code(op.i32Const(0), op.v128Load(MARK_TABLES), op.localSet(lo)),
    code(op.i32Const(0), op.v128Load(MARK_TABLES + 16), op.localSet(hi)),
    code(op.i32Const(0x0f), op.i8x16Splat, op.localSet(nibble)),
    // marks[i / 8 as u16] = one bit per byte of input[i, i + 16) in the set
    loopBelow(i, len, 16, code(op.localGet(i), op.i32Const(3), op.i32ShrU, nibbleLookup({ lo, hi, nibble, bytes, i }, 0), NON_ZERO_LANES, op.i32Store16(MARKS))),
  );
  return { name: 'mark', params: [I32], results: [], locals: [[1, I32], [4, V128]], body };
}

/**
 * The counter: `count(length)` adds one to the count slot of each byte
 * triple ending in input[0, length) (the first two are padded with zeros).
 */
function countKernel(): FunctionSpec {
  const len = 0;
  const i = 1;
  const triple = 2;
  const at = 3;
  const body = loopBelow(
    i,
    len,
    1,
    code(
      code(op.localGet(triple), op.i32Const(8), op.i32Shl, op.localGet(i), op.i32Load8U(0), op.i32Or, op.localSet(triple)),
      // at = tripleSlot(triple) * 4
      code(op.localGet(triple), op.i32Const(0xffffff), op.i32And, op.i32Const(TRIPLE_HASH | 0), op.i32Mul, op.i32Const(16), op.i32ShrU, op.i32Const(2), op.i32Shl, op.localSet(at)),
      code(op.localGet(at), op.localGet(at), op.i32Load(COUNTS), op.i32Const(1), op.i32Add, op.i32Store(COUNTS)),
    ),
  );
  return { name: 'count', params: [I32], results: [], locals: [[3, I32]], body };
}

let compiled: object | undefined | null;

/** The compiled module, or null where WebAssembly (or its SIMD) is unavailable. */
function teddyModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = new (wasmApi()!.Module)(moduleBytes(PAGES, [kernel(), markKernel(), countKernel()]));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

// Bytes of Rust source from most to least common (ASCII; the rest is rare):
// fingerprints are taken where the pattern is least ordinary.
const COMMONNESS = ' etalrosnu\nic()df:p.m/h_,;gk="b{}>yx1v<q3O2\'&SDR0w!|4C6TE-?#8[]BMz5*79P+ILHNVA\\GQF$KWjUXY`J';

function rarity(byte: number): number {
  const rank = byte < 0x80 ? COMMONNESS.indexOf(String.fromCharCode(byte)) : -1;
  return Math.log(2 + (rank < 0 ? COMMONNESS.length : rank));
}

/** Where in `pattern` its fingerprint starts: the rarest window of FINGERPRINT bytes. */
export function fingerprintOffset(pattern: Uint8Array): number {
  let best = 0;
  let bestScore = -1;
  for (let at = 0; at + FINGERPRINT <= pattern.length; at++) {
    let score = 0;
    for (let j = 0; j < FINGERPRINT; j++) score += rarity(pattern[at + j]!);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best;
}

interface Entry {
  pattern: number;
  offset: number;
}

/** Per position, the low and high nibbles a bucket allows (bit sets). */
type NibbleSets = Array<{ lo: number; hi: number }>;

function nibbleSets(bytes: Uint8Array, offset: number): NibbleSets {
  return Array.from({ length: FINGERPRINT }, (_, j) => {
    const b = bytes[offset + j];
    // Past a short pattern's end any byte will do.
    return b === undefined ? { lo: 0xffff, hi: 0xffff } : { lo: 1 << (b & 15), hi: 1 << (b >> 4) };
  });
}

function popcount(x: number): number {
  let c = 0;
  for (; x !== 0; x &= x - 1) c++;
  return c;
}

/** How many byte triples a bucket lets through (its false positives grow with it). */
function breadth(sets: NibbleSets): number {
  return sets.reduce((product, s) => product * popcount(s.lo) * popcount(s.hi), 1);
}

/**
 * Buckets patterns so that each bucket's tables stay narrow: widest patterns
 * first, each into the bucket it widens least.
 */
function assignBuckets(patterns: readonly Uint8Array[], offsets: readonly number[]): { buckets: Entry[][]; sets: NibbleSets[] } {
  const buckets: Entry[][] = Array.from({ length: BUCKETS }, () => []);
  const sets: NibbleSets[] = Array.from({ length: BUCKETS }, () => Array.from({ length: FINGERPRINT }, () => ({ lo: 0, hi: 0 })));
  const order = patterns.map((_, k) => k).sort((a, b) => breadth(nibbleSets(patterns[b]!, offsets[b]!)) - breadth(nibbleSets(patterns[a]!, offsets[a]!)) || a - b);
  for (const k of order) {
    const own = nibbleSets(patterns[k]!, offsets[k]!);
    let chosen = 0;
    let growth = Infinity;
    for (let b = 0; b < BUCKETS; b++) {
      const merged = sets[b]!.map((s, j) => ({ lo: s.lo | own[j]!.lo, hi: s.hi | own[j]!.hi }));
      const g = breadth(merged) - (buckets[b]!.length > 0 ? breadth(sets[b]!) : 0);
      if (g < growth) {
        growth = g;
        chosen = b;
      }
    }
    buckets[chosen]!.push({ pattern: k, offset: offsets[k]! });
    sets[chosen] = sets[chosen]!.map((s, j) => ({ lo: s.lo | own[j]!.lo, hi: s.hi | own[j]!.hi }));
  }
  return { buckets, sets };
}

export class Teddy {
  /** Where callers put the bytes to search (TEDDY_CAPACITY bytes). */
  readonly input: Buffer;
  private readonly candidates: Uint32Array;
  private readonly marks: Uint32Array;
  private readonly markTables: Uint8Array;
  private marking = '';
  private readonly tables: Uint8Array;
  private buckets: readonly Entry[][] = [];

  /** What countTriples has counted, by tripleSlot. */
  readonly tripleCounts: Uint32Array;

  private constructor(
    memory: ArrayBuffer,
    private readonly scan: (length: number) => number,
    private readonly mark: (length: number) => void,
    private readonly count: (length: number) => void,
    private readonly patterns: readonly Uint8Array[],
  ) {
    this.tripleCounts = new Uint32Array(memory, COUNTS, TRIPLE_SLOTS);
    this.input = Buffer.from(memory, 0, TEDDY_CAPACITY);
    this.candidates = new Uint32Array(memory, OUT, TEDDY_CAPACITY + 16);
    this.marks = new Uint32Array(memory, MARKS, TEDDY_CAPACITY / 32);
    this.markTables = new Uint8Array(memory, MARK_TABLES, 32);
    this.tables = new Uint8Array(memory, TABLES, FINGERPRINT * 32);
  }

  /**
   * A filter for `patterns` (non-empty byte strings), or undefined where
   * WebAssembly SIMD is unavailable. Fingerprints start at `offsets` (default:
   * fingerprintOffset of each).
   */
  static create(patterns: readonly Uint8Array[], offsets?: readonly number[]): Teddy | undefined {
    const module = teddyModule();
    if (module === null || patterns.length === 0 || patterns.some((p) => p.length === 0)) return undefined;
    const instance = new (wasmApi()!.Instance)(module, {});
    const memory = (instance.exports.memory as { buffer: ArrayBuffer }).buffer;
    const exports = instance.exports as Record<'scan' | 'mark' | 'count', (length: number) => number>;
    const teddy = new Teddy(memory, exports.scan, exports.mark, exports.count, patterns);
    teddy.fingerprintAt(offsets ?? patterns.map(fingerprintOffset));
    return teddy;
  }

  /** Where each pattern's fingerprint starts. */
  fingerprintOffsets(): number[] {
    const offsets = this.patterns.map(() => 0);
    for (const bucket of this.buckets) for (const { pattern, offset } of bucket) offsets[pattern] = offset;
    return offsets;
  }

  /**
   * Takes each pattern's fingerprint from `offsets` (clamped to the pattern)
   * from now on: the same occurrences are found, through fewer candidates
   * when the fingerprints are rarer in the input.
   */
  fingerprintAt(offsets: readonly number[]): void {
    const clamped = this.patterns.map((p, k) => Math.max(0, Math.min(offsets[k] ?? 0, p.length - FINGERPRINT)));
    const { buckets, sets } = assignBuckets(this.patterns, clamped);
    const tables = this.tables;
    tables.fill(0);
    sets.forEach((positions, b) => {
      positions.forEach(({ lo, hi }, j) => {
        for (let nib = 0; nib < 16; nib++) {
          if (lo & (1 << nib)) tables[32 * j + nib]! |= 1 << b;
          if (hi & (1 << nib)) tables[32 * j + 16 + nib]! |= 1 << b;
        }
      });
    });
    this.buckets = buckets;
  }

  /** Counts the byte triples of input[0, length) into tripleCounts. */
  countTriples(length: number): void {
    this.count(length);
  }

  /**
   * Which bytes of input[0, length) are among `chars` (ASCII characters): bit
   * i % 32 of word i >> 5 for byte i. Bits at or past `length` mean nothing.
   * The view is overwritten by the next call.
   */
  markBytes(length: number, chars: string): Uint32Array {
    if (chars !== this.marking) {
      const tables = this.markTables;
      tables.fill(0);
      for (const ch of chars) {
        const b = ch.charCodeAt(0);
        if (b >= 0x80) throw new RangeError(`markBytes: not ASCII: ${JSON.stringify(ch)}`);
        tables[b & 15]! |= 1 << (b >> 4);
        tables[16 + (b >> 4)] = 1 << (b >> 4);
      }
      this.marking = chars;
    }
    this.mark(length);
    return this.marks.subarray(0, (length + 31) >>> 5);
  }

  /**
   * Calls `visit` with every occurrence (pattern index, start) in
   * input[0, length), until it returns true. Occurrences come in order of
   * their fingerprints, not of their starts.
   */
  search(length: number, visit: (pattern: number, start: number) => boolean): void {
    const input = this.input;
    const count = this.scan(length);
    const candidates = this.candidates;
    for (let c = 0; c < count; c++) {
      const at = candidates[c]! >>> 8;
      for (let bits = candidates[c]! & 0xff; bits !== 0; bits &= bits - 1) {
        for (const { pattern, offset } of this.buckets[31 - Math.clz32(bits & -bits)]!) {
          const start = at - offset;
          const bytes = this.patterns[pattern]!;
          if (start < 0 || start + bytes.length > length) continue;
          let k = 0;
          while (k < bytes.length && input[start + k] === bytes[k]) k++;
          if (k === bytes.length && visit(pattern, start)) return;
        }
      }
    }
  }
}
