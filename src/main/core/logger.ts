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

/** A file logger also tells how many lines it could not write since it started. */
export interface FileLogger extends Logger {
  droppedLines(): number;
  /** Whether the last line could not be written (it clears with the next line that is). */
  writesFailing(): boolean;
}

/**
 * Writes one JSON line per record to the log file, and echoes warnings and errors to stderr.
 * A log line is never worth a visitor's application: a write that fails (a full disk, a removed
 * folder, a read-only mount) drops the line and counts it instead of throwing into the request
 * that logged, and the count goes out with the heartbeat. The first drop after a good write says
 * so on stderr, which a supervisor's journal keeps when the disk does not.
 */
export function createFileLogger(file: string, clock: () => Date = () => new Date(), echo = true): FileLogger {
  let dropped = 0;
  let failing = false;
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const record: LogRecord = { time: clock().toISOString(), level, event, ...fields };
    const line = JSON.stringify(record);
    try {
      appendFileSync(file, line + '\n', { mode: 0o600 });
      failing = false;
    } catch (error) {
      dropped++;
      if (!failing) echoSafely(JSON.stringify({ time: record.time, level: 'error', event: 'log_write_failed', code: errorCode(error) }));
      failing = true;
    }
    if (echo && level !== 'info') echoSafely(line);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    droppedLines: () => dropped,
    writesFailing: () => failing,
  };
}

function echoSafely(line: string): void {
  try {
    process.stderr.write(line + '\n');
  } catch {
    // stderr closed by the supervisor: nothing left to tell.
  }
}

const errorCode = (error: unknown) => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown');

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
