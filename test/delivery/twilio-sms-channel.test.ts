import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryChannel } from '../../src/delivery/channel.js';
import { twilioSmsChannel } from '../../src/delivery/channels/twilio-sms-channel.js';
import type { TwilioSettings } from '../../src/delivery/channels/twilio-settings.js';
import { ManualClock } from '../../src/domain/clock.js';
import { freePort } from '../support/sms-trigger-studio.js';
import { startFakeTwilio, twilioSignature, type FakeTwilio } from '../support/fake-twilio.js';
import { outboundSms } from '../support/outbound-sms.js';

let twilio: FakeTwilio;
const clock = new ManualClock('2026-11-23T12:00:00.000Z');
const opened: DeliveryChannel[] = [];

beforeAll(async () => {
  twilio = await startFakeTwilio();
});
afterEach(async () => {
  twilio.clearFailures();
  await Promise.all(opened.splice(0).map((c) => c.close()));
});
afterAll(() => twilio.close());

function channel(overrides: Partial<TwilioSettings> = {}): DeliveryChannel {
  const created = twilioSmsChannel(
    {
      baseUrl: twilio.baseUrl,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      messagingServiceSid: null,
      fromNumber: null,
      statusCallbackUrl: null,
      timeoutMs: 2000,
      ...overrides,
    },
    clock,
  );
  opened.push(created);
  return created;
}

describe('twilio SMS channel: accepted messages', () => {
  it('posts To, From and Body as a form with Basic auth and answers the sid', async () => {
    const sms = channel();
    expect(sms.name).toBe('twilio');
    const outcome = await sms.send(outboundSms({ to: '+447700900123', text: 'Ça va? See you at 10:00 😊' }));

    const message = twilio.messages.at(-1)!;
    expect(outcome).toEqual({ kind: 'sent', providerId: message.sid });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      to: '+447700900123',
      from: '+15005550001',
      body: 'Ça va? See you at 10:00 😊',
      messagingServiceSid: null,
      statusCallback: null,
    });
    const request = twilio.requests.at(-1)!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`,
    );
  });

  it('sends from TWILIO_FROM_NUMBER when the studio has no number, and asks for status callbacks', async () => {
    const sms = channel({ fromNumber: '+15005550009', statusCallbackUrl: 'https://studio.example.com/cb' });
    await sms.send(outboundSms({ from: null }));
    expect(twilio.messages.at(-1)).toMatchObject({
      from: '+15005550009',
      statusCallback: 'https://studio.example.com/cb',
    });
  });

  it('sends through a Messaging Service: its SID alone, or with the studio number as sender', async () => {
    const service = `MG${'0'.repeat(32)}`;
    const sms = channel({ messagingServiceSid: service, fromNumber: '+15005550009' });

    await sms.send(outboundSms({ from: null }));
    expect(twilio.messages.at(-1)).toMatchObject({ from: null, messagingServiceSid: service });
    expect(twilio.requests.at(-1)!.form).not.toHaveProperty('From');

    await sms.send(outboundSms({ from: '+15005550001' }));
    expect(twilio.messages.at(-1)).toMatchObject({ from: '+15005550001', messagingServiceSid: service });
  });

  it('waits, without calling Twilio, when there is no sender at all', async () => {
    const before = twilio.requests.length;
    const outcome = await channel().send(outboundSms({ from: null }));
    expect(outcome).toMatchObject({ kind: 'temporary', code: 'no-sender' });
    expect(twilio.requests.length).toBe(before);
  });

  it('refuses a message that is not an SMS', async () => {
    expect(await channel().send(outboundSms({ channel: 'email' }))).toMatchObject({
      kind: 'permanent',
      code: 'not-sms',
    });
  });
});

describe('twilio SMS channel: temporary failures', () => {
  it('reads 429 with Retry-After as a wait of that many seconds', async () => {
    twilio.failNext({ kind: 'rate-limited', retryAfter: '7' }, { kind: 'rate-limited' });
    const sms = channel();
    expect(await sms.send(outboundSms())).toEqual({
      kind: 'temporary',
      code: 'twilio-20429',
      reason: 'Twilio 20429 (HTTP 429): Too Many Requests https://www.twilio.com/docs/errors/20429',
      retryAfterMs: 7000,
    });
    const second = await sms.send(outboundSms());
    expect(second).toMatchObject({ kind: 'temporary', code: 'twilio-20429' });
    expect(second).not.toHaveProperty('retryAfterMs');
  });

  it('reads an HTTP-date Retry-After against the clock', async () => {
    twilio.failNext({ kind: 'rate-limited', retryAfter: 'Mon, 23 Nov 2026 12:00:30 GMT' });
    expect(await channel().send(outboundSms())).toMatchObject({ retryAfterMs: 30_000 });
  });

  it.each([500, 503] as const)('takes HTTP %i as temporary', async (status) => {
    twilio.failNext({ kind: 'server-error', status });
    expect(await channel().send(outboundSms())).toMatchObject({
      kind: 'temporary',
      code: `twilio-${status === 500 ? 20500 : 20503}`,
    });
  });

  it('names a bare 5xx from a proxy by its HTTP status', async () => {
    twilio.failNext({ kind: 'server-error', status: 502, bare: true });
    expect(await channel().send(outboundSms())).toEqual({
      kind: 'temporary',
      code: 'http-502',
      reason: 'Twilio answered HTTP 502: <html><body><h1>Bad gateway</h1></body></html>',
    });
  });

  it('takes queue overflow (30001) as temporary whatever the HTTP status', async () => {
    twilio.failNext({ kind: 'twilio-error', code: 30001 });
    expect(await channel().send(outboundSms())).toMatchObject({ kind: 'temporary', code: 'twilio-30001' });
  });

  it('gives up waiting after the timeout when Twilio answers slowly', async () => {
    twilio.failNext({ kind: 'slow', delayMs: 5000 });
    const started = performance.now();
    const outcome = await channel({ timeoutMs: 150 }).send(outboundSms());
    expect(outcome).toEqual({
      kind: 'temporary',
      code: 'timeout',
      reason: 'no answer from Twilio within 150 ms',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers normally when a slow answer still comes within the timeout', async () => {
    twilio.failNext({ kind: 'slow', delayMs: 50 });
    expect(await channel({ timeoutMs: 2000 }).send(outboundSms())).toMatchObject({ kind: 'sent' });
  });

  it('takes a connection cut without an answer as temporary', async () => {
    twilio.failNext({ kind: 'hang-up' });
    const outcome = await channel().send(outboundSms());
    expect(outcome).toMatchObject({
      kind: 'temporary',
      code: expect.stringMatching(/^(ECONNRESET|UND_ERR_SOCKET)$/),
    });
  });

  it('takes a refused connection as temporary ECONNREFUSED', async () => {
    const closedPort = await freePort();
    const outcome = await channel({ baseUrl: `http://127.0.0.1:${closedPort}` }).send(outboundSms());
    expect(outcome).toMatchObject({ kind: 'temporary', code: 'ECONNREFUSED' });
    expect((outcome as { reason: string }).reason).toMatch(/^could not reach Twilio: fetch failed/);
  });

  it('takes wrong credentials as temporary, naming the settings and never the token', async () => {
    const outcome = await channel({ authToken: 'not-the-token' }).send(outboundSms());
    expect(outcome).toEqual({
      kind: 'temporary',
      code: 'twilio-20003',
      reason:
        'Twilio 20003 (HTTP 401): Authenticate https://www.twilio.com/docs/errors/20003 — check TWILIO_BASE_URL, TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
    });
    expect(JSON.stringify(outcome)).not.toContain('not-the-token');
  });

  it('takes a wrong base URL (404) as a setting to fix, not a bad message', async () => {
    const outcome = await channel({ baseUrl: `${twilio.baseUrl}/not-twilio` }).send(outboundSms());
    expect(outcome).toMatchObject({ kind: 'temporary', code: 'twilio-20404' });
  });
});

