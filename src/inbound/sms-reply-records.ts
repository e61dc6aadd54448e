import type { Transaction } from 'kysely';
import { recordKind, type RecordKindName } from '../domain/record-kinds/index.js';
import { validateRecordInput } from '../domain/validate-record-input.js';
import { applyRecordUpdate } from '../store/records.js';
import type { Database } from '../store/schema.js';
import type { Actor, StudioContext } from '../store/studio-context.js';
import { findStudioRow } from '../store/studio-row.js';

const ACTOR: Actor = { userId: null, source: 'system' };
const NPS_COMMENT_MAX = 2000;

interface About {
  readonly kind: string;
  readonly id: number;
}

interface Done {
  readonly outcome: string;
  readonly note: string;
  readonly record: About;
}

/**
 * A YES to an SMS Confirmation Message: the session or appointment it was about becomes confirmed,
 * through the record store like a change by staff (its `updated_at` moves, so triggers on the
 * record see it at the next pass). A record already confirmed is left as it is.
 */
export async function confirmRecord(
  trx: Transaction<Database>,
  studio: StudioContext,
  about: About,
  now: Date,
): Promise<Done> {
  if (about.kind !== 'session' && about.kind !== 'appointment') {
    return {
      outcome: 'message',
      note: `a ${about.kind} cannot be confirmed; kept as a message`,
      record: about,
    };
  }
  const kind = recordKind(about.kind as RecordKindName);
  const row = await findStudioRow(trx, kind.table, studio.id, about.id);
  if (!row) return { outcome: 'message', note: `${kind.label} ${about.id} no longer exists`, record: about };
  if (row.confirmed === 1)
    return { outcome: 'confirmed', note: `${kind.label} ${about.id} was already confirmed`, record: about };
  const checked = validateRecordInput(kind, { confirmed: true }, { mode: 'update', country: studio.country });
  await applyRecordUpdate(trx, studio, kind, about.id, checked, ACTOR, now);
  return { outcome: 'confirmed', note: `${kind.label} ${about.id} was confirmed`, record: about };
}

/** An answer to an NPS SMS: the session's score, comment and NPS receipt date. */
export async function recordNpsAnswer(
  trx: Transaction<Database>,
  studio: StudioContext,
  about: About,
  answer: { readonly score: number; readonly comment: string | null },
  now: Date,
): Promise<Done> {
  const kind = recordKind('session');
  const row = await findStudioRow(trx, kind.table, studio.id, about.id);
  if (!row) return { outcome: 'message', note: `Session ${about.id} no longer exists`, record: about };
  const comment =
    answer.comment === null ? null : Array.from(answer.comment).slice(0, NPS_COMMENT_MAX).join('');
  const checked = validateRecordInput(
    kind,
    { nps_score: answer.score, nps_comment: comment, nps_received_at: now.toISOString() },
    { mode: 'update', country: studio.country },
  );
  await applyRecordUpdate(trx, studio, kind, about.id, checked, ACTOR, now);
  return {
    outcome: 'nps_recorded',
    note: `score ${answer.score} recorded on session ${about.id}`,
    record: about,
  };
}
