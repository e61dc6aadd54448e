import type { ForecastDay } from '../../api/insight-api';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** "Wed 25 Nov": a studio-local date ("YYYY-MM-DD") as a calendar names it. */
export function shortDayName(date: string): string {
  return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

/** "1 Dec": the day number with its month, for the first cell and the first of a month. */
export function dayAndMonth(date: string): string {
  return dayMonthFormat.format(new Date(`${date}T00:00:00Z`));
}

/**
 * What a calendar cell says to a screen reader: "Wed 25 Nov: 4 due (2 Session reminder, 2
 * Birthday)". The whole breakdown is here even where the cell itself only has room for dots.
 */
export function dayDescription(
  date: string,
  due: ForecastDay | undefined,
  triggerName: (triggerId: number) => string,
  workDay: boolean,
): string {
  const name = workDay ? shortDayName(date) : `${shortDayName(date)} (not a work day)`;
  if (!due || due.count === 0) return `${name}: nothing due`;
  const parts = due.triggers.map((t) => `${t.count} ${triggerName(t.trigger_id)}`);
  return `${name}: ${due.count} due (${parts.join(', ')})`;
}
