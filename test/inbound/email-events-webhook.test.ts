import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import { loose } from '../../src/store/record-table.js';
import { apiClient, type ApiClient } from '../support/api-client.js';
import { insertSentEmail } from '../support/communications.js';
import { forEachDialect } from '../support/dialects.js';
import { EVENTS_SECRET, postJsonEvents, sendgridKeys } from '../support/email-event-requests.js';
import { makeStudio, type StudioFixture } from '../support/studio-fixture.js';

/** Our JSON email-events webhook: signatures, replays, hostile bodies, and what each event does. */
forEachDialect('email events in Triggerfish JSON', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  let b: StudioFixture;
  let api: ApiClient;
  let apiB: ApiClient;
  const post = (events: unknown, signing = {}) =>
    postJsonEvents(app, clock.now(), JSON.stringify(events), signing);
  const eventCount = async () =>
    Number(
      (
        await loose(store().db)
          .selectFrom('email_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newClient = async (client: ApiClient, address: string) =>
    client.create('/clients', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      allow_marketing_email: true,
      emails: [{ address, label: 'home', is_primary: true }],
    });
  const sent = async (studio: StudioFixture, clientId: number, address: string) =>
    insertSentEmail(store().db, studio.studio.id, clientId, address, clock.now());

  beforeAll(async () => {
    const config = loadConfig({
      EMAIL_EVENTS_SECRET: EVENTS_SECRET,
      SENDGRID_WEBHOOK_PUBLIC_KEY: sendgridKeys().publicKeyBase64,
    });
    app = await buildServer({ store: store(), clock, config });
    a = await makeStudio(store(), clock);
    b = await makeStudio(store(), clock);
    api = apiClient(app, a.tokens.staff);
    apiB = apiClient(app, b.tokens.owner);
  });

  it('records a signed delivered event once, moves the delivery and lists it on the email', async () => {
    const client = await newClient(api, 'lin@example.com');
    const email = await sent(a, client.id, 'lin@example.com');
    const event = {
      event: 'delivered',
      occurred_at: '2026-11-02T15:00:03Z',
      message_id: `<${email.messageId}>`,
      email: 'Lin@Example.com',
      provider_event_id: 'evt-delivered-1',
    };
    expect(await post([event])).toEqual({
      status: 200,
      body: { received: 1, recorded: 1, duplicates: 0, unmatched: 0, ignored: 0 },
    });
    // The provider retries: acknowledged, nothing stored or changed again.
    expect((await post([event])).body).toMatchObject({ recorded: 0, duplicates: 1 });
    const delivery = await api.read(`/deliveries/${email.deliveryId}`);
    expect(delivery).toMatchObject({ state: 'delivered', delivered_at: '2026-11-02T15:00:03.000Z' });
    const shown = await api.read(`/communications/${email.communicationId}`);
    expect(shown.email_events).toEqual([
      expect.objectContaining({
        event: 'delivered',
        occurred_at: '2026-11-02T15:00:03.000Z',
        source: 'json',
      }),
    ]);
  });

  it('refuses unsigned, wrongly signed and old requests, storing nothing', async () => {
    const client = await newClient(api, 'sig@example.com');
    const email = await sent(a, client.id, 'sig@example.com');
    const events = [
      {
        event: 'opened',
        occurred_at: '2026-11-02T15:01:00Z',
        communication_id: email.communicationId,
        provider_event_id: 'evt-sig',
      },
    ];
    const before = await eventCount();
    const unsigned = await post(events, { unsigned: true });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.message).toContain('X-Triggerfish-Timestamp');
    const forged = await post(events, { secret: 'another-secret-that-is-long-enough-to-use' });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain('does not match');
    const old = await post(events, { timestamp: Math.floor(clock.now().getTime() / 1000) - 301 });
    expect(old.status).toBe(403);
    expect(old.body.message).toContain('301 seconds');
    expect(await eventCount()).toBe(before);
    expect((await post(events)).status).toBe(200);
    expect(await eventCount()).toBe(before + 1);
  });

  it('answers hostile bodies with a clear 4xx and stores nothing', async () => {
    const client = await newClient(api, 'hostile@example.com');
    const email = await sent(a, client.id, 'hostile@example.com');
    const good = {
      event: 'clicked',
      occurred_at: '2026-11-02T15:02:00Z',
      message_id: email.messageId,
      provider_event_id: 'evt-hostile',
    };
    const before = await eventCount();
    const raw = (body: string, signing = {}) => postJsonEvents(app, clock.now(), body, signing);
    expect(await raw('not json')).toMatchObject({
      status: 400,
      body: { details: [{ problem: 'the body must be JSON' }] },
    });
    expect((await raw('')).status).toBe(400);
    expect((await post({ events: [good] })).body.details).toEqual([
      { path: '', problem: 'must be an array of events' },
    ]);
    const shapes = await post([
      good,
      'x',
      { event: 'exploded', occurred_at: 'yesterday', communication_id: -1 },
    ]);
    expect(shapes.status).toBe(400);
    expect(shapes.body.details.map((d: { path: string }) => d.path)).toEqual([
      '1',
      '2.event',
      '2.occurred_at',
      '2.provider_event_id',
      '2.communication_id',
    ]);
    const nul = await post([{ ...good, reason: 'a\u0000b' }]);
    expect(nul).toMatchObject({
      status: 400,
      body: { details: [{ problem: expect.stringContaining('NUL') }] },
    });
    const huge = await raw(JSON.stringify([{ ...good, reason: 'x'.repeat(6 * 1024 * 1024) }]));
    expect(huge.status).toBe(413);
    const form = await raw('event=opened', { contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect(await eventCount()).toBe(before);
    // Emoji and other scripts are fine, and kept as sent.
    const emoji = await post([{ ...good, url: 'https://lumen.test/🎉?name=Zoë' }]);
    expect(emoji.body.recorded).toBe(1);
    const shown = await api.read(`/communications/${email.communicationId}`);
    expect(shown.email_events[0].url).toBe('https://lumen.test/🎉?name=Zoë');
  });

  it('puts a hard bounce on the block list and fails the delivery; staff lift it, and a new bounce blocks again', async () => {
    const client = await newClient(api, 'Gone@Example.com');
    const email = await sent(a, client.id, 'Gone@Example.com');
    const bounce = (id: string) => ({
      event: 'bounced',
      occurred_at: '2026-11-02T15:03:00Z',
      message_id: email.messageId,
      email: 'gone@example.com',
      reason: '550 5.1.1 user unknown',
      provider_event_id: id,
    });
    expect((await post([bounce('evt-bounce-1')])).body.recorded).toBe(1);
    expect(await api.read(`/deliveries/${email.deliveryId}`)).toMatchObject({
      state: 'failed',
      error_code: 'bounced',
      reason: 'bounced (json): 550 5.1.1 user unknown',
    });
    const [block] = (await api.read('/email-blocks?address=GONE@example.com')).data;
    expect(block).toMatchObject({
      address: 'gone@example.com',
      reason: 'hard bounce: 550 5.1.1 user unknown',
      lifted_at: null,
    });
    // A soft bounce is recorded but blocks nothing.
    const soft = await sent(a, client.id, 'Gone@Example.com');
    await post([{ ...bounce('evt-soft'), message_id: soft.messageId, bounce_type: 'soft' }]);
    expect((await api.read('/email-blocks?address=gone@example.com')).data).toHaveLength(1);

    const lifted = await api.post(`/email-blocks/${block.id}/lift`, { note: 'They fixed their mailbox' });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({
      lifted_by_user_id: a.userIds.staff,
      lift_note: 'They fixed their mailbox',
    });
    expect((await api.post(`/email-blocks/${block.id}/lift`, {})).status).toBe(409);
    expect((await api.read('/email-blocks?address=gone@example.com')).data).toEqual([]);

    const again = await sent(a, client.id, 'Gone@Example.com');
    await post([{ ...bounce('evt-bounce-2'), message_id: again.messageId }]);
    const history = (await api.read('/email-blocks?address=gone@example.com&include_lifted=true')).data;
    expect(history.map((h: { lifted_at: string | null }) => h.lifted_at === null)).toEqual([true, false]);
  });

  it('blocks on a spam report and clears Allow Marketing (email) on an unsubscribe, in the consent ledger', async () => {
    const client = await newClient(api, 'spam@example.com');
    const email = await sent(a, client.id, 'spam@example.com');
    const at = { occurred_at: '2026-11-02T15:04:00Z', message_id: email.messageId };
    const answer = await post([
      { ...at, event: 'spam_report', provider_event_id: 'evt-spam' },
      { ...at, event: 'unsubscribed', provider_event_id: 'evt-unsub' },
      { ...at, event: 'unsubscribed', provider_event_id: 'evt-unsub-again' },
    ]);
    expect(answer.body).toMatchObject({ recorded: 3 });
    expect((await api.read('/email-blocks?address=spam@example.com')).data[0].reason).toBe('spam report');
    expect((await api.read(`/clients/${client.id}`)).allow_marketing_email).toBe(false);
    const ledger = (await api.read(`/clients/${client.id}/consent-events`)).data;
    expect(ledger.filter((e: { source: string }) => e.source === 'email_provider')).toEqual([
      expect.objectContaining({ channel: 'email', action: 'opt_out', address: 'spam@example.com' }),
    ]);
  });

  it("lets an event change only the studio of the email it names, and ignores one whose address is not the email's", async () => {
    const clientB = await newClient(apiB, 'b-client@example.com');
    const emailB = await sent(b, clientB.id, 'b-client@example.com');
    const before = await eventCount();
    const wrongAddress = await post([
      {
        event: 'bounced',
        occurred_at: '2026-11-02T15:05:00Z',
        message_id: emailB.messageId,
        email: 'someone-else@example.com',
        provider_event_id: 'evt-cross-1',
      },
    ]);
    expect(wrongAddress.body).toMatchObject({ unmatched: 1, recorded: 0 });
    const unknown = await post([
      {
        event: 'opened',
        occurred_at: '2026-11-02T15:05:00Z',
        message_id: 'nobody@nowhere',
        provider_event_id: 'evt-x',
      },
    ]);
    expect(unknown.body).toMatchObject({ unmatched: 1 });
    expect(await eventCount()).toBe(before);
    const bounced = await post([
      {
        event: 'bounced',
        occurred_at: '2026-11-02T15:05:00Z',
        communication_id: emailB.communicationId,
        provider_event_id: 'evt-cross-2',
      },
    ]);
    expect(bounced.body.recorded).toBe(1);
    expect((await apiB.read('/email-blocks')).data.map((x: { address: string }) => x.address)).toEqual([
      'b-client@example.com',
    ]);
    expect((await api.read('/email-blocks?address=b-client@example.com')).data).toEqual([]);
    const rows = await loose(store().db)
      .selectFrom('email_events')
      .select('studio_id')
      .where('provider_event_id', '=', 'json:evt-cross-2')
      .execute();
    expect(rows.map((r) => Number(r.studio_id))).toEqual([b.studio.id]);
  });
});
