import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const DOC = fileURLToPath(new URL('../../../docs/performance.md', import.meta.url));

/**
 * Replaces one benchmark's section of docs/performance.md, between its start and end markers, so
 * each benchmark rewrites its own figures and leaves the others' alone. A section not yet in the
 * file is appended.
 */
export async function writePerformanceSection(name: string, markdown: string): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const doc = await readFile(DOC, 'utf8');
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  const next =
    from >= 0 && to > from
      ? doc.slice(0, from) + block + doc.slice(to + end.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  await writeFile(DOC, next);
}

/** The machine and moment a figure was taken on, written beside it: figures mean nothing without. */
export function machineLine(now: Date): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${now.toISOString().slice(0, 10)}, ${cpus().length} × ${cpu}, ${gib} GiB, Node ${process.version}, load average before the run ${load}`;
}
