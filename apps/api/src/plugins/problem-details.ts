import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CONFLICT_RETRY_AFTER_SECONDS, TransactionConflictError } from '../db/transaction-conflict.ts';
import { HttpProblem, problemType, statusTitle, type Problem } from './http-problem.ts';

/** Fastify's own client-error codes, renamed to the API's stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_JSON_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
};

/** `Not Found` → `NOT_FOUND`: the fallback code of a status without a more precise one. */
function statusCode(status: number): string {
  return statusTitle(status).toUpperCase().replaceAll(' ', '_');
}

function problem(status: number, code: string, detail: string, instance: string): Problem {
  return { type: problemType(code), title: statusTitle(status), status, detail, code, instance };
}

function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Turns any thrown error into the problem the client sees; bad input is always a 4xx. */
function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  const instance = request.url;
  if (error instanceof HttpProblem) return error.toProblem(instance);

  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((issue) => ({
      in: where,
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)',
      message: issue.message ?? 'is invalid',
    }));
    const summary = errors.map((e) => `${e.in}.${e.path}: ${e.message}`).join('; ');
    return { ...problem(400, 'VALIDATION_FAILED', `The request is invalid. ${summary}`, instance), errors };
  }

  if (error instanceof TransactionConflictError) {
    request.log.warn({ err: error }, 'transaction kept conflicting');
    const detail = 'Concurrent work kept aborting this request (deadlock or serialization failure); nothing was written. Repeat it shortly.';
    return problem(503, 'TRANSACTION_CONFLICT', detail, instance);
  }

  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return problem(status, FASTIFY_CODES[error.code] ?? statusCode(status), error.message, instance);
  }

  request.log.error({ err: error }, 'unhandled error');
  return problem(500, 'INTERNAL_ERROR', `An unexpected error occurred (request ${request.id}).`, instance);
}

/** Answers an unknown route or missing resource with a 404 problem (`ROUTE_NOT_FOUND`). */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const detail = `No route ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`;
  return sendProblem(reply, problem(404, 'ROUTE_NOT_FOUND', detail, request.url));
}

/**
 * Every error leaves the API as RFC 9457 `application/problem+json` with a stable `code`:
 * {@link HttpProblem} as thrown, schema validation as a 400 listing each field to fix,
 * Fastify's client errors (body too large, bad JSON …) with their status, a transaction that kept
 * conflicting (`TransactionConflictError`) as a 503 with `Retry-After`, anything else a logged 500.
 */
export default fp(
  async function problemDetails(fastify) {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof TransactionConflictError) reply.header('retry-after', String(CONFLICT_RETRY_AFTER_SECONDS));
      return sendProblem(reply, toProblem(error, request));
    });
  },
  { name: 'problem-details' },
);
