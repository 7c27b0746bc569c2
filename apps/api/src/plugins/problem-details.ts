import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { CONFLICT_RETRY_AFTER_SECONDS, TransactionConflictError } from '../db/transaction-conflict.ts';
import { HttpProblem, problemType, statusTitle, validationFailed } from './http-problem.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { problemSchema, type Problem } from '@atelier/contracts';

/** Fastify's own client-error codes, renamed to the API's stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_JSON_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_BAD_URL: 'INVALID_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'PATH_PARAMETER_TOO_LONG',
};

/** What Node's HTTP parser refused (its `clientError`), as status and stable code. */
function clientErrorStatus(error: NodeJS.ErrnoException): { status: number; code: string; detail: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' };
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, code: 'HEADERS_TOO_LARGE', detail: 'The request headers exceed the size limit.' };
  return { status: 400, code: 'MALFORMED_REQUEST', detail: 'The request is not valid HTTP/1.1.' };
}

/**
 * Answers a request Node's HTTP parser refused, before Fastify has a request or reply: the
 * problem is written straight to the socket, which is then closed (as Node and Fastify do).
 */
function sendClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, code, detail } = clientErrorStatus(error);
    const body = JSON.stringify(problem(status, code, detail));
    socket.write(
      `HTTP/1.1 ${status} ${statusTitle(status)}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** `Not Found` → `NOT_FOUND`: the fallback code of a status without a more precise one. */
function statusCode(status: number): string {
  return statusTitle(status).toUpperCase().replaceAll(' ', '_');
}

function problem(status: number, code: string, detail: string, instance?: string): Problem {
  return {
    type: problemType(code),
    title: statusTitle(status),
    status,
    detail,
    code,
    ...(instance === undefined ? {} : { instance }),
  };
}

/**
 * How long a client should wait before retrying a 503: a PostgreSQL restart or fail-over takes
 * seconds, and the pool reconnects on the first request after it (no restart of the API).
 */
const RETRY_AFTER_SECONDS = 5;

function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  if (body.status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
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
    return validationFailed(errors).toProblem(instance);
  }

  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return problem(
      503,
      'DATABASE_UNAVAILABLE',
      'The database cannot be reached right now; retry in a few seconds.',
      instance,
    );
  }

  if (error instanceof TransactionConflictError) {
    request.log.warn({ err: error }, 'transaction kept conflicting');
    const detail =
      'Concurrent work kept aborting this request (deadlock or serialization failure); nothing was written. Repeat it shortly.';
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
 * Server options that shape the errors Fastify answers before any route or hook runs
 * the same way: pass them to `Fastify({ ...problemServerOptions })`.
 */
export const problemServerOptions = {
  /**
   * The router's refusals: a broken percent-encoding (400), an over-long path parameter (414).
   * No hook runs for them, so they set the security headers themselves.
   */
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    setSecurityHeaders(request, reply);
    return sendProblem(reply, toProblem(error, request));
  },
  /** Requests Node's HTTP parser refused (malformed, headers too large, too slow). */
  clientErrorHandler: sendClientError,
} satisfies FastifyServerOptions;

/**
 * Every error leaves the API as RFC 9457 `application/problem+json` with a stable `code`:
 * {@link HttpProblem} as thrown, schema validation as a 400 listing each field to fix,
 * Fastify's client errors (body too large, bad JSON …) with their status, a database that cannot
 * be reached as 503 `DATABASE_UNAVAILABLE`, a transaction that kept conflicting
 * (`TransactionConflictError`) as 503 `TRANSACTION_CONFLICT` (every 503 with `Retry-After`),
 * anything else a logged 500.
 */
export default fp(
  async function problemDetails(fastify) {
    fastify.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof TransactionConflictError) reply.header('retry-after', String(CONFLICT_RETRY_AFTER_SECONDS));
      return sendProblem(reply, toProblem(error, request));
    });
    // Any API route may find the database away: say so in its schema (and so in OpenAPI).
    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/v1/')) return;
      const response = ((route.schema ??= {}).response ??= {}) as Record<string, unknown>;
      response[503] ??= problemSchema;
    });
  },
  { name: 'problem-details' },
);
