// Name resolution inside one file: which full path each path in production
// code stands for, as far as the file's own `use` declarations, `extern crate
// … as …` items and `self`/`super`/`crate` prefixes tell. `use std::process;`
// then makes `process::Command::new` read as `std::process::Command::new`.
//
// Scopes follow Rust's: a `use` applies throughout the block or module that
// holds it (before and after it), blocks see their enclosing blocks' imports,
// and a `mod name { … }` body sees none of its parent's (only through `super`
// or `use super::*`). What one file cannot know stays unresolved: a
// re-export from another module of the crate, the extern prelude's own
// renames, and paths a macro builds. docs/names.md has the full list.
//
// Glob imports make a name ambiguous (it may be declared elsewhere, or come
// from the glob): such a name gets one candidate per glob that could supply
// it, and a needle that matches any candidate is reported.
//
// Pure: tokens in, resolved paths out. Linear in the tokens, plus a bounded
// amount of work per path (scope depth, MAX_STEPS re-resolutions).

import {
  BANG,
  DOT,
  IDENT,
  LBRACE,
  LPAREN,
  PATH_SEP,
  PUNCT,
  RAW_IDENT,
  isIdentLikeAt,
  isPathSepAt,
  isPunctAt,
  isWordAt,
  tokenText,
  viewStart,
  type TokenStream,
} from './tokens.js';
import { expandUseTree, startsUseItem, type UsePath, type UseTree } from './useTree.js';

/** A name an import brings into a scope. */
interface Binding {
  /** The imported path, segments as written (`['std', 'fs']`, `['super']`, `['', 'std']` for `::std`). */
  target: string[];
  /** The `{` token of the block or module the import is in; -1 for the file's own module. */
  scope: number;
}

/** One way to read a path: the written segments it replaces, and what it stands for. */
export interface Resolution {
  /** How many of the path's leading written segments the replacement stands for. */
  consumed: number;
  /** The full path those segments stand for, from a crate root (or as far as it resolves). */
  replacement: string[];
  /** It comes from a glob import (the name may as well be the file's own). */
  viaGlob: boolean;
}

/** A path written in code. */
export interface CodePath {
  /** Token index of each written segment (identifiers; `self`, `super`, `crate` included). */
  segments: number[];
  /** The path starts with `::` (a crate root follows). */
  absolute: boolean;
  /** Token index just past the path's last segment. */
  end: number;
}

export interface NameOptions {
  /**
   * The file is a crate root (`lib.rs`, `main.rs`, a `[[bin]]`): `crate::x`
   * then names its own module. Otherwise `crate::` paths stay unresolved.
   */
  crateRoot?: boolean;
}

const COLON = 0x3a; // a single `:` (a pair lexes as one `::` token)

// A binding whose target starts with another imported name is resolved again;
// this bounds that chain (and any cycle of imports).
const MAX_STEPS = 8;
// A name that several globs could supply is read at most this many ways.
const MAX_CANDIDATES = 8;

// Words that never name a path (keywords that cannot start one).
const KEYWORDS = new Set([
  'as', 'async', 'await', 'break', 'const', 'continue', 'dyn', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in',
  'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'static', 'struct', 'trait', 'true', 'type', 'unsafe',
  'use', 'where', 'while', 'Self', 'union', 'macro_rules', 'yield', 'gen', 'try', 'box', 'default', 'safe', 'auto', 'raw',
]);

// Words after which an identifier is being declared, not used.
const DECLARES = new Set(['fn', 'struct', 'enum', 'union', 'trait', 'type', 'mod', 'const', 'static', 'let', 'mut', 'ref', 'macro_rules']);

// Crate roots and names of the standard prelude that no glob of a std
// module supplies in practice: a glob is never taken to shadow them.
const PRELUDE = new Set(['std', 'core', 'alloc', 'Some', 'None', 'Ok', 'Err', 'Option', 'Vec', 'String', 'Box', 'drop', 'Default', 'Clone', 'Copy', 'Send', 'Sync', 'Sized']);

