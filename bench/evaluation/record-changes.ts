import { recordKind } from '../../src/domain/record-kinds/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Store } from '../../src/store/database.js';
import { changeRecordStatus } from '../../src/store/change-record-status.js';
import { loose } from '../../src/store/record-table.js';
import { updateRecord } from '../../src/store/records.js';
import { loadStudioContext, type Actor, type StudioContext } from '../../src/store/studio-context.js';
import type { ChainDataset } from './chain-dataset.js';

const HOUR = 3_600_000;
const STAFF: Actor = { userId: null, source: 'staff' };

/**
 * A thousand edits a busy chain makes between two passes, through the product's own record
 * operations (so `updated_at`, `<field>_set_at` and status history are written as in production):
 * 400 sessions rescheduled, 100 canceled, 200 sessions and 150 invoices moved to another status,
 * 150 tasks given a new due date. Half the sessions are ones with pending items, so that the pass
 * has items to withdraw as well as new occurrences to queue.
 */
export async function makeRecordChanges(store: Store, dataset: ChainDataset, at: Date): Promise<number> {
  const clock = new ManualClock(at);
  const deps = { db: store.db, clock };
  const studios = new Map<number, StudioContext>();
  const studioOf = async (id: number) => {
    const known = studios.get(id) ?? (await loadStudioContext(store.db, id));
    if (!known) throw new Error(`studio ${id} is missing`);
    studios.set(id, known);
    return known;
  };
  const sessions = await pick(store, 'sessions', 700, true);
  const invoices = await pick(store, 'invoices', 150, false);
  const tasks = await pick(store, 'tasks', 150, false);
  const session = recordKind('session');
  let changes = 0;
  for (const [i, row] of sessions.entries()) {
    const studio = await studioOf(row.studio_id);
    if (i < 400) {
      // Moved to between one and three days from now: some reminders now fall due, others move away.
      const start = new Date(at.getTime() + (24 + (i % 48)) * HOUR).toISOString();
      await updateRecord(deps, studio, session, row.id, { start }, STAFF);
    } else if (i < 500) {
      await updateRecord(deps, studio, session, row.id, { canceled: true }, STAFF);
    } else {
      const s = dataset.studioIds.indexOf(studio.id);
      await changeRecordStatus(
        deps,
        studio,
        session,
        row.id,
        { statusId: dataset.statusId(s, 'session', i % 3) },
        STAFF,
      );
    }
    changes += 1;
  }
  for (const [i, row] of invoices.entries()) {
    const studio = await studioOf(row.studio_id);
    const s = dataset.studioIds.indexOf(studio.id);
    await changeRecordStatus(
      deps,
      studio,
      recordKind('invoice'),
      row.id,
      { statusId: dataset.statusId(s, 'invoice', i % 3) },
      STAFF,
    );
    changes += 1;
  }
  for (const [i, row] of tasks.entries()) {
    const studio = await studioOf(row.studio_id);
    const due = new Date(at.getTime() + (i % 5) * 24 * HOUR).toISOString().slice(0, 10);
    await updateRecord(deps, studio, recordKind('task'), row.id, { due_date: due }, STAFF);
    changes += 1;
  }
  return changes;
}

/** Records spread over the table; for sessions, half of them ones with a pending item. */
async function pick(
  store: Store,
  table: string,
  count: number,
  withPending: boolean,
): Promise<{ id: number; studio_id: number }[]> {
  const db = loose(store.db);
  const pending = withPending
    ? ((await db
        .selectFrom('triggered_items')
        .select(['record_id as id', 'studio_id'])
        .where('state', '=', 'pending')
        .where('record_kind', '=', table.replace(/s$/, ''))
        .groupBy(['record_id', 'studio_id'])
        .orderBy('record_id')
        .limit(Math.floor(count / 2))
        .execute()) as { id: number; studio_id: number }[])
    : [];
  const max = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirstOrThrow();
  const step = Math.max(1, Math.floor(Number(max.max) / (count + 1)));
  const ids = Array.from({ length: count }, (_, i) => (i + 1) * step);
  const spread = (await db
    .selectFrom(table)
    .select(['id', 'studio_id'])
    .where('id', 'in', ids)
    .execute()) as {
    id: number;
    studio_id: number;
  }[];
  const seen = new Set<number>();
  return [...pending, ...spread]
    .map((r) => ({ id: Number(r.id), studio_id: Number(r.studio_id) }))
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(0, count);
}
