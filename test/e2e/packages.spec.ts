/**
 * Opening review packages: refusals that show their code and change nothing,
 * the file dialog, drag-and-drop, and the trust question before the first
 * package of a secretariat key opens (test/e2e/trust.spec.ts goes further).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { otherSecretariat } from '../helpers/workspace.ts';
import { expect, test } from './fixtures.ts';
import { PackageHomePage } from './pages/PackageHomePage.ts';
import { PackagesPage } from './pages/PackagesPage.ts';

test('refuses a package for another expert and a damaged one, then opens one from the file dialog', async ({ app, page, round }) => {
  const card = await app.createIdentity();
  await app.open('#/packages');
  const packages = new PackagesPage(page);
  await expect(packages.none).toBeVisible();

  // E02's package is encrypted to another expert: this identity's key cannot open it.
  await packages.choose('E02.rpkg', readFileSync(join(round.dir, 'packages', 'E02.rpkg')));
  await expect(packages.importError).toHaveAttribute('data-error-code', 'E_WRONG_KEY');
  await expect(packages.importError).toContainText('E02.rpkg');

  // One flipped bit in the encrypted payload.
  const good = await app.packageBytes(card);
  const damaged = Buffer.from(good);
  damaged[damaged.length - 100]! ^= 1;
  await packages.choose('damaged.rpkg', damaged);
  await expect(packages.importError).toHaveAttribute('data-error-code', 'E_AGE_PAYLOAD');
  await expect(packages.none).toBeVisible();
  expect((await app.ws.invoke('app:state', {})).packages).toEqual([]);

  await packages.choose('E01.rpkg', good);
  // The round's secretariat is new to this expert: its fingerprint is confirmed first.
  await expect(packages.trustFingerprint).toHaveAttribute('data-fingerprint', round.secretariat.card.fingerprint);
  await packages.trustAccept.click();
  await expect(packages.importSuccess).toBeVisible();
  await expect(packages.importError).toHaveCount(0);
  const [summary] = (await app.ws.invoke('app:state', {})).packages;
  expect(summary).toMatchObject({ fileName: 'E01.rpkg', signer: { fingerprint: round.secretariat.card.fingerprint } });
  await expect(packages.cards).toHaveCount(1);
  await expect(packages.card(summary!.packageId)).toBeVisible();
  await packages.openImported.click();
  await expect(page).toHaveURL(new RegExp(`#/p/${summary!.packageId}$`));
  await expect(new PackageHomePage(page).pledge).toBeVisible();
});

test('opens a package dropped on the window once its signer is accepted; another key signing the same round asks again', async ({
  app,
  page,
  round,
}) => {
  const card = await app.createIdentity();
  await app.open('#/packages');
  const packages = new PackagesPage(page);
  await packages.drop('E01.rpkg', await app.packageBytes(card));
  await expect(packages.trustPrompt).toBeVisible();
  await packages.trustAccept.click();
  await expect(packages.importSuccess).toBeVisible();
  await expect(packages.cards).toHaveCount(1);

  // The same round, signed by a key (and an organisation) the expert has never seen: the round id vouches for nothing.
  const other = await otherSecretariat('另一个组织单位');
  const resigned = await app.packageBytes(card, other);
  await packages.drop('E01-new.rpkg', resigned);
  await expect(packages.trustFingerprint).toHaveAttribute('data-fingerprint', other.card.fingerprint);
  await expect(packages.trustLabels).toContainText('另一个组织单位');
  await expect(packages.importSuccess).toHaveCount(0);
  expect((await app.ws.invoke('app:state', {})).packages).toHaveLength(1);

  await packages.trustRefuse.click();
  await expect(packages.trustPrompt).toHaveCount(0);
  await expect(packages.trustRefused).toContainText('E01-new.rpkg');
  await expect(packages.cards).toHaveCount(1);
  const signers = (await app.ws.invoke('app:state', {})).packages.map((p) => p.signer.fingerprint);
  expect(signers).toEqual([round.secretariat.card.fingerprint]);
  expect(await app.ws.invoke('trust:list', {})).toHaveLength(1);
});
