import { beforeAll, expect, it } from 'vitest';
import { forEachDialect } from '../support/dialects.js';
import { processingStudio, type ProcessingStudio } from '../support/processing-fixture.js';

forEachDialect('task actions', (store) => {
  let s: ProcessingStudio;
  let done: number;
  const task = async (subject: string) =>
    (
      await s.api.create('/tasks', {
        task_type_id: s.catalogs.taskType,
        subject,
        status_id: s.catalogs.taskOpen,
        assigned_user_id: s.fixture.userIds.staff,
      })
    ).id as number;

  beforeAll(async () => {
    // 23:30 in New York is already the next day in UTC: completion uses the studio's date.
    s = await processingStudio(store(), {}, '2026-11-03T04:30:00Z');
    done = (await s.api.create('/statuses', { kind: 'task', name: 'Done', is_final: true })).id;
  });

  it("completes a task on the studio's date, in the final status, with the note kept as an event", async () => {
    const id = await task('Print proofs');
    const completed = await s.api.post(`/tasks/${id}/complete`, { note: 'Proofs at the front desk' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ completed_date: '2026-11-02', status_id: done });
    const history = await s.api.read(`/tasks/${id}/status-history`);
    expect(history.data.map((h: any) => h.status_id)).toEqual([s.catalogs.taskOpen, done]);
    const events = await s.api.read(`/tasks/${id}/events`);
    expect(events.data).toEqual([
      expect.objectContaining({
        event: 'completed',
        note: 'Proofs at the front desk',
        user_id: s.fixture.userIds.admin,
      }),
    ]);
    expect((await s.api.post(`/tasks/${id}/complete`, {})).status).toBe(409);
    expect((await s.api.read(`/tasks/${id}/events`)).data).toHaveLength(1);
  });

  it('reassigns a task to a staff member and department of the studio, keeping who had it', async () => {
    const id = await task('Call the lab');
    const department = (await s.api.create('/departments', { name: 'Lab' })).id;
    const moved = await s.api.post(`/tasks/${id}/reassign`, {
      assigned_user_id: s.fixture.userIds.admin,
      department_id: department,
      note: 'Lab handles reorders',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      assigned_user_id: s.fixture.userIds.admin,
      department_id: department,
    });
    expect((await s.api.read(`/tasks/${id}/events`)).data).toEqual([
      expect.objectContaining({
        event: 'reassigned',
        from_user_id: s.fixture.userIds.staff,
        to_user_id: s.fixture.userIds.admin,
        from_department_id: null,
        to_department_id: department,
        note: 'Lab handles reorders',
      }),
    ]);
  });

  it('refuses a reassignment naming each bad field, and changes nothing', async () => {
    const id = await task('Frame order');
    const before = await s.api.read(`/tasks/${id}`);
    const bad = await s.api.post(`/tasks/${id}/reassign`, {
      assigned_user_id: 987654,
      department_id: 987654,
      note: 12,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path).sort()).toEqual([
      'assigned_user_id',
      'department_id',
      'note',
    ]);
    const empty = await s.api.post(`/tasks/${id}/reassign`, { note: 'just a note' });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([
      { path: '', problem: 'must give assigned_user_id, department_id or both' },
    ]);
    const badComplete = await s.api.post(`/tasks/${id}/complete`, { note: ['x'], when: 'now' });
    expect(badComplete.body.details.map((d: any) => d.path).sort()).toEqual(['note', 'when']);
    expect(await s.api.read(`/tasks/${id}`)).toEqual(before);
    expect((await s.api.read(`/tasks/${id}/events`)).data).toEqual([]);
    expect((await s.api.post('/tasks/987654/complete', {})).status).toBe(404);
  });
});
