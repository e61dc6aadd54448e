import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: string };

/**
 * Normalises a phone number to E.164. A number without a leading "+" is read in the studio's
 * country, as the reference product does with its company country code.
 */
export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'must not be empty' };
  const parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, problem: `is not a valid phone number (read in country ${defaultCountry})` };
  }
  return { ok: true, e164: parsed.number };
}

/** ISO 3166 alpha-2 codes that phone numbers can be read in, e.g. "US", "GB". */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}
