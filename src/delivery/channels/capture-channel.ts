import type { DeliveryChannel } from '../channel.js';

/**
 * The capture channel: keeps a message instead of sending it. The communication already holds the
 * final rendered content and its attachments, so "keeping" is marking the delivery delivered. It is the channel of
 * sandbox studios, and of any studio while no real provider is configured for the channel.
 */
export const captureChannel: DeliveryChannel = {
  name: 'capture',
  send: async () => ({ kind: 'sent', providerId: null, delivered: true }),
  close: async () => {},
};
