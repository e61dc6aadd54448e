import type { Transaction } from 'kysely';
import { loose } from '../store/record-table.js';
import type { Database } from '../store/schema.js';

export type ItemState = 'pending' | 'processed' | 'skipped' | 'deleted' | 'withdrawn' | 'expired';

/** Who moved an item: the Control Center, a staff member, or Triggerfish itself. */
export interface ItemActor {
  readonly actor: 'control_center' | 'user' | 'system';
  readonly userId: number | null;
}

export interface Transition {
  readonly itemId: number;
  readonly from: ItemState | null;
  readonly to: ItemState;
  readonly reason: string;
}

/** Writes transitions of items, each with its time, actor and reason (SPEC §3.5). */
export async function recordTransitions(
  trx: Transaction<Database>,
  studioId: number,
  transitions: readonly Transition[],
  actor: ItemActor,
  at: string,
): Promise<void> {
  for (let i = 0; i < transitions.length; i += 500) {
    const chunk = transitions.slice(i, i + 500);
    await loose(trx)
      .insertInto('triggered_item_transitions')
      .values(
        chunk.map((t) => ({
          studio_id: studioId,
          item_id: t.itemId,
          at,
          from_state: t.from,
          to_state: t.to,
          actor: actor.actor,
          user_id: actor.userId,
          reason: t.reason,
        })),
      )
      .execute();
  }
}
