// Dates as the API sends them: calendar dates ('YYYY-MM-DD', no time zone) or instants (ISO 8601).

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const fmt = (timeZone?: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone });

/** A calendar date stays the same day wherever the reader is; an instant shows in local time. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (DATE_ONLY.test(value)) return fmt('UTC').format(new Date(`${value}T00:00:00Z`));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : fmt().format(d);
}

/** Today in the reader's time zone, as 'YYYY-MM-DD'. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from today (reader's calendar) to a date: 0 = today, negative = past. */
export function daysUntil(value: string, now = new Date()): number {
  const day = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  return Math.round(day(value) - day(today(now)));
}

/** "5 days left", "1 day left", "due today", "passed". */
export function deadlineLabel(value: string, now = new Date()): { text: string; tone: 'ok' | 'soon' | 'today' | 'passed' } {
  const days = daysUntil(value, now);
  if (days < 0) return { text: 'passed', tone: 'passed' };
  if (days === 0) return { text: 'due today', tone: 'today' };
  return { text: days === 1 ? '1 day left' : `${days} days left`, tone: days <= 7 ? 'soon' : 'ok' };
}
