import type { SqlRunner } from '../db/database.ts';

/** Which SQLSTATE the injected failures carry: a deadlock or a serialization failure. */
export type InjectedConflict = '40P01' | '40001';

/**
 * Makes the next `times` writes to `table` fail in the database itself with `code`, as a deadlock
 * or serialization failure would (on PGlite too, where a real one cannot happen): a trigger
 * raises it while a sequence — which a rollback does not reset — has not yet counted `times`.
 * Returns a function that removes the trigger.
 */
export async function injectConflicts(
  db: SqlRunner,
  table: string,
  times: number,
  code: InjectedConflict,
): Promise<() => Promise<void>> {
  await db.query(`
    CREATE SEQUENCE IF NOT EXISTS injected_conflicts;
    SELECT setval('injected_conflicts', 1, false);
    CREATE OR REPLACE FUNCTION inject_conflict() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('injected_conflicts') <= TG_ARGV[0]::int THEN
        RAISE EXCEPTION 'injected conflict on %', TG_TABLE_NAME USING ERRCODE = TG_ARGV[1];
      END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS inject_conflict ON ${table};
    CREATE TRIGGER inject_conflict BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION inject_conflict('${times}', '${code}');`);
  return async () => {
    await db.query(`DROP TRIGGER IF EXISTS inject_conflict ON ${table}`);
  };
}
