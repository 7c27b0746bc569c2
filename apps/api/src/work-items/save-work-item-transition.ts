import type { DomainEvent, WorkItem } from '@atelier/domain';
import { statementComposer } from '../db/compose-statement.ts';
import type { SqlRunner } from '../db/database.ts';
import type { NewEvent } from '../events/new-event.ts';
import { heldIdempotencyKey, keyCommittedSql } from '../plugins/idempotency-scope.ts';
import { ORDER_TABLES } from '../production/settle-orders.ts';
import { timeLogChanges } from '../production/time-log-intervals.ts';
import type { LoadedWorkItem } from './load-work-item.ts';

/** How a transition makes sure nobody changed the item since it was read. */
export type TransitionGuard =
  /** The atomic claim: whoever finds the item still `ready` wins. */
  | { readonly kind: 'ready' }
  /** Every other command: the row still has the version the command was computed from. */
  | { readonly kind: 'version' };

/** A work-item command's outcome, computed by the domain from a {@link LoadedWorkItem}. */
export interface WorkItemTransition {
  readonly loaded: LoadedWorkItem;
  readonly next: WorkItem;
  /** The deadline the item holds after the command (`workItemClaimDeadline`). */
  readonly claimDeadline: Date | null;
  /** The command starts the item's order (`orderStarts`); the write sets it in progress only if it is still released. */
  readonly startsOrder: boolean;
  readonly events: readonly DomainEvent[];
  readonly guard: TransitionGuard;
  /** Who acted, for the event rows (`actorRef`). */
  readonly actor: string;
  readonly now: Date;
}

/** Which writes besides the item a transition has: the parts of its statement. */
interface SaveParts {
  readonly closed: boolean;
  readonly opened: boolean;
  readonly joined: boolean;
  readonly departed: boolean;
  readonly started: boolean;
  /** The request holds an Idempotency-Key. */
  readonly keyed: boolean;
}

// ONE statement, so one round trip and one implicit transaction: bump the piece's version on its
// root token (which locks it, so a command never interleaves with routing or cancellation, and a
// routing step read before this command will find the piece changed and be computed again),
// update the work item only if the guard holds and its token is still active, then write
// operators, time logs and the events. Data-modifying CTEs join `w`, so nothing but the version
// bump is written when the guard fails. A command that starts the order (`startsOrder`) also sets it
// in progress if it is still released. Only the
// parts a transition needs are in its statement (a claim writes no time log).
const saveStatement = statementComposer<SaveParts>(
  'save-work-item-transition',
  [
    // Types every parameter, so a statement that leaves parts out still takes them all; never read, so never run.
    {
      name: 'args',
      sql: `SELECT $3::int, $4::work_item_state, $8::timestamptz, $9::timestamptz, $10::uuid[], $11::timestamptz[], $12::text[],
      $13::uuid[], $14::timestamptz[], $15::timestamptz[], $16::text[], $17::uuid[], $18::uuid[], $20::uuid, $21::text, $22::text, $23::text`,
    },
    { name: 'piece', sql: 'UPDATE tokens SET piece_version = piece_version + 1 WHERE id = $2::uuid RETURNING id' },
    {
      name: 'w',
      sql: `
    UPDATE work_items SET
      state = $5::work_item_state,
      assignee_id = $6::uuid,
      updated_at = $7::timestamptz,
      started_at = COALESCE(started_at, $8::timestamptz),
      claim_deadline = $9::timestamptz,
      version = version + 1
    WHERE id = $1::uuid
      AND EXISTS (SELECT 1 FROM piece)
      AND ($3::int IS NULL OR version = $3::int)
      AND ($4::work_item_state IS NULL OR state = $4::work_item_state)
      AND EXISTS (SELECT 1 FROM tokens tk WHERE tk.id = work_items.token_id AND tk.state = 'active')
    RETURNING id, version`,
    },
    {
      name: 'closed',
      when: (parts) => parts.closed,
      sql: `
    UPDATE time_logs l SET ended_at = c.ended_at, end_reason = c.end_reason::time_log_end_reason
      FROM w, unnest($10::uuid[], $11::timestamptz[], $12::text[]) AS c(user_id, ended_at, end_reason)
     WHERE l.work_item_id = w.id AND l.user_id = c.user_id AND l.ended_at IS NULL`,
    },
    {
      name: 'opened',
      when: (parts) => parts.opened,
      sql: `
    INSERT INTO time_logs (work_item_id, user_id, started_at, ended_at, end_reason)
    SELECT w.id, o.user_id, o.started_at, o.ended_at, o.end_reason::time_log_end_reason
      FROM w, unnest($13::uuid[], $14::timestamptz[], $15::timestamptz[], $16::text[]) AS o(user_id, started_at, ended_at, end_reason)`,
    },
    {
      name: 'joined',
      when: (parts) => parts.joined,
      sql: `
    INSERT INTO work_item_operators (work_item_id, user_id, joined_at)
    SELECT w.id, j.user_id, $7::timestamptz FROM w, unnest($17::uuid[]) AS j(user_id)
    ON CONFLICT (work_item_id, user_id) DO UPDATE SET left_at = NULL, joined_at = EXCLUDED.joined_at`,
    },
    {
      name: 'departed',
      when: (parts) => parts.departed,
      sql: `
    UPDATE work_item_operators o SET left_at = $7::timestamptz
      FROM w WHERE o.work_item_id = w.id AND o.user_id = ANY($18::uuid[]) AND o.left_at IS NULL`,
    },
    // A released order goes in progress when work on one of its pieces starts (only the first time).
    ...Object.values(ORDER_TABLES).map(({ table, kind }) => ({
      name: `${table}_started`,
      when: (parts: SaveParts) => parts.started,
      sql: `
    UPDATE ${table} o SET status = 'in_progress', updated_at = $7::timestamptz
     WHERE o.id = $20::uuid AND o.status = 'released' AND EXISTS (SELECT 1 FROM w)
    RETURNING o.id, o.code, '${kind}' AS kind`,
    })),
    // The request's Idempotency-Key, marked committed with the command's writes.
    {
      name: 'key_committed',
      when: (parts) => parts.keyed,
      sql: `${keyCommittedSql('$7::timestamptz', '$22::text', '$23::text')} AND EXISTS (SELECT 1 FROM w)`,
    },
    { name: 'logged', when: (parts) => !parts.started, sql: loggedSql(false) },
    { name: 'logged', when: (parts) => parts.started, sql: loggedSql(true) },
  ],
  'SELECT version FROM w',
);

