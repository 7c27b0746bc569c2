import { gzipSync } from 'node:zlib';
import { request, type Browser, type Page } from '@playwright/test';
import { DEMO_OPERATORS } from '../../apps/api/src/seed/demo-people.ts';
import type { BenchModule } from './bench-module.ts';

const TABLET = { width: 1280, height: 800 };
const SIGN_INS = 10;
const EVENTS = 20;

function operator(username: string) {
  const found = DEMO_OPERATORS.find((person) => person.username === username);
  if (!found) throw new Error(`no demo operator ${username}`);
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** On `/station`: the operator's tile and PIN; resolves when My work shows its cards or its empty state. */
async function signIn(page: Page, username: string): Promise<number> {
  const person = operator(username);
  await page.getByRole('button', { name: new RegExp(person.displayName) }).click();
  for (const digit of person.pin) await page.getByRole('button', { name: digit, exact: true }).click();
  const started = performance.now();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page
    .getByRole('region', { name: 'My work' })
    .locator('article, .empty-state')
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - started;
}

/**
 * The station's figures: gzip size of the JavaScript a tablet downloads from `/station` up to My
 * work; PIN accepted → My work rendered (median of 10); a claim by another client through the
 * API → the station's card gone (p95 of 20).
 */
export const stationBench: BenchModule = async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: TABLET, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/station');
  await page.getByRole('heading', { name: 'Who is working?' }).waitFor();
  const signInTimes: number[] = [];
  signInTimes.push(await signIn(page, 'somchai.k'));
  await page.waitForLoadState('networkidle');
  const stationJsGzipKb = await downloadedJsGzipKb(page, baseURL);
  for (let run = 1; run < SIGN_INS; run += 1) {
    await page.getByRole('button', { name: 'Switch operator' }).click();
    await page.getByRole('heading', { name: 'Who is working?' }).waitFor();
    signInTimes.push(await signIn(page, 'somchai.k'));
  }

  const eventTimes = await eventToScreen(browser, page, baseURL);
  await context.close();
  return {
    stationJsGzipKb,
    signInToMyWorkMs: Math.round(median(signInTimes)),
    eventToScreenP95Ms: Math.round(percentile(eventTimes, 95)),
  };
};

/** Every script the page loaded (resource timing), gzipped as a server would send it, in KB. */
async function downloadedJsGzipKb(page: Page, baseURL: string): Promise<number> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.endsWith('.js')),
  );
  let bytes = 0;
  for (const url of new Set(urls)) {
    const body = Buffer.from(await (await fetch(new URL(new URL(url).pathname, baseURL))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

/** A colleague claims pieces the station shows in Available through the API; how long until each card goes. */
async function eventToScreen(_browser: Browser, page: Page, baseURL: string): Promise<number[]> {
  const colleague = operator('napat.s');
  const api = await request.newContext({ baseURL });
  await api.get('/api/v1/auth/station');
  await api.post('/api/v1/auth/pin', { data: { badgeId: colleague.badgeId, pin: colleague.pin } });
  const available = page.getByRole('region', { name: 'Available' });
  const times: number[] = [];
  for (let sample = 0; sample < EVENTS; sample += 1) {
    const theirs = (await (await api.get('/api/v1/work-items?available=me&limit=200')).json()).items as {
      id: string;
      token: { serial: string };
    }[];
    const shown = new Set(await available.getByRole('article').getByRole('heading').allTextContents());
    const target = theirs.find((item) => shown.has(item.token.serial));
    if (!target) break;
    const claimed = await api.post(`/api/v1/work-items/${target.id}/claim`, { data: {} });
    const answeredAt = performance.now();
    if (claimed.status() !== 200) throw new Error(`claim answered ${claimed.status()}`);
    await available
      .getByRole('heading', { name: target.token.serial, exact: true })
      .waitFor({ state: 'detached', timeout: 10_000 });
    times.push(performance.now() - answeredAt);
  }
  await api.dispose();
  if (times.length === 0) throw new Error('no piece both operators may claim: nothing measured');
  return times;
}
