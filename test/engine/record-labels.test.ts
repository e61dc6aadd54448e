import { expect, it } from 'vitest';
import { recordLabels } from '../../src/engine/record-labels.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

forEachDialect('names of the records in the Process Triggers queue', (store) => {
  const ctx = useStudioApi(store, '2026-03-06T15:00:00Z', { time_zone: 'America/New_York' });

  const labels = async (studioId: number, items: [string, number][]) =>
    recordLabels(
      store().db,
      studioId,
      'America/New_York',
      items.map(([record_kind, record_id]) => ({ record_kind, record_id })),
    );

  it('names clients, and other records by their client and their own description or date', async () => {
    const { owner, samples, studio } = ctx();
    const create = async (path: string, body: unknown) => (await owner.create(path, body)).id as number;
    const ada = await create('/clients', { first_name: 'Ada', last_name: 'Lovelace' });
    const bill = await create('/clients', { first_name: 'Charles', last_name: 'Babbage' });
    const type = (await samples.type('session', 'Portrait')).id;
    const described = await create('/sessions', {
      client_id: ada,
      session_type_id: type,
      start: '2026-03-10T19:00:00Z',
      description: 'Family portrait',
    });
    const plain = await create('/sessions', {
      client_id: ada,
      session_type_id: type,
      start: '2026-03-10T19:00:00Z',
    });
    const invoice = await create('/invoices', {
      client_id: ada,
      bill_to_client_id: bill,
      invoice_date: '2026-03-02',
    });
    const orderType = (await samples.type('production_order', 'Album')).id;
    const order = await create('/production-orders', {
      invoice_id: invoice,
      order_type_id: orderType,
      order_date: '2026-03-03',
    });

    const found = await labels(studio.studio.id, [
      ['client', ada],
      ['session', described],
      ['session', plain],
      ['invoice', invoice],
      ['production_order', order],
    ]);
    expect(found.get(`client:${ada}`)).toEqual({ record_label: 'Ada Lovelace', client_name: 'Ada Lovelace' });
    expect(found.get(`session:${described}`)?.record_label).toBe('Ada Lovelace · Family portrait');
    // 19:00 UTC is 15:00 in New York (daylight saving time began on 8 March).
    expect(found.get(`session:${plain}`)?.record_label).toBe(
      'Ada Lovelace · session of Tue 10 Mar 2026, 15:00 EDT',
    );
    expect(found.get(`invoice:${invoice}`)?.client_name).toBe('Charles Babbage');
    expect(found.get(`production_order:${order}`)).toEqual({
      record_label: 'Charles Babbage · production order of Tue 3 Mar 2026',
      client_name: 'Charles Babbage',
    });
  });

  it('names no record of another studio, nor one that does not exist', async () => {
    const { other, studio } = ctx();
    const theirs = (await other.owner.create('/clients', { first_name: 'Mary', last_name: 'Shelley' })).id;
    const found = await labels(studio.studio.id, [
      ['client', theirs],
      ['client', 999_999],
    ]);
    expect(found.size).toBe(0);
  });
});
