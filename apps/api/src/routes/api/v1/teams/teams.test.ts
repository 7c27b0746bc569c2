import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { ROLES } from '../../../../auth/roles.ts';

describeCatalogRoutes({
  path: '/api/v1/teams',
  entity: 'team',
  codeField: 'code',
  notFoundCode: 'TEAM_NOT_FOUND',
  duplicateCode: 'TEAM_CODE_TAKEN',
  readRoles: ROLES,
  writeRoles: ['admin'],
  prerequisites: [
    { path: '/api/v1/work-centers', body: { code: 'EMB', name: 'Embossing' } },
    { path: '/api/v1/work-centers', body: { code: 'PCK', name: 'Packing' } },
  ],
  create: (code) => ({ code, name: 'Embossing crew', workCenter: 'EMB' }),
  created: { name: 'Embossing crew', workCenter: 'EMB' },
  update: { workCenter: 'PCK' },
  updated: { name: 'Embossing crew', workCenter: 'PCK' },
  invalidCreates: [
    ['a work center given as an object', { code: 'X-1', name: 'Crew', workCenter: { code: 'EMB' } }],
    ['an unknown field', { code: 'X-1', name: 'Crew', leader: 'somchai' }],
  ],
  unknownReference: { code: 'X-2', name: 'Crew', workCenter: 'NOPE' },
  unknownReferencePath: 'workCenter',
});
