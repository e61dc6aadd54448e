import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TasksScreen } from '../src/screens/tasks/tasks-screen';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('Tasks screen', () => {
  const owner = useOwnerStudio();

  const show = () => renderScreen(owner.session, '/tasks', <TasksScreen />);
  const rows = () =>
    within(screen.getByRole('table', { name: 'Open tasks' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((c) => c.textContent),
      );

  it('says where tasks come from when none are open', async () => {
    show();
    expect(await screen.findByText(/No open tasks\. A task is made when/)).toBeTruthy();
  });

  it('completes one task and hands another to a staff member and a department', async () => {
    const post = async (path: string, body: unknown) =>
      (await owner.studio.api.post<{ id: number }>(path, body)).id;
    const type = await post('/types', { kind: 'task', name: 'Follow-up' });
    await post('/departments', { name: 'Front desk' });
    await post('/tasks', { task_type_id: type, subject: 'Order frames', due_date: '2026-03-09' });
    const album = await post('/tasks', {
      task_type_id: type,
      subject: 'Design the album',
      due_date: '2026-03-12',
    });
    show();
    await screen.findByRole('table', { name: 'Open tasks' });
    expect(rows()).toEqual([
      ['Order frames', '2026-03-09', 'nobody', '—'],
      ['Design the album', '2026-03-12', 'nobody', '—'],
    ]);
    const albumLink = screen.getByRole('link', { name: 'Design the album' });
    expect(albumLink.getAttribute('href')).toBe(`/records/tasks/${album}`);

    await userEvent.click(screen.getByRole('button', { name: 'Complete Order frames' }));
    let dialog = await screen.findByRole('dialog', { name: 'Complete “Order frames”' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Picked up');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Complete task' }));
    await waitFor(() => expect(rows()).toHaveLength(1));

    await userEvent.click(screen.getByRole('button', { name: 'Reassign Design the album' }));
    dialog = await screen.findByRole('dialog', { name: 'Reassign “Design the album”' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Assign to' }));
    await userEvent.click(await screen.findByRole('option', { name: /^staff /, hidden: true }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Department' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Front desk', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign task' }));
    await waitFor(() => expect(rows()[0]?.[3]).toBe('Front desk'));
    expect(rows()[0]?.[2]).toMatch(/^staff /);
    const events = await owner.studio.api.get<{ data: { kind?: string; event?: string }[] }>(
      `/tasks/${album}/events`,
    );
    expect(events.data).toHaveLength(1);
  });

  it('asks the server for open tasks only, 50 at a time, and loads the rest on demand', async () => {
    const type = (await owner.studio.api.post<{ id: number }>('/types', { kind: 'task', name: 'Retouch' }))
      .id;
    const task = (subject: string, due: string, completed: string | null = null) =>
      owner.studio.api.post('/tasks', {
        task_type_id: type,
        subject,
        due_date: due,
        completed_date: completed,
      });
    // Done tasks due first: a list that filtered after reading would fill its first page with them.
    for (let n = 1; n <= 60; n += 1) await task(`Done ${n}`, '2026-01-05', '2026-01-06');
    for (let n = 1; n <= 55; n += 1) await task(`Retouch ${n}`, '2026-04-01');
    show();
    await screen.findByRole('table', { name: 'Open tasks' });
    expect(rows()).toHaveLength(50);
    expect(rows().some(([subject]) => subject?.startsWith('Done'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Load more tasks' }));
    // 55 new open tasks and the album still open from the test above.
    await waitFor(() => expect(rows()).toHaveLength(56));
    expect(screen.queryByRole('button', { name: 'Load more tasks' })).toBeNull();
  });
});
