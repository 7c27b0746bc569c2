import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { englishOnlyTexts } from './support/catalog-text.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { DEMO_MANAGER, signInAsManagerByApi } from './support/sign-in.ts';

const SHOTS = new URL('../screenshots/orders/', import.meta.url).pathname;
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, tablet: { width: 1280, height: 800 } } as const;

function orderRow(page: Page, code: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });
}

/** This device's language before the app starts, as the sign-in switch stores it. */
async function deviceLanguage(page: Page, language: 'en' | 'th') {
  await page.addInitScript((value) => {
    localStorage.setItem('atelier.preferences', JSON.stringify({ language: value, calendar: 'buddhist' }));
  }, language);
}

/** The page's visible text must hold none of the English catalog sentences. */
async function expectNoEnglish(page: Page, namespaces: readonly string[]) {
  const text = await page.locator('body').innerText();
  const left = englishOnlyTexts(namespaces).filter((english) => text.includes(english));
  expect(left, `English left on ${page.url()}`).toEqual([]);
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: false });
}

test('an order list changes when an order is released elsewhere, without a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signInAsManagerByApi(page);
  await page.goto('/orders?kind=atelier-jobs');
  const job = orderRow(page, 'AJ-2026-0033');
  await expect(job).toContainText('Draft');
  let reloaded = false;
  page.on('framenavigated', () => (reloaded = true));

  // Another client (here: the API directly) releases the job; the row follows the event feed.
  const release = await page.request.post('/api/v1/atelier-jobs/AJ-2026-0033/release', { data: {} });
  expect(release.status()).toBe(200);
  await expect(job).not.toContainText('Draft', { timeout: 5_000 });
  await expect(job).toContainText(/Released|In progress/);
  expect(reloaded).toBe(false);
  expect(errors).toEqual([]);
});

test('sign-in and Orders in Thai show no English, with Thai dates, and the switch changes <html lang>', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await deviceLanguage(page, 'th');
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { level: 1, name: 'เข้าสู่ระบบ' })).toBeVisible();
  await expectNoEnglish(page, ['signIn', 'common']);

  await page.getByLabel('ชื่อผู้ใช้').fill(DEMO_MANAGER.username);
  await page.getByLabel('รหัสผ่าน').fill(DEMO_MANAGER.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { level: 1, name: 'คำสั่งผลิต' })).toBeVisible();
  await expect(orderRow(page, 'MO-2026-0012')).toContainText('2569'); // Buddhist-era year of the due date
  await expectNoEnglish(page, ['orders', 'common']);

  await orderRow(page, 'MO-2026-0012').getByRole('link', { name: 'MO-2026-0012' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'ขั้นตอนการผลิต' })).toBeVisible();
  await expectNoEnglish(page, ['orders', 'common']);
  expect(errors).toEqual([]);
});

test('a person’s language is stored on their user and follows them to the next sign-in', async ({ page }) => {
  await deviceLanguage(page, 'en');
  await signInAsManagerByApi(page);
  await page.goto('/orders');
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitemradio', { name: 'ไทย' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { level: 1, name: 'คำสั่งผลิต' })).toBeVisible();
  expect((await (await page.request.get('/api/v1/me')).json()).locale).toBe('th');

  // Back to English, so the other tests find the demo manager as they expect.
  await page.getByRole('button', { name: /^เมนูบัญชีของ / }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await (await page.request.get('/api/v1/me')).json()).locale).toBe('en');
});

for (const language of ['en', 'th'] as const) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`screenshots: sign-in and Orders, ${device}, ${language}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await deviceLanguage(page, language);
      await page.goto('/sign-in');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, `sign-in-${device}-${language}`);
      await signInAsManagerByApi(page);
      // The manager's own language wins over the device's once signed in.
      expect((await page.request.patch('/api/v1/me', { data: { locale: language } })).status()).toBe(200);
      await page.goto('/orders');
      await expect(orderRow(page, 'MO-2026-0012')).toBeVisible();
      await shoot(page, `orders-${device}-${language}`);
      await page.goto('/orders/manufacturing-orders/MO-2026-0012');
      await expect(page.locator('.node-table')).toBeVisible();
      await shoot(page, `order-detail-${device}-${language}`);
      await page.getByRole('button', { name: /^(Account menu for|เมนูบัญชีของ) / }).click();
      await shoot(page, `user-menu-${device}-${language}`);
      expect((await page.request.patch('/api/v1/me', { data: { locale: 'en' } })).status()).toBe(200);
    });
  }
}

test('every link and button is a fingertip (≥ 44 px) at tablet width', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.tablet);
  const small = async () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('a, button, [role="tab"], [role="menuitemradio"], input'))
        .filter((element) => element.offsetParent !== null)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(
          ({ element, box }) =>
            `${element.tagName} "${element.innerText || element.getAttribute('aria-label')}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    );
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await small()).toEqual([]);
  await signInAsManagerByApi(page);
  await page.goto('/orders');
  await expect(orderRow(page, 'MO-2026-0012')).toBeVisible();
  expect(await small()).toEqual([]);
  await page.goto('/orders/manufacturing-orders/MO-2026-0012');
  await expect(page.locator('.node-table')).toBeVisible();
  expect(await small()).toEqual([]);
});
