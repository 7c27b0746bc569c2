import { jsonRecords } from '../db/json-records.ts';
import { statementComposer, type CtePart } from '../db/compose-statement.ts';
import { insertEventsSql } from '../events/append-events.ts';
import { ORDER_TABLES } from './settle-orders.ts';
import { keyCommittedSql, type IdempotencyKeyRef } from '../plugins/idempotency-key.ts';

/**
 * The ONE statement that writes a domain step (`persist-effects.ts`), so a routing command costs
 * one round trip and one implicit transaction. `$1` is a JSON document with a list per kind of
 * change (read row by row with `json_rows`, which tells the planner to expect few, so rows are
 * found by index), `$2` the step's clock.
 *
 * The guard comes first: the root token of every piece the step was computed from is locked
 * (`FOR UPDATE`, in id order) only if its `piece_version` is still the one read; every command
 * that changes a piece bumps that version, so a match means nothing changed since the read. A
 * work-item command locks its piece's root whatever its version and guards its item instead
 * (`items_locked`: its version, or `ready` for a claim). Every
 * write joins the verdict, so when any piece changed nothing at all is written and the caller
 * reads again. Writes in data-modifying CTEs do not see each other, which is why each table is
 * written once (a row must not be updated twice in one statement) and foreign keys are checked
 * at the end of the statement. A step's statement holds only the writes it has (a step that opens
 * no inbox item has no inbox part): PostgreSQL would set up and run every part otherwise.
 */

/** The lists of the document `$1` that decide which parts a step's statement needs. */
type PersistLists = Record<
  | 'itemGuards'
  | 'tokenInserts'
  | 'itemInserts'
  | 'operatorsJoined'
  | 'operatorsLeft'
  | 'logsClosed'
  | 'logsOpened'
  | 'inbox'
  | 'cancelledTokens'
  | 'quantities'
  | 'started'
  | 'events',
  readonly unknown[]
> & {
  /** The request's Idempotency-Key, marked committed with the step; null without one. */
  readonly idempotency: IdempotencyKeyRef | null;
};

const ORDER_KINDS = Object.values(ORDER_TABLES);

/** The rows of the document's list `list` (see `jsonRecords`). */
const listRows = (list: string, alias: string, fields: string): string =>
  jsonRecords(`$1::jsonb->'${list}'`, alias, fields);

const has = (list: readonly unknown[]): boolean => list.length > 0;

/** The event rows, in the domain's order; with `ifStarted`, an `order.started` only if this statement started its order. */
const loggedSql = (ifStarted: boolean): string =>
  insertEventsSql("$1::jsonb->'events'", [
    '(SELECT ok FROM verdict)',
    ...(ifStarted
      ? [
          `(e.if_started IS NULL OR e.if_started IN (${ORDER_KINDS.map(({ table }) => `SELECT id FROM ${table}_started`).join(' UNION ALL ')}))`,
        ]
      : []),
  ]);

/** A work-item command guards its item (`itemGuards`); any other step its pieces (`guards` with their versions). */
const itemGuarded = (doc: PersistLists): boolean => has(doc.itemGuards);
const pieceGuarded = (doc: PersistLists): boolean => !itemGuarded(doc);

/** The work-item updates, written when the pieces' verdict holds or, for a work-item command, when the item's guard does. */
const itemUpdatesSql = (guard: 'piece' | 'item'): string => `
    UPDATE work_items w SET
      state = u.state, assignee_id = u."assigneeId", qc_result = u."qcResult", qc_reason_codes = u."qcReasonCodes",
      updated_at = u."updatedAt", started_at = u."startedAt", completed_at = u."completedAt",
      claim_deadline = u."claimDeadline",
      version = w.version + 1
    FROM ${listRows(
      'itemUpdates',
      'u',
      `id uuid, state work_item_state, "assigneeId" uuid, "qcResult" qc_result, "qcReasonCodes" text[],
           "updatedAt" timestamptz, "startedAt" timestamptz, "completedAt" timestamptz, "claimDeadline"
           timestamptz`,
    )}${
      guard === 'item'
        ? `
         JOIN ${listRows('itemGuards', 'g', `id uuid, version int, state work_item_state`)} ON g.id = u.id
    WHERE w.id = u.id AND w.version = COALESCE(g.version, w.version) AND w.state = COALESCE(g.state, w.state)
      AND EXISTS (SELECT 1 FROM piece_bumped)
      AND EXISTS (SELECT 1 FROM tokens tk WHERE tk.id = w.token_id AND tk.state = 'active')`
        : `
    WHERE w.id = u.id AND (SELECT ok FROM verdict)`
    }
    RETURNING w.id, w.version`;

