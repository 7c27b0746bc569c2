import { actorRef } from '../auth/actor.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { resolveCodes } from '../catalog/resolve-reference.ts';
import { conflictOnDuplicate } from '../catalog/unique-violation.ts';
import { runCommand } from '../events/run-command.ts';
import type { StationView } from '@atelier/contracts';
import { openPairingCode } from './pairing-code.ts';
import { stationEvent } from './station-event.ts';
import { stationSelect, toStationView } from './station-view.ts';

/** A station and its open pairing code, shown once. */
export interface StationPairing {
  readonly station: StationView;
  readonly pairingCode: string;
  readonly pairingCodeExpiresAt: string;
}

/**
 * Registers a station for some work centers and opens its first pairing code (only its hash is
 * stored), with a `station.created` event. A taken name is a 409, an unknown work center a 422.
 */
export async function createStation(
  context: AuthContext,
  input: { name: string; workCenters: readonly string[] },
): Promise<StationPairing> {
  const { actor } = context;
  const now = new Date();
  const { code, hash, expiresAt } = openPairingCode(now);
  return runCommand(context, async (tx) => {
    const workCenterIds = await resolveCodes(tx, 'workCenter', input.workCenters, (index) => `workCenters.${index}`);
    const row = await conflictOnDuplicate(
      () =>
        tx.station.create({
          data: {
            name: input.name,
            pairingCodeHash: hash,
            pairingCodeExpiresAt: expiresAt,
            workCenters: { create: [...workCenterIds.values()].map((workCenterId) => ({ workCenterId })) },
          },
          select: stationSelect,
        }),
      'STATION_NAME_TAKEN',
      `A station is already called "${input.name}".`,
      'name',
    );
    const station = toStationView(row, now);
    return {
      result: { station, pairingCode: code, pairingCodeExpiresAt: expiresAt.toISOString() },
      events: [
        stationEvent(actorRef(actor), 'created', station, { workCenters: station.workCenters.map((wc) => wc.code) }),
      ],
    };
  });
}
