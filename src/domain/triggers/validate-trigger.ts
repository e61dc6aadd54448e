import type { ProblemDetail } from '../errors.js';
import { timeFrameProblems, type TimeFrame } from '../time-frame.js';
import { offsetProblems, type TriggerOffset } from '../trigger-offset.js';
import { actionSettingsProblems } from './action-settings-problems.js';
import { checkSmsKeyword } from './check-sms-keyword.js';
import { ACTIONS, ACTION_NAMES, type ActionName } from './trigger-actions.js';
import { EMAIL_EVENTS, type EmailEvent, type TriggerDefinition } from './trigger-definition.js';
import { exclusionsProblems } from './exclusions-problems.js';
import {
  offsetWhensOf,
  TRIGGER_TYPES,
  TRIGGER_TYPE_NAMES,
  type TriggerTypeDef,
  type TriggerTypeName,
} from './trigger-types.js';

export const TRIGGER_FIELDS = [
  'name',
  'trigger_type',
  'filter_status_id',
  'filter_type_id',
  'email_event',
  'keyword',
  'date_option',
  'offset',
  'exclusions',
  'action',
  'action_settings',
  'then_status_id',
  'processing',
  'time_frame',
  'is_active',
] as const satisfies readonly (keyof TriggerDefinition)[];

const MAX_NAME = 100;

/** What a new trigger gets for the fields its body leaves out. */
export const TRIGGER_DEFAULTS = {
  filter_status_id: null,
  filter_type_id: null,
  email_event: null,
  keyword: null,
  offset: { when: 'on' },
  exclusions: {},
  action_settings: {},
  then_status_id: null,
  processing: 'manual',
  time_frame: { from: null, to: null, blocked_weekdays: [] },
  is_active: true,
} as const satisfies Partial<TriggerDefinition>;

/**
 * Checks a trigger as a whole, without the database, and returns it in stored form (keyword upper
 * case, offsets and switches without empty parts) with every problem found, each with its field
 * path. `create` fills the defaults; `update` expects a complete trigger (the stored one with the
 * change merged in), so that a change is judged together with what it did not touch. The
 * definition is meaningful only when there are no problems.
 */
