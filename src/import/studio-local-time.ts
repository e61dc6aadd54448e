import { DateTime } from 'luxon';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export type LocalTimeResult = { value: string } | { problem: string };

/**
 * A spreadsheet writes "2026-05-02 14:00" and means the studio's wall clock. The API insists on an
 * explicit offset, because a bare time is ambiguous for a caller in another zone; a studio's own
 * file is not, so the import reads it in the studio's time zone and adds the offset. Text that is
 * not a bare local time is left for the record validator to judge. A time that the clocks skip
 * (the spring daylight-saving change) is refused rather than silently moved.
 */
export function withStudioOffset(text: string, zone: string): LocalTimeResult {
  const match = LOCAL.exec(text.trim());
  if (!match) return { value: text };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone });
  if (!local.isValid) return { value: text };
  if (local.hour !== hour || local.minute !== minute) {
    return { problem: `is not a time that exists in ${zone} (the clocks skip it for daylight saving)` };
  }
  return { value: local.toISO({ suppressMilliseconds: true }) as string };
}
