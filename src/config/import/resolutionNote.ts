// What `init --from` tells the user about the partial needles an imported
// guards test carries (`process::Command`, `Command::new`, `env::var(`): a
// line-based test needs them to catch aliases (`use std::process; …
// process::Command::new(…)`), the precise matcher resolves those aliases
// itself. Informational only: the imported config keeps every needle, so the
// `line` matcher still reproduces the test.

import { needleShape } from '../../rust/pathMatch.js';
import { normalizeNeedle } from '../../rust/needles.js';

interface ClassNeedles {
  name: string;
  needles: readonly string[];
}

/** The identifier segments of a needle's path part (`env::var(` → `env`, `var`). */
function segmentsOf(pattern: string): string[] {
  const path = /^(?:::)?[\p{L}\p{N}_]+(?:::[\p{L}\p{N}_]+)*/u.exec(pattern)?.[0] ?? '';
  return path.split('::').filter((s) => s !== '');
}

/**
 * How an import makes a written `partial` stand for `rooted`: `partial` is a
 * tail of it (`use std::process;` then `process::Command`) or starts with its
 * last segments (`use std::process::Command;` then `Command::new`). Returns
 * the import that does so, or undefined.
 */
function importBetween(partial: string[], rooted: string[]): string | undefined {
  for (let k = Math.min(partial.length, rooted.length - 1); k >= 1; k--) {
    const tail = rooted.slice(rooted.length - k);
    if (tail.every((s, i) => s === partial[i])) return rooted.slice(0, rooted.length - k + 1).join('::');
  }
  return undefined;
}

/**
 * One line per partial needle that name resolution makes redundant, saying
 * through which import and rooted needle, and that it also matches other
 * paths (as `other_crate::Command::new`); empty when there is none.
 */
export function partialNeedleNotes(classes: readonly ClassNeedles[]): string[] {
  const lines: string[] = [];
  for (const cls of classes) {
    const rooted = cls.needles.filter((n) => needleShape(normalizeNeedle(n)) === 'rooted').map((n) => ({ needle: n, segs: segmentsOf(normalizeNeedle(n)) }));
    for (const needle of cls.needles) {
      const pattern = normalizeNeedle(needle);
      if (needleShape(pattern) !== 'segment') continue;
      const segs = segmentsOf(pattern);
      if (segs.length === 0) continue;
      for (const r of rooted) {
        const via = importBetween(segs, r.segs);
        if (via === undefined) continue;
        lines.push(
          `${cls.name}: \`${needle}\` — \`use ${via};\` then \`${pattern}…\` is found as \`${r.needle}\`; ` +
            `it also matches other paths, such as \`other_crate::${pattern}…\``,
        );
        break;
      }
    }
  }
  if (lines.length === 0) return [];
  return [
    'note: the precise matcher resolves imports, so these partial needles (which a line-based test needs for aliases) only repeat a rooted one:',
    ...lines.map((l) => `  ${l}`),
    '  they are kept (the line matcher needs them); drop them if you only use the precise matcher and their other matches are noise',
  ];
}
