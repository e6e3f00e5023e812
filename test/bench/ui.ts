/**
 * The reviewer's screens in Debian's Chromium against the real handlers (the
 * browser host): the review screen ready after opening a package with 40
 * applications, and moving to the next criterion by keyboard. Run by
 * test/bench/run.ts after `vite build`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { INCOMING_DIR, openWorkspace } from '../../electron/workspace/open.ts';
import { startBrowserHost } from '../../electron/host/browser.ts';
import { trustSecretariat } from '../../electron/packages/trust.ts';
import { demoRound, packageFor, testHost } from '../helpers/workspace.ts';

export interface UiResult {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export async function benchUi(): Promise<UiResult[]> {
  const rendererDir = resolve('out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('build the renderer first (npx vite build)');
  const root = mkdtempSync(join(tmpdir(), 'rd-bench-ui-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const round = await demoRound(join(root, 'demo'), 40);
    const ws = await openWorkspace(join(root, 'ws'), testHost(), { scryptLogN: 10 });
    const state = await ws.invoke('identity:create', {
      displayName: '测速专家',
      organisation: '某大学',
      fields: [],
      passphrase: 'bench passphrase',
    });
    if (state.identity.status === 'none') throw new Error('no identity');
    const pkgFile = (await packageFor(round, state.identity.card, join(root, 'p.rpkg'))).path;
    // The expert has confirmed this secretariat's key before: the import is timed, not the trust question.
    trustSecretariat(ws.ctx.db, round.secretariat.card, 'confirmed', new Date().toISOString());
    const server = await startBrowserHost({ rendererDir, dispatch: (c, i) => ws.call(c, i), stageDir: join(ws.ctx.dataDir, INCOMING_DIR) });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });

    // Open: import through the file input, then the package's pledge and first application's review screen.
    // The file goes in by its path, as the reviewer's file dialog gives it (the browser reads it itself);
    // handing Playwright the bytes instead would time Playwright's own transfer of them to the page.
    const t0 = performance.now();
    await page.getByTestId('file-input').setInputFiles(pkgFile);
    await page.getByTestId('import-success').waitFor();
    const importMs = performance.now() - t0;
    const { packages } = await ws.invoke('app:state', {});
    const pid = packages[0]!.packageId;
    await ws.invoke('package:acceptPledge', { packageId: pid });
    const apps = (await ws.invoke('package:get', { packageId: pid })).applications;
    for (const a of apps) await ws.invoke('review:declareConflict', { packageId: pid, applicationId: a.id, status: 'none', reason: '' });
    const t1 = performance.now();
    await page.evaluate(
      (h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h),
      `#/p/${pid}/a/${apps[0]!.id}`,
    );
    await page.getByTestId('criterion-panel').waitFor();
    await page.getByTestId('total').waitFor();
    const readyMs = performance.now() - t1;

    // Next criterion by keyboard: J, until the next criterion is the active one.
    await page.getByTestId('criterion-panel').click({ position: { x: 5, y: 5 } });
    const ids = await page
      .locator('[data-testid^="criterion-"][data-active]')
      .evaluateAll((els) =>
        els
          .map((e) => e.getAttribute('data-testid')!)
          .filter(
            (t) =>
              /^criterion-[A-Za-z0-9._-]+$/.test(t) &&
              t !== 'criterion-tree' &&
              t !== 'criterion-panel' &&
              t !== 'criterion-title' &&
              t !== 'criterion-guidance',
          ),
      );
    // Timed inside the page, from the key event to the next painted frame after the move (no CDP round trip).
    // (A string: this file is type-checked without the DOM library.)
    await page.evaluate(`(() => {
      window.__moves = [];
      document.addEventListener('keydown', (e) => (window.__key = e.timeStamp), true);
      new MutationObserver((records) => {
        if (!records.some((r) => r.target.getAttribute('data-active') === 'true')) return;
        const key = window.__key;
        requestAnimationFrame(() => window.__moves.push(performance.now() - key));
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-active'] });
    })()`);
    for (let i = 1; i < Math.min(ids.length, 30); i++) {
      await page.keyboard.press('j');
      await page.locator(`[data-testid="${ids[i]}"][data-active="true"]`).waitFor();
    }
    await page.waitForTimeout(100);
    const steps = (await page.evaluate('window.__moves')) as number[];
    await server.close();
    ws.close();
    return [
      {
        what: `review screen ready after opening a ${apps.length}-application package (import by the file input ${importMs.toFixed(0)} ms, then the review route)`,
        value: `${(importMs + readyMs).toFixed(0)} ms in all; review screen ${readyMs.toFixed(0)} ms`,
        target: '≤ 1 s after opening',
        ok: importMs + readyMs <= 1000,
      },
      {
        what: `next criterion by keyboard (${steps.length} moves, from the key event to the next painted frame)`,
        value: `p50 ${quantile(steps, 0.5).toFixed(1)} ms, max ${Math.max(...steps).toFixed(1)} ms`,
        target: '≤ 50 ms',
        ok: Math.max(...steps) <= 50,
      },
    ];
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
}
