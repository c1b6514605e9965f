// Expansion of `use` trees into the full paths they import, so that
// `use std::{fs, net::TcpStream};` is judged as `std::fs` and
// `std::net::TcpStream`, each pointing back at its own tokens.
//
// Iterative (an explicit group stack), so hostile nesting cannot overflow
// the call stack; never throws on malformed trees.

import type { Token } from './lexer.js';
import { isIdentLike, isPunct, isWord } from './tokens.js';

/** One token of an expanded path, with the group nesting it was written at. */
export interface PathPart {
  token: Token;
  /** 0 outside any `{}` group, 1 inside the first group, and so on. */
  depth: number;
}

export interface UsePath {
  /** The path as text: `std::net::TcpStream`, `std::fs::*`, `::std::io`. */
  text: string;
  /** The tokens `text` is made of, in order (`::` included). */
  parts: PathPart[];
}

export interface UseTree {
  /** Index just past the `use` item (past its `;` when it has one). */
  end: number;
  paths: UsePath[];
}

// A path longer than this many tokens keeps only its tail: no needle is that
// long, and it keeps adversarial `a::b::…::{x, y, …}` trees linear.
const MAX_PATH_TOKENS = 64;

/** True when token `k` begins a `use` declaration (not `use<'a>` precise capturing). */
export function startsUseItem(tokens: readonly Token[], k: number): boolean {
  return isWord(tokens[k], 'use') && !isPunct(tokens[k + 1], '<');
}

/** Expand the `use` item whose `use` keyword is token `k`. */
export function expandUseTree(tokens: readonly Token[], k: number, pairs?: Int32Array): UseTree {
  const n = tokens.length;
  const paths: UsePath[] = [];
  const path: PathPart[] = [];
  const groups: number[] = []; // path length when each open group began
  let treeStart = 0; // where the current tree's own parts begin in `path`
  let emitted = false; // the current tree ended in a group: nothing left to emit

  const emit = (): void => {
    if (!emitted) {
      const own = path.length - treeStart;
      if (own === 1 && treeStart > 0 && isWord(path[treeStart]!.token, 'self')) {
        // `a::{self}` imports `a` itself.
        let end = treeStart;
        while (end > 0 && isPunct(path[end - 1]!.token, '::')) end--;
        if (end > 0) paths.push(renderPath(path, end));
      } else if (own > 0) {
        paths.push(renderPath(path, path.length));
      }
    }
    emitted = true;
  };
  const resetTo = (len: number): void => {
    path.length = len;
    treeStart = len;
    emitted = false;
  };

  let i = k + 1;
  while (i < n) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (t.text === ';') {
        emit();
        i++;
        break;
      }
      if (t.text === ',') {
        emit();
        resetTo(groups.length > 0 ? groups[groups.length - 1]! : 0);
        i++;
        continue;
      }
      if (t.text === '{') {
        groups.push(path.length);
        resetTo(path.length);
        i++;
        continue;
      }
      if (t.text === '}') {
        if (groups.length === 0) break; // closes an enclosing block: the item ended
        emit();
        resetTo(groups.pop()!);
        emitted = true; // the tree that owned the group is done
        i++;
        continue;
      }
      if (t.text === ')' || t.text === ']') break;
      if ((t.text === '(' || t.text === '[') && pairs !== undefined && (pairs[i] ?? -1) > i) {
        i = pairs[i]! + 1; // not use-tree syntax (macro fragments): skip it whole
        continue;
      }
    } else if (isWord(t, 'as')) {
      const alias = tokens[i + 1];
      i += isIdentLike(alias) ? 2 : 1;
      continue;
    }
    path.push({ token: t, depth: groups.length });
    i++;
  }
  emit(); // an item cut short by EOF or a stray closer still counts
  return { end: Math.min(i, n), paths };
}

function renderPath(parts: readonly PathPart[], len: number): UsePath {
  const kept = parts.slice(Math.max(0, len - MAX_PATH_TOKENS), len);
  let text = '';
  for (const p of kept) text += p.token.text;
  return { text, parts: kept };
}

/** The part holding unit `index` of the path text, and the unit's source offset. */
function unitAt(path: UsePath, index: number): { part: PathPart; offset: number } | undefined {
  let u = 0;
  for (const part of path.parts) {
    const len = part.token.text.length;
    if (index < u + len) {
      const skip = part.token.kind === 'rawIdent' ? 2 : 0; // `r#` is not in `text`
      return { part, offset: part.token.start + skip + (index - u) };
    }
    u += len;
  }
  return undefined;
}

/**
 * Where a needle matched at [from, to) of `path.text` is reported: at the
 * first matched part written in the innermost group the match reaches into,
 * or at the match start when it lies wholly in the shared prefix.
 */
export function usePathMatchOffset(path: UsePath, from: number, to: number): number {
  const first = unitAt(path, from);
  if (first === undefined) return 0;
  let best = first;
  let u = 0;
  for (const part of path.parts) {
    const len = part.token.text.length;
    const overlaps = u + len > from && u < to;
    if (overlaps && !isPunct(part.token, '::') && (isPunct(best.part.token, '::') || part.depth > best.part.depth)) {
      best = { part, offset: Math.max(first.offset, part.token.start + (part.token.kind === 'rawIdent' ? 2 : 0)) };
    }
    u += len;
  }
  return best.offset;
}

/** Source offset just past unit `index` of the path text. */
export function usePathOffsetAfter(path: UsePath, index: number): number {
  const unit = unitAt(path, index);
  return unit === undefined ? 0 : unit.offset + 1;
}
