/**
 * Codes that mean the database cannot be reached or is not taking work right now, rather than
 * that it refused a statement: socket errors (`pg`), SQLSTATEs of a server shutting down,
 * starting, full or dropping the connection, and Prisma's codes for the same.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // connection_exception, connection_does_not_exist, connection_failure, sqlclient_unable_to_establish_sqlconnection, sqlserver_rejected_establishment_of_sqlconnection
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  // can't reach the server, connect timeout, operation timeout, server closed the connection, too many connections
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2037',
]);

/** How a Prisma driver adapter names the same failures (`DriverAdapterError.cause.kind`). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/**
 * Failures reported without a code: `pg` losing or timing out a connection (or its pool being
 * ended while the server closes) and a closed PGlite instance.
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Connection ended|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end|PGlite is closed/i;

/** The errors an error wraps: `cause`, and the driver adapter error inside a Prisma error's `meta`. */
function wrapped(error: Record<string, unknown>): unknown[] {
  const meta = error.meta as Record<string, unknown> | undefined;
  return [error.cause, meta?.driverAdapterError];
}

function describesUnavailable(error: Record<string, unknown>): boolean {
  const codes = [error.code, error.errorCode, error.originalCode].filter(
    (code): code is string => typeof code === 'string',
  );
  if (codes.some((code) => UNAVAILABLE_CODES.has(code))) return true;
  if (typeof error.kind === 'string' && UNAVAILABLE_KINDS.has(error.kind)) return true;
  return codes.length === 0 && typeof error.message === 'string' && UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * Whether `error` means the database is unreachable — down, restarting, full, the connection
 * lost — so the same request can succeed once it is back (503 with Retry-After; a start-up retry),
 * as opposed to a statement it refused. Looks through the wrappers of `pg`, Prisma (raw pg errors,
 * `PrismaClientKnownRequestError` P1001/P1017…, its driver adapter's error) and PGlite.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  const fields = error as Record<string, unknown>;
  return describesUnavailable(fields) || wrapped(fields).some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
