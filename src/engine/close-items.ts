import { validationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { recordTransitions, type ItemActor, type ItemState } from './item-transitions.js';

/** Which pending items an action of the Process Triggers queue applies to. */
export type ItemSelection =
  | { readonly itemIds: readonly number[] }
  | { readonly triggerId: number }
  | { readonly all: true };

export interface CloseResult {
  /** Items that were pending and are now closed. */
  readonly closed: number[];
  /** Asked-for items that were not pending in this studio (already closed, or unknown). */
  readonly unchanged: number[];
}

/** A list of ids is for a page of the queue; a whole trigger or all goes by trigger_id or all. */
export function refuseLongSelection(selection: ItemSelection): void {
  if ('itemIds' in selection && selection.itemIds.length > 10_000) {
    throw validationError([
      { path: 'item_ids', problem: 'must list at most 10000 items; use trigger_id or all' },
    ]);
  }
}

/**
 * Skip or Delete in the Process Triggers queue (SPEC §3.5), per item, per trigger or for all: the
 * items leave the queue for good with a transition naming the person. Only pending items move, in
 * one statement, so two people clicking at once close each item once.
 * Skipped: handled without output. Deleted: removed from the queue. Neither ever becomes pending
 * again, so the occurrence never fires.
 */
export async function closeItems(
  db: Db,
  studioId: number,
  selection: ItemSelection,
  to: Extract<ItemState, 'skipped' | 'deleted'>,
  actor: ItemActor,
  now: Date,
): Promise<CloseResult> {
  refuseLongSelection(selection);
  const at = now.toISOString();
  const reason =
    to === 'skipped' ? 'skipped in the Process Triggers queue' : 'deleted from the Process Triggers queue';
  return db.transaction().execute(async (trx) => {
    let update = loose(trx)
      .updateTable('triggered_items')
      .set({ state: to, reason, updated_at: at })
      .where('studio_id', '=', studioId)
      .where('state', '=', 'pending');
    if ('itemIds' in selection)
      update = update.where('id', 'in', selection.itemIds.length ? [...selection.itemIds] : [0]);
    else if ('triggerId' in selection) update = update.where('trigger_id', '=', selection.triggerId);
    const rows = (await update.returning('id').execute()) as LooseRow[];
    const closed = rows.map((row) => Number(row.id));
    await recordTransitions(
      trx,
      studioId,
      closed.map((itemId) => ({ itemId, from: 'pending', to, reason })),
      actor,
      at,
    );
    const done = new Set(closed);
    const unchanged = 'itemIds' in selection ? selection.itemIds.filter((id) => !done.has(id)) : [];
    return { closed: closed.sort((a, b) => a - b), unchanged };
  });
}
