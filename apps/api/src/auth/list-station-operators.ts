import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { StationOperator, StationOperatorQuery } from '@atelier/contracts';
import { stationOperatorCondition } from '../stations/station-operator-filter.ts';
import { qualifiedSql, WORK_ITEM_FROM } from '../work-items/work-item-sql.ts';

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
 * `station-operator-filter.ts`), by name, for the station's name tiles: team, attendance and
 * skills, never badge ids or roles. Optionally one team's, only the present (or absent), or only
 * those qualified for a work item's step (the hand-off picker; the same `qualifiedSql` as the
 * hand-off's own check, so a colleague offered is one the hand-off accepts).
 */
export async function listStationOperators(
  db: SqlRunner,
  stationId: string,
  query: StationOperatorQuery,
): Promise<{ items: StationOperator[]; nextCursor: string | null }> {
  const after = query.cursor === undefined ? null : readCursor(query.cursor);
  const rows = await db.query<StationOperator & { sort_name: string }>(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.display_name AS sort_name,
            json_build_object('code', t.code, 'name', t.name) AS team, u.present,
            COALESCE((SELECT json_agg(json_build_object('code', s.code, 'name', s.name, 'level', us.level)
                                      ORDER BY us.level DESC, s.code)
                        FROM user_skills us JOIN skills s ON s.id = us.skill_id WHERE us.user_id = u.id), '[]') AS skills
       FROM users u JOIN teams t ON t.id = u.team_id
      WHERE ${stationOperatorCondition('$5')}
        AND ($1::text IS NULL OR t.code = $1)
        AND ($2::text IS NULL OR (u.display_name, u.id::text) > ($2, $3))
        AND ($6::boolean IS NULL OR u.present = $6)
        AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM ${WORK_ITEM_FROM} WHERE w.id = $7::uuid AND ${qualifiedSql('u.id')}))
      ORDER BY u.display_name, u.id::text
      LIMIT $4`,
    [
      query.team ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
      stationId,
      query.present ?? null,
      query.qualifiedFor ?? null,
    ],
  );
  return toPage(
    rows,
    query.limit,
    (row) => JSON.stringify([row.sort_name, row.userId]),
    ({ sort_name: _sortName, ...operator }) => operator,
  );
}
