/**
 * What a call attempt can end in. Reaching the client, or learning the number is wrong, ends the
 * call; a message left or no answer keeps it on the list for another try.
 */
export const CALL_OUTCOMES = ['reached', 'left_message', 'no_answer', 'wrong_number'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

const COMPLETING: readonly CallOutcome[] = ['reached', 'wrong_number'];

export function isCallOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'string' && (CALL_OUTCOMES as readonly string[]).includes(value);
}

export function completesCall(outcome: CallOutcome): boolean {
  return COMPLETING.includes(outcome);
}
