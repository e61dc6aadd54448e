/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const WIDTH = 30;

/**
 * A progress bar for long commands, on stderr so that stdout stays a clean report. On a terminal
 * it redraws one line in place whenever the percentage moves; in a log (not a TTY) carriage returns
 * would make a mess, so it writes a line at every tenth instead.
 */
export class ProgressBar {
  #label = '';
  #shown = -1;

  constructor(private readonly stream: ProgressStream) {}

  update(label: string, done: number, total: number): void {
    if (label !== this.#label) {
      this.#label = label;
      this.#shown = -1;
    }
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (this.stream.isTTY) {
      if (percent === this.#shown && done !== total) return;
      this.#shown = percent;
      const filled = Math.round((percent / 100) * WIDTH);
      const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
      this.stream.write(`\r${label} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}`);
      if (done === total) this.stream.write('\n');
      return;
    }
    const tenth = Math.floor(percent / 10) * 10;
    if (tenth === 0 || tenth <= this.#shown) return;
    this.#shown = tenth;
    this.stream.write(`${label}: ${tenth}% (${done}/${total})\n`);
  }
}
