import type { TriggerOffset } from '../trigger-offset.js';
import type { WorkWeek } from '../work-week.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Covers a daylight-saving shift of a wall-clock move (at most an hour anywhere, with room). */
const MARGIN = 2 * HOUR;

/**
 * The anchors whose trigger dates can fall in (from, to], as a range wide enough to be safe: the
 * evaluator selects candidates in this range with an index and then computes each one's exact
 * trigger date. Exact inversion is not possible in general: with business days, trigger dates are
 * not even monotonic in the anchor (Saturday 09:00 + 1 business day is Monday 09:00, before
 * Friday 10:00 + 1 business day), so for business days the range spans every calendar distance
 * n business days can take. Date anchors compare as dates: `anchorDateBounds` widens by a day for the distance between
 * UTC and local midnight.
 */
export function anchorBounds(
  from: Date,
  to: Date,
  offset: TriggerOffset,
  workWeek: WorkWeek,
): { lo: Date; hi: Date } {
  const [minShift, maxShift] = shiftRange(offset, workWeek);
  // Minutes and hours are exact durations: only a move of the wall-clock date can meet a
  // daylight-saving change.
  const margin = offset.when === 'on' || offset.unit === 'minutes' || offset.unit === 'hours' ? 0 : MARGIN;
  return { lo: new Date(from.getTime() - maxShift - margin), hi: new Date(to.getTime() - minShift + margin) };
}

/** The smallest and largest (trigger date − anchor) an offset can produce, in milliseconds. */
function shiftRange(offset: TriggerOffset, workWeek: WorkWeek): [number, number] {
  if (offset.when === 'on') return [0, 0];
  const sign = offset.when === 'before' ? -1 : 1;
  const n = offset.amount;
  let span: [number, number];
  switch (offset.unit) {
    case 'minutes':
      span = [n * 60_000, n * 60_000];
      break;
    case 'hours':
      span = [n * HOUR, n * HOUR];
      break;
    case 'days':
      span = [n * DAY, n * DAY];
      break;
    case 'business_days': {
      // Counting starts the day after the anchor (addBusinessDays), and every 7k days that follow
      // hold exactly k × (work-week size) business days: n of them take at least n calendar days
      // and at most 7 × ceil(n / size).
      const weeks = Math.ceil(n / Math.max(workWeek.size, 1));
      span = [n * DAY, weeks * 7 * DAY];
      break;
    }
  }
  return sign > 0 ? span : [-span[1], -span[0]];
}

/** The same range for date anchors, as YYYY-MM-DD, a day wider on each side (time zones). */
export function anchorDateBounds(
  from: Date,
  to: Date,
  offset: TriggerOffset,
  workWeek: WorkWeek,
): { lo: string; hi: string } {
  const { lo, hi } = anchorBounds(from, to, offset, workWeek);
  return {
    lo: new Date(lo.getTime() - DAY).toISOString().slice(0, 10),
    hi: new Date(hi.getTime() + DAY).toISOString().slice(0, 10),
  };
}
