import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { openTablet, shoot, signInAtStation } from './support/station.ts';

test.describe.configure({ timeout: 90_000 });

test('an operator hands a piece in progress to a present, qualified colleague picked from tiles', async ({
  browser,
}) => {
  const { context, page } = await openTablet(browser);
  const errors = collectPageErrors(page, [401]);
  await signInAtStation(page, 'somchai.k');
  const mine = page.getByRole('region', { name: 'My work' });
  await page.getByRole('button', { name: 'Take next piece' }).click();
  const claimed = mine.getByRole('article').filter({ hasText: 'Claimed' }).first();
  const serial = (await claimed.getByRole('heading').textContent()) ?? '';
  const card = mine.getByRole('article').filter({ has: page.getByRole('heading', { name: serial, exact: true }) });
  await card.getByRole('button', { name: 'Start' }).click();
  await card.getByRole('button', { name: 'Hand off' }).click();
  const dialog = page.getByRole('dialog', { name: `Hand ${serial} to a colleague` });
  // Only colleagues who may do the step are offered, never the giver.
  await expect(dialog.getByRole('button').filter({ hasText: 'Napat Srisuk' })).toBeVisible();
  await expect(dialog.getByRole('button').filter({ hasText: 'Somchai Kittisak' })).toHaveCount(0);
  await expect(dialog.getByRole('button').filter({ hasText: 'Siriporn Thongdee' })).toHaveCount(0);
  await shoot(page, 'hand-off-en-1280x800');
  await dialog.getByRole('button').filter({ hasText: 'Napat Srisuk' }).click();
  await expect(page.getByText(`${serial} handed to Napat Srisuk.`).first()).toBeVisible();
  await expect(mine.getByRole('heading', { name: serial, exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('an idle station counts down and signs the operator out, back to the name tiles', async ({ browser }) => {
  const { context, page } = await openTablet(browser);
  const errors = collectPageErrors(page, [401]);
  await signInAtStation(page, 'napat.s', 'Sign in', '/station?idle=15');
  const warning = page.getByRole('alert').filter({ hasText: 'signing out in' });
  await expect(warning).toBeVisible({ timeout: 20_000 });
  await shoot(page, 'idle-en-1280x800');
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible({ timeout: 15_000 });
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  expect(errors).toEqual([]);
  await context.close();
});
