import type { Tx } from './piece-store.ts';

/** A column of a bulk insert: its SQL name and the SQL type of its values. */
export interface BulkColumn<Row> {
  readonly name: string;
  /** The SQL type the text value is cast to: `uuid`, `text`, `int`, `jsonb`, `timestamptz`, an enum type … */
  readonly type: string;
  /** An SQL expression of the cast value `ref` when a cast is not enough (e.g. a `text[]` column from a JSON array). */
  readonly expression?: (ref: string) => string;
  readonly value: (row: Row) => string | number | boolean | Date | null | object;
}

function toParam(value: ReturnType<BulkColumn<unknown>['value']>, type: string): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === 'jsonb') return JSON.stringify(value);
  return value as string | number | boolean;
}

/**
 * Inserts many rows with ONE statement, one array parameter per column zipped by `unnest`: the
 * statement stays the same size whatever the row count, so releasing hundreds of pieces costs a
 * few round trips (Prisma's `createMany` binds one parameter per cell). Values travel as text and
 * are cast to the column type in SQL.
 */
export async function bulkInsert<Row>(tx: Tx, table: string, columns: readonly BulkColumn<Row>[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((_, index) => `$${index + 1}::text[]`).join(', ');
  const casts = columns.map((column, index) => (column.expression ?? ((ref: string) => ref))(`c${index}::${column.type}`)).join(', ');
  const aliases = columns.map((_, index) => `c${index}`).join(', ');
  const params = columns.map((column) => rows.map((row) => {
    const value = toParam(column.value(row), column.type);
    return value === null ? null : String(value);
  }));
  await tx.$executeRawUnsafe(`INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${arrays}) AS u(${aliases})`, ...params);
}
