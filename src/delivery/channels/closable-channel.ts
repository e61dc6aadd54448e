import type { DeliveryChannel, OutboundMessage, SendOutcome } from '../channel.js';

/**
 * A channel that can be shut down cleanly: once `close()` is called new sends are answered
 * "temporary" (the delivery waits for the next process), sends already in flight finish and have
 * their outcome recorded, and only then are the channel's connections released.
 */
export function closableChannel(
  name: string,
  send: (message: OutboundMessage) => Promise<SendOutcome>,
  release: () => void = () => {},
): DeliveryChannel {
  const inFlight = new Set<Promise<SendOutcome>>();
  let closed = false;
  return {
    name,
    async send(message) {
      if (closed)
        return { kind: 'temporary', code: 'closed', reason: `the ${name} channel is shutting down` };
      const sending = send(message);
      inFlight.add(sending);
      try {
        return await sending;
      } finally {
        inFlight.delete(sending);
      }
    },
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
      release();
    },
  };
}
