#!/usr/bin/env node
// The `chokepoint` executable. On Node >= 22.1 it turns on Node's own compile
// cache first, so the pre-commit hook does not compile chokepoint again on
// every commit; the cache lives where Node keeps it (NODE_COMPILE_CACHE, by
// default a directory under the OS temporary directory), never in the
// installed package.
import module from 'node:module';
module.enableCompileCache?.();
await import('./cli.js');
