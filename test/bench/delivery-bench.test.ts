import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertAllSent, deliveryStates, drainOutbox } from '../../bench/delivery/drain-outbox.js';
import { fillOutbox, insertBenchStudio } from '../../bench/delivery/outbox-fill.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { deliveryChannels, type DeliverySetup } from '../../src/delivery/delivery-channels.js';
import { loose } from '../../src/store/record-table.js';
import { getStudio } from '../../src/store/studios.js';
import { forEachDialect } from '../support/dialects.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';

/**
 * The delivery benchmark's fill and drain at a tiny size, against the tests' servers: the rows it
 * writes are deliveries the dispatcher sends as they are, each exactly once, so its figures count
 * real sends.
 */
const COUNT = 50;

forEachDialect("the delivery benchmark's outbox", (store) => {
  const clock = new ManualClock('2026-11-23T15:00:00.000Z');
  let smtp: SmtpTestServer;
  let twilio: FakeTwilio;
  let delivery: DeliverySetup;
  let studioId: number;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    twilio = await startFakeTwilio();
    delivery = deliveryChannels(
      loadConfig({
        SMTP_URL: smtp.url(),
        TWILIO_BASE_URL: twilio.baseUrl,
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        SMS_SEGMENTS_PER_SECOND: '0',
        EMAILS_PER_SECOND: '0',
      }),
      clock,
    );
    studioId = await insertBenchStudio(store().db, clock.now());
  });
  afterAll(async () => {
    await delivery.close();
    await smtp.close();
    await twilio.close();
  });

  it('queues one due delivery per communication, to an address of its own', async () => {
    await fillOutbox(store().db, studioId, 'email', COUNT, clock.now());
    await fillOutbox(store().db, studioId, 'sms', COUNT, clock.now());
    expect((await deliveryStates(store().db, studioId)).states).toEqual({ queued: 2 * COUNT });
    const rows = await loose(store().db)
      .selectFrom('communications')
      .select(['channel', 'to_address'])
      .where('studio_id', '=', studioId)
      .execute();
    expect(new Set(rows.map((r) => r.to_address)).size).toBe(2 * COUNT);
    expect(rows.filter((r) => r.channel === 'sms')).toHaveLength(COUNT);
  });

  it('drains the outbox: every delivery sent, each message received exactly once', async () => {
    const studio = await getStudio(store().db, studioId);
    const counts = await drainOutbox(store().db, studio, clock, delivery);
    expect(counts).toMatchObject({ sent: 2 * COUNT, retrying: 0, delivery_failed: 0 });
    await assertAllSent(store().db, studioId, 2 * COUNT);
    const mail = await smtp.waitFor(COUNT);
    const emailed = mail.flatMap((m) => m.envelopeTo);
    expect(emailed).toHaveLength(COUNT);
    expect(new Set(emailed).size).toBe(COUNT);
    expect(mail[0]?.parsed.html).toContain('See you soon');
    expect(twilio.messages).toHaveLength(COUNT);
    expect(new Set(twilio.messages.map((m) => m.to)).size).toBe(COUNT);
    expect(twilio.messages.every((m) => m.from === '+12025550100')).toBe(true);
  });

  it('says so, naming the states, when a delivery did not end sent', async () => {
    await fillOutbox(store().db, studioId, 'sms', 1, clock.now());
    await expect(assertAllSent(store().db, studioId, 2 * COUNT + 1)).rejects.toThrow(/"queued":1/);
  });
});
