import { beforeAll, expect, it } from 'vitest';
import type { DeliveryChannel, OutboundMessage, SendOutcome } from '../../src/delivery/channel.js';
import { dispatchOutbox } from '../../src/delivery/dispatch-outbox.js';
import type { RetryPolicy } from '../../src/delivery/retry-policy.js';
import { claimDeliveries } from '../../src/store/claim-deliveries.js';
import { loose } from '../../src/store/record-table.js';
import { getStudio } from '../../src/store/studios.js';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

/**
 * The dispatcher's own rules (claiming, outcomes, retries, leases), with a channel that answers as
 * each test says. The channels themselves are tested against a real SMTP server and an HTTP server
 * that speaks the SMS provider's API.
 */
function scripted(outcomes: SendOutcome[]): DeliveryChannel & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    name: 'capture',
    sent,
    send: async (message) => {
      sent.push(message);
      const next = outcomes.shift();
      if (!next) throw new Error('no outcome scripted');
      return next;
    },
    close: async () => {},
  };
}

const POLICY: RetryPolicy = {
  maxAttempts: 3,
  maxAgeMs: 24 * 3_600_000,
  baseDelayMs: 60_000,
  maxDelayMs: 600_000,
};
const email = (address: string) => ({ address, label: 'home', is_primary: true });

