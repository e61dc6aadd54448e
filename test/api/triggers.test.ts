import { beforeAll, describe, expect, it } from 'vitest';
import { TRIGGER_TYPES, TRIGGER_TYPE_NAMES } from '../../src/domain/triggers/trigger-types.js';
import { apiClient } from '../support/api-client.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';
import { makeTriggerCatalogs, minimalTrigger, type TriggerCatalogs } from '../support/trigger-fixtures.js';

const MINUTE = 60_000;

forEachDialect('triggers', (store) => {
  const ctx = useStudioApi(store);
  let cat: TriggerCatalogs;
  beforeAll(async () => {
    cat = await makeTriggerCatalogs(ctx().owner);
  });
  const now = () => ctx().clock.now().toISOString();

  it('creates each of the 14 trigger types with each of its date options', async () => {
    expect(TRIGGER_TYPE_NAMES).toHaveLength(14);
    for (const name of TRIGGER_TYPE_NAMES) {
      for (const option of Object.keys(TRIGGER_TYPES[name].dateOptions)) {
        const answer = await ctx().owner.post('/triggers', minimalTrigger(cat, name, option));
        expect(answer.status, `${name} ${option}: ${JSON.stringify(answer.body)}`).toBe(201);
        expect(answer.body).toMatchObject({
          trigger_type: name,
          date_option: option,
          record_kind: TRIGGER_TYPES[name].recordKind,
          is_active: true,
          baseline_at: now(),
        });
      }
    }
  });

  it('lists the registry for UIs: types with filters, labelled date options, exclusions and actions', async () => {
    const types = await ctx().staff.read('/trigger-types');
    expect(types.types.map((t: { name: string }) => t.name)).toEqual([...TRIGGER_TYPE_NAMES]);
    const session = types.types.find((t: { name: string }) => t.name === 'session_status');
    expect(session.date_options).toContainEqual({
      name: 'session_start',
      label: 'Session start',
      anchor: 'field',
      offset_when: ['on', 'before', 'after'],
    });
    const keyword = types.types.find((t: { name: string }) => t.name === 'sms_keyword');
    expect(keyword.date_options).toEqual([
      { name: 'received', label: 'Received', anchor: 'event', offset_when: ['on', 'after'] },
    ]);
    expect(session.exclusions).toContain('nps_range');
    const confirmation = types.actions.find((a: { name: string }) => a.name === 'sms_confirmation');
    expect(confirmation.required_settings).toEqual(['sms_text']);
  });

  it('documents every trigger route in the OpenAPI document with its operationId', async () => {
    const doc = (await ctx().app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const ids = (path: string) =>
      Object.values(doc.paths[path])
        .map((op: any) => op.operationId)
        .sort();
    expect(ids('/api/v1/triggers')).toEqual(['createTrigger', 'listTriggers']);
    expect(ids('/api/v1/triggers/{id}')).toEqual(['deleteTrigger', 'getTrigger', 'updateTrigger']);
    expect(ids('/api/v1/triggers/{id}/copy')).toEqual(['copyTrigger']);
    expect(ids('/api/v1/triggers/{id}/activate')).toEqual(['activateTrigger']);
    expect(ids('/api/v1/triggers/{id}/deactivate')).toEqual(['deactivateTrigger']);
    expect(ids('/api/v1/trigger-types')).toEqual(['listTriggerTypes']);
  });

  it('reads, changes and deletes a trigger', async () => {
    const { baseline, ...made } = await ctx().owner.create(
      '/triggers',
      minimalTrigger(cat, 'invoice_status'),
    );
    expect(baseline).toEqual({ baselined: 0, due_next_30_days: 0 });
    expect(await ctx().staff.read(`/triggers/${made.id}`)).toEqual(made);
    const changed = await ctx().owner.patch(`/triggers/${made.id}`, {
      name: 'Invoice overdue',
      processing: 'automatic',
    });
    expect(changed.body).toMatchObject({ name: 'Invoice overdue', processing: 'automatic' });
    expect((await ctx().owner.delete(`/triggers/${made.id}`)).status).toBe(204);
    expect((await ctx().owner.get(`/triggers/${made.id}`)).status).toBe(404);
  });

  it('copies a trigger as an inactive "Copy of …" with the same settings and no baseline', async () => {
    const made = await ctx().owner.create('/triggers', {
      ...minimalTrigger(cat, 'session_type', 'session_start'),
      name: 'Reminder',
      offset: { when: 'before', amount: 2, unit: 'days' },
      exclusions: { canceled: true },
    });
    const copy = await ctx().owner.post(`/triggers/${made.id}/copy`);
    expect(copy.status).toBe(201);
    const { id, name, is_active, baseline_at, created_at, updated_at, ...rest } = copy.body;
    expect({ name, is_active, baseline_at }).toEqual({
      name: 'Copy of Reminder',
      is_active: false,
      baseline_at: null,
    });
    expect(id).not.toBe(made.id);
    const own = ['id', 'name', 'is_active', 'baseline_at', 'baseline', 'created_at', 'updated_at'];
    const settingsOf = (t: object) => Object.fromEntries(Object.entries(t).filter(([k]) => !own.includes(k)));
    expect(rest).toEqual(settingsOf(made));
    expect(rest.offset).toEqual(made.offset);
    expect(rest.exclusions).toEqual({ canceled: true });
    expect([created_at, updated_at]).toEqual([now(), now()]);
  });

  describe('baseline', () => {
    it('moves on create, re-activation and a change of type, filter, date option or offset; not otherwise', async () => {
      const api = ctx().owner;
      const made = await api.create('/triggers', minimalTrigger(cat, 'session_status', 'session_start'));
      expect(made.baseline_at).toBe(now());
      const created = made.baseline_at;
      const baselineAfter = async (change: object) => {
        ctx().clock.advance(MINUTE);
        const answer = await api.patch(`/triggers/${made.id}`, change);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return answer.body.baseline_at;
      };
      expect(await baselineAfter({ name: 'Renamed' })).toBe(created);
      expect(
        await baselineAfter({ action_settings: { task_type_id: cat.types.task, subject: 'Other' } }),
      ).toBe(created);
      expect(await baselineAfter({ exclusions: { on_hold: true }, processing: 'automatic' })).toBe(created);
      expect(await baselineAfter({ date_option: 'session_end' })).toBe(now());
      expect(await baselineAfter({ offset: { when: 'after', amount: 3, unit: 'hours' } })).toBe(now());
      expect(await baselineAfter({ filter_status_id: cat.statuses.session })).toBe(now());
      expect(await baselineAfter({ filter_type_id: cat.types.session })).toBe(now());

      ctx().clock.advance(MINUTE);
      const kept = (await api.read(`/triggers/${made.id}`)).baseline_at;
      const off = await api.post(`/triggers/${made.id}/deactivate`);
      expect(off.body).toMatchObject({ is_active: false, baseline_at: kept });
      ctx().clock.advance(MINUTE);
      expect((await api.patch(`/triggers/${made.id}`, { date_option: 'booked_date' })).body.baseline_at).toBe(
        kept,
      );
      ctx().clock.advance(MINUTE);
      const on = await api.post(`/triggers/${made.id}/activate`);
      expect(on.body).toMatchObject({ is_active: true, baseline_at: now() });
    });

    it('moves when the trigger type, email event or keyword changes', async () => {
      const api = ctx().owner;
      const made = await api.create('/triggers', minimalTrigger(cat, 'sms_keyword'));
      ctx().clock.advance(MINUTE);
      expect((await api.patch(`/triggers/${made.id}`, { keyword: 'mini2' })).body).toMatchObject({
        keyword: 'MINI2',
        baseline_at: now(),
      });
      ctx().clock.advance(MINUTE);
      const typed = await api.patch(`/triggers/${made.id}`, {
        trigger_type: 'email_records',
        keyword: null,
        email_event: 'clicked',
        date_option: 'event_time',
      });
      expect(typed.body).toMatchObject({ trigger_type: 'email_records', baseline_at: now() });
      ctx().clock.advance(MINUTE);
      expect((await api.patch(`/triggers/${made.id}`, { email_event: 'opened' })).body.baseline_at).toBe(
        now(),
      );
    });

    it('leaves a trigger untouched, updated_at included, when a change changes nothing', async () => {
      const { baseline, ...made } = await ctx().owner.create(
        '/triggers',
        minimalTrigger(cat, 'loyalty_reward'),
      );
      ctx().clock.advance(MINUTE);
      // No baseline moved, so no counts; activating an active trigger counts again what it covers.
      expect((await ctx().owner.patch(`/triggers/${made.id}`, { name: made.name })).body).toEqual(made);
      expect((await ctx().owner.post(`/triggers/${made.id}/activate`)).body).toEqual({ ...made, baseline });
    });

    it('gives a trigger created inactive no baseline until it is activated', async () => {
      const made = await ctx().owner.create('/triggers', {
        ...minimalTrigger(cat, 'web_form_status'),
        is_active: false,
      });
      expect(made.baseline_at).toBeNull();
      ctx().clock.advance(MINUTE);
      expect((await ctx().owner.post(`/triggers/${made.id}/activate`)).body.baseline_at).toBe(now());
    });
  });
});

forEachDialect('trigger list', (store) => {
  const ctx = useStudioApi(store);
  let cat: TriggerCatalogs;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    cat = await makeTriggerCatalogs(ctx().owner);
    const make = async (key: string, body: object) =>
      (ids[key] = (await ctx().owner.create('/triggers', body)).id);
    await make('byStatus', {
      ...minimalTrigger(cat, 'session_status'),
      name: 'Booked thanks',
      filter_status_id: cat.statuses.session,
    });
    await make('byType', {
      ...minimalTrigger(cat, 'session_status'),
      name: 'Portrait prep',
      filter_type_id: cat.types.session,
    });
    await make('task', { ...minimalTrigger(cat, 'task_status'), name: 'Task overdue' });
    await make('off', { ...minimalTrigger(cat, 'client_status'), name: 'Birthday card', is_active: false });
  });
  const names = async (query: string) =>
    (await ctx().staff.read(`/triggers?${query}`)).data.map((t: { id: number }) => t.id).sort();

  it('filters by trigger type, sub-type, the status or type itself, activity and name', async () => {
    expect(await names('trigger_type=session_status')).toEqual([ids.byStatus, ids.byType].sort());
    expect(await names('trigger_type=session_status&sub_type=status')).toEqual([ids.byStatus]);
    expect(await names('sub_type=type')).toEqual([ids.byType, ids.task].sort());
    expect(await names(`filter_status_id=${cat.statuses.session}`)).toEqual([ids.byStatus]);
    expect(await names(`filter_type_id=${cat.types.task}`)).toEqual([ids.task]);
    expect(await names('is_active=false')).toEqual([ids.off]);
    expect(await names('q=PREP')).toEqual([ids.byType]);
  });

  it('pages by name with a cursor', async () => {
    const first = await ctx().staff.read('/triggers?limit=3');
    expect(first.data.map((t: { name: string }) => t.name)).toEqual([
      'Birthday card',
      'Booked thanks',
      'Portrait prep',
    ]);
    const second = await ctx().staff.read(`/triggers?limit=3&cursor=${first.next_cursor}`);
    expect(second.data.map((t: { name: string }) => t.name)).toEqual(['Task overdue']);
    expect(second.next_cursor).toBeNull();
  });

  it('refuses unknown and malformed list parameters, all at once', async () => {
    const answer = await ctx().staff.get(
      `/triggers?sub_type=kind&is_active=maybe&colour=red&limit=0&cursor=zzz&q=${'x'.repeat(201)}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['colour', 'cursor', 'is_active', 'limit', 'q', 'sub_type'].sort(),
    );
  });

  it('lets staff read triggers but gives them 403 on every change, and changes nothing', async () => {
    const id = ids.byStatus as number;
    const before = await ctx().owner.read(`/triggers/${id}`);
    const staff = ctx().staff;
    const attempts = [
      await staff.post('/triggers', minimalTrigger(cat, 'loyalty_reward')),
      await staff.patch(`/triggers/${id}`, { name: 'Mine' }),
      await staff.delete(`/triggers/${id}`),
      await staff.post(`/triggers/${id}/copy`),
      await staff.post(`/triggers/${id}/activate`),
      await staff.post(`/triggers/${id}/deactivate`),
    ];
    expect(attempts.map((a) => [a.status, a.body.code])).toEqual(Array(6).fill([403, 'ERR_FORBIDDEN']));
    expect(await ctx().owner.read(`/triggers/${id}`)).toEqual(before);
    expect(await names('')).toHaveLength(4);
    const admin = apiClient(ctx().app, ctx().studio.tokens.admin);
    expect((await admin.patch(`/triggers/${id}`, { name: 'Booked, thank you' })).status).toBe(200);
  });
});
