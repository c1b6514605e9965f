import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This module sits two levels below the package root wherever it runs
// (dist/src/version.js, or bundled into bundle/cli/cli.js), so the package's
// own files are found from here and nowhere else.
const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** chokepoint's package directory (holds package.json and hooks/). */
export const packageDir = (): string => fileURLToPath(PACKAGE_ROOT);

let version: string | undefined;

/** The version in chokepoint's own package.json, read once. */
export function readPackageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
  return version;
}
