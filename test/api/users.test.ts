import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { hashSecret } from '../../src/domain/secret-tokens.js';
import { addMembership } from '../../src/store/users.js';
import { makeAuthServer } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeStudio, type StudioFixture } from '../support/studio-fixture.js';

forEachDialect('staff members', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  const ids: Record<'owner' | 'admin' | 'staff', number> = { owner: 0, admin: 0, staff: 0 };

  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock);
    a = await makeStudio(store(), clock);
    const members = await store()
      .db.selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('studio_id', '=', a.studio.id)
      .execute();
    for (const m of members) ids[m.role] = m.user_id;
  });

  it("lists the studio's members with email, name, mobile, role and department, to every role", async () => {
    const list = await call(app, a.tokens.staff, 'GET', '/api/v1/users');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(3);
    expect(list.body.data[0]).toEqual({
      id: ids.admin,
      email: expect.stringMatching(/^admin-/),
      name: expect.stringMatching(/^admin /),
      mobile: null,
      role: 'admin',
      department_id: null,
    });
    const one = await call(app, a.tokens.staff, 'GET', `/api/v1/users/${ids.owner}`);
    expect(one.body.role).toBe('owner');
  });

  it('creates a new user with a password who can then sign in, with the password stored as scrypt', async () => {
    const department = await call(app, a.tokens.admin, 'POST', '/api/v1/departments', { name: 'Sales' });
    const created = await call(app, a.tokens.admin, 'POST', '/api/v1/users', {
      email: 'Robin@Example.com',
      name: 'Robin',
      mobile: '(212) 555-0199',
      password: 'robin password 1',
      department_id: department.body.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      email: 'robin@example.com',
      name: 'Robin',
      mobile: '+12125550199',
      role: 'staff',
      department_id: department.body.id,
    });
    const user = await store()
      .db.selectFrom('users')
      .select('password_hash')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$/);
    expect((await login('robin@example.com', 'robin password 1')).statusCode).toBe(200);
  });

  it('adds an existing user of another studio as a member, keeping their name and password', async () => {
    const other = await makeStudio(store(), clock);
    const otherOwner = await store()
      .db.selectFrom('users')
      .selectAll()
      .where('id', '=', other.ownerId)
      .executeTakeFirstOrThrow();
    const added = await call(app, a.tokens.owner, 'POST', '/api/v1/users', {
      email: otherOwner.email,
      name: 'Someone else',
      role: 'admin',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: other.ownerId, name: otherOwner.name, role: 'admin' });
    const again = await call(app, a.tokens.owner, 'POST', '/api/v1/users', { email: otherOwner.email });
    expect(again.status).toBe(409);
    const withPassword = await call(app, a.tokens.owner, 'POST', '/api/v1/users', {
      email: otherOwner.email,
      password: 'taking over now',
    });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.details.map((d: { path: string }) => d.path)).toEqual(['password']);
    // Their membership of the other studio is untouched.
    const theirs = await call(app, other.tokens.owner, 'GET', `/api/v1/users/${other.ownerId}`);
    expect(theirs.body.role).toBe('owner');
    // Removing them here leaves the user and their other studio alone.
    expect((await call(app, a.tokens.owner, 'DELETE', `/api/v1/users/${other.ownerId}`)).status).toBe(204);
    expect((await call(app, a.tokens.owner, 'GET', `/api/v1/users/${other.ownerId}`)).status).toBe(404);
    expect((await call(app, other.tokens.owner, 'GET', `/api/v1/users/${other.ownerId}`)).status).toBe(200);
  });

  it('reports every problem of a new member at once and creates nothing', async () => {
    const before = await store().db.selectFrom('users').select('id').execute();
    const bad = await call(app, a.tokens.admin, 'POST', '/api/v1/users', {
      email: 'not an address',
      name: '',
      mobile: 'call me',
      password: 'short',
      role: 'boss',
      department_id: 987654,
      nickname: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ERR_VALIDATION');
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'department_id',
      'email',
      'mobile',
      'name',
      'nickname',
      'password',
      'role',
    ]);
    expect(await store().db.selectFrom('users').select('id').execute()).toEqual(before);
  });

  it('lets only an owner grant the owner role or change an owner', async () => {
    const grant = await call(app, a.tokens.admin, 'POST', '/api/v1/users', {
      email: 'casey@example.com',
      name: 'Casey',
      role: 'owner',
    });
    expect(grant.status).toBe(403);
    expect(
      (await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.staff}`, { role: 'owner' })).status,
    ).toBe(403);
    expect(
      (await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.owner}`, { role: 'staff' })).status,
    ).toBe(403);
    expect((await call(app, a.tokens.admin, 'DELETE', `/api/v1/users/${ids.owner}`)).status).toBe(403);
    // Admins do manage staff.
    const promoted = await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.staff}`, {
      role: 'admin',
    });
    expect(promoted.body.role).toBe('admin');
    await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.staff}`, { role: 'staff' });
  });

  it('keeps the last owner: demoting or removing them is 409 until there is another owner', async () => {
    const demote = await call(app, a.tokens.owner, 'PATCH', `/api/v1/users/${ids.owner}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('ERR_CONFLICT');
    expect((await call(app, a.tokens.owner, 'DELETE', `/api/v1/users/${ids.owner}`)).status).toBe(409);
    const second = await call(app, a.tokens.owner, 'PATCH', `/api/v1/users/${ids.admin}`, { role: 'owner' });
    expect(second.body.role).toBe('owner');
    expect(
      (await call(app, a.tokens.owner, 'PATCH', `/api/v1/users/${ids.owner}`, { role: 'admin' })).status,
    ).toBe(200);
    // Put things back (nobody holds an owner-role token of the new owner).
    await addMembership(store().db, clock, a.studio.id, ids.owner, 'owner');
    await addMembership(store().db, clock, a.studio.id, ids.admin, 'admin');
  });

  it("changes a member's name and mobile only while this is their only studio", async () => {
    const changed = await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.staff}`, {
      name: 'Sam Staff',
      mobile: '212 555 0100',
    });
    expect(changed.body).toMatchObject({ name: 'Sam Staff', mobile: '+12125550100' });
    const other = await makeStudio(store(), clock);
    await addMembership(store().db, clock, other.studio.id, ids.staff, 'staff');
    const shared = await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.staff}`, {
      name: 'Renamed',
    });
    expect(shared.status).toBe(409);
    expect(shared.body.details).toEqual([{ path: 'name', problem: 'is shared with other studios' }]);
    const email = await call(app, a.tokens.admin, 'PATCH', `/api/v1/users/${ids.staff}`, {
      email: 'x@example.com',
    });
    expect(email.body.details.map((d: { path: string }) => d.path)).toEqual(['email']);
  });

  it('removes a membership, ending the member’s sessions in the studio and revoking their tokens', async () => {
    const created = await call(app, a.tokens.admin, 'POST', '/api/v1/users', {
      email: 'leaving@example.com',
      name: 'Leaving',
      password: 'leaving password',
      role: 'admin',
    });
    const signedIn = await login('leaving@example.com', 'leaving password');
    const cookie = signedIn.cookies.find((c) => c.name === 'tf_session')?.value as string;
    const removed = await call(app, a.tokens.admin, 'DELETE', `/api/v1/users/${created.body.id}`);
    expect(removed.status).toBe(204);
    const session = await store()
      .db.selectFrom('login_sessions')
      .selectAll()
      .where('id', '=', hashSecret(cookie))
      .execute();
    expect(session).toEqual([]);
    const user = await store()
      .db.selectFrom('users')
      .select('id')
      .where('id', '=', created.body.id)
      .execute();
    expect(user).toHaveLength(1);
    const list = await call(app, a.tokens.admin, 'GET', '/api/v1/users');
    expect(list.body.data.map((m: { id: number }) => m.id)).not.toContain(created.body.id);
  });

  it('refuses to let a member remove themselves, with a 409 that says who can, and keeps them', async () => {
    const own = await call(app, a.tokens.admin, 'DELETE', `/api/v1/users/${ids.admin}`);
    expect(own.status).toBe(409);
    expect(own.body.message).toBe('You cannot remove yourself from the studio; another owner or admin can');
    const list = await call(app, a.tokens.admin, 'GET', '/api/v1/users');
    expect(list.body.data.map((m: { id: number }) => m.id)).toContain(ids.admin);
  });

  it('gives staff 403 on every change of members', async () => {
    const attempts = [
      await call(app, a.tokens.staff, 'POST', '/api/v1/users', { email: 'z@example.com', name: 'Z' }),
      await call(app, a.tokens.staff, 'PATCH', `/api/v1/users/${ids.staff}`, { role: 'admin' }),
      await call(app, a.tokens.staff, 'DELETE', `/api/v1/users/${ids.admin}`),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403]);
  });
});
