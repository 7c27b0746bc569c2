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

/** POSTs a command, with a JSON body when given, and reads its JSON answer. */
export function postJson<T>(path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(apiUrl(path), {
    method: 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Sends a command with any method and extra headers (`If-Match` on a draft save), an
 * `Idempotency-Key` so a retried request is applied once, and reads its JSON answer.
 */
export function sendCommand<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const all: Record<string, string> = {
    accept: 'application/json',
    'idempotency-key': crypto.randomUUID(),
    ...headers,
  };
  if (body !== undefined) all['content-type'] = 'application/json';
  return send<T>(apiUrl(path), { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * POSTs a command with the caller's `Idempotency-Key`: the same key sent again (a double tap, a retry
 * after a lost answer) gets the first answer instead of doing the thing twice.
 */
export function postCommand<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  return sendCommand<T>('POST', path, body, { 'idempotency-key': idempotencyKey });
}
