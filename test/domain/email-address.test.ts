import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../src/domain/email-address.js';

describe('normalizeEmail', () => {
  it('lower-cases the domain, keeps the local part as written and trims spaces', () => {
    expect(normalizeEmail('  Zoe.Smith@Example.COM ')).toBe('Zoe.Smith@example.com');
  });

  it('accepts addresses real mail servers accept', () => {
    for (const address of [
      'first.last+tag@sub.example.co.uk',
      "o'brien@example.ie",
      'x@a-b.example',
      'user_name-1@example.photography',
    ]) {
      expect(normalizeEmail(address), address).toBe(address);
    }
  });

  it('rejects text that is not an address', () => {
    for (const text of [
      '',
      'no-at-sign',
      'a@b',
      '@example.com',
      'a b@example.com',
      'a@@example.com',
      'a@example..com',
      'a@-example.com',
      'a@example-.com',
      '"quoted"@example.com',
      'a@example.com>',
      `${'a'.repeat(250)}@example.com`,
    ]) {
      expect(normalizeEmail(text), text).toBeNull();
    }
  });

  it('rejects control characters, which no mail server accepts and PostgreSQL cannot store', () => {
    expect(normalizeEmail('a\u0000b@example.com')).toBeNull();
    expect(normalizeEmail('a\u0007b@example.com')).toBeNull();
    expect(normalizeEmail('a\u007fb@example.com')).toBeNull();
  });
});
