import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { shiftResource } from '../../../../catalog/shift-resource.ts';
import { createShiftSchema, shiftPageSchema, shiftSchema, updateShiftSchema } from '@atelier/contracts';

/** `/api/v1/shifts`: weekly working windows that give capacity planning its hours; admins manage them, everyone reads. */
export default catalogRoutes({
  resource: shiftResource,
  tag: 'Master data',
  nouns: ['shift', 'shifts'],
  itemSchema: shiftSchema,
  pageSchema: shiftPageSchema,
  createSchema: createShiftSchema,
  updateSchema: updateShiftSchema,
  readRoles: EVERY_ROLE,
  writeRoles: ['admin'],
  toCreate: (body) => body,
  toUpdate: (body) => body,
});