export function validateTrigger(
  input: unknown,
  mode: 'create' | 'update',
): { definition: TriggerDefinition; problems: ProblemDetail[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { definition: {} as TriggerDefinition, problems: [{ path: '', problem: 'must be an object' }] };
  }
  const body: Record<string, unknown> = mode === 'create' ? { ...TRIGGER_DEFAULTS, ...input } : { ...input };
  const problems: ProblemDetail[] = Object.keys(input)
    .filter((key) => !(TRIGGER_FIELDS as readonly string[]).includes(key))
    .map((key) => ({ path: key, problem: 'is not a field of a trigger' }));
  const add = (path: string, problem: string) => problems.push({ path, problem });

  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (name === '') add('name', 'is required');
  else if (name.length > MAX_NAME) add('name', `must be at most ${MAX_NAME} characters`);

  const type = TRIGGER_TYPE_NAMES.includes(body.trigger_type as TriggerTypeName)
    ? TRIGGER_TYPES[body.trigger_type as TriggerTypeName]
    : null;
  if (!type) add('trigger_type', `must be one of: ${TRIGGER_TYPE_NAMES.join(', ')}`);

  if (type && !(typeof body.date_option === 'string' && Object.hasOwn(type.dateOptions, body.date_option))) {
    add(
      'date_option',
      `must be one of the ${type.label} date options: ${Object.keys(type.dateOptions).join(', ')}`,
    );
  } else if (!type && typeof body.date_option !== 'string') add('date_option', 'is required');
  problems.push(...offsetProblems(body.offset, 'offset'));
  // An event anchor has no "before": the event is known only once it has happened.
  const anchor = type?.dateOptions[body.date_option as string];
  const whens =
    anchor && Object.hasOwn(type.dateOptions, body.date_option as string)
      ? offsetWhensOf(anchor.anchor)
      : null;
  if (whens && (body.offset as { when?: unknown } | null)?.when === 'before' && !whens.includes('before')) {
    add('offset.when', `must be one of: ${whens.join(', ')} (an event cannot be anticipated)`);
  }

  if (type) problems.push(...filterProblems(body, type));
  const keyword = keywordOf(body, type, problems);
  if (type?.name === 'email_records' && !EMAIL_EVENTS.includes(body.email_event as EmailEvent)) {
    add('email_event', `is required for Email Records triggers: one of ${EMAIL_EVENTS.join(', ')}`);
  } else if (type && type.name !== 'email_records' && body.email_event != null) {
    add('email_event', 'applies to Email Records triggers only');
  }

  const exclusions = exclusionsProblems(body.exclusions, type, 'exclusions');
  problems.push(...exclusions.problems);

  let action: ActionName | null = ACTION_NAMES.includes(body.action as ActionName)
    ? (body.action as ActionName)
    : null;
  if (!action) add('action', `must be one of: ${ACTION_NAMES.join(', ')}`);
  else if (type && !type.actions.includes(action)) {
    add('action', `${ACTIONS[action].label} is not an action of ${type.label} triggers`);
    action = null;
  }
  const settings = actionSettingsProblems(body.action_settings, action, 'action_settings', type);
  problems.push(...settings.problems);

  if (!isOptionalId(body.then_status_id)) add('then_status_id', 'must be a positive whole number or null');
  else if (action === 'status_change_only' && body.then_status_id == null) {
    add('then_status_id', 'is required for the status change only action');
  }
  if (body.processing !== 'manual' && body.processing !== 'automatic') {
    add('processing', 'must be one of: manual, automatic');
  }
  problems.push(...timeFrameProblems(body.time_frame, 'time_frame'));
  if (typeof body.is_active !== 'boolean') add('is_active', 'must be true or false');

  const offset = body.offset as TriggerOffset;
  const frame = body.time_frame as TimeFrame;
  const definition: TriggerDefinition = {
    name,
    trigger_type: body.trigger_type as TriggerTypeName,
    filter_status_id: (body.filter_status_id as number | null) ?? null,
    filter_type_id: (body.filter_type_id as number | null) ?? null,
    email_event: (body.email_event as EmailEvent | null) ?? null,
    keyword,
    date_option: body.date_option as string,
    offset:
      offset?.when === 'on'
        ? { when: 'on' }
        : { when: offset?.when, amount: offset?.amount, unit: offset?.unit },
    exclusions: exclusions.exclusions,
    action: body.action as ActionName,
    action_settings: settings.settings,
    then_status_id: (body.then_status_id as number | null) ?? null,
    processing: body.processing as 'manual' | 'automatic',
    time_frame: {
      from: frame?.from ?? null,
      to: frame?.to ?? null,
      blocked_weekdays: [...(frame?.blocked_weekdays ?? [])].sort((a, b) => a - b),
    },
    is_active: body.is_active as boolean,
  };
  return { definition, problems };
}

const isOptionalId = (value: unknown) =>
  value === undefined || value === null || (Number.isSafeInteger(value) && (value as number) >= 1);

/** The status and type filters: present only where the type has them, and when it requires them. */
function filterProblems(body: Record<string, unknown>, type: TriggerTypeDef): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  for (const [which, path] of [
    ['status', 'filter_status_id'],
    ['type', 'filter_type_id'],
  ] as const) {
    const value = body[path];
    const rule = type.filter[which];
    if (!isOptionalId(value)) problems.push({ path, problem: 'must be a positive whole number or null' });
    else if (rule === 'none' && value != null) {
      problems.push({ path, problem: `must be empty: ${type.label} triggers have no ${which} filter` });
    } else if (rule === 'required' && value == null) {
      problems.push({ path, problem: `is required: ${type.label} triggers apply to one ${which}` });
    }
  }
  return problems;
}

function keywordOf(
  body: Record<string, unknown>,
  type: TriggerTypeDef | null,
  problems: ProblemDetail[],
): string | null {
  if (type?.name !== 'sms_keyword') {
    if (type && body.keyword != null) {
      problems.push({ path: 'keyword', problem: 'applies to SMS Records (Incoming Keyword) triggers only' });
    }
    return null;
  }
  if (body.keyword == null) {
    problems.push({ path: 'keyword', problem: 'is required for SMS Records (Incoming Keyword) triggers' });
    return null;
  }
  const checked = checkSmsKeyword(body.keyword, 'keyword');
  if ('keyword' in checked) return checked.keyword;
  problems.push(checked);
  return null;
}
