// Globs over repo-relative paths. Kept small and explicit because `explain` must
// say which pattern decided, and the importer maps the seed's `ends_with`,
// `contains` and `starts_with` onto `**X`, `**X**` and `X**` exactly:
//   *    any run of characters except `/`
//   **   any run of characters, `/` included
//   **/  zero or more whole directories
//   ?    one character except `/`
//   {a,b}  alternatives; [abc] [a-z] [!a-z] classes; \x  a literal x
//
// A pattern compiles to a nondeterministic automaton that is run over the path
// one character at a time, keeping the set of live states: matching costs at
// most (path length × pattern size) steps whatever the pattern, where a
// backtracking regular expression takes exponential time on patterns like
// `**a**a**a**b` (a config is input, and an audit must not hang on it).

export interface Glob {
  readonly source: string;
  test(path: string): boolean;
}

export class GlobSyntaxError extends Error {
  constructor(readonly pattern: string, readonly index: number, message: string) {
    super(message);
  }
}

/** What one automaton state consumes; `split` and `end` consume nothing. */
type State =
  | { op: 'char'; cp: number; next: number }
  | { op: 'notSlash'; next: number }
  | { op: 'any'; next: number }
  | { op: 'class'; ranges: readonly number[]; negated: boolean; next: number }
  | { op: 'split'; to: number[] }
  | { op: 'end' };

const SLASH = 0x2f;

/** A pattern fragment under construction: its entry state and the states whose `next` is still open. */
interface Fragment {
  start: number;
  holes: number[];
}

class Builder {
  readonly states: State[] = [];

  private add(state: State): number {
    this.states.push(state);
    return this.states.length - 1;
  }

  /** A fragment consuming one character. */
  atom(state: Exclude<State, { op: 'split' } | { op: 'end' }>): Fragment {
    const s = this.add(state);
    return { start: s, holes: [s] };
  }

  /** Zero or more repetitions of one character step (`*`, `**`). */
  loop(state: Exclude<State, { op: 'split' } | { op: 'end' }>): Fragment {
    const split = this.add({ op: 'split', to: [] });
    const body = this.add({ ...state, next: split });
    (this.states[split] as { op: 'split'; to: number[] }).to.push(body);
    return { start: split, holes: [split] };
  }

  /** An empty fragment (matches the empty string). */
  empty(): Fragment {
    const s = this.add({ op: 'split', to: [] });
    return { start: s, holes: [s] };
  }

  patch(holes: readonly number[], target: number): void {
    for (const h of holes) {
      const st = this.states[h]!;
      if (st.op === 'split') st.to.push(target);
      else if (st.op !== 'end') st.next = target;
    }
  }

  seq(parts: readonly Fragment[]): Fragment {
    if (parts.length === 0) return this.empty();
    for (let k = 0; k + 1 < parts.length; k++) this.patch(parts[k]!.holes, parts[k + 1]!.start);
    return { start: parts[0]!.start, holes: parts[parts.length - 1]!.holes };
  }

  alt(options: readonly Fragment[]): Fragment {
    const split = this.add({ op: 'split', to: options.map((o) => o.start) });
    return { start: split, holes: options.flatMap((o) => o.holes) };
  }

  /** `**\/`: nothing, or any run of characters ending in `/`. */
  dirs(): Fragment {
    const run = this.loop({ op: 'any', next: -1 });
    const slash = this.atom({ op: 'char', cp: SLASH, next: -1 });
    const some = this.seq([run, slash]);
    const none = this.empty();
    return this.alt([none, some]);
  }
}

const codePointAt = (s: string, i: number): number => s.codePointAt(i)!;
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** Parses a class body (between `[` and `]`, negation removed) into [lo, hi] pairs. */
function classRanges(source: string, body: string, at: number): number[] {
  const cps = [...body].map((c) => c.codePointAt(0)!);
  const ranges: number[] = [];
  for (let k = 0; k < cps.length; k++) {
    const lo = cps[k]!;
    if (cps[k + 1] === 0x2d && k + 2 < cps.length) {
      const hi = cps[k + 2]!;
      if (hi < lo) throw new GlobSyntaxError(source, at, `range ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)} is out of order in \`[…]\``);
      ranges.push(lo, hi);
      k += 2;
    } else {
      ranges.push(lo, lo);
    }
  }
  return ranges;
}

