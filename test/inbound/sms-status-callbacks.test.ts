import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runControlCenter } from '../../src/control-center/run-control-center.js';
import type { DeliverySetup } from '../../src/delivery/delivery-channels.js';
import { ManualClock } from '../../src/domain/clock.js';
import { loose } from '../../src/store/record-table.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDialect } from '../support/dialects.js';
import type { FakeTwilio } from '../support/fake-twilio.js';
import { STATUS_PATH, postTwilio } from '../support/inbound-sms-requests.js';
import { smsTriggerStudio, type SmsTriggerStudio } from '../support/sms-trigger-studio.js';

/**
 * A real (non-sandbox) studio sends SMS to a Twilio stand-in, which then posts signed status
 * callbacks to the listening server's PUBLIC_URL, as Twilio does.
 */
forEachDialect('SMS status callbacks', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let twilio: FakeTwilio;
  let delivery: DeliverySetup;
  let app: FastifyInstance;
  let api: ApiClient;
  let studioId: number;
  let triggerId: number;

  let studio: SmsTriggerStudio;
  beforeAll(async () => {
    studio = await smsTriggerStudio(store(), clock, { body: 'Hi!', listen: true });
    ({ twilio, delivery, app, api, studioId, triggerId } = studio);
  });
  afterAll(() => studio.close());

  const run = async () => {
    clock.advance(60_000);
    await runControlCenter(store().db, clock, { publicUrl: 'http://triggerfish.test', ...delivery });
  };
  /** Sends one SMS to a new client and returns its delivery id and Twilio sid. */
  const sent = async (number: string) => {
    clock.advance(60_000);
    const client = await api.create('/clients', {
      first_name: 'Grace',
      last_name: 'Hopper',
      allow_marketing_sms: true,
      phones: [{ number, label: 'mobile', sms_capable: true }],
    });
    await run();
    const items = (await api.read(`/queue/items?trigger_id=${triggerId}`)).data;
    const item = items.find((i: any) => i.record_id === client.id);
    await api.post('/queue/process', { item_ids: [item.id] });
    await run();
    const [communication] = (await api.read(`/communications?client_id=${client.id}`)).data;
    const id = Number(communication.delivery.id);
    const delivery = await api.read(`/deliveries/${id}`);
    expect(delivery.state).toBe('sent');
    return { id, sid: String(delivery.provider_message_id) };
  };
  const transitions = async (id: number) =>
    (await loose(store().db)
      .selectFrom('delivery_transitions')
      .select(['from_state', 'to_state', 'code'])
      .where('delivery_id', '=', id)
      .orderBy('id')
      .execute()) as any[];

  it('delivered: the delivery becomes delivered with its time and a transition; repeats change nothing', async () => {
    const { id, sid } = await sent('202-555-0111');
    expect(await twilio.sendStatusCallback(sid, 'sent')).toBe(200);
    expect(await twilio.sendStatusCallback(sid, 'delivered')).toBe(200);
    expect(await twilio.sendStatusCallback(sid, 'delivered')).toBe(200);
    expect(await api.read(`/deliveries/${id}`)).toMatchObject({
      state: 'delivered',
      delivered_at: clock.now().toISOString(),
    });
    expect((await transitions(id)).filter((t) => t.from_state === 'sent')).toEqual([
      { from_state: 'sent', to_state: 'delivered', code: null },
    ]);
  });

  it('undelivered and failed: failed with the error code and a readable reason', async () => {
    const first = await sent('202-555-0122');
    expect(await twilio.sendStatusCallback(first.sid, 'undelivered', 30006)).toBe(200);
    expect(await api.read(`/deliveries/${first.id}`)).toMatchObject({
      state: 'failed',
      error_code: 'twilio-30006',
    });
    expect((await api.read(`/deliveries/${first.id}`)).reason).toMatch(/landline or unreachable carrier/);
    const second = await sent('202-555-0123');
    expect(await twilio.sendStatusCallback(second.sid, 'failed', 30007)).toBe(200);
    expect((await api.read(`/deliveries/${second.id}`)).reason).toMatch(/filtered by the carrier/);
  });

  it('out of order: a late "sent" or "queued" never moves a delivered or failed delivery back', async () => {
    const { id, sid } = await sent('202-555-0133');
    await twilio.sendStatusCallback(sid, 'delivered');
    await twilio.sendStatusCallback(sid, 'sent');
    await twilio.sendStatusCallback(sid, 'queued');
    await twilio.sendStatusCallback(sid, 'failed', 30008);
    expect((await api.read(`/deliveries/${id}`)).state).toBe('delivered');
    expect((await transitions(id)).map((t) => t.to_state).slice(-1)).toEqual(['delivered']);
  });

  it('21610 (the recipient opted out at the carrier) puts the number on the STOP list', async () => {
    const { sid } = await sent('202-555-0144');
    await twilio.sendStatusCallback(sid, 'failed', 21610);
    const rows = await loose(store().db)
      .selectFrom('sms_opt_outs')
      .select(['number', 'source'])
      .where('studio_id', '=', studioId)
      .execute();
    expect(rows).toEqual([{ number: '+12025550144', source: 'provider' }]);
  });

  it('refuses unsigned callbacks and answers 404 for a message id no delivery has', async () => {
    const { id, sid } = await sent('202-555-0155');
    const unsigned = await postTwilio(
      app,
      STATUS_PATH,
      { MessageSid: sid, MessageStatus: 'failed' },
      { sign: false },
    );
    expect(unsigned.statusCode).toBe(403);
    expect((await api.read(`/deliveries/${id}`)).state).toBe('sent');
    const unknown = await twilio.sendStatusCallback(sid, 'delivered').then(() =>
      postTwilio(
        app,
        STATUS_PATH,
        { MessageSid: 'SMnope', MessageStatus: 'delivered' },
        {
          token: twilio.authToken,
          signedUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${STATUS_PATH}`,
        },
      ),
    );
    expect(unknown.statusCode).toBe(404);
  });
});
