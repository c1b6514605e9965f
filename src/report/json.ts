// The machine-readable report (SPEC §10): snake_case stats, 1-based positions,
// `/`-separated repo-relative paths, and only the fields that apply. Paths and
// needles keep their exact value (unsafe characters are JSON escapes in the
// text); messages, written for people, show them visibly escaped.

import type { CheckResult, Finding } from '../types.js';
import { escapeVisibly, safeJson } from './safeText.js';
import { isBlocking } from '../findings/blocking.js';

function jsonFinding(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: f.kind, message: escapeVisibly(f.message) };
  for (const key of ['path', 'line', 'column', 'class', 'needle', 'dependency', 'table'] as const) {
    if (f[key] !== undefined) out[key] = f[key];
  }
  if (f.introducedBy !== undefined) out.introduced_by = { commit: f.introducedBy.commit, bypass: f.introducedBy.bypass };
  return out;
}

export function formatJson(result: CheckResult): string {
  const report = {
    version: 1,
    mode: result.mode,
    ok: !result.findings.some((f) => isBlocking(f, result)),
    ...(result.bypass !== undefined ? { bypass: result.bypass } : {}),
    findings: result.findings.map(jsonFinding),
    warnings: result.warnings.map(jsonFinding),
    stats: {
      files_scanned: result.stats.filesScanned,
      manifests_checked: result.stats.manifestsChecked,
      duration_ms: result.stats.durationMs,
    },
  };
  return `${safeJson(report, 2)}\n`;
}
