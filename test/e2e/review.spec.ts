/**
 * The reviewer at work: the confidentiality pledge, conflict declarations and
 * a recusal, scoring a whole application from the keyboard alone (with the
 * comment rules), "saved" only after the commit, history and restore, the
 * language switch, reopening where the reviewer was, and the dossier viewer.
 */
import { PASSPHRASE, expect, test } from './fixtures.ts';
import { PackageHomePage } from './pages/PackageHomePage.ts';
import { ReviewPage } from './pages/ReviewPage.ts';
import { pick } from '../../shared/i18n-text.ts';

test('the pledge comes first; a recusal needs a reason and locks the application', async ({ app, page }) => {
  const { packageId } = await app.seed({ pledge: false });
  await app.open(`#/p/${packageId}`);
  const home = new PackageHomePage(page);
  await expect(home.pledge).toBeVisible();
  await expect(home.applications).toHaveCount(0);
  await expect(home.pledgeAccept).toBeDisabled();
  await home.pledgeRead.check();
  await home.pledgeAccept.click();
  await expect(home.applications).toBeVisible();
  expect((await app.ws.invoke('package:get', { packageId })).summary.pledgeAcceptedAt).not.toBeNull();

  await expect(home.application('A001')).toHaveAttribute('data-conflict', 'undeclared');
  await expect(home.review('A001')).toHaveCount(0);

  await home.recuse('A002', 'relative', '申报单位负责人为本人亲属');
  await expect(page.getByTestId('recused-A002')).toBeVisible();
  await expect(home.application('A002')).toHaveAttribute('data-conflict', 'recused');
  await expect(home.review('A002')).toHaveCount(0);
  const a2 = await app.ws.invoke('review:get', { packageId, applicationId: 'A002' });
  expect(a2.conflict).toMatchObject({ status: 'recused', reason: '亲属关系 / Family relationship: 申报单位负责人为本人亲属' });

  // The locked application cannot be opened for review, even by its address.
  await page.goto(`${app.server.origin}/#/p/${packageId}/a/A002`);
  await expect(page.getByTestId('review-blocked')).toBeVisible();
  await expect(page.getByTestId('criterion-tree')).toHaveCount(0);

  await page.goto(`${app.server.origin}/#/p/${packageId}`);
  await home.declareNone('A001');
  await expect(home.application('A001')).toHaveAttribute('data-conflict', 'none');
  await home.review('A001').click();
  await expect(page.getByTestId('criterion-tree')).toBeVisible();
});

