import { describe, expect, it } from 'vitest';
import { twilioResponseOutcome } from '../../src/delivery/channels/twilio-response-outcome.js';

const now = new Date('2026-11-23T12:00:00.000Z');
const twilioError = (code: number, status = 400, message = `message ${code}`) =>
  JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
const outcome = (status: number, body = '', retryAfter: string | null = null) =>
  twilioResponseOutcome({ status, body, retryAfter }, now);

describe('twilioResponseOutcome', () => {
  it('takes 2xx as sent with the sid, or without one when the body has none', () => {
    expect(outcome(201, JSON.stringify({ sid: 'SM123', status: 'queued' }))).toEqual({
      kind: 'sent',
      providerId: 'SM123',
    });
    expect(outcome(200, 'not json')).toEqual({ kind: 'sent', providerId: null });
  });

  it.each([21211, 21214, 21217, 21408, 21602, 21603, 21604, 21606, 21612, 21614, 21617])(
    'takes Twilio %i as permanent',
    (code) => {
      expect(outcome(400, twilioError(code))).toEqual({
        kind: 'permanent',
        code: `twilio-${code}`,
        reason: `Twilio ${code} (HTTP 400): message ${code} https://www.twilio.com/docs/errors/${code}`,
      });
    },
  );

  it('takes 21610 as permanent and opted out', () => {
    expect(outcome(400, twilioError(21610))).toMatchObject({ kind: 'permanent', optedOut: true });
  });

  it.each([14107, 20429, 20500, 20503, 30001, 30008, 30017, 30022, 30023, 30027])(
    'takes Twilio %i as temporary even on a 400',
    (code) => {
      expect(outcome(400, twilioError(code))).toMatchObject({ kind: 'temporary', code: `twilio-${code}` });
    },
  );

  it('takes 429 and every 5xx as temporary, with Retry-After when given', () => {
    expect(outcome(429, '', '3')).toEqual({
      kind: 'temporary',
      code: 'http-429',
      reason: 'Twilio answered HTTP 429',
      retryAfterMs: 3000,
    });
    expect(outcome(503, '', '120')).toMatchObject({ code: 'http-503', retryAfterMs: 120_000 });
    for (const status of [500, 502, 504]) expect(outcome(status)).toMatchObject({ kind: 'temporary' });
  });

  it('takes 401, 403 and 404 as settings to fix: temporary', () => {
    for (const status of [401, 403, 404]) {
      const result = outcome(status, twilioError(20003, status, 'Authenticate'));
      expect(result).toMatchObject({ kind: 'temporary', code: 'twilio-20003' });
      expect((result as { reason: string }).reason).toContain('check TWILIO_BASE_URL');
    }
  });

  it('lets a known permanent code win over 403 (region not enabled)', () => {
    expect(outcome(403, twilioError(21408, 403))).toMatchObject({ kind: 'permanent', code: 'twilio-21408' });
  });

  it('takes any other 4xx as permanent with Twilio code and message', () => {
    expect(outcome(400, twilioError(21999, 400, 'Something new'))).toEqual({
      kind: 'permanent',
      code: 'twilio-21999',
      reason: 'Twilio 21999 (HTTP 400): Something new https://www.twilio.com/docs/errors/21999',
    });
    expect(outcome(413, 'Payload Too Large')).toEqual({
      kind: 'permanent',
      code: 'http-413',
      reason: 'Twilio answered HTTP 413: Payload Too Large',
    });
  });

  it('reads a code given as text, and fills in our words when Twilio gives no message', () => {
    expect(outcome(400, JSON.stringify({ code: '21614', status: 400 }))).toEqual({
      kind: 'permanent',
      code: 'twilio-21614',
      reason: "Twilio 21614 (HTTP 400): 'To' number is not a mobile number",
    });
  });

  it('takes an unexpected status (3xx) as temporary', () => {
    expect(outcome(302, '')).toMatchObject({ kind: 'temporary', code: 'http-302' });
  });

  it('keeps a long HTML body short and on one line', () => {
    const result = outcome(502, `<html>\n${'x'.repeat(1000)}\n</html>`) as { reason: string };
    expect(result.reason.length).toBeLessThan(250);
    expect(result.reason).not.toContain('\n');
  });
});
