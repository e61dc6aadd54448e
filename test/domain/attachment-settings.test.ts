import { describe, expect, it } from 'vitest';
import { validateTrigger } from '../../src/domain/triggers/validate-trigger.js';

const onSession = {
  name: 'Booking confirmation',
  trigger_type: 'session_type',
  date_option: 'booked_date',
  action: 'email',
};
const onInvoice = {
  name: 'Invoice',
  trigger_type: 'invoice_status',
  date_option: 'invoice_date',
  action: 'email',
};
const onAppointment = {
  name: 'Appointment',
  trigger_type: 'appointment_type',
  date_option: 'appointment_start',
  action: 'email',
};

const check = (trigger: Record<string, unknown>, settings: Record<string, unknown>) =>
  validateTrigger({ ...trigger, action_settings: { email_template_id: 3, ...settings } }, 'create');

describe('the attachments setting of a trigger', () => {
  it('keeps the kinds that fit the trigger type on every email action', () => {
    const session = check(onSession, { attachments: ['session_confirmation_pdf', 'ics_invitation'] });
    expect(session.problems).toEqual([]);
    expect(session.definition.action_settings.attachments).toEqual([
      'session_confirmation_pdf',
      'ics_invitation',
    ]);
    expect(check(onInvoice, { attachments: ['invoice_pdf'] }).problems).toEqual([]);
    expect(check(onAppointment, { attachments: ['ics_invitation'] }).problems).toEqual([]);
    const fallback = validateTrigger(
      {
        ...onSession,
        action: 'email_or_call',
        action_settings: { email_template_id: 3, call_type_id: 4, attachments: ['ics_invitation'] },
      },
      'create',
    );
    expect(fallback.problems).toEqual([]);
  });

  it('drops an empty list, as it drops other empty settings', () => {
    const { definition, problems } = check(onSession, { attachments: [] });
    expect(problems).toEqual([]);
    expect(definition.action_settings).not.toHaveProperty('attachments');
  });

  it('names each attachment that does not fit the trigger type, by its place in the list', () => {
    expect(
      check(onInvoice, { attachments: ['invoice_pdf', 'session_confirmation_pdf', 'ics_invitation'] })
        .problems,
    ).toEqual([
      {
        path: 'action_settings.attachments.1',
        problem: 'session_confirmation_pdf fits session triggers only, not Invoice Status triggers',
      },
      {
        path: 'action_settings.attachments.2',
        problem: 'ics_invitation fits session and appointment triggers only, not Invoice Status triggers',
      },
    ]);
    expect(check(onAppointment, { attachments: ['session_confirmation_pdf'] }).problems).toEqual([
      {
        path: 'action_settings.attachments.0',
        problem: expect.stringMatching(/^session_confirmation_pdf fits session triggers only/),
      },
    ]);
    expect(check(onSession, { attachments: ['invoice_pdf'] }).problems.map((p) => p.path)).toEqual([
      'action_settings.attachments.0',
    ]);
  });

  it('refuses unknown kinds, duplicates and anything but a list', () => {
    expect(
      check(onSession, { attachments: ['contract_pdf', 'ics_invitation', 'ics_invitation'] }).problems,
    ).toEqual([
      {
        path: 'action_settings.attachments.0',
        problem: 'must be one of: session_confirmation_pdf, invoice_pdf, ics_invitation',
      },
      { path: 'action_settings.attachments.2', problem: 'ics_invitation is listed twice' },
    ]);
    expect(check(onSession, { attachments: 'ics_invitation' }).problems).toEqual([
      {
        path: 'action_settings.attachments',
        problem: 'must be a list of: session_confirmation_pdf, invoice_pdf, ics_invitation',
      },
    ]);
  });

  it('refuses attachments on actions that send no email', () => {
    const sms = validateTrigger(
      {
        ...onSession,
        action: 'sms',
        action_settings: { sms_template_id: 3, attachments: ['ics_invitation'] },
      },
      'create',
    );
    expect(sms.problems).toEqual([
      { path: 'action_settings.attachments', problem: 'does not apply to the SMS action' },
    ]);
    const letter = validateTrigger(
      {
        ...onSession,
        action: 'letter',
        action_settings: { letter_template_id: 3, attachments: ['session_confirmation_pdf'] },
      },
      'create',
    );
    expect(letter.problems.map((p) => p.path)).toEqual(['action_settings.attachments']);
  });
});
