// What makes a bypass reason acceptable: something a reviewer can read. The
// reason is recorded in a commit trailer and shown in CI, so a reason made of
// invisible characters would record a bypass that says nothing.

import { usageError } from '../errors.js';
import { messages } from '../messages.js';

/**
 * Characters that occupy no visible space although some are letters or
 * symbols by category: default-ignorable code points (U+200B, U+3164 and the
 * other Hangul fillers, variation selectors, …) and the blank Braille pattern.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The reason with whitespace runs collapsed to one space; refused unless it has a visible character (Unicode L, N, P or S). */
export function normaliseBypassReason(raw: string): string {
  if (UNSAFE.test(raw)) throw usageError(messages.bypassControl, messages.emptyBypassHint);
  const reason = raw.replace(/\s+/gu, ' ').trim();
  if (reason === '') throw usageError(messages.emptyBypass, messages.emptyBypassHint);
  if (!VISIBLE.test(reason.replace(INVISIBLE, ''))) throw usageError(messages.invisibleBypass, messages.emptyBypassHint);
  return reason;
}

/** Whether a recorded reason (read back from a trailer) would be accepted. */
export function isVisibleReason(reason: string): boolean {
  try {
    normaliseBypassReason(reason);
    return true;
  } catch {
    return false;
  }
}
