import { DateTime } from 'luxon';
import { addBusinessDays } from '../business-days.js';
import type { TriggerOffset } from '../trigger-offset.js';
import type { WorkWeek } from '../work-week.js';
import { anchorBounds } from './anchor-bounds.js';

const HOUR = 3_600_000;
/** A daylight-saving change moves a wall time by at most an hour anywhere; twice that, for room. */
const MARGIN = 2 * HOUR;
const MAX_DAYS = 800;

/**
 * The instants whose trigger date, moved by days or business days, can fall in (from, to]: for each
 * studio-local day D the wide bounds allow, the offset takes D to one day T(D) at the same wall
 * time, so the anchors of D that fall due are the window moved back from T(D) to D (with a margin
 * for daylight saving), if that lands on D at all. With business days this is a few hours on one or
 * two days instead of the whole calendar span n business days can take. Null for other offsets
 * (their bounds are exact already) and for windows over MAX_DAYS days.
 */
export function dueAnchorRanges(
  from: Date,
  to: Date,
  offset: TriggerOffset,
  zone: string,
  workWeek: WorkWeek,
): { lo: Date; hi: Date }[] | null {
  if (offset.when === 'on' || (offset.unit !== 'days' && offset.unit !== 'business_days')) return null;
  const n = offset.when === 'before' ? -offset.amount : offset.amount;
  const { lo, hi } = anchorBounds(from, to, offset, workWeek);
  let day = DateTime.fromJSDate(lo, { zone }).startOf('day');
  const last = DateTime.fromJSDate(hi, { zone }).startOf('day');
  if (last.diff(day, 'days').days > MAX_DAYS) return null;
  const ranges: { lo: Date; hi: Date }[] = [];
  for (; day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate() as string;
    const moved =
      offset.unit === 'days' ? day.plus({ days: n }).toISODate() : addBusinessDays(date, n, workWeek);
    // Whole calendar days; a daylight-saving change makes the local midnights 23 or 25 hours apart.
    const shift = Math.round(DateTime.fromISO(moved as string, { zone }).diff(day, 'days').days);
    const start = Math.max(day.toMillis(), from.getTime() - shift * 24 * HOUR - MARGIN);
    const end = Math.min(day.plus({ days: 1 }).toMillis(), to.getTime() - shift * 24 * HOUR + MARGIN);
    if (start > end) continue;
    const previous = ranges.at(-1);
    if (previous && previous.hi.getTime() >= start)
      previous.hi = new Date(Math.max(previous.hi.getTime(), end));
    else ranges.push({ lo: new Date(start), hi: new Date(end) });
  }
  return ranges;
}
