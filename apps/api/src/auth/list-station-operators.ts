import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { StationOperator } from '@atelier/contracts';
import { stationOperatorCondition } from '../stations/station-operator-filter.ts';

/** Reads the `[displayName, id]` sort key a station-operator cursor carries. */
function readCursor(cursor: string): [string, string] {
  try {
    const [name, id, ...rest]: unknown[] = JSON.parse(decodeCursor(cursor));
    if (typeof name === 'string' && typeof id === 'string' && rest.length === 0) return [name, id];
  } catch {
    // Not JSON, not an array: the same refusal as any foreign cursor.
  }
  throw new HttpProblem(400, 'INVALID_CURSOR', 'The cursor is not one this API issued; start again without it.');
}

/**
 * The people who can sign in on a registered station (its operators, see
 * `station-operator-filter.ts`), by name, for the station's "pick your name" screen; optionally
 * one team's. Only names and teams: no badge ids, no roles.
 */
export async function listStationOperators(
  db: SqlRunner,
  stationId: string,
  query: { team?: string; cursor?: string; limit: number },
): Promise<{ items: StationOperator[]; nextCursor: string | null }> {
  const after = query.cursor === undefined ? null : readCursor(query.cursor);
  const rows = await db.query<StationOperator & { sort_name: string }>(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.display_name AS sort_name,
            json_build_object('code', t.code, 'name', t.name) AS team
       FROM users u JOIN teams t ON t.id = u.team_id
      WHERE ${stationOperatorCondition('$5')}
        AND ($1::text IS NULL OR t.code = $1)
        AND ($2::text IS NULL OR (u.display_name, u.id::text) > ($2, $3))
      ORDER BY u.display_name, u.id::text
      LIMIT $4`,
    [query.team ?? null, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1, stationId],
  );
  return toPage(
    rows,
    query.limit,
    (row) => JSON.stringify([row.sort_name, row.userId]),
    ({ sort_name: _sortName, ...operator }) => operator,
  );
}
