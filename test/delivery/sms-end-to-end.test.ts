import { afterAll, beforeAll, expect, it } from 'vitest';
import { runControlCenter } from '../../src/control-center/run-control-center.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { DeliverySetup } from '../../src/delivery/delivery-channels.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDialect } from '../support/dialects.js';
import type { FakeTwilio } from '../support/fake-twilio.js';
import { smsTriggerStudio, type SmsTriggerStudio } from '../support/sms-trigger-studio.js';

/**
 * A real studio (not a sandbox) with an SMS provider configured: processing queues the SMS for the
 * provider, and the Control Center's run sends it over HTTP to a server that speaks Twilio's API.
 */
forEachDialect('SMS from trigger to provider', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let twilio: FakeTwilio;
  let delivery: DeliverySetup;
  let api: ApiClient;
  let triggerId: number;
  let studioId: number;
  const run = async () => {
    clock.advance(60_000);
    const runs = await runControlCenter(store().db, clock, {
      publicUrl: 'http://triggerfish.test',
      ...delivery,
    });
    return runs.find((r) => r.studioId === studioId);
  };

  let studio: SmsTriggerStudio;
  beforeAll(async () => {
    studio = await smsTriggerStudio(store(), clock, { body: 'Welcome, {{ client.first_name }}!' });
    ({ twilio, delivery, api, studioId, triggerId } = studio);
  });
  afterAll(() => studio.close());

  const textClient = async (number: string) => {
    clock.advance(60_000);
    const client = await api.create('/clients', {
      first_name: 'Grace',
      last_name: 'Hopper',
      phones: [{ number, label: 'mobile', sms_capable: true }],
    });
    await run();
    const [item] = (await api.read(`/queue/items?trigger_id=${triggerId}`)).data;
    await api.post('/queue/process', { item_ids: [item.id] });
    const [communication] = (await api.read(`/communications?client_id=${client.id}`)).data;
    return Number(communication.delivery.id);
  };

  it('sends the SMS to the provider from the studio number and records its sid', async () => {
    const id = await textClient('202-555-0111');
    expect((await api.read(`/deliveries/${id}`)).provider).toBe('twilio');
    const counts = (await run())?.counts;
    expect(counts).toMatchObject({ sent: 1, delivery_failed: 0 });
    const [message] = twilio.messages.slice(-1);
    expect(message).toMatchObject({ to: '+12025550111', from: '+12025550100', body: 'Welcome, Grace!' });
    expect(await api.read(`/deliveries/${id}`)).toMatchObject({
      state: 'sent',
      provider_message_id: message?.sid,
    });
  });

  it('retries after a provider outage, and fails an invalid number at once with its code', async () => {
    twilio.failNext({ kind: 'server-error', status: 503 });
    const outage = await textClient('202-555-0122');
    expect((await run())?.counts).toMatchObject({ retrying: 1 });
    expect(await api.read(`/deliveries/${outage}`)).toMatchObject({
      state: 'queued',
      error_code: 'twilio-20503',
    });
    clock.advance(3_600_000);
    await run();
    expect((await api.read(`/deliveries/${outage}`)).state).toBe('sent');
    twilio.failFor('+12025550133', { kind: 'twilio-error', code: 21211 });
    const invalid = await textClient('202-555-0133');
    await run();
    expect(await api.read(`/deliveries/${invalid}`)).toMatchObject({
      state: 'failed',
      error_code: 'twilio-21211',
    });
  });
});
