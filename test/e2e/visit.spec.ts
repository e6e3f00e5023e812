/**
 * A site visit, end to end: the expert records a whole visit from the keyboard (date, place, who was
 * present, every checklist item with 不符合 and its note, the notes and the opinion), adds three photos
 * (one through the file input, two dropped) whose location is removed, links one to a criterion, sees it
 * among the criterion's findings on the review screen, exports the score file and checks it with the stock
 * tools (every photo listed and hashed in the signed bundle.json); then the round's secretariat imports that
 * file and sees the results and the photos. Screenshots in both languages.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect as pwExpect, type Page } from '@playwright/test';
import { loadRound } from '../../electron/rounds/round.ts';
import { buildLedger, writeLedger } from '../../electron/packages/pack.ts';
import { prepareDemoSecretariat } from '../../electron/workspace/demo.ts';
import { noKeychain, type Host } from '../../electron/workspace/host.ts';
import { INCOMING_DIR, openWorkspace } from '../../electron/workspace/open.ts';
import { startBrowserHost } from '../../electron/host/browser.ts';
import { downloaded, expect, screen, test, verifyWithStockTools } from './fixtures.ts';
import { FinishPage } from './pages/FinishPage.ts';

/** A real JPEG as a phone exports it: EXIF time of the visit, the phone's make and a GPS position. */
async function phonePhoto(seed: number, at: string): Promise<Buffer> {
  const w = 1200;
  const h = 900;
  const raw = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      raw[i] = (x * (seed + 1)) & 255;
      raw[i + 1] = (y * 2 + seed * 40) & 255;
      raw[i + 2] = ((x ^ y) + seed * 70) & 255;
    }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'T-1' },
      IFD2: { DateTimeOriginal: at, OffsetTimeOriginal: '+08:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 9/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 27/1' },
    })
    .toBuffer();
}

