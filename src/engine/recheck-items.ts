import type { SelectQueryBuilder, Transaction } from 'kysely';
import { disqualification, type QualificationRules } from '../domain/triggers/disqualification.js';
import { fieldOf, recordKind } from '../domain/record-kinds/index.js';
import type { Db } from '../store/database.js';
import { loose, type LooseRow } from '../store/record-table.js';
import type { Database } from '../store/schema.js';
import type { StudioContext } from '../store/studio-context.js';
import { changesSince, type EvaluationTrigger } from './evaluation-trigger.js';
import { CHANGED_CHUNK, changedRecordIds } from './changed-record-ids.js';
import { linkedSessionOf, withLinkedSession } from './linked-session.js';
import { familyMembersOf, yearlyAnchorChange } from './yearly-anchor-change.js';
import { recordTransitions, type ItemActor, type ItemState, type Transition } from './item-transitions.js';

/**
 * Judges again the pending and withdrawn items of a trigger whose record changed since the last
 * pass: the queue shows only items that qualify now (SPEC §3.5). A pending item that
 * stopped qualifying is withdrawn with the reason; a withdrawn one that qualifies again (a session
 * taken off hold) is pending again. Only records changed since the last pass (`changesSince`) are
 * read.
 */
export async function recheckItems(
  trx: Transaction<Database>,
  studio: StudioContext,
  trigger: EvaluationTrigger,
  rules: QualificationRules,
  actor: ItemActor,
  at: string,
): Promise<{ examined: number; withdrawn: number; restored: number }> {
  const since = changesSince(trigger).toISOString();
  const anchor = trigger.dateOption.anchor;
  const open = (query: ItemQuery) => query.where('i.state', 'in', ['pending', 'withdrawn']);
  let rows: LooseRow[] = [];
  if (anchor.kind === 'yearly' && anchor.of === 'family_member') {
    // A family member's changed birth date changes its client's occurrence (deleting one touches
    // the client: see deleteRecord).
    rows = await itemRows(trx, trigger, (query) =>
      open(query).where((eb) =>
        eb.or([
          eb('r.updated_at', '>', since),
          eb.exists(
            eb
              .selectFrom('family_members as f')
              .select('f.id')
              .whereRef('f.client_id', '=', 'r.id')
              .where('f.updated_at', '>', since),
          ),
        ]),
      ),
    );
  } else {
    // The changed records first, by index; a pass over an unchanged database reads no item. A
    // deleted record's pending items were withdrawn when it was deleted.
    const changed = await changedRecordIds(trx, recordKind(trigger.type.recordKind).table, studio.id, since);
    for (let i = 0; i < changed.length; i += CHANGED_CHUNK) {
      const chunk = changed.slice(i, i + CHANGED_CHUNK);
      rows.push(...(await itemRows(trx, trigger, (query) => open(query).where('i.record_id', 'in', chunk))));
    }
  }
  const judged = await judgeItemRows(trx, trigger, rules, rows);
  const transitions: Transition[] = [];
  for (const { row, reason } of judged) {
    const to: ItemState = reason === null ? 'pending' : 'withdrawn';
    if (to === row.i_state) continue;
    transitions.push({
      itemId: Number(row.i_id),
      from: row.i_state as ItemState,
      to,
      reason: reason ?? 'the record qualifies again',
    });
  }
  for (const t of transitions) {
    await loose(trx)
      .updateTable('triggered_items')
      .set({ state: t.to, reason: t.to === 'withdrawn' ? t.reason : null, updated_at: at })
      .where('id', '=', t.itemId)
      .execute();
  }
  await recordTransitions(trx, studio.id, transitions, actor, at);
  return {
    examined: rows.length,
    withdrawn: transitions.filter((t) => t.to === 'withdrawn').length,
    restored: transitions.filter((t) => t.to === 'pending').length,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ItemQuery = SelectQueryBuilder<any, any, any>;

/**
 * Items of a trigger with their record's row (`r.*`, null columns when the record is gone) and the
 * linked session's flags, narrowed by `where`: the rows `whyNot` judges.
 */
export async function itemRows(
  trx: Db,
  trigger: EvaluationTrigger,
  where: (query: ItemQuery) => ItemQuery,
): Promise<LooseRow[]> {
  const kind = recordKind(trigger.type.recordKind);
  const query: ItemQuery = loose(trx)
    .selectFrom('triggered_items as i')
    .leftJoin(`${kind.table} as r`, 'r.id', 'i.record_id')
    .selectAll('r')
    .select([
      'i.id as i_id',
      'i.state as i_state',
      'i.occurrence_key as i_key',
      'i.anchor_value as i_anchor',
      'r.id as r_id',
    ])
    .where('i.trigger_id', '=', trigger.id);
  return (await withLinkedSession(where(query), trigger).execute()) as LooseRow[];
}

/** Each row with the reason it does not qualify now, or null when it does. */
export async function judgeItemRows(
  trx: Db,
  trigger: EvaluationTrigger,
  rules: QualificationRules,
  rows: readonly LooseRow[],
): Promise<{ row: LooseRow; reason: string | null }[]> {
  const histories = await historiesOf(trx, rows);
  const familyMembers = await familyMembersOf(trx, rows);
  return rows.map((row) => ({ row, reason: whyNot(trigger, rules, row, histories, familyMembers) }));
}

function whyNot(
  trigger: EvaluationTrigger,
  rules: QualificationRules,
  row: LooseRow,
  histories: Map<number, LooseRow>,
  familyMembers: Map<number, LooseRow>,
): string | null {
  if (row.r_id == null) return 'the record was deleted';
  const anchor = trigger.dateOption.anchor;
  let history: LooseRow | null = null;
  if (anchor.kind === 'status_entered' || anchor.kind === 'status_due') {
    history = histories.get(historyIdOf(String(row.i_key))) ?? null;
    if (!history) return 'the status history row is gone';
  } else if (anchor.kind === 'field') {
    const now = row[anchor.field];
    if (String(now) !== String(row.i_anchor)) {
      const label = fieldOf(recordKind(trigger.type.recordKind), anchor.field)?.label ?? anchor.field;
      return `anchor changed: ${label} moved from ${String(row.i_anchor)} to ${now == null ? 'nothing' : String(now)}`;
    }
  } else if (anchor.kind === 'yearly') {
    const change = yearlyAnchorChange(anchor, row, familyMembers);
    if (change) return change;
  }
  const session = linkedSessionOf(row);
  return disqualification(rules, { record: row, session, history });
}

function historyIdOf(key: string): number {
  return Number(key.slice(2));
}

async function historiesOf(trx: Db, rows: readonly LooseRow[]): Promise<Map<number, LooseRow>> {
  const ids = rows
    .map((row) => String(row.i_key))
    .filter((key) => key.startsWith('h:'))
    .map(historyIdOf);
  if (ids.length === 0) return new Map();
  const found = (await loose(trx)
    .selectFrom('status_history')
    .selectAll()
    .where('id', 'in', ids)
    .execute()) as LooseRow[];
  return new Map(found.map((h) => [Number(h.id), h]));
}
