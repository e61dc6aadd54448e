import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateChain, type ChainDataset } from '../../bench/evaluation/chain-dataset.js';
import { CHAIN_TRIGGER_COUNT, createChainTriggers } from '../../bench/evaluation/chain-triggers.js';
import { makeRecordChanges } from '../../bench/evaluation/record-changes.js';
import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import type { EvaluationCounts } from '../../src/engine/evaluate-trigger.js';
import type { Store } from '../../src/store/database.js';
import { loose } from '../../src/store/record-table.js';
import { loadStudioContext } from '../../src/store/studio-context.js';
import { DIALECTS, dropSchema, freshStore, PG_URL } from '../support/dialects.js';

/**
 * The evaluation benchmark's chain at a thousandth of its size: the engine behaviours its figures
 * rest on. Evaluating every two hours must queue exactly what one catch-up pass over the same span
 * queues (the watermark and the margin around each window lose and repeat nothing); a pass over an
 * unchanged database writes nothing; record changes withdraw the items they invalidate.
 */
const NOW = new Date('2026-11-23T15:00:00.000Z');
const HOUR = 3_600_000;
const CATCH_UP_HOURS = 48;
const SCALE = 0.002;

async function passAll(store: Store, dataset: ChainDataset, at: Date): Promise<EvaluationCounts> {
  const total: EvaluationCounts = { examined: 0, queued: 0, withdrawn: 0, restored: 0 };
  for (const id of dataset.studioIds) {
    const counts = await evaluateStudio(store.db, (await loadStudioContext(store.db, id))!, at);
    for (const key of Object.keys(total) as (keyof EvaluationCounts)[]) total[key] += counts[key];
  }
  return total;
}

async function items(store: Store, state?: string): Promise<string[]> {
  let query = loose(store.db)
    .selectFrom('triggered_items as i')
    .innerJoin('triggers as t', 't.id', 'i.trigger_id')
    .select(['t.name', 'i.occurrence_key', 'i.state']);
  if (state) query = query.where('i.state', '=', state);
  const rows = (await query.execute()) as { name: string; occurrence_key: string; state: string }[];
  return rows.map((r) => `${r.name} ${r.occurrence_key} ${r.state}`).sort();
}

for (const dialect of DIALECTS) {
  describe(`the evaluation benchmark's chain [${dialect}]`, () => {
    const opened: { store: Store; schema?: string }[] = [];
    const chain = async () => {
      const fresh = await freshStore(dialect);
      opened.push(fresh);
      const dataset = await generateChain(fresh.store, NOW, SCALE);
      await createChainTriggers(fresh.store, dataset, new Date(NOW.getTime() - CATCH_UP_HOURS * HOUR));
      return { store: fresh.store, dataset };
    };
    let once: Awaited<ReturnType<typeof chain>>;
    let first: EvaluationCounts;
    beforeAll(async () => {
      once = await chain();
      first = await passAll(once.store, once.dataset, NOW);
    }, 120_000);
    afterAll(async () => {
      for (const { store, schema } of opened) {
        await store.close();
        if (schema) await dropSchema(schema);
      }
    });

    it('holds the scaled record counts and fifty triggers', async () => {
      expect(once.dataset.counts).toMatchObject({
        clients: 600,
        sessions: 2000,
        appointments: 1000,
        invoices: 1000,
      });
      const triggers = await loose(once.store.db)
        .selectFrom('triggers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(triggers.n)).toBe(CHAIN_TRIGGER_COUNT);
    });

    it('queues in passes every two hours exactly the items one catch-up pass queues', async () => {
      const stepped = await chain();
      for (let at = NOW.getTime() - CATCH_UP_HOURS * HOUR + 2 * HOUR; at <= NOW.getTime(); at += 2 * HOUR) {
        await passAll(stepped.store, stepped.dataset, new Date(at));
      }
      const caughtUp = await items(once.store);
      expect(first.queued).toBeGreaterThan(20);
      expect(caughtUp).toHaveLength(first.queued);
      expect(await items(stepped.store)).toEqual(caughtUp);
    }, 120_000);

    it('writes nothing in a pass over an unchanged database', async () => {
      const before = await items(once.store);
      const counts = await passAll(once.store, once.dataset, new Date(NOW.getTime() + 60_000));
      expect(counts).toMatchObject({ queued: 0, withdrawn: 0, restored: 0 });
      expect(await items(once.store)).toEqual(before);
    });

    it('withdraws the items of rescheduled and canceled sessions after a thousand changes', async () => {
      const pendingBefore = new Set(await items(once.store, 'pending'));
      const changes = await makeRecordChanges(once.store, once.dataset, new Date(NOW.getTime() + 90_000));
      const counts = await passAll(once.store, once.dataset, new Date(NOW.getTime() + 120_000));
      expect(changes).toBeGreaterThan(500);
      expect(counts.withdrawn).toBeGreaterThan(0);
      const withdrawn = (await items(once.store, 'withdrawn')).map((i) => i.replace(/withdrawn$/, 'pending'));
      expect(withdrawn.length).toBe(counts.withdrawn);
      expect(withdrawn.every((item) => pendingBefore.has(item))).toBe(true);
    });
  });
}
if (!PG_URL)
  describe.skip('the evaluation benchmark chain [postgres] (skipped: TEST_PG_URL is not set)', () => {});
