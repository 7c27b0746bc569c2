import type { Database } from '../db/database.ts';
import { runCommand, type EventWaker } from '../events/run-command.ts';
import type { PairedStation } from '@atelier/contracts';
import { DEMO_STATION_NAME } from '../seed/demo-station.ts';
import { findStation } from './resolve-station.ts';
import { addStationDevice } from './station-device.ts';

/**
 * For the demo on the embedded database (`STATION_AUTO_PAIR`): pairs an unpaired browser to the
 * demo station without a code, so station sign-in works out of the box. Null when there is no
 * demo station (no demo data, or an admin renamed it).
 */
export async function autoPairDemoStation(
  db: Database,
  hub: EventWaker,
): Promise<{ station: PairedStation; deviceToken: string } | null> {
  const station = await findStation(db, DEMO_STATION_NAME, 'name');
  if (station === null) return null;
  // Signing in (a public route): no Idempotency-Key.
  const device = await runCommand({ db, hub, idempotencyKey: null }, async (tx) => {
    const added = await addStationDevice(tx, station, 'auto');
    return { result: added, events: [added.event] };
  });
  return { station, deviceToken: device.token };
}
