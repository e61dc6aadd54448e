import { isInsideTimeFrame } from '../domain/time-frame.js';
import type { ItemActor } from '../engine/item-transitions.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioRow } from '../store/studios.js';
import { triggerDefinitionOf } from '../store/trigger-rows.js';
import { processItem, type ProcessSettings } from './process-item.js';
import { pendingIds } from './process-items.js';

export interface AutomaticCounts {
  processed: number;
  withdrawn_at_processing: number;
  expired_at_processing: number;
  failed: number;
}

const CONTROL_CENTER: ItemActor = { actor: 'control_center', userId: null };

/**
 * The Control Center's processing step (SPEC §3.5 "automatic processing"): the pending items of
 * active automatic triggers, only while `now` is inside the trigger's time frame and not on one of
 * its "do not process" weekdays, in the studio's time zone. Outside, items wait in the queue. A
 * failing item stays pending and is counted; the others go on.
 */
export async function processAutomaticItems(
  db: Db,
  studio: StudioRow,
  now: Date,
  settings: ProcessSettings,
): Promise<{ counts: AutomaticCounts; errors: string[] }> {
  const rows = (await loose(db)
    .selectFrom('triggers')
    .selectAll()
    .where('studio_id', '=', studio.id)
    .where('is_active', '=', 1)
    .where('processing', '=', 'automatic')
    .execute()) as LooseRow[];
  const open = rows.filter((row) =>
    isInsideTimeFrame(now, triggerDefinitionOf(row).time_frame, studio.time_zone),
  );
  const counts: AutomaticCounts = {
    processed: 0,
    withdrawn_at_processing: 0,
    expired_at_processing: 0,
    failed: 0,
  };
  const errors: string[] = [];
  if (open.length === 0) return { counts, errors };
  const ids = await pendingIds(db, studio.id, {
    triggerIds: open.map((row) => Number(row.id)),
    dueBy: now.toISOString(),
  });
  for (const id of ids) {
    try {
      const outcome = await processItem(db, studio, id, CONTROL_CENTER, now, settings);
      if (outcome === 'processed') counts.processed += 1;
      else if (outcome === 'withdrawn') counts.withdrawn_at_processing += 1;
      else if (outcome === 'expired') counts.expired_at_processing += 1;
    } catch (error) {
      counts.failed += 1;
      errors.push(`item ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { counts, errors };
}
