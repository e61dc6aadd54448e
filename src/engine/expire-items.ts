import { DateTime } from 'luxon';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import type { EvaluationTrigger } from './evaluation-trigger.js';
import { recordTransitions, type ItemActor } from './item-transitions.js';

/**
 * "Triggered Date is Past" (SPEC §3.3): a pending item of such a trigger may be processed only on
 * the studio-local day of its trigger date; once that day is over it expires, with the reason.
 * One statement per trigger that has the exclusion.
 */
export async function expireItems(
  db: Db,
  studio: StudioContext,
  triggers: readonly EvaluationTrigger[],
  now: Date,
  actor: ItemActor = { actor: 'control_center', userId: null },
): Promise<number> {
  const today = DateTime.fromJSDate(now, { zone: studio.timeZone }).startOf('day').toUTC().toISO() as string;
  const at = now.toISOString();
  let expired = 0;
  for (const trigger of triggers.filter((t) => t.exclusions.date_is_past)) {
    const reason =
      'expired: the day of its trigger date passed before it was processed (Triggered Date is Past)';
    expired += await db.transaction().execute(async (trx) => {
      const rows = (await loose(trx)
        .updateTable('triggered_items')
        .set({ state: 'expired', reason, updated_at: at })
        .where('trigger_id', '=', trigger.id)
        .where('state', '=', 'pending')
        .where('trigger_date', '<', today)
        .returning('id')
        .execute()) as LooseRow[];
      await recordTransitions(
        trx,
        studio.id,
        rows.map((row) => ({
          itemId: Number(row.id),
          from: 'pending' as const,
          to: 'expired' as const,
          reason,
        })),
        actor,
        at,
      );
      return rows.length;
    });
  }
  return expired;
}
