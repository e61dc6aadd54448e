import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { hashSecret } from '../../src/domain/secret-tokens.js';
import { addMembership } from '../../src/store/users.js';
import { makeAuthServer } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeStudio, type StudioFixture } from '../support/studio-fixture.js';

forEachDialect('API tokens', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  let adminId: number;

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock);
    a = await makeStudio(store(), clock);
    adminId = (
      await store()
        .db.selectFrom('memberships')
        .select('user_id')
        .where('studio_id', '=', a.studio.id)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).user_id;
  });

  it('creates a token acting as the caller, answers its secret once, and lists it without secret or hash', async () => {
    clock.advance(1000);
    const created = await call(app, a.tokens.admin, 'POST', '/api/v1/tokens', { name: 'Booking site' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: 'Booking site',
      prefix: created.body.token.slice(0, 10),
      role: 'staff',
      user_id: adminId,
      created_at: clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
      token: expect.stringMatching(/^tfk_[\w-]{43}$/),
    });
    const list = await call(app, a.tokens.admin, 'GET', '/api/v1/tokens');
    expect(list.body.data[0]).toEqual({ ...created.body, token: undefined });
    expect(Object.keys(list.body.data[0])).not.toContain('token');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(JSON.stringify(list.body)).not.toContain(hashSecret(created.body.token));
    const used = await call(app, created.body.token, 'GET', '/api/v1/clients');
    expect(used.status).toBe(200);
    const after = await call(app, a.tokens.admin, 'GET', '/api/v1/tokens');
    expect(after.body.data[0].last_used_at).toBe(clock.now().toISOString());
  });

  it('stores only the hash: no table of the database holds the secret', async () => {
    const created = await call(app, a.tokens.owner, 'POST', '/api/v1/tokens', {
      name: 'Audit',
      role: 'admin',
    });
    const secret: string = created.body.token;
    const rows = await store().db.selectFrom('api_tokens').selectAll().execute();
    expect(rows.find((row) => row.id === created.body.id)?.token_hash).toBe(hashSecret(secret));
    const sessions = await store().db.selectFrom('login_sessions').selectAll().execute();
    expect(JSON.stringify([rows, sessions])).not.toContain(secret);
    expect(JSON.stringify([rows, sessions])).not.toContain(secret.slice(12));
    if (store().dialect === 'sqlite') {
      // Every value of every table, as text.
      const tables = await store().db.introspection.getTables();
      for (const table of tables) {
        const all = await sql`select * from ${sql.table(table.name)}`.execute(store().db);
        expect(JSON.stringify(all.rows), table.name).not.toContain(secret.slice(12));
      }
    }
  });

  it("refuses a role above the caller's own, naming the field", async () => {
    const tooHigh = await call(app, a.tokens.admin, 'POST', '/api/v1/tokens', {
      name: 'Mine',
      role: 'owner',
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.details).toEqual([
      { path: 'role', problem: "cannot exceed the user's own role (admin)" },
    ]);
    // An owner acting through an admin-role token is an admin here.
    const adminTokenOfOwner = await call(app, a.tokens.owner, 'POST', '/api/v1/tokens', {
      name: 'Owner as admin',
      role: 'admin',
    });
    const escalated = await call(app, adminTokenOfOwner.body.token, 'POST', '/api/v1/tokens', {
      name: 'Escalated',
      role: 'owner',
    });
    expect(escalated.status).toBe(400);
    expect(escalated.body.details).toEqual([
      { path: 'role', problem: 'cannot exceed your own role (admin)' },
    ]);
  });

  it('reports every problem of a token at once', async () => {
    const bad = await call(app, a.tokens.owner, 'POST', '/api/v1/tokens', {
      name: '',
      role: 'root',
      scope: 'all',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'role', 'scope']);
  });

  it('revokes a token: it answers 401 from then on and stays listed with revoked_at', async () => {
    const created = await call(app, a.tokens.owner, 'POST', '/api/v1/tokens', { name: 'Old sync' });
    expect((await call(app, created.body.token, 'GET', '/api/v1/studio')).status).toBe(200);
    const revoked = await call(app, a.tokens.admin, 'DELETE', `/api/v1/tokens/${created.body.id}`);
    expect(revoked.status).toBe(204);
    const refused = await call(app, created.body.token, 'GET', '/api/v1/studio');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('ERR_UNAUTHENTICATED');
    const listed = (await call(app, a.tokens.admin, 'GET', '/api/v1/tokens')).body.data.find(
      (t: { id: number }) => t.id === created.body.id,
    );
    expect(listed.revoked_at).toBe(clock.now().toISOString());
    expect((await call(app, a.tokens.admin, 'DELETE', '/api/v1/tokens/987654')).status).toBe(404);
  });

  it("caps a token's role at its user's current role, and revokes it when the user leaves the studio", async () => {
    const studio = await makeStudio(store(), clock);
    const adminOfB = (
      await store()
        .db.selectFrom('memberships')
        .select('user_id')
        .where('studio_id', '=', studio.studio.id)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).user_id;
    await addMembership(store().db, clock, studio.studio.id, adminOfB, 'staff');
    const demoted = await call(app, studio.tokens.admin, 'POST', '/api/v1/departments', { name: 'Lab' });
    expect(demoted.status).toBe(403);
    expect((await call(app, studio.tokens.admin, 'GET', '/api/v1/auth/me')).body.role).toBe('staff');
    const removed = await call(app, studio.tokens.owner, 'DELETE', `/api/v1/users/${adminOfB}`);
    expect(removed.status).toBe(204);
    await addMembership(store().db, clock, studio.studio.id, adminOfB, 'admin');
    expect((await call(app, studio.tokens.admin, 'GET', '/api/v1/studio')).status).toBe(401);
  });

  it('refuses a token that names another studio in X-Studio-Id', async () => {
    const other = await makeStudio(store(), clock);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/clients',
      headers: { authorization: `Bearer ${a.tokens.owner}`, 'x-studio-id': String(other.studio.id) },
    });
    expect(response.statusCode).toBe(403);
    const same = await app.inject({
      method: 'GET',
      url: '/api/v1/clients',
      headers: { authorization: `Bearer ${a.tokens.owner}`, 'x-studio-id': String(a.studio.id) },
    });
    expect(same.statusCode).toBe(200);
  });
});
