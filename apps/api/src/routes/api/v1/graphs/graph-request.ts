import type { RoutingGraph } from '@atelier/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseRoutingBody } from '../../../../graphs/parse-routing-body.ts';
import { HttpProblem } from '../../../../plugins/http-problem.ts';

/**
 * The revision named by `If-Match` (`"3"`, `W/"3"` or `3`), or undefined without the header. A
 * value that names no revision is a 400 `INVALID_IF_MATCH`.
 */
export function ifMatchRevision(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (match?.[1] === undefined) {
    throw new HttpProblem(
      400,
      'INVALID_IF_MATCH',
      `If-Match must be the ETag of the version you loaded, e.g. "3"; got ${header}.`,
    );
  }
  return Number(match[1]);
}

/** Like {@link ifMatchRevision}, but a missing header is a 428 `IF_MATCH_REQUIRED`: drafts are never saved blind. */
export function requiredIfMatchRevision(request: FastifyRequest): number {
  const revision = ifMatchRevision(request);
  if (revision === undefined) {
    throw new HttpProblem(
      428,
      'IF_MATCH_REQUIRED',
      'Send If-Match with the ETag of the draft you loaded, so a concurrent edit is not overwritten.',
    );
  }
  return revision;
}

/** Sets the ETag of a version: its revision. */
export function setVersionETag(reply: FastifyReply, version: { revision: number }): void {
  reply.header('etag', `"${version.revision}"`);
}

/**
 * The raw body of a route that parses a routing-graph/v1 document itself (with JSON paths in its
 * errors): its zod body schema documents the shape and is validated with `attachValidation`, so
 * only failures of the other parts (params, query) are answered here.
 */
export function routingDocument(request: FastifyRequest): unknown {
  const error = request.validationError;
  if (error !== undefined && error !== null && error.validationContext !== 'body') throw error;
  return request.body;
}

/**
 * The routing-graph/v1 document of a request: the body as the route's schema (the domain's)
 * already parsed it, or, when that failed, a 400 listing each error with its JSON path.
 */
export function routingBody(request: FastifyRequest): RoutingGraph {
  const json = routingDocument(request);
  return request.validationError ? parseRoutingBody(json) : (json as RoutingGraph);
}
