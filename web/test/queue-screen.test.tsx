import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loose } from '../../src/store/record-table.js';
import { signIn, signOut } from '../src/api/auth-api';
import { QueueScreen } from '../src/screens/queue/queue-screen';
import { loadSession } from '../src/session/load-session';
import { SessionContext, type Session } from '../src/session/session-context';
import { startTestStudio } from './test-studio';

/**
 * The Process Triggers screen against a real server: a sandbox studio whose items are made the
 * real way (a trigger on new clients, clients added, the test clock moved on so the Control Center
 * queues them), then worked through the screen.
 */
describe('Process Triggers', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;
  let welcome: number;
  let now = new Date('2026-03-06T15:00:00Z');

  const signInAgain = async () => {
    const caller = await signIn(studio.api, studio.email, studio.password);
    const loaded = await loadSession(studio.api, caller);
    if (!loaded) throw new Error('not signed in');
    session = { api: studio.api, ...loaded, switchStudio: async () => {}, signOut: async () => {} };
  };
  const tick = async () => {
    now = new Date(now.getTime() + 60_000);
    await studio.api.post('/clock/advance', { to: now.toISOString() });
  };
  const post = <T,>(path: string, body: unknown) => studio.api.post<T & { id: number }>(path, body);
  const pending = async (triggerId: number) =>
    (await studio.api.get<{ data: unknown[] }>('/queue/items', { trigger_id: triggerId })).data.length;

  beforeAll(async () => {
    studio = await startTestStudio();
    // A sandbox, so the test clock can bring the triggers' dates on.
    await loose(studio.store.db)
      .updateTable('studios')
      .set({ is_sandbox: 1, sender_name: 'Lumen Studio', sender_email: 'hello@lumen.test' })
      .where('id', '=', studio.fixture.studio.id)
      .execute();
    await signInAgain();
  });
  afterAll(() => studio.close());

  const renderQueue = (path = '/queue') =>
    render(
      <MantineProvider>
        <MemoryRouter initialEntries={[path]}>
          <SessionContext.Provider value={session}>
            <QueueScreen />
          </SessionContext.Provider>
        </MemoryRouter>
      </MantineProvider>,
    );

  const itemRows = () =>
    within(screen.getByRole('table', { name: 'Pending items' }))
      .getAllByRole('row')
      .slice(1);

  it('says what to do next when nothing is waiting', async () => {
    renderQueue();
    expect(await screen.findByText('Nothing is waiting to be processed')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Triggers' })).toBeTruthy();
    expect(screen.getByText(/advance its test clock/)).toBeTruthy();
  });

  it('groups the pending items by trigger, with counts and trigger dates in the studio zone', async () => {
    const template = await post('/templates', {
      name: 'Welcome email',
      channel: 'email',
      basis: 'client',
      subject: 'Welcome, {{ client.first_name }}',
      body_html: '<p>Hello {{ client.first_name }} from {{ studio.name }}</p>',
      body_text: 'Hello {{ client.first_name }} from {{ studio.name }}',
    });
    const made = async (name: string) =>
      (
        await post('/triggers', {
          name,
          trigger_type: 'client_status',
          date_option: 'created',
          processing: 'manual',
          action: 'email',
          action_settings: { email_template_id: template.id },
        })
      ).id;
    welcome = await made('Welcome email');
    await made('Studio tour invitation');
    await tick();
    for (const first_name of ['Ada', 'Zoë', 'Grace']) {
      await post('/clients', {
        first_name,
        last_name: 'Lovelace',
        emails: [{ address: `${first_name.toLowerCase()}@example.com`, label: 'home', is_primary: true }],
      });
    }
    await tick();

    renderQueue();
    const groups = await screen.findByRole('table', { name: 'Pending items by trigger' });
    const rows = within(groups).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      [
        'Studio tour invitation',
        'Email',
        '3',
        expect.stringMatching(/Mar 6, 2026, 10:01 AM/),
        expect.anything(),
      ],
      ['Welcome email', 'Email', '3', expect.stringMatching(/Mar 6, 2026, 10:01 AM/), expect.anything()],
    ]);
    expect(screen.getByRole('columnheader', { name: 'Oldest trigger date (America/New_York)' })).toBeTruthy();
    expect(screen.getByText('6 items pending in all')).toBeTruthy();
    await waitFor(() => expect(itemRows()).toHaveLength(6));
  });

  it('opens an item with its record and the email it would send, rendered', async () => {
    renderQueue(`/queue?trigger_id=${welcome}`);
    await waitFor(() => expect(itemRows()).toHaveLength(3));
    expect(screen.getByRole('heading', { name: 'Items of “Welcome email”' })).toBeTruthy();
    await userEvent.click(
      within(itemRows()[0]!).getByRole('button', { name: /^Open Ada Lovelace \(Client #\d+\)/ }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'Welcome email' });
    expect(
      await within(drawer).findByRole('heading', { name: /^Ada Lovelace \(Client #\d+\)$/ }),
    ).toBeTruthy();
    expect(within(drawer).getByText('Email to ada@example.com')).toBeTruthy();
    expect(within(drawer).getByText('Welcome, Ada')).toBeTruthy();
    const frame = within(drawer).getByTitle('Email as it would be sent') as HTMLIFrameElement;
    expect(frame.getAttribute('srcdoc')).toContain('Hello Ada from');
    expect(frame.getAttribute('sandbox')).toBe('');
  });

  it('skips the ticked items after a confirmation that states the count', async () => {
    renderQueue(`/queue?trigger_id=${welcome}`);
    await waitFor(() => expect(itemRows()).toHaveLength(3));
    await userEvent.click(within(itemRows()[0]!).getByRole('checkbox'));
    await userEvent.click(within(itemRows()[1]!).getByRole('checkbox'));
    expect(screen.getByText('2 items selected')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Skip the selected items' }));
    const ask = await screen.findByRole('dialog', { name: 'Skip 2 items you selected?' });
    expect(await pending(welcome)).toBe(3);
    await userEvent.click(within(ask).getByRole('button', { name: 'Skip 2 items' }));
    expect(await screen.findByText('2 items skipped.')).toBeTruthy();
    expect(await pending(welcome)).toBe(1);
    await waitFor(() => expect(itemRows()).toHaveLength(1));
  });

  it('shows a refusal of the server in the dialog and changes nothing', async () => {
    renderQueue();
    await waitFor(() => expect(itemRows()).toHaveLength(4));
    await userEvent.click(screen.getByRole('button', { name: 'Delete every pending item' }));
    const ask = await screen.findByRole('dialog', { name: 'Delete 4 items of every trigger?' });
    await signOut(studio.api);
    await userEvent.click(within(ask).getByRole('button', { name: 'Delete 4 items' }));
    const alert = await within(ask).findByRole('alert');
    expect(alert.textContent).toMatch(/could not be deleted/);
    await signInAgain();
    expect((await studio.api.get<{ data: unknown[] }>('/queue/items')).data).toHaveLength(4);
  });

  it('processes a whole trigger and reports each item’s fate', async () => {
    renderQueue();
    const groups = await screen.findByRole('table', { name: 'Pending items by trigger' });
    await userEvent.click(
      within(groups).getByRole('button', { name: 'Process all of Studio tour invitation' }),
    );
    const ask = await screen.findByRole('dialog', { name: 'Process 3 items of “Studio tour invitation”?' });
    await userEvent.click(within(ask).getByRole('button', { name: 'Process 3 items' }));
    expect(await screen.findByText('3 items processed.')).toBeTruthy();
    const sent = await studio.api.get<{ data: { to_address: string }[] }>('/communications');
    expect(sent.data.map((c) => c.to_address).sort()).toEqual([
      'ada@example.com',
      'grace@example.com',
      'zoë@example.com',
    ]);
    await waitFor(() => expect(itemRows()).toHaveLength(1));
  });

  it('names a session in its opened item by its client and description, as its row does', async () => {
    const sessionType = await post('/types', { kind: 'session', name: 'Family' });
    const taskType = await post('/types', { kind: 'task', name: 'Follow-up' });
    const followUp = await post('/triggers', {
      name: 'Booking follow-up',
      trigger_type: 'session_type',
      filter_type_id: sessionType.id,
      date_option: 'booked_date',
      processing: 'manual',
      action: 'task',
      action_settings: { task_type_id: taskType.id, subject: 'Thank them for booking' },
    });
    await tick();
    const ada = (await studio.api.get<{ data: { id: number }[] }>('/clients', { q: 'Ada' })).data[0]!;
    const booked = await post('/sessions', {
      client_id: ada.id,
      session_type_id: sessionType.id,
      start: '2026-04-02T15:00:00Z',
      description: 'Family portrait',
    });
    await tick();
    renderQueue(`/queue?trigger_id=${followUp.id}`);
    await waitFor(() => expect(itemRows()).toHaveLength(1));
    const name = `Ada Lovelace · Family portrait (Session #${booked.id})`;
    expect(within(itemRows()[0]!).getByText(name)).toBeTruthy();
    await userEvent.click(
      within(itemRows()[0]!).getByRole('button', { name: `Open ${name} (Booking follow-up)` }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'Booking follow-up' });
    expect(within(drawer).getByRole('heading', { name })).toBeTruthy();
    // The record's name opens the record's own page.
    expect(within(drawer).getByRole('link', { name }).getAttribute('href')).toBe(
      `/records/sessions/${booked.id}`,
    );
  });
});
