import type { Config } from '../config.js';
import type { Clock } from '../domain/clock.js';
import type { DeliveryChannel } from './channel.js';
import { captureChannel } from './channels/capture-channel.js';
import { smtpEmailChannel } from './channels/smtp-email-channel.js';
import { smtpSettingsOf } from './channels/smtp-settings.js';
import { twilioSettingsOf } from './channels/twilio-settings.js';
import { twilioSmsChannel } from './channels/twilio-sms-channel.js';
import { senderLimits } from './sender-limits.js';

/** Which provider new deliveries of each channel go to; sandbox studios always use capture. */
export interface DeliveryProviders {
  readonly email: string;
  readonly sms: string;
}

export interface DeliverySetup {
  readonly channels: ReadonlyMap<string, DeliveryChannel>;
  readonly providers: DeliveryProviders;
  readonly beforeSend: ReturnType<typeof senderLimits>;
  /** Signs the unsubscribe links of marketing emails (UNSUBSCRIBE_SECRET); null: the generated one. */
  readonly unsubscribeSecret: string | null;
  close(): Promise<void>;
}

/**
 * The channels this process sends with, from its configuration: an SMS provider when its account
 * is configured, SMTP for email when SMTP_URL is set, and capture for everything else, so a new
 * installation keeps every message for inspection instead of losing it or sending it somewhere
 * unintended (docs/delivery.md). The smtp channel is always there, since any studio may set its own
 * server (`studioProviders` sends its email there); it connects to nothing until a message needs it.
 */
export function deliveryChannels(config: Config, clock: Clock): DeliverySetup {
  const channels = new Map<string, DeliveryChannel>([[captureChannel.name, captureChannel]]);
  const twilio = twilioSettingsOf(config);
  if (twilio) channels.set('twilio', twilioSmsChannel(twilio, clock));
  const smtp = smtpSettingsOf(config);
  channels.set('smtp', smtpEmailChannel(smtp, clock));
  return {
    channels,
    providers: { email: smtp.url ? 'smtp' : 'capture', sms: twilio ? 'twilio' : 'capture' },
    beforeSend: senderLimits({
      smsSegmentsPerSecond: config.smsSegmentsPerSecond,
      emailsPerSecond: config.emailsPerSecond,
    }),
    unsubscribeSecret: config.unsubscribeSecret,
    close: async () => {
      await Promise.all([...channels.values()].map((channel) => channel.close()));
    },
  };
}
