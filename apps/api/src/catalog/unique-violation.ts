import { bodyFieldProblem, HttpProblem } from '../plugins/http-problem.ts';

/**
 * True for a unique-constraint violation (Prisma `P2002`, or PostgreSQL `23505` surfacing from a
 * driver adapter). Checking first and inserting after would race with a concurrent insert of the
 * same code; the constraint is the arbiter, so callers insert and translate this error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  return code === 'P2002' || code === '23505' || (cause !== undefined && isUniqueViolation(cause));
}

/**
 * Runs `work`; a unique violation becomes a 409 problem with `code` and `detail`, naming `field`
 * of the body in `errors` when given (so a form shows it beside that field).
 */
export async function conflictOnDuplicate<T>(
  work: () => Promise<T>,
  code: string,
  detail: string,
  field?: string,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw field === undefined
      ? new HttpProblem(409, code, detail)
      : bodyFieldProblem(409, code, detail, [{ path: field, message: detail }]);
  }
}
