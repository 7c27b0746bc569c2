import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUserProfile } from '../../../../auth/get-me.ts';
import { logInWithPassword } from '../../../../auth/log-in-with-password.ts';
import { logInWithPin } from '../../../../auth/log-in-with-pin.ts';
import { listStationOperators } from '../../../../auth/list-station-operators.ts';
import { logOut } from '../../../../auth/log-out.ts';
import { withRetryAfter } from '../../../../auth/retry-after.ts';
import type { NewSession } from '../../../../auth/create-session.ts';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from '../../../../auth/session-cookie.ts';
import { HttpProblem } from '../../../../plugins/http-problem.ts';
import {
  loginResponseSchema,
  pageSchema,
  pairedStationSchema,
  passwordLoginBodySchema,
  pinLoginBodySchema,
  problemSchema,
  stationOperatorQuerySchema,
  stationOperatorSchema,
} from '@atelier/contracts';
import { autoPairDemoStation } from '../../../../stations/auto-pair-station.ts';
import { resolveStation } from '../../../../stations/resolve-station.ts';
import { setStationCookie, stationTokenOf } from '../../../../stations/station-token.ts';

/** Options of the auth routes. */
export interface AuthRoutesOptions {
  /** `STATION_AUTO_PAIR`: `GET /auth/station` pairs an unpaired browser to the demo station. */
  readonly stationAutoPair: boolean;
}

const failures = { 400: problemSchema, 401: problemSchema, 429: problemSchema } as const;

const lockOutNote =
  ' Wrong credentials give 401 INVALID_CREDENTIALS whether or not the account exists. The 5th failure for one account ' +
  'locks it for 15 minutes (each further lock twice as long, up to 8 hours; a manager can lift it with ' +
  'POST /users/{id}/unlock-sign-in); more than 10 failures from one address (or station) within 15 minutes make each next ' +
  'attempt from it wait 1 s, 2 s, 4 s … up to 1 minute. The failure that starts a wait and every attempt during one get ' +
  '429 TOO_MANY_ATTEMPTS with retryAfterSeconds and a Retry-After header; attempts during a wait are not counted.';

const stationNote =
  ' Needs the device token of a registered station (cookie af_station, or the X-Station-Token header): 401 ' +
  "STATION_NOT_PAIRED without one. Only the operators of the station's work centers are listed and accepted.";

/** `/api/v1/auth`: sign in with a password or a station PIN, sign out; which station a tablet is. */
const auth: FastifyPluginAsyncZod<AuthRoutesOptions> = async (fastify, options) => {
  /** The registered station the request comes from, or 401 `STATION_NOT_PAIRED`. */
  async function requireStation(request: FastifyRequest) {
    const station = await resolveStation(fastify.db, stationTokenOf(request));
    if (station === null) {
      throw new HttpProblem(
        401,
        'STATION_NOT_PAIRED',
        'This device is not a registered station; pair it with a code from Admin → Stations.',
      );
    }
    return station;
  }

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
    const { userId, session } = await withRetryAfter(reply, signIn);
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
      startSession(request, reply, false, () =>
        logInWithPassword(fastify.db, { ...request.body, address: request.ip }),
      ),
  });

  fastify.post('/pin', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'Station sign-in with badge (or user id) and PIN',
      description:
        'For shop-floor tablets: sets the session cookie of a station session, valid 2 hours, which can do only what an ' +
        `operator can (work items, own profile), whatever other roles the person holds.${stationNote}${lockOutNote}`,
      body: pinLoginBodySchema,
      response: { 200: loginResponseSchema, ...failures },
    },
    handler: async (request, reply) => {
      const station = await requireStation(request);
      return startSession(request, reply, true, () =>
        logInWithPin(fastify.db, { ...request.body, stationId: station.id }),
      );
    },
  });

  fastify.get('/station', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'Which registered station this device is',
      description:
        'The station of the device token (cookie af_station or X-Station-Token header), or null: then the tablet shows ' +
        '"Pair this tablet" (POST /stations/pair). With STATION_AUTO_PAIR (the embedded demo) a browser without any device ' +
        'token is paired to the demo station here (a revoked one is not).',
      response: { 200: z.object({ station: pairedStationSchema.nullable() }) },
    },
    handler: async (request, reply) => {
      const token = stationTokenOf(request);
      const station = await resolveStation(fastify.db, token);
      // Only a browser that never was a station: a revoked or foreign token must stay unpaired.
      if (station !== null || !options.stationAutoPair || token !== undefined) return { station };
      const paired = await autoPairDemoStation(fastify.db, fastify.eventHub);
      if (paired === null) return { station: null };
      setStationCookie(request, reply, paired.deviceToken);
      return { station: paired.station };
    },
  });

  fastify.get('/station-operators', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'People who can sign in on a station',
      description:
        'For the station\'s "pick your name" screen before anyone is signed in: the station\'s operators (active, with a ' +
        "PIN, in a team whose home work center is one of the station's, or in a team without one, such as the atelier), by " +
        `name, with team, attendance and skills; optionally of one team, the present only, or those qualified for a work item (hand-off). Never badges or roles.${stationNote}`,
      querystring: stationOperatorQuerySchema,
      response: { 200: pageSchema(stationOperatorSchema), 400: problemSchema, 401: problemSchema },
    },
    handler: async (request) => listStationOperators(fastify.db, (await requireStation(request)).id, request.query),
  });

  fastify.post('/logout', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      summary: 'Sign out',
      description:
        'Ends the session of the cookie (on every replica) and clears the cookie. Harmless without a session.',
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
