import type { SelectQueryBuilder } from 'kysely';
import { notFound } from '../domain/errors.js';
import { recordKind, type RecordKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import { findTriggerRow } from '../store/triggers.js';
import { evaluationTriggerOf, type EvaluationTrigger } from './evaluation-trigger.js';
import { explainOccurrence, type OccurrenceExplanation } from './explain-occurrence.js';
import { eventLabelOf, explainSummary } from './explain-summary.js';
import { eventAtColumn, eventOccurrenceOf, eventRows } from './event-rows.js';
import { occurrenceOf, type Occurrence } from './find-occurrences.js';
import { withLinkedSession } from './linked-session.js';
import { cameTooLate } from './latest-due-year.js';
import { itemWithHistory } from './list-queue.js';
import { unknownSenderSms } from './unknown-sender-sms.js';
import { yearlyRecordOccurrences } from './yearly-record-occurrences.js';

export interface Criterion {
  readonly criterion: string;
  readonly value: unknown;
  readonly expected: unknown;
  readonly pass: boolean;
}

/** A triggered item with its transitions, as `GET /api/v1/items/:id` shows it. */
export type ExplainedItem = Readonly<Record<string, unknown>> & { readonly history: readonly unknown[] };

export interface ExplainedOccurrence extends OccurrenceExplanation {
  readonly item: ExplainedItem | null;
  readonly verdict: string;
}

/**
 * "Why did / didn't this record get this trigger?" (SPEC §3.5): every criterion with the record's
 * value, every occurrence with its trigger date, baseline and exclusions, the item each one got
 * with its history, and a paragraph saying it in words. Reads only this trigger, this record, its
 * status-history rows, family members or events, and its items (all by index); a record or
 * trigger of another studio is not found, exactly like one that does not exist.
 */
export async function explainTrigger(
  db: Db,
  studio: StudioContext,
  triggerId: number,
  recordId: number,
  now: Date,
) {
  const row = await findTriggerRow(db, studio.id, triggerId);
  if (!row) throw notFound('Trigger', triggerId);
  // A trigger never activated has no baseline; the epoch stands in so that nothing counts as baselined.
  const trigger = evaluationTriggerOf({ ...row, baseline_at: row.baseline_at ?? new Date(0).toISOString() });
  if (!trigger) throw new Error(`Trigger ${triggerId} has a type or date option this version does not know`);
  const kind = recordKind(trigger.type.recordKind);
  const record = await recordRow(db, studio, trigger, kind, recordId);
  const active = row.is_active === 1 && row.baseline_at != null;
  const items = await recordItems(db, studio, trigger, recordId);
  const occurrences = await recordOccurrences(db, studio, trigger, kind, record, now, items);
  const judged = occurrences.map((occurrence) => explainOccurrence(studio, trigger, occurrence, now));
  const explained: ExplainedOccurrence[] = judged.map((one) => {
    const item = items.find((i) => i.occurrence_key === one.occurrence_key) ?? null;
    return { ...one, item, verdict: verdictOf(studio, judged, one, item, active, trigger) };
  });
  const keys = new Set(occurrences.map((o) => o.key));
  const criteria = criteriaOf(trigger, kind, record, active, explained);
  const answer = {
    trigger_id: trigger.id,
    trigger_name: String(row.name),
    record_kind: kind.name,
    record_id: recordId,
    now: now.toISOString(),
    baseline_at: row.baseline_at == null ? null : String(row.baseline_at),
    criteria,
    occurrences: explained,
    // Items of occurrences that no longer exist (a moved date, a status left and deleted from history).
    earlier_items: items.filter((i) => !keys.has(String(i.occurrence_key))),
    unknown_sender_sms: await unknownSenderSms(db, studio, trigger, recordId),
  };
  return {
    ...answer,
    summary: explainSummary({
      ...answer,
      kind,
      active,
      dateLabel: trigger.dateOption.label,
      anchorKind: trigger.dateOption.anchor.kind,
      eventLabel: eventLabelOf(trigger),
    }),
  };
}

async function recordRow(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  kind: RecordKind,
  recordId: number,
): Promise<LooseRow> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let query: SelectQueryBuilder<any, any, any> = loose(db)
    .selectFrom(`${kind.table} as r`)
    .selectAll('r')
    .where('r.studio_id', '=', studio.id)
    .where('r.id', '=', recordId);
  query = withLinkedSession(query, trigger);
  const record = (await query.executeTakeFirst()) as LooseRow | undefined;
  if (!record || !Number.isSafeInteger(recordId)) throw notFound(kind.label, recordId);
  return record;
}

/**
 * Every occurrence the record has: each stay in the filtered status, the anchor field's value, the
 * years of a yearly date that matter, or each of the client's events, in time order.
 */
