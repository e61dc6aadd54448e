import { describe, expect, it } from 'vitest';
import { baselineMoves } from '../../src/domain/triggers/baseline-moves.js';
import { validateTrigger } from '../../src/domain/triggers/validate-trigger.js';

/** "SMS 2 days before session start, 09:00–17:00, not on Sundays." */
const smsReminder = {
  name: 'Session reminder',
  trigger_type: 'session_type',
  date_option: 'session_start',
  offset: { when: 'before', amount: 2, unit: 'days' },
  action: 'sms',
  action_settings: { sms_template_id: 7 },
  processing: 'automatic',
  time_frame: { from: '09:00', to: '17:00', blocked_weekdays: [7] },
};

const problemsOf = (body: unknown) => validateTrigger(body, 'create').problems;
const pathsOf = (body: unknown) => problemsOf(body).map((p) => p.path);

describe('validateTrigger', () => {
  it('accepts the SMS reminder and fills the defaults of a new trigger', () => {
    const { definition, problems } = validateTrigger(
      {
        name: 'Birthday',
        trigger_type: 'client_status',
        date_option: 'birthday',
        action: 'email',
        action_settings: { email_template_id: 3 },
      },
      'create',
    );
    expect(problems).toEqual([]);
    expect(definition).toMatchObject({
      offset: { when: 'on' },
      exclusions: {},
      action_settings: { email_template_id: 3, send_to: { to: 'client' } },
      processing: 'manual',
      time_frame: { from: null, to: null, blocked_weekdays: [] },
      is_active: true,
      filter_status_id: null,
    });
    expect(problemsOf(smsReminder)).toEqual([]);
  });

  it('reports every problem of one bad body at once, each with its path', () => {
    const paths = pathsOf({
      ...smsReminder,
      name: '',
      offset: { when: 'before', amount: 0, unit: 'weeks' },
      time_frame: { from: '09:00', to: '09:00', blocked_weekdays: [] },
      exclusions: { include_fully_redeemed: true, nps_range: { min: 8, max: 3 } },
      action_settings: {},
      colour: 'red',
    });
    expect(paths.sort()).toEqual(
      [
        'colour',
        'name',
        'offset.unit',
        'offset.amount',
        'time_frame.to',
        'exclusions.include_fully_redeemed',
        'exclusions.nps_range.min',
        'action_settings.sms_template_id',
      ].sort(),
    );
  });

  it('refuses an offset out of range, naming offset.amount and the largest amount', () => {
    expect(problemsOf({ ...smsReminder, offset: { when: 'after', amount: 367, unit: 'days' } })).toEqual([
      { path: 'offset.amount', problem: 'must be a whole number from 1 to 366' },
    ]);
  });

  it('refuses an empty time frame and accepts 24 hours as both ends null', () => {
    expect(
      pathsOf({ ...smsReminder, time_frame: { from: '10:00', to: '10:00', blocked_weekdays: [] } }),
    ).toEqual(['time_frame.to']);
    expect(
      pathsOf({ ...smsReminder, time_frame: { from: null, to: null, blocked_weekdays: [6, 7] } }),
    ).toEqual([]);
  });

  it('refuses an exclusion the trigger type does not have, naming it', () => {
    const problems = problemsOf({
      ...smsReminder,
      trigger_type: 'client_status',
      date_option: 'created',
      action: 'sms',
      exclusions: { on_hold: true },
    });
    expect(problems).toEqual([
      { path: 'exclusions.on_hold', problem: 'does not apply to Client Status triggers' },
    ]);
  });

  it('drops switches that are off and refuses names that are not exclusions', () => {
    const { definition, problems } = validateTrigger(
      { ...smsReminder, exclusions: { on_hold: false, canceled: true } },
      'create',
    );
    expect(problems).toEqual([]);
    expect(definition.exclusions).toEqual({ canceled: true });
    expect(pathsOf({ ...smsReminder, exclusions: { rainy_days: true } })).toEqual(['exclusions.rainy_days']);
  });

  it('needs filters where the type requires them and refuses them where it has none', () => {
    expect(
      pathsOf({ ...smsReminder, trigger_type: 'task_status', date_option: 'due_date', action: 'sms' }),
    ).toEqual(['filter_status_id', 'filter_type_id']);
    expect(
      pathsOf({
        ...smsReminder,
        trigger_type: 'loyalty_reward',
        date_option: 'issued_date',
        filter_status_id: 4,
      }),
    ).toEqual(['filter_status_id']);
  });

  it('refuses a date option of another trigger type', () => {
    expect(problemsOf({ ...smsReminder, date_option: 'birthday' })[0]?.path).toBe('date_option');
  });

  it('needs an email event for Email Records triggers only', () => {
    const email = {
      ...smsReminder,
      trigger_type: 'email_records',
      date_option: 'event_time',
      offset: { when: 'after', amount: 2, unit: 'days' },
    };
    expect(pathsOf(email)).toEqual(['email_event']);
    expect(pathsOf({ ...email, email_event: 'opened' })).toEqual([]);
    expect(pathsOf({ ...smsReminder, email_event: 'opened' })).toEqual(['email_event']);
  });

  it('refuses "before" an event, which is known only once it has happened', () => {
    const keyword = { ...smsReminder, trigger_type: 'sms_keyword', date_option: 'received', keyword: 'MINI' };
    expect(problemsOf(keyword)).toEqual([
      { path: 'offset.when', problem: 'must be one of: on, after (an event cannot be anticipated)' },
    ]);
    expect(problemsOf({ ...keyword, offset: { when: 'after', amount: 30, unit: 'minutes' } })).toEqual([]);
    expect(problemsOf({ ...keyword, offset: { when: 'on' } })).toEqual([]);
  });

  it('stores an incoming keyword upper-case and refuses reserved words and phrases', () => {
    const keyword = {
      ...smsReminder,
      trigger_type: 'sms_keyword',
      date_option: 'received',
      offset: { when: 'on' },
    };
    expect(validateTrigger({ ...keyword, keyword: ' Mini ' }, 'create').definition.keyword).toBe('MINI');
    for (const word of ['stop', 'Help', 'YES', 'unstop', 'c'])
      expect(pathsOf({ ...keyword, keyword: word }), word).toEqual(['keyword']);
    expect(pathsOf({ ...keyword, keyword: 'two words' })).toEqual(['keyword']);
    expect(pathsOf(keyword)).toEqual(['keyword']);
    expect(pathsOf({ ...smsReminder, keyword: 'MINI' })).toEqual(['keyword']);
  });

  it('allows only the actions of the trigger type', () => {
    expect(
      problemsOf({
        ...smsReminder,
        trigger_type: 'client_status',
        date_option: 'created',
        action: 'nps_sms',
      }),
    ).toEqual([{ path: 'action', problem: 'NPS SMS is not an action of Client Status triggers' }]);
  });

  it('requires the settings of each action and refuses those of other actions', () => {
    const body = (action: string, action_settings: object, extra: object = {}) => ({
      ...smsReminder,
      action,
      action_settings,
      ...extra,
    });
    expect(pathsOf(body('email_or_call', {}))).toEqual([
      'action_settings.email_template_id',
      'action_settings.call_type_id',
    ]);
    expect(pathsOf(body('task', { task_type_id: 1 }))).toEqual(['action_settings.subject']);
    expect(
      pathsOf(body('task', { task_type_id: 1, subject: 'Call back', due_in_business_days: 366 })),
    ).toEqual(['action_settings.due_in_business_days']);
    expect(pathsOf(body('letter', { letter_template_id: 1, sms_template_id: 2 }))).toEqual([
      'action_settings.sms_template_id',
    ]);
    expect(pathsOf(body('web_form', { web_form_template_id: 1 }))).toEqual([]);
    expect(
      pathsOf(body('phone_call', { call_type_id: 1, subject: 'Check in', send_to: { to: 'client' } })),
    ).toEqual(['action_settings.send_to']);
    expect(pathsOf(body('sms_confirmation', { sms_template_id: 2 }))).toEqual([
      'action_settings.sms_template_id',
      'action_settings.sms_text',
    ]);
    expect(pathsOf(body('sms_confirmation', { sms_text: 'x'.repeat(641) }))).toEqual([
      'action_settings.sms_text',
    ]);
    expect(pathsOf(body('sms_confirmation', { sms_text: 'Reply YES to confirm' }))).toEqual([]);
    expect(pathsOf(body('status_change_only', { sms_template_id: 2 }))).toEqual([
      'action_settings.sms_template_id',
      'then_status_id',
    ]);
    expect(pathsOf(body('status_change_only', {}, { then_status_id: 9 }))).toEqual([]);
  });

  it('checks Send To and referral options of message actions', () => {
    const settings = (extra: object) => ({
      ...smsReminder,
      action_settings: { sms_template_id: 1, ...extra },
    });
    expect(pathsOf(settings({ send_to: { to: 'family_member' } }))).toEqual([
      'action_settings.send_to.relationship_id',
    ]);
    expect(pathsOf(settings({ send_to: { to: 'family_member', relationship_id: 3 } }))).toEqual([]);
    expect(pathsOf(settings({ referral: { program_id: 1, when_enrolled: 'maybe' } }))).toEqual([
      'action_settings.referral.when_enrolled',
    ]);
  });

  it('refuses unknown processing and a name longer than 100 characters', () => {
    expect(pathsOf({ ...smsReminder, processing: 'sometimes', name: 'n'.repeat(101) })).toEqual([
      'name',
      'processing',
    ]);
  });
});

describe('baselineMoves', () => {
  const base = validateTrigger(smsReminder, 'create').definition;
  it('moves the baseline on create, activation and a change of what makes occurrences', () => {
    expect(baselineMoves(null, base)).toBe(true);
    expect(baselineMoves({ ...base, is_active: false }, base)).toBe(true);
    expect(baselineMoves(base, { ...base, date_option: 'session_end' })).toBe(true);
    expect(baselineMoves(base, { ...base, offset: { when: 'before', amount: 3, unit: 'days' } })).toBe(true);
    expect(baselineMoves(base, { ...base, filter_type_id: 4 })).toBe(true);
  });
  it('keeps it for a rename, a template change, a deactivation, or edits of an inactive trigger', () => {
    expect(baselineMoves(base, { ...base, name: 'Renamed' })).toBe(false);
    expect(baselineMoves(base, { ...base, action_settings: { sms_template_id: 8 } })).toBe(false);
    expect(baselineMoves(base, { ...base, is_active: false })).toBe(false);
    const off = { ...base, is_active: false };
    expect(baselineMoves(off, { ...off, date_option: 'session_end' })).toBe(false);
    expect(baselineMoves(null, off)).toBe(false);
  });
});
