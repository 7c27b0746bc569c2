import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUserProfile } from '../../../../auth/get-me.ts';
import { logInWithPassword } from '../../../../auth/log-in-with-password.ts';
import { logInWithPin } from '../../../../auth/log-in-with-pin.ts';
import { listStationOperators } from '../../../../auth/list-station-operators.ts';
import { logOut } from '../../../../auth/log-out.ts';
import type { NewSession } from '../../../../auth/create-session.ts';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from '../../../../auth/session-cookie.ts';
import { HttpProblem, problemSchema } from '../../../../plugins/http-problem.ts';
import { pageQuerySchema, pageSchema } from '../pagination.ts';
import { loginResponseSchema, passwordLoginBodySchema, pinLoginBodySchema, stationOperatorSchema } from './auth.schema.ts';

const failures = { 400: problemSchema, 401: problemSchema, 429: problemSchema } as const;

const lockOutNote =
  ' Wrong credentials give 401 INVALID_CREDENTIALS whether or not the account exists. The 5th failure for one account ' +
  'locks it for 15 minutes (each further lock twice as long, up to 8 hours; a manager can lift it with ' +
  'POST /users/{id}/unlock-sign-in); more than 10 failures from one address (or station) within 15 minutes make each next ' +
  'attempt from it wait 1 s, 2 s, 4 s … up to 1 minute. The failure that starts a wait and every attempt during one get ' +
  '429 TOO_MANY_ATTEMPTS with retryAfterSeconds and a Retry-After header; attempts during a wait are not counted.';

/** `/api/v1/auth`: sign in with a password or a station PIN, sign out. */
const auth: FastifyPluginAsyncZod = async (fastify) => {
  /**
   * Runs a sign-in and opens its session: the session this browser had before is ended (a shared
   * station tablet passes from one operator to the next), the cookie set, the user returned.
   */
  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    station: boolean,
    signIn: () => Promise<{ userId: string; session: NewSession }>,
  ) {
    const { userId, session } = await signIn().catch((error: unknown) => {
      if (error instanceof HttpProblem && error.status === 429) reply.header('retry-after', String(error.extensions.retryAfterSeconds));
      throw error;
    });
    const previous = sessionCookieOf(request);
    if (previous !== undefined) await logOut(fastify.db, previous);
    setSessionCookie(request, reply, session);
    return { user: await getUserProfile(fastify.db, userId, station), expiresAt: session.expiresAt.toISOString() };
  }

  fastify.post('/login', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'Sign in with username and password',
      description: `Sets the httpOnly session cookie \`af_session\` (SameSite=Lax; Secure over HTTPS), valid 12 hours.${lockOutNote}`,
      body: passwordLoginBodySchema,
      response: { 200: loginResponseSchema, ...failures },
    },
    handler: (request, reply) =>
      startSession(request, reply, false, () => logInWithPassword(fastify.db, { ...request.body, address: request.ip })),
  });

  fastify.post('/pin', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'Station sign-in with badge (or user id) and PIN',
      description: `For shop-floor tablets: sets the session cookie of a station session, valid 2 hours.${lockOutNote}`,
      body: pinLoginBodySchema,
      response: { 200: loginResponseSchema, ...failures },
    },
    handler: (request, reply) =>
      startSession(request, reply, true, () => logInWithPin(fastify.db, { ...request.body, address: request.ip })),
  });

  fastify.get('/station-operators', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'People who can sign in on a station',
      description:
        'For the station\'s "pick your name" screen before anyone is signed in: active users with a PIN, by name, ' +
        'optionally of one team. Names and teams only.',
      querystring: pageQuerySchema.extend({ team: z.string().min(1).max(100).optional().describe('A team code, e.g. ATELIER.') }),
      response: { 200: pageSchema(stationOperatorSchema), 400: problemSchema },
    },
    handler: (request) => listStationOperators(fastify.db, request.query),
  });

  fastify.post('/logout', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'Sign out',
      description: 'Ends the session of the cookie (on every replica) and clears the cookie. Harmless without a session.',
      response: { 204: z.null().describe('Signed out.') },
    },
    handler: async (request, reply) => {
      const token = sessionCookieOf(request);
      if (token !== undefined) await logOut(fastify.db, token);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  });
};

export default auth;
