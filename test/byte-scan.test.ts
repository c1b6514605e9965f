// Runs of many files find scan anchors in UTF-8 bytes with a WebAssembly
// SIMD filter (Teddy), and skip decoding files with nothing to find. These
// hold each byte-level step to the text-level step it replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Teddy, TEDDY_CAPACITY, fingerprintOffset, tripleSlot } from '../src/rust/teddy.js';
import { ByteAnchorScan } from '../src/rust/byteAnchors.js';
import { anchorsInText, compileNeedles } from '../src/rust/needles.js';
import { mayDeclareModule, mayDeclareModuleAscii, mayHaveTestInnerAttribute, mayHaveTestInnerAttributeAscii, preScanBytes } from '../src/rust/analyze.js';
import { analyzeRust } from '../src/rust/index.js';
import { judgeFile } from '../src/check/fileOutcome.js';

const NEEDLES = ['std::fs', 'tokio::fs', 'File::open', 'OpenOptions', 'std::process::Command', 'env::var(', 'reqwest ', '.to_socket_addrs(', 'r#fs', 'mod', '(', 'ä::ö', '😀x'];

const PIECES = [
  'std', 'fs', 'tokio', 'File', 'open', 'OpenOptions', 'process', 'Command', 'env', 'var', 'reqwest', 'offset', 'to_socket_addrs', 'r#fs', 'x', '_',
  '::', ':', '.', '(', ')', '{', '}', ';', ',', '#', '!', '=', "'", '"', '/', '*',
  ' ', '\n', '\r\n', '\t', '// c\n', '/* c */', '*/', '/*', '//', '"//"', "'/'", '"s"', "'a'", "'a",
  'use ', 'use std::{fs, process::Command};', 'mod ', 'mod m;', 'mod m { ', 'r#', 'm', '{', '9', '#[cfg(test)] ', '#![cfg(test)]', '# !', 'test',
  '\uFEFF', '\u0085', '\u200E', '\u2028', 'ä', 'ö', 'é', '😀', '\0',
  '// std::fs\n', '/// File::open\n', 'x // std::fs', '"a" // fs\n',
];

const source = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const asciiSource = fc
  .array(fc.constantFrom(...PIECES.filter((p) => /^[\x00-\x7f]*$/.test(p))), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Every (pattern, start) occurrence, the plain way. */
function naiveOccurrences(patterns: readonly Buffer[], haystack: Buffer): string[] {
  const out: string[] = [];
  patterns.forEach((p, k) => {
    for (let at = haystack.indexOf(p); at >= 0; at = haystack.indexOf(p, at + 1)) out.push(`${k}@${at}`);
  });
  return out.sort();
}

function teddyOccurrences(teddy: Teddy, haystack: Buffer): string[] {
  haystack.copy(teddy.input);
  const out: string[] = [];
  teddy.search(haystack.length, (k, at) => {
    out.push(`${k}@${at}`);
    return false;
  });
  return out.sort();
}

test('WebAssembly SIMD is available on this Node (the audit relies on it for speed)', () => {
  assert.ok(Teddy.create([Buffer.from('fs')]), 'Teddy.create returned undefined');
});

test('property: the Teddy filter finds exactly the occurrences a plain search finds', () => {
  // A small alphabet makes fingerprints collide and patterns overlap.
  const word = fc.array(fc.constantFrom(...'abcab:(é'), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.array(fc.constantFrom(...'abcab:( é\n'), { maxLength: 300 }), (words, chars) => {
      const patterns = words.map((w) => Buffer.from(w));
      const teddy = Teddy.create(patterns)!;
      const haystack = Buffer.from(chars.join(''));
      assert.deepEqual(teddyOccurrences(teddy, haystack), naiveOccurrences(patterns, haystack));
    }),
    { numRuns: 400 },
  );
});

test('property: the Teddy filter finds exactly those occurrences wherever the fingerprints sit, and after they move', () => {
  const word = fc.array(fc.constantFrom(...'abcab:(é'), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(
      fc.uniqueArray(word, { minLength: 1, maxLength: 20 }),
      fc.array(fc.nat(8), { minLength: 20, maxLength: 20 }),
      fc.array(fc.nat(8), { minLength: 20, maxLength: 20 }),
      fc.array(fc.constantFrom(...'abcab:( é\n'), { maxLength: 300 }),
      (words, first, second, chars) => {
        const patterns = words.map((w) => Buffer.from(w));
        const teddy = Teddy.create(patterns, first)!;
        const haystack = Buffer.from(chars.join(''));
        assert.deepEqual(teddyOccurrences(teddy, haystack), naiveOccurrences(patterns, haystack));
        teddy.fingerprintAt(second);
        assert.deepEqual(teddyOccurrences(teddy, haystack), naiveOccurrences(patterns, haystack));
      },
    ),
    { numRuns: 300 },
  );
});

