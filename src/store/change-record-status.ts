import type { Transaction } from 'kysely';
import { notFound, validationError } from '../domain/errors.js';
import type { RecordKind } from '../domain/record-kinds/index.js';
import { changeStatus, type StatusChange } from './change-status.js';
import { referenceProblems } from './record-references.js';
import { getRecord, type RecordDeps } from './records.js';
import { loose, type LooseRow } from './record-table.js';
import type { RecordJson } from './row-mapping.js';
import type { Database } from './schema.js';
import type { Actor, StudioContext } from './studio-context.js';

/**
 * The status-change operation of the API: checks that the status fits the record (its kind, its
 * type where statuses are scoped, not inactive) and applies it with history. Entering the status the
 * record is already in starts a new stay, as the reference product's "Change Status" does.
 */
export async function changeRecordStatus(
  { db, clock }: RecordDeps,
  studio: StudioContext,
  kind: RecordKind,
  id: number,
  change: StatusChange,
  actor: Actor,
): Promise<RecordJson> {
  const now = clock.now();
  await db.transaction().execute((trx) => applyStatusChange(trx, studio, kind, id, change, actor, now));
  return getRecord(db, studio, kind, id);
}

/** The part of `changeRecordStatus` that runs inside the caller's transaction. */
export async function applyStatusChange(
  trx: Transaction<Database>,
  studio: StudioContext,
  kind: RecordKind,
  id: number,
  change: StatusChange,
  actor: Actor,
  now: Date,
): Promise<void> {
  const current = (await loose(trx)
    .selectFrom(kind.table)
    .selectAll()
    .where('studio_id', '=', studio.id)
    .where('id', '=', id)
    .executeTakeFirst()) as LooseRow | undefined;
  if (!current) throw notFound(kind.label, id);
  if (change.statusId !== null) {
    const merged = { ...current, status_id: change.statusId };
    const problems = await referenceProblems(trx, studio.id, kind, merged, new Set(['status_id']));
    if (problems.length > 0) throw validationError(problems);
  }
  await changeStatus(trx, studio, kind, id, change, actor, now);
}
