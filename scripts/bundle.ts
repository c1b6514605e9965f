// The shipped CLI: tsc's output bundled by esbuild into one CommonJS file,
// started by a small launcher that uses V8's code cache (src/launch.ts).
// Node 20 has neither a module compile cache nor a cheap ES module loader:
// resolving, linking and compiling ~40 ES modules cost a pre-commit hook
// about 45 ms, the bundle about 10 (measured with `npm run bench`). The
// audit's worker thread gets its own bundle; dist/src stays the library.

import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = join(root, 'dist/bundle');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Loaded with createRequire, and only when needed (TOML positions, the installer).
  external: ['toml', 'toml-eslint-parser', 'simple-git-hooks'],
  logLevel: 'warning',
};

// CommonJS has no import.meta: the sources only use its url.
const commonjs: BuildOptions = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__chokepointModuleUrl' },
  banner: { js: "'use strict';\nconst __chokepointModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  // The executable: a few lines that start the CLI from V8's code cache.
  build({ ...commonjs, entryPoints: [join(root, 'dist/src/launch.js')], outfile: join(outdir, 'cli.cjs') }),
  // The CLI, at the depth of dist/src/*.js, so `../../package.json` and `./worker.js` resolve the same.
  build({ ...commonjs, entryPoints: [join(root, 'dist/src/cli.js')], outfile: join(outdir, 'chokepoint.cjs') }),
  build({ ...common, entryPoints: [join(root, 'dist/src/check/worker.js')], outfile: join(outdir, 'worker.js'), format: 'esm' }),
  // The TOML parser, apart: the CLI loads it only when it parses TOML, from its own code cache.
  build({
    ...common,
    entryPoints: [join(root, 'node_modules/toml/index.js')],
    outfile: join(outdir, 'toml.cjs'),
    format: 'cjs',
    // Still a dependency, so its LICENSE is installed beside this copy.
    banner: { js: '// The `toml` package (MIT licence: node_modules/toml/LICENSE), bundled for the code cache.' },
  }),
]);
