import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import { RECORD_KINDS } from '../../src/domain/record-kinds/index.js';
import type { Db, Store } from '../../src/store/database.js';
import { blockEmailAddress } from '../../src/store/email-blocks.js';
import { loose } from '../../src/store/record-table.js';
import { givePassword, makeAuthServer, PASSWORD, signIn, type Browser } from '../support/auth-fixture.js';
import { forEachDialect } from '../support/dialects.js';
import {
  docsCheck,
  webAppCheck,
  isolationMatrix,
  routeKeys,
  type Answer,
  type Caller,
  type IsolationContext,
  type Method,
  B_SMS_SENDER,
} from '../support/isolation-matrix.js';
import { call, makeStudio } from '../support/studio-fixture.js';
import { makeStudioRecords } from '../support/studio-records.js';
import { insertPendingItem } from '../support/trigger-rows.js';
import { insertLetterAndCall } from '../support/delivery-rows.js';
import { recordInboundSms } from '../../src/store/inbound-sms.js';

/** Every row that belongs to a studio: each table with a `studio_id`, the studio, its members' users. */
async function snapshotStudio(store: Store, studioId: number): Promise<Record<string, unknown[]>> {
  const tables = (await store.db.introspection.getTables())
    .filter((t) => store.schema === undefined || t.schema === store.schema)
    .filter((t) => t.columns.some((c) => c.name === 'studio_id'))
    .map((t) => t.name)
    .sort();
  const snapshot: Record<string, unknown[]> = {};
  const db = loose(store.db);
  for (const table of tables) {
    snapshot[table] = await db
      .selectFrom(table)
      .selectAll()
      .where('studio_id', '=', studioId)
      .orderBy('id')
      .execute();
  }
  snapshot.studios = await db.selectFrom('studios').selectAll().where('id', '=', studioId).execute();
  snapshot.users = await db
    .selectFrom('users')
    .selectAll()
    .where('id', 'in', db.selectFrom('memberships').select('user_id').where('studio_id', '=', studioId))
    .orderBy('id')
    .execute();
  return snapshot;
}

function answerOf(response: { statusCode: number; body: string; headers: Record<string, unknown> }): Answer {
  const json = String(response.headers['content-type'] ?? '').includes('json') && response.body !== '';
  return { status: response.statusCode, text: response.body, body: json ? JSON.parse(response.body) : null };
}

