import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A receiving server (SMTP sink, Twilio stand-in) in a child process of its own, so that its CPU is
 * not spent in the event loop of the dispatcher being measured. The child writes one JSON line when
 * it listens (its port and whatever a client needs, e.g. credentials) and answers each `count` line
 * on its stdin with `{"count": N}`: the messages it has accepted so far.
 */
export interface ChildServer<Info> {
  readonly info: Info;
  count(): Promise<number>;
  stop(): Promise<void>;
}

export async function startChildServer<Info>(entry: URL): Promise<ChildServer<Info>> {
  const child = spawn(process.execPath, [entry.pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`${entry.pathname} exited before answering`)));
    });
  const info = JSON.parse(await nextLine()) as Info;
  return {
    info,
    async count() {
      const answer = nextLine();
      child.stdin.write('count\n');
      return (JSON.parse(await answer) as { count: number }).count;
    },
    async stop() {
      child.kill();
      await exited;
    },
  };
}

/** The child's side: announces `info` and answers `count` requests from the parent. */
export function serveParent(info: object, count: () => number): void {
  process.stdout.write(`${JSON.stringify(info)}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'count') process.stdout.write(`${JSON.stringify({ count: count() })}\n`);
  });
  // The parent going away closes stdin: do not outlive it.
  process.stdin.on('end', () => process.exit(0));
}
