/**
 * `pnpm bench:web`: the production build in headless Chromium, one JSON line of figures. Each
 * module measures its own screen (`station-bench.ts`, `designer-bench.ts`).
 */
import { chromium } from '@playwright/test';
import { startBenchServer } from './bench-server.ts';
import type { BenchModule } from './bench-module.ts';
import { designerBench } from './designer-bench.ts';
import { stationBench } from './station-bench.ts';

const MODULES: readonly BenchModule[] = [stationBench, designerBench];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Frames are not capped at the display's rate, so the designer's drag fps shows the real headroom.
  '--disable-gpu-vsync',
];

const server = await startBenchServer(Number(process.env.BENCH_PORT ?? 3399));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const figures: Record<string, number> = {};
  for (const module of MODULES) Object.assign(figures, await module({ browser, baseURL: server.baseURL }));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await browser.close();
  await server.stop();
}
