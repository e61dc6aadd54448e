import type { ProblemDetail } from '../errors.js';

/**
 * Words an inbound SMS already means something by (SPEC §5): opt-out and opt-in words, HELP, and
 * the replies that confirm a session after an SMS Confirmation Message. An Incoming Keyword trigger
 * on one of them would either never fire or fight the consent rules, so they are refused.
 */
export const RESERVED_SMS_KEYWORDS: readonly string[] = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'START',
  'UNSTOP',
  'HELP',
  'YES',
  'Y',
  'CONFIRM',
  'C',
];

const MAX_KEYWORD = 30;

/** The keyword in stored (upper-case) form, or the problem with it. */
export function checkSmsKeyword(value: unknown, path: string): { keyword: string } | ProblemDetail {
  if (typeof value !== 'string' || !/^[A-Za-z0-9]+$/.test(value.trim())) {
    return { path, problem: 'must be one word of letters and digits' };
  }
  const keyword = value.trim().toUpperCase();
  if (keyword.length > MAX_KEYWORD) return { path, problem: `must be at most ${MAX_KEYWORD} characters` };
  if (RESERVED_SMS_KEYWORDS.includes(keyword)) {
    return {
      path,
      problem: `"${keyword}" is reserved for opt-out, opt-in, help and confirmation replies`,
    };
  }
  return { keyword };
}
