import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { createStudioTable, index } from './table-builder.js';

/**
 * What processing a triggered item creates (SPEC §3.4, §6) and what decides whether a recipient is
 * usable:
 * - `communications`: emails, SMS, phone calls and letters in one table, so that a client's
 *   communication history, the call list and the print batch read one place. Outbound rows keep
 *   their final rendered content; inbound ones (replies, arriving with the inbound issue) use the
 *   same shape. `triggered_item_id` ties each one to the item that made it.
 * - `deliveries`: the outbox. One row per attempt target of an email or SMS, claimed by a
 *   dispatcher; until real providers are wired, the `capture` channel marks them delivered and
 *   keeps them for inspection.
 * - `email_blocks` and `sms_opt_outs`: the block list and STOP list that make an address or number
 *   unusable.
 * - `email_events`: delivery events of emails (delivered, opened, …), the anchor of Email Records
 *   triggers.
 * Tasks and web forms are records of their own; they gain the item that created them.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createStudioTable(db, dialect, 'communications', [
    // email | sms | phone_call | letter
    ['channel', 'text', 'not null'],
    // outbound | inbound
    ['direction', 'text', 'not null'],
    // message | nps | confirmation | web_form_link | reply
    ['purpose', 'text', 'not null'],
    ['triggered_item_id', 'ref', 'triggered_items.id'],
    // The record the message is about (the trigger's record), e.g. a session for a reminder.
    ['record_kind', 'text'],
    ['record_id', 'bigint'],
    // The recipient: a client (and maybe one of their family members), a staff user or the studio.
    ['client_id', 'ref', 'clients.id', 'set null'],
    ['family_member_id', 'ref', 'family_members.id', 'set null'],
    ['recipient_user_id', 'ref', 'users.id', 'set null'],
    ['recipient_name', 'text'],
    // Email address, E.164 number, or the postal address of a letter (lines joined by newlines).
    ['to_address', 'text'],
    ['from_address', 'text'],
    ['subject', 'text'],
    ['body_html', 'text'],
    ['body_text', 'text'],
    ['is_marketing', 'bool'],
    ['email_type_id', 'ref', 'types.id'],
    // SMS: GSM-7 or UCS-2, and the number of segments.
    ['encoding', 'text'],
    ['segments', 'int'],
    // Phone calls: the call list.
    ['call_type_id', 'ref', 'types.id'],
    ['assigned_user_id', 'ref', 'users.id', 'set null'],
    ['department_id', 'ref', 'departments.id', 'set null'],
    ['due_date', 'text'],
    ['outcome', 'text'],
    ['outcome_note', 'text'],
    ['completed_at', 'text'],
    // Letters: the print batch they wait in (the delivery issue builds batches).
    ['print_batch_id', 'bigint'],
    ['printed_at', 'text'],
    ['web_form_id', 'ref', 'web_forms.id', 'set null'],
    // Inbound SMS: read by staff in the Messages inbox.
    ['read_at', 'text'],
  ]);
  await index(db, 'communications', ['studio_id', 'channel', 'created_at']);
  await index(db, 'communications', ['studio_id', 'client_id', 'created_at']);
  await index(db, 'communications', ['triggered_item_id']);
  await index(db, 'communications', ['studio_id', 'direction', 'channel', 'to_address']);

  await createStudioTable(db, dialect, 'deliveries', [
    ['communication_id', 'ref', 'communications.id', 'cascade'],
    // capture (kept for inspection), later smtp | twilio | …
    ['provider', 'text', 'not null'],
    // queued | sending | sent | delivered | failed | canceled
    ['state', 'text', 'not null'],
    ['reason', 'text'],
    ['attempts', 'int', 'not null'],
    ['next_attempt_at', 'text', 'not null'],
    ['sent_at', 'text'],
    ['delivered_at', 'text'],
  ]);
  await index(db, 'deliveries', ['state', 'next_attempt_at']);
  await index(db, 'deliveries', ['communication_id']);

  await createStudioTable(db, dialect, 'email_blocks', [
    // Lower-cased address.
    ['address', 'text', 'not null'],
    ['reason', 'text', 'not null'],
    ['lifted_at', 'text'],
    ['lifted_by_user_id', 'ref', 'users.id', 'set null'],
  ]);
  await index(db, 'email_blocks', ['studio_id', 'address']);

  await createStudioTable(db, dialect, 'sms_opt_outs', [
    // E.164 number.
    ['number', 'text', 'not null'],
    ['source', 'text', 'not null'],
  ]);
  await index(db, 'sms_opt_outs', ['studio_id', 'number'], true);

  await createStudioTable(db, dialect, 'email_events', [
    ['communication_id', 'ref', 'communications.id', 'cascade'],
    ['client_id', 'ref', 'clients.id', 'set null'],
    // delivered | opened | clicked | bounced | unsubscribed | spam_report
    ['event', 'text', 'not null'],
    ['occurred_at', 'text', 'not null'],
    ['provider_event_id', 'text'],
  ]);
  await index(db, 'email_events', ['studio_id', 'occurred_at']);

  for (const table of ['tasks', 'web_forms']) {
    await db.schema
      .alterTable(table)
      .addColumn('triggered_item_id', 'bigint', (col) => col.references('triggered_items.id'))
      .execute();
  }
  // What processing made of the item: the communications and changes it created, or why nothing.
  await db.schema.alterTable('triggered_items').addColumn('result', 'text').execute();
}
