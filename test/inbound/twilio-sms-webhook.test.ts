import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { buildServer } from '../../src/server/build-server.js';
import { loose } from '../../src/store/record-table.js';
import { forEachDialect } from '../support/dialects.js';
import { SMS_PATH, TWILIO_ENV, messageSid, postTwilio, smsParams } from '../support/inbound-sms-requests.js';
import { makeStudio, type StudioFixture } from '../support/studio-fixture.js';

const STUDIO_NUMBER = '+12025550100';
const OTHER_STUDIO_NUMBER = '+12025550199';
const CLIENT = '+12025550143';

forEachDialect('Twilio SMS webhook: who may post, and what is stored', (store) => {
  const clock = new ManualClock('2026-11-02T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  let b: StudioFixture;
  const servers: FastifyInstance[] = [];
  const server = async (env: Record<string, string>, overrides = {}) => {
    const made = await buildServer({ store: store(), clock, config: loadConfig(env, overrides) });
    servers.push(made);
    return made;
  };
  const stored = async (studioId?: number) =>
    (await loose(store().db)
      .selectFrom('communications')
      .selectAll()
      .where('direction', '=', 'inbound')
      .$if(studioId !== undefined, (q) => q.where('studio_id', '=', studioId))
      .orderBy('id')
      .execute()) as Record<string, unknown>[];
  const consentRows = async () =>
    (await loose(store().db).selectFrom('consent_events').select('id').execute()).length;

  beforeAll(async () => {
    app = await server(TWILIO_ENV);
    a = await makeStudio(store(), clock, { sms_from_number: STUDIO_NUMBER });
    b = await makeStudio(store(), clock, { sms_from_number: OTHER_STUDIO_NUMBER });
  });
  afterAll(async () => {
    for (const made of servers) await made.close();
  });

  describe('signatures', () => {
    it('stores a signed message in the studio of the receiving number and answers empty TwiML', async () => {
      const sid = messageSid();
      const answer = await postTwilio(app, SMS_PATH, smsParams(CLIENT, STUDIO_NUMBER, 'Hello there', sid));
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/xml/);
      expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      const [message] = (await stored(a.studio.id)).filter((m) => m.provider_message_id === sid);
      expect(message).toMatchObject({
        channel: 'sms',
        from_address: CLIENT,
        to_address: STUDIO_NUMBER,
        body_text: 'Hello there',
        read_at: null,
        outcome: 'message',
      });
      expect(await stored(b.studio.id)).toEqual([]);
    });

    it('refuses (403) a request without a signature, with a wrong one, or signed for another address, and stores nothing', async () => {
      const before = (await stored()).length;
      const params = () => smsParams(CLIENT, STUDIO_NUMBER, 'STOP');
      const answers = [
        await postTwilio(app, SMS_PATH, params(), { sign: false }),
        await postTwilio(app, SMS_PATH, params(), { token: 'another account token' }),
        await postTwilio(app, SMS_PATH, params(), {
          headers: { 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl' },
        }),
        await postTwilio(app, SMS_PATH, params(), { signedUrl: `https://evil.example${SMS_PATH}` }),
        await postTwilio(app, SMS_PATH, params(), {
          signedUrl: `${TWILIO_ENV.PUBLIC_URL}/api/v1/webhooks/twilio/status`,
        }),
      ];
      expect(answers.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
      expect(answers[0]?.json().message).toMatch(/X-Twilio-Signature header is missing/);
      expect(answers[1]?.json().code).toBe('ERR_FORBIDDEN');
      expect((await stored()).length).toBe(before);
      expect(await consentRows()).toBe(0);
    });

    it('a signature covers the parameters: changing the body after signing is refused', async () => {
      const params = smsParams(CLIENT, STUDIO_NUMBER, 'hello');
      const { twilioSignature } = await import('../support/fake-twilio.js');
      const signature = twilioSignature(
        TWILIO_ENV.TWILIO_AUTH_TOKEN,
        `${TWILIO_ENV.PUBLIC_URL}${SMS_PATH}`,
        params,
      );
      const answer = await postTwilio(app, SMS_PATH, params, {
        headers: { 'x-twilio-signature': signature },
        payload: new URLSearchParams({ ...params, Body: 'STOP' }).toString(),
      });
      expect(answer.statusCode).toBe(403);
    });

    it('accepts nothing while TWILIO_AUTH_TOKEN is not set (403, nothing stored)', async () => {
      const unconfigured = await server({ PUBLIC_URL: TWILIO_ENV.PUBLIC_URL });
      const before = (await stored()).length;
      const answer = await postTwilio(unconfigured, SMS_PATH, smsParams(CLIENT, STUDIO_NUMBER, 'hi'));
      expect(answer.statusCode).toBe(403);
      expect(answer.json().message).toMatch(/TWILIO_AUTH_TOKEN is not set/);
      expect((await stored()).length).toBe(before);
    });
  });

  describe('proxies', () => {
    const publicAddress = `https://texts.studio.example${SMS_PATH}`;
    const forwarded = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'texts.studio.example',
      'x-forwarded-for': '54.172.60.1',
    };
    const env = {
      TWILIO_ACCOUNT_SID: TWILIO_ENV.TWILIO_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TWILIO_ENV.TWILIO_AUTH_TOKEN,
    };

    it('behind a trusted proxy (TRUST_PROXY_HOPS=1, no PUBLIC_URL), checks the signature against the forwarded address', async () => {
      const proxied = await server({ ...env, TRUST_PROXY_HOPS: '1' });
      const sid = messageSid();
      const answer = await postTwilio(proxied, SMS_PATH, smsParams(CLIENT, STUDIO_NUMBER, 'via proxy', sid), {
        signedUrl: publicAddress,
        headers: forwarded,
        remoteAddress: '10.0.0.2',
      });
      expect(answer.statusCode).toBe(200);
      expect((await stored(a.studio.id)).some((m) => m.provider_message_id === sid)).toBe(true);
    });

    it('ignores forwarded headers from a peer it does not trust, so a signature for that address fails', async () => {
      const direct = await server({ ...env, TRUST_PROXY_HOPS: '0' });
      const before = (await stored()).length;
      const answer = await postTwilio(direct, SMS_PATH, smsParams(CLIENT, STUDIO_NUMBER, 'spoofed'), {
        signedUrl: publicAddress,
        headers: forwarded,
        remoteAddress: '203.0.113.66',
      });
      expect(answer.statusCode).toBe(403);
      expect((await stored()).length).toBe(before);
    });
  });

  describe('replays and receiving numbers', () => {
    it('stores a retried MessageSid once, answers it the same, and applies its STOP once', async () => {
      const params = smsParams('+12025550177', STUDIO_NUMBER, 'STOP');
      const first = await postTwilio(app, SMS_PATH, params);
      const before = { messages: (await stored()).length, consent: await consentRows() };
      const again = await Promise.all([postTwilio(app, SMS_PATH, params), postTwilio(app, SMS_PATH, params)]);
      expect([first, ...again].map((r) => [r.statusCode, r.body])).toEqual(Array(3).fill([200, first.body]));
      expect((await stored()).length).toBe(before.messages);
      expect(await consentRows()).toBe(before.consent);
      expect(
        (await stored(a.studio.id)).filter((m) => m.provider_message_id === params.MessageSid),
      ).toHaveLength(1);
    });

    it('the same MessageSid may arrive at two studios: each keeps its own (ids are unique per studio)', async () => {
      const sid = messageSid();
      expect((await postTwilio(app, SMS_PATH, smsParams(CLIENT, STUDIO_NUMBER, 'one', sid))).statusCode).toBe(
        200,
      );
      expect(
        (await postTwilio(app, SMS_PATH, smsParams(CLIENT, OTHER_STUDIO_NUMBER, 'two', sid))).statusCode,
      ).toBe(200);
      expect((await stored(b.studio.id)).map((m) => m.body_text)).toContain('two');
    });

    it('refuses a message to a number no studio has (404), naming the number, and stores nothing', async () => {
      const before = (await stored()).length;
      const answer = await postTwilio(app, SMS_PATH, smsParams(CLIENT, '+12025550188', 'hello?'));
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({
        code: 'ERR_NOT_FOUND',
        details: [{ path: 'To', problem: 'is not the SMS number of any studio' }],
      });
      expect((await stored()).length).toBe(before);
    });

    it('reads the receiving number in any E.164 spelling Twilio could send, but not a local one', async () => {
      const sid = messageSid();
      expect(
        (await postTwilio(app, SMS_PATH, smsParams(CLIENT, '+1 (202) 555-0100', 'spaced', sid))).statusCode,
      ).toBe(200);
      const local = await postTwilio(app, SMS_PATH, smsParams(CLIENT, '2025550100', 'local'));
      expect(local.statusCode).toBe(400);
      expect(local.json().details).toEqual([
        { path: 'To', problem: 'must be a phone number in E.164 form, like +12025550143' },
      ]);
    });

    it('a reply to the shared TWILIO_FROM_NUMBER goes to the studio that last texted the sender from it', async () => {
      const shared = '+12025550111';
      const sharedApp = await server({ ...TWILIO_ENV, TWILIO_FROM_NUMBER: shared });
      const c = await makeStudio(store(), clock, {});
      const at = clock.now().toISOString();
      await loose(store().db)
        .insertInto('communications')
        .values({
          studio_id: c.studio.id,
          channel: 'sms',
          direction: 'outbound',
          purpose: 'message',
          to_address: '+12025550122',
          created_at: at,
          updated_at: at,
        })
        .execute();
      clock.advance(60_000);
      expect(
        (await postTwilio(sharedApp, SMS_PATH, smsParams('+12025550122', shared, 'hi back'))).statusCode,
      ).toBe(200);
      expect((await stored(c.studio.id)).map((m) => m.body_text)).toEqual(['hi back']);
      // Nobody was texted from the shared number by this sender: nothing to place it in.
      expect(
        (await postTwilio(sharedApp, SMS_PATH, smsParams('+12025550133', shared, 'who?'))).statusCode,
      ).toBe(404);
    });
  });

  describe('malformed and hostile requests: a clear 4xx, never a 500, nothing stored', () => {
    const valid = () => smsParams(CLIENT, STUDIO_NUMBER, 'fine');
    const cases: [string, () => Promise<{ statusCode: number; body: string }>, number, RegExp?][] = [
      ['a body over 64 KiB', () => postTwilio(app, SMS_PATH, { ...valid(), Body: 'x'.repeat(200_000) }), 413],
      [
        'a NUL character in the body',
        () => postTwilio(app, SMS_PATH, { ...valid(), Body: 'a\u0000b' }),
        400,
        /Body/,
      ],
      [
        'a missing From',
        () => postTwilio(app, SMS_PATH, (({ From: _f, ...rest }) => rest)(valid())),
        400,
        /From/,
      ],
      [
        'a missing MessageSid',
        () => postTwilio(app, SMS_PATH, (({ MessageSid: _m, ...rest }) => rest)(valid())),
        400,
        /MessageSid/,
      ],
      [
        'a missing Body',
        () => postTwilio(app, SMS_PATH, (({ Body: _b, ...rest }) => rest)(valid())),
        400,
        /Body/,
      ],
      [
        'a MessageSid with markup',
        () => postTwilio(app, SMS_PATH, { ...valid(), MessageSid: '<script>' }),
        400,
        /MessageSid/,
      ],
      [
        'a From that is no number',
        () => postTwilio(app, SMS_PATH, { ...valid(), From: "'; drop table studios; --" }),
        400,
        /From/,
      ],
      [
        'a body of 2,001 characters',
        () => postTwilio(app, SMS_PATH, { ...valid(), Body: 'y'.repeat(2001) }),
        400,
        /Body/,
      ],
      [
        'JSON instead of a form',
        () =>
          postTwilio(app, SMS_PATH, valid(), {
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(valid()),
          }),
        400,
        /form-encoded/,
      ],
      [
        'plain text',
        () =>
          postTwilio(app, SMS_PATH, valid(), { headers: { 'content-type': 'text/plain' }, payload: 'STOP' }),
        400,
      ],
      [
        'broken percent-encoding, unsigned',
        () => postTwilio(app, SMS_PATH, valid(), { sign: false, payload: 'Body=%E0%A4%A&From=%%%&To=%ZZ' }),
        403,
      ],
      ['an empty body', () => postTwilio(app, SMS_PATH, {}, { payload: '' }), 400],
    ];
    for (const [what, send, status, mentions] of cases) {
      it(`${what}: ${status}`, async () => {
        const before = (await stored()).length;
        const answer = await send();
        expect(answer.statusCode, answer.body).toBe(status);
        if (mentions) expect(answer.body).toMatch(mentions);
        expect((await stored()).length).toBe(before);
      });
    }

    it('a repeated parameter is refused by name', async () => {
      const params = valid();
      const payload = `${new URLSearchParams(params).toString()}&Body=again`;
      const { twilioSignature } = await import('../support/fake-twilio.js');
      // Signed the way Twilio would sign both values.
      const sorted = Object.keys(params).sort();
      const data = sorted.reduce(
        (t, k) => t + k + params[k] + (k === 'Body' ? 'Bodyagain' : ''),
        `${TWILIO_ENV.PUBLIC_URL}${SMS_PATH}`,
      );
      const { createHmac } = await import('node:crypto');
      const signature = createHmac('sha1', TWILIO_ENV.TWILIO_AUTH_TOKEN).update(data).digest('base64');
      expect(signature).not.toBe(
        twilioSignature(TWILIO_ENV.TWILIO_AUTH_TOKEN, `${TWILIO_ENV.PUBLIC_URL}${SMS_PATH}`, params),
      );
      const answer = await postTwilio(app, SMS_PATH, params, {
        payload,
        headers: { 'x-twilio-signature': signature },
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().details).toContainEqual({ path: 'Body', problem: 'must be given once' });
    });

    it('keeps emoji and other scripts exactly, as UTF-8', async () => {
      const sid = messageSid();
      const text = '📸 Merci beaucoup! 谢谢 — see you 🙌🏽';
      expect((await postTwilio(app, SMS_PATH, smsParams(CLIENT, STUDIO_NUMBER, text, sid))).statusCode).toBe(
        200,
      );
      const [message] = (await stored(a.studio.id)).filter((m) => m.provider_message_id === sid);
      expect(message?.body_text).toBe(text);
    });
  });
});
