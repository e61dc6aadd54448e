import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnerStudio } from './owner-studio';
import { choose, openEditor } from './trigger-editor-render';

describe('trigger editor', () => {
  const owner = useOwnerStudio();

  beforeAll(async () => {
    await owner.studio.api.post('/templates', {
      name: 'Session reminder',
      channel: 'sms',
      basis: 'session',
      body_text: 'Hi {{ client.first_name }}, see you soon!',
    });
  });

  const open = (path: string) => openEditor(owner.session, path);

  it('puts the API’s problems on their fields and marks the tabs that hold them', async () => {
    open('/triggers/new');
    await userEvent.click(await screen.findByRole('button', { name: 'Create trigger' }));
    expect(await screen.findByRole('tab', { name: 'General (has errors)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Action details (has errors)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Processing' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Name/ }).getAttribute('aria-invalid')).toBe('true');
  });

  it('creates an automatic SMS reminder 2 days before session start and shows the baseline counts', async () => {
    open('/triggers/new');
    await userEvent.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Session reminder');
    await choose(/^Trigger type/, 'Session Type');
    await choose(/^When/, 'Before');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Amount' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Amount' }), '2');

    await userEvent.click(screen.getByRole('tab', { name: 'Action details' }));
    await choose(/^Action/, 'SMS');
    await choose(/^SMS template/, 'Session reminder');
    expect(await screen.findByText('Template: 41 characters · 1 SMS part (GSM-7)')).toBeTruthy();

    await userEvent.click(screen.getByRole('tab', { name: 'Processing' }));
    await userEvent.click(screen.getByRole('radio', { name: /^Control Center/ }));
    await userEvent.type(screen.getByLabelText('From (America/New_York)'), '09:00');
    await userEvent.type(screen.getByLabelText('To (America/New_York)'), '17:00');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sunday' }));

    await userEvent.click(screen.getByRole('tab', { name: 'Exclusions' }));
    expect(screen.getByRole('checkbox', { name: 'Not when the record is canceled' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Include fully redeemed rewards' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Create trigger' }));
    expect(
      await screen.findByText(
        '0 occurrences baselined, 0 fall due in the next 30 days.',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    const list = await owner.studio.api.get<{
      data: { name: string; processing: string; offset: unknown; time_frame: unknown }[];
    }>('/triggers');
    const made = list.data.find((t) => t.name === 'Session reminder');
    expect(made?.processing).toBe('automatic');
    expect(made?.offset).toEqual({ when: 'before', amount: 2, unit: 'days' });
    expect(made?.time_frame).toEqual({ from: '09:00', to: '17:00', blocked_weekdays: [7] });
  });

  it('previews the SMS for a record found by search, beyond the first page of records', async () => {
    const post = async (path: string, body: unknown) =>
      (await owner.studio.api.post<{ id: number }>(path, body)).id;
    const type = await post('/types', { kind: 'session', name: 'Wedding' });
    const session = (client: number, description: string, start = '2026-04-01T15:00:00Z') =>
      post('/sessions', { client_id: client, session_type_id: type, start, description });
    const edith = await post('/clients', { first_name: 'Edith', last_name: 'Wharton' });
    // Zelda's session is neither among the first 50 by date nor among the newest: only a search finds it.
    for (let n = 1; n <= 30; n += 1) await session(edith, `Portrait ${n}`);
    const zelda = await post('/clients', { first_name: 'Zelda', last_name: 'Fitzgerald' });
    await session(zelda, 'Wedding in June', '2027-06-01T15:00:00Z');
    for (let n = 31; n <= 60; n += 1) await session(edith, `Portrait ${n}`);

    open('/triggers/new');
    await screen.findByRole('combobox', { name: /^Trigger type/ });
    await choose(/^Trigger type/, 'Session Type');
    await userEvent.click(screen.getByRole('tab', { name: 'Action details' }));
    await choose(/^Action/, 'SMS');
    await choose(/^SMS template/, 'Session reminder');
    await userEvent.type(screen.getByRole('combobox', { name: /^Preview for/ }), 'Wedding in');
    await userEvent.click(await screen.findByRole('option', { name: /Wedding in June/, hidden: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Hi Zelda, see you soon!')).toBeTruthy();
  });
});
