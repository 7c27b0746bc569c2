import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import { countOrder } from './order-read-model.ts';
import type { AtelierJobDetail } from '@atelier/contracts';
import { atelierJobInclude, toAtelierJob } from './list-atelier-jobs.ts';

/** One atelier job by UUID or code, with live counts per node; 404 `ATELIER_JOB_NOT_FOUND`. */
export async function getAtelierJob(db: Database, idOrCode: string): Promise<AtelierJobDetail> {
  const row = await db.prisma.atelierJob.findUnique({
    where: byIdOrCode(idOrCode),
    include: { ...atelierJobInclude, graphVersion: { select: { number: true, body: true } } },
  });
  if (row === null) {
    throw new HttpProblem(404, 'ATELIER_JOB_NOT_FOUND', `No atelier job has the id or code "${idOrCode}".`);
  }
  const counts = await countOrder(db, 'atelierJob', row.id, row.graphVersion?.body ?? null);
  return {
    ...toAtelierJob(row, counts.pieces),
    nodes: counts.nodes,
  };
}
