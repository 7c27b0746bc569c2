import { GRAPH_FORMAT, parseGraph, type RoutingGraph } from '@atelier/domain';
import { HttpProblem } from '../plugins/http-problem.ts';

/**
 * A request's routing-graph/v1 document, parsed with the domain's one schema. Anything else is a
 * 400 `GRAPH_SCHEMA_INVALID` listing every error with its JSON path (`$.nodes[3].config.standardMinutes`),
 * so the designer or an integrator's script can point at the field.
 */
export function parseRoutingBody(json: unknown): RoutingGraph {
  const parsed = parseGraph(json);
  if (parsed.ok) return parsed.graph;
  const errors = parsed.errors.map((error) => ({ in: 'body', path: error.path, message: error.message }));
  const summary = errors
    .slice(0, 5)
    .map((error) => `${error.path}: ${error.message}`)
    .join('; ');
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  throw new HttpProblem(400, 'GRAPH_SCHEMA_INVALID', `The body is not a ${GRAPH_FORMAT} document. ${summary}${more}`, {
    errors,
  });
}

/** A routing document must carry its graph's code: a body meant for another graph is refused (422). */
export function assertGraphCode(body: RoutingGraph, code: string): void {
  if (body.code !== code) {
    throw new HttpProblem(
      422,
      'GRAPH_CODE_MISMATCH',
      `The document's code is "${body.code}" but the routing graph is "${code}"; import it instead, or fix the code.`,
    );
  }
}
