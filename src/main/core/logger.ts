import { appendFileSync } from 'node:fs';

/**
 * Log fields are primitives chosen by the caller, never request payloads: the privacy policy
 * promises that personal data does not reach logs, so the logger's shape makes passing a whole
 * object awkward on purpose.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LogRecord extends LogFields {
  time: string;
  level: LogLevel;
  event: string;
}

/** Writes one JSON line per record to the log file, and echoes warnings and errors to stderr. */
export function createFileLogger(file: string, clock: () => Date = () => new Date(), echo = true): Logger {
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const record: LogRecord = { time: clock().toISOString(), level, event, ...fields };
    const line = JSON.stringify(record);
    appendFileSync(file, line + '\n', { mode: 0o600 });
    if (echo && level !== 'info') process.stderr.write(line + '\n');
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** Keeps an error's type and call sites but drops its message, which may quote the input. */
export function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  return { errorType: error.name, frames };
}
