import type { Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import { statusRowProblems } from '../domain/catalog-rules.js';
import { templateDefinitionProblems } from '../domain/web-forms/template-definition-problems.js';
import type { Clock } from '../domain/clock.js';
import { notFound, validationError, type ProblemDetail } from '../domain/errors.js';
import { loyaltyRewardRowProblems } from '../domain/loyalty-reward-rules.js';
import { recordKind, type RecordKind } from '../domain/record-kinds/index.js';
import { validateRecordInput, type StoredRow, type ValidatedInput } from '../domain/validate-record-input.js';
import { changeStatus } from './change-status.js';
import { recordConsentChanges } from './consent-ledger.js';
import type { Db } from './database.js';
import { attachCollections, writeCollections } from './record-collections.js';
import { refuseDuplicates } from './duplicate-values.js';
import { referenceProblems } from './record-references.js';
import { loose, type LooseRow } from './record-table.js';
import { creditReferral, enrolmentStamp, referredClientOfWrite } from './referral-credit.js';
import { recordJson, type RecordJson } from './row-mapping.js';
import type { Database } from './schema.js';
import { deleteConflict, uniqueConflict } from './sql-errors.js';
import type { Actor, StudioContext } from './studio-context.js';
import { findStudioRow } from './studio-row.js';
import { withdrawItemsOfDeletedRecord } from './withdraw-deleted-record-items.js';

export interface WriteOptions {
  /** Values come from text (CSV import): numbers and booleans may be spelled out. */
  fromText?: boolean;
}

/** Deps every record operation takes. */
export interface RecordDeps {
  db: Db;
  clock: Clock;
}

export async function getRecord(
  db: Db,
  studio: StudioContext,
  kind: RecordKind,
  id: number,
): Promise<RecordJson> {
  const row = await findRow(db, studio.id, kind, id);
  if (!row) throw notFound(kind.label, id);
  const record = recordJson(kind, row);
  await attachCollections(db, kind, [record]);
  return record;
}

async function findRow(
  db: Db,
  studioId: number,
  kind: RecordKind,
  id: number,
): Promise<LooseRow | undefined> {
  return findStudioRow(db, kind.table, studioId, id);
}

/** A new record's stored values and child rows, checked and with defaults filled in. */
export interface NewRecord {
  values: StoredRow;
  collections: Record<string, StoredRow[]>;
}

/**
 * Checks a create body field by field and fills defaults, without the database, so that a caller
 * can check every row of a file before it writes any of them. Returns every problem found.
 */
export function checkNewRecord(
  studio: StudioContext,
  kind: RecordKind,
  input: unknown,
  now: Date,
  options: WriteOptions = {},
): { record: NewRecord; problems: ProblemDetail[] } {
  const checked = validateRecordInput(kind, input, { mode: 'create', country: studio.country, ...options });
  const values = { ...checked.values };
  for (const field of kind.fields) {
    if (values[field.name] != null) continue;
    if (field.defaultFrom === 'now') values[field.name] = now.toISOString();
    else if (field.defaultFrom) values[field.name] = values[field.defaultFrom] ?? null;
    if (field.generated === 'secret') values[field.name] = randomBytes(32).toString('base64url');
  }
  return {
    record: { values, collections: checked.collections },
    problems: [...checked.problems, ...kindRowProblems(kind, values)],
  };
}

/**
 * Creates a record: validates every field, checks references inside the studio, fills defaults,
 * and writes the row, its child rows, its first status-history row and consent-ledger rows in one
 * transaction. Bad input changes nothing, and every problem is reported at once: those of the
 * fields and those of the references that could be read.
 */
export async function createRecord(
  { db, clock }: RecordDeps,
  studio: StudioContext,
  kind: RecordKind,
  input: unknown,
  actor: Actor,
  options: WriteOptions = {},
): Promise<RecordJson> {
  const now = clock.now();
  const { record, problems } = checkNewRecord(studio, kind, input, now, options);
  const id = await writeTransaction(db, kind, (trx) =>
    insertRecord(trx, studio, kind, record, actor, now, problems),
  );
  return getRecord(db, studio, kind, id);
}

/**
 * Writes a checked new record inside the caller's transaction and returns its id: the part of
 * `createRecord` that the CSV import and the demo repeat for many records in one transaction.
 * References and unique values are checked here, against the transaction's view of the studio,
 * and reported together with the field problems the caller found.
 */
export async function insertRecord(
  trx: Transaction<Database>,
  studio: StudioContext,
  kind: RecordKind,
  record: NewRecord,
  actor: Actor,
  now: Date,
  fieldProblems: readonly ProblemDetail[] = [],
): Promise<number> {
  const at = now.toISOString();
  const { values } = record;
  const problems = [
    ...fieldProblems,
    ...(await referenceProblems(trx, studio.id, kind, values, new Set(Object.keys(values)))),
  ];
  if (problems.length > 0) throw validationError(problems);
  await refuseDuplicates(trx, studio.id, kind, values, null);
  const { status_id: statusId, ...row } = values;
  for (const field of kind.fields) {
    if (field.anchor && row[field.name] != null) row[`${field.name}_set_at`] = at;
  }
  Object.assign(row, enrolmentStamp(kind, values, at));
  const inserted = await loose(trx)
    .insertInto(kind.table)
    .values({ ...row, studio_id: studio.id, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recordId = Number(inserted.id);
  await writeCollections(trx, kind, studio.id, recordId, record.collections, at);
  if (kind.status && statusId != null) {
    await changeStatus(trx, studio, kind, recordId, { statusId: Number(statusId) }, actor, now);
  }
  if (kind.name === 'client')
    await recordConsentChanges(trx, kind, studio.id, recordId, null, values, actor, at);
  const referred = referredClientOfWrite(kind, recordId, values, values, actor);
  if (referred !== null) await creditReferral(trx, studio, referred, now);
  return recordId;
}

/**
 * Updates the fields given (a partial update). A change of status goes through `changeStatus`, so
 * history is always written; moving a reschedule field (session start or end) clears `confirmed`
 * unless the same request confirms it; a changed date anchor gets a new `<field>_set_at` (null
 * when the anchor is cleared: no value, no occurrence). A request that changes nothing writes
 * nothing, so `updated_at` (which the engine scans for changed records) stays put.
 */
export async function updateRecord(
  { db, clock }: RecordDeps,
  studio: StudioContext,
  kind: RecordKind,
  id: number,
  input: unknown,
  actor: Actor,
  options: WriteOptions = {},
): Promise<RecordJson> {
  const checked = validateRecordInput(kind, input, { mode: 'update', country: studio.country, ...options });
  const now = clock.now();
  await writeTransaction(db, kind, (trx) => applyRecordUpdate(trx, studio, kind, id, checked, actor, now));
  return getRecord(db, studio, kind, id);
}

/** The part of `updateRecord` that runs inside the caller's transaction, given checked input. */
export async function applyRecordUpdate(
  trx: Transaction<Database>,
  studio: StudioContext,
  kind: RecordKind,
  id: number,
  checked: ValidatedInput,
  actor: Actor,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const current = await findRow(trx, studio.id, kind, id);
  if (!current) throw notFound(kind.label, id);
  const changes: StoredRow = {};
  for (const [name, value] of Object.entries(checked.values)) {
    if (current[name] !== value) changes[name] = value;
  }
  const problems: ProblemDetail[] = [...checked.problems];
  for (const field of kind.fields) {
    if (field.immutable && field.name in changes) {
      problems.push({ path: field.name, problem: 'cannot be changed once the record exists' });
    }
  }
  const merged = { ...current, ...changes };
  problems.push(...kindRowProblems(kind, merged));
  problems.push(...(await referenceProblems(trx, studio.id, kind, merged, new Set(Object.keys(changes)))));
  if (problems.length > 0) throw validationError(problems);
  await refuseDuplicates(trx, studio.id, kind, changes, id);
  if (Object.keys(changes).length === 0 && Object.keys(checked.collections).length === 0) return;

  const { status_id: statusId, ...row } = changes;
  const rescheduled = (kind.reschedule ?? []).some((name) => name in changes);
  if (rescheduled && checked.values.confirmed !== 1) row.confirmed = 0;
  for (const field of kind.fields) {
    if (field.anchor && field.name in changes) {
      row[`${field.name}_set_at`] = changes[field.name] === null ? null : at;
    }
  }
  Object.assign(row, enrolmentStamp(kind, changes, at));
  await loose(trx)
    .updateTable(kind.table)
    .set({ ...row, updated_at: at })
    .where('studio_id', '=', studio.id)
    .where('id', '=', id)
    .execute();
  await writeCollections(trx, kind, studio.id, id, checked.collections, at);
  if (kind.status && statusId !== undefined) {
    await changeStatus(
      trx,
      studio,
      kind,
      id,
      { statusId: statusId === null ? null : Number(statusId) },
      actor,
      now,
    );
  }
  if (kind.name === 'client')
    await recordConsentChanges(trx, kind, studio.id, id, current, changes, actor, at);
  const referred = referredClientOfWrite(kind, id, changes, merged, actor);
  if (referred !== null) await creditReferral(trx, studio, referred, now);
}

/**
 * Deletes a record with its status history. A record still referred to is kept: 409. A record
 * owned by another (a family member by its client) changes its owner: the owner's `updated_at`
 * moves, so the engine re-checks the owner's items (a family member's birthday is withdrawn).
 */
export async function deleteRecord(
  { db, clock }: RecordDeps,
  studio: StudioContext,
  kind: RecordKind,
  id: number,
): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      const current = await findRow(trx, studio.id, kind, id);
      if (!current) throw notFound(kind.label, id);
      const owner = kind.fields.find((f) => f.ownedBy && f.ref);
      if (owner?.ref && owner.ref !== 'user' && current[owner.name] != null) {
        await loose(trx)
          .updateTable(recordKind(owner.ref).table)
          .set({ updated_at: clock.now().toISOString() })
          .where('studio_id', '=', studio.id)
          .where('id', '=', current[owner.name])
          .execute();
      }
      if (kind.status) {
        await trx
          .deleteFrom('status_history')
          .where('studio_id', '=', studio.id)
          .where('record_kind', '=', kind.name)
          .where('record_id', '=', id)
          .execute();
      }
      await withdrawItemsOfDeletedRecord(trx, studio.id, kind.name, id, clock.now().toISOString());
      await loose(trx)
        .deleteFrom(kind.table)
        .where('studio_id', '=', studio.id)
        .where('id', '=', id)
        .execute();
    });
  } catch (error) {
    const instead =
      kind.category === 'catalog' && kind.fields.some((f) => f.name === 'is_inactive')
        ? 'mark it inactive instead'
        : 'delete or change those records first';
    deleteConflict(error, `${kind.label} ${id}`, instead);
  }
}

function kindRowProblems(kind: RecordKind, row: StoredRow): ProblemDetail[] {
  if (kind.name === 'status') return statusRowProblems(row);
  if (kind.name === 'web_form_template') return templateDefinitionProblems(row);
  return kind.name === 'loyalty_reward' ? loyaltyRewardRowProblems(row) : [];
}

/**
 * Runs a create or update. The duplicate check above answers nearly every clash with the field
 * named; a unique index still decides between two requests racing for one value, and its violation
 * is a 409 too, not a 500.
 */
async function writeTransaction<T>(
  db: Db,
  kind: RecordKind,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (error) {
    return uniqueConflict(error, `The ${kind.label.toLowerCase()} clashes with another one`);
  }
}
