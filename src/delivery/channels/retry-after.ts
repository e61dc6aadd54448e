/**
 * Reads an HTTP `Retry-After` header: a number of seconds (what Twilio sends) or an HTTP date.
 * Answers milliseconds from `now`, never negative; undefined when the header is absent or unreadable,
 * so the dispatcher falls back to its own backoff.
 */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  // Only a real HTTP date: Date.parse also accepts bare numbers like "-5" as years.
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, at - now.getTime());
}