/** The names, scopes and imports of one file. */
export class NameTable {
  /** For each token, the innermost `{` holding it (-1: the file's module). */
  private readonly scopeOf: Int32Array;
  /** `{` tokens that open a `mod name { ... }` body. */
  private readonly moduleBrace = new Set<number>();
  /** scope -> name -> `{` of each inline `mod name { ... }` declared there (paths into it read its imports, `pub use` included). */
  private readonly inlineModules = new Map<number, Map<string, number>>();
  /** scope -> name -> binding (explicit imports: `use a::b;`, `use a::b as c;`, `extern crate a as c;`). */
  private readonly named = new Map<number, Map<string, Binding>>();
  /** scope -> glob imports (`use a::b::*;`): the target is `a::b`. */
  private readonly globs = new Map<number, Binding[]>();
  /** Names the file declares (items, `let` bindings, parameters): a glob never supplies these. */
  private declaredNames: Set<string> | undefined;
  /** Every name an explicit import binds (in any scope) whose reading may interest the caller (see focus). */
  private boundNames = new Set<string>();
  /** Length and first character of each name in boundNames, and of `self`, `super`, `crate` (see nameKey). */
  private nameKeys = new Set<number>(SPECIAL_KEYS);
  /** Whether some glob's reading may interest the caller. */
  private globsMatter = false;
  /** The expanded `use` items of production code, by the index of their `use` token. */
  private readonly trees = new Map<number, UseTree>();
  private readonly crateRoot: boolean;

  constructor(
    private readonly ts: TokenStream,
    pairs: Int32Array,
    /** Non-zero for tokens that are not production code (test code): their imports do not count. */
    omit: ArrayLike<number>,
    opts: NameOptions = {},
  ) {
    this.crateRoot = opts.crateRoot === true;
    const n = ts.count;
    this.scopeOf = new Int32Array(n);
    const open: number[] = [];
    const items: number[] = []; // `use` and `extern crate` items of production code, read once scopes are known
    let itemEnd = 0;
    for (let k = 0; k < n; k++) {
      while (open.length > 0 && pairs[open[open.length - 1]!]! < k) open.pop();
      this.scopeOf[k] = open.length > 0 ? open[open.length - 1]! : -1;
      const kind = ts.kind[k];
      if (kind === PUNCT) {
        if (ts.code[k] === LBRACE && pairs[k]! > k) {
          open.push(k);
          if (isIdentLikeAt(ts, k - 1) && isWordAt(ts, k - 2, 'mod')) {
            this.moduleBrace.add(k);
            const parent = this.scopeOf[k]!;
            let children = this.inlineModules.get(parent);
            if (children === undefined) this.inlineModules.set(parent, (children = new Map()));
            children.set(tokenText(ts, k - 1), k);
          }
        }
      } else if (kind === IDENT && k >= itemEnd && omit[k] === 0) {
        if (startsUseItem(ts, k) && !isPunctAt(ts, k - 1, DOT)) {
          items.push(k);
          const tree = expandUseTree(ts, k, pairs);
          this.trees.set(k, tree);
          itemEnd = tree.end;
        } else if (isWordAt(ts, k, 'extern') && isWordAt(ts, k + 1, 'crate')) {
          items.push(k);
        }
      }
    }
    for (const k of items) {
      const tree = this.trees.get(k);
      if (tree !== undefined) {
        for (const path of tree.paths) this.bindUse(path, this.scopeOf[k]!);
      } else if (isIdentLikeAt(ts, k + 2) && isWordAt(ts, k + 3, 'as') && isIdentLikeAt(ts, k + 4)) {
        // `extern crate a as b;` names crate `a` `b`; `extern crate self as b;` names this crate.
        const crate = tokenText(ts, k + 2);
        const alias = tokenText(ts, k + 4);
        if (alias !== '_') this.bind(this.scopeOf[k]!, alias, { target: [crate === 'self' ? 'crate' : crate], scope: this.scopeOf[k]! });
      }
    }
  }

  /** Names the file declares; gathered on first need (only files with globs ask). */
  private get declared(): Set<string> {
    if (this.declaredNames === undefined) {
      this.declaredNames = new Set();
      for (let k = 0; k < this.ts.count; k++) {
        if (isIdentLikeAt(this.ts, k) && this.declaresAt(k)) this.declaredNames.add(tokenText(this.ts, k));
      }
    }
    return this.declaredNames;
  }

  /** Whether token `k` is a name being declared (`fn k`, `let k`, `k: T` as a parameter or field, ...). */
  private declaresAt(k: number): boolean {
    const ts = this.ts;
    if (k > 0 && ts.kind[k - 1] !== PATH_SEP && isIdentLikeAt(ts, k - 1) && DECLARES.has(tokenText(ts, k - 1))) return true;
    if (isPunctAt(ts, k - 1, BANG) && isWordAt(ts, k - 2, 'macro_rules')) return true;
    // `name: Type` (a parameter, a field, a typed `let`), not `a::b`.
    return isPunctAt(ts, k + 1, COLON) && !isPunctAt(ts, k + 2, COLON) && !isPunctAt(ts, k - 1, COLON);
  }

