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
        for (let m = scanner.exec(text); m !== null && missing > 0; m = scanner.exec(text)) {
          const at = m.index;
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
  fastJudge
};
