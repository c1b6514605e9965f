// Judging one file's bytes: decode, analyze, keep what the run needs. Pure and
// shared by the main thread and the audit's worker threads.

import type { MatcherName } from '../types.js';
import { isUtf8 } from 'node:buffer';
import { analyzeSource, lineAround } from '../rules/bannedApi.js';
import { preScanBytes, type DeferredDecls, type ModuleFactsMode, type NeedleHit, type PreScan } from '../rust/index.js';
import type { ModuleFacts } from './testModules.js';

// ignoreBOM keeps a BOM in the text: the seed-compatible matcher must see it as the seed did.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): string | undefined {
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
      /**
       * Present only when they say something (a `mod x;` or a test-only file)
       * and were computed: without `moduleFacts`, a file with no hit may skip
       * lexing. Absent facts are read again on demand.
       */
      facts?: ModuleFacts;
      /** Set instead of facts when they were deferred (ModuleFactsMode 'deferred'). */
      deferredDecls?: DeferredDecls;
      hits: NeedleHit[];
      /** The source line of each hit (by offset): the report shows it, the text is not kept. */
      lines: [number, string][];
    };

/** Whether a run needs anything of this outcome beyond counting the file. */
export function outcomeMatters(outcome: FileOutcome): boolean {
  return outcome.invalid || outcome.hits.length > 0 || outcome.facts !== undefined || outcome.deferredDecls !== undefined;
}

export interface JudgeOptions {
  /**
   * Default true. False lets a file without hits skip lexing, and its outcome
   * then carries no module facts (they would be wrong, not empty); 'deferred'
   * also says which files may declare modules (see ModuleFactsMode).
   */
  moduleFacts?: ModuleFactsMode;
  /** Find scan anchors in the bytes with the SIMD filter: for runs of many files (default false). */
  byteScan?: boolean;
}

export function judgeFile(path: string, bytes: Buffer, needles: readonly string[], matcher: MatcherName, opts: JudgeOptions = {}): FileOutcome {
  const moduleFacts = opts.moduleFacts ?? true;
  let pre: PreScan | undefined;
  if (opts.byteScan && matcher === 'precise') {
    if (!isUtf8(bytes)) return { path, invalid: true };
    pre = preScanBytes(bytes, needles, moduleFacts);
    // Most files of an audit end here, never decoded.
    if (pre?.nothingToFind) return { path, invalid: false, hits: [], lines: [] };
  }
  // ASCII reads fastest as Latin-1, with the same text.
  const text = pre?.ascii ? bytes.toString('latin1') : decodeUtf8(bytes);
  if (text === undefined) return { path, invalid: true };
  const analysis = analyzeSource(text, needles, matcher, { moduleFacts, anchorsFound: pre?.anchorsFound, anchorSites: pre?.anchorSites, markStateful: pre?.markStateful });
  return {
    path,
    invalid: false,
    facts:
      (moduleFacts !== false || analysis.hits.length > 0) && (analysis.testOnlyFile || analysis.moduleDecls.length > 0)
        ? { testOnlyFile: analysis.testOnlyFile, moduleDecls: analysis.moduleDecls }
        : undefined,
    ...(analysis.deferredDecls && { deferredDecls: analysis.deferredDecls }),
    hits: analysis.hits,
    lines: analysis.hits.map((h) => [h.offset, lineAround(text, h.offset)]),
  };
}
