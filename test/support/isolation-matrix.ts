import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { expect } from 'vitest';
import { RECORD_KINDS, type StatusKind } from '../../src/domain/record-kinds/index.js';
import type { Db } from '../../src/store/database.js';
import { listParameters } from '../../src/store/list-records.js';
import { loose } from '../../src/store/record-table.js';
import { refFieldsOf, SAMPLES, triggerSample, type StudioRecords } from './studio-records.js';
import type { StudioFixture } from './studio-fixture.js';

/**
 * Studio isolation, route by route. For every route of the server, a check that A's owner, using
 * the route with B's ids, reads 404 (exactly as for an id that exists nowhere), lists none of B's
 * rows and changes nothing of B's. `routeKeys` enumerates the server's routes as they are added;
 * the test fails when one has no check here, so a new route cannot skip this review.
 */

export type Method = NonNullable<InjectOptions['method']>;

export interface Answer {
  status: number;
  body: any;
  text: string;
}

/** A's owner, by API token or by cookie session (with the CSRF header on writes). */
export interface Caller {
  via: 'token' | 'cookie';
  send(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export interface IsolationContext {
  app: FastifyInstance;
  db: Db;
  a: StudioFixture;
  b: StudioFixture;
  recordsA: StudioRecords;
  recordsB: StudioRecords;
  /** A's owner's email and password, to sign in throwaway sessions. */
  aOwnerEmail: string;
  password: string;
  bMemberIds: number[];
  bTokenIds: number[];
  /** A pending triggered item of each studio. */
  aItemId: number;
  bItemId: number;
  /** A failed delivery of studio B. */
  bDeliveryId: number;
  /** A session-based SMS template of each studio. */
  aTemplateId: number;
  bTemplateId: number;
  /** The open print batch (with one letter) and an open call of each studio. */
  aBatchId: number;
  bBatchId: number;
  aCallId: number;
  bCallId: number;
  /** An attachment of one of B's communications. */
  bAttachment: { communicationId: number; id: number };
  /** A block in force on B's email block list. */
  bEmailBlockId: number;
  /** An unread inbound SMS of studio B, from B_SMS_SENDER. */
  bInboundSmsId: number;
}

export const B_SMS_SENDER = '+12025550987';

type Check = (caller: Caller) => Promise<void>;

/** An id no row of any table has. */
const MISSING = 987_654_321;

export function routeKeys(route: RouteOptions): string[] {
  return [route.method].flat().map((method) => `${method} ${route.url}`);
}

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`);
  }
}

/** B's id answers 404 with the same words as an id that does not exist at all. */
async function expectHidden(
  caller: Caller,
  method: Method,
  path: string,
  bId: number,
  body?: unknown,
): Promise<void> {
  const url = (id: number) => path.replace(':id', String(id));
  const hidden = await caller.send(method, url(bId), body);
  const missing = await caller.send(method, url(MISSING), body);
  expectStatus(hidden, 404, `${method} ${url(bId)}`);
  expectStatus(missing, 404, `${method} ${url(MISSING)}`);
  if (method === 'HEAD') return;
  expect(hidden.body.code).toBe('ERR_NOT_FOUND');
  expect(hidden.body.message.replaceAll(String(bId), '#')).toBe(
    missing.body.message.replaceAll(String(MISSING), '#'),
  );
}

function expectNoneOf(rows: { id: number }[], bIds: number[], what: string): void {
  const leaked = rows.filter((row) => bIds.includes(row.id));
  if (leaked.length > 0) throw new Error(`${what} lists rows of studio B: ${JSON.stringify(leaked)}`);
}

export function isolationMatrix(ctx: IsolationContext): Map<string, Check> {
  const matrix = new Map<string, Check>();
  const bNames = [ctx.b.studio.name];
  const add = (key: string, check: Check) => {
    if (matrix.has(key)) throw new Error(`two checks for ${key}`);
    matrix.set(key, check);
  };
  /** GET's check, and HEAD of the same URL answering the same status without a body. */
  const get = (path: string, check: Check, bId?: number) => {
    add(`GET ${path}`, check);
    add(`HEAD ${path}`, async (caller) => {
      if (bId !== undefined) return expectHidden(caller, 'HEAD', path, bId);
      const head = await caller.send('HEAD', path);
      const got = await caller.send('GET', path);
      expectStatus(head, got.status, `HEAD ${path}`);
    });
  };

  for (const kind of RECORD_KINDS) {
    const base = `/api/v1/${kind.path}`;
    const sample = SAMPLES[kind.name];
    const bId = ctx.recordsB.ids[kind.name];
    const aId = ctx.recordsA.ids[kind.name];
    const bBody = sample.create(ctx.recordsB);
    const refs = refFieldsOf(kind, bBody);

    get(base, async (caller) => {
      const list = await caller.send('GET', `${base}?limit=500`);
      expectStatus(list, 200, `GET ${base}`);
      expectNoneOf(list.body.data, [bId], `GET ${base}`);
      expect(list.body.data.map((row: { id: number }) => row.id)).toContain(aId);
      // Filtering by B's ids finds nothing either.
      for (const param of listParameters(kind)) {
        if (param.field?.type !== 'ref' || param.role !== 'equals') continue;
        const bRef = bBody[param.name];
        if (typeof bRef !== 'number') continue;
        const filtered = await caller.send('GET', `${base}?${param.name}=${bRef}`);
        expectStatus(filtered, 200, `GET ${base}?${param.name}=B`);
        expect(filtered.body.data, `GET ${base}?${param.name}=${bRef}`).toEqual([]);
      }
    });
    add(`POST ${base}`, async (caller) => {
      const created = await caller.send('POST', base, bBody);
      if (refs.length === 0) {
        // Nothing of B's can be named; the row lands in A (B's snapshot proves B is untouched).
        expectStatus(created, 201, `POST ${base}`);
        return;
      }
      expectStatus(created, 400, `POST ${base} naming B's rows`);
      const paths = created.body.details.map((d: { path: string }) => d.path);
      expect(paths, `POST ${base}`).toEqual(expect.arrayContaining(refs));
    });
    get(`${base}/:id`, (caller) => expectHidden(caller, 'GET', `${base}/:id`, bId), bId);
    add(`PATCH ${base}/:id`, async (caller) => {
      await expectHidden(caller, 'PATCH', `${base}/:id`, bId, sample.patch);
      if (refs.length === 0) return;
      // A's own record cannot be pointed at B's rows.
      const refBody = Object.fromEntries(refs.map((name) => [name, bBody[name]]));
      const changed = await caller.send('PATCH', `${base}/${aId}`, refBody);
      expectStatus(changed, 400, `PATCH ${base}/${aId} naming B's rows`);
    });
    add(`DELETE ${base}/:id`, (caller) => expectHidden(caller, 'DELETE', `${base}/:id`, bId));
    if (!kind.status) continue;
    const catalog = kind.status.catalog as StatusKind;
    add(`POST ${base}/:id/status`, async (caller) => {
      await expectHidden(caller, 'POST', `${base}/:id/status`, bId, {
        status_id: ctx.recordsA.statuses[catalog],
      });
      const intoB = await caller.send('POST', `${base}/${aId}/status`, {
        status_id: ctx.recordsB.statuses[catalog],
      });
      expectStatus(intoB, 400, `POST ${base}/${aId}/status into B's status`);
    });
    get(
      `${base}/:id/status-history`,
      (caller) => expectHidden(caller, 'GET', `${base}/:id/status-history`, bId),
      bId,
    );
  }

  get(
    '/api/v1/clients/:id/consent-events',
    (caller) => expectHidden(caller, 'GET', '/api/v1/clients/:id/consent-events', ctx.recordsB.ids.client),
    ctx.recordsB.ids.client,
  );

  get('/api/v1/queue', async (caller) => {
    const groups = await caller.send('GET', '/api/v1/queue');
    expectStatus(groups, 200, 'GET /api/v1/queue');
    const triggers = groups.body.data.map((g: { trigger_id: number }) => g.trigger_id);
    expect(triggers).toContain(ctx.recordsA.triggerId);
    expect(triggers).not.toContain(ctx.recordsB.triggerId);
  });
  get('/api/v1/queue/items', async (caller) => {
    const page = await caller.send('GET', '/api/v1/queue/items?limit=1000');
    expectStatus(page, 200, 'GET /api/v1/queue/items');
    expectNoneOf(page.body.data, [ctx.bItemId], 'GET /api/v1/queue/items');
    const filtered = await caller.send('GET', `/api/v1/queue/items?trigger_id=${ctx.recordsB.triggerId}`);
    expect(filtered.body.data).toEqual([]);
  });
  get('/api/v1/triggered-items', async (caller) => {
    const page = await caller.send('GET', '/api/v1/triggered-items?limit=500');
    expectStatus(page, 200, 'GET /api/v1/triggered-items');
    expectNoneOf(page.body.data, [ctx.bItemId], 'GET /api/v1/triggered-items');
    expect(page.body.data.map((item: { id: number }) => item.id)).toContain(ctx.aItemId);
    // B's record and B's client have no history A can read.
    for (const query of [
      `record_kind=session&record_id=${ctx.recordsB.ids.session}`,
      `client_id=${ctx.recordsB.ids.client}`,
    ]) {
      const filtered = await caller.send('GET', `/api/v1/triggered-items?${query}`);
      expectStatus(filtered, 200, `GET /api/v1/triggered-items?${query}`);
      expect(filtered.body.data).toEqual([]);
    }
  });
  get(
    '/api/v1/items/:id',
    (caller) => expectHidden(caller, 'GET', '/api/v1/items/:id', ctx.bItemId),
    ctx.bItemId,
  );
  get(
    '/api/v1/items/:id/preview',
    (caller) => expectHidden(caller, 'GET', '/api/v1/items/:id/preview', ctx.bItemId),
    ctx.bItemId,
  );
  get('/api/v1/communications', async (caller) => {
    const page = await caller.send('GET', '/api/v1/communications?limit=500');
    expectStatus(page, 200, 'GET /api/v1/communications');
    const ids = page.body.data.map((c: { id: number }) => c.id);
    if (ids.length === 0) return;
    const owners = await loose(ctx.db)
      .selectFrom('communications')
      .select('studio_id')
      .where('id', 'in', ids)
      .execute();
    expect(owners.every((o) => Number(o.studio_id) === ctx.a.studio.id)).toBe(true);
  });
  get(
    '/api/v1/deliveries/:id',
    (caller) => expectHidden(caller, 'GET', '/api/v1/deliveries/:id', ctx.bDeliveryId),
    ctx.bDeliveryId,
  );
  for (const action of ['retry', 'cancel']) {
    add(`POST /api/v1/deliveries/:id/${action}`, async (caller) => {
      await expectHidden(caller, 'POST', `/api/v1/deliveries/:id/${action}`, ctx.bDeliveryId);
      const row = await loose(ctx.db)
        .selectFrom('deliveries')
        .select('state')
        .where('id', '=', ctx.bDeliveryId)
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('failed');
    });
  }
  for (const action of ['process', 'skip', 'delete']) {
    add(`POST /api/v1/queue/${action}`, async (caller) => {
      const byId = await caller.send('POST', `/api/v1/queue/${action}`, { item_ids: [ctx.bItemId] });
      expectStatus(byId, 200, `POST /api/v1/queue/${action} with B's item`);
      expect(byId.body.unchanged).toEqual([ctx.bItemId]);
      const byTrigger = await caller.send('POST', `/api/v1/queue/${action}`, {
        trigger_id: ctx.recordsB.triggerId,
      });
      expectStatus(byTrigger, 200, `POST /api/v1/queue/${action} with B's trigger`);
      expect(Object.values(byTrigger.body).flat()).toEqual([]);
    });
  }

  get('/api/v1/control-center/runs', async (caller) => {
    const runs = await caller.send('GET', '/api/v1/control-center/runs?limit=500');
    expectStatus(runs, 200, 'GET /api/v1/control-center/runs');
    const ids = runs.body.data.map((run: { id: number }) => run.id);
    if (ids.length === 0) return;
    const owners = await loose(ctx.db)
      .selectFrom('control_center_runs')
      .select('studio_id')
      .where('id', 'in', ids)
      .execute();
    expect(new Set(owners.map((o) => o.studio_id))).toEqual(new Set([ctx.a.studio.id]));
  });
  get('/api/v1/clock', async (caller) => {
    const clockNow = await caller.send('GET', '/api/v1/clock');
    expectStatus(clockNow, 200, 'GET /api/v1/clock');
    expect(clockNow.body.is_sandbox).toBe(ctx.a.studio.is_sandbox === 1);
  });
  add('POST /api/v1/clock/advance', async (caller) => {
    // A is a real studio: it has no test clock to move, and B's cannot be reached from A.
    const moved = await caller.send('POST', '/api/v1/clock/advance', { to: '2099-01-01T00:00:00Z' });
    expectStatus(moved, 409, 'POST /api/v1/clock/advance');
    const b = await ctx.db
      .selectFrom('studios')
      .select('test_clock_at')
      .where('id', '=', ctx.b.studio.id)
      .executeTakeFirst();
    expect(b?.test_clock_at).toBeNull();
  });

  get('/api/v1/studio', async (caller) => {
    const studio = await caller.send('GET', '/api/v1/studio');
    expectStatus(studio, 200, 'GET /api/v1/studio');
    expect(studio.body.id).toBe(ctx.a.studio.id);
    const named = await caller.send('GET', '/api/v1/studio', undefined, {
      'x-studio-id': `${ctx.b.studio.id}`,
    });
    expectStatus(named, 403, 'GET /api/v1/studio with X-Studio-Id of B');
  });
  add('PATCH /api/v1/studio', async (caller) => {
    const changed = await caller.send('PATCH', '/api/v1/studio', { sender_name: `A ${caller.via}` });
    expectStatus(changed, 200, 'PATCH /api/v1/studio');
    expect(changed.body.id).toBe(ctx.a.studio.id);
    const named = await caller.send(
      'PATCH',
      '/api/v1/studio',
      { sender_name: 'Mallory' },
      {
        'x-studio-id': `${ctx.b.studio.id}`,
      },
    );
    expectStatus(named, 403, 'PATCH /api/v1/studio with X-Studio-Id of B');
  });

  addTriggerChecks(ctx, add, get);

  const bStaffId = ctx.bMemberIds[ctx.bMemberIds.length - 1] as number;
  get('/api/v1/users', async (caller) => {
    const list = await caller.send('GET', '/api/v1/users');
    expectStatus(list, 200, 'GET /api/v1/users');
    expectNoneOf(list.body.data, ctx.bMemberIds, 'GET /api/v1/users');
  });
  get('/api/v1/users/:id', (caller) => expectHidden(caller, 'GET', '/api/v1/users/:id', bStaffId), bStaffId);
  add('POST /api/v1/users', async (caller) => {
    const added = await caller.send('POST', '/api/v1/users', {
      email: `new-${caller.via}@example.com`,
      name: 'New',
      department_id: ctx.recordsB.ids.department,
    });
    expectStatus(added, 400, "POST /api/v1/users with B's department");
    expect(added.body.details.map((d: { path: string }) => d.path)).toEqual(['department_id']);
  });
  add('PATCH /api/v1/users/:id', async (caller) => {
    await expectHidden(caller, 'PATCH', '/api/v1/users/:id', bStaffId, { role: 'admin' });
    const intoB = await caller.send('PATCH', `/api/v1/users/${ctx.a.ownerId}`, {
      department_id: ctx.recordsB.ids.department,
    });
    expectStatus(intoB, 400, "PATCH /api/v1/users with B's department");
  });
  add('DELETE /api/v1/users/:id', (caller) => expectHidden(caller, 'DELETE', '/api/v1/users/:id', bStaffId));

  get('/api/v1/tokens', async (caller) => {
    const list = await caller.send('GET', '/api/v1/tokens');
    expectStatus(list, 200, 'GET /api/v1/tokens');
    expectNoneOf(list.body.data, ctx.bTokenIds, 'GET /api/v1/tokens');
  });
  add('POST /api/v1/tokens', async (caller) => {
    const created = await caller.send('POST', '/api/v1/tokens', { name: `made by ${caller.via}` });
    expectStatus(created, 201, 'POST /api/v1/tokens');
    expect(created.body.user_id).toBe(ctx.a.ownerId);
  });
  add('DELETE /api/v1/tokens/:id', (caller) =>
    expectHidden(caller, 'DELETE', '/api/v1/tokens/:id', ctx.bTokenIds[0] as number),
  );

  add('POST /api/v1/auth/login', async (caller) => {
    const login = await caller.send('POST', '/api/v1/auth/login', {
      email: ctx.aOwnerEmail,
      password: ctx.password,
      studio_id: ctx.b.studio.id,
    });
    const nowhere = await caller.send('POST', '/api/v1/auth/login', {
      email: ctx.aOwnerEmail,
      password: ctx.password,
      studio_id: MISSING,
    });
    expectStatus(login, 404, "POST /api/v1/auth/login into B's studio");
    expect(login.body.message.replace(String(ctx.b.studio.id), '#')).toBe(
      nowhere.body.message.replace(String(MISSING), '#'),
    );
  });
  add('POST /api/v1/auth/logout', async (caller) => {
    if (caller.via === 'token') {
      expectStatus(
        await caller.send('POST', '/api/v1/auth/logout'),
        403,
        'POST /api/v1/auth/logout by token',
      );
      return;
    }
    // A throwaway session signs out; B's sessions (in the snapshot) and ours stay.
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ctx.aOwnerEmail, password: ctx.password },
    });
    const cookie = login.cookies.find((c) => c.name === 'tf_session')?.value as string;
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { tf_session: cookie },
      headers: { 'x-csrf-token': JSON.parse(login.body).csrf_token },
    });
    expect(out.statusCode).toBe(204);
    expectStatus(await caller.send('GET', '/api/v1/auth/me'), 200, 'our session after another signed out');
  });
  get('/api/v1/auth/me', async (caller) => {
    const me = await caller.send('GET', '/api/v1/auth/me');
    expectStatus(me, 200, 'GET /api/v1/auth/me');
    expect(me.body.studio.id).toBe(ctx.a.studio.id);
    expect(me.body.studios.map((s: { id: number }) => s.id)).toEqual([ctx.a.studio.id]);
  });
  add('PUT /api/v1/auth/studio', async (caller) => {
    const into = await caller.send('PUT', '/api/v1/auth/studio', { studio_id: ctx.b.studio.id });
    if (caller.via === 'token') return expectStatus(into, 403, 'PUT /api/v1/auth/studio by token');
    const nowhere = await caller.send('PUT', '/api/v1/auth/studio', { studio_id: MISSING });
    expectStatus(into, 404, "PUT /api/v1/auth/studio into B's studio");
    expect(into.body.message.replace(String(ctx.b.studio.id), '#')).toBe(
      nowhere.body.message.replace(String(MISSING), '#'),
    );
    expect((await caller.send('GET', '/api/v1/auth/me')).body.studio.id).toBe(ctx.a.studio.id);
  });
  add('PUT /api/v1/auth/password', async (caller) => {
    const changed = await caller.send('PUT', '/api/v1/auth/password', {
      current_password: 'not the password',
      new_password: 'something else entirely',
    });
    expectStatus(changed, caller.via === 'token' ? 403 : 400, 'PUT /api/v1/auth/password');
  });

  templateChecks(ctx, add, get);
  deliveryChecks(ctx, add, get);
  webFormPageChecks(ctx, add, get, bNames);
  inboundSmsChecks(ctx, add);
  emailEventChecks(ctx, add, get);

  // Studio-less routes: they must not mention B at all.
  const studioless: Check = async (caller) => {
    for (const path of ['/api/v1/health', '/api/v1/openapi.json']) {
      const answer = await caller.send('GET', path);
      expectStatus(answer, 200, `GET ${path}`);
      for (const name of bNames) expect(answer.text).not.toContain(name);
    }
  };
  get('/api/v1/health', studioless);
  get('/api/v1/openapi.json', studioless);
  return matrix;
}

