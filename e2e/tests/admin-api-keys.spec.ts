import { expect, test } from '@playwright/test';
import { screenshot, signInAsAdminByApi } from './support/admin.ts';
import { collectPageErrors } from './support/page-errors.ts';

test('an admin creates an API key, sees the secret once with a copy button, and revokes it', async ({
  page,
  context,
  playwright,
  baseURL,
}) => {
  const errors = collectPageErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsAdminByApi(page);
  await page.goto('/admin/api-keys');
  const name = `ERP connector ${Date.now().toString(36)}`;

  await page.getByRole('button', { name: 'New API key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByLabel('Name').fill(name);
  await expect(form.getByLabel('Role')).toHaveValue('integrator');
  await form.getByRole('button', { name: 'Create' }).click();

  const shown = page.getByRole('dialog', { name: `API key ${name}` });
  await expect(shown).toContainText('shown this once');
  const secret = (await shown.getByLabel('API key').textContent()) ?? '';
  expect(secret).toMatch(/^af_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await screenshot(page, 'api-key-created-desktop-en');
  await shown.getByRole('button', { name: 'Done' }).click();

  // The key works for an integrator; its row never shows the secret again.
  const integrator = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  expect((await integrator.get('/api/v1/manufacturing-orders')).status()).toBe(200);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Integrator');
  await expect(row).toContainText('Active');
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Revoke ${name}?` });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText(`API key ${name} revoked`, { exact: true })).toBeVisible();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  expect((await integrator.get('/api/v1/manufacturing-orders')).status()).toBe(401);
  await integrator.dispose();
  await screenshot(page, 'api-keys-desktop-en');
  expect(errors).toEqual([]);
});

test('an admin registers a station and gets its pairing code, which a tablet pairs with', async ({
  page,
  browser,
  baseURL,
}) => {
  const errors = collectPageErrors(page);
  await signInAsAdminByApi(page);
  await page.goto('/admin/stations');
  await expect(page.getByRole('row', { name: /Shop-floor tablet/ })).toBeVisible();
  const name = `Cutting tablet ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New station' }).click();
  const form = page.getByRole('dialog', { name: 'New station' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: /CUT/ }).check();
  await form.getByRole('button', { name: 'Create' }).click();

  const pairing = page.getByRole('dialog', { name: `Pair a tablet as ${name}` });
  const code = (await pairing.getByLabel('Pairing code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await screenshot(page, 'station-pairing-desktop-en');
  await pairing.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Open until');

  // A tablet that is no station yet pairs with the code.
  const tablet = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await tablet.addCookies([{ name: 'af_station', value: 'not-a-station', url: baseURL ?? '' }]);
  const station = await tablet.newPage();
  await station.goto('/sign-in/station');
  await station.getByLabel('Pairing code').fill(code);
  await station.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(station.getByText(`Station ${name}`)).toBeVisible();
  await tablet.close();

  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('None open');
  expect(errors).toEqual([]);
});
