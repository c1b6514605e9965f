import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateKeyPath, locateValuePath, parseToml, tomlSyntaxPosition } from '../src/toml/positions.js';

const doc = [
  '# a config',                                          // 1
  'title = "x"',                                         // 2
  '[a.b]',                                               // 3
  'c = 1',                                               // 4
  'd.e.f = 2',                                           // 5
  'g = { h = { i = 3 }, "quoted key" = 4 }',             // 6
  "'lit' = [10, { j = 5 }]",                             // 7
  '[[class]]',                                           // 8
  'name = "fs"',                                         // 9
  '[[class]]',                                           // 10
  '  name = "net"',                                      // 11
  '[[class.allow]]',                                     // 12
  'path = "a.rs"',                                       // 13
  '[[class.allow]]',                                     // 14
  'path = "b.rs"',                                       // 15
  '[class.meta]',                                        // 16
  'k = 1',                                               // 17
].join('\n');

test('locateKeyPath: header tables, dotted keys, inline tables, quoted keys', () => {
  assert.deepEqual(locateKeyPath(doc, ['title']), { line: 2, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['a']), { line: 3, column: 2 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b']), { line: 3, column: 4 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'c']), { line: 4, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'd']), { line: 5, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'd', 'e', 'f']), { line: 5, column: 5 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'g', 'h', 'i']), { line: 6, column: 13 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'g', 'quoted key']), { line: 6, column: 22 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'lit']), { line: 7, column: 1 });
});

test('locateKeyPath: array elements and arrays of tables', () => {
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'lit', 0]), { line: 7, column: 10 });
  assert.deepEqual(locateKeyPath(doc, ['a', 'b', 'lit', 1, 'j']), { line: 7, column: 16 });
  assert.deepEqual(locateKeyPath(doc, ['class']), { line: 8, column: 3 });
  assert.deepEqual(locateKeyPath(doc, ['class', 0]), { line: 8, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['class', 1]), { line: 10, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['class', 1, 'name']), { line: 11, column: 3 });
  // [[class.allow]] belongs to the last [[class]].
  assert.deepEqual(locateKeyPath(doc, ['class', 1, 'allow']), { line: 12, column: 9 });
  assert.deepEqual(locateKeyPath(doc, ['class', 1, 'allow', 1]), { line: 14, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['class', 1, 'allow', 1, 'path']), { line: 15, column: 1 });
  assert.deepEqual(locateKeyPath(doc, ['class', 1, 'meta', 'k']), { line: 17, column: 1 });
  assert.equal(locateKeyPath(doc, ['class', 0, 'allow']), undefined);
  assert.equal(locateKeyPath(doc, ['class', '1']), undefined, 'a string is a key, not an index');
});

test('locateKeyPath: missing paths and broken documents give undefined, never throw', () => {
  assert.equal(locateKeyPath(doc, ['nope']), undefined);
  assert.equal(locateKeyPath(doc, []), undefined);
  assert.equal(locateKeyPath('a = = 1', ['a']), undefined);
  assert.equal(locateKeyPath('[a]\n[a]\n', ['a']), undefined);
  assert.equal(locateKeyPath('', ['a']), undefined);
});

test('locateKeyPath: CRLF, BOM and characters outside the BMP', () => {
  const crlf = 'x = 1\r\n[t]\r\n  "\u{1F600}" = 1\r\n  y = 2\r\n';
  assert.deepEqual(locateKeyPath(crlf, ['t', 'y']), { line: 4, column: 3 });
  assert.deepEqual(locateKeyPath('"\u{1F600}" = "\u{1F600}"\nk = { "\u{1F600}" = 1, z = 2 }', ['k', 'z']), { line: 2, column: 17 },
    'columns count UTF-16 code units');
  // A BOM counts as one column, as it does in the toml package's errors.
  assert.deepEqual(locateKeyPath('\uFEFFa = 1\nb = 2', ['a']), { line: 1, column: 2 });
  assert.deepEqual(locateKeyPath('\uFEFFa = 1\nb = 2', ['b']), { line: 2, column: 1 });
});

test('locateValuePath points at the value', () => {
  assert.deepEqual(locateValuePath(doc, ['a', 'b', 'c']), { line: 4, column: 5 });
  assert.deepEqual(locateValuePath(doc, ['a', 'b', 'g', 'h']), { line: 6, column: 11 });
  assert.deepEqual(locateValuePath('[d.x]\npath = "../y"', ['d', 'x', 'path']), { line: 2, column: 8 });
});

test('parseToml returns plain values or a message with a position', () => {
  const ok = parseToml('[a]\nb = [1, "x"]\n');
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.ok && JSON.parse(JSON.stringify(ok.value)), { a: { b: [1, 'x'] } });

  const syntax = parseToml('a = 1\nb = \n');
  assert.equal(syntax.ok, false);
  assert.deepEqual(!syntax.ok && syntax.position, { line: 2, column: 5 });
  assert.match(!syntax.ok ? syntax.message : '', /found/);

  const redefined = parseToml('[a]\nx = 1\n[a]\n');
  assert.deepEqual(!redefined.ok && redefined.position, { line: 3, column: 1 });
  assert.match(!redefined.ok ? redefined.message : '', /redefine/);
});

test('parseToml keeps valid 64-bit integers beyond 2^53 instead of failing', () => {
  const parsed = parseToml('small = 3\nbig = 771752188537605140\n');
  assert.equal(parsed.ok, true);
  if (!parsed.ok) return;
  assert.equal(parsed.value['small'], 3);
  assert.equal(parsed.value['big'], 771752188537605140n);
  assert.equal(parseToml('x = 99999999999999999999').ok, false, 'beyond 64 bits is still an error');
});

test('tomlSyntaxPosition reads both error shapes and ignores anything else', () => {
  assert.deepEqual(tomlSyntaxPosition({ line: 3, column: 7 }), { line: 3, column: 7 });
  assert.deepEqual(tomlSyntaxPosition({ location: { start: { line: 2, column: 1 } } }), { line: 2, column: 1 });
  assert.equal(tomlSyntaxPosition(new Error('x')), undefined);
  assert.equal(tomlSyntaxPosition(null), undefined);
  assert.equal(tomlSyntaxPosition('line 3'), undefined);
  assert.equal(tomlSyntaxPosition({ line: '3', column: 1 }), undefined);
});
