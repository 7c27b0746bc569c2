import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { DEMO_MANAGER, fillPasswordSignIn, signOutFromMenu } from './support/sign-in.ts';

test('a signed-out visitor signs in and comes back to the page they asked for', async ({ page }) => {
  const errors = collectPageErrors(page, [401]);
  await page.goto('/orders?kind=atelier-jobs');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders%3Fkind%3Datelier-jobs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await fillPasswordSignIn(page, DEMO_MANAGER.username, DEMO_MANAGER.password);
  await expect(page).toHaveURL(/\/orders\?kind=atelier-jobs$/);
  await expect(page.getByRole('tab', { name: 'Atelier jobs' })).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});

test("a wrong password shows the server's reason and keeps the user on the form", async ({ page }) => {
  const errors = collectPageErrors(page, [401]);
  await page.goto('/sign-in');
  await fillPasswordSignIn(page, DEMO_MANAGER.username, 'not-the-password');

  await expect(page.getByRole('alert')).toHaveText('The username or password is not right.');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Password')).toHaveValue('');
  expect(errors).toEqual([]);
});

test('when the session ends, the next API call leads to sign-in and back to the same page', async ({
  page,
  context,
}) => {
  await page.goto('/sign-in');
  await fillPasswordSignIn(page, DEMO_MANAGER.username, DEMO_MANAGER.password);
  await expect(page.getByRole('row').filter({ hasText: 'MO-2026-0012' })).toBeVisible();

  // The session disappears behind the page's back (expired, revoked): the page learns it from a 401.
  await context.clearCookies();
  await page.getByRole('row').filter({ hasText: 'MO-2026-0012' }).getByText('Signature Tote — Cognac').click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders%2Fmanufacturing-orders%2F/);

  await fillPasswordSignIn(page, DEMO_MANAGER.username, DEMO_MANAGER.password);
  await expect(page).toHaveURL(/\/orders\/manufacturing-orders\/[^/?]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MO-2026-0012');
});

test('signing out ends the session on the server, not only in the page', async ({ page }) => {
  await page.goto('/sign-in');
  await fillPasswordSignIn(page, DEMO_MANAGER.username, DEMO_MANAGER.password);
  await expect(page).toHaveURL(/\/orders$/);

  await signOutFromMenu(page);
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forders$/);
});
