import { sql } from 'kysely';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';

/** What a trigger has been doing: items waiting for it, and when its action last ran. */
export interface TriggerActivity {
  readonly pending_count: number;
  /** When its last item was processed (the action ran); null when it never fired. */
  readonly last_fired_at: string | null;
}

const NEVER: TriggerActivity = { pending_count: 0, last_fired_at: null };

/**
 * The activity of a page of triggers in one grouped query over their items (the (trigger_id,
 * state) index serves it), not one query per row. "Fired" is an item processed: a processed item
 * never changes again, so its updated_at is the moment its action ran.
 */
export async function triggerActivity(
  db: Db,
  studioId: number,
  triggerIds: readonly number[],
): Promise<Map<number, TriggerActivity>> {
  const activity = new Map<number, TriggerActivity>();
  if (triggerIds.length === 0) return activity;
  const rows = (await loose(db)
    .selectFrom('triggered_items')
    .select([
      'trigger_id',
      sql<number>`sum(case when state = 'pending' then 1 else 0 end)`.as('pending_count'),
      sql<string | null>`max(case when state = 'processed' then updated_at end)`.as('last_fired_at'),
    ])
    .where('studio_id', '=', studioId)
    .where('trigger_id', 'in', [...triggerIds])
    .where('state', 'in', ['pending', 'processed'])
    .groupBy('trigger_id')
    .execute()) as LooseRow[];
  for (const row of rows) {
    activity.set(Number(row.trigger_id), {
      pending_count: Number(row.pending_count),
      last_fired_at: row.last_fired_at === null ? null : String(row.last_fired_at),
    });
  }
  return activity;
}

/** Each trigger with its activity beside its fields. */
export async function withActivity<T extends { id: number }>(
  db: Db,
  studioId: number,
  triggers: readonly T[],
): Promise<(T & TriggerActivity)[]> {
  const activity = await triggerActivity(
    db,
    studioId,
    triggers.map((t) => t.id),
  );
  return triggers.map((t) => ({ ...t, ...(activity.get(t.id) ?? NEVER) }));
}
