// Typed arrays reused from one file to the next. An audit lexes thousands of
// files on each thread; allocating (and zeroing, and collecting) fresh token
// columns for each was ~8 % of its time and most of its memory churn.
// A scratch belongs to one thread, and what is built on it is valid only
// until the next file: callers keep results, never the arrays.

export class Scratch {
  private bytes = new ArrayBuffer(0);
  private ints = new Int32Array(0);
  private flags = new Uint8Array(0);

  /** At least `byteLength` bytes; contents undefined. */
  buffer(byteLength: number): ArrayBuffer {
    if (this.bytes.byteLength < byteLength) this.bytes = new ArrayBuffer(grow(this.bytes.byteLength, byteLength));
    return this.bytes;
  }

  /** Keeps a larger buffer that a caller had to allocate, for next time. */
  adopt(buffer: ArrayBuffer): void {
    if (buffer.byteLength > this.bytes.byteLength) this.bytes = buffer;
  }

  /** `length` ints, every one set to `fill`. */
  int32(length: number, fill: number): Int32Array {
    if (this.ints.length < length) this.ints = new Int32Array(grow(this.ints.length, length));
    return this.ints.subarray(0, length).fill(fill);
  }

  /** `length` zeroed bytes. */
  uint8(length: number): Uint8Array {
    if (this.flags.length < length) this.flags = new Uint8Array(grow(this.flags.length, length));
    return this.flags.subarray(0, length).fill(0);
  }
}

function grow(have: number, need: number): number {
  return Math.max(need, have * 2, 4096);
}
