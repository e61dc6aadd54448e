import { sql, type Expression, type SqlBool } from 'kysely';
import { anchorDateBounds } from '../domain/triggers/anchor-bounds.js';
import { dueAnchorDates } from '../domain/triggers/due-anchor-dates.js';
import { monthDayRanges } from '../domain/triggers/month-day-ranges.js';
import { yearlyDate } from '../domain/yearly-date.js';
import type { Db } from '../store/database.js';
import type { LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import { changesSince, type EvaluationTrigger } from './evaluation-trigger.js';
import { CHANGED_CHUNK, changedRecordIds } from './changed-record-ids.js';
import type { Occurrence } from './find-occurrences.js';
import { latestDueYear } from './latest-due-year.js';
import { yearlyAnchorOf, yearlyOccurrenceOf, yearlyRows, yearlyValueOf } from './yearly-rows.js';

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
  const anchor = yearlyAnchorOf(trigger);
  // Changed rows are read from a few minutes before the last pass (see `changesSince`).
  const since = changesSince(trigger).toISOString();
  // The exact days falling due in the window when they can be listed (often none), else the range.
  const due = dueAnchorDates(trigger.lastPassAt, now, trigger.offset, studio.timeZone, studio.workWeek);
  const { lo, hi } =
    due === null
      ? anchorDateBounds(trigger.lastPassAt, now, trigger.offset, studio.workWeek)
      : { lo: due[0] ?? '', hi: due.at(-1) ?? '' };
  const { query, column, ofMember } = yearlyRows(db, studio, trigger);
  const ranges = monthDayRanges(lo, hi);
  const monthDay = sql<string>`substr(${sql.ref(column)}, 6, 5)`;
  const rows: LooseRow[] = [];
  if (due?.length !== 0) {
    rows.push(
      ...((await query
        .where((eb) =>
          eb.or(
            (ranges ?? [['01-01', '12-31'] as const]).map(
              ([from, to]) =>
                eb.and([eb(monthDay, '>=', from), eb(monthDay, '<=', to)]) as Expression<SqlBool>,
            ),
          ),
        )
        .execute()) as LooseRow[]),
    );
  }
  // Changed rows apart from the window, each from its own index (see find-occurrences.ts). A
  // client's date and its `_set_at` are written with its `updated_at`; a family member's with its own.
  if (ofMember) {
    const changedAt = [`f.${anchor.field}_set_at`, 'f.updated_at', 'r.updated_at'];
    rows.push(
      ...((await query
        .where((eb) => eb.or(changedAt.map((c) => eb(c, '>', since))))
        .execute()) as LooseRow[]),
    );
  } else {
    const changed = await changedRecordIds(db, 'clients', studio.id, since);
    for (let i = 0; i < changed.length; i += CHANGED_CHUNK) {
      rows.push(
        ...((await query.where('r.id', 'in', changed.slice(i, i + CHANGED_CHUNK)).execute()) as LooseRow[]),
      );
    }
  }
  const seen = new Set<unknown>();
  const unique = rows.filter((row) => {
    const id = ofMember ? row.f_id : row.id;
    return !seen.has(id) && seen.add(id);
  });
  unique.sort((a, b) => Number(ofMember ? a.f_id : a.id) - Number(ofMember ? b.f_id : b.id));

  const occurrences: Occurrence[] = [];
  for (const row of unique) {
    const { value, knownSince } = yearlyValueOf(trigger, row);
    const years = new Set<number>();
    for (let year = Number(lo.slice(0, 4)); due?.length !== 0 && year <= Number(hi.slice(0, 4)); year += 1) {
      const date = yearlyDate(value, year);
      if (date >= lo && date <= hi) years.add(year);
    }
    const changed = [row[`${anchor.field}_set_at`], row.updated_at, row.f_set_at, row.f_updated_at].some(
      (at) => at != null && String(at) > since,
    );
    const latest = changed ? latestDueYear(studio, trigger, value, now, new Date(knownSince)) : null;
    if (latest !== null) years.add(latest);
    for (const year of [...years].sort((a, b) => a - b)) {
      occurrences.push(yearlyOccurrenceOf(trigger, row, year));
    }
  }
  return occurrences;
}