test('property: the WebAssembly triple counter counts each triple into its tripleSlot', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const teddy = Teddy.create([Buffer.from('fs')])!;
      Buffer.from(bytes).copy(teddy.input);
      teddy.countTriples(bytes.length);
      const expected = new Map<number, number>();
      let triple = 0;
      for (const b of bytes) {
        triple = (triple << 8) | b; // the first two are padded with zeros
        expected.set(tripleSlot(triple), (expected.get(tripleSlot(triple)) ?? 0) + 1);
      }
      const counted = new Map<number, number>();
      teddy.tripleCounts.forEach((n, slot) => n > 0 && counted.set(slot, n));
      assert.deepEqual(counted, expected);
    }),
    { numRuns: 100 },
  );
});

test('fingerprints move off what the searched files are full of, and the scan still finds what the text scan finds', () => {
  // A needle list of its own, so no other test has moved this scan's fingerprints.
  const set = compileNeedles(['openat', 'std::process', 'std::fs', 'zz']);
  const scan = ByteAnchorScan.for(set)!;
  const patterns = [...new Set(set.anchors.map((a) => a.text))]; // as ByteAnchorScan numbers them
  const fingerprints = () => scan.fingerprintOffsets().map((at, k) => patterns[k]!.slice(at, at + 3));
  assert.ok(fingerprints().includes('pen'), `expected the static choice for openat to be "pen": ${fingerprints()}`);
  const common = Buffer.from('let f = open(path); let p = promise.pending(); '.repeat(64));
  for (let done = 0; done < 200 * 1024; done += common.length) scan.anchorsIn(common);
  // `openat` is no longer fingerprinted by `pen`, which every `open` has.
  assert.ok(!fingerprints().includes('pen'), `fingerprints after sampling: ${fingerprints()}`);
  fc.assert(
    fc.property(source, (text) => {
      assert.deepEqual([...scan.anchorsIn(Buffer.from(text, 'utf8'))!], [...anchorsInText(text, set)]);
    }),
    { numRuns: 500 },
  );
});

test('the Teddy filter sees occurrences at both ends of the input and across 16-byte blocks, never past the length', () => {
  const patterns = ['fs', 'process', 'OpenOptions'].map((p) => Buffer.from(p));
  const teddy = Teddy.create(patterns)!;
  for (let pad = 0; pad < 40; pad++) {
    const haystack = Buffer.from(`fs${'.'.repeat(pad)}process${'-'.repeat(pad)}OpenOptions`);
    assert.deepEqual(teddyOccurrences(teddy, haystack), naiveOccurrences(patterns, haystack), `pad ${pad}`);
  }
  // Stale bytes after the length are not searched.
  Buffer.from('....fsfsfs').copy(teddy.input);
  const seen: number[] = [];
  teddy.search(4, (_, at) => (seen.push(at), false));
  assert.deepEqual(seen, []);
});

test('property: markBytes marks exactly the bytes of its set, whatever was in the input before', () => {
  const teddy = Teddy.create([Buffer.from('fs')])!;
  const sets = ['"\'/{}()[]#;', 'a', '\0\x7f', ' \n'];
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...sets), fc.uint8Array({ minLength: 200, maxLength: 260 }), (bytes, chars, before) => {
      // A longer input first: its marks and bytes must not leak into this one's.
      Buffer.from(before).copy(teddy.input);
      teddy.markBytes(before.length, chars);
      Buffer.from(bytes).copy(teddy.input);
      const marks = teddy.markBytes(bytes.length, chars);
      assert.equal(marks.length, Math.ceil(bytes.length / 32));
      bytes.forEach((b, i) => {
        const marked = (marks[i >> 5]! >>> (i & 31)) & 1;
        assert.equal(marked, b < 0x80 && chars.includes(String.fromCharCode(b)) ? 1 : 0, `byte ${b} at ${i} of ${bytes.length}`);
      });
    }),
    { numRuns: 1000 },
  );
  assert.throws(() => teddy.markBytes(1, 'ä'), RangeError);
});

