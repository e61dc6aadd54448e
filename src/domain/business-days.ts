import { DateTime } from 'luxon';
import type { WorkWeek } from './work-week.js';

/**
 * Moves a calendar date forward (or back, for negative n) by n business days of the work week.
 * Day 0 is the date itself, even when it is not a business day: a status with a duration of 0 is
 * due the day it was entered. Counting starts on the following day, so Friday + 1 business day in
 * a Monday–Friday week is Monday. Works on dates, not instants, so daylight-saving changes cannot
 * shift the result.
 */
export function addBusinessDays(isoDate: string, n: number, workWeek: WorkWeek): string {
  if (workWeek.size === 0) throw new Error('A work week needs at least one business day');
  // A fraction would make the loop below overshoot by a whole day instead of failing.
  if (!Number.isInteger(n)) throw new Error(`A number of business days must be a whole number, not ${n}`);
  let day = DateTime.fromISO(isoDate, { zone: 'UTC' });
  if (!day.isValid) throw new Error(`Not a calendar date: ${isoDate}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day = day.plus({ days: step });
    if (workWeek.has(day.weekday)) remaining -= 1;
  }
  return day.toISODate() as string;
}
