#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, scripts) through tsx: node electron/cli/run-ts.mjs FILE [ARGS…]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts.mjs FILE [ARGS…]');
  process.exit(2);
}
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
