import type { RecordKind } from '../domain/record-kinds/index.js';
import type { Criterion, ExplainedItem, ExplainedOccurrence } from './explain-trigger.js';
import type { UnknownSenderSms } from './unknown-sender-sms.js';

export interface SummaryInput {
  readonly kind: RecordKind;
  readonly record_id: number;
  readonly trigger_name: string;
  readonly active: boolean;
  readonly dateLabel: string;
  readonly anchorKind: string;
  /** For event triggers, the event in words ("opened email event"); null otherwise. */
  readonly eventLabel: string | null;
  readonly criteria: readonly Criterion[];
  readonly occurrences: readonly ExplainedOccurrence[];
  readonly earlier_items: readonly ExplainedItem[];
  readonly unknown_sender_sms: readonly UnknownSenderSms[];
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
  const latest = occurrenceInQuestion(input);
  // A yearly date's occurrences differ by year: say which one.
  const name = `"${input.trigger_name}"${input.anchorKind === 'yearly' && latest ? ` for ${latest.anchor_value}` : ''}`;
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
  const unknown = input.unknown_sender_sms[input.unknown_sender_sms.length - 1];
  if (unknown && input.active && (!latest || unknown.received_at > latest.anchor_value)) {
    return `${subject} did not get ${name}: its latest ${input.eventLabel ?? 'message'} (received ${unknown.received_at}) came from ${unknown.from}, which belonged to no client then (an unknown sender), so it started nothing.`;
  }
  if (!latest || !input.active || failed) {
    return `${subject} did not get ${name}: ${recordReason(input, failed)}.`;
  }
  const more =
    input.occurrences.length > 1 && input.anchorKind !== 'yearly'
      ? ` (the latest of its ${input.occurrences.length} occurrences)`
      : '';
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
  if (input.anchorKind === 'event')
    return `no ${input.eventLabel ?? 'event'} has been recorded for this client`;
  if (input.anchorKind === 'yearly' && input.dateLabel.startsWith('Family member')) {
    return 'none of its family members has a birth date';
  }
  if (failed?.criterion === 'filter status') return 'it is not in the status the trigger filters on';
  if (failed?.criterion === 'filter type') return 'it is not of the type the trigger filters on';
  return input.dateLabel.startsWith('Status')
    ? 'it has never been in the status the trigger watches'
    : `its ${input.dateLabel.replace(' (yearly)', '').toLowerCase()} is not set`;
}

/**
 * The occurrence people ask about: the latest one. For a yearly date that is the latest year whose
 * trigger date has come (next year's is only ahead), or the next one when none has.
 */
function occurrenceInQuestion(input: SummaryInput): ExplainedOccurrence | undefined {
  const all = input.occurrences;
  if (input.anchorKind !== 'yearly') return all[all.length - 1];
  const byDate = [...all].sort((a, b) => a.trigger_date.localeCompare(b.trigger_date));
  return byDate.filter((o) => o.has_come).pop() ?? byDate[0];
}

/** An event trigger's event in words: "opened email event", "incoming SMS starting with "MINI"". */
export function eventLabelOf(trigger: {
  readonly emailEvent: string | null;
  readonly keyword: string | null;
  readonly filterTypeId: number | null;
  readonly dateOption: { readonly anchor: { readonly kind: string } };
}): string | null {
  if (trigger.dateOption.anchor.kind !== 'event') return null;
  if (trigger.keyword !== null) return `incoming SMS starting with "${trigger.keyword}"`;
  const type = trigger.filterTypeId === null ? '' : ' of the chosen email type';
  return `${String(trigger.emailEvent).replace('_', ' ')} email event${type}`;
}

function occurrenceReason(input: SummaryInput, latest: ExplainedOccurrence): string {
  if (latest.baselined && input.eventLabel) {
    return `no ${input.eventLabel} for this client since the trigger was baselined (the latest, at ${latest.anchor_value}, came before the trigger was activated or last changed)`;
  }
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
  return (latest.disqualification ?? latest.verdict)
    .replace(/^excluded: /, 'the trigger excludes it: ')
    .replace(/^(not fired|passed): /, '');
}
