import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabaseOptions } from './test-database.ts';

/** The test file's scratch database, open between its `beforeAll` and `afterAll`. */
export interface SharedTestDatabase {
  readonly db: Database;
  /** URL of the scratch database on PostgreSQL (to open a second handle on it); undefined on PGlite. */
  readonly databaseUrl: string | undefined;
}

/**
 * Registers the hooks that give the calling `describe` one scratch database (see
 * `createTestDatabase`) for all its tests, dropped after them.
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): SharedTestDatabase {
  let opened: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    opened = await createTestDatabase(options);
  });
  afterAll(() => opened?.drop());
  const current = () => {
    if (opened === undefined) throw new Error('The test database is used before its beforeAll ran');
    return opened;
  };
  return {
    get db() {
      return current().db;
    },
    get databaseUrl() {
      return current().databaseUrl;
    },
  };
}
