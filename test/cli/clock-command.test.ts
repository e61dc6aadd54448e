import { beforeAll, expect, it } from 'vitest';
import { registerClockCommand } from '../../src/cli/clock-command.js';
import { ManualClock } from '../../src/domain/clock.js';
import { runCli } from '../support/cli-harness.js';
import { forEachDialect } from '../support/dialects.js';
import { makeStudio, type StudioFixture } from '../support/studio-fixture.js';

forEachDialect('triggerfish clock', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let sandbox: StudioFixture;
  let real: StudioFixture;
  const run = (...args: string[]) => runCli(registerClockCommand, store(), clock, ['clock', ...args]);

  beforeAll(async () => {
    sandbox = await makeStudio(store(), clock, { is_sandbox: true });
    real = await makeStudio(store(), clock);
  });

  it('advances a sandbox studio in steps, running the Control Center at each, and shows its new now', async () => {
    const id = String(sandbox.studio.id);
    const advanced = await run('advance', '--studio', id, '--to', '2026-03-07T15:00:00Z', '--step', '60');
    expect(advanced.exitCode).toBe(0);
    expect(advanced.stdout).toEqual([
      `Studio ${id}: 2026-03-06T15:00:00.000Z → 2026-03-07T15:00:00.000Z, 24 run(s), 0 item(s) queued.`,
    ]);
    expect((await run('show', '--studio', id)).stdout).toEqual(['2026-03-07T15:00:00.000Z']);
  });

  it('refuses to move a clock backwards or to give a real studio a test clock, and exits non-zero', async () => {
    const back = await run('advance', '--studio', String(sandbox.studio.id), '--to', '2026-01-01T00:00:00Z');
    expect(back.exitCode).not.toBe(0);
    expect(back.stderr.join('\n')).toMatch(/never moves backwards/);
    const realStudio = await run(
      'advance',
      '--studio',
      String(real.studio.id),
      '--to',
      '2027-01-01T00:00:00Z',
    );
    expect(realStudio.exitCode).not.toBe(0);
    expect(realStudio.stderr.join('\n')).toMatch(/Only sandbox studios/);
  });
});
