import { OFFSET_UNITS } from '../domain/trigger-offset.js';
import { ACTION_NAMES } from '../domain/triggers/trigger-actions.js';
import { EMAIL_EVENTS } from '../domain/triggers/trigger-definition.js';
import { EXCLUSION_NAMES } from '../domain/triggers/trigger-exclusions.js';
import { TRIGGER_TYPE_NAMES } from '../domain/triggers/trigger-types.js';
import { MAX_PAGE } from '../store/list-records.js';

/**
 * OpenAPI schemas of the trigger routes. Like the record schemas they describe; the domain checks
 * (validateTrigger), so that every problem of a body is reported at once, with its path.
 */
type Schema = Record<string, unknown>;

const id = { type: 'integer', minimum: 1 };
const optionalId = { type: 'integer', minimum: 1, nullable: true };

const triggerFields: Record<string, Schema> = {
  name: { type: 'string', maxLength: 100 },
  trigger_type: { type: 'string', enum: [...TRIGGER_TYPE_NAMES] },
  filter_status_id: { ...optionalId, description: 'Only this status (null: all statuses)' },
  filter_type_id: { ...optionalId, description: 'Only this type (null: all types)' },
  email_event: { type: 'string', enum: [...EMAIL_EVENTS], nullable: true },
  keyword: { type: 'string', nullable: true, description: 'One word; stored upper-case' },
  date_option: { type: 'string', description: 'One of the type’s date options (GET /trigger-types)' },
  offset: {
    type: 'object',
    properties: {
      when: { type: 'string', enum: ['on', 'before', 'after'] },
      amount: { type: 'integer', minimum: 1 },
      unit: { type: 'string', enum: [...OFFSET_UNITS] },
    },
  },
  exclusions: {
    type: 'object',
    description: 'Switches (true) and nps_range {min, max}; only those of the trigger type',
    properties: Object.fromEntries(
      EXCLUSION_NAMES.map((name) => [
        name,
        name === 'nps_range'
          ? {
              type: 'object',
              nullable: true,
              properties: { min: { type: 'integer' }, max: { type: 'integer' } },
            }
          : { type: 'boolean' },
      ]),
    ),
  },
  action: { type: 'string', enum: [...ACTION_NAMES] },
  action_settings: {
    type: 'object',
    description:
      'Templates, call/task settings, Send To and referral options, email attachments (session_confirmation_pdf, invoice_pdf, ics_invitation), per action',
    additionalProperties: true,
  },
  then_status_id: { ...optionalId, description: 'Set the record to this status after the action' },
  processing: { type: 'string', enum: ['manual', 'automatic'] },
  time_frame: {
    type: 'object',
    properties: {
      from: { type: 'string', nullable: true, example: '09:00' },
      to: { type: 'string', nullable: true, example: '17:00' },
      blocked_weekdays: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 } },
    },
  },
  is_active: { type: 'boolean' },
};

export function triggerInputSchema(mode: 'create' | 'update'): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: triggerFields,
    ...(mode === 'create' ? { required: ['name', 'trigger_type', 'date_option', 'action'] } : {}),
  };
}

export const triggerSchema: Schema = {
  type: 'object',
  properties: {
    id,
    ...triggerFields,
    record_kind: { type: 'string' },
    baseline_at: {
      type: 'string',
      format: 'date-time',
      nullable: true,
      description: 'Occurrences due at or before this instant never fire (null: never active)',
    },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
};

/** A row of the trigger list: the trigger and what it has been doing. */
export const triggerListItemSchema: Schema = {
  ...triggerSchema,
  properties: {
    ...(triggerSchema.properties as Schema),
    pending_count: { type: 'integer', description: 'Its items waiting in the queue (pending)' },
    last_fired_at: {
      type: 'string',
      format: 'date-time',
      nullable: true,
      description: 'When its action last ran (an item processed); null: never',
    },
  },
};

export const triggerListQuerySchema: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    trigger_type: { type: 'string', enum: [...TRIGGER_TYPE_NAMES] },
    sub_type: {
      type: 'string',
      enum: ['status', 'type'],
      description: 'Triggers that filter by a status, or by a type',
    },
    filter_status_id: { type: 'integer', minimum: 1 },
    filter_type_id: { type: 'integer', minimum: 1 },
    is_active: { type: 'string', enum: ['true', 'false'] },
    q: { type: 'string', maxLength: 200, description: 'Part of the name, case-insensitive' },
    cursor: { type: 'string', description: 'next_cursor of the previous page' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 },
  },
};

export const triggerTypesSchema: Schema = {
  type: 'object',
  description: 'The trigger types with their filters, date options, exclusions and actions',
  additionalProperties: true,
};
