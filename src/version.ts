import { readFileSync } from 'node:fs';

/** The version in chokepoint's own package.json (dist/src/version.js → ../../package.json). */
export function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
