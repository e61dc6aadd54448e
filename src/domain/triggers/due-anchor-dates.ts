import { DateTime } from 'luxon';
import { triggerDate } from '../trigger-date.js';
import type { TriggerOffset } from '../trigger-offset.js';
import type { WorkWeek } from '../work-week.js';
import { anchorBounds } from './anchor-bounds.js';

/** Beyond this many candidate days (a very long downtime) the caller reads the wide range instead. */
const MAX_DAYS = 800;

/**
 * The anchor dates whose trigger date falls in (from, to], exactly: date anchors fall due at a
 * fixed moment of a studio-local day, so of the few days `anchorBounds` allows only those whose
 * computed trigger date lies in the window remain. A pass a minute after the last one usually gets
 * none and reads no row for the window at all. Null when the window spans more than MAX_DAYS
 * candidate days.
 */
export function dueAnchorDates(
  from: Date,
  to: Date,
  offset: TriggerOffset,
  zone: string,
  workWeek: WorkWeek,
): string[] | null {
  const { lo, hi } = anchorBounds(from, to, offset, workWeek);
  let day = DateTime.fromJSDate(lo, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(hi, { zone }).startOf('day').plus({ days: 1 });
  if (last.diff(day, 'days').days > MAX_DAYS) return null;
  const dates: string[] = [];
  for (; day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate() as string;
    const due = triggerDate({ kind: 'date', date }, offset, zone, workWeek).getTime();
    if (due > from.getTime() && due <= to.getTime()) dates.push(date);
  }
  return dates;
}
