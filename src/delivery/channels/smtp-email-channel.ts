import { systemClock, type Clock } from '../../domain/clock.js';
import { parseSmtpUrl } from '../../domain/smtp-url.js';
import type { DeliveryChannel, OutboundMessage, SendOutcome } from '../channel.js';
import { closableChannel } from './closable-channel.js';
import { smtpErrorOutcome } from './smtp-error-outcome.js';
import { smtpMailOptions, smtpQueueId } from './smtp-mail-options.js';
import type { SmtpSettings } from './smtp-settings.js';
import { smtpTransports } from './smtp-transports.js';

/**
 * Email over SMTP to any server, with nodemailer's pooled transport: the studio's own server when
 * it has one (`smtp_url`), else SMTP_URL; one pool per server, shared by every studio that sends
 * through it. The server's reply decides the outcome (smtp-error-outcome.ts); docs/delivery.md
 * explains configuration, classification and how to read a failure.
 */
export function smtpEmailChannel(settings: SmtpSettings, clock: Clock = systemClock): DeliveryChannel {
  const transports = smtpTransports(settings);

  async function deliver(message: OutboundMessage): Promise<SendOutcome> {
    if (message.channel !== 'email') {
      return {
        kind: 'permanent',
        code: 'not-email',
        reason: `the smtp channel sends email, not ${message.channel}`,
      };
    }
    const url = message.smtpUrl ?? settings.url;
    // Missing or broken settings wait (temporary) rather than fail: nothing is wrong with the email.
    if (!url) {
      return {
        kind: 'temporary',
        code: 'no-smtp-server',
        reason: 'no SMTP server: the studio has no smtp_url and SMTP_URL is not set',
      };
    }
    const server = parseSmtpUrl(url);
    if (!server.ok) {
      const which = message.smtpUrl ? "the studio's smtp_url" : 'SMTP_URL';
      return { kind: 'temporary', code: 'smtp-settings', reason: `${which} ${server.problem}` };
    }
    const from = message.from ?? settings.from;
    if (!from) {
      return {
        kind: 'temporary',
        code: 'no-sender',
        reason: 'no sender address: the studio has no sender_email and SMTP_FROM is not set',
      };
    }
    try {
      const info = await transports.get(url, server.server).sendMail({
        ...smtpMailOptions(message, from),
        date: clock.now(),
      });
      return { kind: 'sent', providerId: smtpQueueId(info.response, info.messageId) };
    } catch (error) {
      return smtpErrorOutcome(error, settings.timeoutMs);
    }
  }

  return closableChannel('smtp', deliver, () => transports.close());
}
