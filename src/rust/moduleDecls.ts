// Out-of-line module declarations (`mod name;`) with what is needed to find
// their files: `#[path]`, enclosing inline modules, and whether they are test
// code. A full scan (test regions included), since a test module's children
// must be known to be test code too.

import { attributeAt, isTestOnlyCfgAttr, pathAttrValue, type Attribute } from './attributes.js';
import type { Token } from './lexer.js';
import type { Locator } from './positions.js';
import { isCloseBracket, isIdentLike, isOpenBracket, isPunct, isWord } from './tokens.js';
import type { ModuleDecl } from './types.js';

interface InlineModule {
  name: string;
  path: string | null;
}

export function collectModuleDecls(
  src: string,
  tokens: readonly Token[],
  pairs: Int32Array,
  testMask: Uint8Array,
  testOnlyFile: boolean,
  locate: Locator,
): ModuleDecl[] {
  const decls: ModuleDecl[] = [];
  // Most files declare nothing: find out cheaply before tracking nesting.
  let any = false;
  for (let k = 0; k < tokens.length && !any; k++) any = tokens[k]!.text === 'mod' && isDeclAt(tokens, k);
  if (!any) return decls;
  // One entry per open bracket: the inline module it opens, or null.
  const stack: Array<InlineModule | null> = [];

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (isOpenBracket(t)) {
      let entry: InlineModule | null = null;
      if (t.text === '{' && isIdentLike(tokens[k - 1]) && isWord(tokens[k - 2], 'mod')) {
        const outer = pathOf(src, tokens, outerAttributes(tokens, pairs, k - 2));
        entry = { name: tokens[k - 1]!.text, path: outer ?? pathOf(src, tokens, innerAttributes(tokens, pairs, k + 1)) ?? null };
      }
      stack.push(entry);
      continue;
    }
    if (isCloseBracket(t)) {
      stack.pop();
      continue;
    }
    if (!isDeclAt(tokens, k)) continue;

    const attrs = outerAttributes(tokens, pairs, k);
    const parents = stack.filter((m): m is InlineModule => m !== null);
    const pos = locate(t.start);
    const decl: ModuleDecl = {
      name: tokens[k + 1]!.text,
      testOnly: testOnlyFile || testMask[k] === 1 || attrs.some((a) => isTestOnlyCfgAttr(tokens, pairs, a)),
      inlineParents: parents.map((m) => m.name),
      line: pos.line,
      column: pos.column,
    };
    const pathAttr = pathOf(src, tokens, attrs);
    if (pathAttr !== undefined) decl.pathAttr = pathAttr;
    if (parents.some((m) => m.path !== null)) decl.inlineParentPaths = parents.map((m) => m.path);
    decls.push(decl);
    k += 2;
  }
  return decls;
}

/** `mod name;` starts at token `k`. */
function isDeclAt(tokens: readonly Token[], k: number): boolean {
  return isWord(tokens[k], 'mod') && isIdentLike(tokens[k + 1]) && isPunct(tokens[k + 2], ';');
}

/** The first `#[path = "..."]` value among `attrs`, as rustc takes it. */
function pathOf(src: string, tokens: readonly Token[], attrs: readonly Attribute[]): string | undefined {
  for (const a of attrs) {
    const v = pathAttrValue(src, tokens, a);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * The outer attributes of the item whose `mod` keyword is token `k`, in
 * source order, walking back over `unsafe` and a visibility.
 */
function outerAttributes(tokens: readonly Token[], pairs: Int32Array, k: number): Attribute[] {
  let s = k;
  if (isWord(tokens[s - 1], 'unsafe')) s--;
  if (isPunct(tokens[s - 1], ')')) {
    const open = pairs[s - 1] ?? -1;
    if (open > 0 && isWord(tokens[open - 1], 'pub')) s = open - 1;
  } else if (isWord(tokens[s - 1], 'pub')) {
    s--;
  }
  const attrs: Attribute[] = [];
  while (isPunct(tokens[s - 1], ']')) {
    const open = pairs[s - 1] ?? -1;
    const attr = open > 0 ? attributeAt(tokens, pairs, open - 1) : undefined;
    if (attr === undefined || attr.inner || attr.end !== s) break;
    attrs.push(attr);
    s = open - 1;
  }
  return attrs.reverse();
}

/** Inner attributes opening a block whose first token is `k`. */
function innerAttributes(tokens: readonly Token[], pairs: Int32Array, k: number): Attribute[] {
  const attrs: Attribute[] = [];
  for (let a = attributeAt(tokens, pairs, k); a?.inner; a = attributeAt(tokens, pairs, a.end)) attrs.push(a);
  return attrs;
}
