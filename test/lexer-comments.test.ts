// The lexer's comment-keeping mode (the importer reads comments as reasons):
// tokens and comments together account for every non-blank character, and
// comments are exactly the `//` and `/* */` trivia, nested and at the edges.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenizeWithComments } from '../src/rust/lexer.js';

const texts = (src: string): string[] => tokenizeWithComments(src).comments.map((c) => src.slice(c.start, c.end));

test('comments are the // and /* */ trivia, nested, with strings and chars that only look like comments left alone', () => {
  const src = '#!/usr/bin/env run-cargo-script // not a comment\nlet a = "// no"; // yes\n/* outer /* inner */ still */ let b = \'/\'; /// doc\r\nlet c = r#"/* no */"#; /* open to the end';
  assert.deepEqual(texts(src), ['// yes', '/* outer /* inner */ still */', '/// doc\r', '/* open to the end']);
});

test('tokens and comments cover every non-blank character exactly once', () => {
  const piece = fc.constantFrom('a', 'b', '"', "'", '/', '*', '\\', '#', 'r', '\n', ' ', '//', '/*', '*/', 'x"', "'a", '::', '.', '0', 'é');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (src) => {
      const { tokens, comments } = tokenizeWithComments(src);
      const covered = new Uint8Array(src.length);
      const mark = (s: number, e: number): void => {
        for (let i = s; i < e; i++) covered[i]! += 1;
      };
      for (let k = 0; k < tokens.count; k++) mark(tokens.start[k]!, tokens.end[k]!);
      for (const c of comments) mark(c.start, c.end);
      for (let i = 0; i < src.length; i++) {
        if (covered[i]! > 1) return false;
        if (covered[i] === 0 && !/\s/u.test(src[i]!) && !(i === 0 && src.startsWith('#!') && !src.startsWith('#!['))) {
          // Only a shebang line may be uncovered besides blanks.
          if (!(src.startsWith('#!') && i < (src.indexOf('\n') < 0 ? src.length : src.indexOf('\n')))) return false;
        }
      }
      return true;
    }),
    { numRuns: 500 },
  );
});
