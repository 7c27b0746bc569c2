import type { SqlRunner } from '../db/database.ts';
import type { PairedStation } from '@atelier/contracts';
import { hashSecret } from '../auth/secret-token.ts';

/** `last_seen_at` of a device is written at most this often. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const STATION_COLUMNS = `s.id, s.name,
  COALESCE((SELECT json_agg(json_build_object('code', w.code, 'name', w.name) ORDER BY w.code)
              FROM station_work_centers sw JOIN work_centers w ON w.id = sw.work_center_id
             WHERE sw.station_id = s.id), '[]'::json) AS "workCenters"`;

/**
 * The station a tablet is, from its device token (cookie or header); null for a missing,
 * unknown or revoked token. Records when the device was last seen, at most once a minute.
 */
export async function resolveStation(db: SqlRunner, token: string | undefined): Promise<PairedStation | null> {
  if (token === undefined || token === '') return null;
  const [row] = await db.query<PairedStation & { device_id: string; stale: boolean }>(
    `SELECT ${STATION_COLUMNS}, d.id AS device_id,
            (d.last_seen_at IS NULL OR d.last_seen_at < now() - $2 * interval '1 millisecond') AS stale
       FROM station_devices d JOIN stations s ON s.id = d.station_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL`,
    [hashSecret(token), LAST_SEEN_RESOLUTION_MS],
  );
  if (row === undefined) return null;
  if (row.stale) await db.query('UPDATE station_devices SET last_seen_at = now() WHERE id = $1', [row.device_id]);
  return { id: row.id, name: row.name, workCenters: row.workCenters };
}

/** A station by id or by name, as a tablet sees it; null when there is none. */
export async function findStation(
  db: SqlRunner,
  idOrName: string,
  by: 'id' | 'name' = 'id',
): Promise<PairedStation | null> {
  const [row] = await db.query<PairedStation>(
    `SELECT ${STATION_COLUMNS} FROM stations s WHERE ${by === 'id' ? 's.id::text' : 's.name'} = $1`,
    [idOrName],
  );
  return row ?? null;
}
