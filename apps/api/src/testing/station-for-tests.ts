import { randomBytes } from 'node:crypto';
import type { SqlRunner } from '../db/database.ts';
import { hashSecret, newSecret } from '../auth/secret-token.ts';
import { STATION_TOKEN_HEADER } from '../stations/station-token.ts';

/** A registered, paired test station: its id and the request headers carrying its device token. */
export interface TestStation {
  readonly stationId: string;
  readonly headers: { [STATION_TOKEN_HEADER]: string };
}

/**
 * Registers a station for the work centers with `workCenterCodes` and pairs a device to it straight
 * in the database, for `app.inject` tests of the station operator list and PIN sign-in.
 */
export async function pairTestStation(
  db: SqlRunner,
  workCenterCodes: readonly string[],
  name = `Station ${randomBytes(4).toString('hex')}`,
): Promise<TestStation> {
  const [station] = await db.query<{ id: string }>('INSERT INTO stations (name) VALUES ($1) RETURNING id', [name]);
  if (!station) throw new Error('INSERT … RETURNING gave no row');
  await db.query(
    `INSERT INTO station_work_centers (station_id, work_center_id) SELECT $1, id FROM work_centers WHERE code = ANY($2::text[])`,
    [station.id, workCenterCodes],
  );
  const token = newSecret();
  await db.query('INSERT INTO station_devices (station_id, token_hash) VALUES ($1, $2)', [
    station.id,
    hashSecret(token),
  ]);
  return { stationId: station.id, headers: { [STATION_TOKEN_HEADER]: token } };
}
