import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress-bar.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progress bar', () => {
  it('redraws one line in place on a terminal, only when the percentage moves', () => {
    const { stream, written } = recorder(true);
    const bar = new ProgressBar(stream);
    for (let done = 1; done <= 400; done += 1) bar.update('importing', done, 400);
    // 0% … 100%
    expect(written.filter((text) => text.startsWith('\r'))).toHaveLength(101);
    expect(written.at(-2)).toBe(`\rimporting [${'#'.repeat(30)}] 100% 400/400`);
    expect(written.at(-1)).toBe('\n');
  });

  it('writes a line per tenth when stderr is not a terminal', () => {
    const { stream, written } = recorder(false);
    const bar = new ProgressBar(stream);
    for (let done = 1; done <= 95; done += 1) bar.update('checking', done, 95);
    expect(written).toHaveLength(10);
    expect(written[0]).toBe('checking: 10% (10/95)\n');
    expect(written.at(-1)).toBe('checking: 100% (95/95)\n');
  });
});
