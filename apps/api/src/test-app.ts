import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Database } from './db/database.ts';
import { loadEnv } from './env.ts';
import { seedDemo } from './seed/seed-demo.ts';
import { createTestDatabase } from './testing/test-database.ts';

/** The moment the seeded demo story ends in tests. */
export const TEST_NOW = new Date('2026-11-24T08:00:00Z');

/** An app on a fresh scratch database, for `app.inject` tests. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: Database;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

/** Options of {@link buildTestApp}. */
export interface TestAppOptions {
  /** Load the demo data set first (default false). */
  readonly seed?: boolean;
  /** The built SPA to serve; by default a folder that does not exist. */
  readonly webDistDir?: string;
  /** `STATION_AUTO_PAIR` (default false: tests pair their stations themselves). */
  readonly stationAutoPair?: boolean;
  /** `ASSIGNMENT_TICK_MS` (default 0: no timer; tests run passes with `app.assignmentEngine.runPass(now)`). */
  readonly assignmentTickMs?: number;
}

/**
 * Builds the app the way server.ts does, on a migrated scratch database (PGlite, or PostgreSQL
 * when DATABASE_URL is set), quiet and without listening.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { db, drop } = await createTestDatabase();
  try {
    if (options.seed) await seedDemo(db, { now: TEST_NOW });
    const env = loadEnv({
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: options.webDistDir ?? join(tmpdir(), 'atelier-no-web-dist'),
      STATION_AUTO_PAIR: String(options.stationAutoPair ?? false),
      ASSIGNMENT_TICK_MS: String(options.assignmentTickMs ?? 0),
    });
    const app = await buildApp({ db, env });
    await app.ready();
    return {
      app,
      db,
      close: async () => {
        await app.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
