import type { Communication } from '../../../api/communications-api';

const CHANNELS: Record<string, string> = {
  email: 'Email',
  sms: 'SMS',
  phone_call: 'Phone call',
  letter: 'Letter',
  mail: 'Mail',
  phone: 'Phone',
  task: 'Task',
  web_form: 'Web form',
};

export const channelLabel = (channel: string | null) => (channel ? (CHANNELS[channel] ?? channel) : '');

/** Who a message went to, as staff read it: "Zoë Ångström <+13125550100>" or the address alone. */
export const recipientOf = (c: Pick<Communication, 'recipient_name' | 'to_address'>) =>
  c.recipient_name ? `${c.recipient_name} <${c.to_address ?? ''}>` : (c.to_address ?? '');

/** An email's subject, or the first words of a text (an SMS, a call's note). */
export function summaryOf(c: Pick<Communication, 'subject' | 'body_text'>): string {
  if (c.subject) return c.subject;
  const text = (c.body_text ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** snake_case words of the API (`opt_out`, `sms_reply`, `withdrawn`) as words: "opt out". */
export const words = (value: string) => value.replace(/_/g, ' ');

export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
