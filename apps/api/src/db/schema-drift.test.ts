import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualSchema, expectedSchema } from '../testing/schema-snapshot.ts';
import type { SchemaSnapshot } from '../testing/schema-snapshot.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';

const DMMF_PATH = fileURLToPath(new URL('../generated/schema-metadata/dmmf.json', import.meta.url));
const SCHEMA_PATH = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url));

describe('the migrated database matches prisma/schema.prisma', () => {
  let testDb: TestDatabase;
  let expected: SchemaSnapshot;
  let actual: SchemaSnapshot;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    expected = expectedSchema(DMMF_PATH, SCHEMA_PATH);
    actual = await actualSchema(testDb.db);
  });
  afterAll(() => testDb.drop());

  it('has exactly the declared tables', () => {
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
  });

  it('has every column with its declared type, nullability and default', () => {
    for (const [table, { columns }] of Object.entries(expected.tables)) {
      expect({ table, columns: actual.tables[table]?.columns }).toEqual({ table, columns });
    }
  });

  it('has the declared indexes, unique constraints and primary keys', () => {
    for (const [table, { indexes }] of Object.entries(expected.tables)) {
      expect({ table, indexes: actual.tables[table]?.indexes }).toEqual({ table, indexes });
    }
  });

  it('has the declared foreign keys with their referential actions', () => {
    for (const [table, { foreignKeys }] of Object.entries(expected.tables)) {
      expect({ table, foreignKeys: actual.tables[table]?.foreignKeys }).toEqual({ table, foreignKeys });
    }
  });

  it('has the declared enum types and values, in order', () => {
    expect(actual.enums).toEqual(expected.enums);
  });
});
