import { ApiError } from './problem.ts';

const MAX_RETRIES = 2;

/**
 * Whether a failed query is worth another try: a dropped connection or a server error may pass,
 * a 4xx answer will not change by asking again (and retrying it only delays the message).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiError) return error.problem.status === 0 || error.problem.status >= 500;
  return true;
}
