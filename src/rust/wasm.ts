// Just enough of the WebAssembly binary format to write a few exported
// functions over one exported memory (the byte kernels of teddy.ts), so no assembler
// or prebuilt binary has to ship. Opcode numbers are from the WebAssembly
// core specification 2.0 (SIMD included).

/** The minimal WebAssembly API used here; absent when Node runs with --jitless. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

export function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

export const I32 = 0x7f;
export const V128 = 0x7b;

const simd = (code: number, ...immediates: number[]): number[] => [0xfd, ...uleb(code), ...immediates];

/** Instructions, each as its bytes (immediates included). */
export const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Const: (n: number) => [0x41, ...sleb(n)],
  i32Eqz: [0x45],
  i32LtU: [0x49],
  i32Ctz: [0x68],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32And: [0x71],
  i32Or: [0x72],
  i32Xor: [0x73],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  /** memarg: alignment exponent, then static offset. */
  i32Load: (offset: number) => [0x28, 2, ...uleb(offset)],
  i32Store: (offset: number) => [0x36, 2, ...uleb(offset)],
  i32Load8U: (offset: number) => [0x2d, 0, ...uleb(offset)],
  i32Store16: (offset: number) => [0x3b, 1, ...uleb(offset)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  v128Load: (offset: number) => simd(0x00, 0, ...uleb(offset)),
  v128Store: (offset: number) => simd(0x0b, 0, ...uleb(offset)),
  i8x16Swizzle: simd(0x0e),
  i8x16Splat: simd(0x0f),
  i8x16Eq: simd(0x23),
  v128And: simd(0x4e),
  v128AnyTrue: simd(0x53),
  i8x16Bitmask: simd(0x64),
  i8x16ShrU: simd(0x6d),
} as const;

/** Instructions, flattened into one sequence. */
export function code(...parts: ReadonlyArray<readonly number[]>): number[] {
  return parts.flat();
}

/**
 * `while (i < len) { body; i += step }` over the i32 locals `i` and `len`.
 * Inside `body`, `br 1` leaves the loop and `br 0` starts the next round
 * without the step.
 */
export function loopBelow(i: number, len: number, step: number, body: readonly number[]): number[] {
  return code(
    op.block,
    op.loop,
    code(op.localGet(i), op.localGet(len), op.i32LtU, op.i32Eqz, op.brIf(1)),
    body,
    code(op.localGet(i), op.i32Const(step), op.i32Add, op.localSet(i), op.br(0)),
    op.end,
    op.end,
  );
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

export interface FunctionSpec {
  name: string;
  params: number[];
  results: number[];
  /** Local declarations beyond the parameters, as [count, type] runs. */
  locals: Array<[number, number]>;
  body: number[];
}

/** A module exporting `memory` (of `pages` 64 KiB pages) and the functions, by their names. */
export function moduleBytes(pages: number, fns: readonly FunctionSpec[]): Uint8Array {
  const types = fns.flatMap((fn) => [0x60, ...uleb(fn.params.length), ...fn.params, ...uleb(fn.results.length), ...fn.results]);
  const bodies = fns.flatMap((fn) => {
    const locals = [...uleb(fn.locals.length), ...fn.locals.flatMap(([count, t]) => [...uleb(count), t])];
    const body = [...locals, ...fn.body, ...op.end];
    return [...uleb(body.length), ...body];
  });
  // Function k has type k; exports: the memory, then each function by index.
  const exports = [...name('memory'), 0x02, 0, ...fns.flatMap((fn, k) => [...name(fn.name), 0x00, ...uleb(k)])];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [...uleb(fns.length), ...types]),
    ...section(3, [...uleb(fns.length), ...fns.flatMap((_, k) => uleb(k))]),
    ...section(5, [1, 0x00, ...uleb(pages)]),
    ...section(7, [...uleb(fns.length + 1), ...exports]),
    ...section(10, [...uleb(fns.length), ...bodies]),
  ]);
}
