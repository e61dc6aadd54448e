import { anchorBounds } from '../domain/triggers/anchor-bounds.js';
import type { Db } from '../store/database.js';
import type { LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import { changesSince, type EvaluationTrigger } from './evaluation-trigger.js';
import { eventAtColumn, eventOccurrenceOf, eventRows } from './event-rows.js';
import type { Occurrence } from './find-occurrences.js';

/**
 * The candidate occurrences of an event trigger for one pass, by index: events whose instant lies
 * near the window of trigger dates since the last pass (with an offset, "2 days after" an opened
 * email, events from two days ago), and events recorded since the last pass (`updated_at`, read
 * from a few minutes before it, so that a row stamped before the pass but committed after it is not
 * missed), however long ago they happened: a provider reporting late, or a run missed while the
 * server was down.
 * The caller computes each one's exact trigger date and judges it, as for every other anchor.
 */
export async function findEventOccurrences(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  now: Date,
): Promise<Occurrence[]> {
  const since = changesSince(trigger).toISOString();
  const { lo, hi } = anchorBounds(trigger.lastPassAt, now, trigger.offset, studio.workWeek);
  const at = eventAtColumn(trigger);
  const rows = (await eventRows(db, studio, trigger)
    .where((eb) =>
      eb.or([
        eb.and([eb(at, '>=', lo.toISOString()), eb(at, '<=', hi.toISOString())]),
        eb('e.updated_at', '>', since),
      ]),
    )
    .orderBy('e.id')
    .execute()) as LooseRow[];
  return rows.map((row) => eventOccurrenceOf(trigger, row));
}
