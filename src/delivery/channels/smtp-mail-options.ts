import type { SendMailOptions } from 'nodemailer';
import type { OutboundMessage } from '../channel.js';

/**
 * The email as nodemailer composes it: From is the studio's sender name and address (the
 * message's, else SMTP_FROM), HTML and plain text as alternatives, the delivery's stable
 * Message-ID (a retry carries the same one), the message's headers (List-Unsubscribe or the
 * transactional mark) and its attachments as they were stored.
 */
export function smtpMailOptions(message: OutboundMessage, fromAddress: string): SendMailOptions {
  return {
    from: { name: message.fromName ?? '', address: fromAddress },
    to: message.to,
    subject: message.subject ?? '',
    ...(message.html !== null ? { html: message.html } : {}),
    ...(message.text !== null ? { text: message.text } : {}),
    ...(message.messageId !== null ? { messageId: message.messageId } : {}),
    headers: { ...message.headers },
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
  };
}

/**
 * The server's id for the accepted message, from its reply to DATA: Postfix and most servers say
 * `250 2.0.0 Ok: queued as 4Bq1Zx0yz1`, others `… id=1rXyZ-000abc-AB`. Without one, the Message-ID
 * is the message's id.
 */
export function smtpQueueId(response: string | undefined, messageId: string | undefined): string | null {
  const match =
    /\bqueued as\s+<?([^\s<>;,]+)/i.exec(response ?? '') ?? /\bid=<?([^\s<>;,]+)/i.exec(response ?? '');
  return match?.[1] ?? messageId ?? null;
}