describe('twilio SMS channel: permanent failures', () => {
  it.each([
    [21211, "The 'To' number is not a valid phone number."],
    [21614, "'To' number is not a valid mobile number"],
  ])('takes Twilio %i as permanent with its message', async (code, message) => {
    twilio.failFor('+15005550002', { kind: 'twilio-error', code });
    const outcome = await channel().send(outboundSms({ to: '+15005550002' }));
    expect(outcome).toEqual({
      kind: 'permanent',
      code: `twilio-${code}`,
      reason: `Twilio ${code} (HTTP 400): ${message} https://www.twilio.com/docs/errors/${code}`,
    });
  });

  it('marks an unsubscribed recipient (21610) as opted out', async () => {
    twilio.failFor('+15005550004', { kind: 'twilio-error', code: 21610 });
    expect(await channel().send(outboundSms({ to: '+15005550004' }))).toMatchObject({
      kind: 'permanent',
      code: 'twilio-21610',
      optedOut: true,
    });
  });

  it('fails only the number that is scripted to fail', async () => {
    twilio.failFor('+15005550002', { kind: 'twilio-error', code: 21211 });
    const sms = channel();
    expect(await sms.send(outboundSms({ to: '+15005550002' }))).toMatchObject({ kind: 'permanent' });
    expect(await sms.send(outboundSms({ to: '+15005550006' }))).toMatchObject({ kind: 'sent' });
    expect(await sms.send(outboundSms({ to: '+15005550002' }))).toMatchObject({ kind: 'permanent' });
  });

  it('takes an empty body as Twilio does (21602, permanent)', async () => {
    expect(await channel().send(outboundSms({ text: '' }))).toMatchObject({
      kind: 'permanent',
      code: 'twilio-21602',
    });
  });
});

describe('twilio SMS channel: closing and status callbacks', () => {
  it('lets a send in flight finish before close resolves', async () => {
    twilio.failNext({ kind: 'slow', delayMs: 100 });
    const sms = channel();
    const sending = sms.send(outboundSms());
    await sms.close();
    expect(await sending).toMatchObject({ kind: 'sent' });
    expect(await sms.send(outboundSms())).toMatchObject({ kind: 'temporary', code: 'closed' });
  });

  it('plays a signed status callback to the StatusCallback address', async () => {
    const received: { headers: Record<string, unknown>; form: Record<string, string> }[] = [];
    const listener = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, form: Object.fromEntries(new URLSearchParams(body)) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const callbackUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/v1/webhooks/twilio/status`;
    try {
      const outcome = await channel({ statusCallbackUrl: callbackUrl }).send(outboundSms());
      const sid = (outcome as { providerId: string }).providerId;

      expect(await twilio.sendStatusCallback(sid, 'delivered')).toBe(204);
      expect(await twilio.sendStatusCallback(sid, 'undelivered', 30003)).toBe(204);

      expect(received.map((r) => r.form)).toEqual([
        expect.objectContaining({ MessageSid: sid, MessageStatus: 'delivered', To: '+15005550006' }),
        expect.objectContaining({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }),
      ]);
      expect(received[0]!.form).not.toHaveProperty('ErrorCode');
      expect(received[0]!.headers['x-twilio-signature']).toBe(
        twilioSignature(twilio.authToken, callbackUrl, received[0]!.form),
      );
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
