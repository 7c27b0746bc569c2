import { DEFAULT_PRESETS, type ValidationContext } from '@atelier/domain';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * What this factory knows, for `validateGraph`: active work centers with their capacity, active
 * skills, active operators with their skill levels, and every usable preset code (shipped
 * defaults and the factory's active ones). Publishing checks a graph against it.
 */
export async function loadValidationContext(client: Prisma.TransactionClient): Promise<ValidationContext> {
  // One query after the other: inside a transaction they share one connection anyway.
  const workCenters = await client.workCenter.findMany({
    where: { active: true },
    select: { code: true, capacity: true },
    orderBy: { code: 'asc' },
  });
  const skills = await client.skill.findMany({
    where: { active: true },
    select: { code: true },
    orderBy: { code: 'asc' },
  });
  const operators = await client.user.findMany({
    where: { active: true, roles: { has: 'operator' } },
    select: {
      skills: { where: { skill: { active: true } }, select: { level: true, skill: { select: { code: true } } } },
    },
  });
  const presets = await client.nodePreset.findMany({ where: { active: true }, select: { code: true } });
  return {
    workCenters,
    skills: skills.map((skill) => skill.code),
    operators: operators.map((operator) => ({
      skills: operator.skills.map((held) => ({ code: held.skill.code, level: held.level })),
    })),
    presetCodes: [
      ...new Set([...DEFAULT_PRESETS.map((preset) => preset.code), ...presets.map((preset) => preset.code)]),
    ],
  };
}
