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
  rate includes the database: claiming, loading the communications, and each outcome with its
  transition row (outcomes answered together share a transaction, \`src/delivery/record-outcomes.ts\`).
- Ceilings: the same messages through the bare libraries with the same 100 in flight: nodemailer's
  pooled transport made as our channel makes it, and plain \`fetch\` POSTs with the same form.
- 200 emails and 200 SMS go through the dispatcher first, not counted, to open connections and
  warm the code. Memory is sampled every 50 ms from the end of the fill to the end of the drain.

What the profile showed when this benchmark was written (\`node --cpu-prof\`, SQLite, 5,000 SMS):
one transaction per outcome spent most of the dispatcher's SQL time in COMMIT (5,057 commits,
1.4 s); writing the outcomes answered in one turn of the event loop together (group commit, see
docs/decisions.md) made that 191 commits, 0.26 s, and took the drain from 367 to about 470-510
SMS/s on the same loaded machine. What remains is mostly the clients themselves: undici's
\`fetch\` for SMS (the fetch ceiling pays it too), nodemailer's message building and socket
writes for email, where the pool of ${f.smtpPoolSize} connections also waits on the server's replies.
Before migration 0013 the claim on PostgreSQL sorted all of a studio's due deliveries to take 100
(about 14 ms with 20,000 queued, growing with the outbox), and the lease return on SQLite read the
studio's whole outbox; both now read an index in the order they need.`;
}
