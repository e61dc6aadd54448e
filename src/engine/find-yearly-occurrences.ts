import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { DateTime } from 'luxon';
import { localDateOf } from '../domain/local-date.js';
import { anchorDateBounds } from '../domain/triggers/anchor-bounds.js';
import { monthDayRanges } from '../domain/triggers/month-day-ranges.js';
import { yearlyOccurrenceKey } from '../domain/triggers/yearly-occurrence-key.js';
import { triggerDate } from '../domain/trigger-date.js';
import { yearlyDate } from '../domain/yearly-date.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import type { Occurrence } from './find-occurrences.js';

/**
 * The candidate occurrences of a yearly anchor (a client's birthday or anniversary, a family
 * member's birthday) for one pass. Dates are `YYYY-MM-DD` text, so `substr(date, 6, 5)` is the
 * month-day on SQLite and PostgreSQL alike: rows are selected by the month-days the window of
 * anchors maps to, or because the client or family member changed since the last pass.
 *
 * Each row yields the years whose date lies in the window, and, when it changed since the last
 * pass, its latest occurrence already fallen due (last year's when the window is early in January)
 * if its day was not already over when the date became known: the catch-up of a birthday missed
 * while nothing ran. Older years are history, not occurrences that came into existence with the
 * change, so a date entered today never fires for every year since 1990.
 */
export async function findYearlyOccurrences(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  now: Date,
): Promise<Occurrence[]> {
  const anchor = trigger.dateOption.anchor;
  if (anchor.kind !== 'yearly') throw new Error(`Not a yearly anchor: ${anchor.kind}`);
  const since = trigger.lastPassAt.toISOString();
  const { lo, hi } = anchorDateBounds(trigger.lastPassAt, now, trigger.offset, studio.workWeek);
  const ofMember = anchor.of === 'family_member';
  const source = ofMember ? 'f' : 'r';
  const column = `${source}.${anchor.field}`;
  const changedAt = [`${source}.${anchor.field}_set_at`, `${source}.updated_at`, 'r.updated_at'];

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let query: SelectQueryBuilder<any, any, any> = loose(db)
    .selectFrom('clients as r')
    .selectAll('r')
    .where('r.studio_id', '=', studio.id);
  if (ofMember) {
    query = query
      .innerJoin('family_members as f', 'f.client_id', 'r.id')
      .where('f.studio_id', '=', studio.id)
      .select([
        'f.id as f_id',
        `f.${anchor.field} as f_value`,
        `f.${anchor.field}_set_at as f_set_at`,
        'f.updated_at as f_updated_at',
      ]);
  }
  const ranges = monthDayRanges(lo, hi);
  const monthDay = sql<string>`substr(${sql.ref(column)}, 6, 5)`;
  query = query
    .where(column, 'is not', null)
    .where((eb) =>
      eb.or([
        ...(ranges ?? [['01-01', '12-31'] as const]).map(
          ([from, to]) => eb.and([eb(monthDay, '>=', from), eb(monthDay, '<=', to)]) as Expression<SqlBool>,
        ),
        ...changedAt.map((c) => eb(c, '>', since)),
      ]),
    );
  if (trigger.filterStatusId !== null) query = query.where('r.status_id', '=', trigger.filterStatusId);
  const rows = (await query.orderBy(sql.ref(ofMember ? 'f.id' : 'r.id')).execute()) as LooseRow[];

  const occurrences: Occurrence[] = [];
  for (const row of rows) {
    const value = String(ofMember ? row.f_value : row[anchor.field]);
    const years = new Set<number>();
    for (let year = Number(lo.slice(0, 4)); year <= Number(hi.slice(0, 4)); year += 1) {
      const date = yearlyDate(value, year);
      if (date >= lo && date <= hi) years.add(year);
    }
    const changed = [row[`${anchor.field}_set_at`], row.updated_at, row.f_set_at, row.f_updated_at].some(
      (at) => at != null && String(at) > since,
    );
    const familyMemberId = ofMember ? Number(row.f_id) : null;
    const cameAt = String((ofMember ? row.f_set_at : row[`${anchor.field}_set_at`]) ?? row.created_at);
    const latest = changed ? latestDueYear(studio, trigger, value, now, new Date(cameAt)) : null;
    if (latest !== null) years.add(latest);
    for (const year of [...years].sort((a, b) => a - b)) {
      const date = yearlyDate(value, year);
      occurrences.push({
        recordId: Number(row.id),
        key: yearlyOccurrenceKey(Number(row.id), anchor.field, year, familyMemberId),
        anchorValue: date,
        anchor: { kind: 'date', date },
        cameAt,
        facts: { record: row, session: null, history: null },
      });
    }
  }
  return occurrences;
}

/**
 * The year of the latest occurrence whose trigger date has come, among last, this and next year —
 * provided that day was not already over when the date became known. Catch-up is for occurrences
 * missed while nothing ran, not for a birthday that passed before the client was entered: nobody
 * wants a greeting ten months late.
 */
function latestDueYear(
  studio: StudioContext,
  trigger: EvaluationTrigger,
  value: string,
  now: Date,
  knownSince: Date,
): number | null {
  const thisYear = DateTime.fromJSDate(now, { zone: studio.timeZone }).year;
  for (const year of [thisYear + 1, thisYear, thisYear - 1]) {
    const anchor = { kind: 'date', date: yearlyDate(value, year) } as const;
    const due = triggerDate(anchor, trigger.offset, studio.timeZone, studio.workWeek);
    if (due > now) continue;
    return localDateOf(due, studio.timeZone) >= localDateOf(knownSince, studio.timeZone) ? year : null;
  }
  return null;
}