test('scores a whole application from the keyboard alone; comment rules show and are validated; "saved" only after the commit', async ({
  app,
  page,
}) => {
  const { packageId } = await app.seed();
  const ref = { packageId, applicationId: 'A001' };
  await app.open(`#/p/${packageId}/a/A001`);
  const review = new ReviewPage(page);
  await review.at('G1');
  await expect(review.saveStatus).toHaveAttribute('data-state', 'idle');
  // Keyboard only from here: focus the page itself, no clicks.
  await page.bringToFront();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // Hold the first save on its way to the handler: the screen must not claim "saved" before the commit.
  const hold = app.holdNext('review:edit');
  await page.keyboard.press('1');
  await hold.arrived;
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saving');
  expect((await app.ws.invoke('review:get', ref)).criteria.G1).toBeUndefined();
  await expect(review.saveStatus).not.toHaveAttribute('data-state', 'saved', { timeout: 1000 });
  hold.release();
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
  expect((await app.ws.invoke('review:get', ref)).criteria.G1?.score).toBe(1);
  await expect(review.criterion('G1')).toHaveAttribute('data-status', 'done');

  // The other gates: 1 = pass.
  for (const g of ['G2', 'G3', 'G4', 'G5', 'G6', 'G7']) {
    await review.next(g);
    await review.typeScore('1');
    await expect(review.criterion(g)).toHaveAttribute('data-status', 'done');
  }

  const scoreIs = async (value: number | ''): Promise<void> => {
    await expect(review.scoreInput).toHaveAttribute('data-value', String(value));
  };
  await review.next('D1.1');
  await review.typeScore('8'); // 0–10 in whole points: 8 cannot grow, saved at once
  await scoreIs(8);
  // A partial total gets no grade band yet (it could only read 不合格).
  await expect(review.grade).toHaveAttribute('data-grade', '');
  await expect(review.grade).toHaveText('—');
  await review.next('D1.2');
  await review.typeScore('10'); // levels 0–10 in halves: "1" is stored, the "0" amends it
  await scoreIs(10);
  await review.next('D1.3');
  await review.typeScore('3.5'); // 0–5 in halves: "3" "." "5"
  await scoreIs(3.5);
  await review.next('D2.1');
  await page.keyboard.press('9'); // 9 could become 9.5: stored at once, and a next digit would amend it
  await scoreIs(9);
  await expect(review.typing).toBeVisible();

  // D2.2 always needs a comment of 20 characters: scored, the problem shows.
  await review.next('D2.2');
  await expect(review.comment).toHaveAttribute('data-problem', '');
  await review.typeScore('10');
  await scoreIs(10);
  await expect(review.comment).toHaveAttribute('data-problem', 'missing');
  await expect(review.criterion('D2.2')).toHaveAttribute('data-status', 'needsComment');

  for (const [id, keys, value] of [
    ['D2.3', '10', 10],
    ['D3.1', '10', 10],
    ['D3.2', '10', 10],
    ['D3.3', '5', 5],
  ] as const) {
    await review.next(id);
    await review.typeScore(keys);
    await scoreIs(value);
  }
  // ←/→ step through the allowed values.
  await review.next('D4.1');
  await page.keyboard.press('ArrowLeft');
  await scoreIs(5);
  await page.keyboard.press('ArrowLeft');
  await scoreIs(4.5);
  await page.keyboard.press('ArrowRight');
  await scoreIs(5);
  // Delete clears.
  await review.next('D4.2');
  await review.typeScore('7');
  await scoreIs(7);
  await page.keyboard.press('Delete');
  await scoreIs('');
  await expect(review.criterion('D4.2')).toHaveAttribute('data-status', 'empty');
  await review.typeScore('10');
  await scoreIs(10);
  for (const [id, keys, value] of [
    ['D5.1', '10', 10],
    ['D5.2', '5', 5],
    ['D5.3', '10', 10],
    ['D6.1', '10', 10],
  ] as const) {
    await review.next(id);
    await review.typeScore(keys);
    await scoreIs(value);
  }
  // D6.1 always needs 15 characters: C goes to the comment, Ctrl+Enter leaves it for the next criterion.
  await expect(review.comment).toHaveAttribute('data-problem', 'missing');
  await page.keyboard.press('c');
  await expect(review.comment).toBeFocused();
  await page.keyboard.type('收入结构合理');
  await expect(review.comment).toHaveAttribute('data-problem', 'tooShort');
  await page.keyboard.type('，技术服务与成果转化收入占比逐年提高。');
  await expect(review.comment).toHaveAttribute('data-problem', '');
  await page.keyboard.press('Control+Enter');
  await review.at('D6.2');
  await review.typeScore('10');
  await scoreIs(10);
  await review.next('D6.3');
  await review.typeScore('5');
  await scoreIs(5);
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');

  // Everything scored; only D2.2 still lacks its comment.
  const statuses = await review.tree
    .locator('[data-testid^="criterion-"]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid')!.slice(10), e.getAttribute('data-status')])));
  expect(Object.keys(statuses)).toHaveLength(24);
  expect(Object.entries(statuses).filter(([, s]) => s !== 'done')).toEqual([['D2.2', 'needsComment']]);
  // 4 + 5 + 3.5 + 7.2 + 10 + 7 + 8 + 6 + 6 + 5 + 5 + 6 + 4 + 5 + 6 + 5 + 4
  expect(Number(await review.total.getAttribute('data-value'))).toBeCloseTo(96.7, 6);
  await expect(review.grade).toHaveAttribute('data-grade', 'excellent');

  const stored = await app.ws.invoke('review:get', ref);
  expect(Object.fromEntries(Object.entries(stored.criteria).map(([id, c]) => [id, c.score]))).toEqual({
    ...Object.fromEntries(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7'].map((g) => [g, 1])),
    'D1.1': 8,
    'D1.2': 10,
    'D1.3': 3.5,
    'D2.1': 9,
    'D2.2': 10,
    'D2.3': 10,
    'D3.1': 10,
    'D3.2': 10,
    'D3.3': 5,
    'D4.1': 5,
    'D4.2': 10,
    'D5.1': 10,
    'D5.2': 5,
    'D5.3': 10,
    'D6.1': 10,
    'D6.2': 10,
    'D6.3': 5,
  });
  expect(stored.criteria['D6.1']?.comment).toBe('收入结构合理，技术服务与成果转化收入占比逐年提高。');

  // The finish screen lists the missing comment and leads back to it.
  await review.goFinish.click();
  const summary = page.getByTestId('validation-summary');
  await expect(summary).toHaveAttribute('data-complete', 'false');
  const missing = summary.locator('[data-kind="commentMissing"]');
  await expect(missing).toHaveCount(1);
  await expect(missing).toHaveAttribute('data-criterion', 'D2.2');
  await expect(summary.locator('[data-kind="scoreMissing"], [data-kind="gateMissing"]')).toHaveCount(0);
  await missing.click();
  await review.at('D2.2');
  await page.keyboard.press('c');
  await page.keyboard.type('关键共性技术路线清晰，已在两家股东单位完成中试验证。');
  await page.keyboard.press('Control+Enter');
  await review.at('D2.3');
  await expect(review.criterion('D2.2')).toHaveAttribute('data-status', 'done');
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
  const issues = (await app.ws.invoke('bundle:validate', { packageId })).issues
    .filter((i) => i.applicationId === 'A001')
    .map((i) => i.kind)
    .sort();
  expect(issues).toEqual(['opinionMissing', 'recommendationMissing']);
});