const PARTS: CtePart<PersistLists>[] = [
  {
    name: 'guards',
    sql: `
    SELECT g.root, g.version FROM ${listRows('guards', 'g', `root uuid, version int`)}`,
  },
  // A step computed from whole pieces: their roots, locked in id order, must still have the
  // `piece_version` read.
  {
    name: 'locked',
    sql: `
    SELECT t.id FROM tokens t JOIN guards g ON g.root = t.id AND t.piece_version = g.version ORDER BY t.id FOR UPDATE OF t`,
    when: pieceGuarded,
  },
  {
    name: 'verdict',
    sql: `SELECT (SELECT count(*) FROM locked) = (SELECT count(*) FROM guards) AS ok`,
    when: pieceGuarded,
  },
  // A work-item command: its piece's root is locked first (the lock order) by moving its
  // `piece_version` on, so a routing step read before finds the piece changed; then its item is
  // written only if it still has the version (or, for a claim, the state) it was read with, on an
  // active token. The UPDATE re-checks that on the row as a command that held the root left it.
  // The verdict is whether it was written, and every other part joins it.
  {
    name: 'piece_bumped',
    sql: `
    UPDATE tokens t SET piece_version = t.piece_version + 1 FROM guards g WHERE t.id = g.root RETURNING t.id`,
    when: itemGuarded,
  },
  { name: 'item_updates', sql: itemUpdatesSql('item'), when: itemGuarded },
  {
    name: 'verdict',
    sql: `SELECT (SELECT count(*) FROM item_updates) = jsonb_array_length($1::jsonb->'itemGuards') AS ok`,
    when: itemGuarded,
  },
  // The tokens the step changed (u), and the root of every guarded piece (g), whose version is
  // bumped whether or not the root token itself changed: one UPDATE, as a row may not be updated
  // twice in a statement.
  {
    name: 'token_changes',
    sql: `
    SELECT COALESCE(u.id, g.root) AS id, u.id IS NOT NULL AS changed, g.root IS NOT NULL AS guarded,
           u.state, u."nodeKey", u."reworkPasses", u."cancellationType", u."cancellationReason"
      FROM (SELECT u.* FROM ${listRows(
        'tokenUpdates',
        'u',
        `id uuid, state token_state, "nodeKey" text, "reworkPasses" jsonb, "cancellationType"
           cancellation_type, "cancellationReason" text`,
      )}) u
      FULL JOIN guards g ON g.root = u.id`,
    when: pieceGuarded,
  },
  {
    name: 'token_updates',
    sql: `
    UPDATE tokens t SET
      state = CASE WHEN c.changed THEN c.state ELSE t.state END,
      current_node_key = CASE WHEN c.changed THEN c."nodeKey" ELSE t.current_node_key END,
      rework_passes = CASE WHEN c.changed THEN c."reworkPasses" ELSE t.rework_passes END,
      cancellation_type = COALESCE(c."cancellationType", t.cancellation_type),
      cancellation_reason = CASE WHEN c."cancellationType" IS NOT NULL THEN c."cancellationReason" ELSE t.cancellation_reason END,
      completed_at = CASE WHEN c.state = 'completed' THEN $2::timestamptz ELSE t.completed_at END,
      cancelled_at = CASE WHEN c.state = 'cancelled' THEN $2::timestamptz ELSE t.cancelled_at END,
      updated_at = CASE WHEN c.changed THEN $2::timestamptz ELSE t.updated_at END,
      version = t.version + CASE WHEN c.changed THEN 1 ELSE 0 END,
      piece_version = t.piece_version + CASE WHEN c.guarded THEN 1 ELSE 0 END
    FROM token_changes c
    WHERE t.id = c.id AND (SELECT ok FROM verdict)
    RETURNING t.id`,
    when: pieceGuarded,
  },
  {
    name: 'token_inserts',
    sql: `
    INSERT INTO tokens (id, serial, mo_id, atelier_job_id, graph_version_id, parent_id, replaces_id, attributes, state,
                        current_node_key, rework_passes, cancellation_type, cancellation_reason, created_at, updated_at, completed_at, cancelled_at)
    SELECT u.id, u.serial, u."moId", u."atelierJobId", u."graphVersionId", u."parentId", u."replacesId", u.attributes, u.state,
           u."nodeKey", u."reworkPasses", u."cancellationType", u."cancellationReason", $2::timestamptz, $2::timestamptz,
           CASE WHEN u.state = 'completed' THEN $2::timestamptz END, CASE WHEN u.state = 'cancelled' THEN $2::timestamptz END
      FROM ${listRows(
        'tokenInserts',
        'u',
        `id uuid, serial text, "moId" uuid, "atelierJobId" uuid, "graphVersionId" uuid, "parentId" uuid,
           "replacesId" uuid, attributes jsonb, state token_state, "nodeKey" text, "reworkPasses" jsonb,
           "cancellationType" cancellation_type, "cancellationReason" text`,
      )}
     WHERE (SELECT ok FROM verdict)
    RETURNING id`,
    when: (doc) => has(doc.tokenInserts),
  },
  { name: 'item_updates', sql: itemUpdatesSql('piece'), when: pieceGuarded },
  {
    name: 'item_inserts',
    sql: `
    INSERT INTO work_items (id, token_id, node_key, visit, state, work_center_id, assignee_id, priority, standard_minutes,
                            claim_deadline, qc_result, qc_reason_codes, created_at, updated_at, started_at, completed_at)
    SELECT u.id, u."tokenId", u."nodeKey",
           -- The domain numbers the step's own visits (nextVisit); the visits stored before it come first.
           (SELECT count(*) FROM work_items e WHERE e.token_id = u."tokenId" AND e.node_key = u."nodeKey")::int + u."visitInStep",
           u.state, wc.id, u."assigneeId", u.priority, u."standardMinutes", u."claimDeadline", u."qcResult", u."qcReasonCodes",
           u."createdAt", u."updatedAt", u."startedAt", u."completedAt"
      FROM ${listRows(
        'itemInserts',
        'u',
        `id uuid, "tokenId" uuid, "nodeKey" text, "visitInStep" int, state work_item_state, "workCenter"
           text, "assigneeId" uuid, priority int, "standardMinutes" int, "claimDeadline" timestamptz,
           "qcResult" qc_result, "qcReasonCodes" text[], "createdAt" timestamptz, "updatedAt" timestamptz,
           "startedAt" timestamptz, "completedAt" timestamptz`,
      )}
      LEFT JOIN work_centers wc ON wc.code = u."workCenter"
     WHERE (SELECT ok FROM verdict)
    RETURNING id`,
    when: (doc) => has(doc.itemInserts),
  },
  {
    name: 'operators_joined',
    sql: `
    INSERT INTO work_item_operators (work_item_id, user_id, joined_at, left_at)
    SELECT u."workItemId", u."userId", u."joinedAt", u."leftAt"
      FROM ${listRows('operatorsJoined', 'u', `"workItemId" uuid, "userId" uuid, "joinedAt" timestamptz, "leftAt" timestamptz`)}
     WHERE (SELECT ok FROM verdict)
    ON CONFLICT (work_item_id, user_id) DO UPDATE SET joined_at = EXCLUDED.joined_at, left_at = EXCLUDED.left_at`,
    when: (doc) => has(doc.operatorsJoined),
  },
  {
    name: 'operators_left',
    sql: `
    UPDATE work_item_operators o SET left_at = u."leftAt"
      FROM ${listRows('operatorsLeft', 'u', `"workItemId" uuid, "userId" uuid, "leftAt" timestamptz`)}
     WHERE o.work_item_id = u."workItemId" AND o.user_id = u."userId" AND o.left_at IS NULL AND (SELECT ok FROM verdict)`,
    when: (doc) => has(doc.operatorsLeft),
  },
  {
    name: 'logs_closed',
    sql: `
    UPDATE time_logs l SET ended_at = u."endedAt", end_reason = u."endReason"
      FROM ${listRows('logsClosed', 'u', `"workItemId" uuid, "userId" uuid, "endedAt" timestamptz, "endReason" time_log_end_reason`)}
     WHERE l.work_item_id = u."workItemId" AND l.user_id = u."userId" AND l.ended_at IS NULL AND (SELECT ok FROM verdict)`,
    when: (doc) => has(doc.logsClosed),
  },
  {
    name: 'logs_opened',
    sql: `
    INSERT INTO time_logs (work_item_id, user_id, started_at, ended_at, end_reason)
    SELECT u."workItemId", u."userId", u."startedAt", u."endedAt", u."endReason"
      FROM ${listRows(
        'logsOpened',
        'u',
        `"workItemId" uuid, "userId" uuid, "startedAt" timestamptz, "endedAt" timestamptz, "endReason"
           time_log_end_reason`,
      )}
     WHERE (SELECT ok FROM verdict)`,
    when: (doc) => has(doc.logsOpened),
  },
  {
    name: 'cancelled_tokens',
    sql: `
    SELECT (json_rows #>> '{}')::uuid AS id FROM json_rows($1::jsonb->'cancelledTokens')`,
    when: (doc) => has(doc.cancelledTokens) || has(doc.inbox),
  },
  {
    name: 'inbox_inserts',
    sql: `
    -- A cancelled piece needs no more decisions: its inbox items are resolved with it.
    INSERT INTO inbox_items (id, kind, node_key, payload, mo_id, atelier_job_id, token_id, work_item_id, created_at, status, resolved_at)
    SELECT u.id, u.kind, u."nodeKey", u.payload, u."moId", u."atelierJobId", u."tokenId", u."workItemId", u."createdAt",
           CASE WHEN c.id IS NULL THEN 'open' ELSE 'resolved' END::inbox_status, CASE WHEN c.id IS NOT NULL THEN $2::timestamptz END
      FROM ${listRows(
        'inbox',
        'u',
        `id uuid, kind text, "nodeKey" text, payload jsonb, "moId" uuid, "atelierJobId" uuid, "tokenId" uuid,
           "workItemId" uuid, "createdAt" timestamptz`,
      )}
      LEFT JOIN cancelled_tokens c ON c.id = u."tokenId"
     WHERE (SELECT ok FROM verdict)`,
    when: (doc) => has(doc.inbox),
  },
  {
    name: 'inbox_resolved',
    sql: `
    UPDATE inbox_items i SET status = 'resolved', resolved_at = $2::timestamptz
     WHERE i.token_id IN (SELECT id FROM cancelled_tokens) AND i.status = 'open' AND (SELECT ok FROM verdict)`,
    when: (doc) => has(doc.cancelledTokens),
  },
  {
    name: 'quantities',
    sql: `
    SELECT q."orderId", sum(q.delta)::int AS delta
      FROM ${listRows('quantities', 'q', `"orderId" uuid, delta int`)} GROUP BY q."orderId"`,
    when: (doc) => has(doc.quantities) || has(doc.started),
  },
  {
    name: 'started',
    sql: `
    SELECT (json_rows #>> '{}')::uuid AS id FROM json_rows($1::jsonb->'started')
     WHERE (json_rows #>> '{}')::uuid NOT IN (SELECT "orderId" FROM quantities)`,
    when: (doc) => has(doc.started),
  },
  // Per kind of order: PERMANENT cancellations lower its target; a released order goes in
  // progress once work on one of its pieces moves (only the first time).
  ...ORDER_KINDS.map(({ table, quantity }) => ({
    name: `${table}_quantities`,
    sql: `
    UPDATE ${table} o SET ${quantity} = o.${quantity} + q.delta, updated_at = $2::timestamptz
      FROM quantities q WHERE o.id = q."orderId" AND (SELECT ok FROM verdict)`,
    when: (doc: PersistLists) => has(doc.quantities),
  })),
  ...ORDER_KINDS.map(({ table }) => ({
    name: `${table}_started`,
    sql: `
    UPDATE ${table} o SET status = 'in_progress', updated_at = $2::timestamptz
     WHERE o.id IN (SELECT id FROM started) AND o.status = 'released' AND (SELECT ok FROM verdict)
    RETURNING o.id`,
    when: (doc: PersistLists) => has(doc.started),
  })),
  {
    name: 'key_committed',
    sql: `
    ${keyCommittedSql('$2::timestamptz', "$1::jsonb->'idempotency'->>'scope'", "$1::jsonb->'idempotency'->>'key'")} AND (SELECT ok FROM verdict)`,
    when: (doc) => doc.idempotency !== null,
  },
  // The events; `order.started` only from the statement that moved its order from released.
  { name: 'logged', sql: loggedSql(true), when: (doc) => has(doc.events) && has(doc.started) },
  { name: 'logged', sql: loggedSql(false), when: (doc) => has(doc.events) && !has(doc.started) },
];

/** The statement for a step's document: the guard, the version bump and only the writes the step has. */
export const persistEffectsStatement = statementComposer(
  'persist-effects',
  PARTS,
  // `$2` (the clock) named here too, so a statement whose parts leave it out still takes it.
  `
  SELECT (SELECT ok FROM verdict) AS ok,
         COALESCE((SELECT json_object_agg(id, version) FROM item_updates), '{}') AS versions, $2::timestamptz AS at`,
);