/**
 * Public web form pages: the token or key is the credential, so a signed-in caller gets nothing
 * more. B's form and B's template (which has no contact-us page) read exactly like an address that
 * exists nowhere, name no studio, and a post to them changes nothing of B's.
 */
function webFormPageChecks(ctx: IsolationContext, add: Add, get: Get, bNames: string[]): void {
  const secretOf = async (table: string, column: string) =>
    String(
      (
        await loose(ctx.db)
          .selectFrom(table)
          .select(column)
          .where('id', '=', ctx.recordsB.ids[table === 'web_forms' ? 'web_form' : 'web_form_template'])
          .executeTakeFirstOrThrow()
      )[column],
    );
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  for (const [path, table, column] of [
    ['/forms/:token', 'web_forms', 'token'],
    ['/f/contact/:publicKey', 'web_form_templates', 'public_key'],
  ] as const) {
    const pages = async (caller: Caller, method: Method) => {
      const url = path.replace(/:\w+$/, '');
      const nowhere = await caller.send(
        method,
        `${url}${'Z'.repeat(43)}`,
        method === 'POST' ? 'wishes=x' : undefined,
        form,
      );
      const ofB = await caller.send(
        method,
        `${url}${await secretOf(table, column)}`,
        method === 'POST' ? 'wishes=x' : undefined,
        form,
      );
      expectStatus(ofB, 404, `${method} ${path} of B`);
      expect(ofB.text).toBe(nowhere.text);
      for (const name of bNames) expect(ofB.text).not.toContain(name);
    };
    get(path, (caller) => pages(caller, 'GET'));
    add(`POST ${path}`, (caller) => pages(caller, 'POST'));
  }
}

