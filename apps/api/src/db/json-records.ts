/**
 * SQL: the elements of the JSON array `source` (an SQL expression, e.g. `$1::jsonb->'events'`) as
 * rows `alias` with the named, typed fields `fields` (`id uuid, state work_item_state, …`), for
 * statements that take their rows as named fields of one JSON document rather than numbered
 * parameters. Read by `json_rows`, which tells the planner to expect few rows, so rows are found by
 * index (see its migration).
 */
export const jsonRecords = (source: string, alias: string, fields: string): string =>
  `json_rows(${source}) AS ${alias}_json CROSS JOIN LATERAL jsonb_to_record(${alias}_json) AS ${alias}(${fields})`;
