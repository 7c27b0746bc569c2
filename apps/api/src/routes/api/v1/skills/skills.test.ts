import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { ROLES } from '../../../../auth/roles.ts';

describeCatalogRoutes({
  path: '/api/v1/skills',
  entity: 'skill',
  codeField: 'code',
  notFoundCode: 'SKILL_NOT_FOUND',
  duplicateCode: 'SKILL_CODE_TAKEN',
  readRoles: ROLES,
  writeRoles: ['admin'],
  create: (code) => ({ code, name: 'Edge Creasing' }),
  created: { name: 'Edge Creasing' },
  update: { name: 'Edge Creasing (hot iron)' },
  updated: { name: 'Edge Creasing (hot iron)' },
  invalidCreates: [
    ['no name', { code: 'X-1' }],
    ['a blank name', { code: 'X-1', name: '   ' }],
    ['a code with spaces', { code: 'edge creasing', name: 'Edge Creasing' }],
    ['an unknown field', { code: 'X-1', name: 'Edge Creasing', level: 3 }],
  ],
});
