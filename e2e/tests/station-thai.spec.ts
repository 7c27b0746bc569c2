import { expect, test, type Page } from '@playwright/test';
import english from '../../apps/web/src/i18n/locales/en/station.json' with { type: 'json' };
import thai from '../../apps/web/src/i18n/locales/th/station.json' with { type: 'json' };
import { collectPageErrors } from './support/page-errors.ts';
import { englishOnlyTexts, openTablet, shoot, signInAtStation, TABLET_PORTRAIT } from './support/station.ts';

test.describe.configure({ timeout: 90_000 });

const ENGLISH = englishOnlyTexts(english, thai);

/**
 * Fails when the page shows any phrase of the English station catalog (whole words). What the
 * factory entered (names, products, steps, skills) is marked `translate="no"` and left out.
 */
async function expectNoEnglish(page: Page) {
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[translate="no"]').forEach((data) => data.remove());
    return copy.innerText || copy.textContent || '';
  });
  const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(ENGLISH.filter((phrase) => new RegExp(`\\b${escape(phrase)}\\b`).test(text))).toEqual([]);
}

test('the station journey in Thai: tiles, PIN, take next, start, pause, resume, complete — no English left', async ({
  browser,
}) => {
  const { context, page } = await openTablet(browser, 'th');
  const errors = collectPageErrors(page, [401]);
  await page.goto('/station');
  await expect(page.getByRole('heading', { name: 'ใครกำลังทำงาน?' })).toBeVisible();
  await expectNoEnglish(page);
  await shoot(page, 'tiles-th-1280x800');
  await page.getByRole('button', { name: /Pranee Wongsawat/ }).click();
  await expectNoEnglish(page);
  await shoot(page, 'pin-th-1280x800');
  await signInAtStation(page, 'pranee.w', 'เข้าสู่ระบบ');
  const mine = page.getByRole('region', { name: 'งานของฉัน' });
  await expect(page.getByRole('region', { name: 'งานที่รับได้' })).toBeVisible();
  await expectNoEnglish(page);
  await shoot(page, 'queue-th-1280x800');

  await page.getByRole('button', { name: 'รับชิ้นงานถัดไป' }).click();
  const card = mine.getByRole('article').filter({ hasText: 'รับงานแล้ว' }).first();
  const serial = (await card.getByRole('heading').textContent()) ?? '';
  const mineCard = mine.getByRole('article').filter({ has: page.getByRole('heading', { name: serial }) });
  await card.getByRole('button', { name: 'เริ่ม' }).click();
  await mineCard.getByRole('button', { name: 'หยุดชั่วคราว' }).click();
  await expectNoEnglish(page);
  await shoot(page, 'pause-th-1280x800');
  await page.getByRole('button', { name: 'พักเบรก' }).click();
  await expect(mineCard).toContainText('หยุดชั่วคราว');
  await mineCard.getByRole('button', { name: 'ทำต่อ' }).click();
  await mineCard.getByRole('button', { name: 'รายละเอียด' }).click();
  await expect(page.getByRole('dialog')).toContainText('วิธีทำ');
  await expectNoEnglish(page);
  await shoot(page, 'details-th-1280x800');
  await page.keyboard.press('Escape');
  await mineCard.getByRole('button', { name: 'เสร็จสิ้น' }).click();
  await expect(page.getByText(`${serial} เสร็จสิ้นแล้ว`).first()).toBeVisible();
  await expectNoEnglish(page);

  await page.setViewportSize(TABLET_PORTRAIT);
  await shoot(page, 'queue-th-800x1280');
  await page.getByRole('button', { name: 'เปลี่ยนผู้ปฏิบัติงาน' }).click();
  await expect(page.getByRole('heading', { name: 'ใครกำลังทำงาน?' })).toBeVisible();
  await shoot(page, 'tiles-th-800x1280');
  expect(errors).toEqual([]);
  await context.close();
});
