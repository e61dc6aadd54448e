import { refuseLongSelection, type ItemSelection } from '../engine/close-items.js';
import type { ItemActor } from '../engine/item-transitions.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioRow } from '../store/studios.js';
import { processItem, type ProcessSettings } from './process-item.js';

export interface ProcessResult {
  readonly processed: number[];
  readonly withdrawn: number[];
  readonly expired: number[];
  /** Asked-for items that were not pending in this studio (already handled, or unknown). */
  readonly unchanged: number[];
  /** Items whose processing failed and stay pending, with the error. */
  readonly failed: { readonly id: number; readonly error: string }[];
}

/**
 * Process in the Process Triggers queue, per item, per trigger or for all (SPEC §3.5): each item in
 * its own transaction, oldest trigger date first, so that one item that cannot be processed (a
 * template that fails to render) neither blocks nor undoes the others; it stays pending with its
 * error reported.
 */
export async function processItems(
  db: Db,
  studio: StudioRow,
  selection: ItemSelection,
  actor: ItemActor,
  now: Date,
  settings: ProcessSettings,
): Promise<ProcessResult> {
  refuseLongSelection(selection);
  const ids = await pendingIds(db, studio.id, selection);
  const result: ProcessResult = { processed: [], withdrawn: [], expired: [], unchanged: [], failed: [] };
  for (const id of ids) {
    try {
      const outcome = await processItem(db, studio, id, actor, now, settings);
      result[outcome].push(id);
    } catch (error) {
      result.failed.push({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if ('itemIds' in selection) {
    const seen = new Set(ids);
    result.unchanged.push(...selection.itemIds.filter((id) => !seen.has(id)));
  }
  return result;
}

/** Pending items of the selection, oldest trigger date first. */
export async function pendingIds(
  db: Db,
  studioId: number,
  selection: ItemSelection | { readonly triggerIds: readonly number[]; readonly dueBy: string },
): Promise<number[]> {
  let select = loose(db)
    .selectFrom('triggered_items')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('state', '=', 'pending');
  if ('itemIds' in selection)
    select = select.where('id', 'in', selection.itemIds.length ? [...selection.itemIds] : [0]);
  else if ('triggerId' in selection) select = select.where('trigger_id', '=', selection.triggerId);
  else if ('triggerIds' in selection)
    select = select
      .where('trigger_id', 'in', selection.triggerIds.length ? [...selection.triggerIds] : [0])
      .where('trigger_date', '<=', selection.dueBy);
  const rows = (await select.orderBy('trigger_date').orderBy('id').execute()) as LooseRow[];
  return rows.map((row) => Number(row.id));
}
