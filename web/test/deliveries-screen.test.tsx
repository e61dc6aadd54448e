import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loose } from '../../src/store/record-table.js';
import { insertEmail } from '../../test/support/communications.js';
import { DeliveriesScreen } from '../src/screens/deliveries/deliveries-screen';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('Deliveries screen', () => {
  const owner = useOwnerStudio();

  const show = (path = '/deliveries') => renderScreen(owner.session, path, <DeliveriesScreen />);

  /** An email with its delivery in `state`, as the outbox leaves it. */
  const addEmail = async (to: string, state: string, reason: string | null = null) => {
    const { store, clock, fixture } = owner.studio;
    const id = await insertEmail(store.db, fixture.studio.id, null, null, clock.now(), to);
    const at = clock.now().toISOString();
    await loose(store.db)
      .insertInto('deliveries')
      .values({
        studio_id: fixture.studio.id,
        communication_id: id,
        provider: 'smtp',
        state,
        reason,
        attempts: state === 'queued' ? 0 : 1,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
  };

  const rows = () =>
    within(screen.getByRole('table', { name: 'Deliveries' }))
      .getAllByRole('row')
      .slice(1);
  const stateOf = (to: string) =>
    within(rows().find((row) => row.textContent?.includes(to)) as HTMLElement).getAllByRole('cell')[4]
      ?.textContent;

  it('says where emails and SMS come from when nothing has been sent', async () => {
    show();
    expect(await screen.findByText('No email or SMS has been sent yet')).toBeTruthy();
    // Only a sandbox studio captures messages instead of sending them.
    expect(screen.queryByRole('tab', { name: 'Development inbox' })).toBeNull();
  });

  it('lists emails with their delivery state in studio time, and filters by state from the address', async () => {
    await addEmail('ada@example.com', 'delivered');
    await addEmail('bob@example.com', 'failed', '550 mailbox unavailable');
    await addEmail('cy@example.com', 'failed', '550 no such user');
    await addEmail('dee@example.com', 'queued');
    const all = show();
    await screen.findByRole('table', { name: 'Deliveries' });
    expect(rows()).toHaveLength(4);
    expect(stateOf('bob@example.com')).toBe('Failed550 mailbox unavailable');
    expect(screen.getByRole('columnheader', { name: 'Written (America/New_York)' })).toBeTruthy();
    expect(screen.getAllByText('Fri, Mar 6, 2026, 10:00 AM')).toHaveLength(4);
    all.unmount();

    show('/deliveries?delivery_state=failed');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect((screen.getByRole('combobox', { name: 'State' }) as HTMLInputElement).value).toBe('Failed');
  });

  it('shows a delivery’s history and cancels a queued one', async () => {
    show();
    await screen.findByRole('table', { name: 'Deliveries' });
    await userEvent.click(screen.getByRole('button', { name: 'History of the email to dee@example.com' }));
    const drawer = await screen.findByRole('dialog', { name: 'Delivery history' });
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Cancel delivery' }));
    await within(drawer).findByText('Queued → Canceled');
    expect(within(drawer).getByText('canceled by staff')).toBeTruthy();
    await waitFor(() => expect(stateOf('dee@example.com')).toBe('Canceled'));
  });

  it('states the count before retrying every failed delivery shown, then queues them', async () => {
    show('/deliveries?delivery_state=failed');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Retry 2 failed deliveries' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry failed deliveries?' });
    expect(within(dialog).getByText(/^2 failed deliveries shown here will be queued again/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry 2' }));
    expect(await screen.findByText('No deliveries match these filters')).toBeTruthy();
    const states = await loose(owner.studio.store.db).selectFrom('deliveries').select('state').execute();
    expect(states.map((s) => s.state).sort()).toEqual(['canceled', 'delivered', 'queued', 'queued']);
  });
});
