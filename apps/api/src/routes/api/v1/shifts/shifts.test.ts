import { describeCatalogRoutes } from '../../../../catalog/catalog-route-suite.ts';
import { ROLES } from '../../../../auth/roles.ts';

describeCatalogRoutes({
  path: '/api/v1/shifts',
  entity: 'shift',
  codeField: 'code',
  notFoundCode: 'SHIFT_NOT_FOUND',
  duplicateCode: 'SHIFT_CODE_TAKEN',
  readRoles: ROLES,
  writeRoles: ['admin'],
  prerequisites: [
    { path: '/api/v1/work-centers', body: { code: 'STI', name: 'Stitching' } },
    { path: '/api/v1/teams', body: { code: 'LINE', name: 'Stitching line', workCenter: 'STI' } },
  ],
  create: (code) => ({ code, name: 'Night stitching', startMinute: 22 * 60, endMinute: 6 * 60, team: 'LINE', workCenter: 'STI' }),
  created: { startMinute: 1320, endMinute: 360, weekdays: [1, 2, 3, 4, 5], team: 'LINE', workCenter: 'STI' },
  update: { weekdays: [6, 7], team: null },
  updated: { weekdays: [6, 7], team: null, workCenter: 'STI' },
  invalidCreates: [
    ['the same start and end', { code: 'X-1', name: 'Empty', startMinute: 480, endMinute: 480 }],
    ['a minute past midnight of the next day', { code: 'X-1', name: 'Long', startMinute: 480, endMinute: 1500 }],
    ['weekday 8', { code: 'X-1', name: 'Day', startMinute: 480, endMinute: 960, weekdays: [1, 8] }],
    ['a weekday twice', { code: 'X-1', name: 'Day', startMinute: 480, endMinute: 960, weekdays: [1, 1] }],
    ['no weekday', { code: 'X-1', name: 'Day', startMinute: 480, endMinute: 960, weekdays: [] }],
  ],
  unknownReference: { code: 'X-2', name: 'Day', startMinute: 480, endMinute: 960, team: 'NOPE' },
});
