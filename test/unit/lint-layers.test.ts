/**
 * The layers are lint rules: each forbidden import below fails `npm run lint`
 * (the repository's own eslint.config.js, layers/imports), and its allowed
 * counterpart passes. Snippets are linted as if they sat in each folder
 * (ESLint's lintText with a virtual filePath); type-aware rules are switched
 * off for this one instance, since a virtual file is in no tsconfig project.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let eslint: ESLint;
/** The rule's options as eslint.config.js gives them. */
let layerOptions: { stacks: Record<string, string[][]>; pending: Record<string, string[]> };

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }] });
  const config = (await eslint.calculateConfigForFile(join(root, 'electron/db/open.ts'))) as {
    rules: Record<string, [unknown, typeof layerOptions]>;
  };
  layerOptions = config.rules['layers/imports']![1];
});

/** The layers/imports messages for `code` placed at `filePath`; any parse error fails. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  const fatal = result!.messages.filter((m) => m.fatal || m.ruleId === null);
  expect(fatal, `${filePath}: ${fatal.map((m) => m.message).join('; ')}`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.messageId ?? m.message);
}

const forbidden: [file: string, code: string, messageId: string][] = [
  ['shared/x.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;", 'builtin'],
  ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'builtin'],
  ['shared/x.ts', "import { readFile } from 'fs/promises';\nexport const r = readFile;", 'builtin'],
  ['shared/x.ts', "export { join } from 'path';", 'builtin'],
  ['shared/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;", 'package'],
  ['shared/x.ts', "import type { Database } from 'better-sqlite3-multiple-ciphers';\nexport type D = Database;", 'package'],
  ['shared/x.ts', "import sodium from 'sodium-native';\nexport const s = sodium;", 'package'],
  ['shared/x.ts', "import { Command } from 'commander';\nexport const c = Command;", 'package'],
  ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;", 'package'],
  ['shared/x.ts', "export * from '../electron/formats/json.ts';", 'upward'],
  ['shared/review/x.ts', "import { t } from '../../renderer/i18n/index.ts';\nexport const x = t;", 'upward'],
  ['renderer/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;", 'package'],
  ['renderer/x.ts', "import { join } from 'node:path';\nexport const j = join;", 'builtin'],
  ['renderer/lib/x.ts', "import { join } from 'path';\nexport const j = join;", 'builtin'],
  ['renderer/x.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", 'package'],
  ['renderer/x.ts', "import { dispatch } from '../electron/handlers/registry.ts';\nexport const d = dispatch;", 'apart'],
  ['renderer/lib/x.ts', "export const load = () => import('../../electron/db/open.ts');", 'apart'],
  ['electron/db/x.ts', "import { app } from 'electron';\nexport const a = app;", 'denied'],
  ['electron/host/x.ts', "import { safeStorage } from 'electron';\nexport const s = safeStorage;", 'denied'],
  ['electron/crypto/x.ts', "import { dispatch } from '../handlers/registry.ts';\nexport const d = dispatch;", 'upward'],
  ['electron/crypto/x.cjs', "module.exports = require('../handlers/index.ts');", 'upward'],
  ['electron/crypto/x.ts', "export const w = new URL('../merge/open-worker.ts', import.meta.url);", 'upward'],
  ['electron/db/x.ts', "import type { Context } from '../workspace/context.ts';\nexport type C = Context;", 'upward'],
  ['electron/db/x.ts', "export const h = () => import('../host/browser.ts');", 'upward'],
  ['electron/db/x.ts', "import { x } from '../../renderer/api/index.ts';\nexport const y = x;", 'apart'],
  ['electron/formats/x.ts', "import { sha256Hex } from '../crypto/hash.ts';\nexport const h = sha256Hex;", 'upward'],
  ['electron/review/x.ts', "import type { Context } from '../handlers/context.ts';\nexport type C = Context;", 'upward'],
  ['electron/merge/x.ts', "import { findCjkFont } from '../demo/pdf.ts';\nexport const f = findCjkFont;", 'upward'],
  ['electron/packages/x.ts', "import { buildLedger } from '../merge/ledger.ts';\nexport const b = buildLedger;", 'upward'],
  ['electron/handlers/x.ts', "import { startBrowserHost } from '../host/start-browser.ts';\nexport const s = startBrowserHost;", 'upward'],
  ['electron/cli/x.ts', "import { IPC } from '../app/ipc-names.ts';\nexport const i = IPC;", 'upward'],
  ['electron/db/x.ts', "import { x } from '../../test/helpers/x.ts';\nexport const y = x;", 'outside'],
  ['electron/x.ts', 'export const x = 1;', 'unplaced'],
  // The workspace context sits below the domain and the handlers; only its open (a level of its own) binds the table.
  ['electron/workspace/x.ts', "import { createHandlers } from '../handlers/index.ts';\nexport const c = createHandlers;", 'upward'],
  ['electron/workspace/x.ts', "import { openWorkspace } from './open.ts';\nexport const o = openWorkspace;", 'upward'],
  ['electron/workspace/x.ts', "import { mergeState } from '../merge/workspace.ts';\nexport const m = mergeState;", 'upward'],
  ['electron/workspace/sweep.ts', "import { createHandlers } from '../handlers/index.ts';\nexport const c = createHandlers;", 'upward'],
];

const allowed: [file: string, code: string][] = [
  [
    'electron/workspace/open.ts',
    "import { createHandlers } from '../handlers/index.ts';\nimport { Session } from './context.ts';\nexport const x = [createHandlers, Session];",
  ],
  [
    'electron/review/x.ts',
    "import type { Context } from '../workspace/context.ts';\nimport { auditedWrite } from '../workspace/audit.ts';\nexport const a = auditedWrite;\nexport type C = Context;",
  ],
  ['shared/x.ts', "import { z } from 'zod';\nimport { base64 } from '@scure/base';\nexport const s = [z, base64];"],
  [
    'shared/x.ts',
    "import { ReviewDeskError } from './errors.ts';\nexport { progress } from './review/progress.ts';\nexport const e = ReviewDeskError;",
  ],
  ['shared/review/x.ts', "import type { Rubric } from '../rubric/model.ts';\nexport type R = Rubric;"],
  [
    'renderer/x.tsx',
    "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { Button } from '@mantine/core';\nimport { LineChart } from '@mantine/charts';\nimport { create } from 'zustand';\nexport const x = [useState, createRoot, Button, LineChart, create];",
  ],
  [
    'renderer/lib/x.ts',
    "import worker from 'pdfjs-dist/build/pdf.worker.min.mjs?url';\nimport { ReviewDeskError } from '../../shared/errors.ts';\nimport { api } from '../api/index.ts';\nexport const x = [worker, ReviewDeskError, api];",
  ],
  [
    'electron/db/x.ts',
    "import Database from 'better-sqlite3-multiple-ciphers';\nimport { readFileSync } from 'node:fs';\nimport { checkCard } from '../keys/card.ts';\nexport const x = [Database, readFileSync, checkCard];",
  ],
  [
    'electron/app/x.ts',
    "import { app } from 'electron';\nimport { dispatch } from '../handlers/registry.ts';\nimport { staticFiles } from '../host/static.ts';\nexport const x = [app, dispatch, staticFiles];",
  ],
  ['electron/app/x.cjs', "module.exports = require('electron/package.json').version;"],
  [
    'electron/handlers/x.ts',
    "import { applyEdit } from '../review/edit.ts';\nimport { openDb } from '../db/open.ts';\nexport const x = [applyEdit, openDb];",
  ],
  [
    'electron/workspace/x.ts',
    "import { openDb } from '../db/open.ts';\nimport { durableWrite } from '../fs/durable.ts';\nexport const x = [openDb, durableWrite];",
  ],
  [
    'electron/crypto/x.ts',
    "import { unpacked } from '../workers/locate.ts';\nexport const w = unpacked(new URL('./payload-worker.cjs', import.meta.url));",
  ],
  [
    'electron/merge/x.ts',
    "import { verifyBundle } from '../bundles/verify.ts';\nimport type { PackResult } from '../packages/pack.ts';\nexport const v = verifyBundle;\nexport type P = PackResult;",
  ],
  [
    'electron/cli/x.ts',
    "import { Command } from 'commander';\nimport { mergeRound } from '../merge/merge.ts';\nexport const x = [Command, mergeRound];",
  ],
];

describe('layers/imports', () => {
  it.each(forbidden)('refuses in %s: %s', async (file, code, messageId) => {
    expect(await layerErrors(file, code)).toEqual([messageId]);
  });

  it.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('reports a pending entry whose import is gone', async () => {
    // None is pending today; an instance with one shows that a stale entry cannot stay.
    const withPending = new ESLint({
      cwd: root,
      overrideConfig: [
        { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked },
        {
          files: ['electron/**'],
          rules: { 'layers/imports': ['error', { ...layerOptions, pending: { 'electron/db/open.ts': ['electron/handlers/index.ts'] } }] },
        },
      ],
    });
    const [result] = await withPending.lintText("import { z } from 'zod';\nexport const s = z;", {
      filePath: join(root, 'electron/db/open.ts'),
    });
    expect(result!.messages.map((m) => m.messageId)).toContain('stale');
    expect(Object.keys(layerOptions.pending)).toEqual([]);
  });

  it('places every source folder of electron/ in a layer, and names only files that exist as pending', () => {
    const layered = Object.values(layerOptions.stacks).flat(2);
    const folders = readdirSync(join(root, 'electron')).filter((f) => statSync(join(root, 'electron', f)).isDirectory());
    for (const f of folders) expect(layered, `electron/${f} is in no layer of eslint.config.js`).toContain(`electron/${f}`);
    for (const top of ['shared', 'renderer']) expect(layered).toContain(top);
    for (const [file, targets] of Object.entries(layerOptions.pending)) {
      for (const p of [file, ...targets]) expect(existsSync(join(root, p)), `${relative(root, join(root, p))} does not exist`).toBe(true);
    }
  });
});
