// The sanity threshold: an `assert!` on the length of the walk's result
// becomes `[scope] min_files`.

import type { ImportContext } from './context.js';
import type { FnInfo } from './source.js';

/** `assert!(files.len() > N)` on the walk's result → the minimum file count. */
export function fileCountThreshold(cx: ImportContext, drivers: Set<FnInfo>, collectors: FnInfo[]): number | undefined {
  const s = cx.s;
  const walkNames = new Set([...drivers, ...collectors].map((f) => f.name));
  let min: number | undefined;
  const isWalkResult = (fn: FnInfo, name: string, at: number): boolean => {
    const b = s.bindingOf(fn, name, at);
    if (b && s.code.slice(b.start, b.end).some((t) => t.kind === 'ident' && walkNames.has(t.text))) return true;
    // `collect(&dir, &mut files)`
    for (const w of walkNames) {
      for (const call of s.callsTo(w, fn.open, fn.close)) {
        const close = s.match[call + 1]!;
        if (s.code.slice(call + 2, close).some((t) => t.kind === 'ident' && t.text === name)) return true;
      }
    }
    return false;
  };
  const num = (k: number): number | undefined => {
    const t = s.code[k];
    if (!t) return undefined;
    if (t.kind === 'num') {
      const clean = t.text.replace(/_/g, '').replace(/(?<=[0-9a-fA-F])(usize|u8|u16|u32|u64|u128|isize|i8|i16|i32|i64|i128)$/, '');
      const n = Number(clean);
      return Number.isInteger(n) ? n : undefined;
    }
    const c = t.kind === 'ident' ? s.consts.get(t.text) : undefined;
    if (c && c.valEnd - c.valStart === 1) return num(c.valStart);
    return undefined;
  };
  for (const fn of s.fns) {
    for (let k = fn.open + 1; k < fn.close; k++) {
      if (!(s.isId(k) && /^(debug_)?assert(_eq|_ne)?$/.test(s.code[k]!.text) && s.isP(k + 1, '!') && s.isP(k + 2, '('))) continue;
      const args = s.split(k + 3, s.match[k + 2]!, ',');
      const cond = args[0];
      if (!cond) continue;
      const [a, b] = cond;
      let found: number | undefined;
      // files.len() > N   |   files.len() >= N   |   N < files.len()   |   N <= files.len()   |   !files.is_empty()
      if (s.isId(a) && s.isP(a + 1, '.') && s.isId(a + 2, 'len') && s.isP(a + 3, '(') && s.isP(a + 4, ')') && b === a + 7) {
        if (!isWalkResult(fn, s.code[a]!.text, a)) continue;
        const n = num(a + 6);
        if (n === undefined || !(s.isP(a + 5, '>') || s.isP(a + 5, '>='))) cx.fail('cannot import this file-count threshold', a, 'write it as `files.len() > N` with a number, or set `[scope] min_files` by hand');
        found = s.isP(a + 5, '>') ? n + 1 : n;
      } else if (b === a + 7 && s.isId(a + 2) && s.isP(a + 3, '.') && s.isId(a + 4, 'len') && s.isP(a + 5, '(') && s.isP(a + 6, ')')) {
        if (!isWalkResult(fn, s.code[a + 2]!.text, a + 2)) continue;
        const n = num(a);
        if (n === undefined || !(s.isP(a + 1, '<') || s.isP(a + 1, '<='))) cx.fail('cannot import this file-count threshold', a, 'write it as `files.len() > N` with a number, or set `[scope] min_files` by hand');
        found = s.isP(a + 1, '<') ? n + 1 : n;
      } else if (b === a + 6 && s.isP(a, '!') && s.isId(a + 1) && s.isP(a + 2, '.') && s.isId(a + 3, 'is_empty')) {
        if (!isWalkResult(fn, s.code[a + 1]!.text, a + 1)) continue;
        found = 1;
      } else {
        const ids = s.code.slice(a, b).filter((t) => t.kind === 'ident');
        const mentionsWalk = ids.some((t, i) => (t.text === 'len' || t.text === 'is_empty') && i > 0 && isWalkResult(fn, ids[i - 1]!.text, a));
        if (mentionsWalk) cx.fail('cannot import this file-count threshold', a, 'write it as `files.len() > N` with a number, or set `[scope] min_files` by hand');
        continue;
      }
      min = min === undefined ? found : Math.max(min, found);
    }
  }
  return min;
}
