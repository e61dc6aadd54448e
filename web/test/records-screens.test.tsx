import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordData } from '../src/api/records-api';
import type { Session } from '../src/session/session-context';
import { chooseOption, recordsRoutes, rowsOf } from './records-routes';
import { ownerSession, renderScreen } from './session-render';
import { startTestStudio } from './test-studio';

describe('Records screens', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;
  const post = (path: string, body: Record<string, unknown>) => studio.api.post<RecordData>(path, body);

  beforeAll(async () => {
    Element.prototype.scrollIntoView = () => {};
    studio = await startTestStudio();
    session = await ownerSession(studio.api, studio.email, studio.password);
  });
  afterAll(() => studio.close());

  const show = (path: string) => renderScreen(session, path, recordsRoutes);

  it('lists clients page by page with Load more, and finds one by search', async () => {
    for (let n = 0; n < 52; n += 1)
      await post('/clients', { first_name: 'Pat', last_name: `Page${100 + n}` });
    await post('/clients', { first_name: 'Zora', last_name: 'Quillfeather' });
    show('/records/clients');
    const table = await screen.findByRole('table', { name: 'Clients' });
    expect(rowsOf(table)).toHaveLength(50);
    await userEvent.click(screen.getByRole('button', { name: 'Load more clients' }));
    await waitFor(() => expect(rowsOf(table)).toHaveLength(53));
    expect(screen.queryByRole('button', { name: 'Load more clients' })).toBeNull();

    await userEvent.type(screen.getByRole('textbox', { name: 'Search clients' }), 'quillf');
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Clients' }))).toHaveLength(1));
    expect(within(screen.getByRole('table', { name: 'Clients' })).getByText('Quillfeather')).toBeTruthy();
  });

  it('says how to add the first record of an empty kind', async () => {
    show('/records/loyalty-rewards');
    expect(
      await screen.findByText(/No loyalty rewards yet\. Add the first one with “New loyalty reward”/),
    ).toBeTruthy();
  });

  it('shows the API’s problem with a phone number on its field, then creates the client', async () => {
    show('/records/clients/new');
    const form = await screen.findByRole('form', { name: 'New client' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^First name/ }), 'Mira');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Last name/ }), 'Okafor');
    await userEvent.click(within(form).getByRole('button', { name: 'Add phone number' }));
    const number = within(form).getByRole('textbox', { name: /^Number/ });
    await userEvent.type(number, '12');
    await userEvent.click(within(form).getByRole('button', { name: 'Create client' }));
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
    expect((await studio.api.get<{ data: unknown[] }>('/clients', { q: 'Okafor' })).data).toHaveLength(0);

    await userEvent.clear(number);
    await userEvent.type(number, '(212) 555-0142');
    await userEvent.click(within(form).getByRole('button', { name: 'Create client' }));
    const fields = await screen.findByRole('table', { name: 'Client fields' });
    expect(within(fields).getByText('+12125550142 · mobile')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mira Okafor' })).toBeTruthy();
  });

  it('edits a client in place and keeps the fields it did not touch', async () => {
    const client = await post('/clients', { first_name: 'Ines', last_name: 'Duarte', city: 'Albany' });
    show(`/records/clients/${client.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit client' }));
    const form = screen.getByRole('form', { name: 'Edit client' });
    const city = within(form).getByRole('textbox', { name: 'City' });
    await userEvent.clear(city);
    await userEvent.type(city, 'Buffalo');
    await userEvent.click(within(form).getByRole('button', { name: 'Save client' }));
    const fields = await screen.findByRole('table', { name: 'Client fields' });
    expect(within(fields).getByText('Buffalo')).toBeTruthy();
    const saved = await studio.api.get<RecordData>(`/clients/${client.id}`);
    expect(saved).toMatchObject({ city: 'Buffalo', first_name: 'Ines', last_name: 'Duarte' });
  });

  it('changes a client’s status with a due date and shows the stay in the history', async () => {
    await post('/statuses', { kind: 'client', name: 'Lead', duration_days: 2 });
    await post('/statuses', { kind: 'client', name: 'Booked client' });
    const client = await post('/clients', { first_name: 'Oskar', last_name: 'Lind' });
    show(`/records/clients/${client.id}`);
    const form = await screen.findByRole('form', { name: 'Change status' });
    expect(await screen.findByText(/No status yet/)).toBeTruthy();
    await chooseOption(form, 'New status', 'Lead');
    await userEvent.type(within(form).getByLabelText(/^Due date/), '2026-03-20');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Note' }), 'Called about a family shoot');
    await userEvent.click(within(form).getByRole('button', { name: 'Change status' }));
    const history = await screen.findByRole('table', { name: 'Status history' });
    const [stay] = rowsOf(history);
    expect(stay?.textContent).toContain('Lead');
    expect(stay?.textContent).toContain('2026-03-20');
    expect(stay?.textContent).toContain('Called about a family shoot');
    expect(stay?.textContent).toContain('current');
    expect(await screen.findByText(/due 2026-03-20/)).toBeTruthy();
    expect((await studio.api.get<RecordData>(`/clients/${client.id}`)).status_due_date).toBe('2026-03-20');
  });

  it('says plainly that a client with a session cannot be deleted, and keeps it', async () => {
    const type = await post('/types', { kind: 'session', name: 'Newborn' });
    const client = await post('/clients', { first_name: 'Ruth', last_name: 'Abara' });
    await post('/sessions', {
      client_id: client.id,
      session_type_id: type.id,
      start: '2026-04-02T15:00:00Z',
    });
    show(`/records/clients/${client.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Ruth Abara”?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete client' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/still in use by other records; delete or change those records first/);
    expect((await studio.api.get<RecordData>(`/clients/${client.id}`)).id).toBe(client.id);
  });

  it('lists a client’s family members and sessions, and adds a family member for the client', async () => {
    const type = await post('/types', { kind: 'session', name: 'Headshots' });
    const client = await post('/clients', { first_name: 'Lena', last_name: 'Varga' });
    await post('/family-members', { client_id: client.id, first_name: 'Milo', last_name: 'Varga' });
    const other = await post('/clients', { first_name: 'Sam', last_name: 'Other' });
    await post('/family-members', { client_id: other.id, first_name: 'Nobody' });
    await post('/sessions', {
      client_id: client.id,
      session_type_id: type.id,
      session_number: 'S-771',
      start: '2026-05-01T14:00:00Z',
    });
    show(`/records/clients/${client.id}`);
    // The detail asks for seven lists of related records at once; give them time on a busy machine.
    const family = await screen.findByRole(
      'table',
      { name: 'Family members of this client' },
      { timeout: 5000 },
    );
    expect(rowsOf(family).map((row) => row.textContent)).toEqual([expect.stringContaining('Milo')]);
    const sessions = await screen.findByRole('table', { name: 'Sessions of this client' });
    expect(within(sessions).getByText('S-771')).toBeTruthy();

    await userEvent.click(screen.getByRole('link', { name: 'Add family member' }));
    const form = await screen.findByRole('form', { name: 'New family member' });
    await waitFor(() =>
      expect(within(form).getByRole('combobox', { name: /^Client/ })).toHaveProperty('value', 'Lena Varga'),
    );
    await userEvent.type(within(form).getByRole('textbox', { name: /^First name/ }), 'Ada');
    await userEvent.click(within(form).getByRole('button', { name: 'Create family member' }));
    await screen.findByRole('table', { name: 'Family member fields' });
    const { data } = await studio.api.get<{ data: RecordData[] }>('/family-members', {
      client_id: client.id,
    });
    expect(data.map((m) => m.first_name).sort()).toEqual(['Ada', 'Milo']);
  });
});
