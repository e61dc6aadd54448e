import { notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { attachmentSummaries } from './communication-attachments.js';
import type { Db } from './database.js';
import { emailEventsOf } from './email-events.js';
import { loose, type LooseRow } from './record-table.js';

const CHANNELS = ['email', 'sms', 'phone_call', 'letter'];
const DELIVERY_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'canceled'];
const COLUMNS = [
  'c.id',
  'c.channel',
  'c.direction',
  'c.purpose',
  'c.triggered_item_id',
  'c.record_kind',
  'c.record_id',
  'c.client_id',
  'c.family_member_id',
  'c.recipient_user_id',
  'c.recipient_name',
  'c.to_address',
  'c.from_address',
  'c.subject',
  'c.body_html',
  'c.body_text',
  'c.is_marketing',
  'c.encoding',
  'c.segments',
  'c.call_type_id',
  'c.assigned_user_id',
  'c.department_id',
  'c.due_date',
  'c.web_form_id',
  'c.print_batch_id',
  'c.printed_at',
  'c.created_at',
  'd.id as delivery_id',
  'd.provider as delivery_provider',
  'd.state as delivery_state',
  'd.reason as delivery_reason',
  'd.delivered_at as delivery_delivered_at',
] as const;

export interface CommunicationQuery {
  channel?: string;
  client_id?: string;
  triggered_item_id?: string;
  /** With record_id: what was sent about one record (a session, an invoice…). */
  record_kind?: string;
  record_id?: string;
  delivery_state?: string;
  /** `capture`: the development inbox, what a sandbox studio would have sent. */
  provider?: string;
  before?: string;
  limit?: string;
}

/**
 * A studio's communications, newest first, with their delivery and attachments: the outbox (email
 * and SMS with their final rendered content, kept by the capture channel for inspection), the
 * calls and letters processing created, filtered by channel, client, record, triggered item or
 * delivery state. Pages go backwards by id (`before` = the last id of the previous page).
 */
export async function listCommunications(db: Db, studioId: number, query: CommunicationQuery) {
  const problems: ProblemDetail[] = [];
  const id = (name: keyof CommunicationQuery) => {
    const raw = query[name];
    if (raw === undefined) return null;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) {
      problems.push({ path: name, problem: 'must be an id (a positive whole number)' });
      return null;
    }
    return value;
  };
  const clientId = id('client_id');
  const itemId = id('triggered_item_id');
  const recordId = id('record_id');
  if ((query.record_kind === undefined) !== (query.record_id === undefined)) {
    const missing = query.record_kind === undefined ? 'record_kind' : 'record_id';
    const other = missing === 'record_kind' ? 'record_id' : 'record_kind';
    problems.push({ path: missing, problem: `is required with ${other}` });
  }
  const before = id('before');
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    problems.push({ path: 'limit', problem: 'must be a whole number from 1 to 500' });
  if (query.channel !== undefined && !CHANNELS.includes(query.channel))
    problems.push({ path: 'channel', problem: `must be one of ${CHANNELS.join(', ')}` });
  if (query.delivery_state !== undefined && !DELIVERY_STATES.includes(query.delivery_state))
    problems.push({ path: 'delivery_state', problem: `must be one of ${DELIVERY_STATES.join(', ')}` });
  if (problems.length > 0) throw validationError(problems, 'The communications query is not valid');
  let select = communicationsOf(db, studioId);
  if (query.channel !== undefined) select = select.where('c.channel', '=', query.channel);
  if (clientId !== null) select = select.where('c.client_id', '=', clientId);
  if (itemId !== null) select = select.where('c.triggered_item_id', '=', itemId);
  if (recordId !== null && query.record_kind !== undefined)
    select = select.where('c.record_kind', '=', query.record_kind).where('c.record_id', '=', recordId);
  if (query.delivery_state !== undefined) select = select.where('d.state', '=', query.delivery_state);
  if (query.provider !== undefined) select = select.where('d.provider', '=', query.provider);
  if (before !== null) select = select.where('c.id', '<', before);
  const rows = (await select
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute()) as LooseRow[];
  const page = await withAttachments(db, studioId, rows.slice(0, limit));
  return { data: page, next_before: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/**
 * One communication of the studio with its delivery and attachments, and an email's events;
 * another studio's is missing.
 */
export async function getCommunication(db: Db, studioId: number, id: number) {
  const row = (await communicationsOf(db, studioId).where('c.id', '=', id).executeTakeFirst()) as
    | LooseRow
    | undefined;
  if (!row) throw notFound('Communication', id);
  const [json] = await withAttachments(db, studioId, [row]);
  // Delivered, opened, clicked, bounced…: what the provider and the recipient did with an email.
  return row.channel === 'email' ? { ...json, email_events: await emailEventsOf(db, studioId, id) } : json;
}

function communicationsOf(db: Db, studioId: number) {
  return loose(db)
    .selectFrom('communications as c')
    .leftJoin('deliveries as d', 'd.communication_id', 'c.id')
    .select([...COLUMNS])
    .where('c.studio_id', '=', studioId);
}

/** Rows as JSON, each with its attachments' names, types, sizes and download URLs (no bytes). */
async function withAttachments(db: Db, studioId: number, rows: readonly LooseRow[]) {
  const attachments = await attachmentSummaries(
    db,
    studioId,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((row) => ({
    ...communicationJson(row),
    attachments: attachments.get(Number(row.id)) ?? [],
  }));
}

function communicationJson(row: LooseRow) {
  const { delivery_id, delivery_provider, delivery_state, delivery_reason, delivery_delivered_at, ...rest } =
    row;
  return {
    ...rest,
    id: Number(row.id),
    is_marketing: row.is_marketing === 1,
    delivery:
      delivery_id == null
        ? null
        : {
            id: Number(delivery_id),
            provider: delivery_provider,
            state: delivery_state,
            reason: delivery_reason,
            delivered_at: delivery_delivered_at,
          },
  };
}
