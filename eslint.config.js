import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './.eslint/rules/layers.js';

/*
 * The layers, lowest first (the one place they are written down; README's Layout points here).
 * A file may import its own folder and the folders of the levels below its own: never a folder
 * of a higher level, nor another folder of its own level. Enforced by `layers/imports`
 * (.eslint/rules/layers.js) on every import, re-export, require(), import() and
 * `new URL('./worker', import.meta.url)`; test/unit/lint-layers.test.ts shows each refusal.
 *
 * An entry may also be one file (the longest listed prefix wins), for a file whose layer is not
 * its folder's. When the workspace move lands: the workspace's open (it builds the handler table)
 * and the demo workspace (it runs the demo generator) sit above `electron/handlers` and
 * `electron/demo`, so they get their own entries, e.g. ['electron/workspace/open.ts'] after
 * handlers and ['electron/workspace/demo.ts'] after demo.
 */
const NODE_LAYERS = [
  // Pure TypeScript for both processes: contract, formats' schemas, rubric, merge arithmetic.
  ['shared'],
  // Node utilities that know nothing of the domain: durable writes, fault checkpoints,
  // where a worker script is, the CJK fonts for PDFs (electron/pdf/).
  ['electron/fs', 'electron/faults', 'electron/workers', 'electron/pdf'],
  // Byte formats (JSON, ZIP, media types) and cryptography (age, SSHSIG, hashes).
  ['electron/formats', 'electron/crypto'],
  // Identities and cards (keys/card.ts is the check db/identity.ts stores by).
  ['electron/keys'],
  // The workspace database: migrations, statements.
  ['electron/db'],
  // The workspace context: context and session, host interface, lock, store, layout, the audited write.
  ['electron/workspace'],
  // The domain, lowest first: site visits (checklist answers and photos, which a score bundle carries);
  // rounds, score bundles, review edits; the packages built from a round; the merge of a round's bundles.
  ['electron/visits'],
  ['electron/rounds', 'electron/bundles', 'electron/review', 'electron/rubrics'],
  ['electron/packages'],
  ['electron/merge'],
  // The round's issue sheet (drawn with the summary sheet's layout) and the expert's printed site-visit record
  // (drawn as the merge's 现场考察记录表); then the secretariat's round in the app (it packs, and hands the new
  // ledger to the merge).
  ['electron/rounds/issue-sheet.ts', 'electron/visits/sheet.ts'],
  ['electron/rounds/workspace.ts'],
  // Opening the workspace database: unlock, then the sweep of what a crash left (it reconciles
  // exports/ with its records, so it stands above the domain it sweeps for).
  ['electron/workspace/sweep.ts'],
  ['electron/workspace/unlock.ts'],
  // The handler table: registry and one thin file per domain.
  ['electron/handlers'],
  // Opening a workspace: its lock, store and the handler table bound to it.
  ['electron/workspace/open.ts'],
  // The demo round and filled demo workspaces, made through the real handler table.
  ['electron/demo'],
  // What the hosts open: the workspace, prepared on the bundled demo round when empty.
  ['electron/workspace/demo.ts'],
  ['electron/workspace/hosted.ts'],
  // Hosts serving the handler table: Electron's IPC glue, the browser host.
  ['electron/host'],
  // Entry points: the desktop app (the only importer of `electron`) and the command line.
  ['electron/app', 'electron/cli'],
];

/** The renderer stands on shared/ alone; it reaches the Node side only through renderer/api. */
const RENDERER_LAYERS = [['shared'], ['renderer']];

/** Packages shared/ may use: pure JavaScript that runs in Node and in the browser. */
const SHARED_PACKAGES = ['zod', '@scure/base', 'canonicalize'];

/** Packages and built-ins by folder (the longest matching folder wins). */
const ZONES = [
  { folder: 'shared', node: false, packages: SHARED_PACKAGES },
  {
    folder: 'renderer',
    node: false,
    packages: [
      ...SHARED_PACKAGES,
      'react',
      'react-dom',
      '@mantine/*',
      '@tabler/icons-react',
      'zustand',
      'i18next',
      'react-i18next',
      'pdfjs-dist',
    ],
  },
  { folder: 'electron/app', node: true, packages: '*' },
  { folder: 'electron', node: true, packages: '*', except: [{ name: 'electron', why: 'only electron/app/ imports electron' }] },
];

/**
 * Imports that break the layers today and are being removed by work under way (file → imported
 * paths). Each entry is checked: one its file no longer makes is an error, so drop it then.
 */
const PENDING = {};

export const layerOptions = {
  root: import.meta.dirname,
  stacks: { node: NODE_LAYERS, renderer: RENDERER_LAYERS },
  zones: ZONES,
  pending: PENDING,
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'tmp', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**', 'renderer/**', 'electron/**'],
    plugins: { layers: { rules: { imports: layers } } },
    rules: { 'layers/imports': ['error', layerOptions] },
  },
  {
    // Hooks in a fixed order, effects and memos that name everything they read, and (two of the React Compiler's
    // rules) no ref read or written during render and no value mutated after an effect captured it. The compiler's
    // set-state-in-effect is left off: four form resets still set state in an effect.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/refs': 'error',
      'react-hooks/immutability': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { exports: 'writable', module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
