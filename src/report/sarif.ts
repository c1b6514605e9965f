// SARIF 2.1.0 output, shaped for GitHub code scanning (`--format sarif`).
//
// GitHub rejects the whole upload when a single result has no physical
// location, so every result gets one (see locations.ts). Rule texts come from
// the finding catalogue; a finding of a `--since` range names the commit that
// introduced it in its properties.

import { createRequire } from 'node:module';
import type { BannedClass, CheckResult, Config, Finding, FindingKind } from '../types.js';
import { CATALOGUE, FINDING_KINDS, ruleIdOf } from '../findings/catalogue.js';
import { configRelativePath, findClass, resolveLocation, validLine, type ReportOptions } from './locations.js';
import { escapeVisibly, safeJson } from './safeText.js';
import { isBlocking } from '../findings/blocking.js';

export type { ReportOptions } from './locations.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
export const SRCROOT = '%SRCROOT%';

/** Every kind that is not a banned-api class rule, in rule order. */
export const OTHER_KINDS = FINDING_KINDS.filter((k) => k !== 'banned-api');

/**
 * Percent-encodes a repo-relative path into a relative URI reference: keeps
 * `/`, unreserved characters and sub-delimiters; encodes everything else
 * (space, `%`, `#`, `?`, `:`, `\`, controls, non-ASCII as UTF-8). Lone
 * surrogates become U+FFFD rather than throwing.
 */
export function encodeUriPath(path: string): string {
  const bytes = new TextEncoder().encode(path);
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (b < 0x80 && /[A-Za-z0-9\-._~!$&'()*+,;=@/]/.test(ch)) {
      out += ch;
    } else {
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// SARIF document

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface RuleEntry {
  id: string;
  descriptor: JsonObject;
}

function classRule(cls: BannedClass | undefined, name: string | undefined, configPath: string): RuleEntry {
  const id = name !== undefined ? `banned-api/${name}` : 'banned-api';
  const label = name !== undefined ? `"${name}"` : 'banned';
  const reason = cls?.reason !== undefined && cls.reason !== '' ? cls.reason : 'This host API is banned outside its chokepoints.';
  const useInstead = cls?.useInstead !== undefined && cls.useInstead !== '' ? cls.useInstead : undefined;
  const full = useInstead !== undefined ? `${reason} Route through ${useInstead}.` : reason;
  const needles = cls?.needles ?? [];
  const needleText = needles.length > 0 ? `\n\nNeedles: ${needles.join(', ')}` : '';
  const needleMd = needles.length > 0 ? `\n\nNeedles: ${needles.map((n) => `\`${n}\``).join(', ')}` : '';
  const helpText =
    `${reason}${needleText}\n\nTwo ways out:\n` +
    `1. Route the access through ${useInstead ?? 'a reviewed chokepoint module'}` +
    `${useInstead !== undefined ? ' (the sanctioned chokepoint)' : ''}.\n` +
    `2. If this file is itself a chokepoint, add an allowlist entry for its path to the ${label} class, with a reason, in ${configPath}.`;
  const helpMd =
    `${reason}${needleMd}\n\n**Two ways out:**\n\n` +
    `1. Route the access through ${useInstead !== undefined ? `\`${useInstead}\` (the sanctioned chokepoint)` : 'a reviewed chokepoint module'}.\n` +
    `2. If this file is itself a chokepoint, add an allowlist entry for its path to the ${label} class, with a reason, in \`${configPath}\`.`;
  const properties: JsonObject = { tags: ['security', 'chokepoint'], kind: 'banned-api' };
  if (name !== undefined) properties['class'] = name;
  if (useInstead !== undefined) properties['useInstead'] = useInstead;
  return {
    id,
    descriptor: {
      id,
      name: name !== undefined ? `BannedApi/${name}` : 'BannedApi',
      shortDescription: { text: `Banned host API (${name ?? 'unknown class'}) outside its chokepoint` },
      fullDescription: { text: full },
      help: { text: helpText, markdown: helpMd },
      defaultConfiguration: { level: 'error' },
      properties,
    },
  };
}

function kindRule(kind: FindingKind): RuleEntry {
  const t = CATALOGUE[kind];
  const name = kind
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return {
    id: kind,
    descriptor: {
      id: kind,
      name,
      shortDescription: { text: t.title },
      fullDescription: { text: t.description },
      help: { text: `${t.description}\n\n${t.fix}`, markdown: `${t.description}\n\n**Fix:** ${t.fix}` },
      defaultConfiguration: { level: t.severity },
      properties: { tags: ['chokepoint'], kind },
    },
  };
}

// node:crypto loads on first use: the CLI is one bundle whose static imports
// all load at start, and this one would cost every pre-commit check.
const lazyRequire = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
function loadCrypto(): typeof import('node:crypto') {
  crypto ??= lazyRequire('node:crypto') as typeof import('node:crypto');
  return crypto;
}

/** Line-independent identity of a finding; `:<n>` tells repeated ones apart. */
function fingerprintHash(finding: Finding, ruleId: string): string {
  const h = loadCrypto().createHash('sha256');
  for (const part of [ruleId, finding.path ?? '', finding.needle ?? '', finding.dependency ?? '', finding.table ?? '']) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 32);
}

function resultMessage(finding: Finding, config: Config): string {
  const base = finding.message !== '' ? finding.message : ruleIdOf(finding);
  const reason = finding.kind === 'banned-api' ? findClass(config, finding.class)?.reason : undefined;
  const withReason = reason === undefined || reason === '' || base.includes(reason) ? base : `${base} (${reason})`;
  return escapeVisibly(withReason + introducedText(finding));
}

