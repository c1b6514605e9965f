// TOML parsing and source positions. Values come from the `toml` package (fast,
// no locations); positions come from toml-eslint-parser's AST, built only when a
// message needs to point at a key, so the clean path never pays for it.

import { createRequire } from 'node:module';
import type { AST } from 'toml-eslint-parser';
import type { Position } from '../types.js';

// Both parsers load on first use: the hook usually needs neither (a cached
// config, no staged manifest), and each import costs more than checking a
// few staged files.
const lazyRequire = createRequire(import.meta.url);
type PositionParser = typeof import('toml-eslint-parser');
type ValueParser = { parse(text: string, options?: { bigint?: boolean }): unknown };
let positionParser: PositionParser | undefined;
let valueParser: ValueParser | undefined;
function loadPositionParser(): PositionParser {
  positionParser ??= lazyRequire('toml-eslint-parser') as PositionParser;
  return positionParser;
}
function loadValueParser(): ValueParser {
  valueParser ??= lazyRequire('toml') as ValueParser;
  return valueParser;
}

export type TomlParseResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string; position?: Position };

/** Parses a TOML document with `toml`; never throws. */
export function parseToml(text: string): TomlParseResult {
  let value: unknown;
  try {
    value = parseKeepingIntegers(text);
  } catch (err) {
    const position = tomlSyntaxPosition(err);
    const message = err instanceof Error ? err.message : String(err);
    return position ? { ok: false, message, position } : { ok: false, message };
  }
  if (!isTomlTable(value)) return { ok: false, message: 'the document is not a TOML table' };
  return { ok: true, value };
}

/**
 * `toml` refuses valid 64-bit integers beyond 2^53 unless asked for BigInt, which
 * would turn every integer into one. Only such a document is parsed again, and
 * only its huge integers stay BigInt.
 */
function parseKeepingIntegers(text: string): unknown {
  const toml = loadValueParser();
  try {
    return toml.parse(text);
  } catch (err) {
    if (!(err instanceof Error) || !/cannot be represented losslessly/.test(err.message)) throw err;
    return narrowSafeIntegers(toml.parse(text, { bigint: true }));
  }
}

function narrowSafeIntegers(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const small = Number(value);
    return Number.isSafeInteger(small) ? small : value;
  }
  if (Array.isArray(value)) return value.map(narrowSafeIntegers);
  if (isTomlTable(value)) {
    for (const key of Object.keys(value)) value[key] = narrowSafeIntegers(value[key]);
  }
  return value;
}

/**
 * The 1-based line/column carried by an error from `toml.parse`: semantic errors
 * (a redefined key) set `line`/`column`, grammar errors set `location.start`.
 */
export function tomlSyntaxPosition(err: unknown): Position | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const direct = asPosition(err);
  if (direct) return direct;
  const location = (err as { location?: unknown }).location;
  if (typeof location !== 'object' || location === null) return undefined;
  return asPosition((location as { start?: unknown }).start);
}

/** A parsed TOML table: `toml` builds them with a null prototype. */
export function isTomlTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Where the key named by `keyPath` is written (numbers index arrays, including
 * arrays of tables). The first place that names the path wins: for a table
 * defined implicitly by `[a.b]` or `a.b = 1`, that is the `a` in it.
 */
export function locateKeyPath(text: string, keyPath: readonly (string | number)[]): Position | undefined {
  return locate(text, keyPath)?.key;
}

/** Where the value at `keyPath` starts (for a table, where it is first named). */
export function locateValuePath(text: string, keyPath: readonly (string | number)[]): Position | undefined {
  return locate(text, keyPath)?.value;
}

interface Located {
  key: Position;
  value: Position;
}

type PathIndex = Map<string, Located>;

// Callers ask for several paths of one document in a row (every finding of a
// manifest, every error of a config): keep the last document's index.
let cached: { text: string; index: PathIndex | undefined } | undefined;

function locate(text: string, keyPath: readonly (string | number)[]): Located | undefined {
  if (cached?.text !== text) cached = { text, index: buildIndex(text) };
  return cached.index?.get(pathId(keyPath));
}

function pathId(keyPath: readonly (string | number)[]): string {
  return JSON.stringify(keyPath);
}

function buildIndex(text: string): PathIndex | undefined {
  try {
    // toml-eslint-parser rejects a BOM; a space keeps every column where it was.
    const program = loadPositionParser().parseTOML(text.replace(/^\uFEFF/, ' '), { tomlVersion: '1.1' });
    const index: PathIndex = new Map();
    const [top] = program.body;
    for (const node of top.body) {
      if (node.type === 'TOMLTable') indexTable(index, node);
      else indexKeyValue(index, [], node);
    }
    return index;
  } catch {
    return undefined;
  }
}

function indexTable(index: PathIndex, table: AST.TOMLTable): void {
  // resolvedKey interleaves array-of-tables indices with the header's keys:
  // `[[a.b]]` resolves to ['a', n, 'b', m].
  const resolved = table.resolvedKey;
  let component = 0;
  for (let i = 0; i < resolved.length; i++) {
    const segment = resolved[i];
    const prefix = resolved.slice(0, i + 1);
    if (typeof segment === 'number') {
      record(index, prefix, startOf(table), startOf(table));
    } else {
      const keyNode = table.key.keys[component++];
      if (keyNode) record(index, prefix, startOf(keyNode), startOf(i === resolved.length - 1 ? table : keyNode));
    }
  }
  for (const kv of table.body) indexKeyValue(index, resolved, kv);
}

function indexKeyValue(index: PathIndex, base: readonly (string | number)[], kv: AST.TOMLKeyValue): void {
  const path = [...base];
  const keys = kv.key.keys;
  keys.forEach((keyNode, i) => {
    path.push(keyName(keyNode));
    const isLast = i === keys.length - 1;
    record(index, path, startOf(keyNode), isLast ? startOf(kv.value) : startOf(keyNode));
  });
  indexContent(index, path, kv.value);
}

function indexContent(index: PathIndex, path: readonly (string | number)[], node: AST.TOMLContentNode): void {
  if (node.type === 'TOMLInlineTable') {
    for (const kv of node.body) indexKeyValue(index, path, kv);
  } else if (node.type === 'TOMLArray') {
    node.elements.forEach((element, i) => {
      const elementPath = [...path, i];
      record(index, elementPath, startOf(element), startOf(element));
      indexContent(index, elementPath, element);
    });
  }
}

function record(index: PathIndex, path: readonly (string | number)[], key: Position, value: Position): void {
  const id = pathId(path);
  if (!index.has(id)) index.set(id, { key, value });
}

function keyName(node: AST.TOMLBare | AST.TOMLQuoted): string {
  return node.type === 'TOMLBare' ? node.name : node.value;
}

/** ESLint locations have 0-based columns; ours are 1-based. */
function startOf(node: { loc: { start: { line: number; column: number } } }): Position {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

function asPosition(value: unknown): Position | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { line, column } = value as { line?: unknown; column?: unknown };
  if (typeof line !== 'number' || typeof column !== 'number') return undefined;
  return { line, column };
}
