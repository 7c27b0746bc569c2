import type { Prisma } from '../generated/prisma/client.ts';
import type { StationView } from '@atelier/contracts';

/** The columns of a station that may leave the server: never its pairing-code or device-token hashes. */
export const stationSelect = {
  id: true,
  name: true,
  createdAt: true,
  pairingCodeExpiresAt: true,
  workCenters: {
    select: { workCenter: { select: { code: true, name: true } } },
    orderBy: { workCenter: { code: 'asc' } },
  },
  devices: { where: { revokedAt: null }, select: { pairedAt: true, lastSeenAt: true } },
} satisfies Prisma.StationSelect;

type StationRow = Prisma.StationGetPayload<{ select: typeof stationSelect }>;

function latest(dates: readonly (Date | null)[]): string | null {
  const times = dates.filter((date): date is Date => date !== null).map((date) => date.getTime());
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}

/** A station row as admins see it; `now` decides whether its pairing code is still open. */
export function toStationView(row: StationRow, now: Date): StationView {
  const codeOpen = row.pairingCodeExpiresAt !== null && row.pairingCodeExpiresAt > now;
  return {
    id: row.id,
    name: row.name,
    workCenters: row.workCenters.map((link) => link.workCenter),
    pairedDevices: row.devices.length,
    pairedAt: latest(row.devices.map((device) => device.pairedAt)),
    lastSeenAt: latest(row.devices.map((device) => device.lastSeenAt)),
    pairingCodeExpiresAt: codeOpen ? (row.pairingCodeExpiresAt?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}
