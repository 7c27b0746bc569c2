import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { CreateWorkCenter, UpdateWorkCenter, WorkCenter } from '@atelier/contracts';
import { catalogPageWhere, type CatalogResource } from './catalog-resource.ts';
import { conflictOnDuplicate } from './unique-violation.ts';

const select = { id: true, code: true, name: true, capacity: true, active: true } as const;

/** Work centers: code, name and capacity (parallel stations). */
export const workCenterResource: CatalogResource<WorkCenter, CreateWorkCenter, UpdateWorkCenter> = {
  entity: 'work_center',
  noun: 'work center',
  notFoundCode: 'WORK_CENTER_NOT_FOUND',
  codeOf: (center) => center.code,
  list: (client, args) =>
    client.workCenter.findMany({ where: catalogPageWhere(args), orderBy: { code: 'asc' }, take: args.take, select }),
  find: (client, idOrCode) => client.workCenter.findUnique({ where: byIdOrCode(idOrCode), select }),
  create: (client, input) =>
    conflictOnDuplicate(
      () => client.workCenter.create({ data: input, select }),
      'WORK_CENTER_CODE_TAKEN',
      `A work center with the code "${input.code}" exists already.`,
      'code',
    ),
  update: (client, center, input) => client.workCenter.update({ where: { id: center.id }, data: input, select }),
  setActive: (client, center, active) =>
    client.workCenter.update({ where: { id: center.id }, data: { active }, select }),
};
