import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContext } from '../../../../auth/auth-context.ts';
import { withRetryAfter } from '../../../../auth/retry-after.ts';
import {
  createStationBodySchema,
  pageQuerySchema,
  pageSchema,
  pairedDeviceSchema,
  pairStationBodySchema,
  problemSchema,
  stationParamsSchema,
  stationSchema,
  stationWithPairingCodeSchema,
} from '@atelier/contracts';
import { createStation } from '../../../../stations/create-station.ts';
import { issuePairingCode } from '../../../../stations/issue-pairing-code.ts';
import { listStations } from '../../../../stations/list-stations.ts';
import { pairStation } from '../../../../stations/pair-station.ts';
import { revokeStation } from '../../../../stations/revoke-station.ts';
import { setStationCookie } from '../../../../stations/station-token.ts';

/**
 * `/api/v1/stations`: admins register shop-floor stations and pair tablets to them with one-time
 * codes; a tablet exchanges its code for a device token. Codes and tokens are shown once, never
 * stored in clear, so these commands ignore `Idempotency-Key` (a replay would need them stored).
 */
const stations: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['Stations'],
      summary: 'List registered stations',
      description:
        'By name, with their work centers, paired tablets and when one was last seen. Never codes or tokens.',
      querystring: pageQuerySchema,
      response: { 200: pageSchema(stationSchema), 400: problemSchema },
    },
    handler: (request) => listStations(fastify.db, request.query),
  });

  fastify.post('', {
    config: { roles: ['admin'], idempotency: false },
    schema: {
      tags: ['Stations'],
      summary: 'Register a station',
      description: 'Returns the station and a one-time pairing code (valid 15 minutes) to type on its tablet.',
      body: createStationBodySchema,
      response: { 201: stationWithPairingCodeSchema, 400: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createStation(authContext(fastify, request), request.body)),
  });

  fastify.post('/:id/pairing-code', {
    config: { roles: ['admin'], idempotency: false },
    schema: {
      tags: ['Stations'],
      summary: 'Open a new pairing code for a station',
      description: 'For a new or replacement tablet; replaces a code still open. Tablets already paired stay paired.',
      params: stationParamsSchema,
      response: { 200: stationWithPairingCodeSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: (request) => issuePairingCode(authContext(fastify, request), request.params.id),
  });

  fastify.post('/:id/revoke', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['Stations'],
      summary: 'Unpair a station',
      description:
        "Its tablets' device tokens stop working, its open pairing code is withdrawn and the operator sessions opened on it end.",
      params: stationParamsSchema,
      response: { 200: stationSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: (request) => revokeStation(authContext(fastify, request), request.params.id),
  });

  fastify.post('/pair', {
    config: { public: true, idempotency: false },
    schema: {
      tags: ['Stations'],
      summary: 'Pair this tablet with a code from Admin',
      description:
        'Sets the long-lived httpOnly, SameSite=Strict cookie af_station (and returns the token for clients without cookies, ' +
        'to send as X-Station-Token). 401 INVALID_PAIRING_CODE for a wrong, used or expired code; many wrong codes from one ' +
        'address make the next attempts wait (429 TOO_MANY_ATTEMPTS with Retry-After).',
      body: pairStationBodySchema,
      response: { 200: pairedDeviceSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      const paired = await withRetryAfter(reply, () =>
        pairStation(fastify.db, fastify.eventHub, { code: request.body.code, address: request.ip }),
      );
      setStationCookie(request, reply, paired.deviceToken);
      return paired;
    },
  });
};

export default stations;
