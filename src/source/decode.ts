// A file's bytes as text: strict UTF-8, so invalid bytes are reported
// (`invalid-file`) instead of being replaced.

import { isAscii } from 'node:buffer';

// ignoreBOM keeps a BOM in the text: the seed-compatible matcher must see it as the seed did.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of `bytes`, or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Buffer): string | undefined {
  // ASCII is its own Latin-1 reading, which Node decodes fastest.
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
