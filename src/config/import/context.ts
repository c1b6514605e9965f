// What every pass of one import shares: where errors point, and a record of
// what became config. The leftover checks read that record, so rule data the
// importer did not map is an error instead of being dropped silently.

import type { Importer } from './importer.js';
import type { Source } from './source.js';
import type { Tok } from './rustTokens.js';

export interface ImportOptions {
  /**
   * Give an allowlist entry without a comment of its own the comment group
   * above it as its reason (for guards files whose comments head groups).
   * Off by default: a header and a comment about the first entry below it
   * look the same, so the importer does not guess.
   */
  reasonsFromGroupComments?: boolean;
}

/** One import's shared state; the passes are functions of it. */
export class ImportContext {
  /** String literals (code indices) that the analysis turned into config. */
  readonly consumed = new Set<number>();
  /** Consts that the analysis turned into config. */
  readonly usedConsts = new Set<string>();

  constructor(
    readonly s: Source,
    readonly imp: Importer,
    readonly options: ImportOptions = {},
  ) {}

  fail(message: string, k: number | Tok | undefined, hint?: string): never {
    const t = typeof k === 'number' ? this.s.tok(k) : k;
    return this.imp.fail(message, t, hint);
  }
}
