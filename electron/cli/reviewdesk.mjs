#!/usr/bin/env node
// The `reviewdesk` command run from its TypeScript sources through tsx, as the tests do: what a change does
// before any build. The installed command (package.json's bin) is the compiled out/cli/reviewdesk.js
// (electron/cli/bundle.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
