import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { twilioSettingsOf } from '../../src/delivery/channels/twilio-settings.js';

const SID = `AC${'a1'.repeat(16)}`;
const TOKEN = 'secret-token-value';

describe('Twilio settings', () => {
  it('has no channel without an account, and Twilio as the default base URL', () => {
    const config = loadConfig({});
    expect(config.twilioBaseUrl).toBe('https://api.twilio.com');
    expect(config.smsTimeoutSeconds).toBe(15);
    expect(twilioSettingsOf(config)).toBeNull();
  });

  it('reads every setting, and derives the status callback from PUBLIC_URL', () => {
    const config = loadConfig({
      TWILIO_BASE_URL: 'http://127.0.0.1:4010/',
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_MESSAGING_SERVICE_SID: `MG${'0'.repeat(32)}`,
      TWILIO_FROM_NUMBER: 'Studio',
      SMS_TIMEOUT_SECONDS: '5',
      PUBLIC_URL: 'https://studio.example.com/',
    });
    expect(twilioSettingsOf(config)).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      accountSid: SID,
      authToken: TOKEN,
      messagingServiceSid: `MG${'0'.repeat(32)}`,
      fromNumber: 'Studio',
      statusCallbackUrl: 'https://studio.example.com/api/v1/webhooks/twilio/status',
      timeoutMs: 5000,
    });
  });

  it('prefers TWILIO_STATUS_CALLBACK_URL, and has none without it or PUBLIC_URL', () => {
    const base = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN };
    const explicit = {
      ...base,
      TWILIO_STATUS_CALLBACK_URL: 'https://hooks.example.com/sms',
      PUBLIC_URL: 'https://x',
    };
    expect(twilioSettingsOf(loadConfig(explicit))?.statusCallbackUrl).toBe('https://hooks.example.com/sms');
    expect(twilioSettingsOf(loadConfig(base))?.statusCallbackUrl).toBeNull();
  });

  it('names each bad setting without echoing secrets', () => {
    let message = '';
    try {
      loadConfig({
        TWILIO_BASE_URL: 'api.twilio.com',
        TWILIO_ACCOUNT_SID: 'AC123',
        TWILIO_AUTH_TOKEN: 'has a space secret',
        TWILIO_FROM_NUMBER: '0123',
        SMS_TIMEOUT_SECONDS: '0',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('TWILIO_BASE_URL must be an http:// or https:// address');
    expect(message).toContain('TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits');
    expect(message).toContain('TWILIO_AUTH_TOKEN must be a token without spaces');
    expect(message).toContain('TWILIO_FROM_NUMBER must be an E.164 number');
    expect(message).toContain('SMS_TIMEOUT_SECONDS must be a whole number from 1 to 120');
    expect(message).not.toContain('secret');
  });

  it('wants the account SID and the auth token together', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: SID })).toThrow(
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together',
    );
  });
});
