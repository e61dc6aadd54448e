import type { SelectQueryBuilder } from 'kysely';
import { anchorBounds, anchorDateBounds } from '../domain/triggers/anchor-bounds.js';
import { dueAnchorDates } from '../domain/triggers/due-anchor-dates.js';
import { dueAnchorRanges } from '../domain/triggers/due-anchor-ranges.js';
import type { OccurrenceFacts } from '../domain/triggers/disqualification.js';
import type { AnchorValue } from '../domain/trigger-date.js';
import { recordKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { StudioContext } from '../store/studio-context.js';
import { changesSince, type EvaluationTrigger } from './evaluation-trigger.js';
import { CHANGED_CHUNK, changedRecordIds } from './changed-record-ids.js';
import { linkedSessionOf, withLinkedSession } from './linked-session.js';
import { findEventOccurrences } from './find-event-occurrences.js';
import { findYearlyOccurrences } from './find-yearly-occurrences.js';

// Joins and columns depend on the anchor, so the builder is typed loosely, like registry tables.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery = SelectQueryBuilder<any, any, any>;

/** One moment at which a record meets a trigger's event (SPEC §1), before it is judged. */
export interface Occurrence {
  readonly recordId: number;
  /** Unique per trigger, forever (SPEC §3.2). */
  readonly key: string;
  readonly anchorValue: string;
  readonly anchor: AnchorValue;
  /** When the occurrence came into existence: a new record, a changed value, an entered status. */
  readonly cameAt: string;
  readonly facts: OccurrenceFacts;
}

/**
 * The candidate occurrences of one pass, found with indexed SQL and never by loading a studio's
 * records: those whose anchor lies near the window of trigger dates since the last pass, and those
 * of records changed since (a new record, a moved date, a newly entered status, a session taken off
 * hold), whose trigger date may lie anywhere in the past (catch-up). The caller computes each one's
 * exact trigger date and judges it. For date anchors the window is the exact days falling due in it;
 * `wideWindow` reads the whole safe anchor range instead, for the baseline count, which needs every
 * anchor near the baseline and not only those falling due.
 */
export async function findOccurrences(
  db: Db,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  now: Date,
  options: { readonly wideWindow?: boolean } = {},
): Promise<Occurrence[]> {
  const anchor = trigger.dateOption.anchor;
  if (anchor.kind === 'yearly') return findYearlyOccurrences(db, studio, trigger, now);
  if (anchor.kind === 'event') return findEventOccurrences(db, studio, trigger, now);
  const kind = recordKind(trigger.type.recordKind);
  const since = changesSince(trigger).toISOString();
  const isDate = anchor.kind === 'status_due' || (anchor.kind === 'field' && anchor.value === 'date');
  const window = [trigger.lastPassAt, now, trigger.offset, studio.workWeek] as const;
  const { lo, hi } = isDate
    ? anchorDateBounds(...window)
    : (({ lo, hi }) => ({ lo: lo.toISOString(), hi: hi.toISOString() }))(anchorBounds(...window));
  const dates =
    isDate && !options.wideWindow
      ? dueAnchorDates(trigger.lastPassAt, now, trigger.offset, studio.timeZone, studio.workWeek)
      : null;
  const instants =
    !isDate && !options.wideWindow
      ? dueAnchorRanges(trigger.lastPassAt, now, trigger.offset, studio.timeZone, studio.workWeek)
      : null;
  // The exact days, or the few hours of each day, when known (often none: then the window costs no
  // query), else the safe range.
  const inRange = (column: string) => (q: AnyQuery) => {
    if (dates) return q.where(column, 'in', dates);
    if (instants) {
      return q.where((eb) =>
        eb.or(
          instants.map((r) =>
            eb.and([eb(column, '>=', r.lo.toISOString()), eb(column, '<=', r.hi.toISOString())]),
          ),
        ),
      );
    }
    return q.where(column, '>=', lo).where(column, '<=', hi);
  };
  const windowIsEmpty = dates?.length === 0 || instants?.length === 0;
  const typeField = trigger.type.filter.typeField;

  let query: AnyQuery = loose(db)
    .selectFrom(`${kind.table} as r`)
    .selectAll('r')
    .where('r.studio_id', '=', studio.id);
  query = withLinkedSession(query, trigger);
  if (trigger.filterTypeId !== null && typeField)
    query = query.where(`r.${typeField}`, '=', trigger.filterTypeId);

  let inWindow: (query: AnyQuery) => AnyQuery;
  if (anchor.kind === 'status_entered' || anchor.kind === 'status_due') {
    const column = anchor.kind === 'status_entered' ? 'h.entered_at' : 'h.due_date';
    query = query
      .innerJoin('status_history as h', 'h.record_id', 'r.id')
      .where('h.studio_id', '=', studio.id)
      .where('h.record_kind', '=', kind.name)
      .select([
        'h.id as h_id',
        'h.status_id as h_status_id',
        'h.entered_at as h_entered_at',
        'h.due_date as h_due_date',
        'h.left_at as h_left_at',
      ])
      .where('h.left_at', 'is', null)
      .where(column, 'is not', null);
    if (trigger.filterStatusId !== null) query = query.where('h.status_id', '=', trigger.filterStatusId);
    inWindow = inRange(column);
  } else {
    const column = `r.${anchor.field}`;
    query = query.where(column, 'is not', null);
    if (trigger.filterStatusId !== null) query = query.where('r.status_id', '=', trigger.filterStatusId);
    inWindow = inRange(column);
  }
  // The window and the changed records are read apart, each from one index (the anchor's, and
  // `updated_at`'s), where one query with OR across a record and its status history would scan the
  // table. Every write that sets an anchor, its `_set_at` or a status (records.ts,
  // change-status.ts) also sets `updated_at`, so "changed since" needs only that column.
  const rows = windowIsEmpty ? [] : ((await inWindow(query).execute()) as LooseRow[]);
  const changed = await changedRecordIds(db, kind.table, studio.id, since);
  for (let i = 0; i < changed.length; i += CHANGED_CHUNK) {
    rows.push(
      ...((await query.where('r.id', 'in', changed.slice(i, i + CHANGED_CHUNK)).execute()) as LooseRow[]),
    );
  }
  const byKey = new Map<string, Occurrence>();
  for (const row of rows) {
    const occurrence = occurrenceOf(trigger, row);
    byKey.set(occurrence.key, occurrence);
  }
  return [...byKey.values()].sort((a, b) => a.recordId - b.recordId || a.key.localeCompare(b.key));
}

/** Turns a candidate row (record columns, `h_*` history and `s_*` session columns) into an occurrence. */
export function occurrenceOf(trigger: EvaluationTrigger, row: LooseRow): Occurrence {
  const anchor = trigger.dateOption.anchor;
  const recordId = Number(row.id);
  const session = linkedSessionOf(row);
  if (anchor.kind === 'status_entered' || anchor.kind === 'status_due') {
    const history = {
      id: row.h_id,
      status_id: row.h_status_id,
      entered_at: row.h_entered_at,
      due_date: row.h_due_date,
      left_at: row.h_left_at,
    };
    const value = String(anchor.kind === 'status_entered' ? row.h_entered_at : row.h_due_date);
    return {
      recordId,
      key: `h:${String(row.h_id)}`,
      anchorValue: value,
      anchor:
        anchor.kind === 'status_entered'
          ? { kind: 'instant', at: new Date(value) }
          : { kind: 'date', date: value },
      cameAt: String(row.h_entered_at),
      facts: { record: row, session, history },
    };
  }
  if (anchor.kind !== 'field') throw new Error(`No record occurrences for ${anchor.kind} anchors`);
  const value = String(row[anchor.field]);
  const cameAt = String(anchor.field === 'created_at' ? row.created_at : row[`${anchor.field}_set_at`]);
  return {
    recordId,
    key: `${recordId}@${value}`,
    anchorValue: value,
    anchor:
      anchor.value === 'instant' ? { kind: 'instant', at: new Date(value) } : { kind: 'date', date: value },
    cameAt,
    facts: { record: row, session, history: null },
  };
}
