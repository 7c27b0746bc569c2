import { ApiError, networkProblem, toProblem } from './problem.ts';

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
 * GETs a JSON resource. Any failure (network, non-2xx) throws an {@link ApiError} carrying a
 * problem the screens can show as it is.
 */
export async function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal, credentials: 'same-origin' });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(networkProblem(cause));
  }
  if (!response.ok) {
    throw new ApiError(toProblem(response.status, response.headers.get('content-type'), await response.text()));
  }
  return (await response.json()) as T;
}
