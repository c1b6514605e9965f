// anchorsInText's question answered over a file's UTF-8 bytes, with the
// Teddy filter: which scan anchors occur with their bounds, outside what is
// surely a line comment. The checks look only at ASCII bytes, and no byte of
// a multi-byte UTF-8 character is ASCII, so they decide as the text checks
// do; non-ASCII neighbours are decoded to a code point first. A property
// test holds the two to the same answers.

import { ASCII_IDENT_CONTINUE, isIdentContinue } from './chars.js';
import type { Fragment, NeedleSet } from './needles.js';
import { fingerprintOffset, Teddy, TEDDY_CAPACITY, tripleSlot } from './teddy.js';

/** The code point of the UTF-8 sequence starting at `at` (the bytes are valid UTF-8). */
function codePointAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (bytes[at + 1]! & 0x3f);
  if (lead < 0xf0) return ((lead & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
  return ((lead & 0x07) << 18) | ((bytes[at + 1]! & 0x3f) << 12) | ((bytes[at + 2]! & 0x3f) << 6) | (bytes[at + 3]! & 0x3f);
}

/** identCharBefore over bytes: whether the character ending at `at` continues an identifier (a leading BOM does not). */
function identByteBefore(bytes: Uint8Array, at: number): boolean {
  if (at === 0) return false;
  const c = bytes[at - 1]!;
  if (c < 0x80) return ASCII_IDENT_CONTINUE[c] === 1;
  let start = at - 1;
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start--;
  const cp = codePointAt(bytes, start);
  return isIdentContinue(cp) && !(start === 0 && cp === 0xfeff);
}

/** Whether the character starting at `at` (before `length`) continues an identifier. */
function identByteAt(bytes: Uint8Array, at: number, length: number): boolean {
  if (at >= length) return false;
  const c = bytes[at]!;
  return c < 0x80 ? ASCII_IDENT_CONTINUE[c] === 1 : isIdentContinue(codePointAt(bytes, at));
}

/** certainlyInLineComment over bytes (see there). */
function certainlyInLineCommentBytes(bytes: Uint8Array, at: number): boolean {
  let lineStart = at;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a) lineStart--;
  let slashes = false;
  for (let i = lineStart; i < at; i++) {
    const c = bytes[i];
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) return false;
    if (c === 0x2f /* / */) {
      if (i - 1 >= lineStart && bytes[i - 1] === 0x2a) return false; // the end of a block comment
      if (bytes[i + 1] === 0x2f && i + 1 < at) slashes = true;
    }
  }
  return slashes;
}

function boundsHoldInBytes(bytes: Uint8Array, length: number, at: number, byteLength: number, frag: Fragment): boolean {
  if (frag.leftBound && identByteBefore(bytes, at)) return false;
  return !(frag.rightBound && identByteAt(bytes, at + byteLength, length));
}

const scans = new WeakMap<NeedleSet, ByteAnchorScan | null>();

/**
 * Bytes searched before the fingerprints are chosen again from what the
 * files hold. A fingerprint rare in Rust at large can be common in one
 * code base (`pen` of `openat` in every `open`), and each false candidate
 * costs a check in JavaScript: on the benchmark's 10,000 files, re-chosen
 * fingerprints leave 47 % fewer candidates. A few files suffice: 32 KiB
 * chose as well as the whole 81 MB tree. (The counting is a WebAssembly
 * kernel: in JavaScript it ran interpreted, ~0.07 ms per KiB, before V8
 * compiled it.)
 */
const SAMPLE_BYTES = 32 * 1024;

/** The start of the window of `pattern` whose triple was counted least (the current one unless another was counted less; collisions only add). */
function rarestWindow(pattern: Uint8Array, counts: Uint32Array, current: number): number {
  if (pattern.length < 3) return current;
  const seen = (at: number): number => counts[tripleSlot((pattern[at]! << 16) | (pattern[at + 1]! << 8) | pattern[at + 2]!)]!;
  let best = current;
  let least = seen(best);
  for (let at = 0; at + 3 <= pattern.length; at++) {
    if (seen(at) < least) {
      least = seen(at);
      best = at;
    }
  }
  return best;
}

