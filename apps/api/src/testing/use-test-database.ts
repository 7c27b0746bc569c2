import type { Database } from '../db/database.ts';
import { createTestDatabase, type TestDatabaseOptions } from './test-database.ts';
import { useHookedResource } from './use-hooked-resource.ts';

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
  const current = useHookedResource(
    () => createTestDatabase(options),
    (testDb) => testDb.drop(),
  );
  return {
    get db() {
      return current().db;
    },
    get databaseUrl() {
      return current().databaseUrl;
    },
  };
}
