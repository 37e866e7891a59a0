/** Calendar dates as the forms write them, apart from the validators so the page's first script can name today without them. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The device's local date as YYYY-MM-DD; the kiosk's clock is set to Kyrgyz time. */
export function localIsoDate(now: Date = new Date()): string {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
