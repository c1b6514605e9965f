// Judging one file's bytes: decode, analyze, keep what the run needs.

import { isAscii } from 'node:buffer';
import type { MatcherName } from '../types.js';
import { analyzeSource, lineAround } from '../rules/bannedApi.js';
import { isCrateRoot, type NeedleHit, type RustJudge } from '../rust/index.js';
import type { ModuleFacts } from './modules.js';

// ignoreBOM keeps a BOM in the text: the seed-compatible matcher must see it as the seed did.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Buffer): string | undefined {
  // ASCII is its own Latin-1 reading, which Node decodes fastest.
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export type FileOutcome =
  | { path: string; invalid: true }
  | {
      path: string;
      invalid: false;
      /** Present only when they say something (a `mod x;` or a test-only file). */
      facts?: ModuleFacts;
      hits: NeedleHit[];
      /** The source line of each hit (by offset): the report shows it, the text is not kept. */
      lines: [number, string][];
    };

export function judgeFile(path: string, bytes: Buffer, needles: readonly string[], matcher: MatcherName, judge: RustJudge): FileOutcome {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { path, invalid: true };
  const analysis = analyzeSource(text, needles, matcher, judge, { crateRoot: isCrateRoot(path) });
  return {
    path,
    invalid: false,
    facts:
      analysis.testOnlyFile || analysis.moduleDecls.length > 0 || analysis.includes.length > 0
        ? { testOnlyFile: analysis.testOnlyFile, moduleDecls: analysis.moduleDecls, includes: analysis.includes }
        : undefined,
    hits: analysis.hits,
    lines: analysis.hits.map((h) => [h.offset, lineAround(text, h.offset)]),
  };
}
