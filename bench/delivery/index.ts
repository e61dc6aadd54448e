import type { DialectName } from '../../src/store/database.js';
import { benchStore } from '../support/bench-store.js';
import { startChildServer } from '../support/child-server.js';
import { machineLine, writePerformanceSection } from '../support/performance-doc.js';
import { runDeliveryBench, type DeliveryBenchOptions, type TwilioInfo } from './delivery-bench.js';
import { deliveryReport } from './delivery-report.js';

const SCHEMA = 'bench_delivery';
const USAGE =
  'usage: npm run bench -- delivery [--emails 5000] [--sms 10000] [--drain 100000] [--db sqlite|postgres]';

/**
 * `npm run bench -- delivery`: emails and SMS per second through the dispatcher to a local SMTP
 * server and a local Twilio-compatible server (each in a child process), against the bare client
 * libraries' rates, and the dispatcher's memory while 100,000 deliveries drain.
 */
export default async function deliveryBench(args: readonly string[]): Promise<void> {
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
  };
  const options: DeliveryBenchOptions = {
    emails: Number(option('emails', '5000')),
    sms: Number(option('sms', '10000')),
    drain: Number(option('drain', '100000')),
  };
  const dialect = option('db', 'sqlite');
  if (
    !['sqlite', 'postgres'].includes(dialect) ||
    !Object.values(options).every((n) => Number.isInteger(n) && n > 0)
  ) {
    console.error(USAGE);
    process.exit(2);
  }
  const machine = machineLine(new Date());
  const smtp = await startChildServer<{ port: number }>(new URL('../support/smtp-sink.js', import.meta.url));
  const twilio = await startChildServer<TwilioInfo>(new URL('../support/twilio-sink.js', import.meta.url));
  const { store, cleanUp } = await benchStore(dialect as DialectName, SCHEMA);
  try {
    console.log(`delivery [${dialect}]: ${JSON.stringify(options)}…`);
    const figures = await runDeliveryBench(store, smtp, twilio, options);
    console.log(JSON.stringify(figures, null, 2));
    await writePerformanceSection('delivery', deliveryReport(figures, options, dialect, machine));
  } finally {
    await store.close();
    await cleanUp();
    await smtp.stop();
    await twilio.stop();
  }
}
