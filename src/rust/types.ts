// The results of Rust analysis, as other layers consume them.

import type { NameOptions } from './names.js';

export interface NeedleHit {
  /** Which needle matched (as configured). */
  needle: string;
  /** UTF-16 index into the original text where the match starts. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units; a leading BOM is not counted. */
  column: number;
  /** UTF-16 length in the original text that the match covers (best effort across stripped trivia). */
  length: number;
}

/** An out-of-line `mod name;` declaration. */
export interface ModuleDecl {
  /** `r#foo` is given as `foo`. */
  name: string;
  /** Value of `#[path = "..."]` on it, if any. */
  pathAttr?: string;
  /**
   * Values of `#[cfg_attr(pred, path = "...")]` on it: files it names when
   * `pred` holds (otherwise `pathAttr` or the conventional files apply).
   */
  cfgAttrPaths?: string[];
  /** It carries a test-only cfg, sits inside test code, or the file is test-only. */
  testOnly: boolean;
  /** Names of enclosing inline `mod x { ... }` blocks, outermost first. */
  inlineParents: string[];
  /**
   * `#[path]` of each inline parent (parallel to `inlineParents`, null where
   * absent); present only when some parent has one. Such a path replaces the
   * parent's directory, as rustc does.
   */
  inlineParentPaths?: Array<string | null>;
  /** Position of the `mod` keyword. */
  line: number;
  column: number;
}

/** An `include!("…")` of a file given by a string literal. */
export interface IncludeRef {
  /** The literal's value: a path relative to the including file's directory (or absolute). */
  target: string;
  /** It sits in test code, or the file is test-only. */
  testOnly: boolean;
  /** Position of the `include` word. */
  line: number;
  column: number;
}

export interface RustAnalysis {
  /** Needle matches in production code only, sorted by offset, no duplicate (needle, offset). */
  hits: NeedleHit[];
  /** The file's leading inner attribute is a test-only cfg such as `#![cfg(test)]`. */
  testOnlyFile: boolean;
  /** Every out-of-line module declaration, test or not. */
  moduleDecls: ModuleDecl[];
  /** Every `include!` of a literal path, test or not. */
  includes: IncludeRef[];
}

export type JudgeName = 'plain' | 'fast';

/**
 * Analyses one decoded Rust file. Every judge returns exactly what the plain
 * judge (analyzeRust) returns; they differ only in speed.
 */
export interface RustJudge {
  readonly name: JudgeName;
  /** `where` says what the file is where that changes a name (a crate root's `crate::`). */
  analyze(text: string, needles: readonly string[], where?: NameOptions): RustAnalysis;
}
