import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoOperator } from './sign-in.ts';

/** The station tablet in landscape. */
export const TABLET = { width: 1280, height: 800 };
/** The same tablet in portrait. */
export const TABLET_PORTRAIT = { width: 800, height: 1280 };

/** A fresh tablet (own cookies: paired to the demo station on first visit) in `language`. */
export async function openTablet(
  browser: Browser,
  language: 'en' | 'th' = 'en',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: TABLET, locale: language === 'th' ? 'th-TH' : 'en-GB' });
  const page = await context.newPage();
  return { context, page };
}

/** On `/station`: taps the operator's name tile, then the PIN on the pad, and waits for the queue. */
export async function signInAtStation(page: Page, username: string, signInLabel = 'Sign in'): Promise<void> {
  const operator = demoOperator(username);
  await page.goto('/station');
  await page.getByRole('button', { name: new RegExp(operator.displayName) }).click();
  for (const digit of operator.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: signInLabel, exact: true }).click();
  await expect(page.getByRole('group', { name: /Signed in as|เข้าสู่ระบบในชื่อ/ })).toContainText(operator.displayName);
}

/** Saves a screenshot artifact under `screenshots/station/`. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/station/${name}.png`, fullPage: false });
}
