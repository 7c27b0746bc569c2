import { readFileSync } from 'node:fs';
import type { SqlRunner } from '../db/database.ts';

/**
 * A comparable description of a relational schema, built either from the Prisma schema
 * (`expectedSchema`) or from a live database (`actualSchema`), so a test can assert they are equal
 * and get a readable diff naming the table, column or index that drifted.
 */
export interface SchemaSnapshot {
  enums: Record<string, string[]>;
  tables: Record<string, TableSnapshot>;
}

interface TableSnapshot {
  /** column → e.g. `uuid not null default`, `timestamptz(3) null`, `role[] not null default`. */
  columns: Record<string, string>;
  /** e.g. `users_pkey primary (id)`, `tokens_serial_key unique (serial)`, sorted. */
  indexes: string[];
  /** e.g. `tokens_parent_id_fkey (parent_id) -> tokens (id) on delete SetNull on update Cascade`, sorted. */
  foreignKeys: string[];
}

/** The subset of Prisma's DMMF datamodel (scripts/dmmf-generator.mjs) this module reads. */
interface Dmmf {
  enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
  models: DmmfModel[];
  indexes: {
    model: string;
    type: 'id' | 'unique' | 'normal' | 'fulltext';
    dbName?: string | null;
    fields: { name: string }[];
  }[];
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  Float: 'float8',
  Decimal: 'numeric',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_TYPES: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'varchar',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
  Date: 'date',
  Time: 'time',
  JsonB: 'jsonb',
  Json: 'json',
};
/** Types whose columns carry a fractional-seconds precision. */
const TIME_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);
const DELETE_ACTIONS: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

/**
 * What `schema.prisma` declares: `dmmfPath` is the DMMF JSON written by `prisma generate`, and
 * `schemaPath` the schema text, read for `Unsupported("…")` fields, which the DMMF omits.
 */
