/**
 * No key sequence loses input. The documented sequences pressed with no
 * pauses at all, on every kind of scale the demo rubric uses — gate 符合/不符合,
 * 0–10 in whole points, 0–5 in halves, levels 优/良/中/差 on 0–10 in halves —
 * each followed at once by a move (J, ↓, Ctrl+Enter, 下一项指标, 上一项, a
 * click in the criterion tree) or a reload; then the page is reloaded and what
 * is stored is read back through the handlers and on screen.
 */
import { expect, test, type ReviewDeskApp } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { ReviewPage } from './pages/ReviewPage.ts';

type Scores = Record<string, number | null>;

async function stored(app: ReviewDeskApp, packageId: string, ids: string[]): Promise<Scores> {
  const c = (await app.ws.invoke('review:get', { packageId, applicationId: 'A001' })).criteria;
  return Object.fromEntries(ids.map((id) => [id, c[id]?.score ?? null]));
}

/** Reloads, then reads every score back on screen, criterion by criterion through the tree. */
async function reloadAndRead(page: Page, review: ReviewPage, expected: Scores): Promise<void> {
  await page.reload();
  for (const [id, value] of Object.entries(expected)) {
    await review.criterion(id).click();
    await review.at(id);
    if (id.startsWith('G')) await expect(review.scoreInput).toHaveAttribute('data-value', value === null ? '' : String(value));
    else await review.scoreIs(value ?? '');
  }
}

test('a score typed and followed at once by J, ↓, Ctrl+Enter or K is stored, on every scale kind', async ({ app, page }) => {
  const { packageId } = await app.seed();
  await app.open(`#/p/${packageId}/a/A001/c/G6`);
  const review = new ReviewPage(page);
  await review.at('G6');
  await review.blur();

  await review.press(
    ...['1', 'j'], // G6 gate: 符合
    ...['0', 'j'], // G7 gate: 不符合
    ...['7', 'j'], // D1.1 0–10 whole points
    ...['7', 'j'], // D1.2 levels in halves: 7 could become 7.5
    ...['3', 'j'], // D1.3 0–5 in halves: 3 could become 3.5
    ...['1', '0', 'Control+Enter'], // D2.1 levels: 1 then 10
    ...['7', '.', '5', 'ArrowDown'], // D2.2 levels: 7 → 7.5
    ...['1', '0', 'j'], // D2.3 whole points: 1 then 10
    ...['9', 'Control+Enter'], // D3.1 levels: 9 could become 9.5
    ...['1', 'j'], // D3.2 whole points: 1 could become 10
    ...['4', '.', '5', 'k'], // D3.3 0–5 in halves, then back up
  );
  await review.at('D3.2');
  const expected: Scores = {
    G6: 1,
    G7: 0,
    'D1.1': 7,
    'D1.2': 7,
    'D1.3': 3,
    'D2.1': 10,
    'D2.2': 7.5,
    'D2.3': 10,
    'D3.1': 9,
    'D3.2': 1,
    'D3.3': 4.5,
  };
  await expect.poll(() => stored(app, packageId, Object.keys(expected))).toEqual(expected);
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
  await reloadAndRead(page, review, expected);
  expect(await stored(app, packageId, Object.keys(expected))).toEqual(expected);
  // The hint on screen teaches what was pressed above: a digit is saved as it is pressed, ". 5" amends it.
  await expect(review.keyboardHelp).toContainText('按 7 即存为 7，接着按 . 5 改为 7.5');
});

test('a digit amends the score it follows; a key that cannot continue it starts a new one', async ({ app, page }) => {
  const { packageId } = await app.seed();
  await app.open(`#/p/${packageId}/a/A001/c/D1.2`);
  const review = new ReviewPage(page);
  await review.at('D1.2');
  await review.blur();
  // 7 is stored at once, and the screen says a next digit would amend it.
  await review.press('7');
  await review.scoreIs(7);
  await expect(review.typing).toContainText('7');
  expect((await stored(app, packageId, ['D1.2']))['D1.2']).toBe(7);
  await review.press('.', '5');
  await review.scoreIs(7.5);
  await expect(review.typing).toHaveCount(0);
  // 9 after a finished 7.5 is a new score, not 7.59.
  await review.press('9');
  await review.scoreIs(9);
  await expect(review.saveStatus).toHaveAttribute('data-state', 'saved');
  const history = (await app.ws.invoke('review:history', { packageId, applicationId: 'A001' }))
    .filter((h) => h.field === 'score')
    .map((h) => h.newValue)
    .reverse();
  // Nothing but allowed scores was ever stored (no 0.7, no 75).
  expect(history.every((v) => ['7', '7.5', '9'].includes(v ?? ''))).toBe(true);
  expect(history.at(-1)).toBe('9');
});

