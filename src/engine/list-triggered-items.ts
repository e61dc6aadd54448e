import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { clientSteps, type ClientStep } from '../domain/record-kinds/client-steps.js';
import { RECORD_KINDS } from '../domain/record-kinds/index.js';
import { validationError, type ProblemDetail } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import { afterCursor, decodeCursor, encodeCursor, type Cursor } from '../store/keyset-cursor.js';
import { loose, type LooseRow } from '../store/record-table.js';

export const ITEM_STATES = ['pending', 'processed', 'skipped', 'deleted', 'withdrawn', 'expired'] as const;
const KIND_NAMES = RECORD_KINDS.map((kind) => kind.name as string);
const SORT = 'trigger_date_desc';

export interface TriggeredItemQuery {
  record_kind?: string;
  record_id?: string;
  client_id?: string;
  state?: string;
  cursor?: string;
  limit?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Eb = ExpressionBuilder<any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type IdSelect = SelectQueryBuilder<any, any, any>;

/**
 * The trigger history of a record, or of a client with everything that leads to it (sessions,
 * appointments, invoices and their production orders…): its triggered items in every state, newest
 * trigger date first, a page at a time. Each row names its trigger and when its state last changed.
 * Items outlive their record (a deleted record's are withdrawn), so an unknown record is an empty
 * history rather than a 404.
 */
export async function listTriggeredItems(db: Db, studioId: number, query: TriggeredItemQuery) {
  const filter = parseQuery(query);
  let select = loose(db)
    .selectFrom('triggered_items')
    .select([
      'id',
      'trigger_id',
      (eb) =>
        eb
          .selectFrom('triggers')
          .select('triggers.name')
          .whereRef('triggers.id', '=', 'triggered_items.trigger_id')
          .as('trigger_name'),
      'record_kind',
      'record_id',
      'state',
      'reason',
      'trigger_date',
      'channel_used',
      (eb) =>
        eb
          .selectFrom('triggered_item_transitions as t')
          .select(sql<string>`max(t.at)`.as('at'))
          .whereRef('t.item_id', '=', 'triggered_items.id')
          .as('last_transition_at'),
    ])
    .where('studio_id', '=', studioId);
  if (filter.record) {
    select = select.where('record_kind', '=', filter.record.kind).where('record_id', '=', filter.record.id);
  }
  if (filter.clientId !== null) {
    const clientId = filter.clientId;
    select = select.where((eb) => eb.or(clientBranches(eb, studioId, clientId)));
  }
  if (filter.state !== null) select = select.where('state', '=', filter.state);
  if (filter.cursor) {
    const cursor = filter.cursor;
    select = select.where((eb) => afterCursor(eb, 'trigger_date', cursor, true));
  }
  const rows = (await select
    .orderBy('trigger_date', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute()) as LooseRow[];
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((row) => ({ ...row, id: Number(row.id), record_id: Number(row.record_id) })),
    next_cursor:
      rows.length > filter.limit && last
        ? encodeCursor({ s: SORT, v: String(last.trigger_date), id: Number(last.id) })
        : null,
  };
}

/** One condition per kind that leads to a client: the item is on a record reaching `clientId`. */
function clientBranches(eb: Eb, studioId: number, clientId: number) {
  return RECORD_KINDS.flatMap((kind) => {
    const steps = clientSteps(kind);
    if (steps === null) return [];
    const onKind = eb('record_kind', '=', kind.name);
    if (steps.length === 0) return [eb.and([onKind, eb('record_id', '=', clientId)])];
    return [eb.and([onKind, eb('record_id', 'in', idsReaching(eb, studioId, clientId, steps))])];
  });
}

/** The ids of the first step's records whose chain of references ends at the client. */
function idsReaching(eb: Eb, studioId: number, clientId: number, steps: readonly ClientStep[]): IdSelect {
  const [step, ...rest] = steps as [ClientStep, ...ClientStep[]];
  const base = eb.selectFrom(step.kind.table).select('id').where('studio_id', '=', studioId);
  return rest.length === 0
    ? base.where(step.field, '=', clientId)
    : base.where(step.field, 'in', idsReaching(eb, studioId, clientId, rest));
}

interface Filter {
  record: { kind: string; id: number } | null;
  clientId: number | null;
  state: string | null;
  cursor: Cursor | null;
  limit: number;
}

/** Every problem of the query at once, each naming its parameter. */
function parseQuery(query: TriggeredItemQuery): Filter {
  const problems: ProblemDetail[] = [];
  const id = (name: 'record_id' | 'client_id') => {
    const raw = query[name];
    if (raw === undefined) return null;
    const value = Number(raw);
    if (/^\d+$/.test(raw) && Number.isSafeInteger(value) && value > 0) return value;
    problems.push({ path: name, problem: 'must be an id (a positive whole number)' });
    return null;
  };
  const recordId = id('record_id');
  const clientId = id('client_id');
  const kind = query.record_kind;
  if (kind !== undefined && !KIND_NAMES.includes(kind))
    problems.push({ path: 'record_kind', problem: `must be one of ${KIND_NAMES.join(', ')}` });
  if (kind !== undefined && query.record_id === undefined)
    problems.push({ path: 'record_id', problem: 'is required with record_kind' });
  if (kind === undefined && query.record_id !== undefined)
    problems.push({ path: 'record_kind', problem: 'is required with record_id' });
  if (query.client_id !== undefined && (kind !== undefined || query.record_id !== undefined))
    problems.push({ path: 'client_id', problem: 'cannot be combined with record_kind and record_id' });
  const state = query.state ?? null;
  if (state !== null && !(ITEM_STATES as readonly string[]).includes(state))
    problems.push({ path: 'state', problem: `must be one of ${ITEM_STATES.join(', ')}` });
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    problems.push({ path: 'limit', problem: 'must be a whole number from 1 to 500' });
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, 'string');
  if (query.cursor !== undefined && (cursor === null || cursor.s !== SORT || cursor.v === null))
    problems.push({ path: 'cursor', problem: 'is not a cursor this list gave out' });
  if (problems.length > 0) throw validationError(problems, 'The triggered items query is not valid');
  return {
    record: kind !== undefined && recordId !== null ? { kind, id: recordId } : null,
    clientId,
    state,
    cursor,
    limit,
  };
}
