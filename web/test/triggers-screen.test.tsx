import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrigger } from '../../src/store/triggers.js';
import { studioContextOf } from '../../src/store/studio-context.js';
import { loose } from '../../src/store/record-table.js';
import { signIn } from '../src/api/auth-api';
import { TriggersScreen } from '../src/screens/triggers/triggers-screen';
import { loadSession } from '../src/session/load-session';
import { SessionContext, type Session } from '../src/session/session-context';
import { startTestStudio } from './test-studio';

describe('triggers list', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;

  beforeAll(async () => {
    studio = await startTestStudio();
    const caller = await signIn(studio.api, studio.email, studio.password);
    const loaded = await loadSession(studio.api, caller);
    if (!loaded) throw new Error('not signed in');
    session = { api: studio.api, ...loaded, switchStudio: async () => {}, signOut: async () => {} };
  });
  afterAll(() => studio.close());

  const renderList = (path = '/triggers') =>
    render(
      <MantineProvider>
        <MemoryRouter initialEntries={[path]}>
          <SessionContext.Provider value={session}>
            <TriggersScreen />
          </SessionContext.Provider>
        </MemoryRouter>
      </MantineProvider>,
    );

  const addTriggers = async () => {
    const { store, clock, fixture } = studio;
    const type = await loose(store.db)
      .insertInto('types')
      .values({
        studio_id: fixture.studio.id,
        kind: 'task',
        name: 'Call',
        sort_order: 0,
        is_inactive: 0,
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [name, active] of [
      ['Welcome call', true],
      ['Lapsed client check-in', false],
    ] as const) {
      await createTrigger({ db: store.db, clock }, studioContextOf(fixture.studio), {
        name,
        trigger_type: 'client_status',
        date_option: 'status_entered',
        action: 'task',
        action_settings: { task_type_id: Number(type.id), subject: 'Call' },
        is_active: active,
      });
    }
  };

  const rowNames = () =>
    within(screen.getByRole('table', { name: 'Triggers' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');

  it('says what to do next when the studio has no triggers', async () => {
    renderList();
    expect(await screen.findByText('This studio has no triggers yet')).toBeTruthy();
    expect(screen.getByText('POST /api/v1/triggers')).toBeTruthy();
  });

  it('lists every trigger with its pending count and last fired time', async () => {
    await addTriggers();
    renderList();
    await screen.findByRole('table', { name: 'Triggers' });
    expect(rowNames()).toEqual([
      expect.stringContaining('Lapsed client check-in'),
      expect.stringContaining('Welcome call'),
    ]);
    expect(screen.getByRole('columnheader', { name: 'Last fired (America/New_York)' })).toBeTruthy();
    expect(screen.getAllByText('Never')).toHaveLength(2);
  });

  it('filters by activity and by name, and offers to clear filters that match nothing', async () => {
    renderList();
    await screen.findByRole('table', { name: 'Triggers' });
    await userEvent.click(screen.getByRole('radio', { name: 'Inactive' }));
    await waitFor(() => expect(rowNames()).toEqual([expect.stringContaining('Lapsed client check-in')]));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'welcome');
    expect(await screen.findByText('No triggers match these filters')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rowNames()).toHaveLength(2));
  });

  it('opens with the filters the address names', async () => {
    renderList('/triggers?q=welcome');
    await waitFor(() => expect(rowNames()).toEqual([expect.stringContaining('Welcome call')]));
    expect((screen.getByRole('searchbox', { name: 'Search by name' }) as HTMLInputElement).value).toBe(
      'welcome',
    );
  });
});
