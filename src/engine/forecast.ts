import { localDateOf } from '../domain/local-date.js';
import { notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { triggerDate } from '../domain/trigger-date.js';
import { disqualification } from '../domain/triggers/disqualification.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import { rulesOf } from './evaluate-trigger.js';
import { evaluationTriggerOf, type EvaluationTrigger } from './evaluation-trigger.js';
import { findOccurrences, type Occurrence } from './find-occurrences.js';
import { isBaselined } from './is-baselined.js';
import { occurrenceItem } from './occurrence-item.js';
import { recordLabels } from './record-labels.js';

/** The most items one forecast lists; counts always cover everything (docs/decisions.md). */
export const FORECAST_ITEM_CAP = 500;
const DAY = 86_400_000;
/**
 * Events (email events, incoming SMS) cannot be foreseen: an event trigger's forecast holds only
 * events already received whose trigger date, after an offset, lies ahead.
 */
export const EVENTS_NOTE =
  'counts only events already received whose trigger date lies ahead (after an offset); events still to come cannot be forecast';

export interface ForecastOccurrence {
  readonly occurrence: Occurrence;
  readonly date: Date;
}

/**
 * The occurrences of one trigger that will fall due in (now, until], judged by today's data: not
 * baselined and qualifying now. `findOccurrences` is asked for the window as if the last pass had
 * been at `now` and the next one at `until`, so it selects by the anchor range of that window; it
 * also adds records changed "since now" (rows stamped ahead of a sandbox's test clock), which the
 * exact trigger date below then keeps out unless they really fall due in the window.
 */
export async function forecastTrigger(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  now: Date,
  until: Date,
): Promise<ForecastOccurrence[]> {
  const ahead: EvaluationTrigger = { ...trigger, lastPassAt: now };
  const rules = rulesOf(trigger);
  const found: ForecastOccurrence[] = [];
  for (const occurrence of await findOccurrences(db, studio, ahead, until)) {
    const date = triggerDate(occurrence.anchor, trigger.offset, studio.timeZone, studio.workWeek);
    if (date.getTime() <= now.getTime() || date.getTime() > until.getTime()) continue;
    if (isBaselined(trigger, date, occurrence.cameAt)) continue;
    if (disqualification(rules, occurrence.facts) !== null) continue;
    found.push({ occurrence, date });
  }
  return found;
}

/** `days` (1–90, default 30) and an optional `trigger_id`, as the query string gives them. */
export function forecastQuery(query: { days?: string; trigger_id?: string }): {
  days: number;
  triggerId: number | null;
} {
  const problems: ProblemDetail[] = [];
  const days = query.days === undefined ? 30 : Number(query.days);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    problems.push({ path: 'days', problem: 'must be a whole number from 1 to 90' });
  }
  const triggerId = query.trigger_id === undefined ? null : Number(query.trigger_id);
  if (triggerId !== null && !(Number.isSafeInteger(triggerId) && triggerId > 0)) {
    problems.push({ path: 'trigger_id', problem: 'must be an id (a positive whole number)' });
  }
  if (problems.length > 0) throw validationError(problems, 'The forecast query is not valid');
  return { days, triggerId };
}

/**
 * What will fall due in the next `days` days (SPEC §3.5 "forecast"), per active trigger and per
 * studio-local day, with the first FORECAST_ITEM_CAP occurrences in trigger-date order. A forecast
 * is today's data projected forward: a session booked or canceled tomorrow changes it.
 */
export async function forecast(
  db: Db,
  studio: StudioContext,
  now: Date,
  { days, triggerId }: { days: number; triggerId: number | null },
) {
  let select = loose(db).selectFrom('triggers').selectAll().where('studio_id', '=', studio.id);
  if (triggerId !== null) select = select.where('id', '=', triggerId);
  const rows = (await select.orderBy('id').execute()) as LooseRow[];
  if (triggerId !== null && rows.length === 0) throw notFound('Trigger', triggerId);
  const until = new Date(now.getTime() + days * DAY);
  const triggers = [];
  const entries = [];
  for (const row of rows.filter((r) => r.is_active === 1)) {
    const trigger = evaluationTriggerOf(row);
    if (!trigger) continue;
    const due = await forecastTrigger(db, studio, trigger, now, until);
    const note = trigger.dateOption.anchor.kind === 'event' ? EVENTS_NOTE : null;
    triggers.push({ trigger_id: trigger.id, name: String(row.name), count: due.length, note });
    entries.push(...due.map((d) => ({ ...d, trigger })));
  }
  entries.sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() ||
      a.trigger.id - b.trigger.id ||
      a.occurrence.recordId - b.occurrence.recordId,
  );
  // Per day and per trigger over every entry, not only the listed ones: a calendar drawn from the
  // counts stays right when the item list is capped.
  const perDay = new Map<string, Map<number, number>>();
  for (const { date, trigger } of entries) {
    const day = localDateOf(date, studio.timeZone);
    const counts = perDay.get(day) ?? new Map<number, number>();
    counts.set(trigger.id, (counts.get(trigger.id) ?? 0) + 1);
    perDay.set(day, counts);
  }
  return {
    now: now.toISOString(),
    until: until.toISOString(),
    days,
    total: entries.length,
    triggers,
    by_day: [...perDay].map(([date, counts]) => ({
      date,
      count: [...counts.values()].reduce((sum, n) => sum + n, 0),
      triggers: [...counts]
        .sort(([a, m], [b, n]) => n - m || a - b)
        .map(([trigger_id, count]) => ({ trigger_id, count })),
    })),
    items: await labelled(db, studio, entries.slice(0, FORECAST_ITEM_CAP)),
    items_cap: FORECAST_ITEM_CAP,
    items_truncated: entries.length > FORECAST_ITEM_CAP,
  };
}

/** The listed entries as items, each with its record named the way Process Triggers names it. */
async function labelled(
  db: Db,
  studio: StudioContext,
  entries: readonly { occurrence: Occurrence; date: Date; trigger: EvaluationTrigger }[],
) {
  const items = entries.map(({ occurrence, date, trigger }) => occurrenceItem(trigger, occurrence, date));
  const labels = await recordLabels(db, studio.id, studio.timeZone, items);
  const unnamed = { record_label: null, client_name: null };
  return items.map((item) => ({
    ...item,
    ...(labels.get(`${item.record_kind}:${String(item.record_id)}`) ?? unnamed),
  }));
}
