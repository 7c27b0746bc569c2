import type { Page } from '@playwright/test';

/**
 * Uncaught exceptions and console errors of a page, to assert a clean run. The browser logs each
 * failed request as a console error; `expectedStatuses` lists the API answers a test provokes on
 * purpose (a wrong PIN's 401), which are not faults.
 */
export function collectPageErrors(page: Page, expectedStatuses: readonly number[] = []): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (expectedStatuses.some((status) => text.includes(`status of ${status}`))) return;
    errors.push(text);
  });
  return errors;
}
