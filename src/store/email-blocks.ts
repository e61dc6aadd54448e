import type { Transaction } from 'kysely';
import { conflict, notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';

/**
 * The studio's email block list (SPEC §5): hard bounces and spam reports put an address on it, and
 * processing refuses to email a blocked address (src/domain/usable-address.ts). Rows are never
 * deleted: lifting a block stamps who lifted it, when and why, and a later bounce adds a new row,
 * so the rows of an address are its history. A partial unique index keeps one block in force.
 */
export async function blockEmailAddress(
  trx: Db | Transaction<Database>,
  studioId: number,
  block: { readonly address: string; readonly reason: string; readonly emailEventId: number | null },
  at: Date,
): Promise<boolean> {
  const stamp = at.toISOString();
  const inserted = await loose(trx)
    .insertInto('email_blocks')
    .values({
      studio_id: studioId,
      address: block.address.toLowerCase(),
      reason: block.reason,
      email_event_id: block.emailEventId,
      created_at: stamp,
      updated_at: stamp,
    })
    // Already blocked: the first reason stands.
    .onConflict((oc) => oc.columns(['studio_id', 'address']).where('lifted_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface EmailBlockQuery {
  address?: string;
  /** `true`: lifted blocks too (the history); by default only blocks in force. */
  include_lifted?: string;
  before?: string;
  limit?: string;
}

const COLUMNS = [
  'id',
  'address',
  'reason',
  'email_event_id',
  'created_at',
  'lifted_at',
  'lifted_by_user_id',
  'lift_note',
] as const;

/** The block list, newest first, a page at a time (`before` = the last id of the previous page). */
export async function listEmailBlocks(db: Db, studioId: number, query: EmailBlockQuery) {
  const problems: ProblemDetail[] = [];
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    problems.push({ path: 'limit', problem: 'must be a whole number from 1 to 500' });
  const before = query.before === undefined ? null : Number(query.before);
  if (before !== null && (!Number.isSafeInteger(before) || before < 1))
    problems.push({ path: 'before', problem: 'must be an id (a positive whole number)' });
  if (query.include_lifted !== undefined && !['true', 'false'].includes(query.include_lifted))
    problems.push({ path: 'include_lifted', problem: 'must be true or false' });
  if (problems.length > 0) throw validationError(problems, 'The block list query is not valid');
  let select = loose(db)
    .selectFrom('email_blocks')
    .select([...COLUMNS])
    .where('studio_id', '=', studioId);
  if (query.include_lifted !== 'true') select = select.where('lifted_at', 'is', null);
  if (query.address !== undefined) select = select.where('address', '=', query.address.trim().toLowerCase());
  if (before !== null) select = select.where('id', '<', before);
  const rows = (await select
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()) as LooseRow[];
  const page = rows.slice(0, limit).map(blockJson);
  return { data: page, next_before: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/**
 * Lifts a block in force: the address can be emailed again, and the row keeps who lifted it, when
 * and the note. A block already lifted is a 409 that says by whom, not a second lift.
 */
export async function liftEmailBlock(
  db: Db,
  studioId: number,
  id: number,
  lift: { readonly userId: number; readonly note: string | null },
  at: Date,
) {
  const stamp = at.toISOString();
  const lifted = await loose(db)
    .updateTable('email_blocks')
    .set({ lifted_at: stamp, lifted_by_user_id: lift.userId, lift_note: lift.note, updated_at: stamp })
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .returning([...COLUMNS])
    .executeTakeFirst();
  if (lifted) return blockJson(lifted as LooseRow);
  const row = (await loose(db)
    .selectFrom('email_blocks')
    .select(['lifted_at'])
    .where('studio_id', '=', studioId)
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!row) throw notFound('Email block', id);
  throw conflict(`Email block ${id} was already lifted at ${String(row.lifted_at)}`);
}

function blockJson(row: LooseRow) {
  return {
    id: Number(row.id),
    address: String(row.address),
    reason: String(row.reason),
    email_event_id: row.email_event_id == null ? null : Number(row.email_event_id),
    blocked_at: String(row.created_at),
    lifted_at: row.lifted_at ?? null,
    lifted_by_user_id: row.lifted_by_user_id == null ? null : Number(row.lifted_by_user_id),
    lift_note: row.lift_note ?? null,
  };
}