export function expectedSchema(dmmfPath: string, schemaPath: string): SchemaSnapshot {
  const dmmf = JSON.parse(readFileSync(dmmfPath, 'utf8')) as Dmmf;
  const tableOf = new Map(dmmf.models.map((model) => [model.name, model.dbName ?? model.name]));
  const enumOf = new Map(dmmf.enums.map((entry) => [entry.name, entry.dbName ?? entry.name]));
  const unsupported = unsupportedFields(readFileSync(schemaPath, 'utf8'));

  const tables: Record<string, TableSnapshot> = {};
  for (const model of dmmf.models) {
    const table = tableOf.get(model.name) ?? model.name;
    const extra = unsupported[model.name] ?? [];
    const columnOf = new Map([
      ...model.fields.map((field): [string, string] => [field.name, field.dbName ?? field.name]),
      ...extra.map((field): [string, string] => [field.name, field.column]),
    ]);
    const columns: Record<string, string> = Object.fromEntries(extra.map((field) => [field.column, field.description]));
    const foreignKeys: string[] = [];
    for (const field of model.fields) {
      if (field.kind !== 'object') {
        columns[columnOf.get(field.name) ?? field.name] = describeColumn(
          columnType(field, enumOf),
          !field.isRequired,
          field.hasDefaultValue,
        );
        continue;
      }
      const from = (field.relationFromFields ?? []).map((name) => columnOf.get(name) ?? name);
      if (from.length === 0) continue;
      const target = dmmf.models.find((candidate) => candidate.name === field.type);
      const targetColumns = new Map(target?.fields.map((f) => [f.name, f.dbName ?? f.name]));
      const to = (field.relationToFields ?? []).map((name) => targetColumns.get(name) ?? name);
      // Prisma's referential-action defaults: Restrict for a required relation, SetNull for an optional one.
      const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
      const onUpdate = field.relationOnUpdate ?? 'Cascade';
      foreignKeys.push(
        describeForeignKey(
          `${table}_${from.join('_')}_fkey`,
          from,
          tableOf.get(field.type) ?? field.type,
          to,
          onDelete,
          onUpdate,
        ),
      );
    }
    const indexes = dmmf.indexes
      .filter((index) => index.model === model.name)
      .map((index) => {
        const indexColumns = index.fields.map((f) => columnOf.get(f.name) ?? f.name);
        const kind = index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index';
        const suffix =
          index.type === 'id'
            ? 'pkey'
            : index.type === 'unique'
              ? `${indexColumns.join('_')}_key`
              : `${indexColumns.join('_')}_idx`;
        return describeIndex(index.dbName ?? `${table}_${suffix}`, kind, indexColumns);
      });
    tables[table] = { columns, indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  }

  const enums: Record<string, string[]> = {};
  for (const entry of dmmf.enums)
    enums[entry.dbName ?? entry.name] = entry.values.map((value) => value.dbName ?? value.name);
  return { enums, tables };
}

/** What the database at the other end of `db` holds in its current schema (the migrator's ledger excluded). */
export async function actualSchema(db: SqlRunner): Promise<SchemaSnapshot> {
  const columns = await db.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    datetime_precision: number | null;
    is_nullable: string;
    has_default: boolean;
  }>(
    `
    SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.udt_name::text, c.datetime_precision::int,
           c.is_nullable::text, (c.column_default IS NOT NULL) AS has_default
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> '_migrations'`,
    [],
  );
  const indexes = await db.query<{
    table_name: string;
    index_name: string;
    is_primary: boolean;
    is_unique: boolean;
    columns: string[];
  }>(
    `
    SELECT t.relname::text AS table_name, i.relname::text AS index_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
           ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname <> '_migrations'`,
    [],
  );
  const foreignKeys = await db.query<{
    table_name: string;
    name: string;
    target: string;
    on_delete: string;
    on_update: string;
    columns: string[];
    target_columns: string[];
  }>(
    `
    SELECT t.relname::text AS table_name, c.conname::text AS name, ft.relname::text AS target,
           c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS target_columns
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_class ft ON ft.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
    [],
  );
  const enumValues = await db.query<{ enum_name: string; value: string }>(
    `
    SELECT t.typname::text AS enum_name, e.enumlabel::text AS value
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema()
     ORDER BY t.typname, e.enumsortorder`,
    [],
  );

  const tables: Record<string, TableSnapshot> = {};
  const tableFor = (name: string): TableSnapshot => (tables[name] ??= { columns: {}, indexes: [], foreignKeys: [] });
  for (const column of columns) {
    const array = column.data_type === 'ARRAY';
    const base = array ? column.udt_name.slice(1) : column.udt_name;
    const precision = TIME_TYPES.has(base) ? `(${column.datetime_precision})` : '';
    tableFor(column.table_name).columns[column.column_name] = describeColumn(
      `${base}${precision}${array ? '[]' : ''}`,
      column.is_nullable === 'YES',
      column.has_default,
    );
  }
  for (const index of indexes) {
    const kind = index.is_primary ? 'primary' : index.is_unique ? 'unique' : 'index';
    tableFor(index.table_name).indexes.push(describeIndex(index.index_name, kind, index.columns));
  }
  for (const fk of foreignKeys) {
    tableFor(fk.table_name).foreignKeys.push(
      describeForeignKey(
        fk.name,
        fk.columns,
        fk.target,
        fk.target_columns,
        DELETE_ACTIONS[fk.on_delete] ?? fk.on_delete,
        DELETE_ACTIONS[fk.on_update] ?? fk.on_update,
      ),
    );
  }
  for (const table of Object.values(tables)) {
    table.indexes.sort();
    table.foreignKeys.sort();
  }
  const enums: Record<string, string[]> = {};
  for (const { enum_name, value } of enumValues) (enums[enum_name] ??= []).push(value);
  return { enums, tables };
}

function columnType(field: DmmfField, enumOf: Map<string, string>): string {
  const [native, args] = field.nativeType ?? [undefined, []];
  let base: string;
  if (field.kind === 'enum') base = enumOf.get(field.type) ?? field.type;
  else if (native !== undefined) base = NATIVE_TYPES[native] ?? native.toLowerCase();
  else if (field.type === 'DateTime') base = 'timestamp';
  else base = SCALAR_TYPES[field.type] ?? field.type;
  // Prisma's DateTime columns default to millisecond precision.
  const precision = TIME_TYPES.has(base) ? `(${args[0] ?? 3})` : '';
  return `${base}${precision}${field.isList ? '[]' : ''}`;
}

/** Fields declared `name Unsupported("type") … @map("column")`, per model name. */
function unsupportedFields(
  schemaText: string,
): Record<string, { name: string; column: string; description: string }[]> {
  const result: Record<string, { name: string; column: string; description: string }[]> = {};
  for (const [, modelName = '', body = ''] of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const [line = '', name = '', type = '', optional] of body.matchAll(
      /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?.*$/gm,
    )) {
      const column = /@map\("([^"]+)"\)/.exec(line)?.[1] ?? name;
      (result[modelName] ??= []).push({
        name,
        column,
        description: describeColumn(type, optional === '?', line.includes('@default(')),
      });
    }
  }
  return result;
}

function describeColumn(type: string, nullable: boolean, hasDefault: boolean): string {
  return `${type} ${nullable ? 'null' : 'not null'}${hasDefault ? ' default' : ''}`;
}

function describeIndex(name: string, kind: string, columns: string[]): string {
  return `${name} ${kind} (${columns.join(', ')})`;
}

function describeForeignKey(
  name: string,
  columns: string[],
  target: string,
  targetColumns: string[],
  onDelete: string,
  onUpdate: string,
): string {
  return `${name} (${columns.join(', ')}) -> ${target} (${targetColumns.join(', ')}) on delete ${onDelete} on update ${onUpdate}`;
}
