// Offsets to 1-based line/column (UTF-16 units). Lines break at `\n` only
// (a CRLF's `\r` ends its line's text); a leading BOM is not a column.

export interface LineColumn {
  line: number;
  column: number;
}

export type Locator = (offset: number) => LineColumn;

/** A locator for `src`; the line table is built on first use. */
export function makeLocator(src: string): Locator {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [src.charCodeAt(0) === 0xfeff ? 1 : 0];
      for (let nl = src.indexOf('\n'); nl >= 0; nl = src.indexOf('\n', nl + 1)) starts.push(nl + 1);
    }
    // Last line start <= offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(1, offset - starts[lo]! + 1) };
  };
}
