import { clientNetwork } from '../auth/client-network.ts';
import { chargeAttempt, recordFailure, SOURCE_POLICY } from '../auth/sign-in-throttle.ts';
import type { Database } from '../db/database.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { runCommand, type EventWaker } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { PairedStation } from '@atelier/contracts';
import { pairingCodeHash } from './pairing-code.ts';
import { addStationDevice } from './station-device.ts';
import { findStation } from './resolve-station.ts';

/**
 * A tablet exchanges the pairing code an admin gave it for a long-lived device token: the code
 * works once and only until it expires. Wrong codes are slowed per client address like sign-in
 * failures (growing delays), so codes cannot be guessed. 401 `INVALID_PAIRING_CODE` otherwise.
 */
export async function pairStation(
  db: Database,
  hub: EventWaker,
  input: { code: string; address: string },
): Promise<{ station: PairedStation; deviceToken: string }> {
  const throttle = [{ key: `pairing:${clientNetwork(input.address)}`, policy: SOURCE_POLICY }];
  await chargeAttempt(db, throttle);
  // A public route (no caller to scope an Idempotency-Key to): no key.
  const paired = await runCommand({ db, hub, idempotencyKey: null }, async (tx) => {
    const [station] = await prismaRunner(tx).query<{ id: string; name: string }>(
      `UPDATE stations SET pairing_code_hash = NULL, pairing_code_expires_at = NULL
        WHERE pairing_code_hash = $1 AND pairing_code_expires_at > now() RETURNING id, name`,
      [pairingCodeHash(input.code)],
    );
    if (station === undefined) return { result: null, events: [] };
    const device = await addStationDevice(tx, station, 'code');
    return { result: { stationId: station.id, deviceToken: device.token }, events: [device.event] };
  });
  if (paired === null) {
    await recordFailure(db, throttle);
    throw new HttpProblem(
      401,
      'INVALID_PAIRING_CODE',
      'That pairing code is not right or has expired; ask an admin for a new one.',
    );
  }
  const station = await findStation(db, paired.stationId);
  if (station === null) throw new Error('a station paired in this request is gone');
  return { station, deviceToken: paired.deviceToken };
}
