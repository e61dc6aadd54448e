/**
 * What processing a triggered item does (SPEC §3.4, "What would you like this trigger to do for
 * you?"). `channels` are tried in order: the first whose recipient is usable is used (a fallback),
 * except for `email_and_sms`, which uses every usable channel.
 */
export const ACTION_NAMES = [
  'phone_call',
  'task',
  'web_form',
  'letter',
  'email',
  'email_or_call',
  'email_or_letter',
  'sms',
  'sms_or_call',
  'sms_or_email',
  'email_and_sms',
  'nps_sms',
  'sms_confirmation',
  'status_change_only',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type Channel = 'email' | 'sms' | 'phone_call' | 'letter' | 'task' | 'web_form' | 'status_change';

export interface ActionDef {
  readonly name: ActionName;
  readonly label: string;
  readonly channels: readonly Channel[];
  /** `first`: the first usable channel; `all`: every usable one. */
  readonly use: 'first' | 'all';
  /** Reaches the client as a message, so Send To, referral options and consent apply. */
  readonly isMessage: boolean;
}

const action = (
  name: ActionName,
  label: string,
  channels: readonly Channel[],
  use: 'first' | 'all' = 'first',
): ActionDef => ({
  name,
  label,
  channels,
  use,
  isMessage: channels.some((c) => c === 'email' || c === 'sms'),
});

export const ACTIONS: Record<ActionName, ActionDef> = {
  phone_call: action('phone_call', 'Phone Call', ['phone_call']),
  task: action('task', 'Task', ['task']),
  web_form: action('web_form', 'Web Form', ['web_form']),
  letter: action('letter', 'Letter', ['letter']),
  email: action('email', 'Email', ['email']),
  email_or_call: action('email_or_call', 'Email/Phone Call', ['email', 'phone_call']),
  email_or_letter: action('email_or_letter', 'Email/Letter', ['email', 'letter']),
  sms: action('sms', 'SMS', ['sms']),
  sms_or_call: action('sms_or_call', 'SMS/Call', ['sms', 'phone_call']),
  sms_or_email: action('sms_or_email', 'SMS/Email', ['sms', 'email']),
  email_and_sms: action('email_and_sms', 'Email & SMS', ['email', 'sms'], 'all'),
  nps_sms: action('nps_sms', 'NPS SMS', ['sms']),
  sms_confirmation: action('sms_confirmation', 'SMS Confirmation Message', ['sms']),
  status_change_only: action('status_change_only', 'Perform a status change only', ['status_change']),
};
