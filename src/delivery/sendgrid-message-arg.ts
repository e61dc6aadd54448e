/** The custom argument that names the email (src/inbound/parse-sendgrid-events.ts reads it back). */
export const SENDGRID_MESSAGE_ARG = 'triggerfish_message_id';

/**
 * SendGrid's SMTP relay reads an `X-SMTPAPI` header and strips it before delivery; its
 * `unique_args` come back in every Event Webhook event of the email, including opens, clicks and
 * unsubscribes, which carry no `smtp-id`. So every email names its Message-ID there, and the
 * email-events webhook finds it by that. Other SMTP servers pass the header on unread; it holds
 * nothing the Message-ID header does not already show.
 */
export function sendgridMessageArg(bareMessageId: string): Record<string, string> {
  return { 'X-SMTPAPI': JSON.stringify({ unique_args: { [SENDGRID_MESSAGE_ARG]: bareMessageId } }) };
}
