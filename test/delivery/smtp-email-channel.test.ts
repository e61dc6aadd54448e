import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryChannel, OutboundMessage } from '../../src/delivery/channel.js';
import { smtpEmailChannel } from '../../src/delivery/channels/smtp-email-channel.js';
import type { SmtpSettings } from '../../src/delivery/channels/smtp-settings.js';
import { emailCategoryHeaders } from '../../src/delivery/email-category-headers.js';
import { headerOf, startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { ManualClock } from '../../src/domain/clock.js';

/** An email as the outbox dispatcher hands it to a channel. */
function outboundEmail(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    deliveryId: 41,
    communicationId: 17,
    studioId: 3,
    channel: 'email',
    to: 'zoe@example.com',
    from: 'hello@lumen.test',
    fromName: 'Lumen Portraits',
    subject: 'Your session on Friday',
    html: '<p>See you on <b>Friday</b>, Zoë.</p>',
    text: 'See you on Friday, Zoë.',
    isMarketing: false,
    messageId: '<delivery-41.studio-3@lumen.test>',
    headers: emailCategoryHeaders(false, null),
    attachments: [],
    ...overrides,
  };
}

/** A port nothing listens on: the connection is refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the smtp channel', () => {
  let server: SmtpTestServer;
  let channel: DeliveryChannel;
  const clock = new ManualClock('2026-11-20T09:30:00Z');
  const settings = (): SmtpSettings => ({ url: server.url(), from: null, poolSize: 2, timeoutMs: 1000 });

  beforeAll(async () => {
    server = await startSmtpTestServer();
  });
  beforeEach(async () => {
    await channel?.close();
    channel = smtpEmailChannel(settings(), clock);
  });
  afterAll(async () => {
    await channel.close();
    await server.close();
  });

  it('sends HTML and text from the studio with the stable Message-ID, and answers the queue id', async () => {
    const outcome = await channel.send(outboundEmail());
    const [mail] = await server.waitFor(1);
    expect(outcome).toEqual({ kind: 'sent', providerId: mail?.queueId });
    expect(mail?.user).toBe(server.user);
    expect(mail?.envelopeFrom).toBe('hello@lumen.test');
    expect(mail?.envelopeTo).toEqual(['zoe@example.com']);
    expect(mail?.parsed.from?.value).toEqual([{ name: 'Lumen Portraits', address: 'hello@lumen.test' }]);
    expect(mail?.parsed.subject).toBe('Your session on Friday');
    expect(mail?.parsed.html).toBe('<p>See you on <b>Friday</b>, Zoë.</p>');
    expect(mail?.parsed.text?.trim()).toBe('See you on Friday, Zoë.');
    expect(mail?.parsed.messageId).toBe('<delivery-41.studio-3@lumen.test>');
    expect(mail?.parsed.date).toEqual(new Date('2026-11-20T09:30:00Z'));
    expect(headerOf(mail, 'X-Triggerfish-Category')).toBe('transactional');
    expect(headerOf(mail, 'List-Unsubscribe')).toBeUndefined();
  });

  it('sends the attachments it is given, byte for byte', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% not really a PDF, but bytes all the same \u00ff\n', 'latin1');
    const before = server.received.length;
    await channel.send(
      outboundEmail({
        attachments: [{ filename: 'Session confirmation.pdf', contentType: 'application/pdf', content: pdf }],
      }),
    );
    const mail = (await server.waitFor(before + 1)).at(-1);
    expect(mail?.parsed.attachments.map((a) => [a.filename, a.contentType, a.content])).toEqual([
      ['Session confirmation.pdf', 'application/pdf', pdf],
    ]);
  });

  it('uses SMTP_FROM for a studio without a sender address, and waits when there is none at all', async () => {
    const before = server.received.length;
    await channel.close();
    channel = smtpEmailChannel({ ...settings(), from: 'studios@triggerfish.test' }, clock);
    expect((await channel.send(outboundEmail({ from: null }))).kind).toBe('sent');
    expect((await server.waitFor(before + 1)).at(-1)?.envelopeFrom).toBe('studios@triggerfish.test');
    await channel.close();
    channel = smtpEmailChannel(settings(), clock);
    expect(await channel.send(outboundEmail({ from: null }))).toMatchObject({
      kind: 'temporary',
      code: 'no-sender',
    });
  });

  it("sends through the studio's own server, which wins over SMTP_URL", async () => {
    const own = await startSmtpTestServer('own-studio-user');
    try {
      await channel.close();
      channel = smtpEmailChannel({ ...settings(), url: null }, clock);
      expect(await channel.send(outboundEmail())).toMatchObject({
        kind: 'temporary',
        code: 'no-smtp-server',
      });
      expect((await channel.send(outboundEmail({ smtpUrl: own.url() }))).kind).toBe('sent');
      expect((await own.waitFor(1))[0]?.user).toBe('own-studio-user');
    } finally {
      await channel.close();
      await own.close();
    }
  });

  it('answers 4xx as temporary and 5xx as permanent, with the code and the server text', async () => {
    server.refuse('later@example.com', 451, '4.7.1 Greylisted, come back in 5 minutes', 1);
    expect(await channel.send(outboundEmail({ to: 'later@example.com' }))).toEqual({
      kind: 'temporary',
      code: 'smtp-451',
      reason: 'SMTP 451 at RCPT TO: 451 4.7.1 Greylisted, come back in 5 minutes',
    });
    expect((await channel.send(outboundEmail({ to: 'later@example.com' }))).kind).toBe('sent');
    server.refuse('nobody@example.com', 550, '5.1.1 No such user here');
    expect(await channel.send(outboundEmail({ to: 'nobody@example.com' }))).toEqual({
      kind: 'permanent',
      code: 'smtp-550',
      reason: 'SMTP 550 at RCPT TO: 550 5.1.1 No such user here',
    });
  });

  it('waits (temporary) on a refused login and names the setting, never the password', async () => {
    await channel.close();
    channel = smtpEmailChannel(
      { ...settings(), url: server.url({ user: server.user, password: 'Wr0ng-Pa$$' }) },
      clock,
    );
    const outcome = await channel.send(outboundEmail());
    expect(outcome).toMatchObject({ kind: 'temporary', code: 'smtp-auth' });
    const reason = outcome.kind === 'temporary' ? outcome.reason : '';
    expect(reason).toContain('535');
    expect(reason).toContain("SMTP_URL or the studio's smtp_url");
    expect(reason).not.toContain('Wr0ng');
  });

  it('does not send over a plain connection when the URL requires STARTTLS', async () => {
    await channel.close();
    channel = smtpEmailChannel({ ...settings(), url: `${server.url()}?starttls=required` }, clock);
    const before = server.received.length;
    const outcome = await channel.send(outboundEmail());
    expect(outcome).toMatchObject({ kind: 'temporary', code: 'smtp-500' });
    expect(outcome.kind === 'temporary' && outcome.reason).toMatch(/^SMTP 500 at STARTTLS: .*\?starttls$/);
    expect(server.received.length).toBe(before);
  });

  it('answers a refused connection as temporary with the socket code', async () => {
    await channel.close();
    channel = smtpEmailChannel({ ...settings(), url: `smtp://u:p@127.0.0.1:${await closedPort()}` }, clock);
    expect(await channel.send(outboundEmail())).toMatchObject({ kind: 'temporary', code: 'ECONNREFUSED' });
  });

  it('answers a server that stops answering as a temporary timeout', async () => {
    server.stall(true);
    try {
      expect(await channel.send(outboundEmail())).toEqual({
        kind: 'temporary',
        code: 'timeout',
        reason: 'no answer from the SMTP server within 1 s',
      });
    } finally {
      server.stall(false);
    }
    // The pool gives up the dead connection: the next message goes through on a new one.
    expect((await channel.send(outboundEmail())).kind).toBe('sent');
  });

  it('sends marketing email with one-click List-Unsubscribe headers', async () => {
    const url = 'https://studio.example/u/3.44.email.17.abc';
    const before = server.received.length;
    await channel.send(outboundEmail({ isMarketing: true, headers: emailCategoryHeaders(true, url) }));
    const mail = (await server.waitFor(before + 1)).at(-1);
    expect(headerOf(mail, 'X-Triggerfish-Category')).toBe('marketing');
    expect(headerOf(mail, 'List-Unsubscribe')).toBe(`<${url}>`);
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('refuses new sends once closed, after those in flight finish', async () => {
    const sending = channel.send(outboundEmail());
    await channel.close();
    expect((await sending).kind).toBe('sent');
    expect(await channel.send(outboundEmail())).toMatchObject({ kind: 'temporary', code: 'closed' });
  });
});
