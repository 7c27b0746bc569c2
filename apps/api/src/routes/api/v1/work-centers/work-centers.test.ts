import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { ROLES } from '../../../../auth/roles.ts';

describeCatalogRoutes({
  path: '/api/v1/work-centers',
  entity: 'work_center',
  codeField: 'code',
  notFoundCode: 'WORK_CENTER_NOT_FOUND',
  duplicateCode: 'WORK_CENTER_CODE_TAKEN',
  readRoles: ROLES,
  writeRoles: ['admin'],
  create: (code) => ({ code, name: 'Embossing', capacity: 2 }),
  created: { name: 'Embossing', capacity: 2 },
  update: { capacity: 0 },
  updated: { name: 'Embossing', capacity: 0 },
  invalidCreates: [
    ['a negative capacity', { code: 'X-1', name: 'Embossing', capacity: -1 }],
    ['a fractional capacity', { code: 'X-1', name: 'Embossing', capacity: 1.5 }],
    ['a capacity given as text', { code: 'X-1', name: 'Embossing', capacity: '2' }],
    ['no code', { name: 'Embossing' }],
  ],
});