type Add = (key: string, check: Check) => void;
type Get = (path: string, check: Check, bId?: number) => void;

/** Triggers: B's trigger is unreachable by id, absent from lists, and B's ids are refused in bodies. */
function addTriggerChecks(ctx: IsolationContext, add: Add, get: Get): void {
  const base = '/api/v1/triggers';
  const bId = ctx.recordsB.triggerId;
  const bBody = triggerSample(ctx.recordsB);
  const bRefs = ['filter_status_id', 'filter_type_id', 'then_status_id'];
  get('/api/v1/trigger-types', async (caller) => {
    const answer = await caller.send('GET', '/api/v1/trigger-types');
    expectStatus(answer, 200, 'GET /api/v1/trigger-types');
    expect(answer.text).not.toContain(ctx.b.studio.name);
  });
  get(base, async (caller) => {
    const list = await caller.send('GET', `${base}?limit=500`);
    expectStatus(list, 200, `GET ${base}`);
    expectNoneOf(list.body.data, [bId], `GET ${base}`);
    expect(list.body.data.map((row: { id: number }) => row.id)).toContain(ctx.recordsA.triggerId);
    for (const param of ['filter_status_id', 'filter_type_id']) {
      const filtered = await caller.send('GET', `${base}?${param}=${String(bBody[param])}`);
      expectStatus(filtered, 200, `GET ${base}?${param}=B`);
      expect(filtered.body.data, `GET ${base}?${param}=B`).toEqual([]);
    }
  });
  add(`POST ${base}`, async (caller) => {
    const created = await caller.send('POST', base, bBody);
    expectStatus(created, 400, `POST ${base} naming B's rows`);
    expect(created.body.details.map((d: { path: string }) => d.path).sort()).toEqual([...bRefs].sort());
  });
  get(`${base}/:id`, (caller) => expectHidden(caller, 'GET', `${base}/:id`, bId), bId);
  add(`PATCH ${base}/:id`, async (caller) => {
    await expectHidden(caller, 'PATCH', `${base}/:id`, bId, { name: 'Mine' });
    const refBody = Object.fromEntries(bRefs.map((name) => [name, bBody[name]]));
    const changed = await caller.send('PATCH', `${base}/${ctx.recordsA.triggerId}`, refBody);
    expectStatus(changed, 400, `PATCH ${base}/:id naming B's rows`);
  });
  add(`DELETE ${base}/:id`, (caller) => expectHidden(caller, 'DELETE', `${base}/:id`, bId));
  for (const verb of ['copy', 'activate', 'deactivate']) {
    add(`POST ${base}/:id/${verb}`, (caller) => expectHidden(caller, 'POST', `${base}/:id/${verb}`, bId));
  }
  addInsightChecks(ctx, add, get);
}

