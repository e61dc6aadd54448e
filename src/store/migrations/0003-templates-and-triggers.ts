import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { createStudioTable, index } from './table-builder.js';

/**
 * Message templates (form letters, email and SMS templates) and triggers (SPEC §3). A trigger's
 * exclusions and action settings are JSON text: their shape depends on the trigger type and the
 * action, is validated by the domain as a whole, and is never queried column by column.
 * `baseline_at` is the trigger's baseline (SPEC §3.5): a timestamp, not a row per record.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createStudioTable(db, dialect, 'templates', [
    ['name', 'text', 'not null'],
    // email | sms | letter
    ['channel', 'text', 'not null'],
    // The record kind whose merge fields the template may use (its "record basis").
    ['basis', 'text', 'not null'],
    ['subject', 'text'],
    ['body_html', 'text'],
    ['body_text', 'text'],
    ['is_inactive', 'bool'],
  ]);
  await index(db, 'templates', ['studio_id', 'channel', 'basis']);

  await createStudioTable(db, dialect, 'triggers', [
    ['name', 'text', 'not null'],
    ['trigger_type', 'text', 'not null'],
    ['record_kind', 'text', 'not null'],
    ['filter_status_id', 'ref', 'statuses.id'],
    ['filter_type_id', 'ref', 'types.id'],
    ['email_event', 'text'],
    ['keyword', 'text'],
    ['date_option', 'text', 'not null'],
    // on | before | after, with an amount and unit unless "on"
    ['offset_when', 'text', 'not null'],
    ['offset_amount', 'int'],
    ['offset_unit', 'text'],
    ['exclusions', 'text', 'not null'],
    ['action', 'text', 'not null'],
    ['action_settings', 'text', 'not null'],
    ['then_status_id', 'ref', 'statuses.id'],
    // manual | automatic; time frame "HH:MM" studio-local, both null for 24 hours
    ['processing', 'text', 'not null'],
    ['time_from', 'text'],
    ['time_to', 'text'],
    ['blocked_weekdays', 'text', 'not null'],
    ['is_active', 'bool'],
    ['baseline_at', 'text'],
  ]);
  await index(db, 'triggers', ['studio_id', 'trigger_type']);
  await index(db, 'triggers', ['studio_id', 'is_active']);
}
