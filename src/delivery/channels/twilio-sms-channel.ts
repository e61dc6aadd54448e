import { systemClock, type Clock } from '../../domain/clock.js';
import type { DeliveryChannel, OutboundMessage, SendOutcome } from '../channel.js';
import { closableChannel } from './closable-channel.js';
import { networkErrorOutcome } from './network-error-outcome.js';
import { twilioMessageForm } from './twilio-message-form.js';
import { twilioResponseOutcome } from './twilio-response-outcome.js';
import type { TwilioSettings } from './twilio-settings.js';

/**
 * SMS over Twilio's REST API (or any service that speaks it, at another base URL): one
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` per message, with plain fetch. Twilio
 * queues the message and answers 201 with its `sid` at once; whether it reached the phone comes
 * later in a status callback. docs/delivery.md explains how errors are classified.
 */
export function twilioSmsChannel(settings: TwilioSettings, clock: Clock = systemClock): DeliveryChannel {
  const url = `${settings.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;

  async function post(message: OutboundMessage): Promise<SendOutcome> {
    if (message.channel !== 'sms') {
      return {
        kind: 'permanent',
        code: 'not-sms',
        reason: `the twilio channel sends SMS, not ${message.channel}`,
      };
    }
    const form = twilioMessageForm(message, settings);
    if (!form) {
      // A setting is missing, not something wrong with the message: it waits until the studio has a
      // number or a sender is configured, like a credentials error.
      return {
        kind: 'temporary',
        code: 'no-sender',
        reason:
          'no SMS sender: the studio has no SMS number, and neither TWILIO_MESSAGING_SERVICE_SID nor TWILIO_FROM_NUMBER is set',
      };
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), settings.timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: abort.signal,
      });
      // The timer stays armed while the body arrives: a server can stall after the headers too.
      const body = await response.text();
      return twilioResponseOutcome(
        { status: response.status, retryAfter: response.headers.get('retry-after'), body },
        clock.now(),
      );
    } catch (error) {
      return networkErrorOutcome('Twilio', error, settings.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  return closableChannel('twilio', post);
}
