import { actorRef } from '../auth/actor.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { StationPairing } from './create-station.ts';
import { openPairingCode } from './pairing-code.ts';
import { stationEvent } from './station-event.ts';
import { stationSelect, toStationView } from './station-view.ts';

/**
 * Opens a new one-time pairing code for a station (a new or replaced tablet), replacing any code
 * still open; tablets already paired stay paired. A `station.pairing_code_issued` event.
 */
export async function issuePairingCode(context: AuthContext, id: string): Promise<StationPairing> {
  const { actor } = context;
  const now = new Date();
  const { code, hash, expiresAt } = openPairingCode(now);
  return runCommand(context, async (tx) => {
    const [updated] = await tx.station.updateManyAndReturn({
      where: { id },
      data: { pairingCodeHash: hash, pairingCodeExpiresAt: expiresAt },
      select: { id: true },
    });
    if (updated === undefined) throw new HttpProblem(404, 'STATION_NOT_FOUND', `No station has the id ${id}.`);
    const station = toStationView(await tx.station.findUniqueOrThrow({ where: { id }, select: stationSelect }), now);
    return {
      result: { station, pairingCode: code, pairingCodeExpiresAt: expiresAt.toISOString() },
      events: [stationEvent(actorRef(actor), 'pairing_code_issued', station, { expiresAt: expiresAt.toISOString() })],
    };
  });
}
