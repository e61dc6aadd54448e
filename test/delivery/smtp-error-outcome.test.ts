import { describe, expect, it } from 'vitest';
import { smtpErrorOutcome } from '../../src/delivery/channels/smtp-error-outcome.js';

/** A nodemailer error as its SMTP connection makes them. */
const smtpError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('what an SMTP failure means', () => {
  it('takes the reply code first: 4xx temporary, 5xx permanent, with the command and the text', () => {
    expect(
      smtpErrorOutcome(
        smtpError({
          code: 'EENVELOPE',
          responseCode: 452,
          response: '452 4.2.2 Mailbox full',
          command: 'RCPT TO',
        }),
        30_000,
      ),
    ).toEqual({ kind: 'temporary', code: 'smtp-452', reason: 'SMTP 452 at RCPT TO: 452 4.2.2 Mailbox full' });
    expect(
      smtpErrorOutcome(
        smtpError({
          code: 'EMESSAGE',
          responseCode: 554,
          response: '554 5.7.1 Message rejected as spam',
          command: 'DATA',
        }),
        30_000,
      ),
    ).toEqual({
      kind: 'permanent',
      code: 'smtp-554',
      reason: 'SMTP 554 at DATA: 554 5.7.1 Message rejected as spam',
    });
  });

  it('waits when the server refuses the connection itself rather than the email', () => {
    expect(
      smtpErrorOutcome(
        smtpError({
          code: 'EPROTOCOL',
          responseCode: 554,
          response: '554 No SMTP service here',
          command: 'CONN',
        }),
        30_000,
      ),
    ).toMatchObject({ kind: 'temporary', code: 'smtp-554' });
  });

  it('waits on login problems, whatever the code, and says which setting to check', () => {
    for (const error of [
      smtpError({
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.8 Bad credentials',
        command: 'AUTH PLAIN',
      }),
      smtpError({ code: 'EAUTH', message: 'Missing credentials for "PLAIN"', command: 'API' }),
      smtpError({
        code: 'EENVELOPE',
        responseCode: 530,
        response: '530 5.7.0 Authentication required',
        command: 'MAIL FROM',
      }),
    ]) {
      const outcome = smtpErrorOutcome(error, 30_000);
      expect(outcome.kind).toBe('temporary');
      expect(outcome.kind !== 'sent' && outcome.reason).toContain("SMTP_URL or the studio's smtp_url");
    }
  });

  it('waits when the server was not reached, with the socket code or "timeout"', () => {
    expect(
      smtpErrorOutcome(
        smtpError({ code: 'ESOCKET', originalCode: 'ECONNRESET', message: 'read ECONNRESET' }),
        30_000,
      ),
    ).toMatchObject({ kind: 'temporary', code: 'ECONNRESET' });
    expect(smtpErrorOutcome(smtpError({ code: 'EDNS', originalCode: 'ENOTFOUND' }), 30_000)).toMatchObject({
      kind: 'temporary',
      code: 'ENOTFOUND',
    });
    expect(
      smtpErrorOutcome(smtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' }), 30_000),
    ).toEqual({
      kind: 'temporary',
      code: 'timeout',
      reason: 'no answer from the SMTP server within 30 s',
    });
    expect(smtpErrorOutcome(new Error('something odd'), 30_000)).toMatchObject({
      kind: 'temporary',
      code: 'network-error',
    });
  });

  it('fails at once what no server would take: a bad envelope without a reply', () => {
    expect(
      smtpErrorOutcome(smtpError({ code: 'EENVELOPE', message: 'Invalid recipient "a b"' }), 30_000),
    ).toEqual({
      kind: 'permanent',
      code: 'smtp-envelope',
      reason: 'Invalid recipient "a b"',
    });
  });
});
