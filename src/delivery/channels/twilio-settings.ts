import type { Config } from '../../config.js';

/** Where Twilio's status callbacks for sent messages arrive on this server. */
export const TWILIO_STATUS_CALLBACK_PATH = '/api/v1/webhooks/twilio/status';

export interface TwilioSettings {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly messagingServiceSid: string | null;
  readonly fromNumber: string | null;
  readonly statusCallbackUrl: string | null;
  readonly timeoutMs: number;
}

/**
 * The Twilio channel's settings, or null when no account is configured (SMS then stays with the
 * capture channel). The status callback is TWILIO_STATUS_CALLBACK_URL, else PUBLIC_URL plus the
 * webhook path; without either there is none, since Twilio cannot reach an address that only works
 * on this machine.
 */
export function twilioSettingsOf(config: Config): TwilioSettings | null {
  if (!config.twilioAccountSid || !config.twilioAuthToken) return null;
  const derived = config.publicUrl
    ? `${config.publicUrl.replace(/\/+$/, '')}${TWILIO_STATUS_CALLBACK_PATH}`
    : null;
  return {
    baseUrl: config.twilioBaseUrl,
    accountSid: config.twilioAccountSid,
    authToken: config.twilioAuthToken,
    messagingServiceSid: config.twilioMessagingServiceSid,
    fromNumber: config.twilioFromNumber,
    statusCallbackUrl: config.twilioStatusCallbackUrl ?? derived,
    timeoutMs: config.smsTimeoutSeconds * 1000,
  };
}
