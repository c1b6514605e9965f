// What an import finds in a guards test: the analysis's result, which
// render.ts turns into chokepoint.toml.

import type { ClassOut } from './classes.js';

export interface ImportedGuards {
  scope: { include: string[]; exclude: string[]; minFiles?: number; countExcluded?: boolean };
  classes: ClassOut[];
  dependencyRule?: { manifests: string[]; banned: string[] };
}
