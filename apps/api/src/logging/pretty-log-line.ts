const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields every pino record carries, shown in the line's prefix or not at all. */
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'err']);

/** `09:41:07` in local time: a terminal reader wants the clock, not the date. */
function clock(time: unknown): string {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toTimeString().slice(0, 8);
}

/**
 * One pino record (parsed JSON) as one readable line: `09:41:07 INFO  message key=value …`. An
 * error record adds the error's stack on the lines below, where a reader looks for it.
 */
export function prettyLogLine(record: Readonly<Record<string, unknown>>): string {
  const level = LEVELS[Number(record.level)] ?? String(record.level);
  const fields = Object.entries(record)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const line = [clock(record.time), level.padEnd(5), String(record.msg ?? ''), ...fields].join(' ');
  const err = record.err as { stack?: unknown; message?: unknown } | undefined;
  if (err === undefined) return line;
  return `${line}\n${String(err.stack ?? err.message ?? JSON.stringify(err))}`;
}

/** Where pretty lines go (process.stdout, or a test's collector). */
export interface LineSink {
  write(text: string): unknown;
}

/**
 * A pino destination that turns each JSON record it is given into a {@link prettyLogLine}; a line
 * that is not JSON passes through unchanged.
 */
export function prettyLogStream(sink: LineSink): LineSink {
  return {
    write(chunk: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(chunk) as Record<string, unknown>;
      } catch {
        return sink.write(chunk);
      }
      return sink.write(`${prettyLogLine(record)}\n`);
    },
  };
}
