import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { RECORD_KINDS } from '../../src/domain/record-kinds/index.js';
import { makeAuthServer } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import { call, makeStudio, type StudioFixture } from '../support/studio-fixture.js';
import { makeStudioRecords, SAMPLES, type StudioRecords } from '../support/studio-records.js';

const catalogs = RECORD_KINDS.filter((kind) => kind.category === 'catalog');
const records = RECORD_KINDS.filter((kind) => kind.category === 'record');

forEachDialect('roles', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  let app: FastifyInstance;
  let a: StudioFixture;
  let made: StudioRecords;

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock);
    a = await makeStudio(store(), clock);
    made = await makeStudioRecords(app, a.tokens.owner, a.ownerId);
  });

  it('lets staff create, change and move through statuses every kind of record', async () => {
    expect(records.length).toBeGreaterThan(5);
    for (const kind of records) {
      const base = `/api/v1/${kind.path}`;
      const created = await call(app, a.tokens.staff, 'POST', base, SAMPLES[kind.name].create(made));
      expect(created.status, `POST ${base}`).toBe(201);
      const changed = await call(
        app,
        a.tokens.staff,
        'PATCH',
        `${base}/${created.body.id}`,
        SAMPLES[kind.name].patch,
      );
      expect(changed.status, `PATCH ${base}`).toBe(200);
      if (kind.status) {
        const moved = await call(app, a.tokens.staff, 'POST', `${base}/${created.body.id}/status`, {
          status_id: made.statuses[kind.status.catalog],
        });
        expect(moved.status, `POST ${base}/:id/status`).toBe(200);
      }
    }
  });

  it('lets staff read catalogs but gives them 403 on every catalog change, and changes nothing', async () => {
    for (const kind of catalogs) {
      const base = `/api/v1/${kind.path}`;
      const id = made.ids[kind.name];
      expect((await call(app, a.tokens.staff, 'GET', base)).status, `GET ${base}`).toBe(200);
      const attempts = [
        await call(app, a.tokens.staff, 'POST', base, SAMPLES[kind.name].create(made)),
        await call(app, a.tokens.staff, 'PATCH', `${base}/${id}`, SAMPLES[kind.name].patch),
        await call(app, a.tokens.staff, 'DELETE', `${base}/${id}`),
      ];
      expect(
        attempts.map((r) => [r.status, r.body.code]),
        base,
      ).toEqual([
        [403, 'ERR_FORBIDDEN'],
        [403, 'ERR_FORBIDDEN'],
        [403, 'ERR_FORBIDDEN'],
      ]);
      const still = await call(app, a.tokens.owner, 'GET', `${base}/${id}`);
      expect(still.body.name).not.toBe(SAMPLES[kind.name].patch.name);
    }
  });

  it('gives staff 403 on studio settings, staff management and API tokens', async () => {
    const attempts = {
      'PATCH /api/v1/studio': await call(app, a.tokens.staff, 'PATCH', '/api/v1/studio', {
        name: 'Mine now',
      }),
      'POST /api/v1/users': await call(app, a.tokens.staff, 'POST', '/api/v1/users', {
        email: 'friend@example.com',
        name: 'Friend',
      }),
      'PATCH /api/v1/users/:id': await call(app, a.tokens.staff, 'PATCH', `/api/v1/users/${a.ownerId}`, {
        role: 'staff',
      }),
      'DELETE /api/v1/users/:id': await call(app, a.tokens.staff, 'DELETE', `/api/v1/users/${a.ownerId}`),
      'GET /api/v1/tokens': await call(app, a.tokens.staff, 'GET', '/api/v1/tokens'),
      'POST /api/v1/tokens': await call(app, a.tokens.staff, 'POST', '/api/v1/tokens', { name: 'Mine' }),
      'DELETE /api/v1/tokens/:id': await call(app, a.tokens.staff, 'DELETE', '/api/v1/tokens/1'),
    };
    for (const [route, response] of Object.entries(attempts)) expect(response.status, route).toBe(403);
    expect((await call(app, a.tokens.staff, 'GET', '/api/v1/studio')).body.name).toBe(a.studio.name);
    expect((await call(app, a.tokens.staff, 'GET', '/api/v1/users')).status).toBe(200);
  });

  it('lets admins change catalogs, studio settings and tokens', async () => {
    const changed = await call(app, a.tokens.admin, 'PATCH', '/api/v1/studio', { sender_name: 'Front desk' });
    expect(changed.status).toBe(200);
    const catalog = await call(app, a.tokens.admin, 'POST', '/api/v1/departments', { name: 'Framing' });
    expect(catalog.status).toBe(201);
    expect((await call(app, a.tokens.admin, 'GET', '/api/v1/tokens')).status).toBe(200);
  });
});
