import { beforeAll, expect, it } from 'vitest';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

forEachDialect('staff retry and cancel deliveries', (store) => {
  let s: ProcessingStudio;
  beforeAll(async () => {
    s = await processingStudio(store());
  });
  const queued = async () => {
    const fired = await s.fire(
      { action: 'email', action_settings: { email_template_id: s.templates.email } },
      { emails: [{ address: 'ada@example.com', label: 'home', is_primary: true }] },
    );
    return Number(fired.communications[0].delivery.id);
  };

  it('cancels a queued delivery, which the dispatcher then leaves alone, with the person in its history', async () => {
    const id = await queued();
    const canceled = await s.api.post(`/deliveries/${id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ state: 'canceled', reason: 'canceled by staff', channel: 'email' });
    expect(canceled.body.history.at(-1)).toMatchObject({
      from_state: 'queued',
      to_state: 'canceled',
      user_id: s.fixture.userIds.admin,
    });
    await s.tick();
    expect((await s.api.read(`/deliveries/${id}`)).state).toBe('canceled');
  });

  it('retries a failed delivery: queued again, then handed on by the next run', async () => {
    const id = await queued();
    await loose(store().db)
      .updateTable('deliveries')
      .set({ state: 'failed', error_code: 'smtp-550', reason: '550 no such mailbox' })
      .where('id', '=', id)
      .execute();
    const retried = await s.api.post(`/deliveries/${id}/retry`);
    expect(retried.body).toMatchObject({ state: 'queued', reason: 'retried by staff', error_code: null });
    await s.tick();
    expect((await s.api.read(`/deliveries/${id}`)).state).toBe('delivered');
  });

  it('refuses with 409 to retry what has not failed or cancel what is not queued, and changes nothing', async () => {
    const id = await queued();
    const retry = await s.api.post(`/deliveries/${id}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.details).toEqual([{ path: 'state', problem: 'is queued, not failed' }]);
    await s.tick();
    const cancel = await s.api.post(`/deliveries/${id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.details).toEqual([{ path: 'state', problem: 'is delivered, not queued' }]);
    expect((await s.api.read(`/deliveries/${id}`)).state).toBe('delivered');
  });
});
