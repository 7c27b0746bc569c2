import { describe, expect, it } from 'vitest';
import { ApiError, networkProblem, toProblem } from './problem.ts';
import { shouldRetry } from './retry-policy.ts';

describe('shouldRetry', () => {
  it('retries unreachable servers and server errors a bounded number of times', () => {
    const offline = new ApiError(networkProblem(new TypeError('Failed to fetch')));
    const failing = new ApiError(toProblem(503, null, ''));
    expect(shouldRetry(0, offline)).toBe(true);
    expect(shouldRetry(1, failing)).toBe(true);
    expect(shouldRetry(2, failing)).toBe(false);
  });

  it('does not retry a refused request', () => {
    expect(shouldRetry(0, new ApiError(toProblem(404, null, '')))).toBe(false);
    expect(shouldRetry(0, new ApiError(toProblem(400, null, '')))).toBe(false);
  });
});
