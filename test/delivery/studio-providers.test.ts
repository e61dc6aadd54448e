import { describe, expect, it } from 'vitest';
import { studioProviders } from '../../src/delivery/studio-providers.js';

describe('where a studio’s new deliveries go', () => {
  const installation = { email: 'capture', sms: 'twilio' };
  const smtpInstallation = { email: 'smtp', sms: 'capture' };

  it('sends a sandbox studio’s messages to capture, whatever is configured', () => {
    expect(studioProviders({ is_sandbox: 1, smtp_url: 'smtp://own.example' }, smtpInstallation)).toEqual({
      email: 'capture',
      sms: 'capture',
    });
  });

  it('uses the installation’s providers for a studio without its own server', () => {
    expect(studioProviders({ is_sandbox: 0, smtp_url: null }, installation)).toEqual(installation);
    expect(studioProviders({ is_sandbox: 0, smtp_url: null }, smtpInstallation)).toEqual(smtpInstallation);
  });

  it('sends a studio’s email over SMTP once it has its own server, even without SMTP_URL', () => {
    expect(studioProviders({ is_sandbox: 0, smtp_url: 'smtp://own.example' }, installation)).toEqual({
      email: 'smtp',
      sms: 'twilio',
    });
  });
});
