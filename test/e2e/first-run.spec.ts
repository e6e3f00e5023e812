/**
 * First run in the browser host (no OS keychain there): the passphrase is
 * required, the identity is created, its card and fingerprint are shown and
 * card.json downloads as the secretariat will receive it. Also checks that
 * the network guard of the fixtures really catches a request leaving the app.
 */
import { EXPERT, PASSPHRASE, downloaded, expect, test } from './fixtures.ts';
import { FirstRunPage } from './pages/FirstRunPage.ts';
import { PackagesPage } from './pages/PackagesPage.ts';

test('first run: creates a passphrase-protected identity, shows its card and exports card.json', async ({ app, page }) => {
  await app.open();
  const first = new FirstRunPage(page);
  await expect(first.keychainUnavailable).toBeVisible();

  // A mismatched confirmation is refused in the form; nothing is created.
  await first.fill({ ...EXPERT, name: EXPERT.displayName, passphrase: PASSPHRASE, confirm: 'something else' });
  await first.create.click();
  await expect(first.confirm).toHaveAttribute('data-invalid', 'true');
  expect((await app.ws.invoke('app:state', {})).identity).toEqual({ status: 'none' });

  await first.confirm.fill(PASSPHRASE);
  await first.create.click();
  await expect(first.card).toBeVisible();
  const state = await app.ws.invoke('app:state', {});
  expect(state.identity).toMatchObject({ status: 'unlocked', protection: 'passphrase' });
  if (state.identity.status === 'none') throw new Error('no identity');
  const card = state.identity.card;
  expect(card).toMatchObject({ role: 'expert', displayName: EXPERT.displayName, organisation: EXPERT.organisation, fields: EXPERT.fields });
  await expect(first.cardName).toHaveText(EXPERT.displayName);
  // The fingerprint is shown in groups for reading aloud; the characters are the card's.
  await expect(first.fingerprint).toHaveAttribute('data-fingerprint', card.fingerprint);
  expect((await first.fingerprint.innerText()).replace(/\s+/g, '')).toBe(card.fingerprint.replace(/-/g, ''));

  const file = await downloaded(page, app.scratch('card'), () => first.exportCard.click());
  expect(file.name).toBe(`${EXPERT.displayName}-${card.fingerprint}.card.json`);
  expect(JSON.parse(file.bytes.toString('utf8'))).toEqual(card);

  await first.continue.click();
  await expect(page).toHaveURL(/#\/packages$/);
  await expect(new PackagesPage(page).none).toBeVisible();
});

test('the network guard records and aborts a request that leaves the app', async ({ app, page }) => {
  await app.open();
  await expect(new FirstRunPage(page).name).toBeVisible();
  const outside = 'http://198.51.100.7/collect';
  await expect(page.goto(outside)).rejects.toThrow();
  expect(app.offsite).toEqual([outside]);
  // Found, so this test's own teardown check passes.
  app.offsite.length = 0;
});
