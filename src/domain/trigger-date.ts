import { DateTime } from 'luxon';
import { addBusinessDays } from './business-days.js';
import { signedAmount, type TriggerOffset } from './trigger-offset.js';
import type { WorkWeek } from './work-week.js';

/**
 * The value a trigger is anchored on: an instant (a session's start) or a calendar date (a birthday,
 * a due date, an invoice date).
 */
export type AnchorValue =
  | { readonly kind: 'instant'; readonly at: Date }
  | { readonly kind: 'date'; readonly date: string };

/**
 * When an occurrence falls due (SPEC §3.1). Minutes and hours are exact durations. Days and
 * business days move the studio-local calendar date and keep the wall-clock time, so a 14:00
 * session still gets its "7 days before" item at 14:00 across a daylight-saving change; a wall
 * time that does not exist that day (the spring-forward gap) moves forward by the gap, as luxon
 * does. Date anchors fall due at 00:00 studio-local of the computed day.
 */
export function triggerDate(
  anchor: AnchorValue,
  offset: TriggerOffset,
  zone: string,
  workWeek: WorkWeek,
): Date {
  // Instants moved by exact durations need no calendar: skip the time-zone arithmetic, which the
  // evaluator would otherwise pay for every candidate of every pass.
  if (
    anchor.kind === 'instant' &&
    (offset.when === 'on' || offset.unit === 'minutes' || offset.unit === 'hours')
  ) {
    const minutes = offset.when === 'on' ? 0 : signedAmount(offset) * (offset.unit === 'hours' ? 60 : 1);
    return new Date(anchor.at.getTime() + minutes * 60_000);
  }
  const local =
    anchor.kind === 'instant'
      ? DateTime.fromJSDate(anchor.at, { zone })
      : DateTime.fromISO(anchor.date, { zone }).startOf('day');
  if (!local.isValid) throw new Error(`Cannot place anchor in zone ${zone}`);
  const n = signedAmount(offset);
  if (offset.when === 'on' || n === 0) return local.toJSDate();
  switch (offset.unit) {
    case 'minutes':
      return local.plus({ minutes: n }).toJSDate();
    case 'hours':
      return local.plus({ hours: n }).toJSDate();
    case 'days':
      return local.plus({ days: n }).toJSDate();
    case 'business_days': {
      const date = addBusinessDays(local.toISODate() as string, n, workWeek);
      const moved = DateTime.fromISO(date, { zone }).set({
        hour: local.hour,
        minute: local.minute,
        second: local.second,
        millisecond: local.millisecond,
      });
      return moved.toJSDate();
    }
  }
}
