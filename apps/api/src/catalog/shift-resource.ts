import { bodyFieldProblem } from '../plugins/http-problem.ts';
import { byIdOrCode } from '../db/by-id-or-code.ts';
import type { CreateShift, Shift, UpdateShift } from '@atelier/contracts';
import { catalogPageWhere, type CatalogClient, type CatalogResource } from './catalog-resource.ts';
import { resolveOptionalCode } from './resolve-reference.ts';
import { conflictOnDuplicate } from './unique-violation.ts';

const select = {
  id: true,
  code: true,
  name: true,
  startMinute: true,
  endMinute: true,
  weekdays: true,
  active: true,
  workCenter: { select: { code: true } },
  team: { select: { code: true } },
} as const;

type ShiftRow = Omit<Shift, 'workCenter' | 'team'> & {
  workCenter: { code: string } | null;
  team: { code: string } | null;
};

function toShift({ workCenter, team, ...row }: ShiftRow): Shift {
  return { ...row, workCenter: workCenter?.code ?? null, team: team?.code ?? null };
}

/** Resolves the work center and team codes of a shift body to ids (`undefined` keeps, `null` clears). */
async function refs(
  client: CatalogClient,
  body: { workCenter?: string | null | undefined; team?: string | null | undefined },
) {
  return {
    workCenterId: await resolveOptionalCode(client, 'workCenter', body.workCenter),
    teamId: await resolveOptionalCode(client, 'team', body.team),
  };
}

/** Shifts: a weekly working window of a work center and/or team (given and shown by code). */
export const shiftResource: CatalogResource<Shift, CreateShift, UpdateShift> = {
  entity: 'shift',
  noun: 'shift',
  notFoundCode: 'SHIFT_NOT_FOUND',
  codeOf: (shift) => shift.code,
  list: async (client, args) =>
    (
      await client.shift.findMany({ where: catalogPageWhere(args), orderBy: { code: 'asc' }, take: args.take, select })
    ).map(toShift),
  find: async (client, idOrCode) => {
    const row = await client.shift.findUnique({ where: byIdOrCode(idOrCode), select });
    return row === null ? null : toShift(row);
  },
  create: async (client, { workCenter, team, ...input }) => {
    const data = { ...input, ...(await refs(client, { workCenter, team })) };
    return toShift(
      await conflictOnDuplicate(
        () => client.shift.create({ data, select }),
        'SHIFT_CODE_TAKEN',
        `A shift with the code "${input.code}" exists already.`,
        'code',
      ),
    );
  },
  update: async (client, shift, { workCenter, team, ...input }) => {
    // Only one end of the window may be in the body: check it against the stored other end.
    const start = input.startMinute ?? shift.startMinute;
    const end = input.endMinute ?? shift.endMinute;
    if (start % 1440 === end % 1440) {
      const detail = `The shift would start and end at minute ${start}; change startMinute or endMinute too.`;
      throw bodyFieldProblem(422, 'SHIFT_EMPTY', detail, [
        { path: input.endMinute === undefined ? 'startMinute' : 'endMinute', message: detail },
      ]);
    }
    const data = { ...input, ...(await refs(client, { workCenter, team })) };
    return toShift(await client.shift.update({ where: { id: shift.id }, data, select }));
  },
  setActive: async (client, shift, active) =>
    toShift(await client.shift.update({ where: { id: shift.id }, data: { active }, select })),
};
