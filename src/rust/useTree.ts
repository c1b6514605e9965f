// Expansion of `use` trees into the full paths they import, so that
// `use std::{fs, net::TcpStream};` is judged as `std::fs` and
// `std::net::TcpStream`, each pointing back at its own tokens.
//
// Iterative (an explicit group stack), so hostile nesting cannot overflow
// the call stack; never throws on malformed trees.

import { VIEW_BARRIER } from './codeView.js';
import {
  COMMA,
  LBRACE,
  LBRACKET,
  LPAREN,
  LT,
  PUNCT,
  RBRACE,
  RBRACKET,
  RPAREN,
  SEMI,
  isIdentLikeAt,
  isPathSepAt,
  isPunctAt,
  isWordAt,
  pairBrackets,
  tokenText,
  viewStart,
  type TokenStream,
} from './tokens.js';

/** One token of an expanded path, with the group nesting it was written at. */
export interface PathPart {
  /** Token index. */
  token: number;
  /** 0 outside any `{}` group, 1 inside the first group, and so on. */
  depth: number;
}

export interface UsePath {
  /** The path as text: `std::net::TcpStream`, `std::fs::*`, `::std::io`. */
  text: string;
  /** The tokens `text` is made of, in order (`::` included). */
  parts: PathPart[];
  /** Where each part's text begins in `text`. */
  partStarts: number[];
  /** The name after `as` (`_` for `as _`), when the tree renames what it imports. */
  alias: string | undefined;
}

export interface UseTree {
  /** Token index just past the `use` item (past its `;` when it has one). */
  end: number;
  paths: UsePath[];
}

// A path longer than this many tokens keeps only its tail: no needle is that
// long, and it keeps adversarial `a::b::…::{x, y, …}` trees linear.
const MAX_PATH_TOKENS = 64;

/** True when token `k` begins a `use` declaration (not `use<'a>` precise capturing). */
export function startsUseItem(ts: TokenStream, k: number): boolean {
  return isWordAt(ts, k, 'use') && !isPunctAt(ts, k + 1, LT);
}

/** Expand the `use` item whose `use` keyword is token `k`. */
export function expandUseTree(ts: TokenStream, k: number, pairs: Int32Array = pairBrackets(ts)): UseTree {
  const n = ts.count;
  const paths: UsePath[] = [];
  const path: PathPart[] = [];
  const groups: number[] = []; // path length when each open group began
  let treeStart = 0; // where the current tree's own parts begin in `path`
  let emitted = false; // the current tree ended in a group: nothing left to emit
  let alias: string | undefined; // the current tree's `as` name

  const emit = (): void => {
    if (!emitted) {
      const own = path.length - treeStart;
      if (own === 1 && treeStart > 0 && isWordAt(ts, path[treeStart]!.token, 'self')) {
        // `a::{self}` imports `a` itself.
        let end = treeStart;
        while (end > 0 && isPathSepAt(ts, path[end - 1]!.token)) end--;
        if (end > 0) paths.push(renderPath(ts, path, end, alias));
      } else if (own > 0) {
        paths.push(renderPath(ts, path, path.length, alias));
      }
    }
    emitted = true;
  };
  const resetTo = (len: number): void => {
    path.length = len;
    treeStart = len;
    emitted = false;
    alias = undefined;
  };

  let i = k + 1;
  while (i < n) {
    if (ts.kind[i] === PUNCT) {
      const c = ts.code[i];
      if (c === SEMI) {
        emit();
        i++;
        break;
      }
      if (c === COMMA) {
        emit();
        resetTo(groups.length > 0 ? groups[groups.length - 1]! : 0);
        i++;
        continue;
      }
      if (c === LBRACE) {
        groups.push(path.length);
        resetTo(path.length);
        i++;
        continue;
      }
      if (c === RBRACE) {
        if (groups.length === 0) break; // closes an enclosing block: the item ended
        emit();
        resetTo(groups.pop()!);
        emitted = true; // the tree that owned the group is done
        i++;
        continue;
      }
      if (c === RPAREN || c === RBRACKET) break;
      if ((c === LPAREN || c === LBRACKET) && pairs[i]! > i) {
        i = pairs[i]! + 1; // not use-tree syntax (macro fragments): skip it whole
        continue;
      }
    } else if (isWordAt(ts, i, 'as')) {
      if (isIdentLikeAt(ts, i + 1)) alias = tokenText(ts, i + 1);
      i += isIdentLikeAt(ts, i + 1) ? 2 : 1; // the alias is not part of the path
      continue;
    }
    path.push({ token: i, depth: groups.length });
    i++;
  }
  emit(); // an item cut short by EOF or a stray closer still counts
  return { end: Math.min(i, n), paths };
}

function renderPath(ts: TokenStream, parts: readonly PathPart[], len: number, alias: string | undefined): UsePath {
  const kept = parts.slice(Math.max(0, len - MAX_PATH_TOKENS), len);
  let text = '';
  const partStarts: number[] = [];
  kept.forEach((p, idx) => {
    const before = kept[idx - 1];
    // Only `$crate`-like fragments touch in valid trees; anything else that
    // was apart in the source stays apart, behind a barrier no needle matches.
    if (before !== undefined && !isPathSepAt(ts, before.token) && !isPathSepAt(ts, p.token) && ts.end[before.token] !== ts.start[p.token]) {
      text += VIEW_BARRIER;
    }
    partStarts.push(text.length);
    text += tokenText(ts, p.token);
  });
  // One shape for every path (alias or not), so code reading paths sees one kind of object.
  return { text, parts: kept, partStarts, alias };
}

/** Index of the part holding unit `index` of the path text (a barrier belongs to the part after it). */
function partAt(path: UsePath, index: number): number {
  let p = 0;
  while (p + 1 < path.partStarts.length && path.partStarts[p + 1]! <= index) p++;
  return p;
}

/** Source offset of unit `index` of the path text. */
function unitOffset(ts: TokenStream, path: UsePath, index: number): number {
  const p = partAt(path, index);
  const part = path.parts[p];
  if (part === undefined) return 0;
  return viewStart(ts, part.token) + Math.max(0, index - path.partStarts[p]!);
}

/**
 * Where a needle matched at [from, to) of `path.text` is reported: at the
 * first matched part written in the innermost group the match reaches into,
 * or at the match start when it lies wholly in the shared prefix.
 */
export function usePathMatchOffset(ts: TokenStream, path: UsePath, from: number, to: number): number {
  const first = partAt(path, from);
  let best = first;
  for (let p = first; p < path.parts.length && path.partStarts[p]! < to; p++) {
    const part = path.parts[p]!;
    const bestPart = path.parts[best]!;
    if (!isPathSepAt(ts, part.token) && (isPathSepAt(ts, bestPart.token) || part.depth > bestPart.depth)) best = p;
  }
  return best === first ? unitOffset(ts, path, from) : viewStart(ts, path.parts[best]!.token);
}

/** Source offset just past unit `index` of the path text. */
export function usePathOffsetAfter(ts: TokenStream, path: UsePath, index: number): number {
  return unitOffset(ts, path, index) + 1;
}
