import { actorRef } from '../auth/actor.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { StationView } from '@atelier/contracts';
import { stationEvent } from './station-event.ts';
import { stationSelect, toStationView } from './station-view.ts';

/**
 * Unpairs a station (a tablet was lost or replaced): its device tokens stop working, its open
 * pairing code is withdrawn and the operator sessions opened on it end, on every replica (the
 * session change NOTIFYs them). The station stays registered; a new pairing code pairs it again.
 * A `station.revoked` event, unless there was nothing to revoke.
 */
export async function revokeStation(context: AuthContext, id: string): Promise<StationView> {
  const { actor } = context;
  const now = new Date();
  return runCommand(context, async (tx) => {
    const found = await tx.station.findUnique({ where: { id }, select: { id: true, pairingCodeHash: true } });
    if (found === null) throw new HttpProblem(404, 'STATION_NOT_FOUND', `No station has the id ${id}.`);
    const devices = await tx.stationDevice.updateMany({
      where: { stationId: id, revokedAt: null },
      data: { revokedAt: now },
    });
    const sessions = await tx.session.deleteMany({ where: { stationId: id } });
    if (found.pairingCodeHash !== null)
      await tx.station.update({ where: { id }, data: { pairingCodeHash: null, pairingCodeExpiresAt: null } });
    const station = toStationView(await tx.station.findUniqueOrThrow({ where: { id }, select: stationSelect }), now);
    const changed = devices.count > 0 || sessions.count > 0 || found.pairingCodeHash !== null;
    return {
      result: station,
      events: changed
        ? [stationEvent(actorRef(actor), 'revoked', station, { devices: devices.count, sessions: sessions.count })]
        : [],
    };
  });
}
