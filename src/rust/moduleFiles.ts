// Rust's module-file rules, on repo-relative `/`-separated paths.
//
// A "mod-rs" file (crate root or `mod.rs`) keeps its children beside it; any
// other `foo.rs` keeps them in `foo/`. `#[path]` is relative to the declaring
// file's directory, or, inside inline modules, to the inline modules'
// directory (which for a non-mod-rs file starts with `foo/`). An inline
// module's own `#[path]` replaces its directory. This mirrors rustc's
// `rustc_expand::module` and the Reference's table for the path attribute.

import type { ModuleDecl } from './types.js';

/** `a/./b/../c` -> `a/c`; leading `..` that escape the root are kept. */
export function normalizePath(p: string): string {
  // Almost every path is already normal; the audit asks for ~20,000 of them.
  if (isNormal(p)) return p;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (p.startsWith('/') ? '/' : '') + out.join('/');
}

/** No empty, `.` or `..` segment (and not absolute). */
function isNormal(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.endsWith('/') || p.includes('//')) return p === '';
  return !(p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../') || p.includes('/./') || p.includes('/../') || p.endsWith('/.') || p.endsWith('/..'));
}

function join(...parts: string[]): string {
  const kept = parts.filter((x) => x !== '');
  let joined = '';
  for (const part of kept) {
    // An absolute `#[path]` ignores the directory before it, as PathBuf::push does.
    joined = part.startsWith('/') || joined === '' ? part : `${joined}/${part}`;
  }
  return normalizePath(joined);
}

function dirname(p: string): string {
  const slash = p.lastIndexOf('/');
  return slash < 0 ? '' : p.slice(0, slash);
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** A Cargo binary root placed directly in `src/bin/`. */
function isBinRoot(file: string): boolean {
  const dir = dirname(file);
  return basename(dir) === 'bin' && basename(dirname(dir)) === 'src' && file.endsWith('.rs');
}

/** `lib.rs`, `main.rs` and `src/bin/*.rs`: Cargo's crate roots, which no declaration makes a module. */
export function isCrateRoot(file: string): boolean {
  const base = basename(file);
  return base === 'lib.rs' || base === 'main.rs' || isBinRoot(file);
}

/** lib.rs, main.rs, mod.rs, and `src/bin/*.rs`: files whose child modules sit beside them. */
export function isModRsFile(file: string): boolean {
  const base = basename(file);
  return base === 'lib.rs' || base === 'main.rs' || base === 'mod.rs' || isBinRoot(file);
}

/** Files that may hold module `decl` declared in repo-relative `declaringFile`. */
export function childModuleCandidates(declaringFile: string, decl: ModuleDecl): string[] {
  const file = normalizePath(declaringFile);
  let dir = dirname(file);
  // For `foo.rs`, children live under `foo/`, but a `#[path]` directly in it is
  // relative to the file's own directory: keep `foo` pending until needed.
  let pending = isModRsFile(file) ? '' : basename(file).replace(/\.rs$/, '');
  decl.inlineParents.forEach((name, idx) => {
    const own = decl.inlineParentPaths?.[idx];
    if (own !== undefined && own !== null) {
      dir = join(dir, own);
    } else {
      dir = join(dir, pending, name);
    }
    pending = '';
  });
  if (decl.pathAttr !== undefined) return [join(dir, decl.pathAttr)];
  const base = join(dir, pending);
  return [join(base, `${decl.name}.rs`), join(base, decl.name, 'mod.rs')];
}

/**
 * Files that may declare the module whose file is `file`:
 * `a/src/x/y.rs` and `a/src/x/y/mod.rs` -> `a/src/x.rs`, `a/src/x/mod.rs`;
 * a module directly in `src/` -> `src/lib.rs`, `src/main.rs`, `src/mod.rs`;
 * crate roots (`lib.rs`, `main.rs`, `src/bin/*.rs`) -> none.
 * Modules placed with `#[path]` cannot be found this way.
 */
export function parentModuleCandidates(file: string): string[] {
  const f = normalizePath(file);
  const base = basename(f);
  if (base === 'lib.rs' || base === 'main.rs' || isBinRoot(f) || !f.endsWith('.rs')) return [];
  const dir = dirname(f);
  // The directory that the declaring module keeps its children in.
  const home = base === 'mod.rs' ? dirname(dir) : dir;
  if (base === 'mod.rs' && dir === '') return [];
  // By Cargo's layout a `src/` directory holds crate roots, not a `src.rs` module.
  if (basename(home) === 'src' || home === '') {
    return [join(home, 'lib.rs'), join(home, 'main.rs'), join(home, 'mod.rs')];
  }
  const out = [`${home}.rs`, join(home, 'mod.rs')];
  if (basename(dirname(home)) === 'bin') out.push(join(home, 'main.rs')); // src/bin/name/main.rs
  return out;
}
