import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { CreateSkill, Skill, UpdateSkill } from '@atelier/contracts';
import { catalogPageWhere, type CatalogResource } from './catalog-resource.ts';
import { conflictOnDuplicate } from './unique-violation.ts';

const select = { id: true, code: true, name: true, active: true } as const;

/** Skills: a code and a name; levels live with the users who hold them. */
export const skillResource: CatalogResource<Skill, CreateSkill, UpdateSkill> = {
  entity: 'skill',
  noun: 'skill',
  notFoundCode: 'SKILL_NOT_FOUND',
  codeOf: (skill) => skill.code,
  list: (client, args) =>
    client.skill.findMany({ where: catalogPageWhere(args), orderBy: { code: 'asc' }, take: args.take, select }),
  find: (client, idOrCode) => client.skill.findUnique({ where: byIdOrCode(idOrCode), select }),
  create: (client, input) =>
    conflictOnDuplicate(
      () => client.skill.create({ data: input, select }),
      'SKILL_CODE_TAKEN',
      `A skill with the code "${input.code}" exists already.`,
      'code',
    ),
  update: (client, skill, input) => client.skill.update({ where: { id: skill.id }, data: input, select }),
  setActive: (client, skill, active) => client.skill.update({ where: { id: skill.id }, data: { active }, select }),
};
