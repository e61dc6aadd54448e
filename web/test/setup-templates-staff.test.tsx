import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { SetupScreen } from '../src/screens/setup/setup-screen';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

type Member = { id: number; name: string; email: string; department_id: number | null };

describe('Setup screen: previewing and deleting templates, departments and removing staff', () => {
  const owner = useOwnerStudio();

  beforeAll(() =>
    owner.studio.api.post('/clients', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      emails: [{ address: 'ada@example.com', label: 'home', is_primary: true }],
    }),
  );

  const show = (path: string) => renderScreen(owner.session, path, <SetupScreen />);
  const template = (body: Record<string, unknown>) =>
    owner.studio.api.post<{ id: number }>('/templates', { basis: 'client', ...body });
  const members = async () => (await owner.studio.api.get<{ data: Member[] }>('/users')).data;
  /** Opens a Mantine select by its name and picks an option of its list. */
  const choose = async (name: string | RegExp, option: string | RegExp) => {
    const select = await screen.findByRole('combobox', { name });
    await userEvent.click(select);
    const list = document.getElementById(select.getAttribute('aria-controls') ?? '');
    if (!list) throw new Error(`the select ${String(name)} has no list`);
    await userEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
  };

  it('previews an email template against a client found by search, its HTML in a sandboxed frame', async () => {
    await template({
      name: 'Welcome',
      channel: 'email',
      subject: 'Welcome, {{ client.first_name }}',
      body_html: '<p>Hello {{ client.first_name }} {{ client.last_name }}</p>',
    });
    show('/setup?tab=templates');
    await userEvent.click(await screen.findByRole('button', { name: 'Preview Welcome' }));
    const dialog = await screen.findByRole('dialog', { name: 'Preview “Welcome”' });
    expect(within(dialog).getByText(/Pick a record above/)).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Client' }), 'Lovelace');
    await choose('Client', /Ada Lovelace/);
    expect(await within(dialog).findByText('Welcome, Ada')).toBeTruthy();
    const frame = within(dialog).getByTitle('Email as it would be sent');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hello Ada Lovelace</p>');
  });

  it('previews an SMS template with its segment count', async () => {
    await template({ name: 'Hello text', channel: 'sms', body_text: 'Hi {{ client.first_name }}!' });
    show('/setup?tab=templates');
    await userEvent.click(await screen.findByRole('radio', { name: 'SMS' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Preview Hello text' }));
    const dialog = await screen.findByRole('dialog', { name: 'Preview “Hello text”' });
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Client' }), 'Ada');
    await choose('Client', /Ada Lovelace/);
    expect(await within(dialog).findByText('Hi Ada!')).toBeTruthy();
    expect(within(dialog).getByText('1 SMS segment')).toBeTruthy();
    expect(within(dialog).getByText('7 characters, GSM-7')).toBeTruthy();
  });

  it('refuses to delete a template a trigger uses, with the API’s reason, and deletes an unused one', async () => {
    const used = await template({
      name: 'Used letter',
      channel: 'letter',
      body_text: 'Dear {{ client.first_name }}',
    });
    await template({ name: 'Old letter', channel: 'letter', body_text: 'Dear friend' });
    await owner.studio.api.post('/triggers', {
      name: 'Thank-you letter',
      trigger_type: 'client_status',
      date_option: 'created',
      action: 'letter',
      action_settings: { letter_template_id: used.id },
    });
    show('/setup?tab=templates');
    await userEvent.click(await screen.findByRole('radio', { name: 'Letter' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Used letter' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete “Used letter”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete template' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /used by the trigger “Thank-you letter”/,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await owner.studio.api.get(`/templates/${used.id}`)).toMatchObject({ name: 'Used letter' });

    await userEvent.click(screen.getByRole('button', { name: 'Delete Old letter' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete “Old letter”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete template' }));
    const table = screen.getByRole('table', { name: 'Letter templates' });
    await waitFor(() => expect(within(table).queryByText('Old letter')).toBeNull());
    expect(within(table).getByText('Used letter')).toBeTruthy();
  });

  it('marks a template inactive: the list says so and new triggers are no longer offered it', async () => {
    const retired = await template({
      name: 'Retired SMS',
      channel: 'sms',
      body_text: 'Hi {{ client.first_name }}',
    });
    show('/setup?tab=templates');
    await userEvent.click(await screen.findByRole('radio', { name: 'SMS' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Retired SMS' }));
    const form = await screen.findByRole('form', { name: 'Edit “Retired SMS”' });
    await userEvent.click(within(form).getByRole('switch', { name: /^Inactive/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    const table = await screen.findByRole('table', { name: 'SMS templates' });
    const row = (await within(table).findByText('Inactive')).closest('tr');
    expect(row?.textContent).toContain('Retired SMS');
    expect(await owner.studio.api.get(`/templates/${retired.id}`)).toMatchObject({ is_inactive: true });
    // The trigger editor's template list asks for active ones only.
    const offered = await owner.studio.api.get<{ data: { id: number }[] }>('/templates', {
      channel: 'sms',
      is_inactive: 'false',
    });
    expect(offered.data.map((t) => t.id)).not.toContain(retired.id);
  });

  it('puts a staff member in a department and takes them out again', async () => {
    const sales = await owner.studio.api.post<{ id: number }>('/departments', { name: 'Sales' });
    show('/setup?tab=staff');
    await choose(/^Department of staff /, 'Sales');
    await waitFor(async () =>
      expect((await members()).find((m) => m.name.startsWith('staff '))?.department_id).toBe(sales.id),
    );
    // The row is read again after a change: wait for it to show the saved department.
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: /^Department of staff / })).toHaveProperty(
        'value',
        'Sales',
      ),
    );
    await choose(/^Department of staff /, 'No department');
    await waitFor(async () =>
      expect((await members()).find((m) => m.name.startsWith('staff '))?.department_id).toBeNull(),
    );
  });

  it('removes a member after a confirmation, and refuses to remove yourself with the API’s message', async () => {
    show('/setup?tab=staff');
    const table = await screen.findByRole('table', { name: 'Staff members' });
    await userEvent.click(within(table).getByRole('button', { name: /^Remove owner / }));
    let dialog = await screen.findByRole('dialog', { name: /^Remove owner .* from the studio\?$/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove from studio' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/cannot remove yourself/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'OK' }));

    await userEvent.click(within(table).getByRole('button', { name: /^Remove admin / }));
    dialog = await screen.findByRole('dialog', { name: /^Remove admin .* from the studio\?$/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove from studio' }));
    await waitFor(() => expect(within(table).queryByText(/^admin /)).toBeNull());
    expect((await members()).map((m) => m.name)).not.toContainEqual(expect.stringMatching(/^admin /));
  });
});
