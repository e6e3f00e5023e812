/**
 * End-to-end fixtures: per test, a fresh data folder with the real workspace
 * (real SQLite, real crypto) and the real handler table behind the browser
 * host, opened in Debian's Chromium with the real renderer (out/renderer).
 * Every request of the browser context is routed: only the host's own origin
 * (and data:/blob:) goes through, anything else is recorded and aborted, and
 * the test fails at teardown if anything tried to leave the app. The demo
 * round (identities, dossiers, packages) is generated once per worker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import type { Card } from '../../shared/card.ts';
import type { Envelope } from '../../shared/ipc/contract.ts';
import type { Bundle } from '../../shared/formats.ts';
import type { Identity } from '../../electron/keys/identity.ts';
import { INCOMING_DIR, openWorkspace, type Workspace } from '../../electron/workspace/open.ts';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser.ts';
import { demoRound, importTrusted, packageFor, testHost, type RoundFixture, type TestHost } from '../helpers/workspace.ts';

export const PASSPHRASE = 'correct horse battery staple';
export const EXPERT = { displayName: '测试专家', organisation: '上海某大学', fields: ['集成电路'] };
/** Low scrypt cost: the same code path, fast enough for a test per identity. */
const OPTIONS = { scryptLogN: 10 };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');

export type Locale = 'zh-CN' | 'en';

export interface ReviewDeskApp {
  readonly dataDir: string;
  readonly host: TestHost;
  /** The open workspace (for arranging state through the same handler table, and for checking what was committed). */
  readonly ws: Workspace;
  readonly server: BrowserHost;
  /** Requests that tried to leave the app (recorded and aborted). */
  readonly offsite: string[];
  /** Opens the app as a start would: the host's URL with its token, optionally at a route. */
  open(hash?: string): Promise<void>;
  /** Quits and starts again on the same data folder: new workspace (keys locked again), new host, new token. */
  restart(): Promise<void>;
  /** Creates the expert identity directly through the handler table. */
  createIdentity(): Promise<Card>;
  /** A package of the demo round for this workspace's identity, signed by the round's secretariat (or `signer`). */
  packageBytes(card: Card, signer?: Identity): Promise<Buffer>;
  /** Identity, imported package, pledge, and conflict declarations, all through the handler table. */
  seed(opts?: { pledge?: boolean; conflicts?: Record<string, 'none' | 'recused'> }): Promise<Seeded>;
  /** A temp folder of this test. */
  scratch(name: string): string;
  /** Holds the next call of `channel` at the host, before it reaches the handler, until released. */
  holdNext(channel: string): { arrived: Promise<void>; release: () => void };
}

export interface Seeded {
  card: Card;
  packageId: string;
  bytes: Buffer;
}

