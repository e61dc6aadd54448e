import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Db } from '../store/database.js';
import type { LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import { latestDueOccurrence } from './latest-due-year.js';
import { yearlyRows } from './yearly-rows.js';

/** Every month-day a date can have, 29 February included. */
const MONTH_DAYS: readonly string[] = Array.from({ length: 366 }, (_, day) =>
  DateTime.utc(2000, 1, 1).plus({ days: day }).toFormat('MM-dd'),
);

/**
 * How many occurrences of a yearly anchor the baseline covers. Of a birthday's many years only one
 * is an occurrence evaluation could still fire at the baseline: the latest whose trigger date had
 * come by then (this year's, or with an offset last or next year's), provided its day was not over
 * before the date became known — older years are history, which no pass fires (see
 * `findYearlyOccurrences`). So each client (or family member) whose date was known at the baseline
 * counts at most once, and exactly when that occurrence is one a pass would otherwise catch up.
 *
 * Counted without loading clients. That latest occurrence depends only on the month-day, so it is
 * computed once per month-day (366 of them), giving the instant before which the date must have
 * been known (the end of the occurrence's studio-local day). Dates known before the earliest of
 * those instants count whenever their month-day has an occurrence: one grouped COUNT. The few
 * known since (entered or changed in the last year or so) are counted against their own
 * month-day's instant with a CASE, in a second COUNT that reads only them.
 */
export async function yearlyBaselinedCount(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
): Promise<number> {
  const baseline = trigger.baselineAt;
  const knownBy = new Map<string, string>();
  for (const monthDay of MONTH_DAYS) {
    const latest = latestDueOccurrence(studio, trigger, `2000-${monthDay}`, baseline);
    if (!latest) continue;
    const dayOver = DateTime.fromJSDate(latest.date, { zone: studio.timeZone })
      .startOf('day')
      .plus({ days: 1 });
    knownBy.set(monthDay, dayOver.toJSDate().toISOString());
  }
  if (knownBy.size === 0) return 0;
  const earliest = [...knownBy.values()].reduce((a, b) => (a < b ? a : b));

  const { query, column, knownSince } = yearlyRows(db, studio, trigger);
  const monthDay = sql<string>`substr(${sql.ref(column)}, 6, 5)`;
  const known = query.clearSelect().where(knownSince, '<=', baseline.toISOString());
  const long = (await known
    .select([monthDay.as('md'), sql<number>`count(*)`.as('n')])
    .where(knownSince, '<', earliest)
    .groupBy(monthDay)
    .execute()) as LooseRow[];
  const deadline = sql<string>`case ${monthDay} ${sql.join(
    [...knownBy].map(([md, by]) => sql`when ${md} then ${by}`),
    sql` `,
  )} end`;
  const recent = (await known
    .select(sql<number>`count(*)`.as('n'))
    .where(knownSince, '>=', earliest)
    .where(knownSince, '<', deadline)
    .executeTakeFirst()) as LooseRow | undefined;
  return (
    long.filter((row) => knownBy.has(String(row.md))).reduce((sum, row) => sum + Number(row.n), 0) +
    Number(recent?.n ?? 0)
  );
}
