// The machine-readable report (SPEC §10): snake_case stats, 1-based positions,
// `/`-separated repo-relative paths, and only the fields that apply. Paths and
// needles keep their exact value (unsafe characters are JSON escapes in the
// text); messages, written for people, show them visibly escaped.

import type { CheckResult, Finding } from '../types.js';
import { escapeVisibly, safeJson } from './safeText.js';
import { isBlocking } from '../findings/blocking.js';

function jsonFinding(f: Finding, mark?: 'baselined' | 'pre_existing'): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: f.kind, message: escapeVisibly(f.message) };
  for (const key of ['path', 'line', 'column', 'class', 'needle', 'dependency', 'table', 'chain'] as const) {
    if (f[key] !== undefined) out[key] = f[key];
  }
  if (f.related !== undefined) out['related'] = f.related.map((r) => ({ ...r, message: escapeVisibly(r.message) }));
  if (f.introducedBy !== undefined) out.introduced_by = { commit: f.introducedBy.commit, bypass: f.introducedBy.bypass };
  if (mark) out[mark] = true;
  return out;
}

export function formatJson(result: CheckResult): string {
  const report = {
    version: 1,
    mode: result.mode,
    ok: !result.findings.some((f) => isBlocking(f, result)),
    ...(result.bypass !== undefined ? { bypass: result.bypass } : {}),
    findings: result.findings.map((f) => jsonFinding(f)),
    warnings: result.warnings.map((f) => jsonFinding(f)),
    // Accepted findings are listed, never dropped: the baseline's, and (staged config re-audit) HEAD's.
    baselined: (result.baselined ?? []).map((f) => jsonFinding(f, 'baselined')),
    pre_existing: (result.preExisting ?? []).map((f) => jsonFinding(f, 'pre_existing')),
    stats: {
      files_scanned: result.stats.filesScanned,
      manifests_checked: result.stats.manifestsChecked,
      duration_ms: result.stats.durationMs,
      judge: result.stats.judge,
      baselined: result.baselined?.length ?? 0,
      pre_existing: result.preExisting?.length ?? 0,
    },
  };
  return `${safeJson(report, 2)}\n`;
}
