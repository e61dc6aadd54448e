import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import type { Store } from '../../src/store/database.js';
import { apiClient, type ApiClient } from './api-client.js';
import { makeServer, makeStudio, type StudioFixture } from './studio-fixture.js';

/**
 * A sandbox studio for processing tests, driven through the API the way staff and integrations
 * drive it: catalogs and templates, then `fire` makes a trigger, a client that meets it, lets the
 * test clock run the Control Center, and processes the item from the queue.
 */
export interface ProcessingStudio {
  app: FastifyInstance;
  api: ApiClient;
  fixture: StudioFixture;
  catalogs: {
    relationship: number;
    callType: number;
    taskType: number;
    taskOpen: number;
    clientVip: number;
    formTemplate: number;
    formOpen: number;
    programA: number;
    programB: number;
  };
  templates: { email: number; sms: number; letter: number };
  /** Moves the test clock `minutes` forward and runs the Control Center there. */
  tick(minutes?: number): Promise<any>;
  /** Moves the test clock to `to`, running the Control Center at every step on the way. */
  advanceTo(to: string, stepMinutes?: number): Promise<any>;
  now(): Date;
  /**
   * A trigger (on new clients unless it says otherwise) with this action, a client that meets it
   * (and a record of the client, for triggers on other kinds), and the item processed from the queue.
   */
  fire(
    trigger: Record<string, unknown>,
    client: Record<string, unknown>,
    record?: RecordToMake,
  ): Promise<Fired>;
  /** The same without processing: the item stays pending. */
  queue(
    trigger: Record<string, unknown>,
    client: Record<string, unknown>,
    record?: RecordToMake,
  ): Promise<Queued>;
}

/** A record of the client for the trigger to fire on, e.g. `{ path: '/sessions', body: {...} }`. */
export interface RecordToMake {
  path: string;
  body: Record<string, unknown>;
}

export interface Queued {
  triggerId: number;
  clientId: number;
  /** The record the item is about: the client, or the record made for it. */
  recordId: number;
  itemId: number;
}

export interface Fired extends Queued {
  processed: any;
  item: any;
  communications: any[];
}

export async function processingStudio(
  store: Store,
  settings: Record<string, unknown> = {},
  start = '2026-11-02T15:00:00Z',
  /** The server's environment, e.g. TWILIO_AUTH_TOKEN for the inbound SMS webhook. */
  env: Record<string, string> = {},
): Promise<ProcessingStudio> {
  const clock = new ManualClock(start);
  const app = await makeServer(store, clock, env);
  const fixture = await makeStudio(store, clock, {
    is_sandbox: true,
    sender_name: 'Lumen Studio',
    sender_email: 'hello@lumen.test',
    sms_from_number: '+12025550100',
    ...settings,
  });
  const api = apiClient(app, fixture.tokens.admin);
  const id = async (path: string, body: unknown) => (await api.create(path, body)).id as number;
  const taskType = await id('/types', { kind: 'task', name: 'Follow-up' });
  const formTemplate = await id('/web-form-templates', {
    name: 'Questionnaire',
    basis: 'client',
    title: 'Before your session',
  });
  const catalogs = {
    relationship: await id('/relationships', { name: 'Child' }),
    callType: await id('/types', { kind: 'phone_call', name: 'Courtesy call' }),
    taskType,
    taskOpen: await id('/statuses', { kind: 'task', name: 'Open', is_initial: true }),
    clientVip: await id('/statuses', { kind: 'client', name: 'VIP' }),
    formTemplate,
    formOpen: await id('/statuses', { kind: 'web_form', name: 'Sent', is_initial: true }),
    programA: await id('/referral-programs', {
      name: 'Friends',
      is_active: true,
      referrer_reward_cents: 1000,
      referred_reward_cents: 500,
    }),
    programB: await id('/referral-programs', {
      name: 'Family',
      is_active: true,
      referrer_reward_cents: 2000,
      referred_reward_cents: 500,
    }),
  };
  const templates = {
    email: await id('/templates', {
      name: 'Welcome email',
      channel: 'email',
      basis: 'client',
      subject: 'Welcome, {{ client.first_name }}',
      body_html: '<p>Hello {{ client.first_name }} from {{ studio.name }}</p>',
      body_text: 'Hello {{ client.first_name }} from {{ studio.name }}',
    }),
    sms: await id('/templates', {
      name: 'Welcome SMS',
      channel: 'sms',
      basis: 'client',
      body_text: 'Hi {{ client.first_name }}, welcome to {{ studio.name }}!',
    }),
    letter: await id('/templates', {
      name: 'Welcome letter',
      channel: 'letter',
      basis: 'client',
      body_text: 'Dear {{ client.first_name }}, welcome.',
    }),
  };
  let now = new Date(start);
  const advanceTo = async (to: string, stepMinutes?: number) => {
    now = new Date(to);
    const body = { to: now.toISOString(), ...(stepMinutes ? { step_minutes: stepMinutes } : {}) };
    const answer = await api.post('/clock/advance', body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const tick = (minutes = 1) => advanceTo(new Date(now.getTime() + minutes * 60_000).toISOString());
  let serial = 0;
  const queue = async (
    trigger: Record<string, unknown>,
    client: Record<string, unknown>,
    record?: RecordToMake,
  ): Promise<Queued> => {
    const made = await api.create('/triggers', {
      name: `Trigger ${++serial}`,
      trigger_type: 'client_status',
      date_option: 'created',
      processing: 'manual',
      ...trigger,
    });
    await tick();
    const clientId = (await api.create('/clients', { first_name: 'Ada', last_name: 'Lovelace', ...client }))
      .id;
    const recordId = record
      ? (await api.create(record.path, { client_id: clientId, ...record.body })).id
      : clientId;
    await tick();
    const items = await api.read(`/queue/items?trigger_id=${made.id}`);
    expect(items.data).toHaveLength(1);
    expect(items.data[0].record_id).toBe(recordId);
    return { triggerId: made.id, clientId, recordId, itemId: items.data[0].id };
  };
  const fire = async (
    trigger: Record<string, unknown>,
    client: Record<string, unknown>,
    record?: RecordToMake,
  ): Promise<Fired> => {
    const queued = await queue(trigger, client, record);
    const processed = (await api.post('/queue/process', { item_ids: [queued.itemId] })).body;
    const item = await api.read(`/items/${queued.itemId}`);
    const communications = (await api.read(`/communications?triggered_item_id=${queued.itemId}`)).data;
    return { ...queued, processed, item, communications };
  };
  return { app, api, fixture, catalogs, templates, tick, advanceTo, now: () => now, fire, queue };
}
