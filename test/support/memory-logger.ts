import type { LogFields, Logger, LogLevel } from '../../src/main/core/logger.js';

export interface CapturedRecord {
  level: LogLevel;
  event: string;
  fields: LogFields;
}

/** A logger that keeps its records, so a test can read exactly what would have reached the log file. */
export function createMemoryLogger(): Logger & { records: CapturedRecord[] } {
  const records: CapturedRecord[] = [];
  const keep = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    records.push({ level, event, fields });
  };
  return { records, info: keep('info'), warn: keep('warn'), error: keep('error') };
}
