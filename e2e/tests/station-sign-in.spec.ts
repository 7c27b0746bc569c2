import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { demoOperator, enterBadgeAndPin, userMenuButton, signOutFromMenu } from './support/sign-in.ts';

test('an operator signs in on a station with badge and PIN and lands on the work queue', async ({ page }) => {
  const errors = collectPageErrors(page, [401]);
  const operator = demoOperator('kanokwan.c');
  await page.goto('/sign-in/station');
  await expect(page.getByRole('heading', { level: 1, name: 'Station sign-in' })).toBeVisible();

  await enterBadgeAndPin(page, operator.badgeId, operator.pin);
  await expect(page).toHaveURL(/\/work-queue$/);
  const user = userMenuButton(page);
  await expect(user).toContainText(operator.displayName);
  await expect(user).toContainText('Operator · Station');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Work Queue']);

  // Signing out leaves the tablet on the PIN sign-in, ready for the next operator.
  await signOutFromMenu(page);
  await expect(page).toHaveURL(/\/sign-in\/station$/);
  expect(errors).toEqual([]);
});

test('a wrong PIN says so and clears the pad', async ({ page }) => {
  const errors = collectPageErrors(page, [401]);
  const operator = demoOperator('anan.b');
  await page.goto('/sign-in/station');
  await enterBadgeAndPin(page, operator.badgeId, '0000');

  await expect(page.getByRole('alert')).toHaveText('The badge or PIN is not right.');
  await expect(page.getByLabel('PIN: 0 digits entered')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/station$/);

  // The right PIN still works after a mistake.
  for (const digit of operator.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/work-queue$/);
  expect(errors).toEqual([]);
});

test('repeated wrong PINs lock the account and the pad shows how long to wait', async ({ page }) => {
  const errors = collectPageErrors(page, [401, 429]);
  const operator = demoOperator('lucas.m');
  await page.goto('/sign-in/station');
  await page.getByLabel('Badge').fill(operator.badgeId);
  await page.getByRole('button', { name: 'Continue' }).click();

  // The 5th failure for an account locks it: that answer is a 429 with Retry-After.
  const statuses: number[] = [];
  while (!statuses.includes(429) && statuses.length < 6) {
    await expect(page.getByLabel('PIN: 0 digits entered')).toBeVisible();
    await expect(page.getByRole('button', { name: '9', exact: true })).toBeEnabled();
    await page.keyboard.type('9999');
    const answer = page.waitForResponse('**/api/v1/auth/pin');
    await page.keyboard.press('Enter');
    statuses.push((await answer).status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 429]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Too many failed sign-in attempts.');
  await expect(alert).toContainText(/You can try again in 1[45]:\d\d\./);
  await expect(page.getByRole('button', { name: '5', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('an unpaired tablet is paired with the code from Admin, then signs in the operators of its station', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const errors = collectPageErrors(page, [401]);
  // An admin registers the station in another browser (own cookies) and reads out the code.
  const admin = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: 'atelier-admin' } });
  expect(admin.status()).toBe(200);
  const created = await request.post('/api/v1/stations', {
    data: { name: `Stitching tablet ${Date.now()}`, workCenters: ['STI'] },
  });
  expect(created.status()).toBe(201);
  const { station, pairingCode } = await created.json();

  // A device token this server never issued: not a station, and the demo auto-pairing leaves it so.
  await context.addCookies([{ name: 'af_station', value: 'not-a-station', url: baseURL ?? '' }]);
  await page.goto('/sign-in/station');
  await expect(page.getByRole('heading', { name: 'Pair this tablet' })).toBeVisible();

  await page.getByLabel('Pairing code').fill('WRONG-CODE');
  await page.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(page.getByRole('alert')).toContainText('That pairing code is not right or has expired');

  await page.getByLabel('Pairing code').fill(pairingCode);
  await page.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(page.getByText(`Station ${station.name}`)).toBeVisible();

  const operator = demoOperator('matteo.r');
  await enterBadgeAndPin(page, operator.badgeId, operator.pin);
  await expect(page).toHaveURL(/\/work-queue$/);
  expect(errors).toEqual([]);
});
