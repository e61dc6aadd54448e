import type { RecordKind } from '../domain/record-kinds/index.js';
import type { Criterion, ExplainedItem, ExplainedOccurrence } from './explain-trigger.js';

export interface SummaryInput {
  readonly kind: RecordKind;
  readonly record_id: number;
  readonly trigger_name: string;
  readonly active: boolean;
  readonly dateLabel: string;
  readonly anchorKind: string;
  readonly criteria: readonly Criterion[];
  readonly occurrences: readonly ExplainedOccurrence[];
  readonly earlier_items: readonly ExplainedItem[];
}

const FLAG_WORDS: Readonly<Record<string, string>> = {
  on_hold: 'on hold',
  confirmed: 'confirmed',
  canceled: 'canceled',
};
const GOT = ['pending', 'processed'];

/**
 * The explanation in one paragraph, for a person at the front desk: whether the record got the
 * trigger and the first reason that decided it ("Session 812 did not get "Reminder": it is canceled,
 * and the trigger excludes canceled sessions."). It speaks of the latest occurrence, since that is
 * the one people ask about; the data beside it lists them all.
 */
export function explainSummary(input: SummaryInput): string {
  const label = input.kind.label;
  const subject = `${label} ${input.record_id}`;
  const name = `"${input.trigger_name}"`;
  const latest = input.occurrences[input.occurrences.length - 1];
  const item = latest?.item;
  if (item && GOT.includes(String(item.state))) {
    const date = `trigger date ${String(item.trigger_date)}`;
    if (item.state === 'pending') return `${subject} got ${name}: it is in the queue, pending (${date}).`;
    // Processed with nothing usable: the occurrence was handled, but no message went out.
    if (item.channel_used == null && item.reason && !String(item.reason).startsWith('processed'))
      return `${subject} got ${name}, but nothing was created (${date}): ${String(item.reason)}.`;
    return `${subject} got ${name}: it was processed (${date})${item.reason ? ` — ${String(item.reason)}` : ''}.`;
  }
  const failed = input.criteria.find((c) => !c.pass && c.criterion !== 'date option');
  if (!latest || !input.active || failed) {
    return `${subject} did not get ${name}: ${recordReason(input, failed)}.`;
  }
  const more =
    input.occurrences.length > 1 ? ` (the latest of its ${input.occurrences.length} occurrences)` : '';
  if (item)
    return `${subject} did not get ${name}${more}: its item was ${String(item.state)}${item.reason ? ` — ${String(item.reason)}` : ''}.`;
  if (!latest.baselined && !latest.disqualification && !latest.has_come) {
    return `${subject} has not got ${name} yet${more}: it falls due at ${latest.trigger_date}.`;
  }
  if (latest.verdict.startsWith('due:')) {
    return `${subject} has not got ${name} yet${more}: it is due (trigger date ${latest.trigger_date}) and the next evaluation queues it.`;
  }
  return `${subject} did not get ${name}${more}: ${occurrenceReason(input, latest)}.`;
}

function recordReason(input: SummaryInput, failed: Criterion | undefined): string {
  if (!input.active) return 'the trigger is not active';
  if (input.anchorKind === 'yearly') {
    return 'explain does not yet cover yearly dates (birthdays, anniversaries); see the items and their history';
  }
  if (input.anchorKind === 'event') return 'triggers on events (email events, incoming SMS) do not fire yet';
  if (failed?.criterion === 'filter status') return 'it is not in the status the trigger filters on';
  if (failed?.criterion === 'filter type') return 'it is not of the type the trigger filters on';
  return input.dateLabel.startsWith('Status')
    ? 'it has never been in the status the trigger watches'
    : `its ${input.dateLabel.toLowerCase()} is not set`;
}

function occurrenceReason(input: SummaryInput, latest: ExplainedOccurrence): string {
  if (latest.baselined) {
    return `it was baselined — it already existed, with its trigger date (${latest.trigger_date}) passed, when the trigger was activated or last changed`;
  }
  const flag = latest.exclusions.find((e) => e.pass === false && FLAG_WORDS[e.exclusion]);
  if (flag && latest.disqualification?.startsWith('excluded')) {
    const word = FLAG_WORDS[flag.exclusion] as string;
    const plural = `${input.kind.label.toLowerCase()}s`;
    return latest.disqualification.includes('its session')
      ? `its session is ${word}, and the trigger excludes ${plural} of ${word} sessions`
      : `it is ${word}, and the trigger excludes ${word} ${plural}`;
  }
  return (latest.disqualification ?? latest.verdict).replace(/^excluded: /, 'the trigger excludes it: ');
}
