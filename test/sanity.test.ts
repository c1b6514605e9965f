// The sanity rules as functions: what they find, and what they leave alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../src/config/load.js';
import { sanityFindings } from '../src/rules/sanity.js';
import { buildScope } from '../src/scope.js';

const CONFIG = `
[scope]
include = ["src/**/*.rs"]
exclude = ["src/gen/**"]
min_files = 2

[[class]]
name = "fs"
reason = "r"
needles = ["std::fs"]

[[class.allow]]
path = "src/fs.rs"
reason = "the chokepoint"

[[class.allow]]
path = "src/gen/fs.rs"
reason = "generated"

[[class.allow]]
path = "src/gone.rs"
reason = "was here"
`;

test('sanity findings point into the config, and positions are computed only for findings', () => {
  const config = parseConfig(CONFIG, 'chokepoint.toml', '/repo/chokepoint.toml');
  const scope = buildScope(config);
  const census = { paths: new Set(['src/fs.rs', 'src/gen/fs.rs', 'src/lib.rs']), scanned: 2, excluded: 1 };
  const findings = sanityFindings(config, 'chokepoint.toml', scope, census);
  assert.deepEqual(
    findings.map((f) => `${f.kind} ${f.path}:${f.line}`),
    ['dead-allowlist-entry chokepoint.toml:16', 'missing-allowlist-path chokepoint.toml:20'],
  );

  // A clean entry's position is never asked for: computing one parses the
  // config a second time, which an audit of a healthy tree must not pay.
  const entry = config.classes[0]!.allow[0]!;
  Object.defineProperty(entry, 'at', {
    get() {
      throw new Error('position computed for an entry without a finding');
    },
  });
  assert.doesNotThrow(() => sanityFindings(config, 'chokepoint.toml', scope, census));
});
