// `npm run bench:linearity`: the precise matcher stays linear in the size of
// a file, whatever the file. For each adversarial unit (and seeded random
// mixes of Rust tokens), times `analyzeRust` on n and on 8n repetitions: linear
// work gives a ratio near 8, quadratic near 64. A ratio of 30 or more fails
// (exit 1). A timing claim, so it lives here and not in the test suite; a noisy
// measurement is taken again, up to three times (a quadratic algorithm fails
// every attempt).

import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { analyzeRust } from '../src/rust/index.js';
import { ADVERSARIAL_UNITS, LINEARITY_TAIL, rustToken } from '../test/rustTokens.js';

const NEEDLES = ['std::fs', 'File::open', 'env::var(', 'tokio::fs', 'OpenOptions'];
const LIMIT = 30;

/** Milliseconds per call, averaged over enough calls to last `minMs`; best of `rounds`. */
function msPerCall(text: string, minMs = 12, rounds = 3): number {
  analyzeRust(text.slice(0, 2000), NEEDLES); // warm up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      analyzeRust(text, NEEDLES);
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

function growthRatio(unit: string, baseChars: number): number {
  const n = Math.max(1, Math.ceil(baseChars / Math.max(1, unit.length)));
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= LIMIT; attempt++) {
    const small = msPerCall(unit.repeat(n) + LINEARITY_TAIL);
    const large = msPerCall(unit.repeat(8 * n) + LINEARITY_TAIL);
    ratio = Math.min(ratio, large / small);
  }
  return ratio;
}

function main(): number {
  const mixes = fc.sample(fc.array(rustToken, { minLength: 1, maxLength: 30 }), { seed: 7010, numRuns: 25 }).map((parts) => parts.join(''));
  const cases = [...ADVERSARIAL_UNITS.map((unit) => ({ unit, base: 100_000 })), ...mixes.map((unit) => ({ unit, base: 100_000 }))];
  const results = cases.map(({ unit, base }) => ({ unit, ratio: growthRatio(unit, base) })).sort((a, b) => b.ratio - a.ratio);
  console.log(`linearity: ${cases.length} inputs; time for 8× the input (linear ≈ 8×, quadratic ≈ 64×, limit ${LIMIT}×), the five largest:`);
  for (const { unit, ratio } of results.slice(0, 5)) console.log(`  ${ratio.toFixed(1).padStart(5)}×  ${JSON.stringify(unit)}${ratio >= LIMIT ? '  NOT LINEAR' : ''}`);
  return results.some((r) => r.ratio >= LIMIT) ? 1 : 0;
}

process.exitCode = main();