interface Parsed {
  fragment: Fragment;
  end: number;
}

/** Parses `source[start, end)`; inside braces, stops at a top-level `,` or `}`. */
function parse(b: Builder, source: string, start: number, end: number, inBraces: boolean): Parsed {
  const parts: Fragment[] = [];
  let i = start;
  while (i < end) {
    const ch = source[i]!;
    if (inBraces && (ch === ',' || ch === '}')) return { fragment: b.seq(parts), end: i };
    if (ch === '\\') {
      if (i + 1 >= end) throw new GlobSyntaxError(source, i, 'a pattern cannot end with a lone `\\`');
      const cp = codePointAt(source, i + 1);
      parts.push(b.atom({ op: 'char', cp, next: -1 }));
      i += 1 + width(cp);
    } else if (ch === '*') {
      if (source[i + 1] === '*') {
        const atSegmentStart = i === 0 || source[i - 1] === '/';
        if (atSegmentStart && source[i + 2] === '/') {
          parts.push(b.dirs());
          i += 3;
        } else {
          parts.push(b.loop({ op: 'any', next: -1 }));
          i += 2;
        }
      } else {
        parts.push(b.loop({ op: 'notSlash', next: -1 }));
        i += 1;
      }
    } else if (ch === '?') {
      parts.push(b.atom({ op: 'notSlash', next: -1 }));
      i += 1;
    } else if (ch === '[') {
      const close = source.indexOf(']', i + 2);
      if (close < 0 || close >= end) throw new GlobSyntaxError(source, i, 'unclosed `[` in pattern');
      let body = source.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      parts.push(b.atom({ op: 'class', ranges: classRanges(source, body, i), negated, next: -1 }));
      i = close + 1;
    } else if (ch === '{') {
      const options: Fragment[] = [];
      let j = i + 1;
      for (;;) {
        const part = parse(b, source, j, end, true);
        options.push(part.fragment);
        if (part.end >= end) throw new GlobSyntaxError(source, i, 'unclosed `{` in pattern');
        j = part.end + 1;
        if (source[part.end] === '}') break;
      }
      parts.push(b.alt(options));
      i = j;
    } else {
      const cp = codePointAt(source, i);
      parts.push(b.atom({ op: 'char', cp, next: -1 }));
      i += width(cp);
    }
  }
  return { fragment: b.seq(parts), end: i };
}

function inRanges(ranges: readonly number[], cp: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (cp >= ranges[k]! && cp <= ranges[k + 1]!) return true;
  return false;
}

function consumes(state: State, cp: number): boolean {
  switch (state.op) {
    case 'char':
      return state.cp === cp;
    case 'notSlash':
      return cp !== SLASH;
    case 'any':
      return true;
    case 'class':
      return inRanges(state.ranges, cp) !== state.negated;
    default:
      return false;
  }
}

/** A set of live automaton states met while matching (a state of the lazy DFA). */
interface DfaState {
  readonly states: readonly number[];
  /** Transitions on characters outside ASCII (ASCII ones are in the matcher's flat table). */
  readonly other: Map<number, number>;
}

/** Cached state sets per pattern; past this the cache starts over (memory stays bounded, each step stays O(pattern size)). */
const MAX_CACHED_SETS = 4096;
const DEAD = -2;
const UNKNOWN = -1;

/**
 * A compiled pattern. Sets of live states are cached as they are met (a lazy
 * DFA), so a path costs one table lookup per character once the sets it
 * meets are known, and at most one closure over the automaton otherwise.
 * `steps` counts state visits, for tests that check matching is linear.
 */
