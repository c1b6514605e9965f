// Public surface of the Rust analysis layer. Everything here is pure: text
// in, data out; nothing touches the filesystem.

export type { NeedleHit, ModuleDecl, IncludeRef, RustAnalysis, RustJudge, JudgeName } from './types.js';
export { analyzeRust } from './analyze.js';
export type { NameOptions } from './names.js';
export { childModuleCandidates, parentModuleCandidates, isCrateRoot, isModRsFile, normalizePath } from './moduleFiles.js';

export { lexRust, tokenize, type Token, type TokenKind } from './lexer.js';
export { pairBrackets, tokenText, LITERAL_PLACEHOLDER, type TokenStream } from './tokens.js';
export { buildCodeView, VIEW_BARRIER, type CodeView } from './codeView.js';
export { expandUseTree, startsUseItem, usePathMatchOffset, type PathPart, type UsePath, type UseTree } from './useTree.js';
export { testRegions, itemEnd, itemShape, type ItemShape, type TestRegions } from './testRegions.js';
export { attributeAt, cfgIsTestOnly, stringLiteralValue, type Attribute } from './attributes.js';
export { collectIncludes, collectModuleDecls } from './moduleDecls.js';
export { compileNeedles, normalizeNeedle } from './needles.js';
export { makeLocator, type Locator, type LineColumn } from './positions.js';
