import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '../api/problem.ts';
import { problemFields } from './problem-fields.ts';

const refusal = (errors: unknown) =>
  new ApiError(
    toProblem(
      400,
      'application/problem+json',
      JSON.stringify({ status: 400, code: 'VALIDATION_FAILED', detail: 'The request is invalid.', errors }),
    ),
  );

describe('problemFields', () => {
  it('names each body field the API refused, nested paths included', () => {
    const error = refusal([
      { in: 'body', path: 'displayName', message: 'Too small: expected string to have >=1 characters' },
      { in: 'body', path: 'skills.0.level', message: 'Too big: expected number to be <=5' },
    ]);
    expect(problemFields(error)).toEqual([
      { name: 'displayName', message: 'Too small: expected string to have >=1 characters' },
      { name: 'skills.0.level', message: 'Too big: expected number to be <=5' },
    ]);
  });

  it('leaves out what is not a form field: the query string, the whole body, malformed entries', () => {
    const error = refusal([
      { in: 'querystring', path: 'limit', message: 'Too big' },
      { in: 'body', path: '(root)', message: 'Invalid input' },
      { in: 'body', path: 42, message: 'not a path' },
    ]);
    expect(problemFields(error)).toEqual([]);
  });

  it('finds nothing in other failures', () => {
    expect(problemFields(new Error('offline'))).toEqual([]);
    expect(problemFields(new ApiError(toProblem(503, null, '')))).toEqual([]);
  });
});