test('fingerprints skip the common letters of a pattern', () => {
  assert.equal(fingerprintOffset(Buffer.from('fs')), 0);
  // `reqwest`: a window holding `qw`, not the `req` of every `request`.
  const at = fingerprintOffset(Buffer.from('reqwest'));
  assert.match('reqwest'.slice(at, at + 3), /qw/);
});

test('property: the byte scan finds the same anchors as the text scan', () => {
  fc.assert(
    fc.property(source, fc.subarray(NEEDLES, { minLength: 1 }), (src, needles) => {
      const set = compileNeedles(needles);
      const scan = ByteAnchorScan.for(set)!;
      assert.deepEqual(scan.anchorsIn(Buffer.from(src, 'utf8')), anchorsInText(src, set));
    }),
    { numRuns: 3000 },
  );
});

test('bytes already in the scan input are searched in place', () => {
  const set = compileNeedles(['std::fs', 'File::open']);
  const scan = ByteAnchorScan.for(set)!;
  const n = scan.input.write('let f = File::open(p); // std::fs\n', 'utf8');
  assert.deepEqual([...scan.anchorsIn(scan.input.subarray(0, n))!], [...anchorsInText('let f = File::open(p); // std::fs\n', set)]);
});

test('a file larger than the filter falls back to the text scan, with the same result', () => {
  const needles = ['std::fs'];
  const text = `${'// filler line\n'.repeat(Math.ceil(TEDDY_CAPACITY / 15) + 10)}fn f() { std::fs::read("x"); }\n`;
  const bytes = Buffer.from(text);
  assert.ok(bytes.length > TEDDY_CAPACITY);
  assert.equal(ByteAnchorScan.for(compileNeedles(needles))!.anchorsIn(bytes), undefined);
  const outcome = judgeFile('big.rs', bytes, needles, 'precise', { byteScan: true });
  assert.ok(!outcome.invalid);
  assert.deepEqual(
    outcome.hits.map((h) => h.line),
    [text.split('\n').length - 1],
  );
});

test('property: the ASCII byte checks answer as their text twins', () => {
  fc.assert(
    fc.property(asciiSource, (src) => {
      const bytes = Buffer.from(src, 'latin1');
      assert.equal(mayDeclareModuleAscii(bytes), mayDeclareModule(src), 'mayDeclareModule');
      assert.equal(mayHaveTestInnerAttributeAscii(bytes), mayHaveTestInnerAttribute(src), 'mayHaveTestInnerAttribute');
    }),
    { numRuns: 4000 },
  );
});

test('property: a file the byte look finds nothing in has nothing to find', () => {
  fc.assert(
    fc.property(source, fc.subarray(NEEDLES, { minLength: 1 }), fc.boolean(), (src, needles, moduleFacts) => {
      const pre = preScanBytes(Buffer.from(src, 'utf8'), needles, moduleFacts)!;
      if (!pre.nothingToFind) return;
      const analysis = analyzeRust(src, needles, { moduleFacts });
      assert.deepEqual(analysis.hits, []);
      if (moduleFacts) assert.deepEqual([analysis.testOnlyFile, analysis.moduleDecls], [false, []]);
    }),
    { numRuns: 3000 },
  );
});

test('property: judging a file from its bytes gives the outcome of judging its text', () => {
  const bytes = fc.oneof(
    source.map((s) => Buffer.from(s, 'utf8')),
    // invalid UTF-8 now and then
    fc.tuple(source, fc.constantFrom(0xff, 0xc3, 0x80)).map(([s, b]) => Buffer.concat([Buffer.from(s), Buffer.from([b])])),
  );
  fc.assert(
    fc.property(bytes, fc.subarray(NEEDLES, { minLength: 1 }), fc.boolean(), (file, needles, moduleFacts) => {
      const viaBytes = judgeFile('a.rs', file, needles, 'precise', { moduleFacts, byteScan: true });
      const viaText = judgeFile('a.rs', file, needles, 'precise', { moduleFacts });
      if (viaBytes.invalid || viaText.invalid) {
        assert.equal(viaBytes.invalid, viaText.invalid);
        return;
      }
      assert.deepEqual(viaBytes.hits, viaText.hits);
      assert.deepEqual(viaBytes.lines, viaText.lines);
      assert.deepEqual(viaBytes.facts, viaText.facts);
    }),
    { numRuns: 3000 },
  );
});
