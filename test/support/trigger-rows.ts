import type { Db } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';

/**
 * Writes a trigger row directly, for engine tests that need a trigger without going through the
 * triggers API. Defaults: an active, manual SMS trigger "on" the anchor, 24 hours, no exclusions.
 */
export async function insertTrigger(
  db: Db,
  studioId: number,
  at: Date,
  fields: Record<string, unknown> & { trigger_type: string; date_option: string },
): Promise<number> {
  const { trigger_type, record_kind, ...rest } = fields;
  const row = await loose(db)
    .insertInto('triggers')
    .values({
      studio_id: studioId,
      name: `${trigger_type} ${fields.date_option}`,
      trigger_type,
      record_kind: record_kind ?? 'session',
      filter_status_id: null,
      filter_type_id: null,
      email_event: null,
      keyword: null,
      offset_when: 'on',
      offset_amount: null,
      offset_unit: null,
      exclusions: '{}',
      action: 'sms',
      action_settings: '{}',
      then_status_id: null,
      processing: 'manual',
      time_from: null,
      time_to: null,
      blocked_weekdays: '[]',
      is_active: 1,
      baseline_at: at.toISOString(),
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      ...rest,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A pending triggered item written directly, with its first transition, for queue tests. */
export async function insertPendingItem(
  db: Db,
  studioId: number,
  triggerId: number,
  recordId: number,
  at: Date,
  recordKind = 'session',
): Promise<number> {
  const row = await loose(db)
    .insertInto('triggered_items')
    .values({
      studio_id: studioId,
      trigger_id: triggerId,
      record_kind: recordKind,
      record_id: recordId,
      occurrence_key: `test:${recordId}:${at.toISOString()}`,
      anchor_value: at.toISOString(),
      trigger_date: at.toISOString(),
      state: 'pending',
      reason: null,
      channel_used: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await loose(db)
    .insertInto('triggered_item_transitions')
    .values({
      studio_id: studioId,
      item_id: row.id,
      at: at.toISOString(),
      from_state: null,
      to_state: 'pending',
      actor: 'system',
      user_id: null,
      reason: 'written by a test',
    })
    .execute();
  return Number(row.id);
}

/** The items of a trigger, oldest first, as rows. */
export async function triggerItems(db: Db, triggerId: number): Promise<Record<string, any>[]> {
  return (await loose(db)
    .selectFrom('triggered_items')
    .selectAll()
    .where('trigger_id', '=', triggerId)
    .orderBy('id')
    .execute()) as Record<string, any>[];
}
