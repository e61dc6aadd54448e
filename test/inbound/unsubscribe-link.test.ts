import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runControlCenter } from '../../src/control-center/run-control-center.js';
import { ManualClock } from '../../src/domain/clock.js';
import { signUnsubscribeToken } from '../../src/domain/unsubscribe-token.js';
import { deliveryChannels, type DeliverySetup } from '../../src/delivery/delivery-channels.js';
import { buildServer } from '../../src/server/build-server.js';
import { apiClient, type ApiClient } from '../support/api-client.js';
import { forEachDialect } from '../support/dialects.js';
import { headerOf, startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { makeStudio } from '../support/studio-fixture.js';

const SECRET = 'test-unsubscribe-secret-of-at-least-32-characters';
const PUBLIC_URL = 'https://studio.example';

/**
 * The unsubscribe link of a real marketing email: sent through a real SMTP server, its
 * List-Unsubscribe URL taken from the parsed header and used as a mail provider's one-click POST
 * and as a person on the page would.
 */
forEachDialect('unsubscribe links', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let smtp: SmtpTestServer;
  let delivery: DeliverySetup;
  let app: FastifyInstance;
  let api: ApiClient;
  let studioId: number;
  let studioName: string;
  /** The path of the first email's unsubscribe link. */
  let linkPath = '';
  const run = async () => {
    clock.advance(60_000);
    await runControlCenter(store().db, clock, { publicUrl: PUBLIC_URL, ...delivery });
  };
  const page = (method: 'GET' | 'POST', path: string, form?: string, contentType?: string) =>
    app.inject({
      method,
      url: path,
      ...(form !== undefined
        ? { payload: form, headers: { 'content-type': contentType ?? 'application/x-www-form-urlencoded' } }
        : {}),
    });

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const config = loadConfig({
      SMTP_URL: smtp.url(),
      SMTP_FROM: 'studios@triggerfish.test',
      UNSUBSCRIBE_SECRET: SECRET,
      PUBLIC_URL,
    });
    delivery = deliveryChannels(config, clock);
    app = await buildServer({ store: store(), clock, config, delivery });
    const fixture = await makeStudio(store(), clock, {
      name: 'Lumen & Co <Portraits>',
      sender_email: 'hello@lumen.test',
    });
    studioId = fixture.studio.id;
    studioName = fixture.studio.name;
    api = apiClient(app, fixture.tokens.admin);
  });
  afterAll(async () => {
    await app.close();
    await delivery.close();
    await smtp.close();
  });

  it('opts the client out through the List-Unsubscribe URL of the sent email, once, and the next marketing email is not sent', async () => {
    const template = await api.create('/templates', {
      name: 'Offer',
      channel: 'email',
      basis: 'client',
      subject: 'Autumn minis',
      body_text: 'Book an autumn mini session.',
    });
    const trigger = (name: string) =>
      api.create('/triggers', {
        name,
        trigger_type: 'client_status',
        date_option: 'created',
        action: 'email',
        action_settings: { email_template_id: template.id },
        exclusions: { allow_marketing: true },
      });
    const first = await trigger('Autumn offer');
    const second = await trigger('Winter offer');
    clock.advance(60_000);
    const client = await api.create('/clients', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      allow_marketing_email: true,
      emails: [{ address: 'zoe@example.com', label: 'home', is_primary: true }],
    });
    await run();
    const [firstItem] = (await api.read(`/queue/items?trigger_id=${first.id}`)).data;
    const [secondItem] = (await api.read(`/queue/items?trigger_id=${second.id}`)).data;
    await api.post('/queue/process', { item_ids: [firstItem.id] });
    await run();
    const [mail] = await smtp.waitFor(1);
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = new URL(/^<(.+)>$/.exec(headerOf(mail, 'List-Unsubscribe') ?? '')?.[1] as string);
    expect(url.origin).toBe(PUBLIC_URL);
    linkPath = url.pathname;

    const shown = await page('GET', url.pathname);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toMatch(/^text\/html/);
    expect(shown.body).toContain('Lumen &amp; Co &lt;Portraits&gt;');
    expect(shown.body).not.toContain(studioName);
    expect(shown.body).toContain('<form method="post">');
    // Opening the page changes nothing: mail scanners follow links.
    expect((await api.read(`/clients/${client.id}`)).allow_marketing_email).toBe(true);

    for (let i = 0; i < 2; i++) {
      const oneClick = await page('POST', url.pathname, 'List-Unsubscribe=One-Click');
      expect(oneClick.statusCode).toBe(200);
      expect(oneClick.body).toContain('You are unsubscribed');
    }
    expect((await api.read(`/clients/${client.id}`)).allow_marketing_email).toBe(false);
    const ledger = (await api.read(`/clients/${client.id}/consent-events`)).data;
    expect(ledger.filter((e: { source: string }) => e.source === 'unsubscribe_link')).toEqual([
      expect.objectContaining({ channel: 'email', action: 'opt_out', address: 'zoe@example.com' }),
    ]);
    const [email] = (await api.read(`/communications?client_id=${client.id}`)).data;
    const events = (await api.read(`/communications/${email.id}`)).email_events;
    expect(events.map((e: { event: string; source: string }) => [e.event, e.source])).toEqual([
      ['unsubscribed', 'unsubscribe_link'],
    ]);

    const processed = await api.post('/queue/process', { item_ids: [secondItem.id] });
    expect(processed.status).toBe(200);
    const item = await api.read(`/items/${secondItem.id}`);
    expect(item.reason).toContain('does not allow marketing by email');
    expect((await api.read(`/communications?client_id=${client.id}`)).data).toHaveLength(1);
  });

  it('accepts a one-click POST sent as multipart/form-data, as RFC 8058 prefers', async () => {
    const boundary = 'xYzZY';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const answer = await page('POST', linkPath, body, `multipart/form-data; boundary=${boundary}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('You are unsubscribed');
  });

  it('answers a forged or broken token with a 404 page and changes nothing', async () => {
    const [email] = (await api.read('/communications?channel=email')).data;
    const forged = signUnsubscribeToken('another-secret-of-at-least-thirty-two-chars', {
      studioId,
      clientId: Number(email.client_id),
      channel: 'email',
      communicationId: Number(email.id),
    });
    for (const path of [`/u/${forged}`, '/u/not-a-token', `/u/${forged.slice(0, -3)}`]) {
      for (const method of ['GET', 'POST'] as const) {
        const answer = await page(method, path, method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined);
        expect(answer.statusCode, `${method} ${path}`).toBe(404);
        expect(answer.body).toContain('This unsubscribe link is not valid');
      }
    }
  });
});
