import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { workCenterResource } from '../../../../catalog/work-center-resource.ts';
import {
  createWorkCenterSchema,
  updateWorkCenterSchema,
  workCenterPageSchema,
  workCenterSchema,
} from '@atelier/contracts';

/** `/api/v1/work-centers`: where steps are done and how many stations each has; admins manage them, everyone reads. */
export default catalogRoutes({
  resource: workCenterResource,
  tag: 'Master data',
  nouns: ['work center', 'work centers'],
  itemSchema: workCenterSchema,
  pageSchema: workCenterPageSchema,
  createSchema: createWorkCenterSchema,
  updateSchema: updateWorkCenterSchema,
  readRoles: EVERY_ROLE,
  writeRoles: ['admin'],
  toCreate: (body) => body,
  toUpdate: (body) => body,
});
