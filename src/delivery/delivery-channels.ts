import type { Config } from '../config.js';
import type { Clock } from '../domain/clock.js';
import type { DeliveryChannel } from './channel.js';
import { captureChannel } from './channels/capture-channel.js';
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
  close(): Promise<void>;
}

/**
 * The channels this process sends with, from its configuration: an SMS provider when its account
 * is configured, and capture for everything else, so a new installation keeps every message for
 * inspection instead of losing it or sending it somewhere unintended (docs/delivery.md).
 */
export function deliveryChannels(config: Config, clock: Clock): DeliverySetup {
  const channels = new Map<string, DeliveryChannel>([[captureChannel.name, captureChannel]]);
  const twilio = twilioSettingsOf(config);
  if (twilio) channels.set('twilio', twilioSmsChannel(twilio, clock));
  return {
    channels,
    providers: { email: 'capture', sms: twilio ? 'twilio' : 'capture' },
    beforeSend: senderLimits({
      smsSegmentsPerSecond: config.smsSegmentsPerSecond,
      emailsPerSecond: config.emailsPerSecond,
    }),
    close: async () => {
      await Promise.all([...channels.values()].map((channel) => channel.close()));
    },
  };
}
