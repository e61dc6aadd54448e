// Runs the outbox dispatcher of one studio from a process of its own, at a given instant, until it
// finds nothing left to send, for the tests of several dispatchers and of a killed one. Like
// control-center-in-child.mjs it imports the compiled code, says "ready" once connected and waits
// for "go", so that the processes' dispatching overlaps; its last line is its counts, as JSON.
import { createInterface } from 'node:readline';
import { twilioSmsChannel } from '../../dist/delivery/channels/twilio-sms-channel.js';
import { dispatchOutbox } from '../../dist/delivery/dispatch-outbox.js';
import { openStore } from '../../dist/store/database.js';
import { getStudio } from '../../dist/store/studios.js';

const [url, schema, studioId, at, twilioBaseUrl, accountSid, authToken, batchSize] = process.argv.slice(2);
const now = new Date(at);
const store = await openStore(url, schema ? { schema } : {});
const twilio = twilioSmsChannel(
  {
    baseUrl: twilioBaseUrl,
    accountSid,
    authToken,
    messagingServiceSid: null,
    fromNumber: null,
    statusCallbackUrl: null,
    timeoutMs: 15_000,
  },
  { now: () => now },
);
try {
  const studio = await getStudio(store.db, Number(studioId));
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const total = { sent: 0, delivered: 0, retrying: 0, delivery_failed: 0, returned: 0 };
  for (;;) {
    const counts = await dispatchOutbox(store.db, studio, now, {
      channels: new Map([['twilio', twilio]]),
      batchSize: Number(batchSize),
      maxBatches: 1,
    });
    for (const key of Object.keys(total)) total[key] += counts[key];
    // Nothing claimed and nothing returned: the outbox holds nothing more for this dispatcher.
    if (Object.values(counts).every((n) => n === 0)) break;
  }
  process.stdout.write(`${JSON.stringify(total)}\n`);
} finally {
  await twilio.close();
  await store.close();
}
