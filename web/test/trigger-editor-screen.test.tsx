import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TriggerEditorScreen } from '../src/screens/trigger-editor/trigger-editor-screen';
import type { Session } from '../src/session/session-context';
import { ownerSession, renderScreen } from './session-render';
import { startTestStudio } from './test-studio';

describe('trigger editor', () => {
  let studio: Awaited<ReturnType<typeof startTestStudio>>;
  let session: Session;

  beforeAll(async () => {
    // jsdom lays nothing out; Mantine's combobox scrolls its chosen option into view.
    Element.prototype.scrollIntoView ??= () => {};
    studio = await startTestStudio();
    session = await ownerSession(studio.api, studio.email, studio.password);
    await studio.api.post('/templates', {
      name: 'Session reminder',
      channel: 'sms',
      basis: 'session',
      body_text: 'Hi {{ client.first_name }}, see you soon!',
    });
  });
  afterAll(() => studio.close());

  const open = (path: string) =>
    renderScreen(
      session,
      path,
      <Routes>
        <Route path="/triggers/:id" element={<TriggerEditorScreen />} />
      </Routes>,
    );

  const choose = async (label: string | RegExp, option: string) => {
    await userEvent.click(screen.getByRole('combobox', { name: label }));
    await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
  };

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
    const list = await studio.api.get<{
      data: { name: string; processing: string; offset: unknown; time_frame: unknown }[];
    }>('/triggers');
    const made = list.data.find((t) => t.name === 'Session reminder');
    expect(made?.processing).toBe('automatic');
    expect(made?.offset).toEqual({ when: 'before', amount: 2, unit: 'days' });
    expect(made?.time_frame).toEqual({ from: '09:00', to: '17:00', blocked_weekdays: [7] });
  });
});