test('a score typed and followed at once by a click on 下一项指标, 上一项 or the criterion tree is stored', async ({ app, page }) => {
  const { packageId } = await app.seed();
  await app.open(`#/p/${packageId}/a/A001/c/D1.3`);
  const review = new ReviewPage(page);
  await review.at('D1.3');
  await review.blur();
  await review.press('4'); // 0–5 in halves: 4 could become 4.5
  await review.nextButton.click();
  await review.at('D2.1');
  await review.blur();
  await review.press('6'); // levels: 6 could become 6.5
  await review.criterion('D4.1').click();
  await review.at('D4.1');
  await review.blur();
  await review.press('2'); // 0–5 in halves
  await review.prevButton.click();
  await review.at('D3.3');
  const expected: Scores = { 'D1.3': 4, 'D2.1': 6, 'D4.1': 2 };
  await expect.poll(() => stored(app, packageId, Object.keys(expected))).toEqual(expected);
  await reloadAndRead(page, review, expected);
});

test('an exact score typed in the number field is kept when the reviewer moves on with Ctrl+Enter or a click', async ({ app, page }) => {
  const { packageId } = await app.seed();
  await app.open(`#/p/${packageId}/a/A001/c/D1.2`);
  const review = new ReviewPage(page);
  await review.at('D1.2');
  await review.scoreInput.click();
  await page.keyboard.type('6.5');
  await page.keyboard.press('Control+Enter');
  await review.at('D1.3');
  await review.scoreInput.click();
  await page.keyboard.type('2.5');
  await review.criterion('D2.3').click();
  await review.at('D2.3');
  const expected: Scores = { 'D1.2': 6.5, 'D1.3': 2.5 };
  await expect.poll(() => stored(app, packageId, Object.keys(expected))).toEqual(expected);
  await reloadAndRead(page, review, expected);
});

async function openAt(app: ReviewDeskApp, page: Page, id: string): Promise<{ review: ReviewPage; packageId: string }> {
  const { packageId } = await app.seed();
  await app.open(`#/p/${packageId}/a/A001/c/${id}`);
  const review = new ReviewPage(page);
  await review.at(id);
  await review.blur();
  return { review, packageId };
}

test('a reload right after a half-point score keeps it', async ({ app, page }) => {
  const { review, packageId } = await openAt(app, page, 'D1.2');
  await review.press('7');
  await page.reload();
  await review.at('D1.2');
  await review.scoreIs(7);
  expect((await stored(app, packageId, ['D1.2']))['D1.2']).toBe(7);
});

test('a reload right after 1 0 keeps the 10 that was still waiting behind the 1', async ({ app, page }) => {
  const { review, packageId } = await openAt(app, page, 'D2.3');
  await review.press('1', '0');
  await page.reload();
  await review.at('D2.3');
  await expect.poll(async () => (await stored(app, packageId, ['D2.3']))['D2.3']).toBe(10);
  await page.reload();
  await review.at('D2.3');
  await review.scoreIs(10);
});

test('a reload right after typing a comment keeps it', async ({ app, page }) => {
  const { review, packageId } = await openAt(app, page, 'D2.3');
  const comment = '中试线已投入运行，对外服务记录完整。';
  await review.press('c');
  await expect(review.comment).toBeFocused();
  // Typed well under the pause after which it would be saved anyway, and the reload at once.
  await page.keyboard.type(comment);
  await page.reload();
  await review.at('D2.3');
  const ref = { packageId, applicationId: 'A001' };
  await expect.poll(async () => (await app.ws.invoke('review:get', ref)).criteria['D2.3']?.comment).toBe(comment);
  await page.reload();
  await expect(review.comment).toHaveValue(comment);
});

test('a reload right after typing the overall opinion keeps it', async ({ app, page }) => {
  const { packageId } = await app.seed();
  const ref = { packageId, applicationId: 'A001' };
  const opinion = '该中心建设方案总体可行，建议推荐。';
  await app.open(`#/p/${packageId}/finish/A001`);
  const box = page.getByTestId('opinion');
  await box.click();
  await page.keyboard.type(opinion);
  await page.reload();
  await expect.poll(async () => (await app.ws.invoke('review:get', ref)).opinion).toBe(opinion);
  await page.reload();
  await expect(page.getByTestId('opinion')).toHaveValue(opinion);
});

test('a comment is saved when the page is hidden (another application comes to the front)', async ({ app, page }) => {
  const { packageId } = await app.seed();
  const ref = { packageId, applicationId: 'A001' };
  await app.open(`#/p/${packageId}/a/A001/c/D1.1`);
  const review = new ReviewPage(page);
  await review.at('D1.1');
  await review.comment.click();
  await page.keyboard.type('现场核查');
  // What the browser does when the window is covered or minimised; no pause follows.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
  await expect.poll(async () => (await app.ws.invoke('review:get', ref)).criteria['D1.1']?.comment, { timeout: 400 }).toBe('现场核查');
});
