import type { Browser } from '@playwright/test';

/** What a web benchmark module gets: the browser and the running production server. */
export interface BenchContext {
  readonly browser: Browser;
  readonly baseURL: string;
}

/** A module of `pnpm bench:web`: measures its figures and returns them by name (merged into one JSON line). */
export type BenchModule = (context: BenchContext) => Promise<Record<string, number>>;
