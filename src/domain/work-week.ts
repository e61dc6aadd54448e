/**
 * A studio's work week: the ISO weekdays (1 = Monday … 7 = Sunday) that count as business days.
 * Stored as text such as "1,2,3,4,5" so that it reads plainly in the database.
 */
export type WorkWeek = ReadonlySet<number>;

export const DEFAULT_WORK_WEEK = '1,2,3,4,5';

export function parseWorkWeek(text: string): WorkWeek {
  return new Set(
    text
      .split(',')
      .map((part) => Number(part.trim()))
      .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7),
  );
}

/** Returns a problem sentence, or null when the text is a valid work week. */
export function workWeekProblem(text: string): string | null {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^[1-7]$/.test(part))) {
    return 'must list ISO weekdays 1 (Monday) to 7 (Sunday), separated by commas, e.g. "1,2,3,4,5"';
  }
  if (new Set(parts).size !== parts.length) return 'must not repeat a weekday';
  return null;
}

export function formatWorkWeek(days: Iterable<number>): string {
  return [...new Set(days)].sort((a, b) => a - b).join(',');
}
