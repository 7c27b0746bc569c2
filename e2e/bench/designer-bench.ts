/**
 * The designer's figures in `pnpm bench:web` (issue 17), on the production build:
 * - `designer{300,1000}FirstRenderMs`: navigation start → the canvas shows its nodes, for a generated
 *   routing with splits, decisions, QC and rework;
 * - `designer{300,1000}DragFps`: a scripted 2 s mouse drag of one node, fps from requestAnimationFrame
 *   intervals (plus the long tasks seen meanwhile);
 * - `validate{300,1000}Ms`: the domain validator on that routing, median of 50 runs, as one edit costs;
 * - `designerJsGzipKb`: gzip of the JS the designer route downloads after the app shell.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { BenchModule } from './bench-module.ts';
import { validateGraph } from '../../packages/domain/src/graph/validate-graph.ts';
import { generateGraph } from '../../packages/domain/src/testing/generate-graph.ts';

const DIST = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
const SIZES = [
  { nodes: 300, sections: 8 },
  { nodes: 1000, sections: 20 },
] as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Median time of one full validation (what the designer runs after each edit). */
function timeValidation(graph: ReturnType<typeof generateGraph>): number {
  const times: number[] = [];
  for (let i = 0; i < 55; i++) {
    const start = performance.now();
    validateGraph(graph);
    if (i >= 5) times.push(performance.now() - start);
  }
  return round(median(times), 2);
}

/** Opens the routing and returns ms from navigation start until its nodes are on the canvas. */
async function firstRender(page: Page, base: string, code: string): Promise<number> {
  await page.goto(`${base}/designer/${code}/1`);
  await page.waitForSelector('.react-flow__node', { timeout: 120_000 });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
      ),
  );
}

/** Drags one visible node for 2 s with the mouse; fps from rAF intervals while it moves. */
async function dragFps(page: Page): Promise<{ fps: number; longTaskMs: number }> {
  const node = page.locator('.react-flow__node-operation').first();
  const box = await node.boundingBox();
  if (!box) throw new Error('no node on screen');
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = 0;
    window.__stop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__long += entry.duration;
    }).observe({ type: 'longtask' });
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 0; Date.now() - started < 2000; i++) {
    await page.mouse.move(x + Math.sin(i / 10) * 150, y + Math.cos(i / 10) * 80);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const { frames, long } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames, long: w.__long };
  });
  const seconds = ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) / 1000;
  return { fps: round((frames.length - 1) / seconds), longTaskMs: Math.round(long) };
}

/** Gzip of the JS files the browser fetched for the designer route after the shell was loaded. */
async function designerJsGzipKb(page: Page, base: string): Promise<number> {
  await page.goto(`${base}/no-such-page`);
  await page.waitForLoadState('networkidle');
  const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  await page
    .getByRole('link', { name: /Designer/ })
    .first()
    .click();
  await page.waitForSelector('.dz-list-page, .dz-table', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const after = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const seen = new Set(before);
  const files = after.filter((name) => !seen.has(name) && name.endsWith('.js'));
  const bytes = files.reduce((sum, url) => {
    const file = new URL(url).pathname.replace(/^\//, '');
    return sum + gzipSync(readFileSync(`${DIST}${file}`)).length;
  }, 0);
  return round(bytes / 1024);
}

/** Signs in as the demo designer, imports generated 300- and 1,000-node routings and measures them. */
export const designerBench: BenchModule = async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/sign-in`);
    await page.getByLabel('Username').fill('designer');
    await page.getByLabel('Password').fill('atelier-designer');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const result: Record<string, number> = {};
    result.designerJsGzipKb = await designerJsGzipKb(page, baseURL);
    for (const size of SIZES) {
      const graph = { ...generateGraph({ ...size, seed: 2026 }), code: `BENCH-${size.nodes}` };
      const answer = await page.request.post(`${baseURL}/api/v1/graphs/import`, { data: graph });
      if (!answer.ok()) throw new Error(`import ${size.nodes}: ${answer.status()} ${await answer.text()}`);
      result[`validate${size.nodes}Ms`] = timeValidation(graph);
      result[`designer${size.nodes}FirstRenderMs`] = Math.round(await firstRender(page, baseURL, graph.code));
      const drag = await dragFps(page);
      result[`designer${size.nodes}DragFps`] = drag.fps;
      result[`designer${size.nodes}DragLongTaskMs`] = drag.longTaskMs;
    }
    return result;
  } finally {
    await context.close();
  }
};
