// Small token predicates and the bracket matcher shared by the structural passes.

import type { Token } from './lexer.js';

export function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

/** A keyword or plain identifier spelled `word` (raw identifiers never are keywords). */
export function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'ident' && t.text === word;
}

export function isIdentLike(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'ident' || t.kind === 'rawIdent');
}

export function isOpenBracket(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'punct' && (t.text === '{' || t.text === '(' || t.text === '[');
}

export function isCloseBracket(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'punct' && (t.text === '}' || t.text === ')' || t.text === ']');
}

/**
 * For every bracket token, the index of its partner (both directions), or -1
 * when unmatched. (), [] and {} are tracked as one kind of depth: a closer
 * pairs with whatever opener is innermost, which is exact for valid Rust and
 * keeps broken input balanced enough to keep going.
 */
export function pairBrackets(tokens: readonly Token[]): Int32Array {
  const pairs = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    const x = t.text;
    if (x === '{' || x === '(' || x === '[') {
      stack.push(k);
    } else if (x === '}' || x === ')' || x === ']') {
      const open = stack.pop();
      if (open !== undefined) {
        pairs[open] = k;
        pairs[k] = open;
      }
    }
  }
  return pairs;
}