test('history lists every edit, and restoring an old value is itself a saved edit', async ({ app, page }) => {
  const { packageId } = await app.seed();
  const ref = { packageId, applicationId: 'A001' };
  await app.open(`#/p/${packageId}/a/A001/c/D1.1`);
  const review = new ReviewPage(page);
  await review.at('D1.1');
  await page.keyboard.press('8');
  await expect(review.scoreInput).toHaveAttribute('data-value', '8');
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
  await page.keyboard.press('3');
  await expect(review.scoreInput).toHaveAttribute('data-value', '3');
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');

  await review.historyOpen.click();
  await expect(review.historyPanel).toBeVisible();
  const entries = review.historyPanel.locator(
    '[data-testid^="history-"]:not([data-testid^="history-old-"]):not([data-testid^="history-new-"])',
  );
  await expect(entries).toHaveCount(3); // 8 → 3, none → 8, the conflict declaration
  const stored = await app.ws.invoke('review:history', ref);
  expect(stored.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
    ['score', '8', '3'],
    ['score', null, '8'],
    ['conflict', null, expect.any(String)],
  ]);
  const change = stored[0]!;
  await expect(page.getByTestId(`history-old-${change.id}`)).toHaveText('8');
  await expect(page.getByTestId(`history-new-${change.id}`)).toHaveText('3');
  // A conflict declaration is not restorable.
  await expect(page.getByTestId(`restore-${stored[2]!.id}`)).toHaveCount(0);

  await page.getByTestId(`restore-${change.id}`).click();
  await expect(entries).toHaveCount(4);
  await expect(review.scoreInput).toHaveAttribute('data-value', '8');
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
  expect((await app.ws.invoke('review:get', ref)).criteria['D1.1']?.score).toBe(8);
  const [newest] = await app.ws.invoke('review:history', ref);
  expect(newest).toMatchObject({ oldValue: '3', newValue: '8', criterionId: 'D1.1' });
  expect(newest!.id).toBeGreaterThan(change.id);
  await expect(entries.first()).toHaveAttribute('data-testid', `history-${newest!.id}`);
});