function tokenCaller(app: FastifyInstance, token: string): Caller {
  return {
    via: 'token',
    send: async (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      answerOf(
        await app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${token}`, ...headers },
          ...(body !== undefined ? { payload: body as object } : {}),
        }),
      ),
  };
}

function cookieCaller(app: FastifyInstance, browser: Browser): Caller {
  return {
    via: 'cookie',
    send: async (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      answerOf(
        await app.inject({
          method,
          url,
          cookies: { tf_session: browser.cookie },
          headers: { 'x-csrf-token': browser.csrf, ...headers },
          ...(body !== undefined ? { payload: body as object } : {}),
        }),
      ),
  };
}

/** A block on B's email block list, which A can neither list nor lift. */
async function bEmailBlock(db: Db, studioId: number, at: Date): Promise<number> {
  await blockEmailAddress(
    db,
    studioId,
    { address: 'blocked-in-b@example.com', reason: 'spam report', emailEventId: null },
    at,
  );
  const row = await loose(db)
    .selectFrom('email_blocks')
    .select('id')
    .where('studio_id', '=', studioId)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

forEachDialect('studio isolation', (store) => {
  const clock = new ManualClock('2026-03-06T15:00:00Z');
  const keys: string[] = [];
  let app: FastifyInstance;
  let ctx: IsolationContext;

  beforeAll(async () => {
    app = await makeAuthServer(store(), clock, {}, (route) => keys.push(...routeKeys(route)));
    await app.ready();
    const a = await makeStudio(store(), clock);
    const b = await makeStudio(store(), clock);
    const recordsB = await makeStudioRecords(app, b.tokens.owner, b.ownerId);
    const recordsA = await makeStudioRecords(app, a.tokens.owner, a.ownerId);
    const db = store().db;
    const template = {
      name: 'Reminder',
      channel: 'sms',
      basis: 'session',
      body_text: 'Hi {{ client.first_name }}',
    };
    const templateOf = async (token: string) =>
      (await call(app, token, 'POST', '/api/v1/templates', template)).body.id as number;
    const bTemplateId = await templateOf(b.tokens.owner);
    const aTemplateId = await templateOf(a.tokens.owner);
    const emailOf = async (id: number) =>
      (await db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
    await givePassword(store(), clock, a.ownerId);
    await givePassword(store(), clock, b.ownerId);
    await signIn(app, await emailOf(b.ownerId)); // B has a live session to protect, too
    const bMembers = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('studio_id', '=', b.studio.id)
      .orderBy('user_id')
      .execute();
    const bTokens = await db
      .selectFrom('api_tokens')
      .select('id')
      .where('studio_id', '=', b.studio.id)
      .execute();
    // A pending triggered item in each studio, for the queue's routes to protect.
    const itemOf = (studioId: number, records: typeof recordsA) =>
      insertPendingItem(db, studioId, records.triggerId, records.ids.session as number, clock.now());
    const bItemId = await itemOf(b.studio.id, recordsB);
    const aItemId = await itemOf(a.studio.id, recordsA);
    // A failed delivery of B's, which a retry or cancel from A must not touch.
    const at = clock.now().toISOString();
    const communication = await loose(db)
      .insertInto('communications')
      .values({
        studio_id: b.studio.id,
        channel: 'sms',
        direction: 'outbound',
        purpose: 'message',
        to_address: '+12025550100',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bFailedDelivery = await loose(db)
      .insertInto('deliveries')
      .values({
        studio_id: b.studio.id,
        communication_id: communication.id,
        provider: 'capture',
        state: 'failed',
        attempts: 1,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // An attachment of B's message, which neither its download nor the detail may hand to A.
    const bAttachment = await loose(db)
      .insertInto('communication_attachments')
      .values({
        studio_id: b.studio.id,
        communication_id: communication.id,
        kind: 'ics_invitation',
        filename: 'session-1.ics',
        content_type: 'text/calendar; charset=utf-8; method=PUBLISH',
        byte_size: 5,
        content: Buffer.from('BEGIN'),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A letter in a print batch and a call of each studio, for the print and call routes to protect.
    const deliveryOf = (studioId: number, records: typeof recordsA, userId: number) =>
      insertLetterAndCall(db, studioId, records.ids.client, userId, clock.now());
    const bDelivery = await deliveryOf(b.studio.id, recordsB, b.ownerId);
    const aDelivery = await deliveryOf(a.studio.id, recordsA, a.ownerId);
    ctx = {
      bDeliveryId: Number(bFailedDelivery.id),
      app,
      db,
      aItemId,
      bItemId,
      a,
      b,
      recordsA,
      recordsB,
      aOwnerEmail: await emailOf(a.ownerId),
      password: PASSWORD,
      bMemberIds: bMembers.map((m) => m.user_id),
      bTokenIds: bTokens.map((t) => t.id),
      aTemplateId,
      bTemplateId,
      aBatchId: aDelivery.batchId,
      bBatchId: bDelivery.batchId,
      aCallId: aDelivery.callId,
      bCallId: bDelivery.callId,
      bAttachment: { communicationId: Number(communication.id), id: Number(bAttachment.id) },
      // An unread SMS in B's Messages inbox.
      bInboundSmsId: await recordInboundSms(
        db,
        b.studio.id,
        { clientId: null, from: B_SMS_SENDER, to: '+12025550986', body: 'B private text' },
        clock.now(),
      ),
      bEmailBlockId: await bEmailBlock(db, b.studio.id, clock.now()),
    };
  });

  function checkFor(key: string) {
    return isolationMatrix(ctx).get(key) ?? docsCheck(key, ctx) ?? webAppCheck(key, ctx);
  }

  it('has an isolation check for every route the server has, and none for a route it lacks', () => {
    expect(keys.length).toBeGreaterThan(RECORD_KINDS.length * 5);
    expect(keys.filter((key) => !checkFor(key))).toEqual([]);
    expect([...isolationMatrix(ctx).keys()].filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('notices a route that has no isolation check', async () => {
    const seen: string[] = [];
    const probe = await makeAuthServer(store(), clock, {}, (route) => seen.push(...routeKeys(route)));
    probe.get('/api/v1/widgets/:id', async () => ({}));
    await probe.ready();
    expect(seen.filter((key) => !checkFor(key))).toEqual([
      'GET /api/v1/widgets/:id',
      'HEAD /api/v1/widgets/:id',
    ]);
  });

  it("gives studio B's rows of every kind, its history, members, tokens and sessions to protect", async () => {
    const snapshot = await snapshotStudio(store(), ctx.b.studio.id);
    for (const kind of RECORD_KINDS) expect(snapshot[kind.table], kind.table).not.toEqual([]);
    for (const table of ['status_history', 'memberships', 'api_tokens', 'login_sessions', 'client_phones'])
      expect(snapshot[table], table).not.toEqual([]);
    const kindsWithStatus = RECORD_KINDS.filter((k) => k.status).length;
    expect(snapshot.status_history?.length).toBe(kindsWithStatus * 2);
  });

  for (const via of ['token', 'cookie'] as const) {
    it(`with A's owner ${via === 'token' ? 'API token' : 'cookie session'}, every route answers 404 or lists none of B's rows for B's ids, and B is unchanged`, async () => {
      const caller =
        via === 'token'
          ? tokenCaller(app, ctx.a.tokens.owner)
          : cookieCaller(app, await signIn(app, ctx.aOwnerEmail));
      const before = await snapshotStudio(store(), ctx.b.studio.id);
      const failures: string[] = [];
      for (const key of keys) {
        try {
          await (checkFor(key) as (caller: Caller) => Promise<void>)(caller);
        } catch (error) {
          failures.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await snapshotStudio(store(), ctx.b.studio.id)).toEqual(before);
      // B's own credentials still work after everything A tried.
      const own = await tokenCaller(app, ctx.b.tokens.admin).send('GET', '/api/v1/studio');
      expect(own.body.id).toBe(ctx.b.studio.id);
    });
  }

  it('answers X-Studio-Id naming a studio the user is not a member of with 403, exactly as for one that does not exist', async () => {
    const browser = cookieCaller(app, await signIn(app, ctx.aOwnerEmail));
    const named = await browser.send('GET', '/api/v1/clients', undefined, {
      'x-studio-id': `${ctx.b.studio.id}`,
    });
    const nowhere = await browser.send('GET', '/api/v1/clients', undefined, { 'x-studio-id': '987654321' });
    expect(named.status).toBe(403);
    expect(named.body.code).toBe('ERR_FORBIDDEN');
    expect(named.body.message.replace(String(ctx.b.studio.id), '#')).toBe(
      nowhere.body.message.replace('987654321', '#'),
    );
    expect(named.text).not.toContain(ctx.b.studio.name);
    const garbled = await browser.send('GET', '/api/v1/clients', undefined, { 'x-studio-id': 'B' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.details[0].path).toBe('X-Studio-Id');
  });

  it('lets a member of both studios reach B with X-Studio-Id while the session stays in A', async () => {
    const { addMembership } = await import('../../src/store/users.js');
    const both = await makeStudio(store(), clock);
    await addMembership(store().db, clock, ctx.b.studio.id, both.ownerId, 'staff');
    await givePassword(store(), clock, both.ownerId);
    const email = (
      await store()
        .db.selectFrom('users')
        .select('email')
        .where('id', '=', both.ownerId)
        .executeTakeFirstOrThrow()
    ).email;
    const browser = cookieCaller(app, await signIn(app, email, PASSWORD, { studio_id: both.studio.id }));
    const inB = await browser.send('GET', '/api/v1/auth/me', undefined, {
      'x-studio-id': `${ctx.b.studio.id}`,
    });
    expect(inB.body).toMatchObject({ studio: { id: ctx.b.studio.id }, role: 'staff' });
    // Staff in B: the owner role held in the other studio does not carry over.
    const catalog = await browser.send(
      'POST',
      '/api/v1/departments',
      { name: 'X' },
      {
        'x-studio-id': `${ctx.b.studio.id}`,
      },
    );
    expect(catalog.status).toBe(403);
    const home = await browser.send('GET', '/api/v1/auth/me');
    expect(home.body).toMatchObject({ studio: { id: both.studio.id }, role: 'owner' });
  });
});
