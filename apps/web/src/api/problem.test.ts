import { describe, expect, it } from 'vitest';
import { ApiError, isTransient, isUnauthorized, networkProblem, parseRetryAfter, toProblem } from './problem.ts';

describe('toProblem', () => {
  it('keeps the fields of a problem+json body', () => {
    const body = JSON.stringify({
      type: 'https://atelier.example/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No manufacturing order MO-9.',
      code: 'ORDER_NOT_FOUND',
    });
    expect(toProblem(404, 'application/problem+json; charset=utf-8', body)).toEqual({
      type: 'https://atelier.example/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'No manufacturing order MO-9.',
      code: 'ORDER_NOT_FOUND',
    });
  });

  it("keeps a problem's own members as extensions (who holds a piece after a lost claim)", () => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Already claimed.',
      code: 'ALREADY_CLAIMED',
      instance: '/api/v1/work-items/x/claim',
      heldBy: { userId: 'u1', displayName: 'Napat Srisuk' },
    });
    expect(toProblem(409, 'application/problem+json', body).extensions).toEqual({
      heldBy: { userId: 'u1', displayName: 'Napat Srisuk' },
    });
  });

  it('fills the gaps of a partial JSON error', () => {
    expect(toProblem(400, 'application/json', JSON.stringify({ title: 'Bad cursor' }))).toEqual({
      type: 'about:blank',
      title: 'Bad cursor',
      status: 400,
      detail: 'Bad cursor',
      code: 'HTTP_400',
    });
  });

  it('explains a non-JSON error such as a proxy page', () => {
    const problem = toProblem(502, 'text/html', '<html>Bad gateway</html>');
    expect(problem.title).toBe('The server could not answer');
    expect(problem.detail).toBe('The server answered with HTTP 502.');
    expect(problem.code).toBe('HTTP_502');
  });

  it('survives a body that claims JSON but is not', () => {
    expect(toProblem(500, 'application/json', '{oops').detail).toBe('The server answered with HTTP 500.');
  });
});

describe('networkProblem', () => {
  it('says the server is unreachable and why', () => {
    const problem = networkProblem(new TypeError('Failed to fetch'));
    expect(problem.code).toBe('NETWORK_ERROR');
    expect(problem.detail).toContain('Failed to fetch');
  });
});

describe('isTransient', () => {
  it('treats an unreachable or failing server as worth retrying, a refusal not', () => {
    expect(isTransient(networkProblem(new Error('offline')))).toBe(true);
    expect(isTransient(toProblem(503, null, ''))).toBe(true);
    expect(isTransient(toProblem(404, null, ''))).toBe(false);
    expect(isTransient(toProblem(422, null, ''))).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-24T08:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('900', now)).toBe(900);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 24 Nov 2026 08:15:00 GMT', now)).toBe(900);
  });

  it('never gives a negative wait, and null for nothing readable', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('isUnauthorized', () => {
  it('is true for a 401 answer only', () => {
    expect(isUnauthorized(new ApiError(toProblem(401, null, '')))).toBe(true);
    expect(isUnauthorized(new ApiError(toProblem(403, null, '')))).toBe(false);
    expect(isUnauthorized(new Error('401'))).toBe(false);
  });
});
