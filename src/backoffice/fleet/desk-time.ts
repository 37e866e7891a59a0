import { useMemo } from 'react';
import type { Language } from '../../shared/domain/languages.js';

/** Times as the desk's language writes them: a time of day, and a date with its time. */
export function useDeskTime(language: Language) {
  return useMemo(() => {
    const timeFormat = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    return { time: (at: Date) => timeFormat.format(at), dateTime: (at: Date | string) => dateTimeFormat.format(typeof at === 'string' ? new Date(at) : at) };
  }, [language]);
}