async function recordOccurrences(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  kind: RecordKind,
  record: LooseRow,
  now: Date,
  items: readonly ExplainedItem[],
): Promise<Occurrence[]> {
  const anchor = trigger.dateOption.anchor;
  if (anchor.kind === 'field') return record[anchor.field] == null ? [] : [occurrenceOf(trigger, record)];
  if (anchor.kind === 'yearly') {
    return yearlyRecordOccurrences(db, studio, trigger, Number(record.id), now, items);
  }
  if (anchor.kind === 'event') {
    const rows = (await eventRows(db, studio, trigger)
      .where('r.id', '=', Number(record.id))
      .orderBy(eventAtColumn(trigger))
      .orderBy('e.id')
      .execute()) as LooseRow[];
    return rows.map((row) => eventOccurrenceOf(trigger, row));
  }
  let history = loose(db)
    .selectFrom('status_history')
    .select(['id', 'status_id', 'entered_at', 'due_date', 'left_at'])
    .where('studio_id', '=', studio.id)
    .where('record_kind', '=', kind.name)
    .where('record_id', '=', record.id as number);
  if (trigger.filterStatusId !== null) history = history.where('status_id', '=', trigger.filterStatusId);
  const rows = (await history.orderBy('id').execute()) as LooseRow[];
  const column = anchor.kind === 'status_entered' ? 'entered_at' : 'due_date';
  return rows
    .filter((h) => h[column] != null)
    .map((h) =>
      occurrenceOf(trigger, {
        ...record,
        ...Object.fromEntries(Object.entries(h).map(([key, value]) => [`h_${key}`, value])),
      }),
    );
}

async function recordItems(db: Db, studio: StudioContext, trigger: EvaluationTrigger, recordId: number) {
  const ids = await loose(db)
    .selectFrom('triggered_items')
    .select('id')
    .where('studio_id', '=', studio.id)
    .where('record_kind', '=', trigger.type.recordKind)
    .where('record_id', '=', recordId)
    .where('trigger_id', '=', trigger.id)
    .orderBy('id')
    .execute();
  return Promise.all(
    ids.map(async (i) => (await itemWithHistory(db, studio.id, Number(i.id))) as ExplainedItem),
  );
}

function criteriaOf(
  trigger: EvaluationTrigger,
  kind: RecordKind,
  record: LooseRow,
  active: boolean,
  occurrences: readonly ExplainedOccurrence[],
): Criterion[] {
  const criteria: Criterion[] = [
    { criterion: 'trigger active', value: active, expected: true, pass: active },
    { criterion: 'record kind', value: kind.name, expected: trigger.type.recordKind, pass: true },
  ];
  if (trigger.filterStatusId !== null) {
    const value = record.status_id ?? null;
    const pass = value === trigger.filterStatusId;
    criteria.push({ criterion: 'filter status', value, expected: trigger.filterStatusId, pass });
  }
  const typeField = trigger.type.filter.typeField;
  if (trigger.filterTypeId !== null && typeField) {
    const value = record[typeField] ?? null;
    criteria.push({
      criterion: 'filter type',
      value,
      expected: trigger.filterTypeId,
      pass: value === trigger.filterTypeId,
    });
  }
  criteria.push({
    criterion: 'date option',
    value: occurrences.map((o) => o.anchor_value),
    expected: trigger.dateOption.label,
    pass: occurrences.length > 0,
  });
  return criteria;
}

/** What happened, or would, to one occurrence, in the order evaluation decides it. */
function verdictOf(
  studio: StudioContext,
  all: readonly OccurrenceExplanation[],
  judged: OccurrenceExplanation,
  item: ExplainedItem | null,
  active: boolean,
  trigger: EvaluationTrigger,
): string {
  if (item)
    return `item ${String(item.id)} is ${String(item.state)}${item.reason ? ` (${String(item.reason)})` : ''}`;
  if (!active) return 'the trigger is not active';
  if (judged.baselined) {
    return `baselined: it existed at the baseline (${trigger.baselineAt.toISOString()}) and its trigger date ${judged.trigger_date} had come by then`;
  }
  if (judged.disqualification) return judged.disqualification;
  if (!judged.has_come) return `not yet: it falls due at ${judged.trigger_date}`;
  const past = judged.exclusions.find((e) => e.exclusion === 'date_is_past' && e.pass === false);
  if (past?.reason) return past.reason;
  if (trigger.dateOption.anchor.kind === 'yearly') {
    const history = yearlyHistory(studio, all, judged);
    if (history) return history;
  }
  return 'due: the next evaluation queues it';
}

/**
 * Why a yearly occurrence that has come, is not baselined and qualifies has no item, when no pass
 * will give it one (the rules of `findYearlyOccurrences`): its day was over before the date was
 * known, or a later year of the same date has come since, and only the latest is caught up.
 */
function yearlyHistory(
  studio: StudioContext,
  all: readonly OccurrenceExplanation[],
  judged: OccurrenceExplanation,
): string | null {
  const date = new Date(judged.trigger_date);
  if (cameTooLate(studio, date, new Date(judged.came_at))) {
    return `not fired: its day (${judged.trigger_date}) was over before the date was known (${judged.came_at}); next year's falls due`;
  }
  // Keys end with the year, so the same date's occurrences share what comes before it.
  const sameDate = (key: string) => key.replace(/\d+$/, '');
  const later = all.find(
    (o) =>
      sameDate(o.occurrence_key) === sameDate(judged.occurrence_key) &&
      o.has_come &&
      o.trigger_date > judged.trigger_date,
  );
  if (later) {
    return `passed: it fell due at ${judged.trigger_date} without an item, and only the latest year (${later.anchor_value}) is caught up`;
  }
  return null;
}
