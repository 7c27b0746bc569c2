import { ApiError, networkProblem, parseRetryAfter, toProblem } from './problem.ts';

/** Every endpoint lives under this prefix, on the origin that served the SPA. */
export const API_BASE = '/api/v1';

/** Query-string values; `undefined` and empty values are left out. */
export type QueryParams = Record<string, string | number | undefined>;

/** Builds `/api/v1/<path>?<params>`. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/**
 * Sends one request and reads its JSON answer (nothing for 204). Any failure (network, non-2xx)
 * throws an {@link ApiError} carrying a problem the screens can show as it is.
 */
async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError(networkProblem(cause));
  }
  if (!response.ok) {
    const problem = toProblem(response.status, response.headers.get('content-type'), await response.text());
    throw new ApiError(problem, parseRetryAfter(response.headers.get('retry-after'), new Date()));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GETs a JSON resource. */
export function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  return send<T>(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
}

/**
 * A fresh `Idempotency-Key`: 128 random bits as hex. `crypto.randomUUID` is not used because it
 * exists only in secure contexts, and station tablets reach the server over plain HTTP on the LAN.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Options of a command (POST, PATCH, PUT, DELETE). */
export interface CommandOptions {
  /**
   * The command's `Idempotency-Key`. A fresh one is made per call unless given: pass the same key
   * when repeating the same intent (a retry after a timeout) so the server does it once.
   */
  idempotencyKey?: string;
  /** More request headers, e.g. `If-Match` with the revision a draft save or publish is based on. */
  headers?: Record<string, string>;
}

/** Sends a command with a JSON body when given and reads its JSON answer; always with an `Idempotency-Key`. */
export function sendCommand<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  { idempotencyKey = newIdempotencyKey(), headers: extraHeaders = {} }: CommandOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    accept: 'application/json',
    'idempotency-key': idempotencyKey,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(apiUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** POSTs a command (see {@link sendCommand}). */
export function postJson<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T> {
  return sendCommand<T>('POST', path, body, options);
}

/** PATCHes a resource (see {@link sendCommand}). */
export function patchJson<T>(path: string, body: unknown, options?: CommandOptions): Promise<T> {
  return sendCommand<T>('PATCH', path, body, options);
}
