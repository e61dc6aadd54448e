import type { DeliveryChannel, OutboundMessage, SendOutcome } from '../../src/delivery/channel.js';

/**
 * A channel that answers as a test says and keeps every message it was handed, for the
 * dispatcher's own rules. The channels themselves are tested against a real SMTP server and an
 * HTTP server that speaks the SMS provider's API.
 */
export function scripted(
  outcomes: SendOutcome[],
  name = 'capture',
): DeliveryChannel & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  return {
    name,
    sent,
    send: async (message) => {
      sent.push(message);
      const next = outcomes.shift();
      if (!next) throw new Error('no outcome scripted');
      return next;
    },
    close: async () => {},
  };
}
