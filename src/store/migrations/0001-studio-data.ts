import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { createStudioTable, idColumn, index, type ColumnSpec } from './table-builder.js';

/**
 * The studio data model of SPEC.md §2. Longer than most files because it is the whole first schema;
 * test/store/registry-schema.test.ts checks that it and the record-kind registry agree.
 * Every anchor field has a `<field>_set_at` column: when its value was last set, so that the
 * trigger baseline can tell occurrences that existed before a trigger from those that came later.
 */
const ANCHOR = (name: string): ColumnSpec => [`${name}_set_at`, 'text'];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await idColumn(db.schema.createTable('studios'), dialect)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('work_week', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('sender_name', 'text')
    .addColumn('sender_email', 'text')
    .addColumn('sms_from_number', 'text')
    .addColumn('is_sandbox', 'smallint', (col) => col.notNull().defaultTo(0))
    .addColumn('bypass_email_blocks', 'smallint', (col) => col.notNull().defaultTo(0))
    .addColumn('sms_help_text', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await idColumn(db.schema.createTable('users'), dialect)
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('mobile', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // Catalogs.
  await createStudioTable(db, dialect, 'departments', [
    ['name', 'text', 'not null'],
    ['is_inactive', 'bool'],
  ]);
  await createStudioTable(db, dialect, 'relationships', [
    ['name', 'text', 'not null'],
    ['sort_order', 'int', 'not null'],
    ['is_inactive', 'bool'],
  ]);
  await createStudioTable(db, dialect, 'types', [
    ['kind', 'text', 'not null'],
    ['name', 'text', 'not null'],
    ['sort_order', 'int', 'not null'],
    ['default_minutes', 'int'],
    ['color', 'text'],
    ['is_inactive', 'bool'],
  ]);
  await index(db, 'types', ['studio_id', 'kind', 'sort_order']);
  await createStudioTable(db, dialect, 'statuses', [
    ['kind', 'text', 'not null'],
    ['scope_type_id', 'ref', 'types.id'],
    ['name', 'text', 'not null'],
    ['sort_order', 'int', 'not null'],
    ['duration_days', 'int'],
    ['is_initial', 'bool'],
    ['is_final', 'bool'],
    ['is_inactive', 'bool'],
    ['is_submit', 'bool'],
  ]);
  await index(db, 'statuses', ['studio_id', 'kind', 'sort_order']);
  await createStudioTable(db, dialect, 'referral_programs', [
    ['name', 'text', 'not null'],
    ['is_active', 'bool'],
    ['referred_within_days', 'int'],
    ['requires_session_booked', 'bool'],
    ['referrer_reward_cents', 'money', 'not null'],
    ['referred_reward_cents', 'money', 'not null'],
    ['reward_valid_days', 'int'],
  ]);
  await createStudioTable(db, dialect, 'web_form_templates', [
    ['name', 'text', 'not null'],
    ['basis', 'text', 'not null'],
    ['title', 'text'],
    ['definition', 'text'],
    ['allow_edits', 'bool'],
    ['is_inactive', 'bool'],
  ]);

  // Staff membership of studios; a user may belong to several.
  await createStudioTable(db, dialect, 'memberships', [
    ['user_id', 'ref', 'users.id', 'cascade'],
    ['role', 'text', 'not null'],
    ['department_id', 'ref', 'departments.id', 'set null'],
  ]);
  await index(db, 'memberships', ['studio_id', 'user_id'], true);
  await index(db, 'memberships', ['user_id']);

  await createStudioTable(db, dialect, 'clients', [
    ['first_name', 'text', 'not null'],
    ['last_name', 'text', 'not null'],
    ['salutation', 'text'],
    ['client_type', 'text', 'not null'],
    ['company_name', 'text'],
    ['client_number', 'text'],
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['birth_date', 'text'],
    ANCHOR('birth_date'),
    ['anniversary', 'text'],
    ANCHOR('anniversary'),
    ['referred_by_client_id', 'ref', 'clients.id', 'set null'],
    ['referral_program_id', 'ref', 'referral_programs.id', 'set null'],
    ['lead_source', 'text'],
    ['address_line1', 'text'],
    ['address_line2', 'text'],
    ['city', 'text'],
    ['region', 'text'],
    ['postal_code', 'text'],
    ['country', 'text'],
    ['allow_marketing_email', 'bool'],
    ['allow_marketing_sms', 'bool'],
    ['allow_marketing_mail', 'bool'],
    ['allow_marketing_phone', 'bool'],
    ['custom_fields', 'text'],
    ['notes', 'text'],
  ]);
  await index(db, 'clients', ['studio_id', 'last_name', 'first_name']);
  await index(db, 'clients', ['studio_id', 'status_id']);
  await createStudioTable(db, dialect, 'client_phones', [
    ['client_id', 'ref', 'clients.id', 'cascade'],
    ['position', 'int', 'not null'],
    ['number', 'text', 'not null'],
    ['label', 'text'],
    ['sms_capable', 'bool'],
  ]);
  await index(db, 'client_phones', ['client_id']);
  await index(db, 'client_phones', ['studio_id', 'number']);
  await createStudioTable(db, dialect, 'client_emails', [
    ['client_id', 'ref', 'clients.id', 'cascade'],
    ['position', 'int', 'not null'],
    ['address', 'text', 'not null'],
    ['label', 'text'],
    ['is_primary', 'bool'],
  ]);
  await index(db, 'client_emails', ['client_id']);
  await index(db, 'client_emails', ['studio_id', 'address']);

  await createStudioTable(db, dialect, 'family_members', [
    ['client_id', 'ref', 'clients.id', 'cascade'],
    ['relationship_id', 'ref', 'relationships.id'],
    ['first_name', 'text', 'not null'],
    ['last_name', 'text'],
    ['birth_date', 'text'],
    ANCHOR('birth_date'),
    ['email', 'text'],
    ['phone', 'text'],
  ]);
  await index(db, 'family_members', ['client_id']);

  await createStudioTable(db, dialect, 'sessions', [
    ['client_id', 'ref', 'clients.id'],
    ['session_type_id', 'ref', 'types.id'],
    ['session_number', 'text'],
    ['description', 'text'],
    ['start', 'text', 'not null'],
    ANCHOR('start'),
    ['end', 'text'],
    ANCHOR('end'),
    ['photographer_id', 'ref', 'users.id', 'set null'],
    ['location', 'text'],
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['confirmed', 'bool'],
    ['on_hold', 'bool'],
    ['canceled', 'bool'],
    ['booked_at', 'text'],
    ANCHOR('booked_at'),
    ['nps_score', 'int'],
    ['nps_comment', 'text'],
    ['nps_received_at', 'text'],
    ANCHOR('nps_received_at'),
    ['custom_fields', 'text'],
    ['notes', 'text'],
  ]);
  await index(db, 'sessions', ['studio_id', 'start']);
  await index(db, 'sessions', ['studio_id', 'client_id']);
  await index(db, 'sessions', ['studio_id', 'status_id']);

  await createStudioTable(db, dialect, 'appointments', [
    ['client_id', 'ref', 'clients.id'],
    ['session_id', 'ref', 'sessions.id', 'set null'],
    ['appointment_type_id', 'ref', 'types.id'],
    ['description', 'text'],
    ['start', 'text', 'not null'],
    ANCHOR('start'),
    ['end', 'text'],
    ['staff_user_id', 'ref', 'users.id', 'set null'],
    ['location', 'text'],
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['confirmed', 'bool'],
    ['on_hold', 'bool'],
    ['canceled', 'bool'],
    ['booked_at', 'text'],
    ANCHOR('booked_at'),
    ['notes', 'text'],
  ]);
  await index(db, 'appointments', ['studio_id', 'start']);
  await index(db, 'appointments', ['studio_id', 'client_id']);

  await createStudioTable(db, dialect, 'invoices', [
    ['client_id', 'ref', 'clients.id'],
    ['bill_to_client_id', 'ref', 'clients.id'],
    ['session_id', 'ref', 'sessions.id', 'set null'],
    ['invoice_number', 'text'],
    ['invoice_type', 'text', 'not null'],
    ['description', 'text'],
    ['invoice_date', 'text', 'not null'],
    ANCHOR('invoice_date'),
    ['payment_due_date', 'text'],
    ANCHOR('payment_due_date'),
    ['total_cents', 'money', 'not null'],
    ['balance_cents', 'money', 'not null'],
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
  ]);
  await index(db, 'invoices', ['studio_id', 'invoice_date']);
  await index(db, 'invoices', ['studio_id', 'client_id']);

  await createStudioTable(db, dialect, 'production_orders', [
    ['invoice_id', 'ref', 'invoices.id'],
    ['order_type_id', 'ref', 'types.id'],
    ['order_number', 'text'],
    ['vendor', 'text'],
    ['order_date', 'text', 'not null'],
    ANCHOR('order_date'),
    ['due_date', 'text'],
    ANCHOR('due_date'),
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['assigned_user_id', 'ref', 'users.id', 'set null'],
    ['department_id', 'ref', 'departments.id', 'set null'],
    ['notes', 'text'],
  ]);
  await index(db, 'production_orders', ['studio_id', 'order_date']);

  await createStudioTable(db, dialect, 'preproduction_orders', [
    ['session_id', 'ref', 'sessions.id'],
    ['order_number', 'text'],
    ['vendor', 'text'],
    ['order_date', 'text', 'not null'],
    ANCHOR('order_date'),
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['notes', 'text'],
  ]);
  await index(db, 'preproduction_orders', ['studio_id', 'order_date']);

  await createStudioTable(db, dialect, 'tasks', [
    ['task_type_id', 'ref', 'types.id'],
    ['subject', 'text', 'not null'],
    ['description', 'text'],
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['assigned_user_id', 'ref', 'users.id', 'set null'],
    ['department_id', 'ref', 'departments.id', 'set null'],
    ['start_date', 'text'],
    ANCHOR('start_date'),
    ['due_date', 'text'],
    ANCHOR('due_date'),
    ['completed_date', 'text'],
    ANCHOR('completed_date'),
    ['priority', 'int'],
    ['client_id', 'ref', 'clients.id'],
    ['session_id', 'ref', 'sessions.id', 'set null'],
    ['invoice_id', 'ref', 'invoices.id', 'set null'],
    ['production_order_id', 'ref', 'production_orders.id', 'set null'],
  ]);
  await index(db, 'tasks', ['studio_id', 'due_date']);
  await index(db, 'tasks', ['studio_id', 'assigned_user_id']);

  await createStudioTable(db, dialect, 'web_forms', [
    ['web_form_template_id', 'ref', 'web_form_templates.id'],
    ['client_id', 'ref', 'clients.id'],
    ['session_id', 'ref', 'sessions.id', 'set null'],
    ['invoice_id', 'ref', 'invoices.id', 'set null'],
    ['status_id', 'ref', 'statuses.id'],
    ['status_due_date', 'text'],
    ['token', 'text', 'not null'],
    ['expires_at', 'text'],
    ['submitted_at', 'text'],
  ]);
  await db.schema.createIndex('web_forms_token_idx').on('web_forms').column('token').unique().execute();

  await createStudioTable(db, dialect, 'loyalty_rewards', [
    ['client_id', 'ref', 'clients.id'],
    ['code', 'text', 'not null'],
    ['amount_cents', 'money', 'not null'],
    ['redeemed_cents', 'money', 'not null'],
    ['issued_date', 'text', 'not null'],
    ANCHOR('issued_date'),
    ['expiration_date', 'text'],
    ANCHOR('expiration_date'),
    ['referral_program_id', 'ref', 'referral_programs.id', 'set null'],
    ['notes', 'text'],
  ]);
  await index(db, 'loyalty_rewards', ['studio_id', 'code'], true);
}
