import { expect, test } from '@playwright/test';
import { signInAsAdminByApi } from './support/admin.ts';
import { collectPageErrors } from './support/page-errors.ts';

test('a work center edit says what changed; sorting and search narrow the table', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signInAsAdminByApi(page);
  await page.goto('/admin/work-centers');
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /CUT/ })).toBeVisible();

  const codes = () => table.locator('tbody tr td:first-child').allInnerTexts();
  const ascending = await codes();
  expect(ascending).toEqual([...ascending].sort());
  await table.getByRole('button', { name: 'Code' }).click();
  await table.getByRole('button', { name: 'Code' }).click();
  await expect(table.getByRole('columnheader', { name: 'Code' })).toHaveAttribute('aria-sort', 'descending');
  expect(await codes()).toEqual([...ascending].sort().reverse());

  await page.getByLabel('Search').fill('cutting');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const row = table.getByRole('row', { name: /CUT/ });
  const before = Number(await row.getByRole('cell').nth(2).innerText());
  await row.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Capacity').fill(String(before + 1));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Capacity: ${before} → ${before + 1}`, { exact: true })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText(String(before + 1));
  expect(errors).toEqual([]);
});

test("a factory's own node preset is created, edited and deleted; shipped ones are read-only", async ({ page }) => {
  const errors = collectPageErrors(page);
  await signInAsAdminByApi(page);
  await page.goto('/admin/presets');
  const shipped = page.getByRole('row', { name: /Parallel Split/ });
  await expect(shipped).toContainText('Read-only');
  await expect(shipped.getByRole('button')).toHaveCount(0);

  const code = `gilding-${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New preset' }).click();
  const form = page.getByRole('dialog', { name: 'New preset' });
  await form.getByLabel('Code').fill(code);
  await form.getByLabel('Name').fill('Edge Gilding');
  await form.getByLabel('Work center').selectOption('EDG');
  await form.getByLabel('Standard minutes').fill('12');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Edge Gilding created', { exact: true })).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(code) });
  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Edge Gilding' });
  await edit.getByLabel('Standard minutes').fill('15');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.locator('.toast__description', { hasText: /Configuration: EDG · 12 min.* → EDG · 15 min/ }),
  ).toBeVisible();

  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog', { name: 'Delete Edge Gilding?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Edge Gilding deleted', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toHaveCount(0);
  expect(errors).toEqual([]);
});
