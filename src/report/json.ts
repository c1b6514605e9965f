// The machine-readable report (SPEC §10): snake_case stats, 1-based positions,
// `/`-separated repo-relative paths, and only the fields that apply.

import type { CheckResult, Finding } from '../types.js';

function jsonFinding(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: f.kind, message: f.message };
  for (const key of ['path', 'line', 'column', 'class', 'needle', 'dependency', 'table', 'chain'] as const) {
    if (f[key] !== undefined) out[key] = f[key];
  }
  if (f.related !== undefined) out['related'] = f.related;
  return out;
}

export function formatJson(result: CheckResult): string {
  const report = {
    version: 1,
    mode: result.mode,
    ok: result.findings.length === 0,
    ...(result.bypass !== undefined ? { bypass: result.bypass } : {}),
    findings: result.findings.map(jsonFinding),
    warnings: result.warnings.map(jsonFinding),
    stats: {
      files_scanned: result.stats.filesScanned,
      manifests_checked: result.stats.manifestsChecked,
      duration_ms: result.stats.durationMs,
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
