import type { ProblemDetail } from '../errors.js';
import { attachmentsProblems } from './attachment-kinds.js';
import { ACTIONS, type ActionName, type Channel } from './trigger-actions.js';
import type { ActionSettings } from './trigger-definition.js';
import type { TriggerTypeDef } from './trigger-types.js';

type Key = keyof ActionSettings;

/** What each channel of an action needs (`required`) and may also take (`optional`). */
const CHANNEL_SETTINGS: Record<Channel, { required: readonly Key[]; optional: readonly Key[] }> = {
  email: { required: ['email_template_id'], optional: ['attachments'] },
  sms: { required: ['sms_template_id'], optional: [] },
  letter: { required: ['letter_template_id'], optional: [] },
  phone_call: {
    required: ['call_type_id'],
    optional: ['subject', 'description', 'assigned_user_id', 'department_id'],
  },
  task: {
    required: ['task_type_id', 'subject'],
    optional: ['description', 'assigned_user_id', 'department_id', 'due_in_business_days'],
  },
  web_form: { required: ['web_form_template_id'], optional: [] },
  status_change: { required: [], optional: [] },
};
const MESSAGE_SETTINGS: readonly Key[] = ['send_to', 'referral', 'transactional'];
const ID_KEYS: readonly Key[] = [
  'email_template_id',
  'sms_template_id',
  'letter_template_id',
  'call_type_id',
  'task_type_id',
  'assigned_user_id',
  'department_id',
  'web_form_template_id',
];
const ALL_KEYS: readonly Key[] = [
  ...ID_KEYS,
  'sms_text',
  'send_to',
  'referral',
  'subject',
  'description',
  'due_in_business_days',
  'transactional',
  'attachments',
];
const MAX_SMS_TEXT = 640;
const TEXT_LIMITS: Partial<Record<Key, number>> = { subject: 200, description: 2000, sms_text: MAX_SMS_TEXT };
const SEND_TO = ['client', 'family_member', 'staff', 'studio'];
const WHEN_ENROLLED = ['do_not_send', 'keep', 'switch'];

/** The settings an action needs and the ones it may take. */
export function actionSettingKeys(action: ActionName): { required: Key[]; allowed: Set<Key> } {
  const def = ACTIONS[action];
  const required = def.channels.flatMap((c) => CHANNEL_SETTINGS[c].required);
  const optional = def.channels.flatMap((c) => CHANNEL_SETTINGS[c].optional);
  // The confirmation SMS is written in the trigger itself, not taken from a template (reference).
  const own: Key[] = action === 'sms_confirmation' ? ['sms_text'] : [];
  const needed = action === 'sms_confirmation' ? own : [...required, ...own];
  const messages = def.isMessage ? MESSAGE_SETTINGS : [];
  return { required: needed, allowed: new Set([...needed, ...optional, ...messages]) };
}

const present = (value: unknown) => value !== undefined && value !== null;
const isId = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1;

/**
 * Checks an action's settings against the action: required ones present, ones the action does not
 * use absent, each of the right shape. Attachments must also fit the trigger type's record, when
 * the type is known. Returns the settings with empty values (and an empty attachment list) dropped.
 */
export function actionSettingsProblems(
  input: unknown,
  action: ActionName | null,
  path: string,
  type: TriggerTypeDef | null = null,
): { settings: ActionSettings; problems: ProblemDetail[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings: {}, problems: [{ path, problem: 'must be an object' }] };
  }
  const problems: ProblemDetail[] = [];
  const settings: Record<string, unknown> = {};
  const keys = action ? actionSettingKeys(action) : null;
  for (const [key, value] of Object.entries(input)) {
    const at = `${path}.${key}`;
    if (!ALL_KEYS.includes(key as Key)) {
      problems.push({ path: at, problem: 'is not a setting of any action' });
      continue;
    }
    if (!present(value)) continue;
    if (keys && action && !keys.allowed.has(key as Key)) {
      problems.push({ path: at, problem: `does not apply to the ${ACTIONS[action].label} action` });
      continue;
    }
    if (key === 'attachments') {
      const checked = attachmentsProblems(value, type, at);
      problems.push(...checked.problems);
      if (checked.problems.length === 0 && checked.attachments.length > 0)
        settings[key] = checked.attachments;
      continue;
    }
    const problem = valueProblem(key as Key, value, at);
    if (problem.length > 0) problems.push(...problem);
    else settings[key] = typeof value === 'string' ? value.trim() : value;
  }
  for (const key of keys?.required ?? []) {
    const value = (input as Record<string, unknown>)[key];
    if (!present(value) && action) {
      problems.push({
        path: `${path}.${key}`,
        problem: `is required for the ${ACTIONS[action].label} action`,
      });
    }
  }
  if (action && ACTIONS[action].isMessage && settings.send_to === undefined)
    settings.send_to = { to: 'client' };
  return { settings: settings as ActionSettings, problems };
}

function valueProblem(key: Key, value: unknown, path: string): ProblemDetail[] {
  if (ID_KEYS.includes(key)) return isId(value) ? [] : [{ path, problem: 'must be a positive whole number' }];
  const limit = TEXT_LIMITS[key];
  if (limit !== undefined) {
    if (typeof value !== 'string' || value.trim() === '')
      return [{ path, problem: 'must be a non-empty text' }];
    return value.length > limit ? [{ path, problem: `must be at most ${limit} characters` }] : [];
  }
  switch (key) {
    case 'due_in_business_days':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 365
        ? []
        : [{ path, problem: 'must be a whole number from 0 to 365' }];
    case 'transactional':
      return typeof value === 'boolean' ? [] : [{ path, problem: 'must be true or false' }];
    case 'send_to':
      return sendToProblems(value, path);
    case 'referral':
      return referralProblems(value, path);
    default:
      return [];
  }
}

function sendToProblems(value: unknown, path: string): ProblemDetail[] {
  if (typeof value !== 'object' || value === null) return [{ path, problem: 'must be an object' }];
  const { to, relationship_id: relationshipId, ...rest } = value as Record<string, unknown>;
  const problems: ProblemDetail[] = Object.keys(rest).map((k) => ({
    path: `${path}.${k}`,
    problem: 'is not a Send To option',
  }));
  if (!SEND_TO.includes(to as string)) {
    problems.push({ path: `${path}.to`, problem: `must be one of: ${SEND_TO.join(', ')}` });
  } else if (to === 'family_member' && !isId(relationshipId)) {
    problems.push({ path: `${path}.relationship_id`, problem: 'is required to send to a family member' });
  } else if (to !== 'family_member' && present(relationshipId)) {
    problems.push({ path: `${path}.relationship_id`, problem: 'applies to family members only' });
  }
  return problems;
}

function referralProblems(value: unknown, path: string): ProblemDetail[] {
  if (typeof value !== 'object' || value === null) return [{ path, problem: 'must be an object or null' }];
  const { program_id: programId, when_enrolled: whenEnrolled, ...rest } = value as Record<string, unknown>;
  const problems: ProblemDetail[] = Object.keys(rest).map((k) => ({
    path: `${path}.${k}`,
    problem: 'is not a referral option',
  }));
  if (!isId(programId))
    problems.push({ path: `${path}.program_id`, problem: 'must be a positive whole number' });
  if (!WHEN_ENROLLED.includes(whenEnrolled as string)) {
    problems.push({ path: `${path}.when_enrolled`, problem: `must be one of: ${WHEN_ENROLLED.join(', ')}` });
  }
  return problems;
}
