import { DateTime } from 'luxon';
import type { ProblemDetail } from './errors.js';

/**
 * When the Control Center may process a trigger's items (SPEC §3.5): all day, or from–to in
 * studio-local wall-clock time, never on the "do not process" weekdays. A frame whose end is before
 * its start runs across midnight (e.g. 22:00–06:00); the weekday of such a night-time stay is the
 * weekday on which the frame opened, so "not on Sundays" also keeps Sunday night quiet.
 */
export interface TimeFrame {
  /** "HH:MM" studio-local, or null for 24 hours. */
  readonly from: string | null;
  readonly to: string | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which nothing is processed. */
  readonly blocked_weekdays: readonly number[];
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(text: string): number {
  const [, h, m] = HH_MM.exec(text) as RegExpExecArray;
  return Number(h) * 60 + Number(m);
}

export function isInsideTimeFrame(now: Date, frame: TimeFrame, zone: string): boolean {
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  if (frame.from === null || frame.to === null) return !frame.blocked_weekdays.includes(local.weekday);
  const from = minutesOf(frame.from);
  const to = minutesOf(frame.to);
  if (from < to) return minute >= from && minute < to && !frame.blocked_weekdays.includes(local.weekday);
  // Across midnight: the part after midnight belongs to the previous day's frame.
  if (minute >= from) return !frame.blocked_weekdays.includes(local.weekday);
  if (minute < to) return !frame.blocked_weekdays.includes(local.minus({ days: 1 }).weekday);
  return false;
}

export function timeFrameProblems(frame: unknown, path: string): ProblemDetail[] {
  if (typeof frame !== 'object' || frame === null) return [{ path, problem: 'must be an object' }];
  const { from, to, blocked_weekdays } = frame as Record<string, unknown>;
  const problems: ProblemDetail[] = [];
  const bothNull = from === null && to === null;
  if (!bothNull) {
    for (const [key, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (typeof value !== 'string' || !HH_MM.test(value)) {
        problems.push({
          path: `${path}.${key}`,
          problem: 'must be a time written HH:MM (24-hour), or both null for all day',
        });
      }
    }
    if (problems.length === 0 && from === to) {
      problems.push({
        path: `${path}.to`,
        problem: 'must differ from "from": the time frame would be empty',
      });
    }
  }
  if (
    !Array.isArray(blocked_weekdays) ||
    blocked_weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    problems.push({
      path: `${path}.blocked_weekdays`,
      problem: 'must list ISO weekdays 1 (Monday) to 7 (Sunday)',
    });
  } else if (blocked_weekdays.length === 7) {
    problems.push({ path: `${path}.blocked_weekdays`, problem: 'must leave at least one day to process on' });
  }
  return problems;
}
