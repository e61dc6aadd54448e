import { DateTime } from 'luxon';
import { localDateOf } from '../domain/local-date.js';
import { triggerDate } from '../domain/trigger-date.js';
import { yearlyDate } from '../domain/yearly-date.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';

type Timing = Pick<EvaluationTrigger, 'offset'>;

/**
 * The latest occurrence of a yearly date whose trigger date has come by `at`, among last, this and
 * next year (studio-local; with an offset, next year's "7 days before 3 January" comes in December),
 * or null when none of them has.
 */
export function latestDueOccurrence(
  studio: StudioContext,
  trigger: Timing,
  value: string,
  at: Date,
): { year: number; date: Date } | null {
  const thisYear = DateTime.fromJSDate(at, { zone: studio.timeZone }).year;
  for (const year of [thisYear + 1, thisYear, thisYear - 1]) {
    const anchor = { kind: 'date', date: yearlyDate(value, year) } as const;
    const date = triggerDate(anchor, trigger.offset, studio.timeZone, studio.workWeek);
    if (date <= at) return { year, date };
  }
  return null;
}

/**
 * Whether a yearly occurrence's studio-local day was already over when its date became known (the
 * client was entered, or the date typed in, after it). Catch-up is for occurrences missed while
 * nothing ran, not for a birthday that passed before anyone knew it: nobody wants a greeting ten
 * months late. Such an occurrence never fires; next year's does.
 */
export function cameTooLate(studio: StudioContext, date: Date, knownSince: Date): boolean {
  return localDateOf(date, studio.timeZone) < localDateOf(knownSince, studio.timeZone);
}

/** The year evaluation catches up for a changed yearly date: the latest due one, unless it came too late. */
export function latestDueYear(
  studio: StudioContext,
  trigger: Timing,
  value: string,
  now: Date,
  knownSince: Date,
): number | null {
  const latest = latestDueOccurrence(studio, trigger, value, now);
  return latest && !cameTooLate(studio, latest.date, knownSince) ? latest.year : null;
}
