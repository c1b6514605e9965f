// Which findings fail a run. Every finding does, except, in `check --since`
// under a policy that accepts them, one whose introducing commit recorded a
// bypass with a visible reason. A finding nobody recorded always fails.

import type { CheckResult, Finding } from '../types.js';

export function isBlocking(finding: Finding, result: Pick<CheckResult, 'recordedBypassesPass'>): boolean {
  return !(result.recordedBypassesPass === true && finding.introducedBy !== undefined && finding.introducedBy.bypass !== null);
}
