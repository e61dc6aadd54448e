import { senderDomainOf } from '../domain/email-address.js';
import type { OutboundAttachment, OutboundMessage } from './channel.js';
import type { LooseRow } from '../store/record-table.js';
import { emailCategoryHeaders } from './email-category-headers.js';
import { sendgridMessageArg } from './sendgrid-message-arg.js';

/**
 * The message of a claimed delivery, from its communication's final rendered content and the
 * attachments processing stored with it. The Message-ID is derived from the delivery, so every
 * attempt of one delivery carries the same one and a receiving server (or a person) can tell a
 * retry from a second message.
 */
export function outboundMessage(
  delivery: LooseRow,
  communication: LooseRow,
  studio: { readonly sender_name: string | null; readonly name: string; readonly smtp_url?: string | null },
  attachments: readonly OutboundAttachment[] = [],
): OutboundMessage {
  const channel = communication.channel === 'sms' ? 'sms' : 'email';
  const isMarketing = communication.is_marketing === 1;
  const from = (communication.from_address as string | null) ?? null;
  const domain = senderDomainOf(from);
  const bareMessageId = `delivery-${Number(delivery.id)}.studio-${Number(delivery.studio_id)}@${domain}`;
  return {
    deliveryId: Number(delivery.id),
    communicationId: Number(communication.id),
    studioId: Number(delivery.studio_id),
    channel,
    to: String(communication.to_address),
    from,
    fromName: studio.sender_name ?? studio.name,
    subject: (communication.subject as string | null) ?? null,
    html: (communication.body_html as string | null) ?? null,
    text: (communication.body_text as string | null) ?? null,
    isMarketing,
    messageId: channel === 'email' ? `<${bareMessageId}>` : null,
    headers:
      channel === 'email'
        ? {
            ...emailCategoryHeaders(isMarketing, (communication.unsubscribe_url as string | null) ?? null),
            ...sendgridMessageArg(bareMessageId),
          }
        : {},
    attachments,
    smtpUrl: channel === 'email' ? (studio.smtp_url ?? null) : null,
  };
}
