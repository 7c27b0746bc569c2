import type { Database } from '../db/database.ts';
import { decodeCursor, toPage } from '../routes/api/v1/pagination.ts';
import { findGraph, toVersionSummary, versionSummarySelect } from './graph-read-model.ts';

/** A graph's versions, newest first, without bodies. The cursor is the last version number shown. */
export async function listGraphVersions(db: Database, idOrCode: string, { cursor, limit }: { cursor?: string | undefined; limit: number }) {
  const graph = await findGraph(db.prisma, idOrCode);
  const before = cursor === undefined ? undefined : Number(decodeCursor(cursor));
  const rows = await db.prisma.graphVersion.findMany({
    where: { graphId: graph.id, ...(before === undefined || Number.isNaN(before) ? {} : { number: { lt: before } }) },
    orderBy: { number: 'desc' },
    take: limit + 1,
    select: versionSummarySelect,
  });
  return toPage(rows, limit, (row) => String(row.number), toVersionSummary);
}
