// The file walk: a recursive `read_dir` collector fed from a driver becomes
// `[scope] include` (the extensions it keeps, under the directories it is
// given, minus the names it skips).

import type { ImportContext } from './context.js';
import { stringList } from './lists.js';
import { escapeGlob } from '../../glob.js';
import { evalPath } from './paths.js';
import type { FnInfo, Source } from './source.js';
import { fileCountThreshold } from './threshold.js';

export function walkScope(cx: ImportContext, depFns: FnInfo[], exclusionFns: FnInfo[]): { include: string[]; minFiles?: number; countExcluded: boolean } {
  const s = cx.s;
  const collectors = s.fns.filter((f) => s.callsTo(f.name, f.open, f.close).length > 0 && readDirs(s, f).length > 0);
  const positives: string[] = [];
  const negatives: string[] = [];
  const drivers = new Set<FnInfo>();
  const walkFns = new Set<FnInfo>([...collectors, ...depFns]);
  for (const col of collectors) {
    const facts = collectorFacts(cx, col);
    let called = false;
    for (const call of s.callsTo(col.name)) {
      const caller = s.enclosingFn(call);
      if (!caller || caller === col) continue;
      called = true;
      drivers.add(caller);
      walkFns.add(caller);
      const args = s.split(call + 2, s.match[call + 1]!, ',');
      const arg = args[facts.dirParam];
      if (!arg) cx.fail(`cannot import the walk: this call of \`${col.name}\` has no directory argument`, call);
      const base = evalPath(cx, caller, arg[0], arg[1], 0);
      if (base.kind !== 'path') cx.fail('cannot import the walk: the directory given here is not a single path', arg[0]);
      const root = base.segs.join('/');
      const prefix = root === '' ? '' : `${root}/`;
      const ext = facts.exts.length === 1 ? escapeGlob(facts.exts[0]!) : `{${facts.exts.map(escapeGlob).join(',')}}`;
      const inc = `${prefix}**/*.${ext}`;
      if (!positives.includes(inc)) positives.push(inc);
      for (const skip of facts.skips) {
        const pats = skip.ctx === 'dir' ? [`${prefix}**/${skip.glob}/**`] : skip.ctx === 'file' ? [`${prefix}**/${skip.glob}`] : [`${prefix}**/${skip.glob}/**`, `${prefix}**/${skip.glob}`];
        for (const p of pats) if (!negatives.includes(`!${p}`)) negatives.push(`!${p}`);
      }
    }
    if (!called) cx.fail(`cannot import the walk: \`${col.name}\` collects files but nothing calls it`, col.nameIdx);
    checkLeftoverLiterals(cx, col, 'the walk');
  }
  for (const d of drivers) checkLeftoverLiterals(cx, d, 'the walk');
  // Any other directory listing is a walk the importer did not understand.
  for (const f of s.fns) {
    if (walkFns.has(f)) continue;
    const rd = readDirs(s, f)[0];
    if (rd !== undefined) {
      cx.fail(
        'cannot import the walk: expected a recursive fn that lists a directory with `read_dir`, keeps files by extension and calls itself for subdirectories',
        rd,
        'set `[scope] include` in chokepoint.toml by hand',
      );
    }
  }
  if (positives.length === 0) {
    const other = s.code.findIndex((t) => t.kind === 'ident' && /^(WalkDir|walkdir|glob)$/.test(t.text));
    if (other >= 0) cx.fail('cannot import the walk: only a recursive `read_dir` collector can be imported', other, 'set `[scope] include` in chokepoint.toml by hand');
    cx.imp.fail('found no file walk (a recursive `read_dir` collector) to import the scope from', undefined, 'set `[scope] include` in chokepoint.toml by hand');
  }
  const threshold = fileCountThreshold(cx, drivers, collectors);
  // The seed counts files before exclusions; a walk that filters with the exclusion fn does not.
  const filtersInWalk = exclusionFns.some((e) => [...drivers, ...collectors].some((w) => s.callsTo(e.name, w.open, w.close).length > 0));
  return { include: [...positives, ...negatives], ...(threshold !== undefined ? { minFiles: threshold } : {}), countExcluded: !filtersInWalk };
}

function readDirs(s: Source, f: FnInfo): number[] {
  const out: number[] = [];
  for (let k = f.open + 1; k < f.close; k++) if (s.isId(k, 'read_dir')) out.push(k);
  return out;
}

