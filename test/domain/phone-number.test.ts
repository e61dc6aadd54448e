import { describe, expect, it } from 'vitest';
import { isCountryCode, normalizePhone } from '../../src/domain/phone-number.js';

describe('normalizePhone', () => {
  it('reads a national number in the studio country and returns E.164', () => {
    expect(normalizePhone('(212) 555-0142', 'US')).toEqual({ ok: true, e164: '+12125550142' });
    expect(normalizePhone('212.555.0142', 'US')).toEqual({ ok: true, e164: '+12125550142' });
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958' });
    expect(normalizePhone('030 901820', 'DE')).toEqual({ ok: true, e164: '+4930901820' });
  });

  it('keeps the country of a number written with "+", whatever the studio country', () => {
    expect(normalizePhone('+44 20 7946 0958', 'US')).toEqual({ ok: true, e164: '+442079460958' });
    expect(normalizePhone(' +1 212 555 0142 ', 'GB')).toEqual({ ok: true, e164: '+12125550142' });
  });

  it('rejects text that is not a phone number and says which country it was read in', () => {
    for (const garbage of ['hello', '123', '555-0142', '+1 000', '12125550142999999']) {
      const result = normalizePhone(garbage, 'US');
      expect(result.ok, garbage).toBe(false);
      if (!result.ok) expect(result.problem).toContain('country US');
    }
  });

  it('rejects an empty number', () => {
    expect(normalizePhone('   ', 'US')).toEqual({ ok: false, problem: 'must not be empty' });
  });
});

describe('isCountryCode', () => {
  it('accepts upper-case ISO 3166 codes that phone numbers can be read in', () => {
    expect(isCountryCode('US')).toBe(true);
    expect(isCountryCode('GB')).toBe(true);
    expect(isCountryCode('us')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('USA')).toBe(false);
  });
});
