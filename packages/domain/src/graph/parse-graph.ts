import type { z } from 'zod';
import { routingGraphSchema } from './graph-schema.ts';
import type { RoutingGraph } from './graph-schema.ts';

/** A schema error: where (JSON path, e.g. `$.nodes[3].config.standardMinutes`) and what. */
export interface SchemaError {
  path: string;
  message: string;
}

/** Result of {@link parseGraph}. */
export type ParseGraphResult = { ok: true; graph: RoutingGraph } | { ok: false; errors: SchemaError[] };

/** Renders a path as JSONPath so a designer or CI log can point at the offending field. */
export function toJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Unknown keys are reported on the key itself, not on the object holding it. */
function toSchemaErrors(issue: z.core.$ZodIssue): SchemaError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: toJsonPath([...issue.path, key]), message: 'Unknown field' }));
  }
  return [{ path: toJsonPath(issue.path), message: issue.message }];
}

/**
 * Parses untrusted JSON into a {@link RoutingGraph}. Never throws: every problem comes back with
 * its JSON path.
 */
export function parseGraph(json: unknown): ParseGraphResult {
  const result = routingGraphSchema.safeParse(json);
  if (result.success) return { ok: true, graph: result.data };
  return { ok: false, errors: result.error.issues.flatMap(toSchemaErrors) };
}
