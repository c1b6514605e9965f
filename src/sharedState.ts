// State that must be one object per process even where two bundles each carry
// a copy of the module that owns it (the launcher and the CLI): kept on
// globalThis under a registered symbol.

export function sharedState<T>(name: string, create: () => T): T {
  const global = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(name);
  return (global[key] ??= create()) as T;
}