/** ` Introduced by <commit> (bypass recorded: "…").` for a finding of a `--since` range. */
function introducedText(finding: Finding): string {
  const by = finding.introducedBy;
  if (by === undefined) return '';
  return ` Introduced by commit ${by.commit}${by.bypass !== null ? ` with a recorded bypass: ${JSON.stringify(by.bypass)}` : ', with no recorded bypass'}.`;
}

/**
 * Formats a check result as a SARIF 2.1.0 log (JSON text, newline-terminated)
 * with one run. Errors (`result.findings`) get level "error", warnings
 * "warning". A bypass is recorded on the invocation (property `bypass` and a
 * warning notification); the results are kept and not suppressed, since a
 * bypass lets a commit through without making the code acceptable.
 */
export function formatSarif(
  result: CheckResult,
  config: Config,
  toolVersion: string,
  options: ReportOptions = {},
): string {
  const configPath = configRelativePath(config, options);

  // Rules: one per configured class, then every other kind; classes that
  // appear only in findings (not configured) are appended as met.
  const rules: RuleEntry[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (r: RuleEntry): number => {
    const existing = ruleIndex.get(r.id);
    if (existing !== undefined) return existing;
    rules.push(r);
    ruleIndex.set(r.id, rules.length - 1);
    return rules.length - 1;
  };
  for (const cls of config.classes) addRule(classRule(cls, cls.name, configPath));
  for (const kind of OTHER_KINDS) addRule(kindRule(kind));

  const occurrences = new Map<string, number>();
  const results: JsonObject[] = [];
  const emit = (finding: Finding, level: 'error' | 'warning', suppressed = false): void => {
    const ruleId = ruleIdOf(finding);
    const index =
      ruleIndex.get(ruleId) ??
      addRule(
        finding.kind === 'banned-api'
          ? classRule(findClass(config, finding.class), finding.class, configPath)
          : kindRule(finding.kind),
      );

    const loc = resolveLocation(finding, config, options, true);
    const region: JsonObject = { startLine: loc?.line ?? 1 };
    if (loc?.column !== undefined) region['startColumn'] = loc.column;
    if (loc?.endColumn !== undefined) region['endColumn'] = loc.endColumn;
    const locations: Json[] =
      loc === undefined
        ? []
        : [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUriPath(loc.path), uriBaseId: SRCROOT },
                region,
              },
            },
          ];

    const properties: JsonObject = { kind: finding.kind };
    if (finding.class !== undefined) properties['class'] = finding.class;
    if (finding.needle !== undefined) properties['needle'] = finding.needle;
    if (finding.dependency !== undefined) properties['dependency'] = finding.dependency;
    if (finding.table !== undefined) properties['table'] = finding.table;
    if (loc?.inConfig === true && finding.path !== undefined) properties['path'] = finding.path;
    if (finding.introducedBy !== undefined) properties['introducedBy'] = { commit: finding.introducedBy.commit, bypass: finding.introducedBy.bypass };

    const hash = fingerprintHash(finding, ruleId);
    const n = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, n);

    if (finding.chain !== undefined) properties['chain'] = finding.chain;
    const entry: JsonObject = {
      ruleId,
      ruleIndex: index,
      level,
      message: { text: resultMessage(finding, config) },
      locations,
      partialFingerprints: { 'chokepointFinding/v1': `${hash}:${n}` },
      properties,
      // Baselined and pre-existing findings stay visible, marked as accepted elsewhere.
      ...(suppressed ? { suppressions: [{ kind: 'external' }] } : {}),
      // A recorded bypass the policy accepts (check --since): suppressed in source, with its reason.
      ...(!suppressed && !isBlocking(finding, result) && finding.introducedBy?.bypass != null
        ? { suppressions: [{ kind: 'inSource', justification: escapeVisibly(finding.introducedBy.bypass) }] }
        : {}),
    };
    if (finding.related?.length) {
      entry['relatedLocations'] = finding.related.map((r, id) => {
        const relatedRegion: JsonObject = { startLine: validLine(r.line) ?? 1 };
        if (validLine(r.line) !== undefined && validLine(r.column) !== undefined) relatedRegion['startColumn'] = r.column!;
        return { id, message: { text: escapeVisibly(r.message) }, physicalLocation: { artifactLocation: { uri: encodeUriPath(r.path), uriBaseId: SRCROOT }, region: relatedRegion } };
      });
    }
    results.push(entry);
  };
  for (const f of result.findings) emit(f, 'error');
  for (const f of result.warnings) emit(f, 'warning');
  for (const f of result.baselined ?? []) emit(f, 'error', true);
  for (const f of result.preExisting ?? []) emit(f, 'error', true);

  const invocationProps: JsonObject = {
    mode: result.mode,
    filesScanned: result.stats.filesScanned,
    manifestsChecked: result.stats.manifestsChecked,
    durationMs: result.stats.durationMs,
  };
  const invocation: JsonObject = { executionSuccessful: true, properties: invocationProps };
  if (result.bypass !== undefined) {
    invocationProps['bypass'] = result.bypass;
    invocation['toolExecutionNotifications'] = [
      {
        level: 'warning',
        message: {
          text: escapeVisibly(`The check was bypassed (reason: ${result.bypass}); the findings below were reported but did not block.`),
        },
        descriptor: { id: 'bypass' },
      },
    ];
  }

  const driver: JsonObject = {
    name: 'chokepoint',
    rules: rules.map((r) => r.descriptor),
  };
  if (toolVersion !== '') {
    driver['version'] = toolVersion;
    if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(toolVersion)) driver['semanticVersion'] = toolVersion;
  }

  const log: JsonObject = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver },
        invocations: [invocation],
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The root of the git repository (paths are repo-relative).' } },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return safeJson(log, 2) + '\n';
}
