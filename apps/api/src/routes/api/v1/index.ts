import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import apiKeys from './api-keys/index.ts';
import assignment from './assignment/index.ts';
import assignmentRules from './assignment-rules/index.ts';
import atelierJobs from './atelier-jobs/index.ts';
import auth, { type AuthRoutesOptions } from './auth/index.ts';
import events from './events/index.ts';
import graphs from './graphs/index.ts';
import health from './health/index.ts';
import inbox from './inbox/index.ts';
import manufacturingOrders from './manufacturing-orders/index.ts';
import me from './me/index.ts';
import nodePresets from './node-presets/index.ts';
import openapiDocument from './openapi-document.ts';
import shifts from './shifts/index.ts';
import skills from './skills/index.ts';
import stations from './stations/index.ts';
import teams from './teams/index.ts';
import tokens from './tokens/index.ts';
import users from './users/index.ts';
import workCenters from './work-centers/index.ts';
import workItemAssignment from './work-items/assignment-commands.ts';
import workItems from './work-items/index.ts';

/**
 * `/api/v1`: each sub-folder is a URL prefix and exports its routes as one plugin. Routes are
 * registered here explicitly rather than by directory scanning so the set is typed and greppable.
 */
const apiV1: FastifyPluginAsyncZod<AuthRoutesOptions> = async (fastify, options) => {
  await fastify.register(openapiDocument);
  await fastify.register(health, { prefix: '/health' });
  await fastify.register(apiKeys, { prefix: '/api-keys' });
  await fastify.register(me, { prefix: '/me' });
  await fastify.register(auth, { prefix: '/auth', stationAutoPair: options.stationAutoPair });
  await fastify.register(stations, { prefix: '/stations' });
  await fastify.register(manufacturingOrders, { prefix: '/manufacturing-orders' });
  await fastify.register(atelierJobs, { prefix: '/atelier-jobs' });
  await fastify.register(tokens, { prefix: '/tokens' });
  await fastify.register(events, { prefix: '/events' });
  await fastify.register(skills, { prefix: '/skills' });
  await fastify.register(workCenters, { prefix: '/work-centers' });
  await fastify.register(teams, { prefix: '/teams' });
  await fastify.register(shifts, { prefix: '/shifts' });
  await fastify.register(workItems, { prefix: '/work-items' });
  await fastify.register(users, { prefix: '/users' });
  await fastify.register(nodePresets, { prefix: '/node-presets' });
  await fastify.register(graphs, { prefix: '/graphs' });
  await fastify.register(workItemAssignment, { prefix: '/work-items' });
  await fastify.register(assignmentRules, { prefix: '/assignment-rules' });
  await fastify.register(assignment, { prefix: '/assignment' });
  await fastify.register(inbox, { prefix: '/inbox' });
};

export default apiV1;
