import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { toTokenListItem, tokenInclude } from './list-tokens.ts';
import type { TokenDetail } from '@atelier/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A token's timeline is its own events; a piece that ran a thousand steps is beyond any real routing. */
const TIMELINE_LIMIT = 1_000;

type EventRow = {
  seq: number;
  type: string;
  at: Date;
  actor: string | null;
  work_item_id: string | null;
  node_key: string | null;
  operator_id: string | null;
  data: Record<string, unknown>;
};

/**
 * One token by UUID or serial with its genealogy (parent, children, the piece it replaces and the
 * one that replaced it), its work items and its timeline (its events in commit order of the
 * outbox); 404 `TOKEN_NOT_FOUND`.
 */
export async function getToken(db: Database, idOrSerial: string): Promise<TokenDetail> {
  const ref = { select: { id: true, serial: true } } as const;
  const row = await db.prisma.token.findUnique({
    where: UUID.test(idOrSerial) ? { id: idOrSerial.toLowerCase() } : { serial: idOrSerial },
    include: {
      ...tokenInclude,
      parent: ref,
      replaces: ref,
      replacedBy: ref,
      children: { select: { id: true, serial: true, state: true, currentNodeKey: true }, orderBy: { serial: 'asc' } },
      workItems: { orderBy: [{ createdAt: 'asc' }, { visit: 'asc' }] },
    },
  });
  if (row === null) throw new HttpProblem(404, 'TOKEN_NOT_FOUND', `No token has the id or serial "${idOrSerial}".`);
  const events = await db.query<EventRow>(
    `SELECT seq, type, at, actor, work_item_id, node_key, operator_id, data FROM events WHERE token_id = $1::uuid ORDER BY seq LIMIT ${TIMELINE_LIMIT}`,
    [row.id],
  );
  return {
    ...toTokenListItem(row),
    parent: row.parent,
    children: row.children.map((child) => ({
      id: child.id,
      serial: child.serial,
      state: child.state,
      nodeKey: child.currentNodeKey,
    })),
    replaces: row.replaces,
    replacedBy: row.replacedBy,
    workItems: row.workItems.map((item) => ({
      id: item.id,
      nodeKey: item.nodeKey,
      visit: item.visit,
      state: item.state,
      assigneeId: item.assigneeId,
      qcResult: item.qcResult,
      createdAt: item.createdAt.toISOString(),
      completedAt: item.completedAt?.toISOString() ?? null,
    })),
    timeline: events.map((event) => ({
      seq: Number(event.seq),
      type: event.type,
      at: new Date(event.at).toISOString(),
      actor: event.actor,
      workItemId: event.work_item_id,
      nodeKey: event.node_key,
      operatorId: event.operator_id,
      data: event.data,
    })),
  };
}