/**
 * Explain and forecast: A cannot explain B's trigger, nor its own trigger for B's record (404 as
 * for ids that exist nowhere), and A's forecast names none of B's triggers or records.
 */
function addInsightChecks(ctx: IsolationContext, add: Add, get: Get): void {
  const aSession = ctx.recordsA.ids.session;
  const explain = `/api/v1/triggers/:id/explain?record_id=${aSession}`;
  add('GET /api/v1/triggers/:id/explain', async (caller) => {
    await expectHidden(caller, 'GET', explain, ctx.recordsB.triggerId);
    const own = `/api/v1/triggers/${ctx.recordsA.triggerId}/explain?record_id=`;
    expectStatus(await caller.send('GET', `${own}${aSession}`), 200, `GET ${own}<A's session>`);
    const hidden = await caller.send('GET', `${own}${ctx.recordsB.ids.session}`);
    const missing = await caller.send('GET', `${own}${MISSING}`);
    expectStatus(hidden, 404, `GET ${own}<B's session>`);
    expectStatus(missing, 404, `GET ${own}<missing>`);
    expect(hidden.body.message.replaceAll(String(ctx.recordsB.ids.session), '#')).toBe(
      missing.body.message.replaceAll(String(MISSING), '#'),
    );
  });
  add('HEAD /api/v1/triggers/:id/explain', (caller) =>
    expectHidden(caller, 'HEAD', explain, ctx.recordsB.triggerId),
  );
  get('/api/v1/forecast', async (caller) => {
    const answer = await caller.send('GET', '/api/v1/forecast?days=90');
    expectStatus(answer, 200, 'GET /api/v1/forecast');
    const triggers = answer.body.triggers.map((t: { trigger_id: number }) => t.trigger_id);
    expect(triggers).toContain(ctx.recordsA.triggerId);
    expect(triggers).not.toContain(ctx.recordsB.triggerId);
    const perDay = answer.body.by_day.flatMap((d: { triggers: { trigger_id: number }[] }) =>
      d.triggers.map((t) => t.trigger_id),
    );
    expect(perDay).not.toContain(ctx.recordsB.triggerId);
    const bIds: Record<string, number | undefined> = ctx.recordsB.ids;
    const leaked = answer.body.items.filter(
      (i: { trigger_id: number; record_kind: string; record_id: number }) =>
        i.trigger_id === ctx.recordsB.triggerId || bIds[i.record_kind] === i.record_id,
    );
    expect(leaked).toEqual([]);
    const hidden = await caller.send('GET', `/api/v1/forecast?trigger_id=${ctx.recordsB.triggerId}`);
    const missing = await caller.send('GET', `/api/v1/forecast?trigger_id=${MISSING}`);
    expectStatus(hidden, 404, "GET /api/v1/forecast?trigger_id=<B's>");
    expectStatus(missing, 404, 'GET /api/v1/forecast?trigger_id=<missing>');
  });
}

