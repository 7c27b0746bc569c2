import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContext } from '../../../../auth/auth-context.ts';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { unlockSignIn } from '../../../../auth/unlock-sign-in.ts';
import {
  attendanceSchema,
  createUserSchema,
  idOrCodeParamsSchema,
  problemSchema,
  unlockSignInSchema,
  updateUserSchema,
  userPageSchema,
  userSchema,
} from '@atelier/contracts';
import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { setAttendance } from '../../../../attendance/set-attendance.ts';
import { productionContext } from '../../../../production/production-context.ts';
import { hashCredentials, redactUser, userResource } from '../../../../catalog/user-resource.ts';

/**
 * `/api/v1/users`: people, their roles, team, skill levels, attendance and credentials. Admins
 * manage users; everyone reads public information; managers also mark attendance.
 */
const users: FastifyPluginAsyncZod = async (fastify) => {
  await fastify.register(
    catalogRoutes({
      resource: userResource,
      tag: 'Users',
      nouns: ['user', 'users'],
      itemSchema: userSchema,
      pageSchema: userPageSchema,
      createSchema: createUserSchema,
      updateSchema: updateUserSchema,
      readRoles: EVERY_ROLE,
      writeRoles: ['admin'],
      toCreate: hashCredentials,
      toUpdate: hashCredentials,
      redact: redactUser,
    }),
  );

  fastify.put('/:id/attendance', {
    config: { roles: ['admin', 'manager', 'integrator'] },
    schema: {
      tags: ['Users'],
      summary: 'Mark an operator present or absent',
      description:
        'Attendance decides who is an assignment candidate and who may claim (a manager, or a time clock through an ' +
        "integrator key). Absent: the operator's assigned items go back to the engine, open offers are withdrawn, and " +
        'items in progress or paused become HANDOFF_APPROVAL inbox items. Only an active operator can be present; ' +
        'anyone else is 422 NOT_AN_OPERATOR.',
      params: idOrCodeParamsSchema,
      body: attendanceSchema,
      response: {
        200: userSchema,
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
        422: problemSchema,
      },
    },
    handler: (request) => setAttendance(productionContext(fastify, request), request.params.id, request.body),
  });

  fastify.post('/:id/unlock-sign-in', {
    config: { roles: ['admin', 'manager'] },
    schema: {
      tags: ['Users'],
      summary: "Lift a person's sign-in lock-out",
      description:
        'After 5 wrong PINs or passwords an account is locked for 15 minutes (then longer); this lifts the lock and its ' +
        'count at once, with a user.sign_in_unlocked event. unlocked is false when there was nothing to lift.',
      params: idOrCodeParamsSchema,
      response: {
        200: unlockSignInSchema,
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
      },
    },
    handler: (request) => unlockSignIn(authContext(fastify, request), request.params.id),
  });
};

export default users;
