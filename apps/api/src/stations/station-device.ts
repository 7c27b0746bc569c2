import { hashSecret, newSecret } from '../auth/secret-token.ts';
import type { NewEvent } from '../events/new-event.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { stationEvent } from './station-event.ts';

/** A tablet just paired: its device token (shown to it once) and the event that records it. */
export interface NewDevice {
  readonly token: string;
  readonly event: NewEvent;
}

/** Pairs a tablet to a station inside the caller's transaction: a random device token, stored hashed. */
export async function addStationDevice(
  tx: Prisma.TransactionClient,
  station: { id: string; name: string },
  how: 'code' | 'auto',
): Promise<NewDevice> {
  const token = newSecret();
  const device = await tx.stationDevice.create({
    data: { stationId: station.id, tokenHash: hashSecret(token) },
    select: { id: true },
  });
  return { token, event: stationEvent(`station:${station.id}`, 'paired', station, { deviceId: device.id, how }) };
}