/** What a recursive collector does: which param it lists, extensions kept, names skipped. */
function collectorFacts(cx: ImportContext, col: FnInfo): { dirParam: number; exts: string[]; skips: { glob: string; ctx: 'dir' | 'file' | 'both' }[] } {
  const s = cx.s;
  const rd = readDirs(s, col)[0]!;
  let dirName: string | undefined;
  if (s.isP(rd - 1, '.')) {
    if (s.isId(rd - 2) && !s.isP(rd - 3, '.')) dirName = s.code[rd - 2]!.text;
  } else if (s.isP(rd + 1, '(')) {
    let a = rd + 2;
    while (s.isP(a, '&')) a++;
    if (s.isId(a) && s.match[rd + 1] === a + 1) dirName = s.code[a]!.text;
  }
  const dirParam = col.params.findIndex((p) => p.name === dirName);
  if (dirParam < 0) cx.fail(`cannot import the walk: \`${col.name}\` does not list one of its parameters`, rd);

  // Locals holding a file name.
  const nameVars = new Set<string>();
  for (const b of s.bindings(col)) {
    if (b.kind === 'let' && s.code.slice(b.start, b.end).some((t) => t.kind === 'ident' && t.text === 'file_name')) nameVars.add(b.name);
  }
  const exts: string[] = [];
  const skips: { glob: string; ctx: 'dir' | 'file' | 'both' }[] = [];
  for (let k = col.open + 1; k < col.close; k++) {
    if (!s.isId(k, 'if')) continue;
    const brace = s.find(k + 1, col.close, (x) => s.isP(x, '{'));
    if (brace < 0) continue;
    const bodyEnd = s.match[brace]!;
    const isSkip = (s.isId(brace + 1, 'continue') || s.isId(brace + 1, 'return')) && bodyEnd - brace <= 7 && !s.code.slice(brace + 1, bodyEnd).some((t) => t.kind === 'str');
    if (isSkip) {
      for (const [a, b] of s.split(k + 1, brace, '||')) {
        let ctx: 'dir' | 'file' | null = null;
        let nameAtom: [number, number] | undefined;
        for (const [ca, cb] of s.split(a, b, '&&')) {
          const kind = structuralKind(s, ca, cb);
          if (kind !== undefined) ctx = kind ?? ctx;
          else if (nameAtom) cx.fail('cannot import this skip condition of the walk: more than one name test joined by `&&`', ca);
          else nameAtom = [ca, cb];
        }
        if (!nameAtom) continue;
        const globs = nameGlobs(cx, nameAtom[0], nameAtom[1], nameVars);
        const where = ctx ?? blockContext(s, k, col);
        for (const glob of globs) skips.push({ glob, ctx: where });
      }
    } else {
      for (const [a, b] of s.split(k + 1, brace, '||')) {
        for (const [ca, cb] of s.split(a, b, '&&')) {
          const lits = literalsIn(s, ca, cb);
          if (lits.length === 0) continue;
          const hasExt = s.code.slice(ca, cb).some((t) => t.kind === 'ident' && t.text === 'extension');
          const endsWithDot = lits.length === 1 && s.isId(lits[0]! - 2, 'ends_with') && s.code[lits[0]!]!.value.startsWith('.');
          if ((hasExt && lits.length === 1) || endsWithDot) {
            const ext = s.code[lits[0]!]!.value.replace(/^\./, '');
            cx.consumed.add(lits[0]!);
            if (!exts.includes(ext)) exts.push(ext);
          } else {
            cx.fail('cannot import this condition of the walk', ca, 'the importer maps an extension test and directory-name skips; set `[scope] include` by hand');
          }
        }
      }
    }
  }
  if (exts.length === 0) cx.fail(`cannot import the walk: \`${col.name}\` keeps files without testing their extension`, col.nameIdx, 'set `[scope] include` in chokepoint.toml by hand');
  return { dirParam, exts, skips };
}

/**
 * A test on the kind of entry: `x.is_dir()` → 'dir', `!x.is_dir()` / `x.is_file()` → 'file',
 * `x.is_symlink()` / `x.exists()` → null (no name involved); undefined for anything else.
 */
function structuralKind(s: Source, a: number, b: number): 'dir' | 'file' | null | undefined {
  if (literalsIn(s, a, b).length > 0) return undefined;
  const negated = s.isP(a, '!');
  const ids = s.code.slice(a, b).filter((t) => t.kind === 'ident').map((t) => t.text);
  if (ids.includes('is_dir')) return negated ? 'file' : 'dir';
  if (ids.includes('is_file')) return negated ? 'dir' : 'file';
  if (ids.includes('is_symlink') || ids.includes('exists')) return null;
  return undefined;
}

function literalsIn(s: Source, a: number, b: number): number[] {
  const out: number[] = [];
  for (let k = a; k < b; k++) {
    const t = s.code[k]!;
    if ((t.kind === 'str' || t.kind === 'char') && t.value !== '') out.push(k);
  }
  return out;
}

