import type { DomainEvent, WorkItem } from '@atelier/domain';
import type { Database } from '../db/database.ts';
import type { NewEvent } from '../events/new-event.ts';
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
  readonly events: readonly DomainEvent[];
  readonly guard: TransitionGuard;
  /** Who acted, for the event rows (`actorRef`). */
  readonly actor: string;
  readonly now: Date;
}

/** Default minutes an assigned item may wait for its start when the node sets none (as the piece store). */
const DEFAULT_CLAIM_TIMEOUT_MINUTES = 30;

// ONE statement, so one round trip and one implicit transaction: bump the piece's version on its
// root token (which locks it, so a command never interleaves with routing or cancellation, and a
// routing step read before this command will find the piece changed and be computed again),
// update the work item only if the guard holds and its token is still active, then write
// operators, time logs and the events. Data-modifying CTEs join `w`, so nothing but the version
// bump is written when the guard fails. A start also sets a released order in progress.
const SAVE_SQL = `
  WITH piece AS (UPDATE tokens SET piece_version = piece_version + 1 WHERE id = $2::uuid RETURNING id),
  w AS (
    UPDATE work_items SET
      state = $5::work_item_state,
      assignee_id = $6::uuid,
      updated_at = $7::timestamptz,
      started_at = COALESCE(started_at, $8::timestamptz),
      claim_deadline = CASE WHEN $5::work_item_state = 'assigned' THEN COALESCE(CASE WHEN state = 'assigned' THEN claim_deadline END, $9::timestamptz) END,
      version = version + 1
    WHERE id = $1::uuid
      AND EXISTS (SELECT 1 FROM piece)
      AND ($3::int IS NULL OR version = $3::int)
      AND ($4::work_item_state IS NULL OR state = $4::work_item_state)
      AND EXISTS (SELECT 1 FROM tokens tk WHERE tk.id = work_items.token_id AND tk.state = 'active')
    RETURNING id, version
  ),
  closed AS (
    UPDATE time_logs l SET ended_at = c.ended_at, end_reason = c.end_reason::time_log_end_reason
      FROM w, unnest($10::uuid[], $11::timestamptz[], $12::text[]) AS c(user_id, ended_at, end_reason)
     WHERE l.work_item_id = w.id AND l.user_id = c.user_id AND l.ended_at IS NULL
  ),
  opened AS (
    INSERT INTO time_logs (work_item_id, user_id, started_at, ended_at, end_reason)
    SELECT w.id, o.user_id, o.started_at, o.ended_at, o.end_reason::time_log_end_reason
      FROM w, unnest($13::uuid[], $14::timestamptz[], $15::timestamptz[], $16::text[]) AS o(user_id, started_at, ended_at, end_reason)
  ),
  joined AS (
    INSERT INTO work_item_operators (work_item_id, user_id, joined_at)
    SELECT w.id, j.user_id, $7::timestamptz FROM w, unnest($17::uuid[]) AS j(user_id)
    ON CONFLICT (work_item_id, user_id) DO UPDATE SET left_at = NULL, joined_at = EXCLUDED.joined_at
  ),
  departed AS (
    UPDATE work_item_operators o SET left_at = $7::timestamptz
      FROM w WHERE o.work_item_id = w.id AND o.user_id = ANY($18::uuid[]) AND o.left_at IS NULL
  ),
  -- A released order goes in progress when work on one of its pieces starts (only the first time).
  mo_started AS (
    UPDATE manufacturing_orders o SET status = 'in_progress', updated_at = $7::timestamptz
     WHERE $5::work_item_state = 'in_progress' AND o.id = $20::uuid AND o.status = 'released' AND EXISTS (SELECT 1 FROM w)
    RETURNING o.id, o.code, 'manufacturing_order' AS kind
  ),
  job_started AS (
    UPDATE atelier_jobs o SET status = 'in_progress', updated_at = $7::timestamptz
     WHERE $5::work_item_state = 'in_progress' AND o.id = $20::uuid AND o.status = 'released' AND EXISTS (SELECT 1 FROM w)
    RETURNING o.id, o.code, 'atelier_job' AS kind
  ),
  -- The command's events, then \`order.started\`: UNION ALL appends in that order, and so do the seqs.
  logged AS (
    INSERT INTO events (type, at, actor, order_id, token_id, work_item_id, node_key, work_center_id, operator_id, data)
    SELECT e.type, e.at, e.actor, e."orderId", e."tokenId", e."workItemId", e."nodeKey", e."workCenterId", e."operatorId", e.data
      FROM w, jsonb_to_recordset($19::jsonb) AS e(type text, at timestamptz, actor text, "orderId" uuid, "tokenId" uuid,
           "workItemId" uuid, "nodeKey" text, "workCenterId" uuid, "operatorId" uuid, data jsonb)
    UNION ALL
    SELECT 'order.started', $7::timestamptz, $21::text, s.id, NULL, NULL, NULL, NULL, NULL, jsonb_build_object('code', s.code, 'kind', s.kind)
      FROM (SELECT * FROM mo_started UNION ALL SELECT * FROM job_started) s
  )
  SELECT version FROM w`;

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
export async function saveWorkItemTransition(db: Database, transition: WorkItemTransition): Promise<number | null> {
  const { loaded, next, guard, now } = transition;
  const { opened, closed } = timeLogChanges(loaded.item, next);
  const before = loaded.item.operators;
  const deadline = new Date(now.getTime() + (loaded.node?.config?.claimTimeoutMinutes ?? DEFAULT_CLAIM_TIMEOUT_MINUTES) * 60_000);
  const [row] = await db.query<{ version: number }>(SAVE_SQL, [
    next.id,
    loaded.rootTokenId,
    guard.kind === 'version' ? loaded.version : null,
    guard.kind === 'ready' ? 'ready' : null,
    next.state,
    next.operators[0] ?? null,
    now,
    next.timeLogs.find((entry) => entry.kind === 'start')?.at ?? null,
    deadline,
    closed.map((interval) => interval.userId),
    closed.map((interval) => interval.endedAt),
    closed.map((interval) => interval.endReason),
    opened.map((interval) => interval.userId),
    opened.map((interval) => interval.startedAt),
    opened.map((interval) => interval.endedAt),
    opened.map((interval) => interval.endReason),
    next.operators.filter((userId) => !before.includes(userId)),
    before.filter((userId) => !next.operators.includes(userId)),
    JSON.stringify(workItemEvents(loaded, transition.events, transition.actor)),
    loaded.orderId,
    transition.actor,
  ], { name: 'save-work-item-transition' });
  return row?.version ?? null;
}
