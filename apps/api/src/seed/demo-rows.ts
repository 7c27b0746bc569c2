import { claimDeadline, nextVisit, type RoutingGraph, type TimeLogKind, type WorkItem } from '@atelier/domain';
import type { NewEvent } from '../events/new-event.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { ActedEvent, PlayedPiece } from './demo-floor.ts';

/**
 * Turns played pieces (domain records and events) into database rows: tokens, work items, the
 * operators bound to them, their time logs and the outbox events (with their topic columns), with
 * the timestamps the events imply.
 */

/** Rows for every piece of one order. */
export interface PieceRows {
  tokens: Prisma.TokenCreateManyInput[];
  workItems: Prisma.WorkItemCreateManyInput[];
  operators: Prisma.WorkItemOperatorCreateManyInput[];
  timeLogs: Prisma.TimeLogCreateManyInput[];
  events: NewEvent[];
}

/** The order a set of pieces belongs to, as the rows need it. */
export interface RowContext {
  readonly orderKind: 'manufacturingOrder' | 'atelierJob';
  readonly orderId: string;
  readonly graph: RoutingGraph;
  readonly graphVersionId: string;
  /** Work center ids by code. */
  readonly workCenters: ReadonlyMap<string, string>;
}

const END_REASON: Record<Exclude<TimeLogKind, 'start' | 'resume'>, Prisma.TimeLogCreateManyInput['endReason']> = {
  pause: 'paused',
  handoff: 'handed_off',
  leave: 'left',
  complete: 'completed',
  cancel: 'cancelled',
};

/** When each token and work item was first and last touched, and by which event types. */
function timelines(events: readonly ActedEvent[]) {
  const first = new Map<string, Date>();
  const last = new Map<string, Date>();
  const byType = new Map<string, Date>();
  for (const { event } of events) {
    for (const id of [event.tokenId, event.workItemId]) {
      if (id === undefined) continue;
      if (!first.has(id)) first.set(id, event.at);
      last.set(id, event.at);
      byType.set(`${id}:${event.type}`, event.at);
    }
  }
  return { first, last, at: (id: string, type: string) => byType.get(`${id}:${type}`) ?? null };
}

/** Time logs as intervals: a start or resume opens one, any other entry closes the operator's open one. */
function toTimeLogs(item: WorkItem): Prisma.TimeLogCreateManyInput[] {
  const open = new Map<string, Prisma.TimeLogCreateManyInput>();
  const rows: Prisma.TimeLogCreateManyInput[] = [];
  for (const entry of item.timeLogs) {
    if (entry.kind === 'start' || entry.kind === 'resume') {
      const row: Prisma.TimeLogCreateManyInput = { workItemId: item.id, userId: entry.operatorId, startedAt: entry.at };
      open.set(entry.operatorId, row);
      rows.push(row);
      continue;
    }
    const row = open.get(entry.operatorId);
    if (row === undefined) continue;
    row.endedAt = entry.at;
    row.endReason = END_REASON[entry.kind];
    open.delete(entry.operatorId);
  }
  return rows;
}

/** Builds the rows of an order's played pieces. */
export function toPieceRows(context: RowContext, pieces: readonly PlayedPiece[]): PieceRows {
  const rows: PieceRows = { tokens: [], workItems: [], operators: [], timeLogs: [], events: [] };
  const orderColumn = context.orderKind === 'manufacturingOrder' ? 'moId' : 'atelierJobId';
  const nodes = new Map(context.graph.nodes.map((node) => [node.key, node]));

  for (const piece of pieces) {
    const time = timelines(piece.events);
    for (const token of piece.tokens) {
      const cancellation = piece.cancellations.get(token.id);
      const createdAt = time.first.get(token.id) ?? new Date(0);
      rows.tokens.push({
        id: token.id,
        serial: token.serial,
        [orderColumn]: context.orderId,
        graphVersionId: context.graphVersionId,
        parentId: token.parentId,
        replacesId: token.replacesId,
        attributes: token.attributes as Prisma.InputJsonObject,
        state: token.state,
        currentNodeKey: token.nodeKey,
        reworkPasses: token.reworkPasses,
        cancellationType: cancellation?.type ?? null,
        cancellationReason: cancellation?.reason ?? null,
        createdAt,
        updatedAt: time.last.get(token.id) ?? createdAt,
        completedAt: token.state === 'completed' ? time.at(token.id, 'token.completed') : null,
        cancelledAt: token.state === 'cancelled' ? time.at(token.id, 'token.cancelled') : null,
      });
    }

    // Node keys of each token's work items so far, oldest first, for the visit numbers.
    const visited = new Map<string, string[]>();
    for (const item of [...piece.workItems].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      const previous = visited.get(item.tokenId) ?? [];
      const visit = nextVisit(previous, item.nodeKey);
      visited.set(item.tokenId, [...previous, item.nodeKey]);
      const node = nodes.get(item.nodeKey);
      const config = node?.config;
      const claimedAt = time.at(item.id, 'work_item.claimed');
      const closed = item.state === 'completed' || item.state === 'cancelled';
      rows.workItems.push({
        id: item.id,
        tokenId: item.tokenId,
        nodeKey: item.nodeKey,
        visit,
        state: item.state,
        workCenterId: config?.workCenter === undefined ? null : (context.workCenters.get(config.workCenter) ?? null),
        assigneeId: item.operators[0] ?? null,
        standardMinutes: config?.standardMinutes ?? null,
        claimDeadline: item.state === 'assigned' && claimedAt !== null ? claimDeadline({ claimedAt, node }) : null,
        qcResult: item.qc?.result ?? null,
        qcReasonCodes: item.qc?.reasonCodes ?? [],
        createdAt: item.createdAt,
        updatedAt: item.updatedAt,
        startedAt: item.timeLogs.find((entry) => entry.kind === 'start')?.at ?? null,
        completedAt: item.state === 'completed' ? item.updatedAt : null,
      });
      for (const userId of item.operators) {
        rows.operators.push({
          workItemId: item.id,
          userId,
          joinedAt: claimedAt ?? item.createdAt,
          leftAt: closed ? item.updatedAt : null,
        });
      }
      rows.timeLogs.push(...toTimeLogs(item));
    }

    for (const { event, actor, operatorId } of piece.events) {
      const workCenter = nodes.get(event.nodeKey)?.config?.workCenter;
      rows.events.push({
        type: event.type,
        at: event.at,
        actor,
        orderId: context.orderId,
        tokenId: event.tokenId,
        workItemId: event.workItemId ?? null,
        nodeKey: event.nodeKey,
        workCenterId: workCenter === undefined ? null : (context.workCenters.get(workCenter) ?? null),
        operatorId,
        data: event.data,
      });
    }
  }
  return rows;
}
