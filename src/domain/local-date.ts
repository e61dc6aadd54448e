import { DateTime } from 'luxon';

/** The studio-local calendar date (YYYY-MM-DD) of an instant, in the studio's IANA time zone. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/**
 * Parses an instant given with an explicit offset or `Z` (a bare local time is ambiguous and
 * rejected) and returns it in the one stored form: ISO-8601 UTC with milliseconds. Instants are
 * compared as text in SQL, so only years 0001–9999 are accepted: beyond them ISO-8601 needs a sign
 * and six digits, which would sort wrongly.
 */
export function toStoredInstant(text: string): string | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true }).toUTC();
  if (!parsed.isValid || parsed.year < 1 || parsed.year > 9999) return null;
  return parsed.toISO() as string;
}

export function instantToText(instant: Date): string {
  return instant.toISOString();
}
