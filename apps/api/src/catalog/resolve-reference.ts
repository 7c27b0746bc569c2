import { bodyFieldProblem } from '../plugins/http-problem.ts';
import type { CatalogClient } from './catalog-resource.ts';

/** The kinds of master data other items refer to by code. */
export type ReferenceKind = 'workCenter' | 'team' | 'skill';

const NOUN: Record<ReferenceKind, string> = { workCenter: 'work center', team: 'team', skill: 'skill' };

async function findIds(
  client: CatalogClient,
  kind: ReferenceKind,
  codes: readonly string[],
): Promise<{ id: string; code: string }[]> {
  const args = { where: { code: { in: [...codes] } }, select: { id: true, code: true } as const };
  if (kind === 'workCenter') return client.workCenter.findMany(args);
  if (kind === 'team') return client.team.findMany(args);
  return client.skill.findMany(args);
}

/**
 * Ids of referenced master data by code, inside the caller's transaction. An unknown code is a 422
 * `UNKNOWN_REFERENCE` naming it: the request is well-formed but points at nothing. `errors` names
 * the body field of each unknown code, `fieldOf(its index in codes)` (the kind's name by default:
 * `team`, `workCenter`).
 */
export async function resolveCodes(
  client: CatalogClient,
  kind: ReferenceKind,
  codes: readonly string[],
  fieldOf: (index: number) => string = () => kind,
): Promise<Map<string, string>> {
  const found = new Map((await findIds(client, kind, codes)).map((row) => [row.code, row.id]));
  const missing = codes.filter((code) => !found.has(code));
  if (missing.length > 0) {
    const fields = codes.flatMap((code, index) =>
      found.has(code) ? [] : [{ path: fieldOf(index), message: `No ${NOUN[kind]} has the code "${code}".` }],
    );
    throw bodyFieldProblem(
      422,
      'UNKNOWN_REFERENCE',
      `No ${NOUN[kind]} has the code ${missing.map((code) => `"${code}"`).join(', ')}.`,
      fields,
      { missing },
    );
  }
  return found;
}

/** One optional reference: `undefined` leaves it unchanged, `null` clears it, a code is resolved to its id. */
export async function resolveOptionalCode(
  client: CatalogClient,
  kind: ReferenceKind,
  code: string | null | undefined,
): Promise<string | null | undefined> {
  if (code === undefined || code === null) return code;
  return (await resolveCodes(client, kind, [code])).get(code);
}