test('the language switch persists, and reopening the app returns to where the reviewer was', async ({ app, page }) => {
  const { packageId } = await app.seed();
  const rubric = (await app.ws.invoke('package:get', { packageId })).rubrics[0]!;
  const d32 = rubric.dimensions.flatMap((d) => d.criteria).find((c) => c.id === 'D3.2')!;
  const here = `#/p/${packageId}/a/A001/c/D3.2`;
  await app.open(here);
  const review = new ReviewPage(page);
  await review.at('D3.2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(review.title).toContainText(d32.title['zh-CN']);
  // Its points come from no programme document: the screen says they are a default the organiser may change.
  expect(d32.default).toBe(true);
  await expect(page.getByTestId('default-mark')).toHaveText('默认值（组织单位可调整）');

  await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(review.title).toContainText(pick(d32.title, 'en'));
  await expect(page.getByTestId('default-mark')).toHaveText('Default (set by the organiser)');
  await expect.poll(async () => (await app.ws.invoke('app:state', {})).locale).toBe('en');
  await page.reload();
  await review.at('D3.2');
  await expect(review.title).toContainText(pick(d32.title, 'en'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Quit and start again: the keys are locked, and after unlocking the reviewer is back on D3.2.
  await expect.poll(async () => (await app.ws.invoke('app:state', {})).lastLocation).toBe(here);
  await app.restart();
  await page.getByTestId('unlock-passphrase').fill('not the passphrase');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('error')).toHaveAttribute('data-error-code', 'E_PASSPHRASE');
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await page.getByTestId('unlock-submit').click();
  await review.at('D3.2');
  expect(new URL(page.url()).hash).toBe(here);
  await expect(review.title).toContainText(pick(d32.title, 'en'));
});

test('the dossier PDF opens beside the criterion and renders its pages', async ({ app, page }) => {
  const { packageId } = await app.seed();
  await app.open(`#/p/${packageId}/a/A001`);
  const review = new ReviewPage(page);
  await review.at('G1');
  const viewer = review.viewer;
  await expect(viewer).toBeVisible();
  await expect.poll(async () => Number(await viewer.getAttribute('data-pages'))).toBeGreaterThan(1);
  await expect(viewer).toHaveAttribute('data-rendering', 'false');
  const inked = (): Promise<number> =>
    viewer.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
      return dark;
    });
  expect(await inked()).toBeGreaterThan(500);

  await page.getByTestId('pdf-next').click();
  await expect(viewer).toHaveAttribute('data-page', '2');
  await expect(viewer).toHaveAttribute('data-rendering', 'false');
  expect(await inked()).toBeGreaterThan(500);
  const width = await viewer.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width);
  await page.getByTestId('pdf-zoom-in').click();
  await expect.poll(() => viewer.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(width);

  // The other dossier file of this application.
  const first = await viewer.getAttribute('data-path');
  await page.getByTestId('dossier-select').click();
  await page
    .getByRole('option')
    .filter({ hasNotText: first!.split('/').pop()! })
    .first()
    .click();
  await expect(viewer).not.toHaveAttribute('data-path', first!);
  await expect(viewer).toHaveAttribute('data-page', '1');
  await expect.poll(async () => Number(await viewer.getAttribute('data-pages'))).toBeGreaterThan(0);
});

test('keys pressed in quick succession act on the criterion each was pressed at', async ({ app, page }) => {
  const { packageId } = await app.seed();
  const ref = { packageId, applicationId: 'A001' };
  await app.open(`#/p/${packageId}/a/A001`);
  const review = new ReviewPage(page);
  await review.at('G1');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // No waiting between keys: each move and score must land where the reviewer was when the key went down.
  for (const k of ['1', 'j', '0', 'j', '1', 'j', 'j', '1']) await page.keyboard.press(k);
  await review.at('G5');
  await expect
    .poll(async () => {
      const c = (await app.ws.invoke('review:get', ref)).criteria;
      return ['G1', 'G2', 'G3', 'G4', 'G5'].map((id) => c[id]?.score ?? null);
    })
    .toEqual([1, 0, 1, null, 1]);
});