  private bind(scope: number, name: string, binding: Binding): void {
    this.boundNames.add(name);
    this.nameKeys.add(keyOf(name));
    let names = this.named.get(scope);
    if (names === undefined) this.named.set(scope, (names = new Map()));
    names.set(name, binding);
  }

  private bindUse(path: UsePath, scope: number): void {
    const segs = useSegments(path.text);
    if (segs === undefined || segs.length === 0) return;
    const last = segs[segs.length - 1]!;
    if (last === '*') {
      const target = segs.slice(0, -1);
      if (target.length === 0 || (target.length === 1 && target[0] === '')) return;
      // A glob of what this file cannot see into (the parent file's module, another module of a crate) says nothing.
      if ((target[0] === 'super' && this.moduleOf(scope) === -1) || (target[0] === 'crate' && !this.crateRoot)) return;
      let list = this.globs.get(scope);
      if (list === undefined) this.globs.set(scope, (list = []));
      list.push({ target, scope });
      return;
    }
    const name = path.alias ?? last;
    if (name === '_' || name === '' || name === 'self') return;
    // `use std;` alone names what it already names.
    if (segs.length === 1 && path.alias === undefined) return;
    this.bind(scope, name, { target: segs, scope });
  }

  /**
   * Whether a path whose first segment is token `k` may read otherwise than
   * as written (`resolve` says how). Cheap: a name's length and first
   * character are compared before any text is cut out.
   */
  mayNameAt(k: number): boolean {
    const ts = this.ts;
    if (!this.globsMatter && !this.nameKeys.has(nameKey(ts, k))) return false;
    const head = tokenText(ts, k);
    if (head === 'self' || head === 'super' || head === 'crate') return true;
    if (this.boundNames.has(head)) return true;
    return this.globsMatter && !this.declared.has(head) && !PRELUDE.has(head);
  }

  /**
   * Narrow mayNameAt to the imports whose readings `interesting` accepts
   * (given a reading's segments from a crate root, a glob's with `undefined`
   * standing for the name it supplies). A file whose imports cannot lead to
   * any needle then costs no path lookups at all.
   */
  focus(interesting: (segments: ReadonlyArray<string | undefined>) => boolean): void {
    const names = new Set<string>();
    for (const byName of this.named.values()) {
      for (const [name, b] of byName) {
        if (names.has(name)) continue;
        const readings = this.resolveAt(b.target, b.scope, 1, false);
        const full = readings.length > 0 ? readings.map((r) => [...r.replacement, ...b.target.slice(r.consumed)]) : [b.target];
        if (full.some((segs) => interesting(segs))) names.add(name);
      }
    }
    // A path through an inline module (`inner::host::read`) may reach one of those imports.
    if (names.size > 0) for (const children of this.inlineModules.values()) for (const name of children.keys()) names.add(name);
    this.boundNames = names;
    this.nameKeys = new Set([...SPECIAL_KEYS, ...[...names].map(keyOf)]);
    this.globsMatter = [...this.globs.values()].some((list) =>
      list.some((g) => g.target[0] === 'super' || g.target[0] === 'self' || interesting([...g.target, undefined])),
    );
  }

  /** The expansion of the production `use` item at token `k` (as expandUseTree gives it), when there is one. */
  useTreeAt(k: number): UseTree | undefined {
    return this.trees.get(k);
  }

  /** mayNameAt for a name already cut out (a `use` path's first segment). */
  mayName(head: string): boolean {
    if (head === 'self' || head === 'super' || head === 'crate' || this.boundNames.has(head)) return true;
    return this.globsMatter && !this.declared.has(head) && !PRELUDE.has(head);
  }

  /** Whether any path may read otherwise than as written (false after focus when no import matters). */
  get mayNameAny(): boolean {
    return this.globsMatter || this.boundNames.size > 0;
  }

  /** The scope that holds token `k`. */
  scopeAt(k: number): number {
    return this.scopeOf[k] ?? -1;
  }

  /** The module (a `mod` body's `{`, or -1) that scope `s` belongs to. */
  private moduleOf(s: number): number {
    while (s !== -1 && !this.moduleBrace.has(s)) s = this.scopeOf[s]!;
    return s;
  }

