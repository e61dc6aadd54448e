import { DateTime } from 'luxon';
import { triggerDate } from '../domain/trigger-date.js';
import { yearlyOccurrenceKey } from '../domain/triggers/yearly-occurrence-key.js';
import { yearlyDate } from '../domain/yearly-date.js';
import type { Db } from '../store/database.js';
import type { LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import type { Occurrence } from './find-occurrences.js';
import { yearlyAnchorOf, yearlyOccurrenceOf, yearlyRows, yearlyValueOf } from './yearly-rows.js';

/**
 * The yearly occurrences explain shows for one client: per date (the client's own, or each family
 * member's), the years that matter to "why did / didn't it fire?" — from the latest one whose
 * trigger date had come when the trigger's baseline was set or the date became known (whichever is
 * later; it is the one baselined or entered too late), through the next one to fall due after
 * now — and every year that has an item. Earlier years are history: no pass fires them. Reads the
 * client (and its family members) by id.
 */
export async function yearlyRecordOccurrences(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  recordId: number,
  now: Date,
  items: readonly Readonly<Record<string, unknown>>[],
): Promise<Occurrence[]> {
  const anchor = yearlyAnchorOf(trigger);
  const { query, ofMember } = yearlyRows(db, studio, trigger);
  const rows = (await query
    .where('r.id', '=', recordId)
    .orderBy(ofMember ? 'f.id' : 'r.id')
    .execute()) as LooseRow[];
  const yearOf = (at: Date) => DateTime.fromJSDate(at, { zone: studio.timeZone }).year;
  const occurrences: Occurrence[] = [];
  for (const row of rows) {
    const { value, familyMemberId, knownSince } = yearlyValueOf(trigger, row);
    const from = new Date(Math.max(trigger.baselineAt.getTime(), new Date(knownSince).getTime()));
    // Offsets reach up to about a year, so two years either side hold every date that matters.
    const first = Math.min(yearOf(from), yearOf(now)) - 2;
    const last = Math.max(yearOf(from), yearOf(now)) + 2;
    const dates = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({
      year,
      date: triggerDate(
        { kind: 'date', date: yearlyDate(value, year) },
        trigger.offset,
        studio.timeZone,
        studio.workWeek,
      ),
    }));
    const start = Math.max(
      0,
      dates.findLastIndex((d) => d.date <= from),
    );
    const next = dates.findIndex((d) => d.date > now);
    const end = Math.max(start, next < 0 ? dates.length - 1 : next);
    // Items name their year in the key; anchor_value starts with it.
    const itemYears = items
      .map((item) => ({ key: item.occurrence_key, year: Number(String(item.anchor_value).slice(0, 4)) }))
      .filter(({ key, year }) => key === yearlyOccurrenceKey(recordId, anchor.field, year, familyMemberId))
      .map(({ year }) => year);
    const years = new Set([...dates.slice(start, end + 1).map((d) => d.year), ...itemYears]);
    for (const year of [...years].sort((a, b) => a - b)) {
      occurrences.push(yearlyOccurrenceOf(trigger, row, year));
    }
  }
  return occurrences;
}
