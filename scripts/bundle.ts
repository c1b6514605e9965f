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

import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'dist/src');
const outdir = join(root, 'bundle/cli');

/** Every `import { a, b } from 'node:x'` (and default import) in the compiled source: builtin → the names taken from it. */
function builtinImports(dir: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+'(node:[\w/]+)';$/gm)) {
          const names = found.get(m[3]!) ?? new Set<string>();
          found.set(m[3]!, names);
          for (const part of (m[2] ?? '').split(',')) {
            const name = part.trim().split(/\s+as\s+/)[0]!;
            if (name) names.add(name);
          }
        }
      }
    }
  };
  walk(dir);
  return found;
}

/**
 * Node's built-in modules without their ES module facade: an `import` of
 * `node:fs` makes Node build a facade that reads every export, and the lazy
 * ones (fs's streams and promises) load modules the hook never uses — several
 * milliseconds of every run. process.getBuiltinModule (Node >= 20.16) hands
 * over the module itself; the names exported are the ones the source imports,
 * so the output does not depend on the Node version that builds it.
 */
function builtinsWithoutFacade(imports: Map<string, Set<string>>): Plugin {
  return {
    name: 'builtins-without-facade',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
        const names = [...(imports.get(args.path) ?? [])].sort();
        const lines = [`const m = process.getBuiltinModule(${JSON.stringify(args.path)});`, 'export default m;', ...names.map((n) => `export const ${n} = m.${n};`)];
        return { contents: `${lines.join('\n')}\n`, loader: 'js' };
      });
    },
  };
}

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
  plugins: [builtinsWithoutFacade(builtinImports(src))],
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

// esbuild escapes non-ASCII text in code, but a doc comment it keeps (on a
// class member) stays as written; Node decodes a module source that is all
// ASCII about twice as fast, on every run of the hook.
for (const file of ['launch.js', 'cli.js', 'fast/index.js'].map((f) => join(outdir, f)).filter((f) => existsSync(f))) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => /[^\x00-\x7f]/.test(line));
  if (at >= 0) throw new Error(`${file}:${at + 1}: non-ASCII text in the bundle (a kept comment?): ${lines[at]!.trim().slice(0, 120)}`);
}
