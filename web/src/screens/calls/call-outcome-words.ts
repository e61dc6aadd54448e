import type { CallOutcome } from '../../api/calls-api';

/** The outcomes in the words of the call list; reached and wrong number end the call. */
export const CALL_OUTCOME_WORDS: Record<CallOutcome, string> = {
  reached: 'Reached',
  left_message: 'Left message',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
};
