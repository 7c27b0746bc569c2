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
export async function signInAtStation(
  page: Page,
  username: string,
  signInLabel = 'Sign in',
  path = '/station',
): Promise<void> {
  const operator = demoOperator(username);
  await page.goto(path);
  await page.getByRole('button', { name: new RegExp(operator.displayName) }).click();
  for (const digit of operator.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: signInLabel, exact: true }).click();
  await expect(page.getByRole('group', { name: /Signed in as|เข้าสู่ระบบในชื่อ/ })).toContainText(operator.displayName);
}

/** Saves a screenshot artifact under `screenshots/station/`. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/station/${name}.png`, fullPage: false });
}

/** A station operator's API session of its own (another tablet), for moves made "by a colleague". */
export async function operatorApi(baseURL: string, username: string) {
  const { request } = await import('@playwright/test');
  const api = await request.newContext({ baseURL });
  const operator = demoOperator(username);
  expect((await api.get('/api/v1/auth/station')).status()).toBe(200);
  const signedIn = await api.post('/api/v1/auth/pin', { data: { badgeId: operator.badgeId, pin: operator.pin } });
  expect(signedIn.status()).toBe(200);
  return {
    api,
    /** Serials of what this operator may claim now. */
    async availableSerials(): Promise<string[]> {
      const page = await (await api.get('/api/v1/work-items?available=me&limit=200')).json();
      return page.items.map((item: { token: { serial: string } }) => item.token.serial);
    },
    /** The id of the piece with `serial` among what this operator may claim. */
    async availableId(serial: string): Promise<string> {
      const page = await (await api.get('/api/v1/work-items?available=me&limit=200')).json();
      const item = page.items.find((candidate: { token: { serial: string } }) => candidate.token.serial === serial);
      if (!item) throw new Error(`${serial} is not available to ${username}`);
      return item.id;
    },
  };
}

/** Every text of an English catalog that a translated page must not show (placeholders split out). */
export function englishOnlyTexts(english: object, thai: object): string[] {
  const texts: string[] = [];
  const walk = (en: unknown, th: unknown) => {
    if (typeof en === 'string') {
      if (en === th) return;
      for (const part of en.split(/\{\{[^}]+\}\}/)) if (part.trim().length >= 4) texts.push(part.trim());
      return;
    }
    if (en && typeof en === 'object')
      for (const [key, value] of Object.entries(en)) walk(value, (th as Record<string, unknown> | undefined)?.[key]);
  };
  walk(english, thai);
  return texts;
}

/**
 * Completes `count` assembled pieces through the API, as the operators holding them, so that
 * pieces wait at the inspection step (the demo's own QC items are already being inspected).
 */
export async function sendPiecesToInspection(baseURL: string, count: number): Promise<void> {
  const { request } = await import('@playwright/test');
  const { DEMO_OPERATORS } = await import('../../../apps/api/src/seed/demo-people.ts');
  const manager = await request.newContext({ baseURL });
  expect(
    (await manager.post('/api/v1/auth/login', { data: { username: 'manager', password: 'atelier-manager' } })).status(),
  ).toBe(200);
  const items: { id: string; state: string; operators: { displayName: string }[] }[] = [];
  for (const state of ['in_progress', 'assigned'])
    items.push(...(await (await manager.get(`/api/v1/work-items?node=assemble&state=${state}&limit=50`)).json()).items);
  items.splice(count);
  expect(items).toHaveLength(count);
  for (const item of items) {
    const holder = DEMO_OPERATORS.find((person) => person.displayName === item.operators[0]?.displayName);
    if (!holder) throw new Error('the assembled piece has no demo operator on it');
    const { api } = await operatorApi(baseURL, holder.username);
    if (item.state === 'assigned')
      expect((await api.post(`/api/v1/work-items/${item.id}/start`, { data: {} })).status()).toBe(200);
    expect((await api.post(`/api/v1/work-items/${item.id}/complete`, { data: {} })).status()).toBe(200);
    await api.dispose();
  }
  await manager.dispose();
}
