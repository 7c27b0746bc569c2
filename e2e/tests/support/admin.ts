import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_STAFF } from '../../../apps/api/src/seed/demo-people.ts';

/** The demo admin, from the seed. */
export const DEMO_ADMIN = (() => {
  const admin = DEMO_STAFF.find((person) => person.username === 'admin');
  if (!admin) throw new Error('the demo data has no admin');
  return admin;
})();

/** Signs the page's browser context in as the demo admin through the API (the form is not the subject). */
export async function signInAsAdminByApi(page: Page): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', {
    data: { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password },
  });
  expect(response.status()).toBe(200);
}

/** Makes this device show the app in `language` from the first page load (the device preference). */
export async function showInLanguage(page: Page, language: 'en' | 'th'): Promise<void> {
  await page.addInitScript((lng) => {
    const key = 'atelier.preferences';
    const stored = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    window.localStorage.setItem(key, JSON.stringify({ ...stored, language: lng }));
  }, language);
}

/** Saves a screenshot of the page as an artifact under `e2e/screenshots/admin/`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/admin/${name}.png`, fullPage: false });
}
