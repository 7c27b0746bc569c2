import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { skillResource } from '../../../../catalog/skill-resource.ts';
import { createSkillSchema, skillPageSchema, skillSchema, updateSkillSchema } from '@atelier/contracts';

/** `/api/v1/skills`: what operators can do and routing steps require; admins manage them, everyone reads. */
export default catalogRoutes({
  resource: skillResource,
  tag: 'Master data',
  nouns: ['skill', 'skills'],
  itemSchema: skillSchema,
  pageSchema: skillPageSchema,
  createSchema: createSkillSchema,
  updateSchema: updateSkillSchema,
  readRoles: EVERY_ROLE,
  writeRoles: ['admin'],
  toCreate: (body) => body,
  toUpdate: (body) => body,
});
