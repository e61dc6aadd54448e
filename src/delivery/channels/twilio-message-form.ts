import type { OutboundMessage } from '../channel.js';
import type { TwilioSettings } from './twilio-settings.js';

/**
 * The form fields of `POST …/Messages.json`, or null when there is no sender at all.
 *
 * The sender is the studio's own number (the message's `from`) when it has one: replies come back
 * to that number, and inbound SMS find their studio by it. With a Messaging Service configured its
 * SID goes along too, and Twilio sends from that number inside the service (the number must be in
 * the service's sender pool); without a studio number the service picks one from its pool. Without
 * a service, TWILIO_FROM_NUMBER stands in for a studio that has no number.
 */
export function twilioMessageForm(
  message: OutboundMessage,
  settings: Pick<TwilioSettings, 'messagingServiceSid' | 'fromNumber' | 'statusCallbackUrl'>,
): URLSearchParams | null {
  const from = message.from ?? (settings.messagingServiceSid ? null : settings.fromNumber);
  if (!from && !settings.messagingServiceSid) return null;
  const form = new URLSearchParams({ To: message.to, Body: message.text ?? '' });
  if (from) form.set('From', from);
  if (settings.messagingServiceSid) form.set('MessagingServiceSid', settings.messagingServiceSid);
  if (settings.statusCallbackUrl) form.set('StatusCallback', settings.statusCallbackUrl);
  return form;
}
