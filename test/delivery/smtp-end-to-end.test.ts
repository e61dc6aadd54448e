import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runControlCenter } from '../../src/control-center/run-control-center.js';
import { ManualClock } from '../../src/domain/clock.js';
import { verifyUnsubscribeToken } from '../../src/domain/unsubscribe-token.js';
import { deliveryChannels, type DeliverySetup } from '../../src/delivery/delivery-channels.js';
import { buildServer } from '../../src/server/build-server.js';
import { apiClient, type ApiClient } from '../support/api-client.js';
import { forEachDialect } from '../support/dialects.js';
import {
  headerOf,
  startSmtpTestServer,
  type ReceivedMail,
  type SmtpTestServer,
} from '../support/smtp-test-server.js';
import { makeStudio } from '../support/studio-fixture.js';

const SECRET = 'test-unsubscribe-secret-of-at-least-32-characters';
const PUBLIC_URL = 'https://studio.example';

/**
 * A real studio (not a sandbox) with SMTP configured: processing queues each email for the smtp
 * provider, and the Control Center's run hands it to a real SMTP server, which parses it back.
 */
forEachDialect('email from trigger to SMTP server', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let smtp: SmtpTestServer;
  let delivery: DeliverySetup;
  let app: FastifyInstance;
  let api: ApiClient;
  let token: string;
  let studioId: number;
  let templateId: number;
  const run = async () => {
    clock.advance(60_000);
    const runs = await runControlCenter(store().db, clock, { publicUrl: PUBLIC_URL, ...delivery });
    return runs.find((r) => r.studioId === studioId);
  };

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const config = loadConfig({
      SMTP_URL: smtp.url(),
      SMTP_FROM: 'studios@triggerfish.test',
      SMTP_TIMEOUT_SECONDS: '5',
      UNSUBSCRIBE_SECRET: SECRET,
      PUBLIC_URL,
    });
    delivery = deliveryChannels(config, clock);
    app = await buildServer({ store: store(), clock, config, delivery });
    const fixture = await makeStudio(store(), clock, {
      sender_name: 'Lumen Portraits',
      sender_email: 'hello@lumen.test',
    });
    studioId = fixture.studio.id;
    token = fixture.tokens.admin;
    api = apiClient(app, token);
    templateId = (
      await api.create('/templates', {
        name: 'Welcome',
        channel: 'email',
        basis: 'client',
        subject: 'Welcome, {{ client.first_name }}',
        body_html: '<p>Hello {{ client.first_name }}, welcome to {{ studio.name }}.</p>',
        body_text: 'Hello {{ client.first_name }}, welcome to {{ studio.name }}.',
      })
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await delivery.close();
    await smtp.close();
  });

  /** A trigger on new clients, then a new client, processed: the id of its email's delivery. */
  let trigger: { id: number; transactional: boolean } | null = null;
  const emailClient = async (address: string, transactional = false) => {
    if (trigger?.transactional !== transactional) {
      if (trigger) await api.patch(`/triggers/${trigger.id}`, { is_active: false });
      const created = await api.create('/triggers', {
        name: transactional ? 'Welcome (transactional)' : 'Welcome',
        trigger_type: 'client_status',
        date_option: 'created',
        action: 'email',
        action_settings: { email_template_id: templateId, ...(transactional ? { transactional } : {}) },
      });
      trigger = { id: created.id, transactional };
    }
    clock.advance(60_000);
    const client = await api.create('/clients', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      emails: [{ address, label: 'home', is_primary: true }],
    });
    await run();
    const [item] = (await api.read(`/queue/items?trigger_id=${trigger.id}`)).data;
    await api.post('/queue/process', { item_ids: [item.id] });
    const [communication] = (await api.read(`/communications?client_id=${client.id}`)).data;
    return { deliveryId: Number(communication.delivery.id), clientId: Number(client.id) };
  };
  const received = (to: string): ReceivedMail[] => smtp.received.filter((m) => m.envelopeTo.includes(to));

  it('delivers a trigger’s email from the studio, HTML and text, with its Message-ID and queue id', async () => {
    const { deliveryId } = await emailClient('zoe@example.com', true);
    expect((await api.read(`/deliveries/${deliveryId}`)).provider).toBe('smtp');
    expect((await run())?.counts).toMatchObject({ sent: 1, delivery_failed: 0 });
    const [mail] = received('zoe@example.com');
    expect(mail?.parsed.from?.value).toEqual([{ name: 'Lumen Portraits', address: 'hello@lumen.test' }]);
    expect(mail?.parsed.subject).toBe('Welcome, Zoë');
    expect(mail?.parsed.html).toMatch(/^<p>Hello Zoë, welcome to Studio /);
    expect(mail?.parsed.text).toMatch(/^Hello Zoë, welcome to Studio /);
    expect(mail?.parsed.messageId).toBe(`<delivery-${deliveryId}.studio-${studioId}@lumen.test>`);
    expect(await api.read(`/deliveries/${deliveryId}`)).toMatchObject({
      state: 'sent',
      provider_message_id: mail?.queueId,
    });
  });

  it('marks transactional email as such, with no unsubscribe link or header', async () => {
    const [mail] = received('zoe@example.com');
    expect(headerOf(mail, 'X-Triggerfish-Category')).toBe('transactional');
    expect(headerOf(mail, 'List-Unsubscribe')).toBeUndefined();
    expect(mail?.parsed.text).not.toMatch(/unsubscribe/i);
  });

  it('gives marketing email one-click unsubscribe headers and a visible link whose token verifies', async () => {
    const { deliveryId, clientId } = await emailClient('marketing@example.com');
    await run();
    const [mail] = received('marketing@example.com');
    expect(headerOf(mail, 'X-Triggerfish-Category')).toBe('marketing');
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = /^<(.+)>$/.exec(headerOf(mail, 'List-Unsubscribe') ?? '')?.[1] as string;
    expect(url.startsWith(`${PUBLIC_URL}/u/`)).toBe(true);
    expect(mail?.parsed.text).toContain(`Unsubscribe: ${url}`);
    expect(mail?.parsed.html).toContain(`<a href="${url}">Unsubscribe</a>`);
    const communicationId = Number((await api.read(`/deliveries/${deliveryId}`)).communication_id);
    expect(verifyUnsubscribeToken(SECRET, url.slice(`${PUBLIC_URL}/u/`.length))).toEqual({
      studioId,
      clientId,
      channel: 'email',
      communicationId,
    });
  });

  it("sends a session email's confirmation PDF and .ics as attachments, the bytes stored with it", async () => {
    if (trigger) await api.patch(`/triggers/${trigger.id}`, { is_active: false });
    trigger = null;
    const template = await api.create('/templates', {
      name: 'Your session',
      channel: 'email',
      basis: 'session',
      subject: 'Your session, {{ client.first_name }}',
      body_text: 'See you soon.',
    });
    const sessionTrigger = await api.create('/triggers', {
      name: 'Session booked',
      trigger_type: 'session_type',
      date_option: 'booked_date',
      action: 'email',
      action_settings: {
        email_template_id: template.id,
        transactional: true,
        attachments: ['session_confirmation_pdf', 'ics_invitation'],
      },
    });
    clock.advance(60_000);
    const client = await api.create('/clients', {
      first_name: 'Łukasz',
      last_name: 'Nowak',
      emails: [{ address: 'lukasz@example.com', label: 'home', is_primary: true }],
    });
    const sessionType = await api.create('/types', { kind: 'session', name: 'Headshot' });
    await api.create('/sessions', {
      client_id: client.id,
      session_type_id: sessionType.id,
      start: '2026-12-01T15:00:00Z',
      end: '2026-12-01T16:00:00Z',
      booked_at: clock.now().toISOString(),
    });
    await run();
    const [item] = (await api.read(`/queue/items?trigger_id=${sessionTrigger.id}`)).data;
    await api.post('/queue/process', { item_ids: [item.id] });
    await api.patch(`/triggers/${sessionTrigger.id}`, { is_active: false });
    const [communication] = (await api.read(`/communications?client_id=${client.id}`)).data;
    await run();
    const [mail] = received('lukasz@example.com');
    const files = mail?.parsed.attachments ?? [];
    expect(files.map((f) => [f.filename, f.contentType])).toEqual(
      communication.attachments.map((a: { filename: string; content_type: string }) => [
        a.filename,
        a.content_type.split(';')[0],
      ]),
    );
    for (const [i, stored] of communication.attachments.entries()) {
      const download = await app.inject({
        method: 'GET',
        url: stored.url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(files[i]?.content.equals(download.rawPayload)).toBe(true);
    }
    expect(files[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files[1]?.content.toString()).toContain('BEGIN:VCALENDAR');
  });

  it('retries an SMTP 451 with backoff, then sends with the same Message-ID', async () => {
    smtp.refuse('greylisted@example.com', 451, '4.7.1 Greylisted, please try again later', 1);
    const { deliveryId } = await emailClient('greylisted@example.com', true);
    expect((await run())?.counts).toMatchObject({ retrying: 1 });
    const waiting = await api.read(`/deliveries/${deliveryId}`);
    expect(waiting).toMatchObject({ state: 'queued', error_code: 'smtp-451' });
    expect(waiting.reason).toContain('SMTP 451 at RCPT TO: 451 4.7.1 Greylisted');
    expect(new Date(waiting.next_attempt_at).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(received('greylisted@example.com')).toEqual([]);
    clock.advance(3_600_000);
    await run();
    const sent = await api.read(`/deliveries/${deliveryId}`);
    expect(sent.state).toBe('sent');
    const [mail] = received('greylisted@example.com');
    expect(mail?.parsed.messageId).toBe(`<delivery-${deliveryId}.studio-${studioId}@lumen.test>`);
    expect(sent.message_id).toBe(mail?.parsed.messageId);
  });

  it('fails an SMTP 550 at once, with the code and the server’s reason', async () => {
    smtp.refuse('nobody@example.com', 550, '5.1.1 <nobody@example.com>: Recipient address rejected');
    const { deliveryId } = await emailClient('nobody@example.com', true);
    expect((await run())?.counts).toMatchObject({ delivery_failed: 1 });
    expect(await api.read(`/deliveries/${deliveryId}`)).toMatchObject({
      state: 'failed',
      error_code: 'smtp-550',
      reason: 'SMTP 550 at RCPT TO: 550 5.1.1 <nobody@example.com>: Recipient address rejected',
    });
  });

  it("sends through the studio's own server once it has one, and never shows its password", async () => {
    const own = await startSmtpTestServer('lumen-own');
    try {
      const patched = await api.patch('/studio', { smtp_url: own.url() });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        smtp_url: `smtp://lumen-own:********@127.0.0.1:${own.port}`,
        smtp_password_set: true,
      });
      const shown = await api.read('/studio');
      expect(JSON.stringify(shown)).not.toContain(own.password);
      expect(shown.smtp_url).toBe(patched.body.smtp_url);
      // A form that sends back what it was shown keeps the password.
      expect((await api.patch('/studio', { smtp_url: shown.smtp_url })).status).toBe(200);
      const { deliveryId } = await emailClient('own-server@example.com', true);
      await run();
      expect((await api.read(`/deliveries/${deliveryId}`)).state).toBe('sent');
      expect((await own.waitFor(1))[0]?.envelopeTo).toEqual(['own-server@example.com']);
      expect(received('own-server@example.com')).toEqual([]);

      // A wrong password waits for the setting to be fixed, and says which one.
      await api.patch('/studio', { smtp_url: own.url({ user: 'lumen-own', password: 'not-the-password' }) });
      const wrong = await emailClient('wrong-password@example.com', true);
      await run();
      const waiting = await api.read(`/deliveries/${wrong.deliveryId}`);
      expect(waiting).toMatchObject({ state: 'queued', error_code: 'smtp-auth' });
      expect(waiting.reason).toContain("the studio's smtp_url");
      expect(waiting.reason).not.toContain('not-the-password');
    } finally {
      await api.patch('/studio', { smtp_url: null });
      await own.close();
    }
  });

  it('refuses a studio SMTP URL that is not one, naming the field, and changes nothing', async () => {
    const before = await api.read('/studio');
    for (const [smtp_url, problem] of [
      ['http://mail.example.com', 'must start with smtp:// or smtps://'],
      ['smtps://mail.example.com?starttls=required', 'starttls applies to smtp:// only'],
      ['smtp://someone-else:********@mail.example.com', 'has the masked password'],
    ] as const) {
      const refused = await api.patch('/studio', { smtp_url, sender_name: 'Changed' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([{ path: 'smtp_url', problem: expect.stringContaining(problem) }]);
    }
    expect(await api.read('/studio')).toEqual(before);
  });
});
