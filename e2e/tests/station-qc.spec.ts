import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { openTablet, sendPiecesToInspection, shoot, signInAtStation } from './support/station.ts';

test.describe.configure({ timeout: 90_000 });

test('a QC operator sends one piece to rework with a defect and a note, and passes another', async ({
  browser,
  baseURL,
}) => {
  await sendPiecesToInspection(baseURL ?? '', 2);
  const { context, page } = await openTablet(browser);
  const errors = collectPageErrors(page, [401]);
  await signInAtStation(page, 'siriporn.t');
  const mine = page.getByRole('region', { name: 'My work' });

  for (const verdict of ['Rework', 'Pass'] as const) {
    // A piece waiting at an inspection step (the Quality Inspection work center).
    const waiting = page
      .getByRole('region', { name: 'Available' })
      .getByRole('article')
      .filter({ hasText: 'Quality Inspection' })
      .first();
    const serial = (await waiting.getByRole('heading').textContent()) ?? '';
    await waiting.getByRole('button', { name: 'Claim' }).click();
    const card = mine.getByRole('article').filter({ has: page.getByRole('heading', { name: serial, exact: true }) });
    await card.getByRole('button', { name: 'Start' }).click();
    const inProgress = mine.getByRole('article').filter({ has: page.getByRole('heading', { name: serial }) });
    await inProgress.getByRole('button', { name: 'Inspect' }).click();
    const dialog = page.getByRole('dialog', { name: `Inspect ${serial}` });
    await dialog.getByRole('radio', { name: verdict }).click();
    if (verdict === 'Rework') {
      await expect(dialog.getByRole('button', { name: 'Record result' })).toBeDisabled();
      await dialog.getByRole('checkbox', { name: 'Stitch gap' }).click();
      await dialog.getByRole('textbox', { name: 'Note' }).fill('Gap near the left handle');
      await shoot(page, 'qc-en-1280x800');
    }
    await dialog.getByRole('button', { name: 'Record result' }).click();
    await expect(page.getByText(`Result recorded for ${serial}.`).first()).toBeVisible();
    await expect(mine.getByRole('heading', { name: serial, exact: true })).toHaveCount(0);
  }
  expect(errors).toEqual([]);
  await context.close();
});
