/**
 * The trust screen, in both languages with screenshots: the first package of
 * a secretariat key shows its fingerprint and nothing of the package opens
 * until the expert accepts; accepted, it opens; a second secretariat claiming
 * the same organisation with another key is refused with both fingerprints;
 * the list of trusted keys, and removing one after confirmation.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openExternalFile } from '../../electron/host/external.ts';
import { otherSecretariat } from '../helpers/workspace.ts';
import { expect, screen, test, type Locale } from './fixtures.ts';
import { PackageHomePage } from './pages/PackageHomePage.ts';
import { PackagesPage } from './pages/PackagesPage.ts';

const PHONE = { 'zh-CN': '电话', en: 'Phone the secretariat' } as const;

for (const locale of ['zh-CN', 'en'] as const satisfies Locale[]) {
  test(`trust screen in ${locale}: fingerprint first, nothing opens until accepted, an impostor key is refused`, async ({
    app,
    page,
    round,
  }, testInfo) => {
    await app.ws.invoke('settings:set', { locale });
    const card = await app.createIdentity();
    await app.open('#/packages');
    const packages = new PackagesPage(page);
    const secretariat = round.secretariat.card;

    await packages.choose('E01.rpkg', await app.packageBytes(card));
    await expect(packages.trustPrompt).toBeVisible();
    // The fingerprint in four groups of four, large, for reading aloud; the card's labels beside it.
    await expect(packages.trustFingerprint).toHaveAttribute('data-fingerprint', secretariat.fingerprint);
    const groups = packages.trustFingerprint.locator('.rd-fingerprint');
    await expect(groups).toHaveText(secretariat.fingerprint.split('-'));
    expect(parseFloat(await groups.first().evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(30);
    await expect(packages.trustPhone).toContainText(PHONE[locale]);
    await expect(packages.trustLabels).toContainText(secretariat.displayName);
    await expect(packages.trustLabels).toContainText(secretariat.organisation);
    await screen(page, testInfo, locale, 'trust-first-package');

    // Nothing of the package is open behind the question: not listed, not kept, no route into it.
    const state = await app.ws.invoke('app:state', {});
    expect(state.packages).toEqual([]);
    expect(await app.ws.invoke('trust:list', {})).toEqual([]);
    await expect(packages.importSuccess).toHaveCount(0);
    await expect(page.getByTestId('package-list')).toHaveCount(0);

    await packages.trustAccept.click();
    await expect(packages.trustPrompt).toHaveCount(0);
    await expect(packages.importSuccess).toBeVisible();
    const [summary] = (await app.ws.invoke('app:state', {})).packages;
    expect(summary!.signer.fingerprint).toBe(secretariat.fingerprint);
    await packages.openImported.click();
    await expect(new PackageHomePage(page).pledge).toBeVisible();

    // Another key whose card claims the same organisation: refused loudly, with both fingerprints.
    await app.open('#/packages');
    const impostor = await otherSecretariat(secretariat.organisation);
    await packages.choose('E01-update.rpkg', await app.packageBytes(card, impostor));
    await expect(packages.trustConflict).toBeVisible();
    await expect(packages.trustConflict).toHaveAttribute('data-error-code', 'E_SECRETARIAT_KEY_CONFLICT');
    await expect(packages.trustConflict).toHaveAttribute('role', 'alert');
    await expect(packages.conflictPinned).toHaveAttribute('data-fingerprint', secretariat.fingerprint);
    await expect(packages.conflictActual).toHaveAttribute('data-fingerprint', impostor.card.fingerprint);
    await expect(packages.trustPrompt).toHaveCount(0);
    expect((await app.ws.invoke('app:state', {})).packages).toHaveLength(1);
    await screen(page, testInfo, locale, 'trust-conflict');

    // The list of trusted keys, reached from the package list; removing one asks, and says its packages stay.
    await packages.trustLink.click();
    await expect(page).toHaveURL(/#\/trust$/);
    const row = page.getByTestId(`pin-${secretariat.fingerprint}`);
    await expect(row).toContainText(secretariat.organisation);
    await expect(page.getByTestId(`pin-packages-${secretariat.fingerprint}`)).toHaveText('1');
    await screen(page, testInfo, locale, 'trust-list');
    await page.getByTestId(`pin-remove-${secretariat.fingerprint}`).click();
    await expect(page.getByTestId('pin-remove-dialog')).toContainText(locale === 'en' ? '1 package' : '1 个评审包');
    await screen(page, testInfo, locale, 'trust-remove');
    await page.getByTestId('pin-remove-confirm').click();
    await expect(page.getByTestId('trust-none')).toBeVisible();
    expect(await app.ws.invoke('trust:list', {})).toEqual([]);
    expect((await app.ws.invoke('app:state', {})).packages).toHaveLength(1);

    // With the pin gone, the next package of that key asks again.
    await app.open('#/packages');
    await packages.choose('E01-again.rpkg', await app.packageBytes(card));
    await expect(packages.trustFingerprint).toHaveAttribute('data-fingerprint', secretariat.fingerprint);
  });
}

test('a package opened from outside the window asks the trust question on whatever screen is open', async ({ app, page, round }) => {
  const card = await app.createIdentity();
  await app.open('#/identity');
  const file = join(app.scratch('outside'), 'E01.rpkg');
  writeFileSync(file, await app.packageBytes(card));
  // What the Electron glue does with a double-clicked file: import through the handler table, push the outcome.
  const outcome = await openExternalFile(file, (channel, input) => app.ws.call(channel, input));
  expect(outcome.pending?.fingerprint).toBe(round.secretariat.card.fingerprint);
  // An event pushed before the tab has connected to the event stream would never reach it.
  await expect.poll(() => app.server.eventStreams()).toBeGreaterThan(0);
  app.server.emit('file:external', outcome);
  const packages = new PackagesPage(page);
  await expect(packages.trustFingerprint).toHaveAttribute('data-fingerprint', round.secretariat.card.fingerprint);
  expect((await app.ws.invoke('app:state', {})).packages).toEqual([]);
  await packages.trustAccept.click();
  await expect(page).toHaveURL(/#\/packages$/);
  await expect(packages.importSuccess).toBeVisible();
  await expect(packages.cards).toHaveCount(1);
});
