import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/domain/clock.js';
import { deliveryChannels } from '../../src/delivery/delivery-channels.js';
import type { Store } from '../../src/store/database.js';
import { getStudio } from '../../src/store/studios.js';
import type { ChildServer } from '../support/child-server.js';
import { peakRssSampler } from '../support/peak-rss.js';
import { assertAllSent, drainOutbox } from './drain-outbox.js';
import { fillOutbox, insertBenchStudio } from './outbox-fill.js';
import { fetchCeiling, nodemailerCeiling } from './provider-ceilings.js';

export interface DeliveryBenchOptions {
  readonly emails: number;
  readonly sms: number;
  readonly drain: number;
}

export interface TwilioInfo {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
}

export interface DeliveryFigures {
  readonly emailsPerSecond: number;
  readonly emailCeilingPerSecond: number;
  readonly smsPerSecond: number;
  readonly smsCeilingPerSecond: number;
  readonly smtpPoolSize: number;
  readonly sinkCounts: { readonly emails: number; readonly sms: number };
  /** RSS when the drain starts and after every 10,000 sent, and the peak. */
  readonly drainRss: readonly { readonly sent: number; readonly rss: number }[];
  readonly drainPeakRss: number;
  readonly drainSeconds: number;
}

// dispatchOutbox's default batch: the deliveries it hands to channels at once.
const IN_FLIGHT = 100;
const WARM_UP = 200;
const RSS_STEP = 10_000;

/**
 * The delivery benchmark's measurements on a migrated, empty store, sending to receiving servers
 * that run in child processes: our rates (fill, then drain with the Control Center's dispatcher and
 * the real channels), the bare client libraries' rates as ceilings, and memory while a large outbox
 * drains. Every delivery must end `sent` and each server must have counted exactly what was sent.
 */
export async function runDeliveryBench(
  store: Store,
  smtp: ChildServer<{ port: number }>,
  twilio: ChildServer<TwilioInfo>,
  options: DeliveryBenchOptions,
): Promise<DeliveryFigures> {
  const smtpUrl = `smtp://bench:secret@127.0.0.1:${smtp.info.port}`;
  const config = loadConfig({
    SMTP_URL: smtpUrl,
    TWILIO_BASE_URL: twilio.info.baseUrl,
    TWILIO_ACCOUNT_SID: twilio.info.accountSid,
    TWILIO_AUTH_TOKEN: twilio.info.authToken,
    SMS_SEGMENTS_PER_SECOND: '0',
    EMAILS_PER_SECOND: '0',
  });
  const delivery = deliveryChannels(config, systemClock);
  const studio = await getStudio(store.db, await insertBenchStudio(store.db, systemClock.now()));
  let queued = 0;
  let onFilled: (() => void) | undefined;
  const sendAll = async (channel: 'email' | 'sms', count: number, afterCall?: (sent: number) => void) => {
    await fillOutbox(store.db, studio.id, channel, count, systemClock.now());
    queued += count;
    onFilled?.();
    const started = performance.now();
    await drainOutbox(store.db, studio, systemClock, delivery, (total) => afterCall?.(total.sent));
    const seconds = (performance.now() - started) / 1000;
    await assertAllSent(store.db, studio.id, queued);
    return seconds;
  };
  try {
    // Connections, JIT and the statement caches warm up outside the measured runs.
    await sendAll('email', WARM_UP);
    await sendAll('sms', WARM_UP);
    const emailsPerSecond = options.emails / (await sendAll('email', options.emails));
    console.log(`  emails through the dispatcher: ${emailsPerSecond.toFixed(0)}/s`);
    const smsPerSecond = options.sms / (await sendAll('sms', options.sms));
    console.log(`  SMS through the dispatcher: ${smsPerSecond.toFixed(0)}/s`);
    const emailCeiling = await nodemailerCeiling(smtpUrl, config.smtpPoolSize, options.emails, IN_FLIGHT);
    const smsCeiling = await fetchCeiling(twilio.info, options.sms, IN_FLIGHT);
    console.log(`  ceilings measured; draining ${options.drain} SMS…`);
    const sinkCounts = { emails: await smtp.count(), sms: await twilio.count() };
    const expected = { emails: WARM_UP + 2 * options.emails, sms: WARM_UP + 2 * options.sms };
    if (sinkCounts.emails !== expected.emails || sinkCounts.sms !== expected.sms) {
      throw new Error(
        `the servers counted ${JSON.stringify(sinkCounts)}, expected ${JSON.stringify(expected)}`,
      );
    }
    // Memory is sampled from the end of the fill (SQLite's page cache is the fill's) to the end.
    const drainRss: { sent: number; rss: number }[] = [];
    let sampler: ReturnType<typeof peakRssSampler> | undefined;
    let mark = RSS_STEP;
    onFilled = () => {
      sampler = peakRssSampler();
      drainRss.push({ sent: 0, rss: process.memoryUsage.rss() });
    };
    const drainSeconds = await sendAll('sms', options.drain, (sent) => {
      for (; sent >= mark; mark += RSS_STEP) drainRss.push({ sent: mark, rss: process.memoryUsage.rss() });
    });
    const drainPeakRss = sampler?.stop() ?? process.memoryUsage.rss();
    const drained = await twilio.count();
    if (drained !== expected.sms + options.drain) {
      throw new Error(`the Twilio stand-in counted ${drained}, expected ${expected.sms + options.drain}`);
    }
    return {
      emailsPerSecond,
      emailCeilingPerSecond: options.emails / (emailCeiling / 1000),
      smsPerSecond,
      smsCeilingPerSecond: options.sms / (smsCeiling / 1000),
      smtpPoolSize: config.smtpPoolSize,
      sinkCounts,
      drainRss,
      drainPeakRss,
      drainSeconds,
    };
  } finally {
    await delivery.close();
  }
}
