// Runs the Control Center once, at a given instant, from a process of its own, for the test of
// several Control Centers on one database. Like migrate-in-child.mjs it imports the compiled code,
// says "ready" once connected and waits for "go", so that the processes' runs overlap.
import { createInterface } from 'node:readline';
import { runControlCenter } from '../../dist/control-center/run-control-center.js';
import { openStore } from '../../dist/store/database.js';

const [url, schema, at] = process.argv.slice(2);
const store = await openStore(url, schema ? { schema } : {});
try {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const runs = await runControlCenter(
    store.db,
    { now: () => new Date(at) },
    { publicUrl: 'http://triggerfish.test' },
  );
  process.stdout.write(`${JSON.stringify(runs)}\n`);
} finally {
  await store.close();
}
