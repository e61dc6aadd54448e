import { ManualClock } from '../../src/domain/clock.js';
import type { Store } from '../../src/store/database.js';
import { loadStudioContext } from '../../src/store/studio-context.js';
import { createTrigger } from '../../src/store/triggers.js';
import type { ChainDataset } from './chain-dataset.js';

type Offset = { when: 'on' } | { when: 'before' | 'after'; amount: number; unit: string };
const on: Offset = { when: 'on' };
const before = (amount: number, unit: string): Offset => ({ when: 'before', amount, unit });
const after = (amount: number, unit: string): Offset => ({ when: 'after', amount, unit });

interface Shape {
  type: string;
  date: string;
  offset: Offset;
  /** Filters by the studio's k-th status / type of the trigger's kind. */
  status?: { kind: 'client' | 'session' | 'appointment' | 'invoice' | 'task'; k: number };
  kindType?: { kind: 'session' | 'appointment' | 'task'; k: number };
  exclusions?: Record<string, boolean>;
}

/**
 * Twenty-five trigger shapes a studio chain would run: reminders before sessions and appointments,
 * follow-ups after them, invoice and payment reminders, task due dates, status entries and status
 * due dates, new clients and birthdays. Each is used twice (the second time with doubled amounts),
 * spread over the ten studios: fifty triggers of every date-option family.
 */
const SHAPES: readonly Shape[] = [
  { type: 'session_type', date: 'session_start', offset: before(1, 'days'), exclusions: { canceled: true } },
  { type: 'session_type', date: 'session_start', offset: before(2, 'business_days') },
  { type: 'session_type', date: 'session_end', offset: after(1, 'days') },
  {
    type: 'session_type',
    date: 'booked_date',
    offset: after(1, 'hours'),
    kindType: { kind: 'session', k: 1 },
  },
  { type: 'session_status', date: 'status_entered', offset: on, status: { kind: 'session', k: 0 } },
  { type: 'session_status', date: 'status_due_date', offset: on },
  {
    type: 'session_status',
    date: 'session_start',
    offset: before(7, 'days'),
    status: { kind: 'session', k: 1 },
  },
  { type: 'session_type', date: 'session_start', offset: before(3, 'hours'), exclusions: { on_hold: true } },
  { type: 'appointment_type', date: 'appointment_start', offset: before(1, 'days') },
  { type: 'appointment_type', date: 'booked_date', offset: after(30, 'minutes') },
  {
    type: 'appointment_type_status',
    date: 'status_entered',
    offset: after(1, 'days'),
    status: { kind: 'appointment', k: 0 },
    kindType: { kind: 'appointment', k: 0 },
  },
  {
    type: 'appointment_type_status',
    date: 'appointment_start',
    offset: before(2, 'hours'),
    status: { kind: 'appointment', k: 1 },
    kindType: { kind: 'appointment', k: 1 },
  },
  { type: 'invoice_status', date: 'invoice_date', offset: after(7, 'days') },
  {
    type: 'invoice_status',
    date: 'payment_due_date',
    offset: before(3, 'days'),
    status: { kind: 'invoice', k: 0 },
  },
  { type: 'invoice_status', date: 'payment_due_date', offset: after(1, 'business_days') },
  { type: 'invoice_status', date: 'status_entered', offset: on },
  {
    type: 'invoice_status',
    date: 'status_due_date',
    offset: after(1, 'days'),
    status: { kind: 'invoice', k: 2 },
  },
  { type: 'task_type', date: 'due_date', offset: before(1, 'days') },
  { type: 'task_type', date: 'start_date', offset: on, kindType: { kind: 'task', k: 2 } },
  { type: 'task_type', date: 'created', offset: after(1, 'hours') },
  {
    type: 'task_status',
    date: 'status_entered',
    offset: on,
    status: { kind: 'task', k: 0 },
    kindType: { kind: 'task', k: 0 },
  },
  {
    type: 'task_status',
    date: 'due_date',
    offset: on,
    status: { kind: 'task', k: 1 },
    kindType: { kind: 'task', k: 1 },
  },
  { type: 'client_status', date: 'created', offset: after(1, 'days') },
  { type: 'client_status', date: 'birthday', offset: before(7, 'days') },
  {
    type: 'client_status',
    date: 'status_entered',
    offset: after(2, 'days'),
    status: { kind: 'client', k: 1 },
  },
];

export const CHAIN_TRIGGER_COUNT = SHAPES.length * 2;

/**
 * Creates the fifty triggers through the product's own trigger store (validated, baselined) at
 * `createdAt`: the first pass then catches up on every trigger date since, as after downtime.
 */
export async function createChainTriggers(
  store: Store,
  dataset: ChainDataset,
  createdAt: Date,
): Promise<number[]> {
  const clock = new ManualClock(createdAt);
  const ids: number[] = [];
  for (let i = 0; i < CHAIN_TRIGGER_COUNT; i += 1) {
    const shape = SHAPES[i % SHAPES.length]!;
    const s = i % dataset.studioIds.length;
    const studio = await loadStudioContext(store.db, dataset.studioIds[s]!);
    if (!studio) throw new Error(`studio ${dataset.studioIds[s]} is missing`);
    const double = i >= SHAPES.length;
    const offset =
      shape.offset.when === 'on' || !double
        ? shape.offset
        : { ...shape.offset, amount: shape.offset.amount * 2 };
    const trigger = await createTrigger({ db: store.db, clock }, studio, {
      name: `${shape.type} ${shape.date} #${i + 1}`,
      trigger_type: shape.type,
      date_option: shape.date,
      offset,
      ...(shape.status ? { filter_status_id: dataset.statusId(s, shape.status.kind, shape.status.k) } : {}),
      ...(shape.kindType ? { filter_type_id: dataset.typeId(s, shape.kindType.kind, shape.kindType.k) } : {}),
      exclusions: shape.exclusions ?? {},
      action: 'task',
      action_settings: { task_type_id: dataset.typeId(s, 'task', 0), subject: 'Follow up' },
    });
    ids.push(trigger.id);
  }
  return ids;
}
