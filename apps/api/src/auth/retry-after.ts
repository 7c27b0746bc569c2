import type { FastifyReply } from 'fastify';
import { HttpProblem } from '../plugins/http-problem.ts';

/**
 * Runs a throttled attempt (sign-in, pairing); a 429 it throws also gets the `Retry-After`
 * header its `retryAfterSeconds` says, for clients that read headers rather than bodies.
 */
export async function withRetryAfter<T>(reply: FastifyReply, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 429)
      reply.header('retry-after', String(error.extensions.retryAfterSeconds));
    throw error;
  }
}
