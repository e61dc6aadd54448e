import { expect, it } from 'vitest';
import { recordKind } from '../../src/domain/record-kinds/index.js';
import { forEachDialect } from '../support/dialects.js';
import { countRows, snapshotRecord } from '../support/record-snapshot.js';
import { useStudioApi } from '../support/studio-api.js';

const pathsOf = (body: any) => body.details.map((d: any) => d.path).sort();

forEachDialect('records API: bad input is refused and changes nothing', (store) => {
  const ctx = useStudioApi(store);

  it('reports every problem of a body at once, unknown references included, and creates nothing', async () => {
    const { owner, samples } = ctx();
    const taskType = await samples.type('task');
    const before = await countRows(store().db, 'sessions');
    const response = await owner.post('/sessions', {
      client_id: 999_999,
      session_type_id: taskType.id,
      start: '2026-03-20 14:00',
      nps_score: 11,
      confirmed: 'yes',
      status_due_date: '2026-01-01',
      colour: 'red',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('ERR_VALIDATION');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'client_id', problem: 'refers to client 999999, which does not exist' },
        {
          path: 'session_type_id',
          problem: `refers to type ${taskType.id}, which is a task type, not a session type`,
        },
        {
          path: 'start',
          problem: 'must be a date and time with a UTC offset, e.g. 2026-12-05T14:00:00-05:00',
        },
        { path: 'nps_score', problem: 'must be at most 10' },
        { path: 'confirmed', problem: 'must be true or false' },
        { path: 'status_due_date', problem: 'is set by Triggerfish and cannot be written' },
        { path: 'colour', problem: 'is not a field of session' },
      ]),
    );
    expect(response.body.details).toHaveLength(7);
    expect(await countRows(store().db, 'sessions')).toBe(before);
  });

  it('names child-row fields by position, e.g. phones.1.number', async () => {
    const { owner } = ctx();
    const response = await owner.post('/clients', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      phones: [{ number: '(212) 555-0142' }, { number: '555' }],
      emails: [{ address: 'ada@example.com', is_primary: 'yes' }],
    });
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toEqual(['emails.0.is_primary', 'phones.1.number']);
  });

  it('leaves the row, its phones, its status history and its consent ledger untouched when a PATCH is refused', async () => {
    const { owner, samples } = ctx();
    const lead = await owner.create('/statuses', { kind: 'client', name: 'Lead' });
    const sessionStatus = await owner.create('/statuses', { kind: 'session', name: 'Booked' });
    const client = await samples.create('client', {
      status_id: lead.id,
      allow_marketing_sms: true,
      phones: [{ number: '(212) 555-0142', sms_capable: true }],
    });
    const kind = recordKind('client');
    const before = await snapshotRecord(store().db, kind, client.id);
    expect(before.history).toHaveLength(1);
    expect(before.consent).not.toHaveLength(0);

    const change = {
      first_name: 'Changed',
      allow_marketing_sms: false,
      phones: [{ number: '(212) 555-0199' }],
      status_id: sessionStatus.id,
    };
    const withFieldProblem = await owner.patch(`/clients/${client.id}`, {
      ...change,
      birth_date: '2026-13-01',
    });
    expect(withFieldProblem.status).toBe(400);
    expect(pathsOf(withFieldProblem.body)).toEqual(['birth_date', 'status_id']);
    expect(await snapshotRecord(store().db, kind, client.id)).toEqual(before);

    const onlyReferenceProblem = await owner.patch(`/clients/${client.id}`, change);
    expect(onlyReferenceProblem.status).toBe(400);
    expect(onlyReferenceProblem.body.details).toEqual([
      {
        path: 'status_id',
        problem: `refers to status ${sessionStatus.id}, which is a session status, not a client status`,
      },
    ]);
    expect(await snapshotRecord(store().db, kind, client.id)).toEqual(before);
  });

  it('answers 404 for an unknown id on every route of a record, and 400 for an id that is not a number', async () => {
    const { owner } = ctx();
    const notFound = {
      code: 'ERR_NOT_FOUND',
      message: 'Session 999999 was not found',
      details: [],
    };
    for (const [method, path, body] of [
      ['get', '/sessions/999999', undefined],
      ['patch', '/sessions/999999', { notes: 'x' }],
      ['delete', '/sessions/999999', undefined],
      ['post', '/sessions/999999/status', { status_id: null }],
      ['get', '/sessions/999999/status-history', undefined],
    ] as const) {
      const response = await (owner as any)[method](path, body);
      expect(response, `${method} ${path}`).toMatchObject({ status: 404, body: notFound });
    }
    const badId = await owner.get('/sessions/abc');
    expect(badId.status).toBe(400);
    expect(badId.body.details).toEqual([{ path: 'id', problem: 'must be a positive whole number' }]);
  });

  it("treats another studio's record exactly like a missing one, and leaves it alone", async () => {
    const { owner, other } = ctx();
    const theirs = await other.samples.create('client');
    const kind = recordKind('client');
    const before = await snapshotRecord(store().db, kind, theirs.id);
    const expected = (id: number) => ({
      code: 'ERR_NOT_FOUND',
      message: `Client ${id} was not found`,
      details: [],
    });
    expect(await owner.get(`/clients/${theirs.id}`)).toEqual({ status: 404, body: expected(theirs.id) });
    expect(await owner.patch(`/clients/${theirs.id}`, { first_name: 'Mine' })).toEqual({
      status: 404,
      body: expected(theirs.id),
    });
    expect(await owner.delete(`/clients/${theirs.id}`)).toEqual({ status: 404, body: expected(theirs.id) });
    expect((await owner.post(`/clients/${theirs.id}/status`, { status_id: null })).status).toBe(404);
    expect((await owner.get(`/clients/${theirs.id}/status-history`)).status).toBe(404);
    const list = await owner.read(`/clients?limit=500`);
    expect(list.data.map((c: any) => c.id)).not.toContain(theirs.id);
    expect(await snapshotRecord(store().db, kind, theirs.id)).toEqual(before);
  });

  it("refuses references to another studio's rows with the same words as references to missing rows", async () => {
    const { owner, samples, other } = ctx();
    const theirClient = await other.samples.create('client');
    const theirType = await other.samples.type('session');
    const theirStatus = await other.owner.create('/statuses', { kind: 'session', name: 'Theirs' });
    const missing = 999_999;
    const attempt = async (ids: { client: number; type: number; status: number; user: number }) => {
      const response = await owner.post('/sessions', {
        client_id: ids.client,
        session_type_id: ids.type,
        status_id: ids.status,
        photographer_id: ids.user,
        start: '2026-03-20T14:00:00-04:00',
      });
      expect(response.status).toBe(400);
      return response.body.details;
    };
    const foreign = await attempt({
      client: theirClient.id,
      type: theirType.id,
      status: theirStatus.id,
      user: other.studio.ownerId,
    });
    const absent = await attempt({ client: missing, type: missing, status: missing, user: missing });
    const withoutIds = (details: any[], ids: number[]) =>
      details.map((d) => ({
        ...d,
        problem: ids.reduce((text, id) => text.replace(String(id), 'N'), d.problem),
      }));
    expect(foreign).toHaveLength(4);
    expect(withoutIds(foreign, [theirClient.id, theirType.id, theirStatus.id, other.studio.ownerId])).toEqual(
      withoutIds(absent, [missing]),
    );
    // A client of this studio makes the same request go through.
    const mine = await samples.create('client');
    expect(
      (
        await owner.post('/sessions', {
          client_id: mine.id,
          session_type_id: (await samples.type('session')).id,
          start: '2026-03-20T14:00:00-04:00',
        })
      ).status,
    ).toBe(201);
  });

  it('refuses a status of another kind and a status scoped to another type', async () => {
    const { owner, samples } = ctx();
    const portrait = await samples.type('session', 'Portrait');
    const wedding = await samples.type('session', 'Wedding');
    const clientStatus = await owner.create('/statuses', { kind: 'client', name: 'VIP' });
    const weddingOnly = await owner.create('/statuses', {
      kind: 'session',
      name: 'Album designed',
      scope_type_id: wedding.id,
    });
    const client = await samples.create('client');
    const body = { client_id: client.id, session_type_id: portrait.id, start: '2026-03-20T14:00:00-04:00' };
    const ofClients = await owner.post('/sessions', { ...body, status_id: clientStatus.id });
    expect(ofClients.status).toBe(400);
    expect(ofClients.body.details).toEqual([
      {
        path: 'status_id',
        problem: `refers to status ${clientStatus.id}, which is a client status, not a session status`,
      },
    ]);
    const scoped = await owner.post('/sessions', { ...body, status_id: weddingOnly.id });
    expect(scoped.status).toBe(400);
    expect(scoped.body.details).toEqual([
      { path: 'status_id', problem: 'refers to status "Album designed", which is for another session type' },
    ]);
    const session = await owner.create('/sessions', body);
    const patched = await owner.patch(`/sessions/${session.id}`, { status_id: weddingOnly.id });
    expect(patched.status).toBe(400);
    const wedded = await owner.create('/sessions', {
      ...body,
      session_type_id: wedding.id,
      status_id: weddingOnly.id,
    });
    expect(wedded.status_id).toBe(weddingOnly.id);
  });

  it("refuses to change a record's type when its scoped status does not fit the new one", async () => {
    const { owner, samples } = ctx();
    const portrait = await samples.type('session', 'Portrait');
    const wedding = await samples.type('session', 'Wedding');
    const weddingOnly = await owner.create('/statuses', {
      kind: 'session',
      name: 'Vows',
      scope_type_id: wedding.id,
    });
    const anyType = await owner.create('/statuses', { kind: 'session', name: 'Shot' });
    const session = await samples.create('session', {
      session_type_id: wedding.id,
      status_id: weddingOnly.id,
    });
    const before = await snapshotRecord(store().db, recordKind('session'), session.id);

    const refused = await owner.patch(`/sessions/${session.id}`, { session_type_id: portrait.id });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { path: 'status_id', problem: 'refers to status "Vows", which is for another session type' },
    ]);
    expect(await snapshotRecord(store().db, recordKind('session'), session.id)).toEqual(before);

    const together = await owner.patch(`/sessions/${session.id}`, {
      session_type_id: portrait.id,
      status_id: anyType.id,
    });
    expect(together.status).toBe(200);
    expect(together.body).toMatchObject({ session_type_id: portrait.id, status_id: anyType.id });
  });

  it('refuses to enter an inactive status, but leaves records that are already in it alone', async () => {
    const { owner, samples } = ctx();
    const retiring = await owner.create('/statuses', { kind: 'session', name: 'Retiring' });
    const session = await samples.create('session', { status_id: retiring.id });
    await owner.patch(`/statuses/${retiring.id}`, { is_inactive: true });
    const edit = await owner.patch(`/sessions/${session.id}`, { notes: 'still fine' });
    expect(edit.status).toBe(200);
    expect(edit.body.status_id).toBe(retiring.id);
    const problem = { path: 'status_id', problem: 'refers to status "Retiring", which is inactive' };
    const created = await owner.post('/sessions', {
      ...(await samples.input(recordKind('session'))),
      status_id: retiring.id,
    });
    expect(created.body.details).toEqual([problem]);
    const other = await samples.create('session');
    expect((await owner.patch(`/sessions/${other.id}`, { status_id: retiring.id })).body.details).toEqual([
      problem,
    ]);
    expect(
      (await owner.post(`/sessions/${other.id}/status`, { status_id: retiring.id })).body.details,
    ).toEqual([problem]);
  });

  it('refuses to change fields that are fixed once the record exists, but accepts them unchanged', async () => {
    const { owner, samples } = ctx();
    const status = await owner.create('/statuses', { kind: 'session', name: 'Fixed kind' });
    const changed = await owner.patch(`/statuses/${status.id}`, { kind: 'client', name: 'Renamed' });
    expect(changed.status).toBe(400);
    expect(changed.body.details).toEqual([
      { path: 'kind', problem: 'cannot be changed once the record exists' },
    ]);
    expect((await owner.read(`/statuses/${status.id}`)).name).toBe('Fixed kind');
    const same = await owner.patch(`/statuses/${status.id}`, { kind: 'session', name: 'Renamed' });
    expect(same.status).toBe(200);

    const member = await samples.create('family_member');
    const otherClient = await samples.create('client');
    const moved = await owner.patch(`/family-members/${member.id}`, { client_id: otherClient.id });
    expect(moved.body.details).toEqual([
      { path: 'client_id', problem: 'cannot be changed once the record exists' },
    ]);
  });

  it('lets staff work records but only owners and admins change catalogs', async () => {
    const { staff } = ctx();
    const refused = await staff.post('/types', { kind: 'session', name: 'Staff made' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_FORBIDDEN');
    expect((await staff.post('/clients', { first_name: 'S', last_name: 'T' })).status).toBe(201);
  });

  it('refuses a body that is not a JSON object, or not JSON at all', async () => {
    const { owner, app, studio } = ctx();
    const list = await owner.post('/clients', [{ first_name: 'A' }]);
    expect(list.status).toBe(400);
    expect(list.body.details).toEqual([{ path: '', problem: 'must be a JSON object' }]);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/clients',
      headers: { authorization: `Bearer ${studio.tokens.owner}`, 'content-type': 'application/json' },
      payload: '{"first_name": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('ERR_VALIDATION');
  });

  it('refuses NUL characters wherever text is written, so PostgreSQL never sees them', async () => {
    const { owner, samples } = ctx();
    const client = await owner.post('/clients', {
      first_name: 'A\u0000',
      last_name: 'B',
      emails: [{ address: 'a\u0000b@example.com' }],
    });
    expect(pathsOf(client.body)).toEqual(['emails.0.address', 'first_name']);
    const status = await owner.create('/statuses', { kind: 'session', name: 'Noted' });
    const session = await samples.create('session');
    const change = await owner.post(`/sessions/${session.id}/status`, {
      status_id: status.id,
      note: 'a\u0000',
    });
    expect(change.status).toBe(400);
    expect(change.body.details).toEqual([{ path: 'note', problem: 'must not contain a NUL character' }]);
  });
});
