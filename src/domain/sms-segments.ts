/**
 * How many SMS parts a text costs (SPEC §3.4: "SMS bodies show their segment count").
 *
 * A text made only of the GSM 03.38 basic set and its extension table is sent as GSM-7: 160 septets
 * in one part, or 153 per part once concatenated (the user data header takes 7). Extension
 * characters (`^{}\[~]|€` and form feed) are sent as an escape plus the character, so they cost two
 * septets. Any other character forces UCS-2 for the whole message: 70 UTF-16 code units in one part,
 * 67 per part once concatenated; an emoji outside the BMP is a surrogate pair and costs two.
 *
 * Carriers do not split an escape sequence or a surrogate pair across parts, so parts are filled
 * character by character rather than by dividing the total: a part that would end in the middle
 * of a two-unit character closes early.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  readonly encoding: SmsEncoding;
  /** Characters as the phone shows them (Unicode code points). */
  readonly characters: number;
  readonly segments: number;
  /** Capacity of one part in this encoding and part count, in septets (GSM-7) or code units (UCS-2). */
  readonly perSegment: number;
}

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

export function smsSegments(text: string): SmsSegments {
  const chars = Array.from(text);
  const encoding: SmsEncoding = chars.every((c) => BASIC.has(c) || EXTENSION.has(c)) ? 'GSM-7' : 'UCS-2';
  const units = chars.map((c) => (encoding === 'GSM-7' ? (EXTENSION.has(c) ? 2 : 1) : c.length));
  const total = units.reduce((sum, n) => sum + n, 0);
  const { single, multi } = LIMITS[encoding];
  if (total === 0) return { encoding, characters: 0, segments: 0, perSegment: single };
  if (total <= single) return { encoding, characters: chars.length, segments: 1, perSegment: single };
  let segments = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, characters: chars.length, segments, perSegment: multi };
}
