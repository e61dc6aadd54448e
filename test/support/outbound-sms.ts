import type { OutboundMessage } from '../../src/delivery/channel.js';

/** An SMS as the outbox dispatcher hands it to a channel. */
export function outboundSms(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    deliveryId: 1,
    communicationId: 1,
    studioId: 1,
    channel: 'sms',
    to: '+15005550006',
    from: '+15005550001',
    fromName: null,
    subject: null,
    html: null,
    text: 'Your session is tomorrow at 10:00. Reply YES to confirm.',
    isMarketing: false,
    messageId: null,
    headers: {},
    attachments: [],
    ...overrides,
  };
}
