import type { Database } from '../db/database.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import { graphSelect, toGraphSummary } from './graph-read-model.ts';

/** Routing graphs in code order, one page at a time, with their newest published and open draft versions. */
export async function listGraphs(db: Database, { cursor, limit }: { cursor?: string | undefined; limit: number }) {
  const rows = await db.prisma.routingGraph.findMany({
    where: cursor === undefined ? {} : { code: { gt: decodeCursor(cursor) } },
    orderBy: { code: 'asc' },
    take: limit + 1,
    select: graphSelect,
  });
  return toPage(rows, limit, (row) => row.code, toGraphSummary);
}
