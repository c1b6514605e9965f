// Reads git's index file (versions 2, 3 and 4): its stage-0 entries and the
// cache tree, which says which directories still match a known tree. An index
// this reader cannot take whole (a split or sparse index, unmerged or
// intent-to-add entries, another hash) is `undefined`: git is asked instead.
//
// The hook reads the index cold, before V8 has optimised anything, so the
// file is decoded once into a Latin-1 string (one character per byte) and
// read with string operations, which are fast from the interpreter; a path
// stays in that byte form (whose order is git's byte order) until someone
// needs its text, and an object id stays 20 raw characters until someone
// needs it in hex.

export interface IndexFile {
  /** Entry paths as Latin-1 byte strings, in the index's order (by bytes). */
  paths: string[];
  /** Each entry's mode, octal as in a tree: 100644, 100755, 120000, 160000. */
  modes: string[];
  /** Each entry's object id, as 20 raw characters. */
  oid(i: number): string;
  /** Directory (byte string, '' for the root) → the tree id (raw) the cache tree holds it valid for. */
  validTrees: Map<string, string>;
}

const OID_BYTES = 20;
const FLAG_EXTENDED = 0x4000;
const EXTENDED_INTENT_TO_ADD = 0x2000;

function modeText(mode: number): string | undefined {
  switch (mode) {
    case 0o100644:
      return '100644';
    case 0o100755:
      return '100755';
    case 0o120000:
      return '120000';
    case 0o160000:
      return '160000';
  }
  return undefined;
}

const uint16 = (t: string, at: number): number => (t.charCodeAt(at) << 8) | t.charCodeAt(at + 1);
const uint32 = (t: string, at: number): number => ((t.charCodeAt(at) << 24) | (t.charCodeAt(at + 1) << 16) | (t.charCodeAt(at + 2) << 8) | t.charCodeAt(at + 3)) >>> 0;

export function parseIndex(bytes: Buffer): IndexFile | undefined {
  const t = bytes.toString('latin1');
  if (t.length < 12 + OID_BYTES || !t.startsWith('DIRC')) return undefined;
  const version = uint32(t, 4);
  if (version < 2 || version > 4) return undefined;
  const count = uint32(t, 8);
  const end = t.length - OID_BYTES;
  const paths: string[] = new Array<string>(count);
  const modes: string[] = new Array<string>(count);
  const oidAt = new Int32Array(count);
  let at = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const start = at;
    if (at + 62 > end) return undefined;
    const mode = modeText(uint32(t, at + 24));
    const flags = uint16(t, at + 60);
    oidAt[i] = at + 40;
    at += 62;
    if (flags & FLAG_EXTENDED) {
      if (version < 3 || at + 2 > end) return undefined;
      if (uint16(t, at) & EXTENDED_INTENT_TO_ADD) return undefined;
      at += 2;
    }
    // Unmerged entries (a conflict), sparse directory entries, unknown modes: only git decides.
    if ((flags >> 12) & 3 || mode === undefined) return undefined;
    let path: string;
    if (version === 4) {
      // The previous path minus `strip` bytes, then this entry's own NUL-terminated bytes.
      let c = t.charCodeAt(at++);
      let strip = c & 0x7f;
      while (c & 0x80) {
        if (at >= end) return undefined;
        c = t.charCodeAt(at++);
        strip = (strip + 1) * 128 + (c & 0x7f);
      }
      const nul = t.indexOf('\0', at);
      if (nul < 0 || nul >= end || strip > previous.length) return undefined;
      path = previous.slice(0, previous.length - strip) + t.slice(at, nul);
      at = nul + 1;
    } else {
      // The flags hold the name's length unless it is 0xfff or more.
      const length = flags & 0xfff;
      const nul = length === 0xfff ? t.indexOf('\0', at) : at + length;
      if (nul < 0 || nul >= end || t.charCodeAt(nul) !== 0) return undefined;
      path = t.slice(at, nul);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      at = start + ((nul - start + 8) & ~7);
    }
    previous = path;
    paths[i] = path;
    modes[i] = mode;
  }
  const validTrees = new Map<string, string>();
  while (at + 8 <= end) {
    const signature = t.slice(at, at + 4);
    const size = uint32(t, at + 4);
    const body = at + 8;
    if (body + size > end) return undefined;
    // An extension whose name starts with a lower-case letter must be understood (split index `link`, sparse `sdir`).
    const first = signature.charCodeAt(0);
    if (first >= 97 && first <= 122) return undefined;
    if (signature === 'TREE' && !readCacheTree(t, body, body + size, validTrees)) return undefined;
    at = body + size;
  }
  if (at !== end) return undefined;
  return { paths, modes, oid: (i) => t.slice(oidAt[i]!, oidAt[i]! + OID_BYTES), validTrees };
}

/** The TREE extension: directories in pre-order, each `name NUL count SP subtrees LF [oid]`; a count of -1 marks it stale. */
function readCacheTree(t: string, at: number, end: number, valid: Map<string, string>): boolean {
  /** The directories being filled, with how many subtrees each still expects. */
  const stack: { path: string; left: number }[] = [];
  let root = false;
  while (at < end) {
    const nul = t.indexOf('\0', at);
    const space = t.indexOf(' ', nul);
    const lf = t.indexOf('\n', space);
    if (nul < 0 || space < 0 || lf < 0 || lf >= end) return false;
    const name = t.slice(at, nul);
    const entryCount = Number(t.slice(nul + 1, space));
    const subtrees = Number(t.slice(space + 1, lf));
    if (!Number.isInteger(entryCount) || !Number.isInteger(subtrees) || subtrees < 0) return false;
    at = lf + 1;
    while (stack.length && stack[stack.length - 1]!.left === 0) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.left--;
    else if (root || name !== '') return false; // one root, first
    root = true;
    const path = parent ? (parent.path === '' ? name : `${parent.path}/${name}`) : '';
    if (entryCount >= 0) {
      if (at + OID_BYTES > end) return false;
      valid.set(path, t.slice(at, at + OID_BYTES));
      at += OID_BYTES;
    }
    stack.push({ path, left: subtrees });
  }
  return true;
}
