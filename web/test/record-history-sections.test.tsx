import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { loose } from '../../src/store/record-table.js';
import { insertDeliveredMessage } from '../../test/support/communications.js';
import { insertPendingItem, insertTrigger } from '../../test/support/trigger-rows.js';
import { RecordHistorySections } from '../src/screens/records/history/record-history-sections';
import { useOwnerStudio } from './owner-studio';
import { renderScreen } from './session-render';

describe('a record’s history sections', () => {
  let clientId: number;
  let sessionId: number;
  let triggerId: number;
  let emailId: number;

  /** A communication of the client as the capture channel leaves it. */
  const communication = (values: Record<string, unknown>) =>
    insertDeliveredMessage(
      owner.studio.store.db,
      owner.studio.fixture.studio.id,
      { client_id: clientId, ...values },
      'capture',
      owner.studio.clock.now(),
    );

  const owner = useOwnerStudio();

  beforeAll(async () => {
    const { api } = owner.session;
    const client = await api.post<{ id: number }>('/clients', {
      first_name: 'Zoë',
      last_name: 'Ångström',
      allow_marketing_sms: true,
    });
    clientId = client.id;
    owner.studio.clock.advance(60_000);
    await api.patch(`/clients/${clientId}`, { allow_marketing_sms: false, allow_marketing_email: true });
    const type = await api.post<{ id: number }>('/types', { kind: 'session', name: 'Portrait' });
    sessionId = (
      await api.post<{ id: number }>('/sessions', {
        client_id: clientId,
        session_type_id: type.id,
        start: '2026-03-20T15:00:00Z',
      })
    ).id;
    const { store, fixture, clock } = owner.studio;
    triggerId = await insertTrigger(store.db, fixture.studio.id, clock.now(), {
      trigger_type: 'session_type',
      date_option: 'booked_date',
      name: 'Session reminder',
    });
    const itemId = await insertPendingItem(store.db, fixture.studio.id, triggerId, sessionId, clock.now());
    await loose(store.db)
      .updateTable('triggered_items')
      .set({ state: 'withdrawn', reason: 'The session is canceled' })
      .where('id', '=', itemId)
      .execute();
    emailId = await communication({
      channel: 'email',
      record_kind: 'client',
      record_id: clientId,
      to_address: 'zoe@example.com',
      recipient_name: 'Zoë Ångström',
      subject: 'Welcome to the studio',
      body_html: '<p>Hello <b>Zoë</b></p>',
      body_text: 'Hello Zoë',
    });
    await loose(store.db)
      .insertInto('communication_attachments')
      .values({
        studio_id: fixture.studio.id,
        communication_id: emailId,
        kind: 'ics_invitation',
        filename: 'session.ics',
        content_type: 'text/calendar',
        byte_size: 5,
        content: Buffer.from('BEGIN'),
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      })
      .execute();
    await communication({
      channel: 'sms',
      record_kind: 'session',
      record_id: sessionId,
      to_address: '+13125550100',
      body_text: 'Hi Zoë, see you on Friday at 10!',
    });
  });

  const section = (name: string) => screen.findByRole('region', { name });

  it('shows a client’s consent ledger in studio time with its source, who, and the flags now', async () => {
    renderScreen(owner.session, '/', <RecordHistorySections kind="client" id={clientId} />);
    const consent = await section('Consent');
    const rows = within(await within(consent).findByRole('table', { name: 'Consent changes' })).getAllByRole(
      'row',
    );
    expect(within(consent).getByRole('columnheader', { name: 'When (America/New_York)' })).toBeTruthy();
    const ownerName = owner.session.caller.user.name;
    expect(rows.slice(1).map((r) => r.textContent)).toEqual([
      `Fri, Mar 6, 2026, 10:01 AMSMSOpted outstaff${ownerName}`,
      `Fri, Mar 6, 2026, 10:01 AMEmailOpted instaff${ownerName}`,
      `Fri, Mar 6, 2026, 10:00 AMSMSOpted instaff${ownerName}`,
    ]);
    const flags = within(consent).getByRole('list', { name: 'Allow marketing now' });
    expect(within(flags).getByText('Email: yes')).toBeTruthy();
    expect(within(flags).getByText('SMS: no')).toBeTruthy();
  });

  it('opens a client’s email rendered in a sandboxed frame, with its attachment to download', async () => {
    renderScreen(owner.session, '/', <RecordHistorySections clientId={clientId} />);
    const sent = await section('Communications');
    await within(sent).findByRole('table', { name: 'Communications' });
    await userEvent.click(
      within(sent).getByRole('button', { name: 'Open the Email: Welcome to the studio' }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'Email to Zoë Ångström' });
    const frame = within(drawer).getByTitle('Email as it was sent') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hello <b>Zoë</b></p>');
    const file = within(drawer).getByRole('link', { name: 'session.ics' });
    expect(file.getAttribute('href')).toBe(`/api/v1/communications/${emailId}/attachments/1`);
  });

  it('lists the triggers of the client’s records, each linking to Explain with trigger and record', async () => {
    renderScreen(owner.session, '/', <RecordHistorySections clientId={clientId} />);
    const history = await section('Trigger history');
    const table = await within(history).findByRole('table', { name: 'Trigger history' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain(`Session #${sessionId}`);
    expect(row.textContent).toContain('withdrawn');
    expect(row.textContent).toContain('The session is canceled');
    const link = within(row).getByRole('link', {
      name: `Explain “Session reminder” for Session #${sessionId}`,
    });
    expect(link.getAttribute('href')).toBe(`/explain?trigger_id=${triggerId}&record_id=${sessionId}`);
  });

  it('shows a session its own triggers and the SMS sent about it, and no consent', async () => {
    renderScreen(owner.session, '/', <RecordHistorySections kind="session" id={sessionId} />);
    const sent = await section('Communications');
    await userEvent.click(
      await within(sent).findByRole('button', { name: 'Open the SMS: Hi Zoë, see you on Friday at 10!' }),
    );
    const drawer = await screen.findByRole('dialog', { name: 'SMS to +13125550100' });
    expect(within(drawer).getByLabelText('SMS text').textContent).toBe('Hi Zoë, see you on Friday at 10!');
    expect(within(sent).queryByText('Welcome to the studio')).toBeNull();
    await within(await section('Trigger history')).findByRole('link', { name: /Session reminder/ });
    expect(screen.queryByRole('region', { name: 'Consent' })).toBeNull();
  });

  it('says what would appear when a new client has no history yet', async () => {
    const quiet = await owner.session.api.post<{ id: number }>('/clients', {
      first_name: 'New',
      last_name: 'One',
    });
    renderScreen(owner.session, '/', <RecordHistorySections kind="client" id={quiet.id} />);
    expect(await screen.findByText(/^No change of consent yet/)).toBeTruthy();
    expect(await screen.findByText(/^No email, SMS, call or letter yet/)).toBeTruthy();
    expect(
      await screen.findByText(/^No trigger has fired for this client or their records yet/),
    ).toBeTruthy();
  });

  it('shows a catalog entry only its trigger history', async () => {
    const department = await owner.session.api.post<{ id: number }>('/departments', { name: 'Sales' });
    renderScreen(owner.session, '/', <RecordHistorySections kind="department" id={department.id} />);
    expect(await screen.findByText(/^No trigger has fired for this record yet/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Communications' })).toBeNull();
  });
});
