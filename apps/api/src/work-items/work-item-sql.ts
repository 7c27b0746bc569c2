/**
 * SQL shared by the work-item reads and commands, so "who may claim this item" has ONE definition
 * (used by `GET /work-items?available=me`, `claim-next` and by the claim / join / hand-off checks alike).
 */

/** Adds a value to a statement's parameters and returns its typed placeholder (`$3::uuid`). */
export type AddParam = (value: unknown, cast: string) => string;

/** Where a queue is: a node of the routing, a work center, both or neither (the whole factory). */
export interface QueuePlace {
  /** Node key, e.g. `cut`. */
  readonly node?: string | undefined;
  /** Work center code or id. */
  readonly workCenter?: string | undefined;
}

/**
 * A work item with its token, pinned graph version and its node's JSON (`node.body`, null when the
 * node is missing from the graph). Aliases: `w` work item, `t` token, `gv` graph version, `node`
 * its row of `graph_version_nodes`.
 */
export const WORK_ITEM_FROM = `
  work_items w
  JOIN tokens t ON t.id = w.token_id
  JOIN graph_versions gv ON gv.id = t.graph_version_id
  LEFT JOIN graph_version_nodes node ON node.graph_version_id = t.graph_version_id AND node.node_key = w.node_key`;

/**
 * The team an assignment rule restricts a work item to: the most specific active rule wins (a rule
 * for this node of this graph over a rule for the item's work center); null when no rule names one.
 */
const RULE_TEAM = `
  (SELECT r.team_id FROM assignment_rules r
    WHERE r.active
      AND ((r.graph_id = gv.graph_id AND r.node_key = w.node_key)
        OR (r.node_key IS NULL AND r.work_center_id = w.work_center_id))
    ORDER BY (r.node_key IS NOT NULL) DESC, r.created_at DESC
    LIMIT 1)`;

/**
 * True when user `userParam` (a `$n` placeholder) qualifies for the work item in {@link WORK_ITEM_FROM}:
 * at least the minimum level of every skill the node requires, and a member of the team an
 * assignment rule names (when one does). State is not part of it: callers add their own.
 */
export function qualifiedSql(userParam: string): string {
  return `(
    NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements(COALESCE(node.body->'config'->'skills', '[]'::jsonb)) req
       WHERE COALESCE((SELECT us.level FROM user_skills us JOIN skills s ON s.id = us.skill_id
                        WHERE us.user_id = ${userParam} AND s.code = req->>'code'), 0) < (req->>'minLevel')::int
    )
    AND COALESCE((SELECT team_rule.team_id IS NULL OR team_rule.team_id = (SELECT u.team_id FROM users u WHERE u.id = ${userParam})
                    FROM (SELECT ${RULE_TEAM} AS team_id) team_rule), false)
  )`;
}

/** Conditions (on {@link WORK_ITEM_FROM}) that keep the items of one queue place. */
export function placeConditions(place: QueuePlace, param: AddParam): string[] {
  const conditions: string[] = [];
  if (place.node !== undefined) conditions.push(`w.node_key = ${param(place.node, 'text')}`);
  if (place.workCenter !== undefined) {
    conditions.push(
      `w.work_center_id = (SELECT id FROM work_centers WHERE code = ${param(place.workCenter, 'text')} OR id::text = ${param(place.workCenter, 'text')})`,
    );
  }
  return conditions;
}

/** True when user `userParam` is marked present (attendance): only present people take work. */
export function presentSql(userParam: string): string {
  return `COALESCE((SELECT u.present FROM users u WHERE u.id = ${userParam}), false)`;
}

/** True when user `userParam` may claim the item now: present, the item ready, its piece active, and qualified. */
export function availableToSql(userParam: string): string {
  return `w.state = 'ready' AND t.state = 'active' AND ${presentSql(userParam)} AND ${qualifiedSql(userParam)}`;
}

/** The order a queue is worked in: highest priority first, then oldest. */
export const QUEUE_ORDER = 'w.priority DESC, w.created_at, w.id';
