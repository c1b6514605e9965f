// chokepoint's own files in the git directory (`<common dir>/chokepoint/`):
// caches that may be lost at any time. Reads and writes are best effort (a
// missing, damaged or read-only file just means no cache), and nothing is
// written without a git directory, so an audit outside git leaves no trace.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stateDir = (commonDir: string): string => join(commonDir, 'chokepoint');

/** The JSON value of state file `name`, or undefined when there is none that parses. */
export function readStateFile(commonDir: string, name: string): unknown {
  if (commonDir === '') return undefined;
  try {
    return JSON.parse(readFileSync(join(stateDir(commonDir), name), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes `value` as state file `name`, whole or not at all. */
export function writeStateFile(commonDir: string, name: string, value: unknown): void {
  if (commonDir === '') return;
  try {
    mkdirSync(stateDir(commonDir), { recursive: true });
    const path = join(stateDir(commonDir), name);
    // Write then rename, so a concurrent reader never sees half a file.
    writeFileSync(`${path}.${process.pid}`, JSON.stringify(value));
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    /* a read-only git directory: no cache this time */
  }
}
