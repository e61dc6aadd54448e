import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CallsScreen } from '../src/screens/calls/calls-screen';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';
import { callAdaTheRealWay } from '../../test/support/welcome-call.js';

describe('Calls screen', () => {
  const owner = useOwnerStudio({ is_sandbox: true });

  const show = (path = '/calls') => renderScreen(owner.session, path, <CallsScreen />);

  /** A courtesy call to a new client, put on the list the real way: a phone call trigger processed. */
  const callAda = async () => {
    let minute = 0;
    return callAdaTheRealWay(
      async (path, body) => (await owner.studio.api.post<{ id: number }>(path, body)).id,
      () => owner.studio.api.post('/clock/advance', { to: `2026-03-06T15:0${(minute += 1)}:00Z` }),
    );
  };

  it('says where calls come from when none are to be made', async () => {
    show();
    expect(await screen.findByText(/No calls to make\. A call joins this list/)).toBeTruthy();
  });

  it('asks what happened, keeps a call open after no answer, and completes it when reached', async () => {
    const { clientId } = await callAda();
    show();
    const table = await screen.findByRole('table', { name: 'Calls' });
    expect(within(table).getByText('Welcome Ada')).toBeTruthy();
    // What the call is about opens the record it was made for (here the client itself).
    const about = within(table).getByRole('link', { name: `Welcome Ada (Client #${clientId})` });
    expect(about.getAttribute('href')).toBe(`/records/clients/${clientId}`);
    expect(within(table).getByText('not tried yet')).toBeTruthy();

    const open = () =>
      userEvent.click(screen.getByRole('button', { name: /Log an outcome for the call to/ }));
    await open();
    let drawer = await screen.findByRole('dialog', { name: 'Call outcome' });
    await within(drawer).findByText('Not tried yet.');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Log outcome' }));
    expect(within(drawer).getByText('Pick what happened on the call')).toBeTruthy();
    await userEvent.click(within(drawer).getByRole('radio', { name: 'No answer' }));
    await userEvent.type(within(drawer).getByRole('textbox', { name: 'Note' }), 'Rang twice');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Log outcome' }));
    await waitFor(() => expect(within(table).getByText('No answer — Rang twice')).toBeTruthy());

    await open();
    drawer = await screen.findByRole('dialog', { name: 'Call outcome' });
    const attempts = await within(drawer).findByRole('list', { name: 'Attempts' });
    expect(attempts.textContent).toBe('Fri, Mar 6, 2026, 10:02 AM: No answer — Rang twice');
    await userEvent.click(within(drawer).getByRole('radio', { name: 'Reached' }));
    await userEvent.click(within(drawer).getByRole('button', { name: 'Log outcome' }));
    expect(await screen.findByText(/No calls to make/)).toBeTruthy();
    const done = await owner.studio.api.get<{ data: { outcome: string }[] }>('/calls', { state: 'done' });
    expect(done.data.map((c) => c.outcome)).toEqual(['reached']);
  });

  it('lists the done calls from the address', async () => {
    show('/calls?state=done');
    const table = await screen.findByRole('table', { name: 'Calls' });
    expect(within(table).getByText('Reached')).toBeTruthy();
    expect(within(table).getByRole('button', { name: /for the call to/ }).textContent).toBe('Attempts');
  });
});
