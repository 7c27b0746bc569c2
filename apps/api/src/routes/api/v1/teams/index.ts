import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { teamResource } from '../../../../catalog/team-resource.ts';
import { createTeamSchema, teamPageSchema, teamSchema, updateTeamSchema } from '@atelier/contracts';

/** `/api/v1/teams`: groups of operators with a home work center; admins manage them, everyone reads. */
export default catalogRoutes({
  resource: teamResource,
  tag: 'Master data',
  nouns: ['team', 'teams'],
  itemSchema: teamSchema,
  pageSchema: teamPageSchema,
  createSchema: createTeamSchema,
  updateSchema: updateTeamSchema,
  readRoles: EVERY_ROLE,
  writeRoles: ['admin'],
  toCreate: (body) => body,
  toUpdate: (body) => body,
});
