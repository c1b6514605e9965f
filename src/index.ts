// Library entry: run a check from code (editor integrations, custom CI steps).
export { runCheck, type CheckOptions, type CheckRun, type Target } from './check/run.js';
export { parseConfig } from './config/load.js';
export { analyzeRust } from './rust/index.js';
export type * from './types.js';
export { UserError } from './errors.js';
