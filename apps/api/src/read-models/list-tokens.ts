import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { TokenListItem, tokenQuerySchema } from '@atelier/contracts';

/** Rows needed to show a token as listed. */
export const tokenInclude = {
  manufacturingOrder: { select: { id: true, code: true } },
  atelierJob: { select: { id: true, code: true } },
  graphVersion: { select: { id: true, number: true, graph: { select: { code: true } } } },
} as const satisfies Prisma.TokenInclude;

type TokenRow = Prisma.TokenGetPayload<{ include: typeof tokenInclude }>;

/** The listed shape of a token row. */
export function toTokenListItem(row: TokenRow): TokenListItem {
  const order = row.manufacturingOrder
    ? { ...row.manufacturingOrder, kind: 'manufacturingOrder' as const }
    : { ...(row.atelierJob as { id: string; code: string }), kind: 'atelierJob' as const };
  return {
    id: row.id,
    serial: row.serial,
    order,
    state: row.state,
    nodeKey: row.currentNodeKey,
    parentId: row.parentId,
    replacesId: row.replacesId,
    routing: {
      code: row.graphVersion.graph.code,
      version: row.graphVersion.number,
      graphVersionId: row.graphVersion.id,
    },
    attributes: row.attributes as Record<string, unknown>,
    cancellation:
      row.cancellationType === null
        ? null
        : {
            type: row.cancellationType,
            reason: row.cancellationReason ?? '',
            at: (row.cancelledAt ?? row.updatedAt).toISOString(),
          },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** The token filter of an order given by UUID or code (an MO or an atelier job); 404 `ORDER_NOT_FOUND`. */
async function orderFilter(db: Database, idOrCode: string): Promise<Prisma.TokenWhereInput> {
  const where = byIdOrCode(idOrCode);
  const mo = await db.prisma.manufacturingOrder.findUnique({ where, select: { id: true } });
  if (mo !== null) return { moId: mo.id };
  const job = await db.prisma.atelierJob.findUnique({ where, select: { id: true } });
  if (job !== null) return { atelierJobId: job.id };
  throw new HttpProblem(
    404,
    'ORDER_NOT_FOUND',
    `No manufacturing order or atelier job has the id or code "${idOrCode}".`,
  );
}

/** Tokens by serial, filtered by order, state, node and serial prefix, one page at a time. */
export async function listTokens(db: Database, query: z.infer<typeof tokenQuerySchema>) {
  const where: Prisma.TokenWhereInput = {
    ...(query.order !== undefined && (await orderFilter(db, query.order))),
    ...(query.state !== undefined && { state: query.state }),
    ...(query.node !== undefined && { currentNodeKey: query.node }),
    ...((query.cursor !== undefined || query.serial !== undefined) && {
      serial: {
        ...(query.cursor !== undefined && { gt: decodeCursor(query.cursor) }),
        ...(query.serial !== undefined && { startsWith: query.serial }),
      },
    }),
  };
  const rows = await db.prisma.token.findMany({
    where,
    orderBy: { serial: 'asc' },
    take: query.limit + 1,
    include: tokenInclude,
  });
  return toPage(rows, query.limit, (row) => row.serial, toTokenListItem);
}
