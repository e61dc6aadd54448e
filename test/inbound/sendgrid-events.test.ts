import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runControlCenter } from '../../src/control-center/run-control-center.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import { loose } from '../../src/store/record-table.js';
import { apiClient, type ApiClient } from '../support/api-client.js';
import { insertSentEmail } from '../support/communications.js';
import { forEachDialect } from '../support/dialects.js';
import { postSendgridEvents, sendgridKeys } from '../support/email-event-requests.js';
import { makeStudio, type StudioFixture } from '../support/studio-fixture.js';

/** SendGrid's Event Webhook with a real P-256 key pair, and Email Records triggers fired from it. */
forEachDialect("email events in SendGrid's format", (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  const keys = sendgridKeys();
  let app: FastifyInstance;
  let a: StudioFixture;
  let api: ApiClient;
  const post = (events: unknown, signing = {}) =>
    postSendgridEvents(app, clock.now(), keys.privateKey, JSON.stringify(events), signing);
  const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

  beforeAll(async () => {
    app = await buildServer({
      store: store(),
      clock,
      config: loadConfig({ SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKeyBase64 }),
    });
    a = await makeStudio(store(), clock);
    api = apiClient(app, a.tokens.admin);
  });

  const emailTo = async (address: string) => {
    const client = await api.create('/clients', {
      first_name: 'Ada',
      last_name: 'Byron',
      allow_marketing_email: true,
      emails: [{ address, label: 'home', is_primary: true }],
    });
    return {
      clientId: Number(client.id),
      ...(await insertSentEmail(store().db, a.studio.id, client.id, address, clock.now())),
    };
  };

  it('matches events by custom argument, smtp-id or sg_message_id, ignores kinds it does not use, and stores each sg_event_id once', async () => {
    const email = await emailTo('ada@example.com');
    const base = { email: 'ada@example.com', timestamp: unix('2026-11-02T15:00:05Z') };
    const batch = [
      { ...base, event: 'processed', sg_event_id: 'sg-0', 'smtp-id': `<${email.messageId}>` },
      {
        ...base,
        event: 'delivered',
        sg_event_id: 'sg-1',
        'smtp-id': `<${email.messageId}>`,
        response: '250 OK',
      },
      { ...base, event: 'open', sg_event_id: 'sg-2', triggerfish_message_id: email.messageId },
      {
        ...base,
        event: 'click',
        sg_event_id: 'sg-3',
        sg_message_id: `${email.queueId}.filter0001.16648.0`,
        url: 'https://lumen.test/offer',
      },
      { ...base, event: 'unsubscribe', sg_event_id: 'sg-4', triggerfish_message_id: email.messageId },
    ];
    expect(await post(batch)).toEqual({
      status: 200,
      body: { received: 5, recorded: 4, duplicates: 0, unmatched: 0, ignored: 1 },
    });
    expect((await post(batch)).body).toMatchObject({ recorded: 0, duplicates: 4 });
    const shown = await api.read(`/communications/${email.communicationId}`);
    expect(shown.email_events.map((e: { event: string }) => e.event).sort()).toEqual([
      'clicked',
      'delivered',
      'opened',
      'unsubscribed',
    ]);
    expect(shown.email_events.find((e: { event: string }) => e.event === 'clicked').url).toBe(
      'https://lumen.test/offer',
    );
    expect(shown.delivery.state).toBe('delivered');
    expect((await api.read(`/clients/${email.clientId}`)).allow_marketing_email).toBe(false);
  });

  it('refuses unsigned, wrongly signed and old requests, and stores nothing', async () => {
    const email = await emailTo('sig@example.com');
    const events = [
      {
        event: 'open',
        email: 'sig@example.com',
        timestamp: unix('2026-11-02T15:00:00Z'),
        sg_event_id: 'sg-sig',
        triggerfish_message_id: email.messageId,
      },
    ];
    expect((await post(events, { unsigned: true })).status).toBe(401);
    expect((await post(events, { privateKey: sendgridKeys().privateKey })).status).toBe(403);
    expect((await post(events, { timestamp: unix('2026-11-02T14:50:00Z') })).status).toBe(403);
    const signed = await postSendgridEvents(app, clock.now(), keys.privateKey, JSON.stringify(events), {});
    expect(signed.status).toBe(200);
    expect((await api.read(`/communications/${email.communicationId}`)).email_events).toHaveLength(1);
  });

  it('blocks a hard bounce but not a "blocked" one, fails both deliveries, and refuses a malformed event', async () => {
    const hard = await emailTo('hard@example.com');
    const soft = await emailTo('soft@example.com');
    const at = unix('2026-11-02T15:01:00Z');
    const malformed = await post([{ event: 'bounce', email: 'hard@example.com', timestamp: 'soon' }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.map((d: { path: string }) => d.path)).toEqual([
      '0.sg_event_id',
      '0.timestamp',
    ]);
    await post([
      {
        event: 'bounce',
        type: 'bounce',
        email: 'hard@example.com',
        timestamp: at,
        sg_event_id: 'sg-b1',
        'smtp-id': `<${hard.messageId}>`,
        reason: '550 5.1.1 no such user',
      },
      {
        event: 'bounce',
        type: 'blocked',
        email: 'soft@example.com',
        timestamp: at,
        sg_event_id: 'sg-b2',
        'smtp-id': `<${soft.messageId}>`,
        reason: '554 listed at a blocklist',
      },
    ]);
    const blocked = (await api.read('/email-blocks')).data.map((x: { address: string }) => x.address);
    expect(blocked).toContain('hard@example.com');
    expect(blocked).not.toContain('soft@example.com');
    expect((await api.read(`/deliveries/${soft.deliveryId}`)).reason).toBe(
      'bounced (sendgrid): blocked: 554 listed at a blocklist',
    );
    expect((await api.read(`/deliveries/${hard.deliveryId}`)).state).toBe('failed');
  });

  it('fires an Email Records trigger from a webhook event as the Control Center runs', async () => {
    // Clicks of the tests above happened before the trigger existed: baselined, they fire nothing.
    clock.advance(10 * 60_000);
    const taskType = await api.create('/types', { kind: 'task', name: 'Follow up' });
    const trigger = await api.create('/triggers', {
      name: 'Clicked the offer',
      trigger_type: 'email_records',
      email_event: 'clicked',
      date_option: 'event_time',
      processing: 'automatic',
      action: 'task',
      action_settings: { task_type_id: taskType.id, subject: 'Call about the offer' },
    });
    clock.advance(60_000);
    const email = await emailTo('clicker@example.com');
    await post([
      {
        event: 'click',
        email: 'clicker@example.com',
        timestamp: unix(clock.now().toISOString()),
        sg_event_id: 'sg-c1',
        triggerfish_message_id: email.messageId,
        url: 'https://lumen.test/offer',
      },
    ]);
    clock.advance(60_000);
    await runControlCenter(store().db, clock, { publicUrl: 'https://studio.example' });
    const items = await loose(store().db)
      .selectFrom('triggered_items')
      .select(['record_id', 'state'])
      .where('trigger_id', '=', trigger.id)
      .execute();
    // Automatic: processed in the run that queued it.
    expect(items.map((i) => [Number(i.record_id), i.state])).toEqual([[email.clientId, 'processed']]);
    const tasks = (await api.read(`/tasks?client_id=${email.clientId}`)).data;
    expect(tasks.map((t: { subject: string }) => t.subject)).toEqual(['Call about the offer']);
  });
});
