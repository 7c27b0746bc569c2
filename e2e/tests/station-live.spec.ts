import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { openTablet, operatorApi, shoot, signInAtStation } from './support/station.ts';

test.describe.configure({ timeout: 90_000 });

test("a colleague's claim leaves the other tablet's Available list within a second, without a reload", async ({
  browser,
}) => {
  const first = await openTablet(browser);
  const second = await openTablet(browser);
  const errors = [...collectPageErrors(first.page, [401]), ...collectPageErrors(second.page, [401])];
  await signInAtStation(first.page, 'somchai.k');
  await signInAtStation(second.page, 'napat.s');
  const theirs = second.page.getByRole('region', { name: 'Available' });
  const ours = first.page.getByRole('region', { name: 'Available' });
  await expect(theirs.getByRole('article').first()).toBeVisible();
  await expect(ours.getByRole('article').first()).toBeVisible();
  // A piece both may claim.
  const theirSerials = new Set(await theirs.getByRole('article').getByRole('heading').allTextContents());
  const serial = (await ours.getByRole('article').getByRole('heading').allTextContents()).find((s) =>
    theirSerials.has(s),
  );
  if (serial === undefined) throw new Error('no piece both operators may claim');
  const card = ours
    .getByRole('article')
    .filter({ has: first.page.getByRole('heading', { name: serial, exact: true }) });

  const claimed = first.page.waitForResponse((response) => response.url().endsWith('/claim'));
  await card.getByRole('button', { name: 'Claim' }).click();
  expect((await claimed).status()).toBe(200);
  const answeredAt = Date.now();
  await expect(theirs.getByRole('heading', { name: serial, exact: true })).toHaveCount(0, { timeout: 1000 });
  expect(Date.now() - answeredAt).toBeLessThan(1000);
  await expect(
    first.page.getByRole('region', { name: 'My work' }).getByRole('heading', { name: serial }),
  ).toBeVisible();
  expect(errors).toEqual([]);
  await first.context.close();
  await second.context.close();
});

test('a claim lost in a race says who took the piece, in words, and refreshes the list', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await openTablet(browser);
  const errors = collectPageErrors(page, [401, 409]);
  // This tablet hears nothing live, so it still shows the piece a colleague takes meanwhile.
  await page.routeWebSocket('**/api/v1/events**', () => undefined);
  await signInAtStation(page, 'somchai.k');
  const available = page.getByRole('region', { name: 'Available' });
  await expect(available.getByRole('article').first()).toBeVisible();
  const colleague = await operatorApi(baseURL ?? '', 'napat.s');
  const theirs = new Set(await colleague.availableSerials());
  const serial = (await available.getByRole('article').getByRole('heading').allTextContents()).find((s) =>
    theirs.has(s),
  );
  if (serial === undefined) throw new Error('no piece both operators may claim');
  const card = available.getByRole('article').filter({ has: page.getByRole('heading', { name: serial, exact: true }) });
  const id = await colleague.availableId(serial);
  expect((await colleague.api.post(`/api/v1/work-items/${id}/claim`, { data: {} })).status()).toBe(200);

  await card.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByText(`Napat Srisuk took ${serial} a moment before you.`).first()).toBeVisible();
  await shoot(page, 'lost-race-en-1280x800');
  await expect(available.getByRole('heading', { name: serial, exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'My work' }).getByRole('heading', { name: serial })).toHaveCount(0);
  expect(errors).toEqual([]);
  await colleague.api.dispose();
  await context.close();
});