async function dropPhotos(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const { DataTransfer: DT } = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
    const dt = new DT();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: 'image/jpeg' }));
    return dt;
  }, payload);
  const zone = page.getByTestId('photo-dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('an expert records a site visit with the keyboard and three photos, exports it, and the secretariat sees it', async ({
  app,
  page,
  round,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const seeded = await app.seed();
  const { packageId } = seeded;
  const state = await app.ws.invoke('visit:get', { packageId, applicationId: 'A001' });
  const items = state.checklist.map((x) => x.id);
  expect(items.length).toBeGreaterThanOrEqual(3);

  // From the package home.
  await app.open(`#/p/${packageId}`);
  await page.getByTestId('visit-A001').click();
  await expect(page.getByTestId('visit-screen')).toBeVisible();
  await expect(page.getByTestId('exif-notice')).toContainText('位置');

  // Date, place and who was present, typed.
  // A date field's parts are typed in the locale's order; fill sets the whole date as a picker would.
  await page.getByTestId('visit-date').fill('2026-11-20');
  await page.getByTestId('visit-place').focus();
  await page.keyboard.type('上海市嘉定区申报单位中试基地');
  await page.getByTestId('attendee-add').click();
  await page.getByTestId('attendee-0-name').focus();
  await page.keyboard.type('张伟');
  await page.keyboard.press('Tab');
  await page.keyboard.type('申报单位负责人');
  await page.keyboard.press('Tab');

  // The checklist from the keyboard: every item 符合 but the second (不符合, with its note) and the last (不适用).
  await page.getByTestId('visit-screen').click({ position: { x: 5, y: 5 } });
  await page.locator('body').focus();
  for (const [i, id] of items.entries()) {
    await expect(page.getByTestId(`item-${id}`)).toHaveAttribute('data-current', 'true');
    if (i === 1) {
      await page.keyboard.press('2');
      await expect(page.getByTestId(`item-${id}-note`)).toBeFocused();
      await page.keyboard.type('中试线仅建成一条，与申报材料所述两条不符');
      await page.keyboard.press('Escape');
      await page.keyboard.press('j');
    } else if (i === items.length - 1) {
      await page.keyboard.press('3');
    } else {
      await page.keyboard.press('1');
    }
    await expect(page.getByTestId(`item-${id}`)).toHaveAttribute(
      'data-result',
      i === 1 ? 'fails' : i === items.length - 1 ? 'na' : 'meets',
    );
  }
  await page.keyboard.press('o');
  await expect(page.getByTestId('visit-opinion')).toBeFocused();
  await page.keyboard.type('现场核实研发场地、设备与申报材料基本一致；中试线数量不足，建议整改后复核。');
  await page.keyboard.press('Escape');
  await page.getByTestId('visit-notes').focus();
  await page.keyboard.type('座谈会听取了联盟成员单位代表的意见。');
  await page.keyboard.press('Escape');

  // Three photos: one through the file input, two dropped.
  const dir = app.scratch('photos');
  mkdirSync(dir, { recursive: true });
  const photos = await Promise.all([0, 1, 2].map((k) => phonePhoto(k, `2026:11:20 10:0${k}:00`)));
  writeFileSync(join(dir, 'IMG_0001.jpg'), photos[0]!);
  await page.getByTestId('photo-dropzone').locator('input[type=file]').setInputFiles(join(dir, 'IMG_0001.jpg'));
  await expect(page.locator('[data-testid^="photo-"][data-path]')).toHaveCount(1);
  await dropPhotos(page, [
    { name: 'IMG_0002.jpg', bytes: photos[1]! },
    { name: 'IMG_0003.jpg', bytes: photos[2]! },
  ]);
  const cards = page.locator('[data-testid^="photo-"][data-path]');
  await expect(cards).toHaveCount(3);
  // Location removed, EXIF time shown beside the time added.
  await expect(cards.first()).toContainText('已去除位置信息');
  await expect(cards.first()).toContainText('拍摄于 2026-11-20 10:00（北京时间）');

  // Caption and link the first photo to a criterion and to the failed checklist item.
  const first = await app.ws.invoke('visit:get', { packageId, applicationId: 'A001' });
  const photo = first.photos.find((p) => p.takenAt?.startsWith('2026-11-20T10:00'));
  expect(photo).toBeDefined();
  const detail = await app.ws.invoke('package:get', { packageId });
  const rubricId = detail.applications.find((a) => a.id === 'A001')!.rubricId;
  const rubricCriterion = detail.rubrics.find((r) => r.id === rubricId)!.dimensions[0]!.criteria[0]!.id;
  await page.getByTestId(`photo-${photo!.id}-caption`).fill('中试线现场');
  await page.getByTestId(`photo-${photo!.id}-caption`).press('Tab');
  await page.getByTestId(`photo-${photo!.id}-criteria`).click();
  await page.keyboard.type(rubricCriterion);
  await page.getByRole('option', { name: new RegExp(`^${rubricCriterion} `) }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId(`photo-${photo!.id}-items`).click();
  await page.getByRole('option', { name: new RegExp(`^${items[1]} `) }).click();
  await page.keyboard.press('Escape');

  // Full view with zoom and rotate.
  await page.getByTestId(`photo-${photo!.id}-open`).click();
  await expect(page.getByTestId('viewer-image')).toBeVisible();
  await page.getByTestId('viewer-zoom-in').click();
  await expect(page.getByTestId('viewer-zoom')).not.toHaveText('适合窗口');
  await page.getByTestId('viewer-rotate').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // What was stored, committed and audited.
  const saved = await app.ws.invoke('visit:get', { packageId, applicationId: 'A001' });
  expect(saved.visit).toMatchObject({
    visitedAt: '2026-11-20',
    place: '上海市嘉定区申报单位中试基地',
    attendees: [{ name: '张伟', role: '申报单位负责人' }],
  });
  expect(saved.visit?.items.map((x) => x.result)).toEqual(
    items.map((_, i) => (i === 1 ? 'fails' : i === items.length - 1 ? 'na' : 'meets')),
  );
  expect(saved.visit?.opinion).toContain('中试线数量不足');
  expect(saved.gaps).toMatchObject({ unanswered: [], failsWithoutNote: [], opinionMissing: false, placeMissing: false });
  const linked = saved.photos.find((p) => p.id === photo!.id)!;
  expect(linked).toMatchObject({
    caption: '中试线现场',
    criterionIds: [rubricCriterion],
    itemIds: [items[1]],
    rotation: 90,
    hadLocation: true,
    keptOriginal: false,
  });
  await page.getByTestId('visit-screen').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screen(page, testInfo, 'zh-CN', 'visit');
  await page.getByTestId('photo-grid').scrollIntoViewIfNeeded();
  await screen(page, testInfo, 'zh-CN', 'visit-photos');

  // The review screen shows the visit's findings for the linked criterion.
  await page.goto(`${app.server.origin}/#/p/${packageId}/a/A001/c/${rubricCriterion}`);
  await expect(page.getByTestId('visit-findings')).toBeVisible();
  await expect(page.getByTestId(`finding-photo-${photo!.id}`)).toBeVisible();
  await expect(page.getByTestId(`finding-item-${items[1]}`)).toContainText('不符合');
  await page.getByTestId(`finding-photo-${photo!.id}`).click();
  await expect(page.getByTestId('viewer-image')).toBeVisible();
  await page.keyboard.press('Escape');

  // The English screen.
  await page.goto(`${app.server.origin}/#/p/${packageId}/v/A001`);
  await page.getByTestId('lang-switch').getByText('English', { exact: true }).click();
  await expect(page.getByTestId('exif-notice')).toContainText('location');
  await expect(page.getByTestId(`item-${items[1]}-fails`)).toHaveText(/Fails/);
  await screen(page, testInfo, 'en', 'visit');
  await page.getByTestId('photo-grid').scrollIntoViewIfNeeded();
  await screen(page, testInfo, 'en', 'visit-photos');
  await page.getByTestId('lang-switch').getByText('中文', { exact: true }).click();

  // Export (the review itself unfinished) and check the file from outside.
  await page.goto(`${app.server.origin}/#/p/${packageId}/finish`);
  const finish = new FinishPage(page);
  await finish.allowIncomplete.check();
  const exported = await downloaded(page, app.scratch('export'), () => finish.exportBundle.click());
  const out = app.scratch('unzipped');
  const { bundle, verdict } = verifyWithStockTools(exported.path, round, seeded.card, out);
  expect(verdict).toContain('Good "reviewdesk-scores" signature');
  const visit = bundle.applications.find((a) => a.applicationId === 'A001')?.siteVisit;
  expect(visit?.items).toHaveLength(items.length);
  expect(visit?.photos).toHaveLength(3);
  for (const p of visit!.photos) {
    const listed = bundle.attachments.find((a) => a.path === p.path);
    const bytes = readFileSync(join(out, p.path));
    expect(listed).toMatchObject({ mediaType: 'image/jpeg', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    // Stored without its GPS: no GPS IFD in the signed photo.
    expect((await sharp(bytes).metadata()).exif?.includes(Buffer.from('GPS')) ?? false).toBe(false);
  }
  expect(visit!.photos.find((p) => p.caption === '中试线现场')).toMatchObject({ criterionIds: [rubricCriterion], itemIds: [items[1]] });

  // The round's secretariat, whose ledger names this expert's card, imports the file.
  const secData = app.scratch('secretariat-data');
  const roundCopy = `${secData}-demo-round`;
  cpSync(round.dir, roundCopy, { recursive: true });
  writeFileSync(join(roundCopy, 'round', 'cards', 'E01.json'), JSON.stringify(seeded.card, null, 2));
  const loaded = await loadRound(join(roundCopy, 'round'));
  const packResult = {
    expertId: 'E01',
    path: '',
    packageId,
    sha256: createHash('sha256').update(seeded.bytes).digest('hex'),
    size: seeded.bytes.length,
    applications: loaded.round.assignments.E01?.length ?? 0,
  };
  await writeLedger(join(roundCopy, 'packages'), buildLedger(loaded, round.secretariat, [packResult]), round.secretariat);
  const host: Host = { secrets: noKeychain('browser'), appVersion: 'e2e', emit: () => undefined };
  const sec = await openWorkspace(secData, host, { scryptLogN: 10 });
  const server = await startBrowserHost({
    rendererDir: join(process.cwd(), 'out', 'renderer'),
    dispatch: (channel, input) => sec.call(channel, input),
    stageDir: join(secData, INCOMING_DIR),
  });
  try {
    expect(await prepareDemoSecretariat(sec.ctx)).not.toBeNull();
    // The secretariat's own app: another browser context, on the loopback host only.
    const secContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const outside: string[] = [];
    await secContext.route(/^(?!http:\/\/127\.0\.0\.1[:/]|blob:|data:)/, (r) => {
      outside.push(r.request().url());
      return r.abort();
    });
    const secPage = await secContext.newPage();
    await secPage.goto(server.url);
    await secPage.getByTestId('merge-file-input').setInputFiles(exported.path);
    await pwExpect(secPage.locator('[data-testid^="verdict-"][data-status="accepted"]')).toHaveCount(1);
    await secPage.goto(`${server.origin}/#/merge/a/A001`);
    const section = secPage.getByTestId('site-visits');
    await pwExpect(section).toBeVisible();
    await pwExpect(section).toContainText('不符合');
    await pwExpect(section).toContainText('中试线数量不足');
    await pwExpect(secPage.getByTestId(`visit-flag-${items[1]}`)).toBeVisible();
    await pwExpect(secPage.locator('[data-testid^="visit-photo-E01-"]')).toHaveCount(3);
    await secPage.locator('[data-testid^="visit-photo-E01-"]').first().click();
    await pwExpect(secPage.getByTestId('viewer-image')).toBeVisible();
    await secPage.keyboard.press('Escape');
    await section.scrollIntoViewIfNeeded();
    await screen(secPage, testInfo, 'zh-CN', 'merge-visit-imported');
    await secContext.close();
    expect(outside).toEqual([]);
  } finally {
    await server.close();
    sec.close();
  }
});
