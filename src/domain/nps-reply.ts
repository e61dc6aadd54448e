/**
 * Reading a reply to an NPS SMS (SPEC §5): the first number in the text is the score when it is a
 * whole number from 0 to 10, and the rest of the text is the comment. "9 great shoot", "9/10 great
 * shoot" and "I'd say 9 — great shoot" all give 9; a "/10" after the score is part of the score.
 * A first number outside 0–10 ("11", "-3", "42", "7.5") is out of range: the sender meant a score
 * and gets asked again. A text without a number holds no score at all.
 */
export type NpsReply =
  | { readonly kind: 'score'; readonly score: number; readonly comment: string | null }
  | { readonly kind: 'out_of_range'; readonly number: string }
  | { readonly kind: 'none' };

const NUMBER = /(?<![\p{L}\p{N}])[-−]?\d+(?:[.,]\d+)?(?:\s*\/\s*10(?!\d))?/u;

export function npsReplyOf(body: string): NpsReply {
  const match = NUMBER.exec(body);
  if (!match) return { kind: 'none' };
  const number = match[0].replace(/\s*\/\s*10$/, '');
  const score = /^\d+$/.test(number) ? Number(number) : NaN;
  if (!(score >= 0 && score <= 10)) return { kind: 'out_of_range', number };
  const rest = `${body.slice(0, match.index)} ${body.slice(match.index + match[0].length)}`
    .replace(/\s+/gu, ' ')
    .trim()
    // Separators people put between score and comment: "9 - great", "9: great", "9, great".
    .replace(/^[-–—:,.;!)]+\s*/u, '')
    .trim();
  return { kind: 'score', score, comment: rest === '' ? null : rest };
}
