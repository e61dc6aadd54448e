/**
 * What the first word of an inbound SMS asks for (SPEC §5): carrier keywords that every studio
 * honours, and the confirmation words that mean something only after an SMS Confirmation Message.
 *
 * The first word is the first run of non-space characters that holds a letter or digit, with the
 * punctuation, symbols and emoji at its ends dropped, so "🛑 Stop!!", "stop." and "STOP please" all
 * read STOP. The whole word must be the keyword: "STOPPED", "stopping" or "Stop-over" are ordinary
 * messages, since reading them as an opt-out would silence a client who never asked for it.
 */
export type SmsReplyKeyword = 'opt_out' | 'opt_in' | 'help' | 'confirm';

const WORDS: ReadonlyMap<string, SmsReplyKeyword> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'].map(
    (w) => [w, 'opt_out'] as const,
  ),
  ...['START', 'UNSTOP'].map((w) => [w, 'opt_in'] as const),
  ['HELP', 'help'],
  ...['YES', 'Y', 'CONFIRM', 'C'].map((w) => [w, 'confirm'] as const),
]);

/** The first word of a message as defined above, upper-cased; '' when it has none. */
export function firstWordOf(body: string): string {
  for (const token of body.split(/\s+/u)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word !== '') return word.toUpperCase();
  }
  return '';
}

export function smsReplyKeyword(body: string): SmsReplyKeyword | null {
  return WORDS.get(firstWordOf(body)) ?? null;
}