/**
 * Templates: B's cannot be read, changed, deleted or previewed, and A's cannot be previewed
 * against B's record (404 as for a record that does not exist).
 */
function templateChecks(
  ctx: IsolationContext,
  add: (key: string, check: Check) => void,
  get: (path: string, check: Check, bId?: number) => void,
): void {
  const base = '/api/v1/templates';
  const bId = ctx.bTemplateId;
  const bSession = ctx.recordsB.ids.session;
  const aSession = ctx.recordsA.ids.session;
  get(base, async (caller) => {
    const list = await caller.send('GET', base);
    expectStatus(list, 200, `GET ${base}`);
    expectNoneOf(list.body.data, [bId], `GET ${base}`);
    expect(list.body.data.map((t: { id: number }) => t.id)).toContain(ctx.aTemplateId);
  });
  add(`POST ${base}`, async (caller) => {
    const body = { name: `made by ${caller.via}`, channel: 'sms', basis: 'client', body_text: 'Hi' };
    expectStatus(await caller.send('POST', base, body), 201, `POST ${base}`);
  });
  get(`${base}/:id`, (caller) => expectHidden(caller, 'GET', `${base}/:id`, bId), bId);
  add(`PATCH ${base}/:id`, (caller) =>
    expectHidden(caller, 'PATCH', `${base}/:id`, bId, { name: 'Mallory' }),
  );
  add(`DELETE ${base}/:id`, (caller) => expectHidden(caller, 'DELETE', `${base}/:id`, bId));
  add(`POST ${base}/:id/preview`, async (caller) => {
    await expectHidden(caller, 'POST', `${base}/:id/preview`, bId, { record_id: aSession });
    const url = `${base}/${ctx.aTemplateId}/preview`;
    const own = await caller.send('POST', url, { record_id: aSession });
    expectStatus(own, 200, `POST ${url} with A's session`);
    const hidden = await caller.send('POST', url, { record_id: bSession });
    const missing = await caller.send('POST', url, { record_id: MISSING });
    expectStatus(hidden, 404, `POST ${url} with B's session`);
    expect(hidden.body.message.replace(String(bSession), '#')).toBe(
      missing.body.message.replace(String(MISSING), '#'),
    );
  });
  add(`POST ${base}/preview`, async (caller) => {
    const draft = { channel: 'sms', basis: 'session', body_text: '{{ client.first_name }}' };
    const hidden = await caller.send('POST', `${base}/preview`, { ...draft, record_id: bSession });
    expectStatus(hidden, 404, `POST ${base}/preview with B's session`);
    expect(hidden.text).not.toContain('Ada');
  });
  get('/api/v1/merge-fields', async (caller) => {
    const answer = await caller.send('GET', '/api/v1/merge-fields?basis=session');
    expectStatus(answer, 200, 'GET /api/v1/merge-fields');
    for (const name of [ctx.b.studio.name]) expect(answer.text).not.toContain(name);
  });
}

