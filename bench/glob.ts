// Glob matching time on adversarial patterns and long, deep paths: a
// backtracking translation took minutes on `**a**a**a**a**a**a**a**a**b/*.rs`
// against a 150-directory path; the automaton must answer within BOUND_MS
// whatever the pattern. Run with `npm run bench` (a note in its report) or
// alone: `node dist/bench/glob.js` (exit 1 when a case exceeds the bound).

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { GlobMatcher } from '../src/glob.js';

const BOUND_MS = 50;
const ROUNDS = 7;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const PATTERNS = [
  '**a**a**a**a**a**a**a**a**b/*.rs',
  '*a*a*a*a*a*a*a*a*a*a*b',
  '{**a,**a**}{**a,a**}{**a,a**}**b',
  '**/**/**/**/**/**/**/**/x/*.rs',
  '[!/]*[!/]*[!/]*[!/]*[!/]*[!/]*b',
  'crates/*/src/**/*.rs',
];

/** Paths of about `bytes` characters in `depth` directories, made of the patterns' letters. */
function paths(): Array<{ label: string; path: string }> {
  const deep = Array.from({ length: 150 }, (_, k) => 'a'.repeat(1 + (k % 40))).join('/');
  const long = `${'a'.repeat(4096 - 5)}/x.rs`;
  const mixed = Array.from({ length: 150 }, (_, k) => `a${String.fromCharCode(97 + (k % 26))}${'a'.repeat(k % 23)}`).join('/').slice(0, 4096);
  return [
    { label: `150 deep, ${deep.length} chars`, path: deep },
    { label: '4 KB, one segment', path: long },
    { label: `150 deep mixed, ${mixed.length} chars`, path: mixed },
  ];
}

export interface GlobCase {
  pattern: string;
  path: string;
  /** First match on a fresh matcher (every state set computed; median of ROUNDS), and a repeat (cached sets). */
  coldMs: number;
  warmMs: number;
  steps: number;
}

export function measureGlobs(): GlobCase[] {
  const cases: GlobCase[] = [];
  for (const pattern of PATTERNS) {
    for (const { label, path } of paths()) {
      // Median of fresh matchers: one slow run on a busy machine is not the algorithm.
      const colds: number[] = [];
      let m = new GlobMatcher(pattern);
      for (let run = 0; run < ROUNDS; run++) {
        m = new GlobMatcher(pattern);
        const t = performance.now();
        m.test(path);
        colds.push(performance.now() - t);
      }
      const steps = m.steps;
      const t = performance.now();
      for (let k = 0; k < 10; k++) m.test(path);
      cases.push({ pattern, path: label, coldMs: median(colds), warmMs: (performance.now() - t) / 10, steps });
    }
  }
  return cases;
}

/** Lines for bench/run.ts's notes. */
export function globBenchNotes(): string[] {
  const cases = measureGlobs();
  const worst = cases.reduce((a, b) => (b.coldMs > a.coldMs ? b : a));
  const over = cases.filter((c) => c.coldMs > BOUND_MS);
  return [
    `glob matching, ${cases.length} adversarial pattern × path cases (4 KB / 150-deep paths): worst first match ${worst.coldMs.toFixed(2)} ms (${worst.pattern} on ${worst.path}, ${worst.steps} steps), bound ${BOUND_MS} ms${over.length ? `; OVER THE BOUND: ${over.map((c) => `${c.pattern} on ${c.path}`).join('; ')}` : ''}`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cases = measureGlobs();
  for (const c of cases) process.stdout.write(`${c.coldMs.toFixed(3).padStart(8)} ms cold ${c.warmMs.toFixed(3).padStart(8)} ms warm ${String(c.steps).padStart(8)} steps  ${c.pattern}  on ${c.path}\n`);
  const over = cases.filter((c) => c.coldMs > BOUND_MS);
  process.stdout.write(over.length ? `${over.length} case(s) over ${BOUND_MS} ms\n` : `every case under ${BOUND_MS} ms\n`);
  process.exitCode = over.length ? 1 : 0;
}
