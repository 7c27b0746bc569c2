import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { CreateTeam, Team, UpdateTeam } from '@atelier/contracts';
import { catalogPageWhere, type CatalogResource } from './catalog-resource.ts';
import { resolveOptionalCode } from './resolve-reference.ts';
import { conflictOnDuplicate } from './unique-violation.ts';

const select = { id: true, code: true, name: true, active: true, workCenter: { select: { code: true } } } as const;

function toTeam(row: {
  id: string;
  code: string;
  name: string;
  active: boolean;
  workCenter: { code: string } | null;
}): Team {
  return { id: row.id, code: row.code, name: row.name, workCenter: row.workCenter?.code ?? null, active: row.active };
}

/** Teams: code, name and an optional home work center (given and shown by code). */
export const teamResource: CatalogResource<Team, CreateTeam, UpdateTeam> = {
  entity: 'team',
  noun: 'team',
  notFoundCode: 'TEAM_NOT_FOUND',
  codeOf: (team) => team.code,
  list: async (client, args) =>
    (
      await client.team.findMany({ where: catalogPageWhere(args), orderBy: { code: 'asc' }, take: args.take, select })
    ).map(toTeam),
  find: async (client, idOrCode) => {
    const row = await client.team.findUnique({ where: byIdOrCode(idOrCode), select });
    return row === null ? null : toTeam(row);
  },
  create: async (client, { workCenter, ...input }) => {
    const workCenterId = await resolveOptionalCode(client, 'workCenter', workCenter);
    return toTeam(
      await conflictOnDuplicate(
        () => client.team.create({ data: { ...input, workCenterId }, select }),
        'TEAM_CODE_TAKEN',
        `A team with the code "${input.code}" exists already.`,
        'code',
      ),
    );
  },
  update: async (client, team, { workCenter, ...input }) => {
    const workCenterId = await resolveOptionalCode(client, 'workCenter', workCenter);
    return toTeam(await client.team.update({ where: { id: team.id }, data: { ...input, workCenterId }, select }));
  },
  setActive: async (client, team, active) =>
    toTeam(await client.team.update({ where: { id: team.id }, data: { active }, select })),
};
