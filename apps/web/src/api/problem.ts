import type { FieldError } from '@atelier/contracts';

/** An RFC 9457 problem, as every API error is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  /** The fields to fix, on a 400 `VALIDATION_FAILED` (and other refusals that name a field). */
  errors?: FieldError[];
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { in: where, path, message } = value as Record<string, unknown>;
  return typeof where === 'string' && typeof path === 'string' && typeof message === 'string';
}

/**
 * A failed API call; `problem` is what the screens show. `retryAfterSeconds` is the server's
 * `Retry-After` (a sign-in lock-out, a rate limit), null when it sent none.
 */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Whether a failure means "not signed in (any more)": the screens must send the user to sign in. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status === 401;
}

/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3), as whole seconds
 * from `now`. Null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * Reads an error response. The API answers with problem+json, but a proxy or a server that is
 * still starting may answer with HTML or nothing, and the user still needs a sentence, not a
 * JSON parse error.
 */
export function toProblem(status: number, contentType: string | null, body: string): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: status >= 500 ? 'The server could not answer' : 'The request was refused',
    status,
    detail: `The server answered with HTTP ${status}.`,
    code: `HTTP_${status}`,
  };
  if (!contentType?.includes('json')) return fallback;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return fallback;
    const fields = parsed as Partial<Record<keyof Problem, unknown>>;
    const text = (value: unknown, otherwise: string): string =>
      typeof value === 'string' && value !== '' ? value : otherwise;
    const problem: Problem = {
      type: text(fields.type, fallback.type),
      title: text(fields.title, fallback.title),
      status: typeof fields.status === 'number' ? fields.status : status,
      detail: text(fields.detail, text(fields.title, fallback.detail)),
      code: text(fields.code, fallback.code),
    };
    if (Array.isArray(fields.errors)) problem.errors = fields.errors.filter(isFieldError);
    return problem;
  } catch {
    return fallback;
  }
}

/** The problem shown when the API cannot be reached at all. */
export function networkProblem(cause: unknown): Problem {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return {
    type: 'about:blank',
    title: 'The API cannot be reached',
    status: 0,
    detail: `Check that the Atelier Flow server is running (${reason}).`,
    code: 'NETWORK_ERROR',
  };
}

/**
 * Whether asking again may help: the server was unreachable or failed (5xx). A 4xx answer will not
 * change by repeating the same request.
 */
export function isTransient(problem: Problem): boolean {
  return problem.status === 0 || problem.status >= 500;
}
