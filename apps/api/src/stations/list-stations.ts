import type { Database } from '../db/database.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { StationView } from '@atelier/contracts';
import { stationSelect, toStationView } from './station-view.ts';

/** Registered stations by name (names are unique, so the cursor is the last name), a page at a time. */
export async function listStations(
  db: Database,
  query: { cursor?: string; limit: number },
): Promise<{ items: StationView[]; nextCursor: string | null }> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await db.prisma.station.findMany({
    where: after === undefined ? {} : { name: { gt: after } },
    orderBy: { name: 'asc' },
    take: query.limit + 1,
    select: stationSelect,
  });
  const now = new Date();
  return toPage(
    rows,
    query.limit,
    (row) => row.name,
    (row) => toStationView(row, now),
  );
}