export class GlobMatcher implements Glob {
  private readonly states: readonly State[];
  private readonly start: number;
  private readonly sets = new Map<string, number>();
  private dfa: DfaState[] = [];
  /** ASCII transitions: `ascii[set * 128 + c]` is the next set, UNKNOWN or DEAD (no live state). */
  private ascii = new Int32Array(0);
  private accepts = new Uint8Array(0);
  private initial = 0;
  steps = 0;

  constructor(readonly source: string) {
    const b = new Builder();
    const { fragment } = parse(b, source, 0, source.length, false);
    const end = b.states.length;
    b.states.push({ op: 'end' });
    b.patch(fragment.holes, end);
    this.states = b.states;
    this.start = fragment.start;
    this.initial = this.first();
  }

  private first(): number {
    const first: number[] = [];
    this.close(this.start, first, new Uint8Array(this.states.length));
    return this.intern(first);
  }

  /** Adds `s` and every state reachable from it without consuming to `into`, each once. */
  private close(s: number, into: number[], seen: Uint8Array): void {
    const stack = [s];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (seen[t] === 1) continue;
      seen[t] = 1;
      this.steps++;
      const st = this.states[t]!;
      if (st.op === 'split') for (let k = st.to.length - 1; k >= 0; k--) stack.push(st.to[k]!);
      else into.push(t);
    }
  }

  private intern(states: number[]): number {
    if (states.length === 0) return DEAD;
    states.sort((x, y) => x - y);
    const key = states.join(',');
    let found = this.sets.get(key);
    if (found === undefined) {
      found = this.dfa.length;
      this.dfa.push({ states, other: new Map() });
      this.sets.set(key, found);
      if (this.ascii.length < this.dfa.length * 128) {
        const grown = new Int32Array(Math.max(this.ascii.length * 2, 128 * 8)).fill(UNKNOWN);
        grown.set(this.ascii);
        this.ascii = grown;
        const accepts = new Uint8Array(grown.length / 128);
        accepts.set(this.accepts);
        this.accepts = accepts;
      }
      this.accepts[found] = states.some((t) => this.states[t]!.op === 'end') ? 1 : 0;
    }
    return found;
  }

  private step(fromIndex: number, cp: number): number {
    if (this.dfa.length >= MAX_CACHED_SETS) {
      // Start over, keeping the set being left.
      const keep = this.dfa[fromIndex]!.states;
      this.dfa = [];
      this.sets.clear();
      this.ascii.fill(UNKNOWN);
      this.initial = this.first();
      fromIndex = this.intern([...keep]);
    }
    const from = this.dfa[fromIndex]!;
    const next: number[] = [];
    const seen = new Uint8Array(this.states.length);
    for (const s of from.states) {
      const st = this.states[s]!;
      this.steps++;
      if (st.op !== 'end' && st.op !== 'split' && consumes(st, cp)) this.close(st.next, next, seen);
    }
    const to = this.intern(next);
    if (cp < 128) this.ascii[fromIndex * 128 + cp] = to;
    else from.other.set(cp, to);
    return to;
  }

  test(path: string): boolean {
    let d = this.initial;
    const n = path.length;
    for (let i = 0; i < n; ) {
      if (d === DEAD) return false;
      const unit = path.charCodeAt(i);
      if (unit < 128) {
        i++;
        const to = this.ascii[d * 128 + unit]!;
        d = to !== UNKNOWN ? to : this.step(d, unit);
      } else {
        const cp = path.codePointAt(i)!;
        i += cp > 0xffff ? 2 : 1;
        d = this.dfa[d]!.other.get(cp) ?? this.step(d, cp);
      }
    }
    return d !== DEAD && this.accepts[d] === 1;
  }
}

export function compileGlob(source: string): Glob {
  return new GlobMatcher(source);
}

/** Escapes glob metacharacters (and a leading `!`, which scope patterns read as a negation) so `text` matches itself literally. */
export function escapeGlob(text: string): string {
  const out = text.replace(/[*?[\]{}\\]/g, (c) => `\\${c}`);
  return out.startsWith('!') ? `\\${out}` : out;
}
