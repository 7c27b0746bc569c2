import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { openTablet, shoot, signInAtStation, TABLET_PORTRAIT } from './support/station.ts';

test.describe.configure({ timeout: 90_000 });

test('an operator signs in by tile and PIN, takes the next piece, starts, pauses, resumes and completes it', async ({
  browser,
}) => {
  const { context, page } = await openTablet(browser);
  const errors = collectPageErrors(page, [401]);
  await page.goto('/station');
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  // Present operators only: Lucas Moreau is absent today.
  await expect(page.getByRole('button', { name: /Somchai Kittisak/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Lucas Moreau/ })).toHaveCount(0);
  await shoot(page, 'tiles-en-1280x800');

  await signInAtStation(page, 'somchai.k');
  const mine = page.getByRole('region', { name: 'My work' });
  const available = page.getByRole('region', { name: 'Available' });
  await expect(available.getByRole('article').first()).toBeVisible();
  await shoot(page, 'queue-en-1280x800');

  await page.getByRole('button', { name: 'Take next piece' }).click();
  const card = mine.getByRole('article').first();
  await expect(card).toContainText('Claimed');
  const serial = (await card.getByRole('heading').textContent()) ?? '';
  expect(serial).toMatch(/^(MO|AJ)-\d{4}-\d{4}-\d{3}/);

  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card).toContainText('In progress');
  await card.getByRole('button', { name: 'Pause' }).click();
  await shoot(page, 'pause-en-1280x800');
  await page.getByRole('button', { name: 'Waiting for material' }).click();
  await expect(card).toContainText('Paused');
  // The timer comes from the server's time logs: a reload shows the same labour, not zero again.
  const worked = await card.getByRole('timer').textContent();
  await page.reload();
  await expect(mine.getByRole('article').first().getByRole('timer')).toHaveText(worked ?? '');
  await mine.getByRole('article').first().getByRole('button', { name: 'Resume' }).click();
  await expect(mine.getByRole('article').first()).toContainText('In progress');
  await mine.getByRole('article').first().getByRole('button', { name: 'Details' }).click();
  await expect(page.getByRole('dialog')).toContainText('Instructions');
  await shoot(page, 'details-en-1280x800');
  await page.keyboard.press('Escape');
  await mine.getByRole('article').first().getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByText(`${serial} completed.`).first()).toBeVisible();
  await expect(mine.getByRole('heading', { name: serial })).toHaveCount(0);

  await page.setViewportSize(TABLET_PORTRAIT);
  await shoot(page, 'queue-en-800x1280');
  await page.getByRole('button', { name: 'Switch operator' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await shoot(page, 'tiles-en-800x1280');
  expect(errors).toEqual([]);
  await context.close();
});
