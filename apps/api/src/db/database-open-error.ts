/**
 * Why the database could not be opened:
 * - `DATA_DIR_LOCKED`: another live process owns the embedded data folder;
 * - `DATABASE_UNREACHABLE`: the PostgreSQL server did not answer within the retry budget;
 * - `DATABASE_REFUSED`: the server answered but refused us (bad credentials, missing database…),
 *   which waiting will not fix.
 */
export type DatabaseOpenErrorCode = 'DATA_DIR_LOCKED' | 'DATABASE_UNREACHABLE' | 'DATABASE_REFUSED';

/**
 * A database that cannot be opened. The message is one line meant for the operator: the server
 * prints it and exits 1.
 */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';

  constructor(
    readonly code: DatabaseOpenErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
