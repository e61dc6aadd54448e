/** One cell of the calendar: a studio-local date and whether the forecast's window covers it. */
export interface CalendarDay {
  readonly date: string;
  /** ISO weekday, 1 (Monday) to 7 (Sunday), as the studio's work week numbers them. */
  readonly weekday: number;
  readonly inWindow: boolean;
}

const DAY = 86_400_000;

/**
 * The weeks, Monday first, that hold the dates `first` to `last` ("YYYY-MM-DD", studio-local). Days
 * before `first` and after `last` fill the first and last week so every row has seven cells. Dates
 * are counted as UTC midnights: they are calendar dates, free of any zone's daylight saving.
 */
export function calendarWeeks(first: string, last: string): CalendarDay[][] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const gridStart = start - (isoWeekday(start) - 1) * DAY;
  const gridEnd = end + (7 - isoWeekday(end)) * DAY;
  const weeks: CalendarDay[][] = [];
  for (let day = gridStart; day <= gridEnd; day += DAY) {
    if (isoWeekday(day) === 1) weeks.push([]);
    weeks[weeks.length - 1]?.push({
      date: new Date(day).toISOString().slice(0, 10),
      weekday: isoWeekday(day),
      inWindow: day >= start && day <= end,
    });
  }
  return weeks;
}

/** The date `n` days after a "YYYY-MM-DD" date (before it for a negative `n`). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function isoWeekday(utcMidnight: number): number {
  return ((new Date(utcMidnight).getUTCDay() + 6) % 7) + 1;
}
