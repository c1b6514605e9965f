// The shipped executable, in bundle/cli: tsc's output bundled by esbuild.
// bundle/ is committed, so installs from git (a git dependency, the
// pre-commit framework, `npm install -g git+…`) need no build and no dev
// dependencies (docs/adoption.md); CI checks that it is what this script makes
// from the committed source.
//
//   launch.js      the `chokepoint` bin: turns on Node's compile cache, then
//                  imports cli.js (it must run before cli.js is compiled);
//                  for the hook's command line it first starts the staged
//                  check's git calls (src/hookStart.ts, bundled in: the two
//                  copies share their state through src/sharedState.ts);
//   cli.js         the whole CLI in one ES module: loading one file instead
//                  of ~50 modules is most of the pre-commit hook's start-up
//                  (docs/performance.md);
//   fast/index.js  the fast path (src/fast), which src/judge.ts loads by a
//                  computed specifier; without src/fast it is not built and
//                  the CLI runs the plain judge.
//
// dist/src is tsc's output, for the tests and the benchmark.

import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'dist/src');
const outdir = join(root, 'bundle/cli');

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded with createRequire, and only when needed (TOML, the installer).
  external: ['toml', 'toml-eslint-parser', 'simple-git-hooks'],
  logLevel: 'warning',
  // The same bytes from any checkout: paths in the output are relative to the project.
  absWorkingDir: root,
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
// All at the depth of dist/src/*.js, so `../../package.json`, `./cli.js` and
// `./fast/index.js` resolve as they do there.
await Promise.all([
  build({ ...common, entryPoints: [join(src, 'launch.js')], outfile: join(outdir, 'launch.js'), external: [...common.external!, './cli.js'] }),
  build({ ...common, entryPoints: [join(src, 'cli.js')], outfile: join(outdir, 'cli.js') }),
  existsSync(join(src, 'fast/index.js')) ? build({ ...common, entryPoints: [join(src, 'fast/index.js')], outfile: join(outdir, 'fast/index.js') }) : undefined,
]);
chmodSync(join(outdir, 'launch.js'), 0o755);
