import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SetupScreen } from '../src/screens/setup/setup-screen';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('Setup screen', () => {
  const owner = useOwnerStudio();

  const show = (path = '/setup') => renderScreen(owner.session, path, <SetupScreen />);
  const read = () => owner.studio.api.get<Record<string, unknown>>('/studio');

  it('saves the SMS help text and shows a bad time zone under its field, saving nothing', async () => {
    show();
    const help = await screen.findByRole('textbox', { name: 'SMS help text' });
    await userEvent.clear(help);
    await userEvent.type(help, 'Text STOP to stop, or call 555 0100.');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringMatching(/^Saved /));
    expect((await read()).sms_help_text).toBe('Text STOP to stop, or call 555 0100.');

    const zone = screen.getByRole('textbox', { name: /^Time zone/ });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/is not an IANA time zone/)).toBeTruthy();
    expect((await read()).time_zone).not.toBe('Mars/Olympus');
  });

  it('shows an SMS template’s lint problem on its text, then saves the fixed one', async () => {
    show('/setup?tab=templates');
    await userEvent.click(await screen.findByRole('radio', { name: 'SMS' }));
    expect(await screen.findByText(/No SMS templates yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New SMS template' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Template name/ }), 'Reminder');
    const body = screen.getByRole('textbox', { name: /^SMS text/ });
    await userEvent.type(body, 'Hi {{{{ client.frist_name }}');
    await userEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/did you mean "client.first_name"/)).toBeTruthy();

    await userEvent.clear(body);
    await userEvent.type(body, 'Hi {{{{ client.first_name }}');
    await userEvent.click(screen.getByRole('button', { name: 'Save template' }));
    const table = await screen.findByRole('table', { name: 'SMS templates' });
    expect(within(table).getByText('Reminder')).toBeTruthy();
  });

  it('creates an API token, shows its secret once, and revokes it after a confirmation', async () => {
    show('/setup?tab=tokens');
    await screen.findByRole('table', { name: 'API tokens' });
    await userEvent.type(screen.getByRole('textbox', { name: /^Token name/ }), 'Booking site');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const secret = await screen.findByTestId('token-secret');
    const value = secret.textContent ?? '';
    expect(value.length).toBeGreaterThan(20);
    const table = screen.getByRole('table', { name: 'API tokens' });
    await within(table).findByText('Booking site');
    expect(within(table).queryByText(value)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'I have copied the secret' }));
    expect(screen.queryByTestId('token-secret')).toBeNull();
    await userEvent.click(within(table).getByRole('button', { name: 'Revoke Booking site' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke “Booking site”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(within(table).getByText(/^Revoked /)).toBeTruthy());
  });

  it('adds a staff member, refuses a short first password on its field, and changes a role', async () => {
    show('/setup?tab=staff');
    await screen.findByRole('table', { name: 'Staff members' });
    const form = screen.getByRole('form', { name: 'Add a staff member' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Email/ }), 'nina@example.com');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Nina Park');
    await userEvent.type(within(form).getByLabelText(/^First password/), 'short');
    await userEvent.click(within(form).getByRole('button', { name: 'Add staff member' }));
    expect(await within(form).findByText('must be at least 10 characters')).toBeTruthy();

    await userEvent.type(within(form).getByLabelText(/^First password/), ' and long enough');
    await userEvent.click(within(form).getByRole('button', { name: 'Add staff member' }));
    const role = await screen.findByRole('combobox', { name: 'Role of Nina Park' });
    await userEvent.click(role);
    const roles = document.getElementById(role.getAttribute('aria-controls') ?? '');
    if (!roles) throw new Error('the role select has no list');
    await userEvent.click(within(roles).getByRole('option', { name: 'Admin', hidden: true }));
    await waitFor(async () => {
      const { data } = await owner.studio.api.get<{ data: { email: string; role: string }[] }>('/users');
      expect(data.find((m) => m.email === 'nina@example.com')?.role).toBe('admin');
    });
  });

  it('creates a session status with its duration on the Catalogs tab', async () => {
    show('/setup?tab=catalogs&catalog=statuses&of=session');
    expect(
      await screen.findByText(/No statuses of session yet\. Add the first with “New status”/),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New status' }));
    const form = screen.getByRole('form', { name: 'New status' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Proofs ready');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Default duration/ }), '3');
    await userEvent.click(within(form).getByRole('button', { name: 'Create status' }));
    const table = await screen.findByRole('table', { name: 'Statuses of session' });
    const row = within(table).getByText('Proofs ready').closest('tr');
    expect(row?.textContent).toContain('3');
    const { data } = await owner.studio.api.get<{ data: Record<string, unknown>[] }>('/statuses', {
      kind: 'session',
    });
    expect(data).toEqual([expect.objectContaining({ name: 'Proofs ready', duration_days: 3 })]);
  });
});
