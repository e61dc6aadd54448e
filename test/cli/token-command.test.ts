import { beforeAll, expect, it } from 'vitest';
import { registerTokenCommand } from '../../src/cli/token-command.js';
import { ManualClock } from '../../src/domain/clock.js';
import { hashSecret } from '../../src/domain/secret-tokens.js';
import { runCli } from '../support/cli-harness.js';
import { forEachDialect } from '../support/dialects.js';
import { makeServer, makeStudio, call, type StudioFixture } from '../support/studio-fixture.js';

forEachDialect('triggerfish token create', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let a: StudioFixture;
  let adminEmail: string;
  const run = (...args: string[]) =>
    runCli(registerTokenCommand, store(), clock, ['token', 'create', ...args]);

  beforeAll(async () => {
    a = await makeStudio(store(), clock);
    adminEmail = (
      await store()
        .db.selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .select('users.email')
        .where('memberships.studio_id', '=', a.studio.id)
        .where('memberships.role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).email;
  });

  it('prints the token alone on stdout, once, with a warning on stderr, and stores only its hash', async () => {
    const result = await run('--studio', String(a.studio.id), '--user', adminEmail, '--name', 'Booking site');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toEqual([expect.stringMatching(/^tfk_[\w-]{43}$/)]);
    expect(result.stderr.join('\n')).toMatch(/cannot be shown again/);
    const token = result.stdout[0] as string;
    const row = await store()
      .db.selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Booking site', role: 'staff', studio_id: a.studio.id });
    const app = await makeServer(store(), clock);
    expect((await call(app, token, 'GET', '/api/v1/auth/me')).body.user.email).toBe(adminEmail);
  });

  it('exits 1 naming the problem for an unknown studio, an unknown user, a non-member or a role too high', async () => {
    const other = await makeStudio(store(), clock);
    const cases: [string[], RegExp][] = [
      [['--studio', '987654', '--user', adminEmail, '--name', 'X'], /Studio 987654 was not found/],
      [
        ['--studio', String(a.studio.id), '--user', 'nobody@example.com', '--name', 'X'],
        /nobody@example\.com/,
      ],
      [['--studio', String(other.studio.id), '--user', adminEmail, '--name', 'X'], /not a member of studio/],
      [
        ['--studio', String(a.studio.id), '--user', adminEmail, '--name', 'X', '--role', 'owner'],
        /role.*admin/,
      ],
      [['--studio', String(a.studio.id), '--user', adminEmail, '--name', ''], /name.*required/],
      [['--studio', 'x', '--user', adminEmail, '--name', 'X'], /must be a studio id/],
    ];
    const before = await store().db.selectFrom('api_tokens').select('id').execute();
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.stderr.join('\n'), args.join(' ')).toMatch(message);
      expect(result.stdout, args.join(' ')).toEqual([]);
    }
    expect(await store().db.selectFrom('api_tokens').select('id').execute()).toEqual(before);
  });
});
