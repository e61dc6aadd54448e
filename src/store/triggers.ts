import type { Transaction } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { AppError, notFound, validationError } from '../domain/errors.js';
import { baselineMoves } from '../domain/triggers/baseline-moves.js';
import type { TriggerDefinition } from '../domain/triggers/trigger-definition.js';
import { validateTrigger } from '../domain/triggers/validate-trigger.js';
import type { Db } from './database.js';
import { loose, type LooseRow } from './record-table.js';
import type { Database } from './schema.js';
import { deleteConflict } from './sql-errors.js';
import type { StudioContext } from './studio-context.js';
import { triggerReferenceProblems } from './trigger-reference-problems.js';
import { triggerDefinitionOf, triggerJson, triggerRow, type TriggerJson } from './trigger-rows.js';
import { findStudioRow } from './studio-row.js';

export interface TriggerDeps {
  db: Db;
  clock: Clock;
}

type DbOrTrx = Db | Transaction<Database>;

/** The studio's trigger row, or undefined: another studio's trigger is not found, like a missing one. */
export async function findTriggerRow(
  db: DbOrTrx,
  studioId: number,
  id: number,
): Promise<LooseRow | undefined> {
  return findStudioRow(db, 'triggers', studioId, id);
}

export async function getTrigger(db: Db, studio: StudioContext, id: number): Promise<TriggerJson> {
  const row = await findTriggerRow(db, studio.id, id);
  if (!row) throw notFound('Trigger', id);
  return triggerJson(row);
}

/**
 * Field problems first, then (when the fields are sound enough to name rows) the database's: every
 * problem is reported at once, and nothing is written when there is one.
 */
async function checkedDefinition(
  db: DbOrTrx,
  studio: StudioContext,
  input: unknown,
  mode: 'create' | 'update',
): Promise<TriggerDefinition> {
  const { definition, problems } = validateTrigger(input, mode);
  // References are read only where the fields that give them meaning (type, action) are valid.
  const shapeBroken = problems.some((p) => ['', 'trigger_type', 'action'].includes(p.path));
  if (!shapeBroken) {
    const named = problems.map((p) => p.path);
    const found = await triggerReferenceProblems(db as Db, studio.id, definition);
    problems.push(...found.filter((p) => !named.includes(p.path)));
  }
  if (problems.length > 0) throw validationError(problems, 'The trigger is not valid');
  return definition;
}

export async function createTrigger(
  { db, clock }: TriggerDeps,
  studio: StudioContext,
  input: unknown,
): Promise<TriggerJson> {
  const definition = await checkedDefinition(db, studio, input, 'create');
  return insertTrigger(db, studio, definition, clock.now());
}

async function insertTrigger(
  db: Db,
  studio: StudioContext,
  definition: TriggerDefinition,
  now: Date,
): Promise<TriggerJson> {
  const at = now.toISOString();
  const inserted = await loose(db)
    .insertInto('triggers')
    .values({
      ...triggerRow(definition),
      studio_id: studio.id,
      baseline_at: baselineMoves(null, definition) ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getTrigger(db, studio, Number(inserted.id));
}

/**
 * Changes the fields given: the change is merged into the stored trigger and the result checked as
 * a whole (a new trigger type is judged with the filters it keeps). Objects (offset, exclusions,
 * action settings, time frame) are replaced, not merged. The baseline moves to now when the
 * trigger becomes active or its occurrences change (`baselineMoves`).
 */
export async function updateTrigger(
  { db, clock }: TriggerDeps,
  studio: StudioContext,
  id: number,
  patch: unknown,
): Promise<TriggerJson> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw validationError([{ path: '', problem: 'must be an object' }]);
  }
  await db.transaction().execute(async (trx) => {
    const row = await findTriggerRow(trx, studio.id, id);
    if (!row) throw notFound('Trigger', id);
    const before = triggerDefinitionOf(row);
    const after = await checkedDefinition(trx, studio, { ...before, ...patch }, 'update');
    if (JSON.stringify(triggerRow(before)) === JSON.stringify(triggerRow(after))) return;
    const at = clock.now().toISOString();
    await loose(trx)
      .updateTable('triggers')
      .set({
        ...triggerRow(after),
        ...(baselineMoves(before, after) ? { baseline_at: at } : {}),
        updated_at: at,
      })
      .where('studio_id', '=', studio.id)
      .where('id', '=', id)
      .execute();
  });
  return getTrigger(db, studio, id);
}

/** Activation and deactivation: an update of `is_active` alone, with its baseline rule. */
export function setTriggerActive(
  deps: TriggerDeps,
  studio: StudioContext,
  id: number,
  active: boolean,
): Promise<TriggerJson> {
  return updateTrigger(deps, studio, id, { is_active: active });
}

/** An inactive copy named "Copy of …", so that it fires nothing until someone has looked at it. */
export async function copyTrigger(
  { db, clock }: TriggerDeps,
  studio: StudioContext,
  id: number,
): Promise<TriggerJson> {
  const row = await findTriggerRow(db, studio.id, id);
  if (!row) throw notFound('Trigger', id);
  const source = triggerDefinitionOf(row);
  const name = `Copy of ${source.name}`;
  if (name.length > 100) {
    throw new AppError('ERR_VALIDATION', 'The copy would need a name longer than 100 characters', [
      { path: 'name', problem: 'is too long to copy: shorten it first' },
    ]);
  }
  const definition = { ...source, name, is_active: false };
  return insertTrigger(db, studio, definition, clock.now());
}

/**
 * Deletes a trigger. Nothing refers to triggers yet; once triggered items do, a foreign key keeps
 * a trigger with items and this answers 409 (deactivate it instead), so its history stays readable.
 */
export async function deleteTrigger(db: Db, studio: StudioContext, id: number): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await findTriggerRow(trx, studio.id, id))) throw notFound('Trigger', id);
      await loose(trx)
        .deleteFrom('triggers')
        .where('studio_id', '=', studio.id)
        .where('id', '=', id)
        .execute();
    });
  } catch (error) {
    deleteConflict(error, `Trigger ${id}`, 'deactivate it instead');
  }
}
