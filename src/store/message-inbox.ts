import { notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { normalizePhone } from '../domain/phone-number.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';

/**
 * The Messages inbox (SPEC §5): every inbound SMS of a studio, unread first, and threads of the
 * SMS exchanged with one number. Reads go by the (studio, direction, channel, number) indexes.
 */
const MESSAGE_COLUMNS = [
  'id',
  'client_id',
  'from_address',
  'to_address',
  'body_text',
  'keyword',
  'outcome',
  'outcome_note',
  'record_kind',
  'record_id',
  'sender_match',
  'read_at',
  'created_at',
] as const;

export interface MessageQuery {
  unread?: string;
  number?: string;
  offset?: string;
  limit?: string;
}

export function messageJson(row: LooseRow) {
  return {
    id: Number(row.id),
    client_id: row.client_id == null ? null : Number(row.client_id),
    from: row.from_address,
    to: row.to_address,
    body: row.body_text,
    keyword: row.keyword,
    outcome: row.outcome,
    outcome_note: row.outcome_note,
    record_kind: row.record_kind,
    record_id: row.record_id == null ? null : Number(row.record_id),
    sender_match: row.sender_match == null ? null : (JSON.parse(String(row.sender_match)) as unknown),
    received_at: row.created_at,
    read_at: row.read_at,
    unread: row.read_at == null,
  };
}

function inboundSms(db: Db, studioId: number) {
  return loose(db)
    .selectFrom('communications')
    .where('studio_id', '=', studioId)
    .where('direction', '=', 'inbound')
    .where('channel', '=', 'sms');
}

function numberOf(raw: string | undefined, country: string, problems: ProblemDetail[], path = 'number') {
  if (raw === undefined) return null;
  const phone = normalizePhone(raw, country);
  if (phone.ok) return phone.e164;
  problems.push({ path, problem: phone.problem });
  return null;
}

/** Inbound SMS, unread ones first, each group newest first; `unread` and `number` filter. */
export async function listMessages(db: Db, studioId: number, country: string, query: MessageQuery) {
  const problems: ProblemDetail[] = [];
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    problems.push({ path: 'limit', problem: 'must be a whole number from 1 to 500' });
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000)
    problems.push({ path: 'offset', problem: 'must be a whole number from 0 to 100000' });
  if (query.unread !== undefined && query.unread !== 'true' && query.unread !== 'false')
    problems.push({ path: 'unread', problem: 'must be true or false' });
  const number = numberOf(query.number, country, problems);
  if (problems.length > 0) throw validationError(problems, 'The messages query is not valid');
  let select = inboundSms(db, studioId).select([...MESSAGE_COLUMNS]);
  if (query.unread === 'true') select = select.where('read_at', 'is', null);
  if (query.unread === 'false') select = select.where('read_at', 'is not', null);
  if (number !== null) select = select.where('from_address', '=', number);
  const rows = (await select
    .orderBy((eb) => eb.case().when('read_at', 'is', null).then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .offset(offset)
    .execute()) as LooseRow[];
  return {
    data: rows.slice(0, limit).map(messageJson),
    next_offset: rows.length > limit ? offset + limit : null,
  };
}

/**
 * One row per number that has texted the studio: its client, unread count, last message; threads
 * with unread messages first, then by the latest message.
 */
export async function listMessageThreads(db: Db, studioId: number) {
  const rows = (await inboundSms(db, studioId)
    .select((eb) => [
      'from_address',
      eb.fn.max('created_at').as('last_at'),
      eb.fn.max('id').as('last_id'),
      eb.fn.countAll().as('messages'),
      eb.fn.sum(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
    ])
    .groupBy('from_address')
    .execute()) as LooseRow[];
  const lastIds = rows.map((r) => Number(r.last_id));
  const last = new Map<number, LooseRow>();
  for (let i = 0; i < lastIds.length; i += 500) {
    const chunk = (await inboundSms(db, studioId)
      .select([...MESSAGE_COLUMNS])
      .where('id', 'in', lastIds.slice(i, i + 500))
      .execute()) as LooseRow[];
    for (const row of chunk) last.set(Number(row.id), row);
  }
  return {
    data: rows
      .map((r) => {
        const message = last.get(Number(r.last_id));
        return {
          number: r.from_address,
          client_id: message?.client_id == null ? null : Number(message.client_id),
          messages: Number(r.messages),
          unread: Number(r.unread),
          last_message: message ? messageJson(message) : null,
        };
      })
      .sort(
        (a, b) =>
          Number(b.unread > 0) - Number(a.unread > 0) ||
          String(b.last_message?.received_at).localeCompare(String(a.last_message?.received_at)),
      ),
  };
}

export async function getMessageRow(db: Db, studioId: number, id: number): Promise<LooseRow> {
  const row = (await inboundSms(db, studioId)
    .select([...MESSAGE_COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!row) throw notFound('Message', id);
  return row;
}

/** A message with its thread: every SMS to and from its number, oldest first (the last 200). */
export async function getMessage(db: Db, studioId: number, id: number) {
  const row = await getMessageRow(db, studioId, id);
  const number = String(row.from_address);
  const thread = (await loose(db)
    .selectFrom('communications')
    .select(['id', 'direction', 'purpose', 'body_text', 'created_at', 'read_at'])
    .where('studio_id', '=', studioId)
    .where('channel', '=', 'sms')
    .where((eb) =>
      eb.or([
        eb.and([eb('direction', '=', 'inbound'), eb('from_address', '=', number)]),
        eb.and([eb('direction', '=', 'outbound'), eb('to_address', '=', number)]),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()) as LooseRow[];
  return {
    ...messageJson(row),
    thread: thread.reverse().map((t) => ({
      id: Number(t.id),
      direction: t.direction,
      purpose: t.purpose,
      body: t.body_text,
      at: t.created_at,
    })),
  };
}

/** Marks a message read (now) or unread again. Reading does not move `updated_at`: it changes nothing a trigger sees. */
export async function markMessage(db: Db, studioId: number, id: number, read: boolean, at: Date) {
  const row = await getMessageRow(db, studioId, id);
  if ((row.read_at == null) === read) {
    await loose(db)
      .updateTable('communications')
      .set({ read_at: read ? at.toISOString() : null })
      .where('studio_id', '=', studioId)
      .where('id', '=', id)
      .execute();
  }
  return messageJson(await getMessageRow(db, studioId, id));
}