  /**
   * The ways the path `segs` (written in scope `scope`) can read, each as a
   * replacement of its first `consumed` segments; empty when the file says
   * nothing about it (it then reads as written).
   */
  resolve(segs: readonly string[], scope: number): Resolution[] {
    return dedupe(this.resolveAt(segs, scope, 0, true));
  }

  /**
   * `globs`: whether a glob may supply the head. An import's own target is
   * read through explicit imports only: a glob supplying a crate's name is
   * far-fetched, and globs of globs would multiply readings.
   */
  private resolveAt(segs: readonly string[], scope: number, steps: number, globs: boolean): Resolution[] {
    if (steps > MAX_STEPS || segs.length === 0) return [];
    const head = segs[0]!;
    if (head === '') return []; // `::std::…`: already from a crate root
    if (head === 'crate') {
      if (!this.crateRoot || segs.length < 2) return [];
      return shift(this.inModule(segs.slice(1), -1, steps, globs), 1);
    }
    if (head === 'self' || head === 'super') {
      let m = this.moduleOf(scope);
      let k = 0;
      if (head === 'self') k = 1;
      else {
        for (; segs[k] === 'super'; k++) {
          if (m === -1) return []; // the parent is another file
          m = this.moduleOf(this.scopeOf[m]!);
        }
      }
      if (k >= segs.length) return [];
      return shift(this.inModule(segs.slice(k), m, steps, globs), k);
    }
    // A plain name: the nearest explicit import in the enclosing blocks up
    // to the module; failing that, each glob on the way could supply it.
    const found: Binding[] = [];
    for (let s = scope; ; s = this.scopeOf[s]!) {
      const b = this.named.get(s)?.get(head);
      if (b !== undefined) return this.expand(b, segs, steps, false);
      const child = this.inlineModules.get(s)?.get(head);
      if (child !== undefined) return segs.length > 1 ? shift(this.inModule(segs.slice(1), child, steps, false), 1) : [];
      if (globs) found.push(...(this.globs.get(s) ?? []));
      if (s === -1 || this.moduleBrace.has(s)) break;
    }
    return this.fromGlobs(found, segs, steps);
  }

  /** A name looked up in module `m`'s own imports (`self::x`, `super::x`, `crate::x`). */
  private inModule(segs: readonly string[], m: number, steps: number, globs: boolean): Resolution[] {
    const head = segs[0]!;
    const b = this.named.get(m)?.get(head);
    if (b !== undefined) return this.expand(b, segs, steps, false);
    const child = this.inlineModules.get(m)?.get(head);
    if (child !== undefined) return segs.length > 1 ? shift(this.inModule(segs.slice(1), child, steps, false), 1) : [];
    return globs ? this.fromGlobs(this.globs.get(m) ?? [], segs, steps) : [];
  }

  private fromGlobs(globs: readonly Binding[], segs: readonly string[], steps: number): Resolution[] {
    const head = segs[0]!;
    if (globs.length === 0 || this.declared.has(head) || PRELUDE.has(head)) return [];
    const out: Resolution[] = [];
    for (const g of globs.slice(0, MAX_CANDIDATES)) {
      for (const r of this.expand(g, segs, steps, true, true)) out.push(r);
    }
    return out;
  }

  /**
   * What `segs` reads as through binding `b`: the binding's target in place
   * of the head (or, for a glob, before it), itself resolved where the
   * import stands.
   */
  private expand(b: Binding, segs: readonly string[], steps: number, viaGlob: boolean, glob = false): Resolution[] {
    const written = glob ? [...b.target, segs[0]!] : b.target;
    // `use super::*` must look into the parent's globs too; any other target's head is a crate or an explicit import.
    const again = this.resolveAt(written, b.scope, steps + 1, glob && (written[0] === 'super' || written[0] === 'self'));
    const out: Resolution[] = [];
    for (const r of again) out.push({ consumed: 1, replacement: [...r.replacement, ...written.slice(r.consumed)], viaGlob: viaGlob || r.viaGlob });
    // Readings through a glob are only maybes: the target as written stays one.
    if (again.every((r) => r.viaGlob)) {
      const first = written[0];
      // A glob of a parent module the file cannot see into says nothing.
      if (glob && (first === 'super' || first === 'self' || first === 'crate')) return [];
      out.push({ consumed: 1, replacement: written.filter((s, k) => s !== '' || k === 0), viaGlob });
    }
    return out;
  }

