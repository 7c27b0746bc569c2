import { ApiError, isTransient } from './problem.ts';

const MAX_RETRIES = 2;

/**
 * Whether a failed query is worth another automatic try: only transient failures, a bounded
 * number of times (retrying a 4xx only delays the message the user needs).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiError) return isTransient(error.problem);
  return true;
}
