import type { Transaction } from 'kysely';
import { AppError, conflict } from '../../domain/errors.js';
import { recordKind } from '../../domain/record-kinds/index.js';
import { validateRecordInput } from '../../domain/validate-record-input.js';
import type { Answer } from '../../domain/web-forms/check-form-answers.js';
import type { BoundKind } from '../../domain/web-forms/form-bindings.js';
import type { FormField } from '../../domain/web-forms/form-definition.js';
import { applyRecordUpdate } from '../../store/records.js';
import type { Database } from '../../store/schema.js';
import type { Actor, StudioContext } from '../../store/studio-context.js';
import { boundUpdates, readBoundRecords, type BoundIds } from './bound-values.js';

/** A bound write the record store refused, with its problems moved onto the form's fields. */
export class BoundWriteRefused extends Error {
  constructor(readonly problems: Map<string, string>) {
    super('A bound record refused the answers');
  }
}

/** A client sent a form: the record store's own actor for what a form writes. */
export const FORM_ACTOR: Actor = { userId: null, source: 'web_form' };

// The client first: it is there for every form, so a form about a missing session fails after a
// write, and the test of the transaction can see that nothing stayed.
const ORDER: readonly BoundKind[] = ['client', 'session', 'invoice'];

/**
 * Writes the answers of bound fields to their records through the record store's update, inside
 * the caller's transaction: validation, status rules, history, the consent ledger and `updated_at`
 * (which the engine re-checks) behave exactly as for a staff edit. Any refusal throws, and the
 * caller's transaction takes every write of the submission back.
 */
export async function writeBoundRecords(
  trx: Transaction<Database>,
  studio: StudioContext,
  fields: readonly FormField[],
  answers: Record<string, Answer>,
  ids: BoundIds,
  now: Date,
): Promise<void> {
  const records = await readBoundRecords(trx, studio, fields, ids);
  const updates = boundUpdates(fields, answers, records);
  for (const kindName of ORDER) {
    const body = updates[kindName];
    if (!body) continue;
    const id = ids[kindName];
    if (id == null || !records[kindName]) {
      throw conflict(`The ${kindName} this form is about no longer exists`);
    }
    const kind = recordKind(kindName);
    const checked = validateRecordInput(kind, body, { mode: 'update', country: studio.country });
    try {
      await applyRecordUpdate(trx, studio, kind, id, checked, FORM_ACTOR, now);
    } catch (error) {
      if (!(error instanceof AppError) || error.details.length === 0) throw error;
      throw new BoundWriteRefused(problemsOnFields(fields, kindName, error.details));
    }
  }
}

/** `first_name` or `emails.0.address` of a client, on the form field bound to it. */
export function problemsOnFields(
  fields: readonly FormField[],
  kind: BoundKind,
  details: readonly { path: string; problem: string }[],
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const detail of details) {
    const head = detail.path.split('.')[0] ?? '';
    const listField = head === 'emails' ? 'email' : head === 'phones' ? 'phone' : head;
    const field = fields.find((f) => f.bound?.kind === kind && f.bound.field.name === listField);
    const name = field?.name ?? fields[0]?.name ?? '';
    if (!problems.has(name)) problems.set(name, detail.problem);
  }
  return problems;
}
