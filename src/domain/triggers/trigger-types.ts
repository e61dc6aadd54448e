import type { RecordKindName, TypeKind } from '../record-kinds/index.js';
import { ACTION_NAMES, type ActionName } from './trigger-actions.js';
import { BOOKING_FLAG_EXCLUSIONS, NPS_EXCLUSIONS, type ExclusionName } from './trigger-exclusions.js';

/**
 * The 14 trigger types of SPEC §3.1, described once. Validation, the API's lists of choices, the
 * evaluator's SQL and the explain/forecast answers are derived from this table.
 *
 * An anchor says where an occurrence's moment comes from, and so what its occurrence key is
 * (SPEC §3.2):
 * - `status_entered` / `status_due`: a status-history row (instant it was entered / its due date);
 *   key = the history row, so entering the same status again is a new occurrence.
 * - `field`: a field of the record (an instant or a calendar date); key = record + value, so a
 *   changed value (a rescheduled session) is a new occurrence and the old one is withdrawn.
 * - `yearly`: a birth date or anniversary; key = record (+ family member) + year; 29 February falls
 *   on 28 February in other years.
 * - `event`: an inbound event (an email event, an incoming SMS); key = the event.
 */
export type Anchor =
  | { readonly kind: 'status_entered' }
  | { readonly kind: 'status_due' }
  | { readonly kind: 'field'; readonly field: string; readonly value: 'instant' | 'date' }
  | { readonly kind: 'yearly'; readonly field: string; readonly of: 'record' | 'family_member' }
  | { readonly kind: 'event' };

export interface DateOptionDef {
  readonly label: string;
  readonly anchor: Anchor;
}

/**
 * Where a trigger date may lie relative to the anchor. An event is known only once it has
 * happened, so nothing can fall due before it: event anchors are `on` or `after` only.
 */
export function offsetWhensOf(anchor: Anchor): readonly ('on' | 'before' | 'after')[] {
  return anchor.kind === 'event' ? ['on', 'after'] : ['on', 'before', 'after'];
}

export const TRIGGER_TYPE_NAMES = [
  'client_status',
  'session_status',
  'session_type',
  'appointment_type',
  'appointment_type_status',
  'invoice_status',
  'production_status',
  'preproduction_status',
  'task_status',
  'task_type',
  'web_form_status',
  'email_records',
  'sms_keyword',
  'loyalty_reward',
] as const;
export type TriggerTypeName = (typeof TRIGGER_TYPE_NAMES)[number];

export interface TriggerTypeDef {
  readonly name: TriggerTypeName;
  readonly label: string;
  /** The record an occurrence belongs to. Email events and incoming SMS belong to their client. */
  readonly recordKind: RecordKindName;
  /** Which filters the type has: a status, a type (the record's type field), both or neither. */
  readonly filter: {
    readonly status: 'none' | 'optional' | 'required';
    readonly type: 'none' | 'optional' | 'required';
    /** The record field that holds its type, for type filters and scoped statuses. */
    readonly typeField?: string;
    /** The type catalog the type filter picks from. */
    readonly typeKind?: TypeKind;
  };
  readonly dateOptions: Readonly<Record<string, DateOptionDef>>;
  readonly exclusions: readonly ExclusionName[];
  readonly actions: readonly ActionName[];
  /**
   * Where the on-hold / confirmed / canceled flags are read: on the record itself (sessions,
   * appointments) or on the session it links to.
   */
  readonly bookingFlags?: 'self' | 'session_id';
}

