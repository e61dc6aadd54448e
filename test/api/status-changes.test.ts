import { expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { useStudioApi } from '../support/studio-api.js';

const HOUR = 3_600_000;

forEachDialect('records API: status changes and history', (store) => {
  // Friday 6 March 2026, 10:00 in New York.
  const ctx = useStudioApi(store, '2026-03-06T15:00:00Z');

  const setup = async () => {
    const { owner, samples } = ctx();
    const booked = await owner.create('/statuses', { kind: 'session', name: 'Booked', duration_days: 3 });
    const shot = await owner.create('/statuses', { kind: 'session', name: 'Shot', duration_days: 0 });
    const open = await owner.create('/statuses', { kind: 'session', name: 'Open-ended' });
    const session = await samples.create('session', { status_id: booked.id });
    return { booked, shot, open, session };
  };
  const history = async (id: number) => (await ctx().owner.read(`/sessions/${id}/status-history`)).data;
  const change = (id: number, body: unknown) => ctx().owner.post(`/sessions/${id}/status`, body);

  it('closes the open history row and opens a new one, with the acting user and the due date', async () => {
    const { clock, studio } = ctx();
    const { booked, shot, session } = await setup();
    const entered = clock.now().toISOString();
    expect(session).toMatchObject({ status_id: booked.id, status_due_date: '2026-03-11' });
    clock.advance(HOUR);
    const moved = await change(session.id, { status_id: shot.id, note: 'Shoot done' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status_id: shot.id, status_due_date: '2026-03-06' });
    expect(await history(session.id)).toEqual([
      {
        id: expect.any(Number),
        status_id: booked.id,
        status_name: 'Booked',
        entered_at: entered,
        due_date: '2026-03-11',
        left_at: clock.now().toISOString(),
        user_id: studio.ownerId,
        note: null,
      },
      {
        id: expect.any(Number),
        status_id: shot.id,
        status_name: 'Shot',
        entered_at: clock.now().toISOString(),
        due_date: '2026-03-06',
        left_at: null,
        user_id: studio.ownerId,
        note: 'Shoot done',
      },
    ]);
  });

  it('starts a new stay, with a new history row, when the record enters the status it is in', async () => {
    const { clock } = ctx();
    const { booked, session } = await setup();
    clock.advance(HOUR);
    await change(session.id, { status_id: booked.id });
    const rows = await history(session.id);
    expect(rows.map((r: any) => [r.status_id, r.left_at])).toEqual([
      [booked.id, clock.now().toISOString()],
      [booked.id, null],
    ]);
    expect(rows[0].id).not.toBe(rows[1].id);
  });

  it('takes a due date given with the change instead of the computed one, and null for none', async () => {
    const { booked, shot, session } = await setup();
    const given = await change(session.id, { status_id: shot.id, due_date: '2026-04-01' });
    expect(given.body.status_due_date).toBe('2026-04-01');
    expect((await history(session.id)).at(-1).due_date).toBe('2026-04-01');
    const none = await change(session.id, { status_id: booked.id, due_date: null });
    expect(none.body.status_due_date).toBeNull();
    expect((await history(session.id)).at(-1).due_date).toBeNull();
  });

  it('gives no due date for a status without a duration', async () => {
    const { open, session } = await setup();
    expect((await change(session.id, { status_id: open.id })).body.status_due_date).toBeNull();
  });

  it('leaves the status with status_id null: the stay is closed and no new one opens', async () => {
    const { clock } = ctx();
    const { session } = await setup();
    clock.advance(HOUR);
    const left = await change(session.id, { status_id: null });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status_id: null, status_due_date: null });
    expect((await history(session.id)).map((r: any) => r.left_at)).toEqual([clock.now().toISOString()]);
    // Leaving again changes nothing in the history.
    expect((await change(session.id, { status_id: null })).status).toBe(200);
    expect(await history(session.id)).toHaveLength(1);
  });

  it('writes history for a status set by PATCH, and none for a PATCH that repeats the current status', async () => {
    const { owner } = ctx();
    const { booked, shot, session } = await setup();
    await owner.patch(`/sessions/${session.id}`, { status_id: shot.id });
    expect((await history(session.id)).map((r: any) => r.status_id)).toEqual([booked.id, shot.id]);
    await owner.patch(`/sessions/${session.id}`, { status_id: shot.id, notes: 'same status' });
    expect(await history(session.id)).toHaveLength(2);
  });

  it('counts the due date in the business days of the studio work week', async () => {
    const { owner } = ctx();
    const { session } = await setup();
    const oneDay = await owner.create('/statuses', { kind: 'session', name: 'Next day', duration_days: 1 });
    expect((await change(session.id, { status_id: oneDay.id })).body.status_due_date).toBe('2026-03-09');
    expect((await owner.patch('/studio', { work_week: [2, 3, 4, 5, 6] })).status).toBe(200);
    try {
      // Friday + 1 in a Tuesday–Saturday week is Saturday.
      expect((await change(session.id, { status_id: oneDay.id })).body.status_due_date).toBe('2026-03-07');
    } finally {
      await owner.patch('/studio', { work_week: [1, 2, 3, 4, 5] });
    }
  });

  it('reports every problem of a status change at once and changes nothing', async () => {
    const { session } = await setup();
    const before = await history(session.id);
    const response = await change(session.id, { due_date: '2026-02-30', note: 5, colour: 'red' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'status_id', problem: 'is required (null leaves the status)' },
        { path: 'due_date', problem: 'must be a date written YYYY-MM-DD' },
        { path: 'note', problem: 'must be text' },
        { path: 'colour', problem: 'is not a field of a status change' },
      ]),
    );
    expect(response.body.details).toHaveLength(4);
    const dueWithoutStatus = await change(session.id, { status_id: null, due_date: '2026-04-01' });
    expect(dueWithoutStatus.body.details.map((d: any) => d.path)).toEqual(['due_date']);
    expect(await history(session.id)).toEqual(before);
  });
});