/**
 * Print batches, the call list, task actions and reward redemptions: B's batch, call, task and
 * reward answer 404, lists hold none of B's rows (not even filtered by B's user), and A's task
 * cannot be handed to B's staff.
 */
function deliveryChecks(ctx: IsolationContext, add: Add, get: Get): void {
  const listsNone = (path: string, bIds: number[], aId: number) => async (caller: Caller) => {
    const list = await caller.send('GET', path);
    expectStatus(list, 200, `GET ${path}`);
    expectNoneOf(list.body.data, bIds, `GET ${path}`);
    expect(list.body.data.map((row: { id: number }) => row.id)).toContain(aId);
  };
  const hidden = (method: Method, path: string, bId: number, body?: unknown) => (caller: Caller) =>
    expectHidden(caller, method, path, bId, body);
  get('/api/v1/print-batches', listsNone('/api/v1/print-batches?state=open', [ctx.bBatchId], ctx.aBatchId));
  for (const path of ['/api/v1/print-batches/:id', '/api/v1/print-batches/:id/pdf'])
    get(path, hidden('GET', path, ctx.bBatchId), ctx.bBatchId);
  add(
    'POST /api/v1/print-batches/:id/print',
    hidden('POST', '/api/v1/print-batches/:id/print', ctx.bBatchId),
  );

  const bUser = ctx.b.ownerId;
  get('/api/v1/calls', async (caller) => {
    await listsNone('/api/v1/calls', [ctx.bCallId], ctx.aCallId)(caller);
    const byBUser = await caller.send('GET', `/api/v1/calls?assigned_user_id=${bUser}`);
    expectStatus(byBUser, 200, "GET /api/v1/calls?assigned_user_id=<B's user>");
    expect(byBUser.body.data).toEqual([]);
  });
  get('/api/v1/calls/:id', hidden('GET', '/api/v1/calls/:id', ctx.bCallId), ctx.bCallId);
  add(
    'POST /api/v1/calls/:id/outcome',
    hidden('POST', '/api/v1/calls/:id/outcome', ctx.bCallId, { outcome: 'reached' }),
  );

  const bTask = ctx.recordsB.ids.task;
  add('POST /api/v1/tasks/:id/complete', hidden('POST', '/api/v1/tasks/:id/complete', bTask, {}));
  add('POST /api/v1/tasks/:id/reassign', async (caller) => {
    await expectHidden(caller, 'POST', '/api/v1/tasks/:id/reassign', bTask, { assigned_user_id: null });
    const url = `/api/v1/tasks/${ctx.recordsA.ids.task}/reassign`;
    const intoB = await caller.send('POST', url, {
      assigned_user_id: bUser,
      department_id: ctx.recordsB.ids.department,
    });
    expectStatus(intoB, 400, `POST ${url} to B's staff and department`);
    expect(intoB.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'assigned_user_id',
      'department_id',
    ]);
  });
  get('/api/v1/tasks/:id/events', hidden('GET', '/api/v1/tasks/:id/events', bTask), bTask);

  const bReward = ctx.recordsB.ids.loyalty_reward;
  const redemptions = '/api/v1/loyalty-rewards/:id/redemptions';
  add(`POST ${redemptions}`, hidden('POST', redemptions, bReward, { amount_cents: 1 }));
  get(redemptions, hidden('GET', redemptions, bReward), bReward);

  const bComm = ctx.bAttachment.communicationId;
  get('/api/v1/communications/:id', hidden('GET', '/api/v1/communications/:id', bComm), bComm);
  for (const method of ['GET', 'HEAD'] as const) {
    add(`${method} /api/v1/communications/:id/attachments/:attachmentId`, async (caller) => {
      // B's attachment of B's communication, and B's attachment under one of A's communications.
      for (const comm of [bComm, ctx.aCallId]) {
        const path = `/api/v1/communications/${comm}/attachments/:id`;
        await expectHidden(caller, method, path, ctx.bAttachment.id);
      }
    });
  }
}

