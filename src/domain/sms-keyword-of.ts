/**
 * The word of an inbound SMS that Incoming Keyword triggers match (SPEC §5: "a first word matching
 * an Incoming Keyword trigger"), in the stored form of keywords (upper case), or null.
 *
 * The first word is what comes before the first white space, once leading white space is gone.
 * Punctuation and symbols at its ends are dropped, because people write "Mini!", "mini." or
 * "\"MINI\"" and mean the keyword; inside the word they are kept, so "mini-session" is not "MINI".
 * Keywords are letters and digits of the Latin alphabet (`checkSmsKeyword`), so a first word with
 * anything else is no keyword at all (null): that also keeps case folding from making "mını"
 * (dotless i) read as "MINI".
 */
export function smsKeywordOf(body: string): string | null {
  const first = body.trim().split(/\s/u, 1)[0] ?? '';
  const word = first.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return /^[A-Za-z0-9]+$/.test(word) ? word.toUpperCase() : null;
}
