import type { StatusKind, TypeKind } from '../domain/record-kinds/index.js';

/**
 * The catalogs a new studio starts with, modelled on the reference product's maintenance lists
 * (docs/reference domain notes §1.10): the demo studio uses them, and `triggerfish studio create`
 * gives them to a real studio to rename and extend. Durations are business days of the work week.
 */
export interface StarterType {
  readonly kind: TypeKind;
  readonly name: string;
  readonly minutes?: number;
  readonly color?: string;
}

export interface StarterStatus {
  readonly kind: StatusKind;
  readonly name: string;
  /** Scoped statuses name the type they belong to. */
  readonly scope?: string;
  readonly days?: number;
  readonly initial?: boolean;
  readonly final?: boolean;
  readonly submit?: boolean;
}

export const STARTER_DEPARTMENTS = ['Front Desk', 'Photography', 'Editing', 'Production', 'Sales'] as const;

export const STARTER_RELATIONSHIPS = [
  'Spouse',
  'Partner',
  'Child',
  'Parent',
  'Sibling',
  'Grandparent',
  'Grandchild',
  'Other',
] as const;

export const STARTER_TYPES: readonly StarterType[] = [
  { kind: 'session', name: 'Family Portrait', minutes: 90, color: '#2f9e44' },
  { kind: 'session', name: 'Newborn', minutes: 180, color: '#f783ac' },
  { kind: 'session', name: 'Wedding', minutes: 480, color: '#7048e8' },
  { kind: 'session', name: 'High School Senior', minutes: 120, color: '#1c7ed6' },
  { kind: 'session', name: 'Headshot', minutes: 45, color: '#495057' },
  { kind: 'session', name: 'Pet', minutes: 60, color: '#e8590c' },
  { kind: 'session', name: 'Maternity', minutes: 90, color: '#d6336c' },
  { kind: 'appointment', name: 'Consultation', minutes: 45, color: '#0ca678' },
  { kind: 'appointment', name: 'Ordering Session', minutes: 60, color: '#f59f00' },
  { kind: 'appointment', name: 'Pickup', minutes: 15, color: '#868e96' },
  { kind: 'task', name: 'Follow-up Call' },
  { kind: 'task', name: 'Session Prep' },
  { kind: 'task', name: 'Retouching' },
  { kind: 'task', name: 'Album Design' },
  { kind: 'task', name: 'Thank-you Card' },
  { kind: 'production_order', name: 'Print' },
  { kind: 'production_order', name: 'Album' },
  { kind: 'phone_call', name: 'Booking Follow-up' },
  { kind: 'phone_call', name: 'Payment Reminder' },
  { kind: 'phone_call', name: 'Thank You Call' },
  { kind: 'phone_call', name: 'Reactivation' },
  { kind: 'phone_call', name: 'Review Request' },
  { kind: 'email', name: 'Session Confirmation' },
  { kind: 'email', name: 'Proofs Ready' },
  { kind: 'email', name: 'Invoice' },
  { kind: 'email', name: 'Newsletter' },
  { kind: 'email', name: 'Thank You' },
];

const perType = (kind: StatusKind, types: readonly string[], steps: readonly Omit<StarterStatus, 'kind'>[]) =>
  types.flatMap((scope) => steps.map((step) => ({ kind, scope, ...step })));

export const STARTER_STATUSES: readonly StarterStatus[] = [
  { kind: 'client', name: 'Lead', days: 7, initial: true },
  { kind: 'client', name: 'Active Client' },
  { kind: 'client', name: 'Past Client', final: true },
  { kind: 'client', name: 'Do Not Contact', final: true },

  // One workflow for every session type, with one extra step only weddings go through.
  { kind: 'session', name: 'Booked', days: 2, initial: true },
  { kind: 'session', name: 'Timeline Received', scope: 'Wedding', days: 10 },
  { kind: 'session', name: 'Confirmed' },
  { kind: 'session', name: 'Photographed', days: 2 },
  { kind: 'session', name: 'Proofs Ready', days: 7 },
  { kind: 'session', name: 'Ordered', days: 15 },
  { kind: 'session', name: 'Complete', final: true },

  ...perType(
    'appointment',
    ['Consultation', 'Ordering Session'],
    [
      { name: 'Scheduled', initial: true },
      { name: 'Completed', final: true },
      { name: 'No Show', days: 1 },
    ],
  ),
  ...perType(
    'appointment',
    ['Pickup'],
    [
      { name: 'Scheduled', initial: true },
      { name: 'Picked Up', final: true },
      { name: 'No Show', days: 1 },
    ],
  ),

  { kind: 'invoice', name: 'Open', days: 14, initial: true },
  { kind: 'invoice', name: 'Deposit Paid', days: 20 },
  { kind: 'invoice', name: 'Past Due', days: 5 },
  { kind: 'invoice', name: 'Paid in Full', final: true },

  { kind: 'production_order', scope: 'Print', name: 'Sent to Lab', days: 5, initial: true },
  { kind: 'production_order', scope: 'Print', name: 'Received from Lab', days: 1 },
  { kind: 'production_order', scope: 'Print', name: 'Ready for Pickup', days: 10 },
  { kind: 'production_order', scope: 'Print', name: 'Picked Up', final: true },
  { kind: 'production_order', scope: 'Album', name: 'Design', days: 10, initial: true },
  { kind: 'production_order', scope: 'Album', name: 'Client Approval', days: 5 },
  { kind: 'production_order', scope: 'Album', name: 'Printing', days: 15 },
  { kind: 'production_order', scope: 'Album', name: 'Delivered', final: true },

  { kind: 'preproduction_order', name: 'Culling', days: 2, initial: true },
  { kind: 'preproduction_order', name: 'Retouching', days: 3 },
  { kind: 'preproduction_order', name: 'Proofs Published', final: true },

  ...perType(
    'task',
    ['Follow-up Call', 'Session Prep', 'Retouching', 'Album Design', 'Thank-you Card'],
    [
      { name: 'To Do', days: 2, initial: true },
      { name: 'In Progress', days: 3 },
      { name: 'Done', final: true },
    ],
  ),

  { kind: 'web_form', name: 'Sent', days: 5, initial: true },
  { kind: 'web_form', name: 'Opened', days: 3 },
  { kind: 'web_form', name: 'Submitted', final: true, submit: true },
  { kind: 'web_form', name: 'Expired', final: true },

  { kind: 'email', name: 'Queued', initial: true },
  { kind: 'email', name: 'Sent' },
  { kind: 'email', name: 'Delivered', final: true },
  { kind: 'email', name: 'Bounced', final: true },
];

export const STARTER_REFERRAL_PROGRAMS = [
  {
    name: 'Friends & Family',
    referred_within_days: 90,
    referrer_reward_cents: 5000,
    referred_reward_cents: 2500,
    reward_valid_days: 365,
  },
  {
    name: 'Wedding Referral',
    referred_within_days: 180,
    requires_session_booked: true,
    referrer_reward_cents: 10000,
    referred_reward_cents: 0,
    reward_valid_days: 365,
  },
] as const;

export const STARTER_WEB_FORM_TEMPLATES = [
  { name: 'Session Questionnaire', basis: 'session', title: 'Help us plan your session' },
  { name: 'Client Details Update', basis: 'client', title: 'Are your details up to date?' },
  { name: 'Contact Us', basis: 'contact_us', title: 'Tell us about the photos you have in mind' },
] as const;
