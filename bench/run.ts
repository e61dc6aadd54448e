/**
 * `npm run bench -- <name> [options]`: runs one benchmark and rewrites its section of
 * docs/performance.md. Benchmarks register themselves in BENCHES below.
 */
type Bench = (args: readonly string[]) => Promise<void>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  evaluation: async () => (await import('./evaluation/index.js')).default,
  attachments: async () => (await import('./attachments/index.js')).default,
  delivery: async () => (await import('./delivery/index.js')).default,
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
  process.exit(2);
}
const bench = await load();
await bench(args);
