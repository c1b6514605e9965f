// Rust-ish tokens for generated inputs: the lexer's property tests
// (hardening-lexer.test.ts) and the linear-time benchmark (bench/linearity.ts)
// build their texts from the same pieces.

import fc from 'fast-check';

export const IDENTS = ['a', 'foo', 'x1', '_y', 'été', 'Ωmega', '日本', 'r#type', 'r#fs', 'self', 'crate', 'super', 'mod', 'use', 'fn', 'pub', 'as', 'test', 'cfg', 'std', 'fs', 'File', 'open', 'env', 'var', 'tokio', 'macro_rules'];
export const PUNCT = ['::', ':', ';', ',', '.', '=', '=>', '!', '#', '&', '*', '<', '>', '$', '-', '+', '/', '?', '@', '|', '~', '^', '%'];
export const STRINGS = ['"plain"', '"esc \\" \\\\ \\n"', '"// not a comment"', '"/* nor this"', '"std::fs"', 'b"bytes\\x00"', 'c"cstr"', '"multi\nline"', '"😀"', '"\\u{1F600}"', '"a\r\nb"'];
export const RAW = ['r"raw \\"', 'r#"has "quote" inside"#', 'r##"a "# b"##', 'br#"raw"#', 'cr#"c"#', 'r###"std::fs "## still"###'];
export const CHARS = ["'a'", "'\\''", "'\"'", "'\\n'", "'\\u{1F600}'", "'😀'", "b'x'", "b'\\\\'", "'é'"];
export const LIFETIMES = ["'a", "'static", "'_", "'label:", "'été"];
export const COMMENTS = ['// line std::fs\n', '/// doc "\n', '//! inner\n', '/* block */', '/* /* nested */ std::fs */', '/** doc */', '/*! inner */', '/*/ odd */', '// crlf\r\n'];
export const ATTRS = ['#[cfg(test)]', '#![cfg(test)]', '#[test]', '#[tokio::test]', '#[bench]', '#[cfg(all(test, unix))]', '#[cfg(any(test, unix))]', '#[cfg(not(test))]', '#[cfg_attr(test, allow(dead_code))]', '#[path = "x.rs"]', '#[derive(Debug)]'];
export const BRACKETS = ['{', '}', '(', ')', '[', ']', '{}', '()'];
export const SPACE = [' ', '\t', '\n', '\r\n', '\r', '\u0085', '\u200e', '\u2028', '\u00a0'];
export const ODD = ['\uFEFF', '\0', '\\', '"', "'", '/*', '*/', 'r#', 'r#"', 'b\'', '1', '0x1f', '1.0e5', '1u8', '\u{1F600}', '\ud800', 'macro_rules! m { ($x:ident) => { std::$x } }', 'mod q;', 'use std::{fs, net::{self, TcpStream as T}};'];

export const rustToken = fc.oneof(
  { arbitrary: fc.constantFrom(...IDENTS), weight: 6 },
  { arbitrary: fc.constantFrom(...PUNCT), weight: 4 },
  { arbitrary: fc.constantFrom(...STRINGS, ...RAW), weight: 2 },
  { arbitrary: fc.constantFrom(...CHARS, ...LIFETIMES), weight: 2 },
  { arbitrary: fc.constantFrom(...COMMENTS), weight: 2 },
  { arbitrary: fc.constantFrom(...ATTRS), weight: 2 },
  { arbitrary: fc.constantFrom(...BRACKETS), weight: 3 },
  { arbitrary: fc.constantFrom(...SPACE), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD), weight: 2 },
);

/** Units whose repetition stresses nesting, unterminated literals, use trees and attributes. */
export const ADVERSARIAL_UNITS = [
  '{', '(', '[', '#[', '#', "'", "'a ", 'r#', '"', '/*', '/* /* */', '::', 'std::', 'std :: ', 'std\n', 'fs::', 'std::fs ',
  'use ', 'use std::{', 'use a::{b::{', 'use std::{a, b::{c, d}, fs as x};\n', '#[cfg(test)] ', '#[cfg(test)] mod a { ',
  '#[test] fn a() {', 'mod x;\n', '#[path = "x.rs"] mod a; ', '#![cfg(test)] ', 'macro_rules! m { ($x:ident) => { std::$x } } ',
  'r###"', '<', '; use ', 'self::', 'std::\r\n', '\uFEFF', 'env::var ', "#[cfg(test)] use std::{fs, '\"a\" /* */ r#fs}; ",
];

/** Ends every repeated text: a needle keeps the file off the no-needle fast path, a `mod` keeps module facts in play. */
export const LINEARITY_TAIL = '\nfn z() { std::fs::read("x"); }\nmod q;\n';