forEachDialect('the outbox dispatcher', (store) => {
  let s: ProcessingStudio;
  beforeAll(async () => {
    s = await processingStudio(store());
  });
  /** A queued email delivery, made by processing a trigger, and the studio's now. */
  const queuedDelivery = async () => {
    const fired = await s.fire(
      { action: 'email', action_settings: { email_template_id: s.templates.email } },
      { emails: [email(`d${Math.random().toString(36).slice(2, 8)}@example.com`)] },
    );
    const [communication] = fired.communications;
    expect(communication.delivery.state).toBe('queued');
    return Number(communication.delivery.id);
  };
  const delivery = (id: number) =>
    loose(store().db).selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const transitions = async (id: number) =>
    (
      await loose(store().db)
        .selectFrom('delivery_transitions')
        .select(['from_state', 'to_state', 'code', 'reason'])
        .where('delivery_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((t) => `${String(t.from_state)}→${String(t.to_state)}${t.code ? ` [${String(t.code)}]` : ''}`);
  const dispatch = async (channel: DeliveryChannel, at: Date) =>
    dispatchOutbox(store().db, await getStudio(store().db, s.fixture.studio.id), at, {
      channels: new Map([['capture', channel]]),
      policy: POLICY,
      random: () => 0,
    });

  it('retries a temporary failure after a backoff, then records it sent with the provider id and a stable Message-ID', async () => {
    const id = await queuedDelivery();
    const channel = scripted([
      { kind: 'temporary', code: 'smtp-451', reason: '451 try again later' },
      { kind: 'sent', providerId: 'abc' },
    ]);
    const now = s.now();
    expect(await dispatch(channel, now)).toMatchObject({ retrying: 1, sent: 0 });
    const waiting = await delivery(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, error_code: 'smtp-451' });
    // Full jitter with random 0: half the first delay.
    expect(waiting.next_attempt_at).toBe(new Date(now.getTime() + 30_000).toISOString());
    expect(await dispatch(channel, new Date(now.getTime() + 10_000))).toMatchObject({ sent: 0, retrying: 0 });
    expect(await dispatch(channel, new Date(now.getTime() + 30_000))).toMatchObject({ sent: 1 });
    expect(await delivery(id)).toMatchObject({ state: 'sent', attempts: 2, provider_message_id: 'abc' });
    expect(channel.sent.map((m) => m.messageId)).toEqual([
      channel.sent[0]?.messageId,
      channel.sent[0]?.messageId,
    ]);
    expect(channel.sent[0]?.messageId).toMatch(/^<delivery-\d+\.studio-\d+@lumen\.test>$/);
    expect(await transitions(id)).toEqual([
      'queued→sending',
      'sending→queued [smtp-451]',
      'queued→sending',
      'sending→sent',
    ]);
  });

  it("waits at least the provider's Retry-After", async () => {
    const id = await queuedDelivery();
    const now = s.now();
    await dispatch(
      scripted([{ kind: 'temporary', code: 'http-429', reason: 'too many', retryAfterMs: 120_000 }]),
      now,
    );
    expect((await delivery(id)).next_attempt_at).toBe(new Date(now.getTime() + 120_000).toISOString());
  });

  it('fails for good after the last attempt, saying why', async () => {
    const id = await queuedDelivery();
    const down = { kind: 'temporary' as const, code: 'ECONNREFUSED', reason: 'connection refused' };
    const channel = scripted([down, down, down]);
    let at = s.now().getTime();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await dispatch(channel, new Date(at));
      at += 3_600_000;
    }
    expect(await delivery(id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      error_code: 'ECONNREFUSED',
      reason: 'connection refused (gave up after 3 attempts)',
    });
  });

  it('fails a permanent error at once with the provider code, and a thrown error is a temporary one', async () => {
    const permanent = await queuedDelivery();
    await dispatch(
      scripted([{ kind: 'permanent', code: 'smtp-550', reason: '550 no such mailbox' }]),
      s.now(),
    );
    expect(await delivery(permanent)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error_code: 'smtp-550',
      reason: '550 no such mailbox',
    });
    const thrown = await queuedDelivery();
    await dispatch(scripted([]), s.now());
    expect(await delivery(thrown)).toMatchObject({ state: 'queued', error_code: 'error' });
  });

  it('queues again, after its lease, a delivery whose dispatcher died before recording an outcome', async () => {
    const id = await queuedDelivery();
    const now = s.now();
    // A dispatcher claims it and is killed before it records anything.
    await claimDeliveries(store().db, s.fixture.studio.id, now, 100, 60_000, async () => {});
    expect((await delivery(id)).state).toBe('sending');
    const channel = scripted([{ kind: 'sent', providerId: 'late' }]);
    expect(await dispatch(channel, new Date(now.getTime() + 30_000))).toMatchObject({ returned: 0, sent: 0 });
    expect(await dispatch(channel, new Date(now.getTime() + 61_000))).toMatchObject({ returned: 1, sent: 1 });
    expect(await delivery(id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect((await transitions(id)).slice(-3)).toEqual(['sending→queued', 'queued→sending', 'sending→sent']);
  });

  it('when stopping, records the send in flight and queues again, unsent, what it had claimed but not sent', async () => {
    // Queued and processed together, so that no Control Center run sends one before the test does.
    const trigger = { action: 'email', action_settings: { email_template_id: s.templates.email } };
    const items: number[] = [];
    for (const name of ['stop1', 'stop2', 'stop3']) {
      items.push((await s.queue(trigger, { emails: [email(`${name}@example.com`)] })).itemId);
    }
    await s.api.post('/queue/process', { item_ids: items });
    const ids: number[] = [];
    for (const item of items) {
      const [communication] = (await s.api.read(`/communications?triggered_item_id=${item}`)).data;
      ids.push(Number(communication.delivery.id));
    }
    const stopping = new AbortController();
    // The first send goes at once; the others wait, as behind a rate limit, until the stop.
    let waits = 0;
    const beforeSend = () => (waits++ === 0 ? Promise.resolve() : new Promise<void>(() => {}));
    const channel: DeliveryChannel = {
      name: 'capture',
      send: async () => {
        stopping.abort();
        return { kind: 'sent', providerId: 'in-flight' };
      },
      close: async () => {},
    };
    const counts = await dispatchOutbox(
      store().db,
      await getStudio(store().db, s.fixture.studio.id),
      s.now(),
      {
        channels: new Map([['capture', channel]]),
        policy: POLICY,
        beforeSend,
        signal: stopping.signal,
      },
    );
    expect(counts.sent).toBe(1);
    expect(counts.returned).toBe(waits - 1);
    const rows = await Promise.all(ids.map(delivery));
    expect(rows.map((r) => r.state).sort()).toEqual(
      rows.some((r) => r.state === 'sent') ? ['queued', 'queued', 'sent'] : ['queued', 'queued', 'queued'],
    );
    for (const row of rows.filter((r) => r.state === 'queued')) {
      expect(row).toMatchObject({ attempts: 0, lease_until: null });
      expect((await transitions(Number(row.id))).slice(-2)).toEqual(['queued→sending', 'sending→queued']);
    }
    const last = await loose(store().db)
      .selectFrom('delivery_transitions')
      .select('reason')
      .where('delivery_id', '=', ids[2]!)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.reason).toBe('returned unsent: the dispatcher is stopping');
  });

  it('an SMS refused because the recipient opted out fails and puts the number on the STOP list, in the consent ledger', async () => {
    const fired = await s.fire(
      { action: 'sms', action_settings: { sms_template_id: s.templates.sms } },
      { phones: [{ number: '202-555-0177', label: 'mobile', sms_capable: true }] },
    );
    const id = Number(fired.communications[0].delivery.id);
    await dispatch(
      scripted([
        {
          kind: 'permanent',
          code: 'twilio-21610',
          reason: 'Attempt to send to unsubscribed recipient',
          optedOut: true,
        },
      ]),
      s.now(),
    );
    expect(await delivery(id)).toMatchObject({ state: 'failed', error_code: 'twilio-21610' });
    const stop = await loose(store().db)
      .selectFrom('sms_opt_outs')
      .select(['number', 'source'])
      .where('studio_id', '=', s.fixture.studio.id)
      .execute();
    expect(stop).toEqual([{ number: '+12025550177', source: 'provider' }]);
    const ledger = (await s.api.read(`/clients/${fired.clientId}/consent-events`)).data;
    expect(ledger.at(-1)).toMatchObject({
      channel: 'sms',
      action: 'opt_out',
      address: '+12025550177',
      source: 'provider',
    });
  });
});
