import { sql } from 'kysely';
import { notFound, validationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import { loadStudioContext } from '../store/studio-context.js';
import { recordLabels } from './record-labels.js';

/**
 * The Process Triggers queue (SPEC §3.5): pending items grouped by trigger, and the items of the
 * queue a page at a time (a studio may have thousands), oldest trigger date first, each with its
 * record's name and client (record-labels.ts).
 */
export async function queueGroups(db: Db, studioId: number) {
  const rows = (await loose(db)
    .selectFrom('triggered_items as i')
    .innerJoin('triggers as t', 't.id', 'i.trigger_id')
    .select([
      't.id',
      't.name',
      't.trigger_type',
      't.action',
      't.processing',
      sql<number>`count(*)`.as('pending'),
      sql<string>`min(i.trigger_date)`.as('oldest_trigger_date'),
    ])
    .where('i.studio_id', '=', studioId)
    .where('i.state', '=', 'pending')
    .groupBy(['t.id', 't.name', 't.trigger_type', 't.action', 't.processing'])
    .orderBy('t.name')
    .execute()) as LooseRow[];
  return rows.map((row) => ({
    trigger_id: Number(row.id),
    name: row.name,
    trigger_type: row.trigger_type,
    action: row.action,
    processing: row.processing,
    pending: Number(row.pending),
    oldest_trigger_date: row.oldest_trigger_date,
  }));
}

const ITEM_COLUMNS = [
  'id',
  'trigger_id',
  'record_kind',
  'record_id',
  'occurrence_key',
  'anchor_value',
  'trigger_date',
  'state',
  'reason',
  'channel_used',
  'result',
  'created_at',
  'updated_at',
] as const;

export async function queueItems(
  db: Db,
  studioId: number,
  query: { trigger_id?: string; cursor?: string; limit?: string },
) {
  const problems = [];
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    problems.push({ path: 'limit', problem: 'must be a whole number from 1 to 1000' });
  }
  const triggerId = query.trigger_id === undefined ? null : Number(query.trigger_id);
  if (triggerId !== null && !(Number.isSafeInteger(triggerId) && triggerId > 0)) {
    problems.push({ path: 'trigger_id', problem: 'must be an id (a positive whole number)' });
  }
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && cursor === null)
    problems.push({ path: 'cursor', problem: 'is not a cursor this list gave out' });
  if (problems.length > 0) throw validationError(problems, 'The queue query is not valid');
  let select = loose(db)
    .selectFrom('triggered_items')
    .select([...ITEM_COLUMNS])
    .where('studio_id', '=', studioId)
    .where('state', '=', 'pending');
  if (triggerId !== null) select = select.where('trigger_id', '=', triggerId);
  if (cursor) {
    select = select.where((eb) =>
      eb.or([
        eb('trigger_date', '>', cursor.date),
        eb.and([eb('trigger_date', '=', cursor.date), eb('id', '>', cursor.id)]),
      ]),
    );
  }
  const rows = (await select
    .orderBy('trigger_date')
    .orderBy('id')
    .limit(limit + 1)
    .execute()) as LooseRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const timeZone = (await loadStudioContext(db, studioId))?.timeZone ?? 'UTC';
  const labels = await recordLabels(db, studioId, timeZone, page);
  const unnamed = { record_label: null, client_name: null };
  return {
    data: page.map((row) => ({
      ...withResult(row),
      ...(labels.get(`${String(row.record_kind)}:${String(row.record_id)}`) ?? unnamed),
    })),
    next_cursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ date: last.trigger_date, id: last.id })).toString('base64url')
        : null,
  };
}

/** One item in any state, with every transition: the answer to "what happened to it, and why". */
export async function itemWithHistory(db: Db, studioId: number, itemId: number) {
  const item = (await loose(db)
    .selectFrom('triggered_items')
    .select([...ITEM_COLUMNS])
    .where('studio_id', '=', studioId)
    .where('id', '=', itemId)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!item) throw notFound('Triggered item', itemId);
  const history = await loose(db)
    .selectFrom('triggered_item_transitions')
    .select(['at', 'from_state', 'to_state', 'actor', 'user_id', 'reason'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();
  return { ...withResult(item), history };
}

function decodeCursor(text: string): { date: string; id: number } | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      date?: unknown;
      id?: unknown;
    };
    if (typeof value.date !== 'string' || !Number.isSafeInteger(value.id)) return null;
    return { date: value.date, id: value.id as number };
  } catch {
    return null;
  }
}

/** The item's processing result is stored as JSON text. */
function withResult(item: LooseRow): Record<string, unknown> {
  return { ...item, result: item.result == null ? null : (JSON.parse(String(item.result)) as unknown) };
}
