import { beforeAll, expect, it } from 'vitest';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';
import { makeTriggerCatalogs, minimalTrigger, type TriggerCatalogs } from '../support/trigger-fixtures.js';
import { insertPendingItem } from '../support/trigger-rows.js';

forEachDialect('trigger list activity', (store) => {
  const ctx = useStudioApi(store);
  let cat: TriggerCatalogs;
  const ids: Record<string, number> = {};
  let recordId = 0;

  /** An item of the trigger that ended in `state` at `at` (the way processing leaves it). */
  const item = async (triggerId: number, state: string, at: string) => {
    const id = await insertPendingItem(
      store().db,
      ctx().studio.studio.id,
      triggerId,
      (recordId += 1),
      new Date('2026-03-01T09:00:00Z'),
    );
    if (state !== 'pending')
      await loose(store().db)
        .updateTable('triggered_items')
        .set({ state, updated_at: at })
        .where('id', '=', id)
        .execute();
  };

  beforeAll(async () => {
    cat = await makeTriggerCatalogs(ctx().owner);
    const make = async (key: string, name: string) =>
      (ids[key] = (
        await ctx().owner.create('/triggers', { ...minimalTrigger(cat, 'session_status'), name })
      ).id);
    await make('busy', 'Busy trigger');
    await make('quiet', 'Quiet trigger');
    await make('fired', 'Fired once');
    const busy = ids.busy as number;
    await item(busy, 'pending', '');
    await item(busy, 'pending', '');
    await item(busy, 'processed', '2026-03-02T10:00:00.000Z');
    await item(busy, 'processed', '2026-03-04T16:30:00.000Z');
    // Skipped and deleted items neither wait nor fired.
    await item(busy, 'skipped', '2026-03-05T08:00:00.000Z');
    await item(busy, 'deleted', '2026-03-05T09:00:00.000Z');
    await item(ids.fired as number, 'processed', '2026-03-03T12:00:00.000Z');
    await item(ids.fired as number, 'withdrawn', '2026-03-05T12:00:00.000Z');
  });

  const row = async (id: number) =>
    (await ctx().staff.read('/triggers')).data.find((t: { id: number }) => t.id === id);

  it('gives each row its pending count and when its action last ran', async () => {
    expect(await row(ids.busy as number)).toMatchObject({
      pending_count: 2,
      last_fired_at: '2026-03-04T16:30:00.000Z',
    });
    expect(await row(ids.fired as number)).toMatchObject({
      pending_count: 0,
      last_fired_at: '2026-03-03T12:00:00.000Z',
    });
  });

  it('says 0 pending and never fired for a trigger without items', async () => {
    expect(await row(ids.quiet as number)).toMatchObject({ pending_count: 0, last_fired_at: null });
  });

  it('keeps the counts on filtered lists and later pages', async () => {
    const first = await ctx().staff.read('/triggers?limit=1&q=trigger');
    expect(first.data.map((t: { name: string }) => t.name)).toEqual(['Busy trigger']);
    expect(first.data[0].pending_count).toBe(2);
    const second = await ctx().staff.read(`/triggers?limit=1&q=trigger&cursor=${first.next_cursor}`);
    expect(second.data[0]).toMatchObject({ name: 'Quiet trigger', pending_count: 0, last_fired_at: null });
  });

  it('documents the two fields in the OpenAPI document', async () => {
    const doc = (await ctx().app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const schema = doc.paths['/api/v1/triggers'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties.data.items.properties)).toEqual(
      expect.arrayContaining(['pending_count', 'last_fired_at']),
    );
  });
});