/** The command's events; with `started`, then `order.started` (UNION ALL appends in that order, and so do the seqs). */
function loggedSql(started: boolean): string {
  return `
    INSERT INTO events (type, at, actor, order_id, token_id, work_item_id, node_key, work_center_id, operator_id, data)
    SELECT e.type, e.at, e.actor, e."orderId", e."tokenId", e."workItemId", e."nodeKey", e."workCenterId", e."operatorId", e.data
      FROM w, jsonb_to_recordset($19::jsonb) AS e(type text, at timestamptz, actor text, "orderId" uuid, "tokenId" uuid,
           "workItemId" uuid, "nodeKey" text, "workCenterId" uuid, "operatorId" uuid, data jsonb)${
             started
               ? `
    UNION ALL
    SELECT 'order.started', $7::timestamptz, $21::text, s.id, NULL, NULL, NULL, NULL, NULL, jsonb_build_object('code', s.code, 'kind', s.kind)
      FROM (${Object.values(ORDER_TABLES)
        .map(({ table }) => `SELECT * FROM ${table}_started`)
        .join(' UNION ALL ')}) s`
               : ''
           }`;
}

/** The outbox rows of a work-item command, with the topic columns filled (order, node, work center, operator). */
export function workItemEvents(loaded: LoadedWorkItem, events: readonly DomainEvent[], actor: string): NewEvent[] {
  return events.map((event) => {
    const operatorId = event.data.operatorId;
    return {
      type: event.type,
      at: event.at,
      actor,
      orderId: loaded.orderId,
      tokenId: event.tokenId,
      workItemId: event.workItemId ?? null,
      nodeKey: event.nodeKey,
      workCenterId: loaded.workCenterId,
      operatorId: typeof operatorId === 'string' ? operatorId : null,
      data: { nodeKey: event.nodeKey, ...event.data },
    };
  });
}

/**
 * Writes a work-item command computed by the domain (any command but complete and cancel, which
 * route or cancel the piece through the piece store): the row, its bound operators, time logs and
 * event rows, atomically. Returns the row's new version, or null when the guard failed (someone
 * else changed or claimed it first, or its token is no longer active) and nothing was written.
 */
export async function saveWorkItemTransition(db: SqlRunner, transition: WorkItemTransition): Promise<number | null> {
  const { loaded, next, guard, now } = transition;
  const { opened, closed } = timeLogChanges(loaded.item, next);
  const before = loaded.item.operators;
  const joined = next.operators.filter((userId) => !before.includes(userId));
  const departed = before.filter((userId) => !next.operators.includes(userId));
  const key = heldIdempotencyKey();
  const statement = saveStatement({
    closed: closed.length > 0,
    opened: opened.length > 0,
    joined: joined.length > 0,
    departed: departed.length > 0,
    started: transition.startsOrder,
    keyed: key !== null,
  });
  const [row] = await db.query<{ version: number }>(
    statement.text,
    [
      next.id,
      loaded.rootTokenId,
      guard.kind === 'version' ? loaded.version : null,
      guard.kind === 'ready' ? 'ready' : null,
      next.state,
      next.operators[0] ?? null,
      now,
      next.timeLogs.find((entry) => entry.kind === 'start')?.at ?? null,
      transition.claimDeadline,
      closed.map((interval) => interval.userId),
      closed.map((interval) => interval.endedAt),
      closed.map((interval) => interval.endReason),
      opened.map((interval) => interval.userId),
      opened.map((interval) => interval.startedAt),
      opened.map((interval) => interval.endedAt),
      opened.map((interval) => interval.endReason),
      joined,
      departed,
      JSON.stringify(workItemEvents(loaded, transition.events, transition.actor)),
      loaded.orderId,
      transition.actor,
      key?.scope ?? null,
      key?.key ?? null,
    ],
    { name: statement.name },
  );
  return row?.version ?? null;
}