  /**
   * Whether a path starting at token `k` may read through a glob only when it
   * looks like a use of an item: followed by `::`, called, a macro, or named
   * like a type or constant. Plain lowercase words are local variables far
   * more often than items a glob brought in.
   */
  globMayApply(path: CodePath): boolean {
    if (path.segments.length > 1) return true;
    const ts = this.ts;
    const k = path.segments[0]!;
    if (isPunctAt(ts, path.end, LPAREN) || isPunctAt(ts, path.end, BANG)) return true;
    const c = ts.src.charCodeAt(viewStart(ts, k));
    return c >= 0x41 && c <= 0x5a;
  }
}

const keyOf = (name: string): number => name.length * 0x10000 + name.charCodeAt(0);
const SPECIAL_KEYS = ['self', 'super', 'crate'].map(keyOf);

/** A name's length and first character as one number (as the code view shows the token). */
function nameKey(ts: TokenStream, k: number): number {
  const at = viewStart(ts, k);
  return (ts.end[k]! - at) * 0x10000 + ts.src.charCodeAt(at);
}

/** Segments of a use path's text (`::std::fs` → `['', 'std', 'fs']`); undefined when it is not a plain path. */
function useSegments(text: string): string[] | undefined {
  if (text.includes('\n')) return undefined; // parts that were apart in the source
  return text.split('::');
}

function shift(rs: Resolution[], by: number): Resolution[] {
  return rs.map((r) => ({ ...r, consumed: r.consumed + by }));
}

function dedupe(rs: Resolution[]): Resolution[] {
  if (rs.length < 2) return rs;
  const seen = new Set<string>();
  const out: Resolution[] = [];
  for (const r of rs) {
    const key = `${r.consumed}:${r.replacement.join('::')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
    if (out.length === MAX_CANDIDATES) break;
  }
  return out;
}

/**
 * Every path written in production code, outside `use` and `extern crate`
 * items (`omit` non-zero for tokens to leave out): maximal runs `a::b::c` or `::a::b`,
 * not preceded by `.` (a method or field), `$` (a macro fragment) or a word
 * that declares a name.
 */
export function codePaths(ts: TokenStream, pairs: Int32Array, omit: ArrayLike<number>, want?: (head: number) => boolean): CodePath[] {
  const out: CodePath[] = [];
  const n = ts.count;
  for (let k = 0; k < n; k++) {
    if (omit[k] !== 0) continue;
    const kind = ts.kind[k];
    if (kind !== IDENT && kind !== RAW_IDENT && kind !== PATH_SEP) continue;
    if (startsUseItem(ts, k) && !isPunctAt(ts, k - 1, DOT)) {
      k = Math.max(k, expandUseTree(ts, k, pairs).end - 1); // judged by its expanded paths
      continue;
    }
    if (isWordAt(ts, k, 'extern') && isWordAt(ts, k + 1, 'crate')) {
      while (k < n && !isPunctAt(ts, k, 0x3b /* ; */)) k++;
      continue;
    }
    const absolute = kind === PATH_SEP && isIdentLikeAt(ts, k + 1) && !startsInPath(ts, k);
    if (!absolute && (kind === PATH_SEP || startsInPath(ts, k))) continue;
    const first = absolute ? k + 1 : k;
    let j = first + 1;
    while (isPathSepAt(ts, j) && isIdentLikeAt(ts, j + 1) && omit[j + 1] === 0) j += 2;
    const wanted =
      (want === undefined || want(first)) &&
      !isPunctAt(ts, k - 1, DOT) &&
      !isPunctAt(ts, k - 1, 0x24 /* $ */) &&
      (absolute || ts.kind[first] === RAW_IDENT || !KEYWORDS.has(tokenText(ts, first))) &&
      !(k > 0 && ts.kind[k - 1] === IDENT && DECLARES.has(tokenText(ts, k - 1)));
    if (wanted) {
      const segments: number[] = [];
      for (let t = first; t < j; t += 2) segments.push(t);
      out.push({ segments, absolute, end: j });
    }
    k = j - 1;
  }
  return out;
}

/** Token `k` continues a path begun before it (`a::k`, `a::::k`), or follows a `>` of `<T>::k`. */
function startsInPath(ts: TokenStream, k: number): boolean {
  if (isPathSepAt(ts, k)) return isIdentLikeAt(ts, k - 1) || isPunctAt(ts, k - 1, 0x3e /* > */);
  return isPathSepAt(ts, k - 1);
}

/** The written text of a path's segments. */
export function segmentTexts(ts: TokenStream, path: CodePath): string[] {
  return path.segments.map((k) => tokenText(ts, k));
}
