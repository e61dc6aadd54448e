import { sql, type SelectQueryBuilder } from 'kysely';
import { anchorBounds, anchorDateBounds } from '../domain/triggers/anchor-bounds.js';
import { triggerDate } from '../domain/trigger-date.js';
import { recordKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import { findOccurrences } from './find-occurrences.js';
import { eventAtColumn, eventRows } from './event-rows.js';
import { isBaselined } from './is-baselined.js';
import { yearlyBaselinedCount } from './yearly-baselined-count.js';

/**
 * How many occurrences the trigger's baseline covers: they existed at `baseline_at` and their
 * trigger date had come by then, so they never fire (SPEC §3.5, "saving shows how many").
 *
 * Counted without loading records: `anchorBounds` gives the range of anchors whose trigger dates
 * can lie near the baseline. Every anchor below that range has its trigger date before the
 * baseline (the range is wide on the safe side), so one COUNT covers them; the few anchors inside
 * it are read and their exact trigger dates computed, as evaluation does. The count is therefore
 * exact, business days included. It counts what evaluation could ever have fired: current stays
 * in the status for status anchors (a stay that ended can never fire anyway) and set values for
 * field anchors, matching the filters; exclusions are not applied (they decide at evaluation and
 * processing, and a baselined occurrence is baselined whatever they say).
 */
export async function baselinedCount(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
): Promise<number> {
  const anchor = trigger.dateOption.anchor;
  if (anchor.kind === 'yearly') return yearlyBaselinedCount(db, studio, trigger);
  const baseline = trigger.baselineAt;
  const at = baseline.toISOString();
  const isDate = anchor.kind === 'status_due' || (anchor.kind === 'field' && anchor.value === 'date');
  const window = [baseline, baseline, trigger.offset, studio.workWeek] as const;
  const lo = isDate ? anchorDateBounds(...window).lo : anchorBounds(...window).lo.toISOString();
  const count = belowBaseline(db, studio, trigger, lo, at);
  const below = Number(((await count.executeTakeFirst()) as LooseRow | undefined)?.n ?? 0);

  // The anchors near the baseline, exactly. Records changed since the baseline come back too;
  // those below the range are already counted above.
  const near = await findOccurrences(db, studio, { ...trigger, lastPassAt: baseline }, baseline, {
    wideWindow: true,
  });
  const edge = near.filter(
    (o) =>
      o.anchorValue >= lo &&
      isBaselined(trigger, triggerDate(o.anchor, trigger.offset, studio.timeZone, studio.workWeek), o.cameAt),
  ).length;
  return below + edge;
}

/**
 * The COUNT of the occurrences whose anchor lies below `lo` and that existed at the baseline `at`:
 * their trigger dates are surely at or before it. The joins depend on the anchor, so the builder
 * is typed loosely, as in find-occurrences.
 */
function belowBaseline(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  lo: string,
  at: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): SelectQueryBuilder<any, any, any> {
  const anchor = trigger.dateOption.anchor;
  const n = sql<number>`count(*)`.as('n');
  if (anchor.kind === 'event') {
    // An event exists from the moment it happened (its anchor), wherever its trigger date lies.
    const eventAt = eventAtColumn(trigger);
    return eventRows(db, studio, trigger)
      .clearSelect()
      .select(n)
      .where(eventAt, '<', lo)
      .where(eventAt, '<=', at);
  }
  const kind = recordKind(trigger.type.recordKind);
  const typeField = trigger.type.filter.typeField;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let count: SelectQueryBuilder<any, any, any> = loose(db)
    .selectFrom(`${kind.table} as r`)
    .select(n)
    .where('r.studio_id', '=', studio.id);
  if (trigger.filterTypeId !== null && typeField)
    count = count.where(`r.${typeField}`, '=', trigger.filterTypeId);
  if (anchor.kind === 'field') {
    const setAt = anchor.field === 'created_at' ? 'r.created_at' : `r.${anchor.field}_set_at`;
    count = count.where(`r.${anchor.field}`, '<', lo).where(setAt, '<=', at);
    if (trigger.filterStatusId !== null) count = count.where('r.status_id', '=', trigger.filterStatusId);
  } else {
    const column = anchor.kind === 'status_entered' ? 'h.entered_at' : 'h.due_date';
    count = count
      .innerJoin('status_history as h', 'h.record_id', 'r.id')
      .where('h.studio_id', '=', studio.id)
      .where('h.record_kind', '=', kind.name)
      .where('h.left_at', 'is', null)
      .where(column, '<', lo)
      .where('h.entered_at', '<=', at);
    if (trigger.filterStatusId !== null) count = count.where('h.status_id', '=', trigger.filterStatusId);
  }
  return count;
}
