import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_OPERATORS, DEMO_STAFF } from '../../../apps/api/src/seed/demo-people.ts';

/** The demo data's credentials, read from the seed itself so the tests follow it when it changes. */
function staff(username: string) {
  const person = DEMO_STAFF.find((candidate) => candidate.username === username);
  if (!person) throw new Error(`the demo data has no ${username}`);
  return person;
}

/** The demo production manager. */
export const DEMO_MANAGER = staff('manager');

/** A demo operator by username. */
export function demoOperator(username: string) {
  const operator = DEMO_OPERATORS.find((candidate) => candidate.username === username);
  if (!operator) throw new Error(`the demo data has no operator ${username}`);
  return operator;
}

/** Fills and sends the desktop sign-in form the page is on. */
export async function fillPasswordSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs the page's browser context in as the demo manager through the API (the session cookie is
 * shared with the page), for tests whose subject is not the sign-in form.
 */
export async function signInAsManagerByApi(page: Page): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', {
    data: { username: DEMO_MANAGER.username, password: DEMO_MANAGER.password },
  });
  expect(response.status()).toBe(200);
}

/** On the station sign-in page: enters the badge, then taps the PIN on the pad. */
export async function enterBadgeAndPin(page: Page, badgeId: string, pin: string): Promise<void> {
  await page.getByLabel('Badge').fill(badgeId);
  await page.getByRole('button', { name: 'Continue' }).click();
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The header's account menu button; its text is the signed-in person's name and role. */
export function userMenuButton(page: Page) {
  return page.getByRole('button', { name: /^Account menu for / });
}

/** Signs out through the account menu. */
export async function signOutFromMenu(page: Page): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}
