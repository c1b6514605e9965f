// dist/src/rust/chars.js
function isRustWhitespace(c) {
  return c === 32 || c >= 9 && c <= 13 || c === 133 || c === 8206 || c === 8207 || c === 8232 || c === 8233;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isIdentStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c >= 128 && !isRustWhitespace(c);
}
function isIdentContinue(c) {
  return isIdentStart(c) || isDigit(c);
}
function identCharBefore(src, at) {
  return isIdentContinue(src.charCodeAt(at - 1)) && !(at === 1 && src.charCodeAt(0) === 65279);
}
var CLASS_SPACE = 1;
var CLASS_IDENT = 2;
var CLASS_DIGIT = 3;
var CLASS_PUNCT = 4;
var ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (isRustWhitespace(c))
      table[c] = CLASS_SPACE;
    else if (isDigit(c))
      table[c] = CLASS_DIGIT;
    else if (isIdentStart(c))
      table[c] = CLASS_IDENT;
    else if (c > 32 && c < 127 && !`/"':`.includes(String.fromCharCode(c)))
      table[c] = CLASS_PUNCT;
  }
  return table;
})();
var ASCII_IDENT_CONTINUE = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++)
    table[c] = isIdentContinue(c) ? 1 : 0;
  return table;
})();

// dist/src/fast/moduleWords.js
function mayHaveModuleFacts(text) {
  return mayInclude(text) || mayDeclareModule(text) || mayHaveTestInnerAttribute(text);
}
function mayInclude(text) {
  for (let at = text.indexOf("include"); at >= 0; at = text.indexOf("include", at + 7)) {
    if (identCharBefore(text, at))
      continue;
    let k = at + 7;
    while (isRustWhitespace(text.charCodeAt(k)))
      k++;
    const c = text.charCodeAt(k);
    if (c === 33 || c === 47)
      return true;
  }
  return false;
}
function mayDeclareModule(text) {
  for (let at = text.indexOf("mod"); at >= 0; at = text.indexOf("mod", at + 3)) {
    if (identCharBefore(text, at))
      continue;
    let k = at + 3;
    const after = text.charCodeAt(k);
    if (after !== 47 && !isRustWhitespace(after))
      continue;
    while (isRustWhitespace(text.charCodeAt(k)))
      k++;
    if (text.charCodeAt(k) === 47)
      return true;
    if (text.startsWith("r#", k))
      k += 2;
    if (!isIdentStart(text.charCodeAt(k)))
      continue;
    while (isIdentContinue(text.charCodeAt(k)))
      k++;
    while (isRustWhitespace(text.charCodeAt(k)))
      k++;
    if (text.charCodeAt(k) !== 123)
      return true;
  }
  return false;
}
function mayHaveTestInnerAttribute(text) {
  for (let at = text.indexOf("#"); at >= 0; at = text.indexOf("#", at + 1)) {
    let k = at + 1;
    while (isRustWhitespace(text.charCodeAt(k)))
      k++;
    const c = text.charCodeAt(k);
    if (c === 33 || c === 47)
      return text.includes("test");
  }
  return false;
}

// dist/src/rust/needles.js
function normalizeNeedle(needle) {
  let out = "";
  let pendingSpace = false;
  for (let k = 0; k < needle.length; k++) {
    const c = needle.charCodeAt(k);
    if (isRustWhitespace(c)) {
      pendingSpace = true;
      continue;
    }
    const startsPath = c === 58 && needle.charCodeAt(k + 1) === 58;
    if (pendingSpace && !startsPath && !out.endsWith("::"))
      out += " ";
    pendingSpace = false;
    if (startsPath) {
      out += "::";
      k++;
    } else {
      out += needle[k];
    }
  }
  if (pendingSpace && out.length > 0 && !out.endsWith("::"))
    out += " ";
  return out;
}