const COMMON_EXCLUSIONS: readonly ExclusionName[] = ['date_is_past', 'allow_marketing'];
const STATUS_DATES = {
  status_entered: { label: 'Status entered', anchor: { kind: 'status_entered' } },
  status_due_date: { label: 'Status due date', anchor: { kind: 'status_due' } },
} as const satisfies Record<string, DateOptionDef>;
const field = (label: string, name: string, value: 'instant' | 'date'): DateOptionDef => ({
  label,
  anchor: { kind: 'field', field: name, value },
});
const SESSION_DATES = {
  session_start: field('Session start', 'start', 'instant'),
  session_end: field('Session end', 'end', 'instant'),
  booked_date: field('Booked date', 'booked_at', 'instant'),
  nps_receipt_date: field('NPS receipt date', 'nps_received_at', 'instant'),
};
const TASK_DATES = {
  start_date: field('Start date', 'start_date', 'date'),
  due_date: field('Due date', 'due_date', 'date'),
  completed_date: field('Completed date', 'completed_date', 'date'),
};

/** Actions that need nothing of the record but a way to reach its client. */
const MESSAGE_ACTIONS = ACTION_NAMES.filter(
  (a) => a !== 'nps_sms' && a !== 'sms_confirmation' && a !== 'status_change_only',
);
const WITH_STATUS_CHANGE: readonly ActionName[] = [...MESSAGE_ACTIONS, 'status_change_only'];
const SESSION_ACTIONS: readonly ActionName[] = [...WITH_STATUS_CHANGE, 'nps_sms', 'sms_confirmation'];
const APPOINTMENT_ACTIONS: readonly ActionName[] = [...WITH_STATUS_CHANGE, 'sms_confirmation'];

function type(def: Omit<TriggerTypeDef, 'exclusions'> & { extraExclusions?: readonly ExclusionName[] }) {
  const { extraExclusions = [], ...rest } = def;
  const booking = def.bookingFlags ? BOOKING_FLAG_EXCLUSIONS : [];
  return { ...rest, exclusions: [...COMMON_EXCLUSIONS, ...booking, ...extraExclusions] } as TriggerTypeDef;
}

