import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import { findGraph, toVersionSummary, versionSummarySelect } from './graph-read-model.ts';

/** The version number a cursor of this list carries; anything else was not issued by it (400 `INVALID_CURSOR`). */
function versionBefore(cursor: string): number {
  const number = Number(decodeCursor(cursor));
  if (!Number.isInteger(number))
    throw new HttpProblem(400, 'INVALID_CURSOR', 'The cursor is not one this list issued; start again without it.');
  return number;
}

/** A graph's versions, newest first, without bodies. The cursor is the last version number shown. */
export async function listGraphVersions(
  db: Database,
  idOrCode: string,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
) {
  const graph = await findGraph(db.prisma, idOrCode);
  const rows = await db.prisma.graphVersion.findMany({
    where: { graphId: graph.id, ...(cursor === undefined ? {} : { number: { lt: versionBefore(cursor) } }) },
    orderBy: { number: 'desc' },
    take: limit + 1,
    select: versionSummarySelect,
  });
  return toPage(rows, limit, (row) => String(row.number), toVersionSummary);
}