// dist/src/fast/prefilter.js
var IMPLIED = /* @__PURE__ */ new Set(["crate", "self", "super", "Self"]);
function requiredWords(needle) {
  const pattern = normalizeNeedle(needle);
  const words = [];
  for (let k = 0; k < pattern.length; ) {
    if (!isIdentContinue(pattern.charCodeAt(k))) {
      k++;
      continue;
    }
    const start = k;
    while (isIdentContinue(pattern.charCodeAt(k)))
      k++;
    const text = pattern.slice(start, k);
    if (!IMPLIED.has(text))
      words.push({ text, leftBound: start > 0, rightBound: k < pattern.length });
  }
  return words;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var cache = /* @__PURE__ */ new WeakMap();
function prefilterFor(needles) {
  let filter = cache.get(needles);
  if (filter === void 0) {
    filter = buildPrefilter(needles);
    cache.set(needles, filter);
  }
  return filter;
}
function buildPrefilter(needles) {
  const words = [];
  const ids = /* @__PURE__ */ new Map();
  const wanted = needles.map((needle) => requiredWords(needle).map((w) => {
    const key = `${w.leftBound ? "L" : "-"}${w.rightBound ? "R" : "-"}${w.text}`;
    let id = ids.get(key);
    if (id === void 0) {
      id = words.length;
      ids.set(key, id);
      words.push(w);
    }
    return id;
  }));
  const byFirstChar = /* @__PURE__ */ new Map();
  words.forEach((w, id) => {
    const c = w.text.charCodeAt(0);
    byFirstChar.set(c, [...byFirstChar.get(c) ?? [], id]);
  });
  const texts = [...new Set(words.map((w) => w.text))];
  const scanner = texts.length > 0 ? new RegExp(texts.map(escapeRegExp).join("|"), "g") : void 0;
  return {
    liveNeedles(text) {
      const found = new Uint8Array(words.length);
      let missing = words.length;
      if (scanner !== void 0) {
        scanner.lastIndex = 0;
        for (let m4 = scanner.exec(text); m4 !== null && missing > 0; m4 = scanner.exec(text)) {
          const at = m4.index;
          for (const id of byFirstChar.get(text.charCodeAt(at)) ?? []) {
            const w = words[id];
            if (found[id] === 0 && text.startsWith(w.text, at) && !(w.leftBound && identCharBefore(text, at)) && !(w.rightBound && isIdentContinue(text.charCodeAt(at + w.text.length)))) {
              found[id] = 1;
              missing--;
            }
          }
          scanner.lastIndex = at + 1;
        }
      }
      return needles.filter((_, k) => wanted[k].every((id) => found[id] === 1));
    }
  };
}

// builtin:node:fs
var m = process.getBuiltinModule("node:fs");
var closeSync = m.closeSync;
var constants = m.constants;
var existsSync = m.existsSync;
var fstatSync = m.fstatSync;
var lstatSync = m.lstatSync;
var mkdirSync = m.mkdirSync;
var openSync = m.openSync;
var readFileSync = m.readFileSync;
var readSync = m.readSync;
var readdirSync = m.readdirSync;
var readlinkSync = m.readlinkSync;
var realpathSync = m.realpathSync;
var renameSync = m.renameSync;
var statSync = m.statSync;
var unlinkSync = m.unlinkSync;
var writeFileSync = m.writeFileSync;
var writeSync = m.writeSync;

// builtin:node:path
var m2 = process.getBuiltinModule("node:path");
var basename = m2.basename;
var dirname = m2.dirname;
var isAbsolute = m2.isAbsolute;
var join = m2.join;
var posix = m2.posix;
var relative = m2.relative;
var resolve = m2.resolve;
var sep = m2.sep;

// dist/src/fast/git/indexFile.js
var OID_BYTES = 20;
var FLAG_EXTENDED = 16384;
var EXTENDED_INTENT_TO_ADD = 8192;
function modeText(mode) {
  switch (mode) {
    case 33188:
      return "100644";
    case 33261:
      return "100755";
    case 40960:
      return "120000";
    case 57344:
      return "160000";
  }
  return void 0;
}
var uint16 = (t, at) => t.charCodeAt(at) << 8 | t.charCodeAt(at + 1);
var uint32 = (t, at) => (t.charCodeAt(at) << 24 | t.charCodeAt(at + 1) << 16 | t.charCodeAt(at + 2) << 8 | t.charCodeAt(at + 3)) >>> 0;
function parseIndex(bytes) {
  const t = bytes.toString("latin1");
  if (t.length < 12 + OID_BYTES || !t.startsWith("DIRC"))
    return void 0;
  const version = uint32(t, 4);
  if (version < 2 || version > 4)
    return void 0;
  const count = uint32(t, 8);
  const end = t.length - OID_BYTES;
  const paths = new Array(count);
  const modes = new Array(count);
  const oidAt = new Int32Array(count);
  let at = 12;
  let previous = "";
  for (let i = 0; i < count; i++) {
    const start = at;
    if (at + 62 > end)
      return void 0;
    const mode = modeText(uint32(t, at + 24));
    const flags = uint16(t, at + 60);
    oidAt[i] = at + 40;
    at += 62;
    if (flags & FLAG_EXTENDED) {
      if (version < 3 || at + 2 > end)
        return void 0;
      if (uint16(t, at) & EXTENDED_INTENT_TO_ADD)
        return void 0;
      at += 2;
    }
    if (flags >> 12 & 3 || mode === void 0)
      return void 0;
    let path;
    if (version === 4) {
      let c = t.charCodeAt(at++);
      let strip = c & 127;
      while (c & 128) {
        if (at >= end)
          return void 0;
        c = t.charCodeAt(at++);
        strip = (strip + 1) * 128 + (c & 127);
      }
      const nul = t.indexOf("\0", at);
      if (nul < 0 || nul >= end || strip > previous.length)
        return void 0;
      path = previous.slice(0, previous.length - strip) + t.slice(at, nul);
      at = nul + 1;
    } else {
      const length = flags & 4095;
      const nul = length === 4095 ? t.indexOf("\0", at) : at + length;
      if (nul < 0 || nul >= end || t.charCodeAt(nul) !== 0)
        return void 0;
      path = t.slice(at, nul);
      at = start + (nul - start + 8 & ~7);
    }
    previous = path;
    paths[i] = path;
    modes[i] = mode;
  }
  const validTrees = /* @__PURE__ */ new Map();
  while (at + 8 <= end) {
    const signature = t.slice(at, at + 4);
    const size = uint32(t, at + 4);
    const body = at + 8;
    if (body + size > end)
      return void 0;
    const first = signature.charCodeAt(0);
    if (first >= 97 && first <= 122)
      return void 0;
    if (signature === "TREE" && !readCacheTree(t, body, body + size, validTrees))
      return void 0;
    at = body + size;
  }
  if (at !== end)
    return void 0;
  return { paths, modes, oid: (i) => t.slice(oidAt[i], oidAt[i] + OID_BYTES), validTrees };
}
function readCacheTree(t, at, end, valid) {
  const stack = [];
  let root = false;
  while (at < end) {
    const nul = t.indexOf("\0", at);
    const space = t.indexOf(" ", nul);
    const lf = t.indexOf("\n", space);
    if (nul < 0 || space < 0 || lf < 0 || lf >= end)
      return false;
    const name = t.slice(at, nul);
    const entryCount = Number(t.slice(nul + 1, space));
    const subtrees = Number(t.slice(space + 1, lf));
    if (!Number.isInteger(entryCount) || !Number.isInteger(subtrees) || subtrees < 0)
      return false;
    at = lf + 1;
    while (stack.length && stack[stack.length - 1].left === 0)
      stack.pop();
    const parent = stack[stack.length - 1];
    if (parent)
      parent.left--;
    else if (root || name !== "")
      return false;
    root = true;
    const path = parent ? parent.path === "" ? name : `${parent.path}/${name}` : "";
    if (entryCount >= 0) {
      if (at + OID_BYTES > end)
        return false;
      valid.set(path, t.slice(at, at + OID_BYTES));
      at += OID_BYTES;
    }
    stack.push({ path, left: subtrees });
  }
  return true;
}

// builtin:node:zlib
var m3 = process.getBuiltinModule("node:zlib");
var inflateSync = m3.inflateSync;

// dist/src/fast/git/objects.js
var PACK_TYPES = [void 0, "commit", "tree", "blob", "tag"];
var OFS_DELTA = 6;
var REF_DELTA = 7;
var MAX_DELTA_DEPTH = 4096;
var MIN_CHUNK = 64;
var MAX_CHUNK = 1 << 26;
var Unreadable = class extends Error {
};
var ObjectStore = class {
  objectsDir;
  packs;
  byOffset = /* @__PURE__ */ new Map();
  constructor(objectsDir) {
    this.objectsDir = objectsDir;
  }
  /** Whether this store can serve reads at all (an alternate store would hold objects it cannot see). */
  static usable(objectsDir) {
    return existsSync(objectsDir) && !existsSync(`${objectsDir}/info/alternates`);
  }
  /** The object `oid` (40 hex digits), or undefined when it cannot be read here. */
  read(oid) {
    try {
      return this.loose(oid) ?? this.packed(oid, 0);
    } catch (err) {
      if (err instanceof Unreadable || isReadFailure(err))
        return void 0;
      throw err;
    }
  }
  close() {
    for (const p of this.packs ?? []) {
      if (p.idx !== void 0)
        closeSync(p.idx);
      if (p.pack !== void 0)
        closeSync(p.pack);
    }
    this.packs = void 0;
  }
  loose(oid) {
    let raw;
    try {
      raw = readFileSync(`${this.objectsDir}/${oid.slice(0, 2)}/${oid.slice(2)}`);
    } catch (err) {
      if (err.code === "ENOENT")
        return void 0;
      throw err;
    }
    const body = inflateSync(raw, { chunkSize: Math.min(Math.max(raw.length * 8, MIN_CHUNK), MAX_CHUNK) });
    const space = body.indexOf(32);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0)
      throw new Unreadable();
    const type = body.toString("latin1", 0, space);
    if (type !== "commit" && type !== "tree" && type !== "blob" && type !== "tag")
      throw new Unreadable();
    const size = Number(body.toString("latin1", space + 1, nul));
    const data = body.subarray(nul + 1);
    if (data.length !== size)
      throw new Unreadable();
    return { type, data };
  }
  listPacks() {
    if (this.packs)
      return this.packs;
    let names;
    try {
      names = readdirSync(`${this.objectsDir}/pack`);
    } catch {
      names = [];
    }
    this.packs = names.filter((n) => n.endsWith(".idx")).map((n) => ({ idxPath: `${this.objectsDir}/pack/${n}`, packPath: `${this.objectsDir}/pack/${n.slice(0, -4)}.pack` }));
    return this.packs;
  }
  packed(oid, depth) {
    const want = Buffer.from(oid, "hex");
    if (want.length !== 20)
      throw new Unreadable();
    for (const pack of this.listPacks()) {
      const offset = findInIndex(pack, want);
      if (offset !== void 0)
        return this.atOffset(pack, offset, depth);
    }
    return void 0;
  }
  atOffset(pack, offset, depth) {
    if (depth > MAX_DELTA_DEPTH)
      throw new Unreadable();
    const key = `${pack.packPath}\0${offset}`;
    const cached = this.byOffset.get(key);
    if (cached)
      return cached;
    pack.pack ??= openSync(pack.packPath, "r");
    pack.packSize ??= fstatSync(pack.pack).size;
    const head = Buffer.alloc(32);
    const got = readSync(pack.pack, head, 0, head.length, offset);
    let at = 0;
    const next = () => {
      if (at >= got)
        throw new Unreadable();
      return head[at++];
    };
    let c = next();
    const typeCode = c >> 4 & 7;
    let size = c & 15;
    let shift = 4;
    while (c & 128) {
      c = next();
      size += (c & 127) * 2 ** shift;
      shift += 7;
    }
    let object;
    if (typeCode === OFS_DELTA) {
      c = next();
      let back = c & 127;
      while (c & 128) {
        c = next();
        back = (back + 1) * 128 + (c & 127);
      }
      const base = this.atOffset(pack, offset - back, depth + 1);
      object = { type: base.type, data: applyDelta(base.data, this.inflateAt(pack, offset + at, size)) };
    } else if (typeCode === REF_DELTA) {
      if (at + 20 > got)
        throw new Unreadable();
      const baseId = head.toString("hex", at, at + 20);
      at += 20;
      const base = this.loose(baseId) ?? this.packed(baseId, depth + 1);
      if (!base)
        throw new Unreadable();
      object = { type: base.type, data: applyDelta(base.data, this.inflateAt(pack, offset + at, size)) };
    } else {
      const type = PACK_TYPES[typeCode];
      if (!type)
        throw new Unreadable();
      object = { type, data: this.inflateAt(pack, offset + at, size) };
    }
    if (object.type !== "blob")
      this.byOffset.set(key, object);
    return object;
  }
  /** Inflates the zlib stream at `offset`, which must give exactly `size` bytes. */
  inflateAt(pack, offset, size) {
    let length = size + 64 + (size >> 3);
    for (; ; ) {
      const take = Math.min(length, pack.packSize - offset);
      if (take <= 0)
        throw new Unreadable();
      const chunk = Buffer.allocUnsafe(take);
      const got = readSync(pack.pack, chunk, 0, take, offset);
      try {
        const data = inflateSync(chunk.subarray(0, got), { chunkSize: Math.min(Math.max(size, MIN_CHUNK), MAX_CHUNK) });
        if (data.length !== size)
          throw new Unreadable();
        return data;
      } catch (err) {
        if (err.code !== "Z_BUF_ERROR" || take < length)
          throw err instanceof Unreadable ? err : new Unreadable();
        length *= 2;
      }
    }
  }
};
function isReadFailure(err) {
  const code = err?.code;
  return typeof code === "string" && (code.startsWith("E") || code.startsWith("Z_") || code.startsWith("ERR_"));
}
function findInIndex(pack, want) {
  if (pack.idx === void 0) {
    pack.idx = openSync(pack.idxPath, "r");
    const header = Buffer.alloc(8 + 256 * 4);
    if (readSync(pack.idx, header, 0, header.length, 0) !== header.length)
      throw new Unreadable();
    if (header.readUInt32BE(0) !== 4285812579 || header.readUInt32BE(4) !== 2)
      throw new Unreadable();
    const fanout2 = new Uint32Array(256);
    for (let i = 0; i < 256; i++)
      fanout2[i] = header.readUInt32BE(8 + i * 4);
    pack.fanout = fanout2;
  }
  const fanout = pack.fanout;
  const count = fanout[255];
  const first = want[0];
  let lo = first === 0 ? 0 : fanout[first - 1];
  let hi = fanout[first];
  if (hi <= lo)
    return void 0;
  const namesAt = 8 + 1024;
  const names = Buffer.allocUnsafe((hi - lo) * 20);
  if (readSync(pack.idx, names, 0, names.length, namesAt + lo * 20) !== names.length)
    throw new Unreadable();
  const base = lo;
  hi -= base;
  lo = 0;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    const cmp = names.compare(want, 0, 20, mid * 20, mid * 20 + 20);
    if (cmp === 0) {
      const i = base + mid;
      const word = Buffer.allocUnsafe(8);
      const offsetsAt = namesAt + count * 24;
      if (readSync(pack.idx, word, 0, 4, offsetsAt + i * 4) !== 4)
        throw new Unreadable();
      const small = word.readUInt32BE(0);
      if (!(small & 2147483648))
        return small;
      const large = offsetsAt + count * 4 + (small & 2147483647) * 8;
      if (readSync(pack.idx, word, 0, 8, large) !== 8)
        throw new Unreadable();
      return Number(word.readBigUInt64BE(0));
    }
    if (cmp > 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return void 0;
}
function applyDelta(base, delta) {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let c;
    do {
      if (at >= delta.length)
        throw new Unreadable();
      c = delta[at++];
      value += (c & 127) * 2 ** shift;
      shift += 7;
    } while (c & 128);
    return value;
  };
  if (varint() !== base.length)
    throw new Unreadable();
  const out = Buffer.allocUnsafe(varint());
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++];
    if (op & 128) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++)
        if (op & 1 << bit)
          offset += delta[at++] * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++)
        if (op & 16 << bit)
          size += delta[at++] << 8 * bit;
      if (size === 0)
        size = 65536;
      if (at > delta.length || offset + size > base.length || written + size > out.length)
        throw new Unreadable();
      base.copy(out, written, offset, offset + size);
      written += size;
    } else if (op !== 0) {
      if (at + op > delta.length || written + op > out.length)
        throw new Unreadable();
      delta.copy(out, written, at, at + op);
      at += op;
      written += op;
    } else
      throw new Unreadable();
  }
  if (written !== out.length)
    throw new Unreadable();
  return out;
}

