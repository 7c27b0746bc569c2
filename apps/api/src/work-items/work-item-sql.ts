/**
 * SQL shared by the work-item reads and commands, so "who may claim this item" has ONE definition
 * (used by `GET /work-items?available=me` and by the claim / join / hand-off checks alike).
 */

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
