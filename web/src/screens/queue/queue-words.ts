import type { QueueAction, QueueOutcome } from '../../api/queue-api';

export const ACTION_VERBS: Record<QueueAction, string> = {
  process: 'Process',
  skip: 'Skip',
  delete: 'Delete',
};

export const ACTION_PAST: Record<QueueAction, string> = {
  process: 'processed',
  skip: 'skipped',
  delete: 'deleted',
};

/** "1 item", "5 items". */
export const itemCount = (count: number) => `${count} item${count === 1 ? '' : 's'}`;

/** What each action does to the items, said before anyone confirms it. */
export const ACTION_CONSEQUENCES: Record<QueueAction, string> = {
  process:
    'Each item is checked again first: one whose record no longer qualifies is withdrawn and sends nothing. The others create what their trigger does (emails and SMS go to the outbox).',
  skip: 'Skipped items leave the queue for good and send nothing. They stay in each record’s history.',
  delete:
    'Deleted items leave the queue for good and send nothing. Use Skip to keep a plainer record of a decision.',
};

const OUTCOME_WORDS: [keyof Omit<QueueOutcome, 'failed'>, string][] = [
  ['processed', 'processed'],
  ['skipped', 'skipped'],
  ['deleted', 'deleted'],
  ['withdrawn', 'withdrawn (the record no longer qualifies)'],
  ['expired', 'expired (their day is over)'],
  ['unchanged', 'already handled by someone else'],
];

/** The outcome in words, e.g. "3 items processed, 1 item withdrawn (…)". */
export function outcomeText(outcome: QueueOutcome): string {
  const parts = OUTCOME_WORDS.flatMap(([key, words]) => {
    const count = outcome[key]?.length ?? 0;
    return count > 0 ? [`${itemCount(count)} ${words}`] : [];
  });
  return parts.length > 0 ? `${parts.join(', ')}.` : 'Nothing was pending any more.';
}
