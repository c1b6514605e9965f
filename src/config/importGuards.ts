// `chokepoint init --from GUARDS.rs`: the importer lives in ./import/, one
// module per concern; this file keeps the public entry points where callers
// already import them.

export { analyzeGuards, entriesNeedingReasons, importGuards, renderConfig, tomlString, type ImportedGuards, type ImportOptions } from './import/index.js';
