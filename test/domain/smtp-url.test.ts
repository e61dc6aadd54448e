import { describe, expect, it } from 'vitest';
import { keepMaskedPassword, maskSmtpUrl, parseSmtpUrl } from '../../src/domain/smtp-url.js';

describe('SMTP URLs', () => {
  it('reads STARTTLS and TLS servers with their percent-encoded login, and default ports', () => {
    expect(parseSmtpUrl('smtp://mailer%40lumen.test:p%2Fss%40word@mail.lumen.test')).toEqual({
      ok: true,
      server: {
        host: 'mail.lumen.test',
        port: 587,
        secure: false,
        requireStartTls: false,
        user: 'mailer@lumen.test',
        password: 'p/ss@word',
      },
    });
    expect(parseSmtpUrl('smtps://mail.lumen.test')).toMatchObject({
      ok: true,
      server: { port: 465, secure: true, user: null, password: null },
    });
    expect(parseSmtpUrl('smtp://relay:2525?starttls=required')).toMatchObject({
      ok: true,
      server: { host: 'relay', port: 2525, requireStartTls: true },
    });
    expect(parseSmtpUrl('smtp://[::1]:25')).toMatchObject({ ok: true, server: { host: '::1' } });
  });

  it('says what is wrong, never repeating the URL', () => {
    const problem = (url: string) => {
      const result = parseSmtpUrl(url);
      return result.ok ? null : result.problem;
    };
    expect(problem('mail.example.com')).toMatch(/^must be a URL like smtp:\/\//);
    expect(problem('http://user:pw@mail.example.com')).toBe('must start with smtp:// or smtps://');
    expect(problem('smtp://mail.example.com/inbox')).toBe('must not have a path');
    expect(problem('smtp://mail.example.com?pool=false')).toBe(
      'has an unknown option "pool" (only starttls)',
    );
    expect(problem('smtp://mail.example.com?starttls=maybe')).toBe('starttls must be required or optional');
    expect(problem('smtp://:secret@mail.example.com')).toBe('has a password but no user');
  });

  it('masks the password for showing, and a URL sent back masked keeps the stored password', () => {
    const stored = 'smtps://mailer:s3cret@mail.lumen.test:465';
    const shown = maskSmtpUrl(stored) as string;
    expect(shown).toBe('smtps://mailer:********@mail.lumen.test:465');
    expect(maskSmtpUrl('smtp://relay.local')).toBe('smtp://relay.local');
    expect(maskSmtpUrl(null)).toBeNull();
    expect(keepMaskedPassword(shown, stored)).toBe(stored);
    expect(keepMaskedPassword(shown.replace(':465', ':587'), stored)).toBe(
      'smtps://mailer:s3cret@mail.lumen.test:587',
    );
    // Another user, or nothing stored: the mask is not a password to keep.
    expect(keepMaskedPassword('smtps://other:********@mail.lumen.test', stored)).toBe(
      'smtps://other:********@mail.lumen.test',
    );
    expect(keepMaskedPassword(shown, null)).toBe(shown);
    expect(keepMaskedPassword('smtps://mailer:new@mail.lumen.test', stored)).toBe(
      'smtps://mailer:new@mail.lumen.test',
    );
  });
});
