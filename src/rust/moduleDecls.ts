// Out-of-line module declarations (`mod name;`) with what is needed to find
// their files: `#[path]`, enclosing inline modules, and whether they are test
// code. A full scan (test regions included), since a test module's children
// must be known to be test code too.

import { attributeAt, cfgAttrPathValues, isTestOnlyCfgAttr, pathAttrValue, stringLiteralValue, type Attribute } from './attributes.js';
import type { Locator } from './positions.js';
import {
  BANG,
  HASH,
  LBRACE,
  LITERAL,
  RBRACKET,
  RPAREN,
  SEMI,
  isCloseAt,
  isIdentLikeAt,
  isOpenAt,
  isPunctAt,
  isWordAt,
  tokenText,
  type TokenStream,
} from './tokens.js';
import type { IncludeRef, ModuleDecl } from './types.js';

interface InlineModule {
  name: string;
  path: string | null;
}

export function collectModuleDecls(
  ts: TokenStream,
  pairs: Int32Array,
  testMask: Uint8Array,
  testOnlyFile: boolean,
  locate: Locator,
): ModuleDecl[] {
  const decls: ModuleDecl[] = [];
  // Most files declare nothing: find out cheaply before tracking nesting.
  let any = false;
  for (let k = 0; k < ts.count && !any; k++) any = isDeclAt(ts, k);
  if (!any) return decls;

  // One entry per open bracket: the inline module it opens, or null.
  const stack: Array<InlineModule | null> = [];
  for (let k = 0; k < ts.count; k++) {
    if (isOpenAt(ts, k)) {
      let entry: InlineModule | null = null;
      if (isPunctAt(ts, k, LBRACE) && isIdentLikeAt(ts, k - 1) && isWordAt(ts, k - 2, 'mod')) {
        const path = pathOf(ts, outerAttributes(ts, pairs, k - 2)) ?? pathOf(ts, innerAttributes(ts, pairs, k + 1));
        entry = { name: tokenText(ts, k - 1), path: path ?? null };
      }
      stack.push(entry);
      continue;
    }
    if (isCloseAt(ts, k)) {
      stack.pop();
      continue;
    }
    if (!isDeclAt(ts, k)) continue;

    const attrs = outerAttributes(ts, pairs, k);
    const parents = stack.filter((m): m is InlineModule => m !== null);
    const pos = locate(ts.start[k]!);
    const decl: ModuleDecl = {
      name: tokenText(ts, k + 1),
      testOnly: testOnlyFile || testMask[k] === 1 || attrs.some((a) => isTestOnlyCfgAttr(ts, pairs, a)),
      inlineParents: parents.map((m) => m.name),
      line: pos.line,
      column: pos.column,
    };
    const pathAttr = pathOf(ts, attrs);
    if (pathAttr !== undefined) decl.pathAttr = pathAttr;
    const cfgAttrPaths = attrs.flatMap((a) => cfgAttrPathValues(ts, pairs, a));
    if (cfgAttrPaths.length > 0) decl.cfgAttrPaths = cfgAttrPaths;
    if (parents.some((m) => m.path !== null)) decl.inlineParentPaths = parents.map((m) => m.path);
    decls.push(decl);
    k += 2;
  }
  return decls;
}

/**
 * Every `include!("…")` (also `std::include!`, any bracket) whose argument is
 * one string literal. A computed argument (`concat!(…)`) names no file this
 * analysis can know.
 */
export function collectIncludes(ts: TokenStream, pairs: Int32Array, testMask: Uint8Array, testOnlyFile: boolean, locate: Locator): IncludeRef[] {
  const out: IncludeRef[] = [];
  for (let k = 0; k + 4 < ts.count; k++) {
    if (!isWordAt(ts, k, 'include') || !isPunctAt(ts, k + 1, BANG) || !isOpenAt(ts, k + 2) || pairs[k + 2] !== k + 4 || ts.kind[k + 3] !== LITERAL) continue;
    const target = stringLiteralValue(ts.src.slice(ts.start[k + 3], ts.end[k + 3]));
    if (target === undefined) continue;
    const pos = locate(ts.start[k]!);
    out.push({ target, testOnly: testOnlyFile || testMask[k] === 1, line: pos.line, column: pos.column });
  }
  return out;
}

/** `mod name;` starts at token `k`. */
function isDeclAt(ts: TokenStream, k: number): boolean {
  return isWordAt(ts, k, 'mod') && isIdentLikeAt(ts, k + 1) && isPunctAt(ts, k + 2, SEMI);
}

/** The first `#[path = "..."]` value among `attrs`, as rustc takes it. */
function pathOf(ts: TokenStream, attrs: readonly Attribute[]): string | undefined {
  for (const a of attrs) {
    const v = pathAttrValue(ts, a);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * The outer attributes of the item whose `mod` keyword is token `k`, in
 * source order, walking back over `unsafe` and a visibility.
 */
function outerAttributes(ts: TokenStream, pairs: Int32Array, k: number): Attribute[] {
  let s = k;
  if (isWordAt(ts, s - 1, 'unsafe')) s--;
  if (isPunctAt(ts, s - 1, RPAREN)) {
    const open = pairs[s - 1]!;
    if (open > 0 && isWordAt(ts, open - 1, 'pub')) s = open - 1;
  } else if (isWordAt(ts, s - 1, 'pub')) {
    s--;
  }
  const attrs: Attribute[] = [];
  while (isPunctAt(ts, s - 1, RBRACKET)) {
    const open = pairs[s - 1]!;
    const attr = open > 0 && isPunctAt(ts, open - 1, HASH) ? attributeAt(ts, pairs, open - 1) : undefined;
    if (attr === undefined || attr.inner || attr.end !== s) break;
    attrs.push(attr);
    s = open - 1;
  }
  return attrs.reverse();
}

/** Inner attributes opening a block whose first token is `k`. */
function innerAttributes(ts: TokenStream, pairs: Int32Array, k: number): Attribute[] {
  const attrs: Attribute[] = [];
  for (let a = attributeAt(ts, pairs, k); a?.inner; a = attributeAt(ts, pairs, a.end)) attrs.push(a);
  return attrs;
}
