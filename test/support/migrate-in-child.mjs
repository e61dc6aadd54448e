// Migrates the database named on the command line from a process of its own, for the test of
// concurrent migrations. It imports the compiled code (dist/), so the test builds first. It says
// "ready" once connected and waits for "go" on stdin, so that all children start migrating together.
import { createInterface } from 'node:readline';
import { openStore } from '../../dist/store/database.js';
import { migrateToLatest } from '../../dist/store/migrate.js';

const [url, schema] = process.argv.slice(2);
const store = await openStore(url, schema ? { schema } : {});
try {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const applied = await migrateToLatest(store);
  process.stdout.write(`${JSON.stringify(applied)}\n`);
} finally {
  await store.close();
}