/** Whether the `if` at k sits in a directory branch, a file branch, or neither. */
function blockContext(s: Source, k: number, col: FnInfo): 'dir' | 'file' | 'both' {
  const kindOfIfBrace = (brace: number): 'dir' | 'file' | null => {
    // The `if` whose header ends at this brace.
    const ifIdx = (() => {
      for (let j = brace - 1; j > col.open; j--) {
        if (s.isId(j, 'if') && s.find(j + 1, brace + 1, (x) => s.isP(x, '{')) === brace) return j;
        if (s.isP(j, ';') || s.isP(j, '}') && s.match[j]! < j && s.parent[j] === s.parent[brace]) break;
      }
      return -1;
    })();
    if (ifIdx >= 0) {
      const own = conditionKind(s, ifIdx + 1, brace);
      if (own) return own;
      if (s.isId(ifIdx - 1, 'else')) return invert(ifIdx - 1);
      return null;
    }
    if (s.isId(brace - 1, 'else')) return invert(brace - 1);
    return null;
  };
  const invert = (elseIdx: number): 'dir' | 'file' | null => {
    if (!s.isP(elseIdx - 1, '}')) return null;
    const prev = kindOfIfBrace(s.match[elseIdx - 1]!);
    return prev === 'dir' ? 'file' : prev === 'file' ? 'dir' : null;
  };
  for (let p = s.parent[k]!; p > col.open; p = s.parent[p]!) {
    if (!s.isP(p, '{')) continue;
    const kind = kindOfIfBrace(p);
    if (kind) return kind;
  }
  return 'both';
}

function conditionKind(s: Source, a: number, b: number): 'dir' | 'file' | null {
  for (const [x, y] of s.split(a, b, '&&')) {
    const k = structuralKind(s, x, y);
    if (k) return k;
    if (s.code.slice(x, y).some((t) => t.kind === 'ident' && t.text === 'extension')) return 'file';
  }
  return null;
}

/** A test on a file name → name globs (one path segment each). */
function nameGlobs(cx: ImportContext, a: number, b: number, nameVars: Set<string>): string[] {
  const s = cx.s;
  const toks = s.code.slice(a, b);
  const unknown = (): never =>
    cx.fail('cannot import this skip condition of the walk', a, 'the importer maps `file_name() == "X"` style tests; set `[scope] include` in chokepoint.toml by hand');
  const aboutName = toks.some((t) => t.kind === 'ident' && (t.text === 'file_name' || nameVars.has(t.text)));
  if (!aboutName || s.isP(a, '!') || toks.some((t) => t.kind === 'punct' && t.text === '!=')) return unknown();
  // matches!(name, "a" | "b")
  const mi = toks.findIndex((t) => t.kind === 'ident' && t.text === 'matches');
  if (mi >= 0) {
    const lits = literalsIn(s, a, b);
    if (lits.length === 0) return unknown();
    lits.forEach((k) => cx.consumed.add(k));
    return lits.map((k) => escapeGlob(s.code[k]!.value));
  }
  // SKIP_DIRS.contains(&name)
  for (let k = a; k < b; k++) {
    const c = s.code[k]!;
    if (c.kind === 'ident' && s.consts.has(c.text) && s.isP(k + 1, '.') && s.isId(k + 2, 'contains')) {
      cx.usedConsts.add(c.text);
      const cinfo = s.consts.get(c.text)!;
      return stringList(cx, cinfo.nameIdx, cinfo.nameIdx + 1, 'directory name').map((e) => escapeGlob(e.value));
    }
  }
  const lits = literalsIn(s, a, b);
  if (lits.length !== 1) return unknown();
  const k = lits[0]!;
  const x = escapeGlob(s.code[k]!.value);
  if (x.includes('/')) return unknown();
  cx.consumed.add(k);
  if (s.isP(k - 1, '(') && s.isP(k + 1, ')') && s.isId(k - 2) && s.isP(k - 3, '.')) {
    const m = s.code[k - 2]!.text;
    if (m === 'starts_with') return [`${x}*`];
    if (m === 'ends_with') return [`*${x}`];
    if (m === 'contains') return [`*${x}*`];
  }
  if (toks.some((t) => t.kind === 'punct' && t.text === '==')) return [x];
  return unknown();
}

/** Every string literal in the fn body must have become config or be a message. */
function checkLeftoverLiterals(cx: ImportContext, fn: FnInfo, what: string): void {
  const s = cx.s;
  for (let k = fn.open + 1; k < fn.close; k++) {
    const t = s.code[k]!;
    if ((t.kind !== 'str' && t.kind !== 'char') || t.value === '' || cx.consumed.has(k) || s.isMessageLiteral(k)) continue;
    // `replace('\\', "/")` normalisation carries no rule data.
    if ((t.value === '/' || t.value === '\\') && s.isP(s.parent[k]!, '(') && s.isId(s.parent[k]! - 1, 'replace')) continue;
    cx.fail(`cannot import ${what}: the literal ${t.text} in \`${fn.name}\` does not map to any setting`, k, 'simplify the walk to the `root.join("…")` / `read_dir` / recursive-collector shape, or set `[scope]` by hand');
  }
}