// dist/src/fast/git/snapshot.js
var RESHAPING_VARIABLES = ["GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_REPLACE_REF_BASE", "GIT_CONFIG", "GIT_CONFIG_COUNT"];
var RESHAPING_SETTINGS = /worktree|bare|extensions|include|replace|index|objectformat|refstorage/i;
var OID = /^[0-9a-f]{40}$/;
var TREE = "40000";
var GITLINK = "160000";
var SYMLINK = "120000";
var FILE_MODES = /* @__PURE__ */ new Set(["100644", "100755", SYMLINK, GITLINK]);
var AskGit = class extends Error {
};
function readIndexSnapshot(cwd, env) {
  let store;
  try {
    if (process.platform === "win32")
      return void 0;
    if (RESHAPING_VARIABLES.some((v) => env[v] !== void 0))
      return void 0;
    if (env.GIT_CONFIG_PARAMETERS !== void 0 && RESHAPING_SETTINGS.test(env.GIT_CONFIG_PARAMETERS))
      return void 0;
    const gitDir = findGitDir(cwd, env);
    if (gitDir === void 0)
      return void 0;
    const commonDir = readCommonDir(gitDir);
    if (!ownedByUs(cwd) || !ownedByUs(gitDir) || !plainConfig(readFileSync(`${commonDir}/config`, "utf8")))
      return void 0;
    let packed;
    const packedRefs = () => packed ??= readPackedRefs(commonDir);
    if (!ObjectStore.usable(`${commonDir}/objects`) || hasReplaceRefs(commonDir, packedRefs, env))
      return void 0;
    const index = readIndexFile(env.GIT_INDEX_FILE === void 0 ? `${gitDir}/index` : resolve(cwd, env.GIT_INDEX_FILE));
    if (index === void 0)
      return void 0;
    store = new ObjectStore(`${commonDir}/objects`);
    const head = resolveHead(gitDir, commonDir, packedRefs);
    const changes = stagedChanges(index, head === void 0 ? void 0 : commitTree(store, head), store);
    const objects = store;
    const { paths, modes } = index;
    return {
      repo: { root: realpathSync(cwd), commonDir, gitDir },
      changes,
      entry(path) {
        const key = bytesOf(path);
        const i = lowerBound(paths, key, 0, paths.length);
        return paths[i] === key ? { oid: hexOf(index.oid(i)), mode: modes[i] } : void 0;
      },
      paths: () => paths.map(textOf),
      pathsNamed(names) {
        const found = [];
        for (const p of paths)
          if (names.some((n) => p === n || p.endsWith(n) && p.charCodeAt(p.length - n.length - 1) === 47))
            found.push(textOf(p));
        return found;
      },
      readBlob(oid) {
        const object = OID.test(oid) ? objects.read(oid) : void 0;
        return object?.type === "blob" ? object.data : void 0;
      },
      close: () => objects.close()
    };
  } catch (err) {
    store?.close();
    if (err instanceof AskGit || isReadFailure(err))
      return void 0;
    throw err;
  }
}
function findGitDir(cwd, env) {
  let dir;
  if (env.GIT_DIR !== void 0)
    dir = resolve(cwd, env.GIT_DIR);
  else {
    const dotGit = `${cwd}/.git`;
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (!stat)
      return void 0;
    if (stat.isDirectory())
      dir = dotGit;
    else if (stat.isFile()) {
      const line = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(dotGit, "utf8"));
      if (!line)
        return void 0;
      dir = resolve(cwd, line[1]);
    } else
      return void 0;
  }
  if (!existsSync(`${dir}/HEAD`))
    return void 0;
  return realpathSync(dir);
}
function readCommonDir(gitDir) {
  let text;
  try {
    text = readFileSync(`${gitDir}/commondir`, "utf8");
  } catch (err) {
    if (err.code === "ENOENT")
      return gitDir;
    throw err;
  }
  return realpathSync(resolve(gitDir, text.replace(/\r?\n$/, "")));
}
function ownedByUs(path) {
  const uid = process.getuid?.();
  return uid !== void 0 && statSync(path).uid === uid;
}
function plainConfig(text) {
  let section = "";
  for (const raw of text.split("\n")) {
    let line = raw.trim();
    if (line.endsWith("\\"))
      return false;
    if (line.startsWith("[")) {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"(?:[^"\\]|\\.)*")?\s*\]\s*(.*)$/.exec(line);
      if (!header)
        return false;
      section = header[1].toLowerCase();
      if (section === "extensions" || section === "include" || section === "includeif" || section.startsWith("extensions.") || section.startsWith("include"))
        return false;
      line = header[2];
    }
    if (line === "" || line.startsWith("#") || line.startsWith(";"))
      continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry)
      return false;
    if (section !== "core")
      continue;
    const key = entry[1].toLowerCase();
    const value = (entry[2] ?? "true").replace(/\s*[#;].*$/, "").replace(/^"(.*)"$/, "$1").trim().toLowerCase();
    if (key === "worktree")
      return false;
    if (key === "bare" && !["false", "no", "off", "0"].includes(value))
      return false;
    if (key === "repositoryformatversion" && value !== "0" && value !== "1")
      return false;
  }
  return true;
}
function hasReplaceRefs(commonDir, packedRefs, env) {
  if (env.GIT_NO_REPLACE_OBJECTS !== void 0)
    return false;
  try {
    if (readdirSync(`${commonDir}/refs/replace`).length > 0)
      return true;
  } catch (err) {
    if (err.code !== "ENOENT")
      throw err;
  }
  return packedRefs().some(([name]) => name.startsWith("refs/replace/"));
}
function readIndexFile(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if (err.code === "ENOENT")
      return { paths: [], modes: [], oid: () => "", validTrees: /* @__PURE__ */ new Map() };
    throw err;
  }
  return parseIndex(bytes);
}
function readPackedRefs(commonDir) {
  let text = "";
  try {
    text = readFileSync(`${commonDir}/packed-refs`, "utf8");
  } catch (err) {
    if (err.code !== "ENOENT")
      throw err;
  }
  const refs = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#") || line.startsWith("^"))
      continue;
    const space = line.indexOf(" ");
    refs.push([line.slice(space + 1).replace(/\r$/, ""), line.slice(0, space)]);
  }
  return refs;
}
function resolveHead(gitDir, commonDir, packedRefs) {
  let text = readFileSync(`${gitDir}/HEAD`, "utf8").replace(/\r?\n$/, "");
  for (let depth = 0; depth < 5; depth++) {
    if (OID.test(text))
      return text;
    const ref = /^ref: (refs\/heads\/[^\0\s]+)$/.exec(text);
    if (!ref)
      throw new AskGit();
    const name = ref[1];
    let loose;
    try {
      loose = readFileSync(`${commonDir}/${name}`, "utf8").replace(/\r?\n$/, "");
    } catch (err) {
      const code = err.code;
      if (code !== "ENOENT" && code !== "ENOTDIR")
        throw err;
    }
    if (loose === void 0) {
      const packed = packedRefs().find(([n]) => n === name);
      if (!packed)
        return void 0;
      text = packed[1];
    } else
      text = loose;
  }
  throw new AskGit();
}
function commitTree(store, commit) {
  const object = store.read(commit);
  if (object?.type !== "commit")
    throw new AskGit();
  const tree = /^tree ([0-9a-f]{40})\n/.exec(object.data.toString("latin1", 0, 46));
  if (!tree)
    throw new AskGit();
  return Buffer.from(tree[1], "hex").toString("latin1");
}
var HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
function hexOf(raw) {
  let hex = "";
  for (let k = 0; k < raw.length; k++)
    hex += HEX[raw.charCodeAt(k)];
  return hex;
}
var HIGH = /[\x80-\xff]/;
var textOf = (bytes) => HIGH.test(bytes) ? Buffer.from(bytes, "latin1").toString("utf8") : bytes;
var bytesOf = (text) => /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, "utf8").toString("latin1");
function lowerBound(sorted, key, lo, hi) {
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}
function readTree(store, raw) {
  const object = store.read(hexOf(raw));
  if (object?.type !== "tree")
    throw new AskGit();
  const t = object.data.toString("latin1");
  const files = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Map();
  for (let at = 0; at < t.length; ) {
    const space = t.indexOf(" ", at);
    const nul = t.indexOf("\0", space);
    if (space < 0 || nul < 0 || nul + 21 > t.length)
      throw new AskGit();
    const mode = t.slice(at, space);
    const name = t.slice(space + 1, nul);
    const oid = t.slice(nul + 1, nul + 21);
    at = nul + 21;
    if (mode === TREE)
      dirs.set(name, oid);
    else if (FILE_MODES.has(mode))
      files.set(name, { mode, oid });
    else
      throw new AskGit();
  }
  return { files, dirs };
}
function stagedChanges(index, tree, store) {
  const { paths, modes } = index;
  const found = [];
  const added = (i) => {
    if (modes[i] === GITLINK)
      return false;
    found.push({ at: i, change: { status: "A", path: textOf(paths[i]), oid: hexOf(index.oid(i)), symlink: modes[i] === SYMLINK } });
    return true;
  };
  const compare = (prefix, raw, lo, hi) => {
    const { files, dirs } = readTree(store, raw);
    for (let i = lo; i < hi; ) {
      const path = paths[i];
      const slash = path.indexOf("/", prefix.length);
      if (slash >= 0) {
        const name2 = path.slice(prefix.length, slash);
        const dir = path.slice(0, slash);
        const end = lowerBound(paths, `${dir}0`, i, hi);
        const before2 = dirs.get(name2);
        if (before2 === void 0) {
          if (files.has(name2))
            return false;
          for (let k = i; k < end; k++)
            if (!added(k))
              return false;
        } else {
          dirs.delete(name2);
          if (index.validTrees.get(dir) !== before2 && !compare(`${dir}/`, before2, i, end))
            return false;
        }
        i = end;
        continue;
      }
      const name = path.slice(prefix.length);
      const before = files.get(name);
      files.delete(name);
      if (before === void 0) {
        if (!added(i))
          return false;
      } else if (before.oid !== index.oid(i) || before.mode !== modes[i]) {
        if (modes[i] === GITLINK || before.mode === GITLINK)
          return false;
        const symlink = modes[i] === SYMLINK;
        found.push({ at: i, change: { status: before.mode === SYMLINK !== symlink ? "T" : "M", path: textOf(path), oid: hexOf(index.oid(i)), symlink } });
      }
      i++;
    }
    return files.size === 0 && dirs.size === 0;
  };
  if (tree === void 0) {
    for (let i = 0; i < paths.length; i++)
      if (!added(i))
        return void 0;
  } else if (index.validTrees.get("") !== tree && !compare("", tree, 0, paths.length))
    return void 0;
  return found.sort((a, b) => a.at - b.at).map((f) => f.change);
}

// dist/src/fast/index.js
function fastJudge(plain) {
  return {
    name: "fast",
    analyze(text, needles, where) {
      const live = prefilterFor(needles).liveNeedles(text);
      if (live.length === 0 && !mayHaveModuleFacts(text))
        return { hits: [], testOnlyFile: false, moduleDecls: [], includes: [] };
      return plain.analyze(text, live.length === needles.length ? needles : live, where);
    }
  };
}
export {
  fastJudge,
  readIndexSnapshot
};