/**
 * Inbound SMS: B's inbound message is hidden from A's inbox, its thread and its read/reply actions,
 * and stays unread. The Twilio webhooks take no staff credentials instead of a signature: A's owner
 * posting to them unsigned is refused and changes nothing.
 */
function inboundSmsChecks(ctx: IsolationContext, add: Add): void {
  const bNumber = B_SMS_SENDER;
  const bMessage = async () => ctx.bInboundSmsId;
  const unread = async () => {
    const row = await loose(ctx.db)
      .selectFrom('communications')
      .select('read_at')
      .where('id', '=', ctx.bInboundSmsId)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  };
  for (const method of ['GET', 'HEAD'] as const) {
    add(`${method} /api/v1/messages`, async (caller) => {
      const id = await bMessage();
      const answer = await caller.send(method, '/api/v1/messages?limit=500');
      expectStatus(answer, 200, `${method} /api/v1/messages`);
      if (method === 'GET') expectNoneOf(answer.body.data, [id], 'GET /api/v1/messages');
      expect(answer.text).not.toContain(bNumber);
    });
    add(`${method} /api/v1/messages/threads`, async (caller) => {
      await bMessage();
      const answer = await caller.send(method, '/api/v1/messages/threads');
      expectStatus(answer, 200, `${method} /api/v1/messages/threads`);
      expect(answer.text).not.toContain(bNumber);
    });
    add(`${method} /api/v1/messages/:id`, async (caller) =>
      expectHidden(caller, method, '/api/v1/messages/:id', await bMessage()),
    );
  }
  for (const verb of ['read', 'unread', 'reply']) {
    add(`POST /api/v1/messages/:id/${verb}`, async (caller) => {
      const body = verb === 'reply' ? { text: 'hello' } : undefined;
      await expectHidden(caller, 'POST', `/api/v1/messages/:id/${verb}`, await bMessage(), body);
      await unread();
    });
  }
  for (const path of ['/api/v1/webhooks/twilio/sms', '/api/v1/webhooks/twilio/status']) {
    add(`POST ${path}`, async (caller) => {
      const before = await loose(ctx.db).selectFrom('communications').select('id').execute();
      const answer = await caller.send('POST', path, undefined, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect([400, 403]).toContain(answer.status);
      expect(await loose(ctx.db).selectFrom('communications').select('id').execute()).toHaveLength(
        before.length,
      );
    });
  }
}

/**
 * Email events and unsubscribe links: A's block list holds none of B's blocks and cannot lift one;
 * the public webhooks (off here: no secret set) and unsubscribe links (a forged token for B's
 * email) change nothing of B's.
 */
function emailEventChecks(ctx: IsolationContext, add: Add, get: Get): void {
  const bAddress = 'blocked-in-b@example.com';
  const bId = ctx.bEmailBlockId;
  get('/api/v1/email-blocks', async (caller) => {
    for (const path of [
      '/api/v1/email-blocks?include_lifted=true&limit=500',
      `/api/v1/email-blocks?address=${bAddress}`,
    ]) {
      const list = await caller.send('GET', path);
      expectStatus(list, 200, `GET ${path}`);
      expectNoneOf(list.body.data, [bId], `GET ${path}`);
    }
  });
  add('POST /api/v1/email-blocks/:id/lift', async (caller) => {
    await expectHidden(caller, 'POST', '/api/v1/email-blocks/:id/lift', bId, {});
  });
  for (const path of ['/api/v1/webhooks/email-events', '/api/v1/webhooks/sendgrid/events']) {
    add(`POST ${path}`, async (caller) => {
      const answer = await caller.send('POST', path, [
        { event: 'bounced', communication_id: ctx.bAttachment.communicationId },
      ]);
      expectStatus(answer, 403, `POST ${path} (the webhook is off without its secret)`);
    });
  }
  const forged = `/u/${ctx.b.studio.id}.${ctx.recordsB.ids.client}.email.${ctx.bAttachment.communicationId}.${'A'.repeat(43)}`;
  for (const method of ['GET', 'HEAD', 'POST'] as const) {
    add(`${method} /u/:token`, async (caller) => {
      const answer = await caller.send(
        method,
        forged,
        method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined,
        {
          'content-type': 'text/plain',
        },
      );
      expectStatus(answer, 404, `${method} /u/<forged token for B>`);
      if (method !== 'HEAD') expect(answer.text).not.toContain(ctx.b.studio.name);
    });
  }
}

/**
 * The documentation UI (@fastify/swagger-ui) adds its own routes under /api/docs: static files and
 * the OpenAPI document, never studio data. They are covered by this prefix rule rather than one
 * by one, because the plugin decides their names.
 */
export function docsCheck(key: string, ctx: IsolationContext): Check | undefined {
  const [method, path] = key.split(' ') as [Method, string];
  if (!path.startsWith('/api/docs')) return undefined;
  return async (caller) => {
    const answer = await caller.send(method, path.replace('*', 'index.html'));
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toContain(ctx.b.studio.name);
  };
}

/**
 * The staff web app's routes (`/` and its hashed files under /assets/) serve the built app, the same
 * files to everyone and never studio data; like the docs, they are covered by a rule, since the
 * static plugin names its routes.
 */
export function webAppCheck(key: string, ctx: IsolationContext): Check | undefined {
  const [method, path] = key.split(' ') as [Method, string];
  if (path !== '/' && !path.startsWith('/assets/')) return undefined;
  return async (caller) => {
    const answer = await caller.send(method, path.replace('*', 'missing-0000.js'));
    // 503 is `/` on a checkout where the app was never built.
    expect([200, 404, 503]).toContain(answer.status);
    expect(answer.text).not.toContain(ctx.b.studio.name);
  };
}
