import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deliveryChannels } from '../../src/delivery/delivery-channels.js';
import { systemClock } from '../../src/domain/clock.js';

describe('SMTP settings', () => {
  it('has defaults, and keeps email with capture until SMTP_URL is set', async () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      smtpUrl: null,
      smtpFrom: null,
      smtpPoolSize: 5,
      smtpTimeoutSeconds: 30,
      unsubscribeSecret: null,
    });
    const delivery = deliveryChannels(config, systemClock);
    // The smtp channel is there for studios with their own server; email goes to capture otherwise.
    expect(delivery.channels.has('smtp')).toBe(true);
    expect(delivery.providers.email).toBe('capture');
    await delivery.close();
  });

  it('sends email over SMTP once SMTP_URL is set, and reads every setting', async () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer%40lumen.test:p%40ss@mail.lumen.test:465',
      SMTP_FROM: 'Studios@Triggerfish.TEST',
      SMTP_POOL_SIZE: '2',
      SMTP_TIMEOUT_SECONDS: '10',
      UNSUBSCRIBE_SECRET: 'x'.repeat(32),
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtps://mailer%40lumen.test:p%40ss@mail.lumen.test:465',
      smtpFrom: 'Studios@triggerfish.test',
      smtpPoolSize: 2,
      smtpTimeoutSeconds: 10,
      unsubscribeSecret: 'x'.repeat(32),
    });
    const delivery = deliveryChannels(config, systemClock);
    expect(delivery.providers.email).toBe('smtp');
    expect(delivery.unsubscribeSecret).toBe('x'.repeat(32));
    await delivery.close();
  });

  it('names each bad setting without echoing the URL or the secret', () => {
    let message = '';
    try {
      loadConfig({
        SMTP_URL: 'https://user:hunter2-secret@mail.example.com',
        SMTP_FROM: 'not an address',
        SMTP_POOL_SIZE: '0',
        SMTP_TIMEOUT_SECONDS: 'soon',
        UNSUBSCRIBE_SECRET: 'short-secret',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SMTP_URL must start with smtp:// or smtps://');
    expect(message).toContain('SMTP_FROM must be an email address like studio@example.com');
    expect(message).toContain('SMTP_POOL_SIZE must be a whole number from 1 to 100, not "0"');
    expect(message).toContain('SMTP_TIMEOUT_SECONDS must be a whole number from 1 to 600, not "soon"');
    expect(message).toContain('UNSUBSCRIBE_SECRET must be at least 32 characters without spaces');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('short-secret');
  });
});
