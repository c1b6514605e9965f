// Judging one file's bytes: decode, analyze, keep what the run needs.

import type { MatcherName } from '../types.js';
import { analyzeSource, lineAround } from '../rules/bannedApi.js';
import { isCrateRoot, type NeedleHit, type RustJudge } from '../rust/index.js';
import type { ModuleFacts } from './modules.js';
import { decodeUtf8 } from '../source/decode.js';

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
