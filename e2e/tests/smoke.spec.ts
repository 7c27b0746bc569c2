import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { DEMO_MANAGER, fillPasswordSignIn, signInAsManagerByApi, userMenuButton } from './support/sign-in.ts';

function orderRow(page: Page, code: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
}

test('health reports the embedded database with its migrations applied', async ({ request }) => {
  const response = await request.get('/api/v1/health');
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
  expect(health.migrations.applied).toBeGreaterThan(0);
});

test('the demo manager signs in and sees the demo manufacturing orders', async ({ page }) => {
  // Signed out, the SPA's first question (GET /me) is answered 401: that is how it learns to ask for sign-in.
  const errors = collectPageErrors(page, [401]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await fillPasswordSignIn(page, DEMO_MANAGER.username, DEMO_MANAGER.password);
  await expect(page).toHaveURL(/\/orders$/);

  const user = userMenuButton(page);
  await expect(user).toContainText(DEMO_MANAGER.displayName);
  await expect(user).toContainText('Production manager');

  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const screen of ['Orders', 'Production Control', 'Plan', 'Run', 'Inspect', 'Tokens']) {
    await expect(nav.getByRole('link', { name: screen, exact: true })).toBeVisible();
  }
  for (const screen of ['Work Queue', 'Designer', 'Admin']) {
    await expect(nav.getByRole('link', { name: screen, exact: true })).toHaveCount(0);
  }
  // Which database the server runs on is for administrators (tests/shell-*.spec.ts); a manager sees no badge.
  await expect(page.getByText('Connecting…')).toHaveCount(0);
  await expect(page.getByText('Embedded PGlite')).toHaveCount(0);

  const tote = orderRow(page, 'MO-2026-0012');
  await expect(tote).toContainText('Signature Tote — Cognac');
  await expect(tote).toContainText('Maison Verel');
  await expect(tote).toContainText('/ 24');
  await expect(orderRow(page, 'MO-2026-0014')).toContainText('Draft');
  expect(errors).toEqual([]);
});

test('the hybrid atelier job shows and opens its linked manufacturing order', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signInAsManagerByApi(page);
  await page.goto('/orders');
  await page.getByRole('tab', { name: 'Atelier jobs' }).click();

  const hybrid = orderRow(page, 'AJ-2026-0032');
  await expect(hybrid).toContainText('Hand-finished edges for MO-2026-0012');
  await expect(orderRow(page, 'AJ-2026-0031')).toContainText('Kanya W.');

  await hybrid.getByRole('link', { name: /MO-2026-0012/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MO-2026-0012');
  await expect(page.getByText('Signature Tote — Cognac')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an order detail shows its pieces per routing step', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signInAsManagerByApi(page);
  await page.goto('/orders');
  await orderRow(page, 'MO-2026-0012').getByText('Signature Tote — Cognac').click();

  await expect(page).toHaveURL(/\/orders\/manufacturing-orders\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MO-2026-0012');
  await expect(page.getByText('Maison Verel')).toBeVisible();
  await expect(page.getByText('24 pieces')).toBeVisible();

  const steps = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Step' }) });
  await expect(steps.getByRole('rowheader').first()).toBeVisible();
  expect(await steps.getByRole('rowheader').count()).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});

test('an unknown order shows the API problem detail, not a blank page', async ({ page }) => {
  await signInAsManagerByApi(page);
  const path = '/manufacturing-orders/00000000-0000-4000-8000-000000000000';
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status()).toBe(404);
  const problem = await response.json();
  expect(typeof problem.detail).toBe('string');

  await page.goto(`/orders${path}`);
  await expect(page.getByRole('alert')).toContainText(problem.detail);
});
