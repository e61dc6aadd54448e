import { mib } from '../support/peak-rss.js';
import type { DeliveryBenchOptions, DeliveryFigures } from './delivery-bench.js';

const TARGETS = { emails: 500, sms: 1000 };

/** The delivery section of docs/performance.md: figures, targets, and how they were taken. */
export function deliveryReport(
  f: DeliveryFigures,
  o: DeliveryBenchOptions,
  dialect: string,
  machine: string,
): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
  const share = (ours: number, ceiling: number) => `${Math.round((100 * ours) / ceiling)} %`;
  const meets = (ours: number, target: number) => (ours >= target ? 'met' : '**missed**');
  const count = (n: number) => n.toLocaleString('en-US');
  return `## Delivery

Emails and SMS per second through the dispatcher, and its memory while a large outbox drains.
Run: \`npm run bench -- delivery --emails ${o.emails} --sms ${o.sms} --drain ${o.drain} --db ${dialect}\`.
Machine: ${machine}.

| | ours | ceiling | ours / ceiling | target |
| --- | --- | --- | --- | --- |
| email to a local SMTP server (pool of ${f.smtpPoolSize}) | ${rate(f.emailsPerSecond)} | ${rate(f.emailCeilingPerSecond)} (nodemailer pool) | ${share(f.emailsPerSecond, f.emailCeilingPerSecond)} | ${TARGETS.emails}/s, ${meets(f.emailsPerSecond, TARGETS.emails)} |
| SMS to a local Twilio-compatible server | ${rate(f.smsPerSecond)} | ${rate(f.smsCeilingPerSecond)} (fetch) | ${share(f.smsPerSecond, f.smsCeilingPerSecond)} | ${TARGETS.sms}/s, ${meets(f.smsPerSecond, TARGETS.sms)} |

Draining ${count(o.drain)} queued SMS took ${f.drainSeconds.toFixed(1)} s
(${rate(o.drain / f.drainSeconds)}); the dispatcher's resident memory, peak ${mib(f.drainPeakRss)}:

| sent | ${f.drainRss.map((r) => count(r.sent)).join(' | ')} |
| --- | ${f.drainRss.map(() => '---').join(' | ')} |
| RSS | ${f.drainRss.map((r) => mib(r.rss)).join(' | ')} |

How it is measured (\`bench/delivery/\`):

- The receiving servers run in child processes, so their work is not in the dispatcher's event
  loop: a minimal SMTP server (smtp-server; accepts any AUTH, reads and discards the message,
  counts it) and the tests' Twilio stand-in (\`test/support/fake-twilio.ts\`). Each counts what it
  accepted; the run fails unless the counts and the outbox agree exactly (${count(f.sinkCounts.emails)}
  emails and ${count(f.sinkCounts.sms)} SMS before the drain, warm-up and ceilings included).
- The outbox of a fresh ${dialect === 'sqlite' ? 'SQLite file' : 'PostgreSQL schema'} is filled by
  INSERT … SELECT over a recursive row counter: one real studio, a rendered communication per row
  (an HTML email of about 1.5 KiB with a text part, or a one-segment SMS), each to its own address,
  and its delivery queued and due.
- Ours: \`dispatchOutbox\`, as the Control Center calls it (batches of 100 sent at once, 20
  batches a call), with the channels of \`deliveryChannels(config)\` and rate limits off, called
  until the outbox is empty; rate = messages / elapsed time, every delivery checked \`sent\`. The
  outcome of each message is written in a transaction of its own with its transition row, so the
  rate includes the database.
- Ceilings: the same messages through the bare libraries with the same 100 in flight: nodemailer's
  pooled transport made as our channel makes it, and plain \`fetch\` POSTs with the same form.
- 200 emails and 200 SMS go through the dispatcher first, not counted, to open connections and
  warm the code. Memory is sampled every 50 ms from the end of the fill to the end of the drain.`;
}
