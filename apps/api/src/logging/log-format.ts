/** How the server writes its log: `pretty` lines for a person at a terminal, `json` lines (pino's) for machines. */
export type LogFormat = 'pretty' | 'json';

/** The LOG_FORMAT setting: a format, or `auto` to choose by where the log goes. */
export type LogFormatSetting = LogFormat | 'auto';

/**
 * The format to write: `auto` is pretty when stdout is a terminal (someone is reading) and JSON
 * otherwise (a file, a pipe, a log collector parse it).
 */
export function resolveLogFormat(setting: LogFormatSetting, stdoutIsTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTerminal ? 'pretty' : 'json';
}
