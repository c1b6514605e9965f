// The fast path: the plain judge behind a sound text prefilter. Most files
// of a tree cannot hold a match and declare no module; they are settled from
// their text without lexing. Every other file goes to the plain judge with
// only the needles that can still match. The result is the plain judge's,
// for every text: test/fast-judge.test.ts holds it to that with generated
// files, and on the example workspace.
//
// The one interface (FastPath in src/fastPath.ts): fastJudge(plain) wraps the
// plain judge, and readIndexSnapshot reads the staged check's git answers
// from the git directory (git/), where git itself is the reference. Deleting
// this folder leaves a correct tool: the plain judge, and git for every answer.

import type { RustJudge } from '../rust/types.js';
import { mayHaveModuleFacts } from './moduleWords.js';
import { prefilterFor } from './prefilter.js';

export { readIndexSnapshot } from './git/snapshot.js';

export function fastJudge(plain: RustJudge): RustJudge {
  return {
    name: 'fast',
    analyze(text, needles, where) {
      const live = prefilterFor(needles).liveNeedles(text);
      if (live.length === 0 && !mayHaveModuleFacts(text)) return { hits: [], testOnlyFile: false, moduleDecls: [], includes: [] };
      return plain.analyze(text, live.length === needles.length ? needles : live, where);
    },
  };
}
