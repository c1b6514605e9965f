// Edits JSON text in place, touching only the members it adds, replaces or
// removes: `install` must leave a package.json byte for byte as it was
// everywhere else (line ends, number spellings like 1.0 or
// 12345678901234567890, key order, indentation, duplicate keys, a missing
// final newline), which a JSON.parse/stringify round trip cannot do.

export interface Member {
  /** The decoded key. */
  key: string;
  /** Offset of the key's opening quote. */
  keyStart: number;
  /** Offsets of the value: [valueStart, valueEnd). */
  valueStart: number;
  valueEnd: number;
}

export interface ObjectSpan {
  /** Offset of `{` and of the matching `}`. */
  open: number;
  close: number;
  members: Member[];
}

export class JsonTextError extends Error {}

const WS = new Set([' ', '\t', '\n', '\r']);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text[i]!)) i++;
  return i;
}

/** End of the string starting at `i` (a `"`), just past its closing quote. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  throw new JsonTextError('unterminated string');
}

/** End of the value starting at `i`: strings and nesting are skipped whole. */
function valueEnd(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return stringEnd(text, i);
  if (ch === '{' || ch === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text[j]!;
      if (c === '"') j = stringEnd(text, j) - 1;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new JsonTextError('unclosed object or array');
  }
  let j = i;
  while (j < text.length && !WS.has(text[j]!) && text[j] !== ',' && text[j] !== '}' && text[j] !== ']') j++;
  if (j === i) throw new JsonTextError(`unexpected character at offset ${i}`);
  return j;
}

/** The members of the object whose `{` is at `open`, in text order (duplicates kept). */
export function objectAt(text: string, open: number): ObjectSpan {
  if (text[open] !== '{') throw new JsonTextError('not an object');
  const members: Member[] = [];
  let i = skipWs(text, open + 1);
  if (text[i] === '}') return { open, close: i, members };
  for (;;) {
    if (text[i] !== '"') throw new JsonTextError(`expected a key at offset ${i}`);
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    let j = skipWs(text, keyEnd);
    if (text[j] !== ':') throw new JsonTextError(`expected ':' at offset ${j}`);
    j = skipWs(text, j + 1);
    const end = valueEnd(text, j);
    members.push({ key, keyStart: i, valueStart: j, valueEnd: end });
    i = skipWs(text, end);
    if (text[i] === ',') {
      i = skipWs(text, i + 1);
      continue;
    }
    if (text[i] === '}') return { open, close: i, members };
    throw new JsonTextError(`expected ',' or '}' at offset ${i}`);
  }
}

/** The top-level object of a JSON document. */
export function topObject(text: string): ObjectSpan {
  return objectAt(text, skipWs(text.replace(/^\uFEFF/, ' '), 0));
}

/** The line ending the text uses (CRLF when any line ends so). */
export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The whitespace before the key on the key's line (empty for a one-line object). */
function indentOf(text: string, keyStart: number): string {
  let k = keyStart;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  return k > 0 && text[k - 1] === '\n' ? text.slice(k, keyStart) : '';
}

/** Indentation of an object's members, and the unit one level adds (guessed from the text). */
function layout(text: string, obj: ObjectSpan, parentIndent: string): { indent: string; unit: string } {
  const first = obj.members[0];
  const indent = first ? indentOf(text, first.keyStart) : '';
  const unit = indent.length > parentIndent.length && indent.startsWith(parentIndent) ? indent.slice(parentIndent.length) : /\t/.test(indent) ? '\t' : '  ';
  return { indent: indent || parentIndent + unit, unit };
}

/** `value` as JSON text laid out like the file: members on their own lines at `indent` + unit. */
function render(value: unknown, indent: string, unit: string, eol: string): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

/**
 * Appends `"key": value` as the object's last member. Returns the new text;
 * removeMember of the same key undoes it exactly.
 */
export function appendMember(text: string, obj: ObjectSpan, key: string, value: unknown, parentIndent = ''): string {
  const eol = lineEnding(text);
  const { indent, unit } = layout(text, obj, parentIndent);
  const member = `${JSON.stringify(key)}: ${render(value, indent, unit, eol)}`;
  const last = obj.members[obj.members.length - 1];
  if (last) return `${text.slice(0, last.valueEnd)},${eol}${indent}${member}${text.slice(last.valueEnd)}`;
  return `${text.slice(0, obj.open + 1)}${eol}${indent}${member}${text.slice(obj.open + 1)}`;
}

/** Replaces a member's value, keeping everything around it. */
export function replaceValue(text: string, member: Member, value: unknown, indent: string, unit: string): string {
  return `${text.slice(0, member.valueStart)}${render(value, indent, unit, lineEnding(text))}${text.slice(member.valueEnd)}`;
}

/**
 * Removes a member with the separator before it (after it, for a first
 * member that others follow): the inverse of appendMember.
 */
export function removeMember(text: string, obj: ObjectSpan, member: Member): string {
  const k = obj.members.indexOf(member);
  if (k < 0) throw new JsonTextError('not a member of this object');
  if (k > 0) return text.slice(0, obj.members[k - 1]!.valueEnd) + text.slice(member.valueEnd);
  const next = obj.members[1];
  if (next) return text.slice(0, member.keyStart) + text.slice(next.keyStart);
  // The only member: appendMember put it right after `{` with a line break and indent.
  let start = member.keyStart;
  while (start > obj.open + 1 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (text.startsWith('\r\n', start - 2)) start -= 2;
  else if (text[start - 1] === '\n') start -= 1;
  return text.slice(0, start) + text.slice(member.valueEnd);
}

/** Indentation of a member's line and the unit one level adds, for replacing its value. */
export function memberLayout(text: string, obj: ObjectSpan, parentIndent = ''): { indent: string; unit: string } {
  return layout(text, obj, parentIndent);
}
