import type { Transaction } from 'kysely';
import { localDateOf } from '../domain/local-date.js';
import { triggerDate } from '../domain/trigger-date.js';
import { disqualification, type QualificationRules } from '../domain/triggers/disqualification.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';
import type { StudioContext } from '../store/studio-context.js';
import { claimRow } from '../store/claim-row.js';
import { changesSince, evaluationTriggerOf, type EvaluationTrigger } from './evaluation-trigger.js';
import { findOccurrences, type Occurrence } from './find-occurrences.js';
import { isBaselined } from './is-baselined.js';
import { occurrenceItem } from './occurrence-item.js';
import { recordTransitions, type ItemActor, type Transition } from './item-transitions.js';
import { recheckItems } from './recheck-items.js';

export interface EvaluationCounts {
  /** Candidate occurrences and changed items read: the work a pass did. */
  examined: number;
  queued: number;
  withdrawn: number;
  restored: number;
}

/**
 * One evaluation pass of one trigger at `now` (SPEC §3.5), in one transaction:
 * 1. candidate occurrences (near the window of trigger dates since the last pass, or of records
 *    changed since) get their exact trigger date; an occurrence is due when that date has come and
 *    it is not baselined, i.e. its trigger date or its coming into existence is after the baseline;
 * 2. due occurrences that qualify become pending items, one per (trigger, occurrence key) by the
 *    unique index, so a second pass or a second worker adds nothing;
 * 3. items of records changed since the last pass are judged again: pending ones that stopped
 *    qualifying are withdrawn with the reason, withdrawn ones that qualify again are restored.
 * The pass then moves the trigger's watermark to `now`.
 */
export async function evaluateTrigger(
  db: Db,
  studio: StudioContext,
  listed: EvaluationTrigger,
  now: Date,
  actor: ItemActor = { actor: 'control_center', userId: null },
): Promise<EvaluationCounts> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Another worker may be evaluating this trigger, or may just have: claim it, and start from the
    // watermark as it is now, not as it was when the trigger list was read.
    const row = await claimRow(trx, 'triggers', listed.id);
    const trigger = row && row.is_active === 1 ? evaluationTriggerOf(row) : null;
    if (!trigger) return { examined: 0, queued: 0, withdrawn: 0, restored: 0 };
    const rules = rulesOf(trigger);
    const occurrences = await findOccurrences(trx, studio, trigger, now);
    const due: { occurrence: Occurrence; date: Date }[] = [];
    for (const occurrence of occurrences) {
      const date = dueDate(studio, trigger, occurrence, now);
      if (!date || judgedBefore(trigger, occurrence, date)) continue;
      if (disqualification(rules, occurrence.facts) === null) due.push({ occurrence, date });
    }
    const queued = await insertItems(trx, studio, trigger, due, actor, at);
    const rechecked = await recheckItems(trx, studio, trigger, rules, actor, at);
    await loose(trx).updateTable('triggers').set({ evaluated_at: at }).where('id', '=', trigger.id).execute();
    return {
      examined: occurrences.length + rechecked.examined,
      queued,
      withdrawn: rechecked.withdrawn,
      restored: rechecked.restored,
    };
  });
}

export function rulesOf(trigger: EvaluationTrigger): QualificationRules {
  return {
    type: trigger.type,
    anchor: trigger.dateOption.anchor,
    filterStatusId: trigger.filterStatusId,
    filterTypeId: trigger.filterTypeId,
    exclusions: trigger.exclusions,
  };
}

/**
 * Whether an earlier pass already judged this occurrence as it is: its trigger date lay within that
 * pass's window and neither the occurrence nor its record has changed since. The candidate query
 * reads a margin around the window (daylight saving, dates against instants, business days), so
 * without this a pass would judge and try to queue the same occurrences again for up to a week;
 * with it, a pass over an unchanged database writes nothing. Yearly and event anchors are always
 * judged: their finders select only what is new.
 */
function judgedBefore(trigger: EvaluationTrigger, occurrence: Occurrence, date: Date): boolean {
  const kind = trigger.dateOption.anchor.kind;
  if (kind === 'yearly' || kind === 'event') return false;
  const settled = changesSince(trigger).getTime();
  const updatedAt = occurrence.facts.record.updated_at;
  return (
    date.getTime() <= trigger.lastPassAt.getTime() &&
    new Date(occurrence.cameAt).getTime() <= settled &&
    typeof updatedAt === 'string' &&
    new Date(updatedAt).getTime() <= settled
  );
}

/**
 * The occurrence's trigger date if it is due now, else null. Baselined occurrences (both the
 * trigger date and the coming into existence at or before the baseline) never are; with "Triggered
 * Date is Past", an occurrence first seen after its trigger date's studio-local day is not either.
 */
export function dueDate(
  studio: StudioContext,
  trigger: EvaluationTrigger,
  occurrence: Occurrence,
  now: Date,
): Date | null {
  const date = triggerDate(occurrence.anchor, trigger.offset, studio.timeZone, studio.workWeek);
  if (date.getTime() > now.getTime()) return null;
  if (isBaselined(trigger, date, occurrence.cameAt)) return null;
  if (
    trigger.exclusions.date_is_past &&
    localDateOf(date, studio.timeZone) < localDateOf(now, studio.timeZone)
  ) {
    return null;
  }
  return date;
}

async function insertItems(
  trx: Transaction<Database>,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  due: readonly { occurrence: Occurrence; date: Date }[],
  actor: ItemActor,
  at: string,
): Promise<number> {
  let queued = 0;
  for (let i = 0; i < due.length; i += 500) {
    const chunk = due.slice(i, i + 500);
    const inserted = (await loose(trx)
      .insertInto('triggered_items')
      .values(
        chunk.map(({ occurrence, date }) => ({
          studio_id: studio.id,
          ...occurrenceItem(trigger, occurrence, date),
          state: 'pending',
          reason: null,
          channel_used: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['trigger_id', 'occurrence_key']).doNothing())
      .returning(['id', 'trigger_date'])
      .execute()) as LooseRow[];
    const transitions: Transition[] = inserted.map((row) => ({
      itemId: Number(row.id),
      from: null,
      to: 'pending',
      reason: `due: trigger date ${String(row.trigger_date)}`,
    }));
    await recordTransitions(trx, studio.id, transitions, actor, at);
    queued += inserted.length;
  }
  return queued;
}
