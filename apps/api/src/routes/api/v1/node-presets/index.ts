import { catalogRoutes } from '../../../../catalog/catalog-routes.ts';
import { nodePresetResource } from '../../../../catalog/node-preset-resource.ts';
import {
  createNodePresetSchema,
  nodePresetItemSchema,
  nodePresetPageSchema,
  updateNodePresetSchema,
} from '@atelier/contracts';

/**
 * `/api/v1/node-presets`: the designer's palette, shipped defaults (read-only) merged with the
 * factory's own presets. Admins and designers manage them; managers read them too.
 */
export default catalogRoutes({
  resource: nodePresetResource,
  tag: 'Routing graphs',
  nouns: ['node preset', 'node presets'],
  itemSchema: nodePresetItemSchema,
  pageSchema: nodePresetPageSchema,
  createSchema: createNodePresetSchema,
  updateSchema: updateNodePresetSchema,
  readRoles: ['admin', 'designer', 'manager'],
  writeRoles: ['admin', 'designer'],
  toCreate: (body) => body,
  toUpdate: (body) => body,
});
