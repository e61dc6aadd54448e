import { expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeServer, makeStudio } from '../support/studio-fixture.js';

forEachDialect('Loyalty Reward triggers on rewards a referral earned, rehearsed on a test clock', (store) => {
  it('queues a reminder before a program reward expires, and withdraws it once the reward is fully redeemed', async () => {
    const clock = new ManualClock('2026-04-01T14:00:00Z');
    const app = await makeServer(store(), clock);
    const studio = await makeStudio(store(), clock, { is_sandbox: true });
    const admin = studio.tokens.admin;
    const post = async (path: string, body: Record<string, unknown>) => {
      const response = await call(app, admin, 'POST', `/api/v1${path}`, body);
      expect(response.status, `${path} ${JSON.stringify(response.body)}`).toBeLessThan(300);
      return response.body;
    };
    const program = await post('/referral-programs', {
      name: 'Friends & Family',
      referrer_reward_cents: 5000,
      reward_valid_days: 30,
    });
    const task = await post('/types', { kind: 'task', name: 'Reward reminder' });
    await post('/triggers', {
      name: 'Reward expires in a week',
      trigger_type: 'loyalty_reward',
      date_option: 'expiration_date',
      offset: { when: 'before', amount: 7, unit: 'days' },
      action: 'task',
      action_settings: { task_type_id: task.id, subject: 'Remind them of their reward' },
    });
    const ana = await post('/clients', {
      first_name: 'Ana',
      last_name: 'Reyes',
      referral_program_id: program.id,
    });
    const ben = await post('/clients', {
      first_name: 'Ben',
      last_name: 'Ode',
      referral_program_id: program.id,
    });
    await post('/clock/advance', { to: '2026-04-02T14:00:00Z' });
    await post('/clients', { first_name: 'Cy', last_name: 'Reyes', referred_by_client_id: ana.id });
    await post('/clients', { first_name: 'Dee', last_name: 'Ode', referred_by_client_id: ben.id });
    const rewards = (await call(app, admin, 'GET', '/api/v1/loyalty-rewards')).body.data;
    expect(rewards.map((r: Record<string, unknown>) => [r.client_id, r.expiration_date])).toEqual([
      [ana.id, '2026-05-02'],
      [ben.id, '2026-05-02'],
    ]);

    // Seven days before 2026-05-02, both rewards fall due; Ben then uses all of his.
    await post('/clock/advance', { to: '2026-04-25T16:00:00Z', step_minutes: 720 });
    const items = () =>
      loose(store().db)
        .selectFrom('triggered_items')
        .select(['record_id', 'state'])
        .where('studio_id', '=', studio.studio.id)
        .orderBy('record_id')
        .execute();
    expect(await items()).toEqual([
      { record_id: rewards[0].id, state: 'pending' },
      { record_id: rewards[1].id, state: 'pending' },
    ]);
    await post(`/loyalty-rewards/${rewards[1].id}/redemptions`, { amount_cents: 5000 });
    await post('/clock/advance', { to: '2026-04-25T17:00:00Z' });
    expect(await items()).toEqual([
      { record_id: rewards[0].id, state: 'pending' },
      { record_id: rewards[1].id, state: 'withdrawn' },
    ]);
    await app.close();
  });
});
