import type { Database } from '../db/database.ts';
import {
  orderPageArgs,
  toIsoDate,
  toOrderPage,
  toProgress,
  toRoutingRef,
  type PieceCounts,
} from './order-read-model.ts';
import type { AtelierJob } from '@atelier/contracts';

/** Options of {@link listAtelierJobs}. */
export interface ListAtelierJobsOptions {
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** Rows needed to show an atelier job as listed. */
export const atelierJobInclude = {
  graph: { select: { code: true, name: true } },
  graphVersion: { select: { number: true } },
  manufacturingOrder: { select: { id: true, code: true } },
} as const;

/** The listed shape of an atelier job row, given its piece counts. */
export function toAtelierJob(
  row: {
    id: string;
    code: string;
    product: string;
    customer: string | null;
    quantity: number;
    dueDate: Date | null;
    status: AtelierJob['status'];
    graph: { code: string; name: string };
    graphVersion: { number: number } | null;
    manufacturingOrder: { id: string; code: string } | null;
  },
  pieces: Map<string, PieceCounts>,
): AtelierJob {
  return {
    id: row.id,
    code: row.code,
    product: row.product,
    customer: row.customer,
    quantity: row.quantity,
    dueDate: toIsoDate(row.dueDate),
    status: row.status,
    mo: row.manufacturingOrder,
    routing: toRoutingRef(row.graph, row.graphVersion),
    progress: toProgress(pieces.get(row.id), row.quantity),
  };
}

/** Atelier jobs, newest code first, one page at a time, each with its piece progress and linked MO. */
export async function listAtelierJobs(db: Database, { cursor, limit }: ListAtelierJobsOptions) {
  const rows = await db.prisma.atelierJob.findMany({ ...orderPageArgs(cursor, limit), include: atelierJobInclude });
  return toOrderPage(db, 'atelierJob', rows, limit, toAtelierJob);
}
