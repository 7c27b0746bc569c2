import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import english from '../../apps/web/src/i18n/locales/en/admin.json' with { type: 'json' };
import thai from '../../apps/web/src/i18n/locales/th/admin.json' with { type: 'json' };
import { screenshot, showInLanguage, signInAsAdminByApi } from './support/admin.ts';
import { collectPageErrors } from './support/page-errors.ts';

const SECTIONS = ['users', 'skills', 'teams', 'work-centers', 'shifts', 'stations', 'presets', 'api-keys'] as const;

/** Every English text of a catalog, its `{{placeholders}}` cut out, paired with its Thai text. */
function flatten(catalog: object, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value as object, `${prefix}${key}.`),
  );
}
const thaiTexts = new Map(flatten(thai));
/** English fragments that must not be on a Thai screen: ≥ 4 letters, and not the same in Thai (e.g. "API"). */
const englishFragments = flatten(english).flatMap(([key, text]) =>
  thaiTexts.get(key) === text
    ? []
    : text
        .split(/\{\{\w+\}\}/)
        .map((fragment) => fragment.trim())
        .filter((fragment) => /[A-Za-z]{4}/.test(fragment)),
);

/** The Admin's own words on screen: header, tabs, table heads, buttons, labels, hints (not the data in cells). */
async function adminChrome(page: Page): Promise<string> {
  const parts = await page
    .locator(
      'main h1, main .page-header__description, main nav a, main th, main button, main input[placeholder], [role=dialog] label, [role=dialog] legend, [role=dialog] .field__hint, [role=dialog] h2, [role=dialog] button, main .data-table__count',
    )
    .evaluateAll((elements) =>
      elements.map((element) => (element as HTMLElement).innerText || element.getAttribute('placeholder') || ''),
    );
  return parts.join('\n');
}

function expectNoEnglish(text: string): void {
  const left = englishFragments.filter((fragment) => text.includes(fragment));
  expect(left, `English left on a Thai screen:\n${text}`).toEqual([]);
}

test('the Admin in Thai has no English of its own left, in every section and the user form', async ({ page }) => {
  // Eight screens in one test, on a shared 2-core machine.
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await showInLanguage(page, 'th');
  await signInAsAdminByApi(page);
  for (const section of SECTIONS) {
    await page.goto(`/admin/${section}`);
    await expect(page.getByRole('heading', { level: 1, name: 'ผู้ดูแลระบบ' })).toBeVisible();
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    expectNoEnglish(await adminChrome(page));
  }
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'ผู้ใช้ใหม่' }).click();
  await page.getByRole('button', { name: 'เพิ่มทักษะ' }).click();
  const dialog = page.getByRole('dialog', { name: 'ผู้ใช้ใหม่' });
  await expect(dialog).toBeVisible();
  expectNoEnglish(await adminChrome(page));
  expect(errors).toEqual([]);
});

for (const language of ['en', 'th'] as const) {
  for (const [device, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['tablet', { width: 1280, height: 800 }],
  ] as const) {
    test(`screenshots of every Admin section, ${device}, ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await showInLanguage(page, language);
      await signInAsAdminByApi(page);
      for (const section of SECTIONS) {
        await page.goto(`/admin/${section}`);
        await expect(page.locator('main tbody tr').first()).toBeVisible();
        await screenshot(page, `${section}-${device}-${language}`);
      }
      await page.goto('/admin/users');
      await page.getByRole('button', { name: language === 'th' ? 'ผู้ใช้ใหม่' : 'New user' }).click();
      await page.getByRole('dialog').waitFor();
      await screenshot(page, `user-form-${device}-${language}`);
    });
  }
}
