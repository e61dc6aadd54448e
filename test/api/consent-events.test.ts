import { expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

forEachDialect('records API: consent ledger', (store) => {
  const ctx = useStudioApi(store);

  it('writes opt_in and opt_out rows with source "api" and the acting user when a flag turns on and off', async () => {
    const { staff, clock, studio } = ctx();
    const userId = studio.userIds.staff;
    const client = await staff.create('/clients', {
      first_name: 'Sam',
      last_name: 'Text',
      allow_marketing_sms: true,
    });
    const optedIn = clock.now().toISOString();
    clock.advance(60_000);
    expect((await staff.patch(`/clients/${client.id}`, { allow_marketing_sms: false })).status).toBe(200);
    const events = await staff.read(`/clients/${client.id}/consent-events`);
    expect(events.data).toEqual([
      {
        id: expect.any(Number),
        channel: 'sms',
        address: null,
        action: 'opt_out',
        source: 'api',
        user_id: userId,
        at: clock.now().toISOString(),
      },
      {
        id: expect.any(Number),
        channel: 'sms',
        address: null,
        action: 'opt_in',
        source: 'api',
        user_id: userId,
        at: optedIn,
      },
    ]);
  });

  it('writes nothing when a flag is sent unchanged or other fields change', async () => {
    const { staff, clock } = ctx();
    const client = await staff.create('/clients', {
      first_name: 'Una',
      last_name: 'Changed',
      allow_marketing_sms: true,
    });
    clock.advance(60_000);
    await staff.patch(`/clients/${client.id}`, { allow_marketing_sms: true, notes: 'still yes' });
    await staff.patch(`/clients/${client.id}`, { first_name: 'Una B.' });
    const events = (await staff.read(`/clients/${client.id}/consent-events`)).data;
    expect(events.map((e: any) => e.action)).toEqual(['opt_in']);
  });

  it('writes nothing for a new client who allows no marketing, and one row per channel that changes', async () => {
    const { staff } = ctx();
    const client = await staff.create('/clients', { first_name: 'Quiet', last_name: 'One' });
    expect((await staff.read(`/clients/${client.id}/consent-events`)).data).toEqual([]);
    await staff.patch(`/clients/${client.id}`, { allow_marketing_email: true, allow_marketing_phone: true });
    const events = (await staff.read(`/clients/${client.id}/consent-events`)).data;
    expect(events.map((e: any) => `${e.channel}:${e.action}`).sort()).toEqual([
      'email:opt_in',
      'phone:opt_in',
    ]);
  });

  it("answers 404 for another studio's client and for an unknown one", async () => {
    const { staff, other } = ctx();
    const theirs = await other.samples.create('client', { allow_marketing_sms: true });
    expect(await staff.get(`/clients/${theirs.id}/consent-events`)).toEqual({
      status: 404,
      body: { code: 'ERR_NOT_FOUND', message: `Client ${theirs.id} was not found`, details: [] },
    });
    expect((await staff.get('/clients/999999/consent-events')).status).toBe(404);
    expect((await staff.get('/clients/x/consent-events')).status).toBe(400);
  });
});
