import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { signInAsManagerByApi } from './support/sign-in.ts';

/**
 * What the browser objects to while a page runs under the server's security headers: content
 * security policy violations (reported by the page itself, with the directive) and the console's
 * errors and warnings (a Permissions-Policy feature Chromium does not know is a warning).
 */
function collectPolicyComplaints(page: Page): string[] {
  const complaints: string[] = [];
  void page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
  });
  return complaints;
}

test('the app runs under its content security policy (no inline <style>) without a violation', async ({ page }) => {
  const complaints = collectPolicyComplaints(page);
  await signInAsManagerByApi(page);
  await page.goto('/orders');
  await page.getByText('Signature Tote — Cognac').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MO-2026-0012');
  // The per-step heat bars are sized by inline style attributes, which the policy allows.
  await expect(page.locator('[style]').first()).toBeAttached();
  await page.goto('/sign-in/station');
  await expect(page.getByLabel('Badge')).toBeVisible();
  expect(complaints).toEqual([]);
});

test('the API documentation page runs under its own policy without a violation', async ({ page }) => {
  // Swagger UI renders every operation of the API at once: slow on a busy 2-core machine.
  test.slow();
  const complaints = collectPolicyComplaints(page);
  await page.goto('/api/docs');
  await page.locator('.opblock-summary').first().click({ timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Try it out' }).first()).toBeVisible({ timeout: 30_000 });
  expect(complaints).toEqual([]);
});
