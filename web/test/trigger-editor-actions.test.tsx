import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnerStudio } from './owner-studio';
import { choose, openEditor, storedTrigger } from './trigger-editor-render';

describe('trigger editor: action settings', () => {
  const post = async (path: string, body: unknown) =>
    (await owner.studio.api.post<{ id: number }>(path, body)).id;

  const owner = useOwnerStudio();

  beforeAll(async () => {
    await post('/templates', {
      name: 'Session details',
      channel: 'email',
      basis: 'session',
      subject: 'Your session',
      body_text: 'Hi {{ client.first_name }}, here are the details.',
    });
    await post('/types', { kind: 'session', name: 'Portrait' });
  });

  /** A new trigger named `name` on Session Type, with `action` chosen on the Action details tab. */
  const startTrigger = async (name: string, action: string) => {
    openEditor(owner.session, '/triggers/new');
    await userEvent.type(await screen.findByRole('textbox', { name: /^Name/ }), name);
    await choose(/^Trigger type/, 'Session Type');
    await userEvent.click(screen.getByRole('tab', { name: 'Action details' }));
    await choose(/^Action/, action);
  };
  const create = () => userEvent.click(screen.getByRole('button', { name: 'Create trigger' }));
  const saved = () => screen.findByText(/occurrences? baselined/, {}, { timeout: 5000 });

  it('saves an email trigger with a calendar entry attached, offering only what sessions can attach', async () => {
    await startTrigger('Session details by email', 'Email');
    await choose(/^Email template/, 'Session details');
    const attachments = screen.getByRole('group', { name: /Attachments/ });
    expect(within(attachments).queryByRole('checkbox', { name: 'Invoice (PDF)' })).toBeNull();
    await userEvent.click(within(attachments).getByRole('checkbox', { name: 'Calendar entry (.ics)' }));
    await create();
    await saved();
    const trigger = await storedTrigger(owner.session, 'Session details by email');
    expect(trigger?.action_settings.attachments).toEqual(['ics_invitation']);
  });

  it('shows the API’s problem on the attachments when the trigger type cannot make one', async () => {
    await startTrigger('Invoice mail', 'Email');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Session confirmation (PDF)' }));
    await userEvent.click(screen.getByRole('tab', { name: 'General' }));
    await choose(/^Trigger type/, 'Invoice Status');
    await create();
    expect(
      await screen.findByText(/session_confirmation_pdf fits session triggers only, not Invoice Status/),
    ).toBeTruthy();
    expect(await storedTrigger(owner.session, 'Invoice mail')).toBeUndefined();
  });

  it('saves a task trigger assigned to a staff member and a department, due in 3 business days', async () => {
    await post('/types', { kind: 'task', name: 'Call back' });
    const department = await post('/departments', { name: 'Front desk' });
    const staffId = owner.studio.fixture.userIds.staff;
    const members = await owner.studio.api.get<{ data: { id: number; name: string }[] }>('/users');
    const staffName = members.data.find((m) => m.id === staffId)?.name ?? '';

    await startTrigger('Plan the shoot', 'Task');
    await choose(/^Task type/, 'Call back');
    await userEvent.type(screen.getByRole('textbox', { name: /^Subject/ }), 'Plan the shoot with the client');
    await choose('Assigned user', staffName);
    await choose('Department', 'Front desk');
    await userEvent.type(screen.getByRole('textbox', { name: /^Due in business days/ }), '3');
    await create();
    await saved();
    const trigger = await storedTrigger(owner.session, 'Plan the shoot');
    expect(trigger?.action_settings).toMatchObject({
      assigned_user_id: staffId,
      department_id: department,
      due_in_business_days: 3,
      subject: 'Plan the shoot with the client',
    });
  });

  it('saves a web form trigger with the form template it sends', async () => {
    const form = await post('/web-form-templates', { name: 'Before your session', basis: 'session' });
    await startTrigger('Questionnaire', 'Web Form');
    await choose(/^Web form template/, 'Before your session');
    await create();
    await saved();
    const trigger = await storedTrigger(owner.session, 'Questionnaire');
    expect(trigger?.action_settings.web_form_template_id).toBe(form);
  });
});