export const test = base.extend<{ app: ReviewDeskApp }, { round: RoundFixture }>({
  round: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
        throw new Error(`The renderer is not built (${RENDERER_DIR}): run \`npx vite build\` or \`npm run test:e2e\`.`);
      }
      const dir = mkdtempSync(join(tmpdir(), 'rd-e2e-round-'));
      try {
        await use(await demoRound(join(dir, 'demo')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  app: async ({ page, context, round }, use) => {
    const tmp = mkdtempSync(join(tmpdir(), 'rd-e2e-'));
    const dataDir = join(tmp, 'workspace');
    const offsite: string[] = [];
    let server: BrowserHost | null = null;
    const host = testHost();
    const record = host.emit.bind(host);
    host.emit = (event, payload) => {
      record(event, payload);
      server?.emit(event, payload);
    };
    const holds = new Map<string, { arrive: () => void; gate: Promise<void> }>();
    const dispatch = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
      const hold = holds.get(channel);
      if (hold) {
        holds.delete(channel);
        hold.arrive();
        await hold.gate;
      }
      return ws.call(channel, input);
    };
    let ws = await openWorkspace(dataDir, host, OPTIONS);
    const stageDir = join(dataDir, INCOMING_DIR);
    server = await startBrowserHost({ rendererDir: RENDERER_DIR, dispatch, stageDir });

    const allowed = (url: string): boolean => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === server?.origin;
    context.on('request', (r) => {
      if (!allowed(r.url())) offsite.push(r.url());
    });
    await context.route(
      () => true,
      async (route) => {
        const url = route.request().url();
        if (allowed(url)) return route.continue();
        if (!offsite.includes(url)) offsite.push(url);
        return route.abort('blockedbyclient');
      },
    );

    let card: Card | null = null;
    const app: ReviewDeskApp = {
      dataDir,
      host,
      offsite,
      get ws() {
        return ws;
      },
      get server() {
        return server!;
      },
      async open(hash = '') {
        await page.goto(server!.url + hash);
      },
      async restart() {
        await page.goto('about:blank');
        await server!.close();
        ws.close();
        ws = await openWorkspace(dataDir, host, OPTIONS);
        server = await startBrowserHost({ rendererDir: RENDERER_DIR, dispatch, stageDir });
        await page.goto(server.url);
      },
      async createIdentity() {
        const state = await ws.invoke('identity:create', { ...EXPERT, passphrase: PASSPHRASE });
        if (state.identity.status === 'none') throw new Error('no identity after identity:create');
        card = state.identity.card;
        return card;
      },
      async packageBytes(forCard, signer) {
        const out = join(tmp, `pkg-${Date.now()}-${Math.random().toString(36).slice(2)}.rpkg`);
        const r = await packageFor(round, forCard, out, signer ?? round.secretariat);
        return readFileSync(r.path);
      },
      async seed({ pledge = true, conflicts = { A001: 'none' as const } } = {}) {
        const c = card ?? (await app.createIdentity());
        const bytes = await app.packageBytes(c);
        // As an expert who confirmed the secretariat's fingerprint on the trust screen (test/e2e/trust.spec.ts drives that screen).
        const { packageId } = await importTrusted(ws, 'E01.rpkg', new Uint8Array(bytes));
        if (pledge) await ws.invoke('package:acceptPledge', { packageId });
        const declarations: [string, 'none' | 'recused'][] = pledge ? Object.entries(conflicts) : [];
        for (const [applicationId, status] of declarations) {
          await ws.invoke('review:declareConflict', {
            packageId,
            applicationId,
            status,
            reason: status === 'recused' ? '同一单位 / Same organisation' : '',
          });
        }
        return { card: c, packageId, bytes };
      },
      holdNext(channel) {
        let arrive!: () => void;
        let release!: () => void;
        const arrived = new Promise<void>((r) => (arrive = r));
        const gate = new Promise<void>((r) => (release = r));
        holds.set(channel, { arrive, gate });
        return { arrived, release };
      },
      scratch(name) {
        const d = join(tmp, name);
        mkdirSync(d, { recursive: true });
        return d;
      },
    };

    try {
      await use(app);
    } finally {
      await page.goto('about:blank').catch(() => undefined);
      await server.close();
      ws.close();
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(offsite, 'requests that tried to leave the app').toEqual([]);
  },
});

export { expect };

/** Runs `action` and returns the file it downloads, saved under `dir`. */
export async function downloaded(
  page: Page,
  dir: string,
  action: () => Promise<unknown>,
): Promise<{ name: string; path: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** A 1280×800 screenshot kept as an artifact: test-results/screens/<locale>/<name>.png. */
export async function screen(page: Page, testInfo: TestInfo, locale: Locale, name: string): Promise<string> {
  const path = join(testInfo.project.outputDir, '..', 'screens', locale, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(`${locale}/${name}`, { path, contentType: 'image/png' });
  return path;
}

/**
 * Opens an exported .rsb with the stock tools, as the secretariat would:
 * `age -d` with the secretariat's key, `unzip`, and `ssh-keygen -Y verify`
 * of bundle.json against the expert's card. Returns the verified bundle.
 */
export function verifyWithStockTools(rsb: string, round: RoundFixture, card: Card, dir: string): { bundle: Bundle; verdict: string } {
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, 'bundle.zip');
  execFileSync('age', ['-d', '-i', join(round.dir, 'secretariat', 'age-identity.txt'), '-o', zip, rsb]);
  execFileSync('unzip', ['-o', '-q', zip, '-d', dir]);
  writeFileSync(join(dir, 'allowed_signers'), `expert namespaces="reviewdesk-scores" ${card.sshPublicKey}\n`);
  const json = readFileSync(join(dir, 'bundle.json'));
  const verdict = execFileSync(
    'ssh-keygen',
    ['-Y', 'verify', '-f', join(dir, 'allowed_signers'), '-I', 'expert', '-n', 'reviewdesk-scores', '-s', join(dir, 'bundle.json.sig')],
    { input: json },
  ).toString();
  return { bundle: JSON.parse(json.toString('utf8')) as Bundle, verdict };
}
