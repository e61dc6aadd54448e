import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

const phone = (number: string) => ({ number, label: 'mobile', sms_capable: true });

forEachDialect('call list', (store) => {
  let s: ProcessingStudio;
  const ids: Record<string, number> = {};
  const call = async (name: string, assignedUserId: number) => {
    const fired = await s.fire(
      {
        action: 'phone_call',
        action_settings: {
          call_type_id: s.catalogs.callType,
          subject: 'Call {{ client.first_name }}',
          assigned_user_id: assignedUserId,
        },
      },
      { first_name: name, phones: [phone('202-555-0101')] },
    );
    ids[name] = fired.communications[0].id;
  };
  const names = (page: any) => page.data.map((c: any) => c.subject.replace('Call ', ''));

  beforeAll(async () => {
    s = await processingStudio(store());
    // Due today, two days later and four days later (calls are due the day processing puts them on the list).
    await call('Ada', s.fixture.userIds.staff);
    await s.tick(2 * 24 * 60);
    await call('Grace', s.fixture.userIds.admin);
    await s.tick(2 * 24 * 60);
    await call('Zoë', s.fixture.userIds.staff);
  });

  it('lists open calls by due date, filtered by assignee and due date', async () => {
    const all = await s.api.read('/calls');
    expect(names(all)).toEqual(['Ada', 'Grace', 'Zoë']);
    expect(all.data.map((c: any) => c.due_date)).toEqual(['2026-11-02', '2026-11-04', '2026-11-06']);
    expect(names(await s.api.read(`/calls?assigned_user_id=${s.fixture.userIds.staff}`))).toEqual([
      'Ada',
      'Zoë',
    ]);
    expect(names(await s.api.read('/calls?due_by=2026-11-04'))).toEqual(['Ada', 'Grace']);
    expect((await s.api.read('/calls?state=done')).data).toEqual([]);
  });

  it('keeps the call open on no answer or a message left, completes it when reached; every attempt is kept', async () => {
    const url = `/calls/${ids.Ada}/outcome`;
    const first = await s.api.post(url, { outcome: 'no_answer' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'no_answer', outcome_note: null, completed_at: null });
    await s.tick(60);
    await s.api.post(url, { outcome: 'left_message', note: 'Voicemail, will call back' });
    expect(names(await s.api.read('/calls'))).toContain('Ada');
    await s.tick(60);
    const reached = await s.api.post(url, { outcome: 'reached', note: 'Booked the family session' });
    expect(reached.body).toMatchObject({
      outcome: 'reached',
      outcome_note: 'Booked the family session',
      completed_at: s.now().toISOString(),
    });
    const history = await s.api.read(`/calls/${ids.Ada}`);
    expect(history.outcomes.map((o: any) => [o.outcome, o.note])).toEqual([
      ['no_answer', null],
      ['left_message', 'Voicemail, will call back'],
      ['reached', 'Booked the family session'],
    ]);
    expect(history.outcomes.every((o: any) => o.user_id === s.fixture.userIds.admin)).toBe(true);
    expect(names(await s.api.read('/calls'))).toEqual(['Grace', 'Zoë']);
    expect(names(await s.api.read('/calls?state=done'))).toEqual(['Ada']);
  });

  it('completes a call on a wrong number, and takes no further attempt on a completed call', async () => {
    await s.api.post(`/calls/${ids.Grace}/outcome`, { outcome: 'wrong_number' });
    expect(names(await s.api.read('/calls?state=done'))).toEqual(['Ada', 'Grace']);
    const late = await s.api.post(`/calls/${ids.Grace}/outcome`, { outcome: 'reached' });
    expect(late.status).toBe(409);
    expect((await s.api.read(`/calls/${ids.Grace}`)).outcomes).toHaveLength(1);
  });

  it('refuses a bad outcome or query naming the field, and changes nothing', async () => {
    const bad = await s.api.post(`/calls/${ids.Zoë}/outcome`, { outcome: 'busy', note: 7, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path).sort()).toEqual(['extra', 'note', 'outcome']);
    expect(await s.api.read(`/calls/${ids.Zoë}`)).toMatchObject({ outcome: null, outcomes: [] });
    const query = await s.api.get('/calls?state=later&due_by=soon&assigned_user_id=x');
    expect(query.status).toBe(400);
    expect(query.body.details.map((d: any) => d.path).sort()).toEqual([
      'assigned_user_id',
      'due_by',
      'state',
    ]);
    expect((await s.api.get('/calls/987654')).status).toBe(404);
  });
});
