import { beforeAll, expect, it } from 'vitest';
import { countRows } from '../support/record-snapshot.js';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';
import {
  insertTemplate,
  makeTriggerCatalogs,
  minimalTrigger,
  type TriggerCatalogs,
} from '../support/trigger-fixtures.js';

forEachDialect('trigger validation against the studio', (store) => {
  const ctx = useStudioApi(store);
  let cat: TriggerCatalogs;
  let otherStudioStatus: number;

  beforeAll(async () => {
    cat = await makeTriggerCatalogs(ctx().owner);
    otherStudioStatus = (await ctx().other.owner.create('/statuses', { kind: 'session', name: 'Theirs' })).id;
  });

  const post = (body: unknown) => ctx().owner.post('/triggers', body);
  const details = async (body: unknown) => {
    const answer = await post(body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.code).toBe('ERR_VALIDATION');
    return answer.body.details as { path: string; problem: string }[];
  };

  it('refuses a filter status of another record kind', async () => {
    const body = { ...minimalTrigger(cat, 'session_status'), filter_status_id: cat.statuses.client };
    expect(await details(body)).toEqual([
      {
        path: 'filter_status_id',
        problem: expect.stringMatching(/a client status; this trigger is about sessions/),
      },
    ]);
  });

  it('refuses a status outside the chosen type’s scope', async () => {
    const portrait = await ctx().samples.type('session', 'Portrait scope');
    const wedding = await ctx().samples.type('session', 'Wedding scope');
    const proofs = await ctx().owner.create('/statuses', {
      kind: 'session',
      name: 'Wedding proofs',
      scope_type_id: wedding.id,
    });
    const body = {
      ...minimalTrigger(cat, 'session_status'),
      filter_type_id: portrait.id,
      filter_status_id: proofs.id,
    };
    expect((await details(body)).map((d) => d.path)).toEqual(['filter_status_id']);
    const fits = await post({ ...body, filter_type_id: wedding.id });
    expect(fits.status).toBe(201);
  });

  it('refuses a filter type of the wrong catalog and a call type that is not a phone call type', async () => {
    const body = {
      ...minimalTrigger(cat, 'session_type'),
      filter_type_id: cat.types.task,
      action: 'phone_call',
      action_settings: { call_type_id: cat.types.session },
    };
    expect((await details(body)).map((d) => d.path)).toEqual([
      'filter_type_id',
      'action_settings.call_type_id',
    ]);
  });

  it('refuses an exclusion that does not apply, an empty time frame and an offset out of range, by path', async () => {
    const body = {
      ...minimalTrigger(cat, 'client_status', 'created'),
      exclusions: { on_hold: true },
      time_frame: { from: '09:00', to: '09:00', blocked_weekdays: [] },
      offset: { when: 'before', amount: 9999, unit: 'hours' },
    };
    expect((await details(body)).map((d) => d.path)).toEqual([
      'offset.amount',
      'exclusions.on_hold',
      'time_frame.to',
    ]);
  });

  it('refuses a template of the wrong record basis, the wrong channel, or another studio', async () => {
    const sessionSms = await insertTemplate(store().db, ctx().studio.studio.id, 'sms', 'session');
    const invoiceEmail = await insertTemplate(store().db, ctx().studio.studio.id, 'email', 'invoice');
    const theirLetter = await insertTemplate(store().db, ctx().other.studio.studio.id, 'letter', 'invoice');
    const body = {
      ...minimalTrigger(cat, 'invoice_status'),
      action: 'sms',
      action_settings: { sms_template_id: sessionSms },
    };
    expect(await details(body)).toEqual([
      {
        path: 'action_settings.sms_template_id',
        problem: 'is a template based on sessions; this trigger is about invoices',
      },
    ]);
    const wrong = await details({
      ...body,
      action: 'email_or_letter',
      action_settings: { email_template_id: sessionSms, letter_template_id: theirLetter },
    });
    expect(wrong).toEqual([
      { path: 'action_settings.email_template_id', problem: 'is a sms template, not an email template' },
      {
        path: 'action_settings.letter_template_id',
        problem: `refers to template ${theirLetter}, which does not exist`,
      },
    ]);
    const good = await post({
      ...body,
      action: 'email',
      action_settings: { email_template_id: invoiceEmail },
    });
    expect(good.status).toBe(201);
  });

  it('reports another studio’s ids exactly like missing ones', async () => {
    const theirs = await details({
      ...minimalTrigger(cat, 'session_status'),
      filter_status_id: otherStudioStatus,
    });
    const missing = await details({ ...minimalTrigger(cat, 'session_status'), filter_status_id: 987654 });
    expect(theirs[0]?.problem.replace(String(otherStudioStatus), '#')).toBe(
      missing[0]?.problem.replace('987654', '#'),
    );
  });

  it('checks Send To relationships, referral programs, users and departments of the studio', async () => {
    const template = await insertTemplate(store().db, ctx().studio.studio.id, 'email', 'client');
    const body = {
      ...minimalTrigger(cat, 'client_status', 'birthday'),
      action: 'email',
      action_settings: {
        email_template_id: template,
        send_to: { to: 'family_member', relationship_id: 987654 },
        referral: { program_id: 987654, when_enrolled: 'keep' },
      },
    };
    expect((await details(body)).map((d) => d.path)).toEqual([
      'action_settings.send_to.relationship_id',
      'action_settings.referral.program_id',
    ]);
    const task = {
      ...minimalTrigger(cat, 'task_type'),
      action_settings: {
        task_type_id: cat.types.task,
        subject: 'Hi',
        assigned_user_id: 987654,
        department_id: 987654,
      },
    };
    expect((await details(task)).map((d) => d.path)).toEqual([
      'action_settings.department_id',
      'action_settings.assigned_user_id',
    ]);
  });

  it('reports field problems and database problems of one body together', async () => {
    const body = {
      ...minimalTrigger(cat, 'session_status'),
      name: '',
      filter_status_id: cat.statuses.invoice,
      filter_type_id: 'portrait',
      then_status_id: 1e20,
      offset: { when: 'after', amount: 0, unit: 'days' },
    };
    expect((await details(body)).map((d) => d.path)).toEqual([
      'name',
      'offset.amount',
      'filter_type_id',
      'then_status_id',
      'filter_status_id',
    ]);
  });

  it('changes nothing when a create or a change is refused', async () => {
    const before = await countRows(store().db, 'triggers');
    await details({ ...minimalTrigger(cat, 'session_status'), filter_status_id: cat.statuses.client });
    expect(await countRows(store().db, 'triggers')).toBe(before);
    const { baseline: _counts, ...made } = await ctx().owner.create(
      '/triggers',
      minimalTrigger(cat, 'session_status'),
    );
    ctx().clock.advance(60_000);
    const refused = await ctx().owner.patch(`/triggers/${made.id}`, {
      name: 'Renamed',
      date_option: 'session_end',
      filter_status_id: cat.statuses.task,
    });
    expect(refused.status).toBe(400);
    expect(await ctx().owner.read(`/triggers/${made.id}`)).toEqual(made);
  });

  it('judges a change together with the rest of the trigger', async () => {
    const made = await ctx().owner.create('/triggers', minimalTrigger(cat, 'task_status'));
    const typeChange = await ctx().owner.patch(`/triggers/${made.id}`, { trigger_type: 'client_status' });
    // status_entered is a Client Status date option too; the task type and status are not.
    expect(typeChange.body.details.map((d: { path: string }) => d.path)).toEqual([
      'filter_type_id',
      'filter_status_id',
    ]);
    const unknown = await ctx().owner.patch(`/triggers/${made.id}`, { id: 5, colour: 'red' });
    expect(unknown.body.details.map((d: { path: string }) => d.path)).toEqual(['id', 'colour']);
  });
});
