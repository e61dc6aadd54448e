import { expect, it } from 'vitest';
import { registerUserCommand } from '../../src/cli/user-command.js';
import { ManualClock } from '../../src/domain/clock.js';
import { verifyPassword } from '../../src/domain/password-hash.js';
import { createStudio } from '../../src/store/studios.js';
import { runCli } from '../support/cli-harness.js';
import { forEachDialect } from '../support/dialects.js';

forEachDialect('triggerfish user create', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  const run = (...args: string[]) => runCli(registerUserCommand, store(), clock, ['user', 'create', ...args]);
  const userBy = (email: string) =>
    store().db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  it('creates a user with the given password, stored as a scrypt hash, and prints no password', async () => {
    const result = await run('--email', 'Ann@Example.com', '--name', 'Ann', '--password', 'ann password 1');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toEqual([expect.stringMatching(/^Created user \d+ ann@example\.com \(Ann\)/)]);
    const user = await userBy('ann@example.com');
    expect(user?.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('ann password 1', user?.password_hash as string)).toBe(true);
  });

  it('generates a strong password when none is given and prints it once', async () => {
    const result = await run('--email', 'bo@example.com', '--name', 'Bo');
    expect(result.exitCode).toBe(0);
    const line = result.stdout.find((l) => l.startsWith('Password: ')) as string;
    const password = line.slice('Password: '.length);
    // 20 letters without look-alikes in groups of five: 100 random bits.
    expect(password).toMatch(/^[a-kmnp-z2-9]{5}(-[a-kmnp-z2-9]{5}){3}$/);
    expect(result.stderr.join('\n')).toContain('shown only now');
    expect(await verifyPassword(password, (await userBy('bo@example.com'))?.password_hash as string)).toBe(
      true,
    );
  });

  it('makes the user a member of a studio with a role', async () => {
    const studio = await createStudio(store().db, clock, {
      name: 'CLI Studio',
      time_zone: 'UTC',
      country: 'US',
    });
    const result = await run(
      '--email',
      'cy@example.com',
      '--name',
      'Cy',
      '--password',
      'cy password 12',
      '--studio',
      String(studio.id),
      '--role',
      'owner',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout[0]).toMatch(new RegExp(`to studio ${studio.id} as owner$`));
    const membership = await store()
      .db.selectFrom('memberships')
      .select('role')
      .where('studio_id', '=', studio.id)
      .where('user_id', '=', (await userBy('cy@example.com'))?.id as number)
      .executeTakeFirst();
    expect(membership?.role).toBe('owner');
    // An existing user is added to another studio, keeping their password.
    const second = await createStudio(store().db, clock, { name: 'Second', time_zone: 'UTC', country: 'US' });
    const added = await run('--email', 'cy@example.com', '--name', 'Cy', '--studio', String(second.id));
    expect(added.exitCode).toBe(0);
    expect(added.stdout).toEqual([expect.stringMatching(/^Added existing user .* as staff$/)]);
  });

  it('exits 1 with a message naming the problem, and creates nothing, on bad input', async () => {
    const badEmail = await run('--email', 'not-an-email', '--name', 'X', '--password', 'x password 12');
    expect(badEmail.exitCode).toBe(1);
    expect(badEmail.stderr.join('\n')).toMatch(/email.*not a valid email address/);

    const noStudio = await run('--email', 'dee@example.com', '--name', 'Dee', '--studio', '987654');
    expect(noStudio.exitCode).toBe(1);
    expect(noStudio.stderr.join('\n')).toContain('Studio 987654 was not found');
    expect(await userBy('dee@example.com')).toBeUndefined();

    const badRole = await run('--email', 'dee@example.com', '--name', 'Dee', '--role', 'admin');
    expect(badRole.exitCode).toBe(1);
    expect(badRole.stderr.join('\n')).toContain('--role needs --studio');

    const studioText = await run('--email', 'dee@example.com', '--name', 'Dee', '--studio', 'main');
    expect(studioText.exitCode).toBe(1);
    expect(studioText.stderr.join('\n')).toContain('must be a studio id');

    const missing = await run('--name', 'Dee');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.join('\n')).toContain('--email');

    const taken = await run('--email', 'ann@example.com', '--name', 'Ann again');
    expect(taken.exitCode).toBe(1);
    expect(taken.stderr.join('\n')).toContain('already exists');
    expect(await userBy('dee@example.com')).toBeUndefined();
  });
});
