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
