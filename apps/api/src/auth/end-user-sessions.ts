import type { Prisma } from '../generated/prisma/client.ts';

/** Which of a person's sessions {@link endUserSessions} ends. */
export interface SessionsToEnd {
  /** Only station (PIN) sessions, or only browser sessions; both kinds when absent. */
  readonly station?: boolean;
  /** The caller's own session (its token hash), kept: a person who changes their password stays signed in where they did it. */
  readonly except?: string | null;
}

/**
 * Signs a person out: deletes their sessions (of one kind, and but the caller's own, when asked)
 * inside the caller's transaction. The `sessions` trigger's NOTIFY then clears every replica's
 * session cache, so the ended sessions stop working everywhere within milliseconds.
 */
export async function endUserSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  which: SessionsToEnd = {},
): Promise<void> {
  await tx.session.deleteMany({
    where: {
      userId,
      ...(which.station === undefined ? {} : { station: which.station }),
      ...(which.except === undefined || which.except === null ? {} : { tokenHash: { not: which.except } }),
    },
  });
}