export const TRIGGER_TYPES: Readonly<Record<TriggerTypeName, TriggerTypeDef>> = {
  client_status: type({
    name: 'client_status',
    label: 'Client Status',
    recordKind: 'client',
    filter: { status: 'optional', type: 'none' },
    dateOptions: {
      ...STATUS_DATES,
      birthday: { label: 'Birthday (yearly)', anchor: { kind: 'yearly', field: 'birth_date', of: 'record' } },
      anniversary: {
        label: 'Anniversary (yearly)',
        anchor: { kind: 'yearly', field: 'anniversary', of: 'record' },
      },
      family_member_birthday: {
        label: 'Family member birthday (yearly)',
        anchor: { kind: 'yearly', field: 'birth_date', of: 'family_member' },
      },
      created: field('Created', 'created_at', 'instant'),
    },
    actions: WITH_STATUS_CHANGE,
  }),
  session_status: type({
    name: 'session_status',
    label: 'Session Status',
    recordKind: 'session',
    filter: { status: 'optional', type: 'optional', typeField: 'session_type_id', typeKind: 'session' },
    dateOptions: { ...STATUS_DATES, ...SESSION_DATES },
    bookingFlags: 'self',
    extraExclusions: NPS_EXCLUSIONS,
    actions: SESSION_ACTIONS,
  }),
  session_type: type({
    name: 'session_type',
    label: 'Session Type',
    recordKind: 'session',
    filter: { status: 'none', type: 'optional', typeField: 'session_type_id', typeKind: 'session' },
    dateOptions: SESSION_DATES,
    bookingFlags: 'self',
    extraExclusions: NPS_EXCLUSIONS,
    actions: SESSION_ACTIONS,
  }),
  appointment_type: type({
    name: 'appointment_type',
    label: 'Appointment Type',
    recordKind: 'appointment',
    filter: { status: 'none', type: 'optional', typeField: 'appointment_type_id', typeKind: 'appointment' },
    dateOptions: {
      appointment_start: field('Appointment start', 'start', 'instant'),
      booked_date: field('Booked date', 'booked_at', 'instant'),
    },
    bookingFlags: 'self',
    actions: APPOINTMENT_ACTIONS,
  }),
  appointment_type_status: type({
    name: 'appointment_type_status',
    label: 'Appointment Type and Status',
    recordKind: 'appointment',
    filter: {
      status: 'required',
      type: 'required',
      typeField: 'appointment_type_id',
      typeKind: 'appointment',
    },
    dateOptions: { ...STATUS_DATES, appointment_start: field('Appointment start', 'start', 'instant') },
    bookingFlags: 'self',
    actions: APPOINTMENT_ACTIONS,
  }),
  invoice_status: type({
    name: 'invoice_status',
    label: 'Invoice Status',
    recordKind: 'invoice',
    filter: { status: 'optional', type: 'none' },
    dateOptions: {
      ...STATUS_DATES,
      invoice_date: field('Invoice date', 'invoice_date', 'date'),
      payment_due_date: field('Payment due date', 'payment_due_date', 'date'),
    },
    bookingFlags: 'session_id',
    actions: WITH_STATUS_CHANGE,
  }),
  production_status: type({
    name: 'production_status',
    label: 'Production Status',
    recordKind: 'production_order',
    filter: {
      status: 'required',
      type: 'required',
      typeField: 'order_type_id',
      typeKind: 'production_order',
    },
    dateOptions: {
      ...STATUS_DATES,
      order_date: field('Order date', 'order_date', 'date'),
      order_due_date: field('Order due date', 'due_date', 'date'),
    },
    actions: WITH_STATUS_CHANGE,
  }),
  preproduction_status: type({
    name: 'preproduction_status',
    label: 'Preproduction Status',
    recordKind: 'preproduction_order',
    filter: { status: 'optional', type: 'none' },
    dateOptions: { ...STATUS_DATES, order_date: field('Order date', 'order_date', 'date') },
    bookingFlags: 'session_id',
    actions: WITH_STATUS_CHANGE,
  }),
  task_status: type({
    name: 'task_status',
    label: 'Task Status',
    recordKind: 'task',
    filter: { status: 'required', type: 'required', typeField: 'task_type_id', typeKind: 'task' },
    dateOptions: { ...STATUS_DATES, ...TASK_DATES },
    bookingFlags: 'session_id',
    actions: WITH_STATUS_CHANGE,
  }),
  task_type: type({
    name: 'task_type',
    label: 'Task Type',
    recordKind: 'task',
    filter: { status: 'none', type: 'optional', typeField: 'task_type_id', typeKind: 'task' },
    dateOptions: { ...TASK_DATES, created: field('Created', 'created_at', 'instant') },
    bookingFlags: 'session_id',
    actions: WITH_STATUS_CHANGE,
  }),
  web_form_status: type({
    name: 'web_form_status',
    label: 'Web Form Status',
    recordKind: 'web_form',
    filter: { status: 'optional', type: 'none' },
    dateOptions: STATUS_DATES,
    bookingFlags: 'session_id',
    actions: WITH_STATUS_CHANGE,
  }),
  email_records: type({
    name: 'email_records',
    label: 'Email Records',
    recordKind: 'client',
    // The type filter is the email type of the message the event is about.
    filter: { status: 'none', type: 'optional', typeKind: 'email' },
    dateOptions: { event_time: { label: 'Event time', anchor: { kind: 'event' } } },
    actions: WITH_STATUS_CHANGE,
  }),
  sms_keyword: type({
    name: 'sms_keyword',
    label: 'SMS Records (Incoming Keyword)',
    recordKind: 'client',
    filter: { status: 'none', type: 'none' },
    dateOptions: { received: { label: 'Received', anchor: { kind: 'event' } } },
    actions: WITH_STATUS_CHANGE,
  }),
  loyalty_reward: type({
    name: 'loyalty_reward',
    label: 'Loyalty Reward',
    recordKind: 'loyalty_reward',
    filter: { status: 'none', type: 'none' },
    dateOptions: {
      issued_date: field('Issued date', 'issued_date', 'date'),
      expiration_date: field('Expiration date', 'expiration_date', 'date'),
    },
    extraExclusions: ['include_fully_redeemed'],
    actions: MESSAGE_ACTIONS,
  }),
};