/** Finds a needle set's scan anchors in UTF-8 bytes; one per set and thread. */
export class ByteAnchorScan {
  /** Bytes put here are searched without a copy (TEDDY_CAPACITY bytes). */
  readonly input: Buffer;
  /** Anchor indices by pattern (anchors that differ only in bounds share one). */
  private readonly anchorsOf: number[][];
  private readonly lengths: number[];
  /** Bytes whose triples were counted: SAMPLE_BYTES or more once the fingerprints are re-chosen. */
  private sampled = 0;

  private constructor(
    private readonly set: NeedleSet,
    private readonly teddy: Teddy,
    private readonly patterns: Uint8Array[],
    anchorsOf: number[][],
  ) {
    this.input = teddy.input;
    this.anchorsOf = anchorsOf;
    this.lengths = patterns.map((p) => p.length);
  }

  /** The scan for `set`, or undefined where WebAssembly SIMD is unavailable (callers then use anchorsInText). */
  static for(set: NeedleSet): ByteAnchorScan | undefined {
    let scan = scans.get(set);
    if (scan === undefined) {
      const texts = [...new Set(set.anchors.map((a) => a.text))];
      const patterns = texts.map((t) => Buffer.from(t, 'utf8'));
      const teddy = Teddy.create(patterns);
      scan = teddy ? new ByteAnchorScan(set, teddy, patterns, texts.map((t) => set.anchors.flatMap((a, idx) => (a.text === t ? [idx] : [])))) : null;
      scans.set(set, scan);
    }
    return scan ?? undefined;
  }

  /** Counts the triples of input[0, length); once enough bytes are counted, re-chooses the fingerprints. */
  private sample(length: number): void {
    this.teddy.countTriples(length);
    this.sampled += length;
    if (this.sampled >= SAMPLE_BYTES) this.teddy.fingerprintAt(this.patterns.map((p) => rarestWindow(p, this.teddy.tripleCounts, fingerprintOffset(p))));
  }

  /** Where each anchor pattern's fingerprint starts now (for tests). */
  fingerprintOffsets(): number[] {
    return this.teddy.fingerprintOffsets();
  }

  /** Where the characters of `chars` (ASCII) are in the bytes last searched (see Teddy.markBytes). */
  markLastInput(length: number, chars: string): Uint32Array {
    return this.teddy.markBytes(length, chars);
  }

  /**
   * anchorsInText(text of `bytes`), or undefined when `bytes` (valid UTF-8)
   * is too long for the filter. Bytes already in `input` are not copied.
   * With `sites`, every occurrence (bounds holding, not surely in a line
   * comment) is also pushed there as two numbers: its byte offset and its
   * index in the set's anchors.
   */
  anchorsIn(bytes: Uint8Array, sites?: number[]): Uint8Array | undefined {
    const input = this.input;
    const length = bytes.length;
    if (bytes.buffer !== input.buffer || bytes.byteOffset !== input.byteOffset) {
      if (length > TEDDY_CAPACITY) return undefined;
      input.set(bytes);
    }
    if (this.sampled < SAMPLE_BYTES) this.sample(length);
    const anchors = this.set.anchors;
    const found = new Uint8Array(anchors.length);
    let missing = anchors.length;
    this.teddy.search(length, (pattern, start) => {
      let inComment: boolean | undefined;
      for (const a of this.anchorsOf[pattern]!) {
        // Once an anchor is found only the sites still need its other occurrences.
        if ((found[a] === 1 && sites === undefined) || !boundsHoldInBytes(input, length, start, this.lengths[pattern]!, anchors[a]!)) continue;
        inComment ??= certainlyInLineCommentBytes(input, start);
        if (inComment) break;
        sites?.push(start, a);
        if (found[a] === 0) {
          found[a] = 1;
          missing--;
        }
      }
      return missing === 0 && sites === undefined;
    });
    return found;
  }
}
