import type { FastifyInstance } from 'fastify';
import {
  RECORD_KINDS,
  type RecordKind,
  type RecordKindName,
  type StatusKind,
  type TypeKind,
} from '../../src/domain/record-kinds/index.js';
import { call } from './studio-fixture.js';

/** One studio's records of every kind, made through the API, and the catalogs they use. */
export interface StudioRecords {
  /** One row of each kind (for `type` and `status`: the session type and session status). */
  ids: Record<RecordKindName, number>;
  types: Partial<Record<TypeKind, number>>;
  statuses: Partial<Record<StatusKind, number>>;
  /** A member of the studio, for fields that name a staff user. */
  userId: number;
  /** A trigger on the session type and status above. */
  triggerId: number;
}

type Context = Omit<StudioRecords, 'ids' | 'triggerId'> & { ids: Partial<Record<RecordKindName, number>> };

interface Sample {
  /** A valid create body, given what was made before (the kind's references point at those rows). */
  create(ctx: Context): Record<string, unknown>;
  /** A valid change of a plain field. */
  patch: Record<string, unknown>;
}

const id = (ctx: Context, kind: RecordKindName): number => {
  const value = ctx.ids[kind];
  if (value === undefined) throw new Error(`${kind} is made later than what refers to it`);
  return value;
};
const typeId = (ctx: Context, kind: TypeKind): number => ctx.types[kind] as number;
const statusId = (ctx: Context, kind: StatusKind): number => ctx.statuses[kind] as number;
let rewardCodes = 0;

/**
 * A sample of every kind. Typed as a Record over every kind name, so a new kind in the registry
 * does not compile until it has a sample here, and so cannot escape the isolation matrix.
 */
export const SAMPLES: Record<RecordKindName, Sample> = {
  department: { create: () => ({ name: 'Printing' }), patch: { name: 'Print room' } },
  relationship: { create: () => ({ name: 'Sister' }), patch: { name: 'Sibling' } },
  type: { create: () => ({ kind: 'session', name: 'Portrait' }), patch: { name: 'Portraits' } },
  status: {
    create: () => ({ kind: 'session', name: 'Booked', duration_days: 2 }),
    patch: { name: 'Booked!' },
  },
  referral_program: { create: () => ({ name: 'Friends' }), patch: { name: 'Friends and family' } },
  web_form_template: {
    create: () => ({ name: 'Questionnaire', basis: 'client' }),
    patch: { name: 'Pre-session questionnaire' },
  },
  client: {
    create: (ctx) => ({
      first_name: 'Ada',
      last_name: 'Lovelace',
      status_id: statusId(ctx, 'client'),
      referral_program_id: id(ctx, 'referral_program'),
      phones: [{ number: '(212) 555-0142', sms_capable: true }],
      emails: [{ address: 'ada@example.com' }],
      allow_marketing_email: true,
    }),
    patch: { first_name: 'Augusta' },
  },
  family_member: {
    create: (ctx) => ({
      client_id: id(ctx, 'client'),
      relationship_id: id(ctx, 'relationship'),
      first_name: 'Byron',
    }),
    patch: { first_name: 'George' },
  },
  session: {
    create: (ctx) => ({
      client_id: id(ctx, 'client'),
      session_type_id: typeId(ctx, 'session'),
      start: '2026-04-10T14:00:00Z',
      status_id: statusId(ctx, 'session'),
      photographer_id: ctx.userId,
    }),
    patch: { description: 'Outdoor' },
  },
  appointment: {
    create: (ctx) => ({
      client_id: id(ctx, 'client'),
      session_id: id(ctx, 'session'),
      appointment_type_id: typeId(ctx, 'appointment'),
      start: '2026-04-03T15:00:00Z',
      status_id: statusId(ctx, 'appointment'),
      staff_user_id: ctx.userId,
    }),
    patch: { description: 'Consultation' },
  },
  invoice: {
    create: (ctx) => ({
      client_id: id(ctx, 'client'),
      session_id: id(ctx, 'session'),
      invoice_date: '2026-04-10',
      total_cents: 45000,
      status_id: statusId(ctx, 'invoice'),
    }),
    patch: { description: 'Session fee' },
  },
  production_order: {
    create: (ctx) => ({
      invoice_id: id(ctx, 'invoice'),
      order_type_id: typeId(ctx, 'production_order'),
      order_date: '2026-04-12',
      status_id: statusId(ctx, 'production_order'),
      department_id: id(ctx, 'department'),
      assigned_user_id: ctx.userId,
    }),
    patch: { vendor: 'Lab' },
  },
  preproduction_order: {
    create: (ctx) => ({
      session_id: id(ctx, 'session'),
      order_date: '2026-04-01',
      status_id: statusId(ctx, 'preproduction_order'),
    }),
    patch: { vendor: 'Props' },
  },
  task: {
    create: (ctx) => ({
      task_type_id: typeId(ctx, 'task'),
      subject: 'Call about prints',
      status_id: statusId(ctx, 'task'),
      assigned_user_id: ctx.userId,
      department_id: id(ctx, 'department'),
      client_id: id(ctx, 'client'),
      session_id: id(ctx, 'session'),
      invoice_id: id(ctx, 'invoice'),
      production_order_id: id(ctx, 'production_order'),
    }),
    patch: { subject: 'Call about the album' },
  },
  web_form: {
    create: (ctx) => ({
      web_form_template_id: id(ctx, 'web_form_template'),
      client_id: id(ctx, 'client'),
      status_id: statusId(ctx, 'web_form'),
    }),
    patch: { expires_at: '2026-05-01T00:00:00Z' },
  },
  loyalty_reward: {
    create: (ctx) => ({
      client_id: id(ctx, 'client'),
      // Codes are unique within a studio.
      code: `THANKS${(rewardCodes += 1)}`,
      amount_cents: 1000,
      issued_date: '2026-04-15',
      referral_program_id: id(ctx, 'referral_program'),
    }),
    patch: { notes: 'Thank-you reward' },
  },
};

/** A valid trigger body naming the studio's session type and statuses (no templates needed). */
export function triggerSample(ctx: Omit<StudioRecords, 'triggerId'>): Record<string, unknown> {
  return {
    name: 'Two days before the session',
    trigger_type: 'session_status',
    filter_status_id: ctx.statuses.session,
    filter_type_id: ctx.types.session,
    date_option: 'session_start',
    offset: { when: 'before', amount: 2, unit: 'days' },
    action: 'status_change_only',
    then_status_id: ctx.statuses.session,
  };
}

/** The type and status catalogs the records above need (each status unscoped: it fits every type). */
const TYPES_NEEDED: TypeKind[] = ['session', 'appointment', 'task', 'production_order'];
const STATUSES_NEEDED = RECORD_KINDS.flatMap((kind) => (kind.status ? [kind.status.catalog] : []));

async function post(app: FastifyInstance, token: string, url: string, body: unknown): Promise<any> {
  const response = await call(app, token, 'POST', url, body);
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Makes one row of every kind in the registry, in the registry's order (catalogs before the
 * records that use them), through the API as the given owner, and moves every record with a
 * status into a second status so that each has more than one status-history row.
 */
export async function makeStudioRecords(
  app: FastifyInstance,
  ownerToken: string,
  userId: number,
): Promise<StudioRecords> {
  const ctx: Context = { ids: {}, types: {}, statuses: {}, userId };
  for (const kind of RECORD_KINDS) {
    const base = `/api/v1/${kind.path}`;
    if (kind.name === 'type') {
      for (const typeKind of TYPES_NEEDED)
        ctx.types[typeKind] = (
          await post(app, ownerToken, base, { kind: typeKind, name: `A ${typeKind}` })
        ).id;
      ctx.ids.type = ctx.types.session;
    } else if (kind.name === 'status') {
      for (const catalog of STATUSES_NEEDED)
        ctx.statuses[catalog] = (
          await post(app, ownerToken, base, { kind: catalog, name: `In ${catalog}` })
        ).id;
      ctx.ids.status = ctx.statuses.session;
    } else {
      ctx.ids[kind.name] = (await post(app, ownerToken, base, SAMPLES[kind.name].create(ctx))).id;
    }
  }
  for (const kind of RECORD_KINDS.filter((k) => k.status)) {
    const catalog = (kind.status as { catalog: StatusKind }).catalog;
    const second = await post(app, ownerToken, '/api/v1/statuses', {
      kind: catalog,
      name: `Next ${catalog}`,
    });
    await post(app, ownerToken, `/api/v1/${kind.path}/${ctx.ids[kind.name]}/status`, {
      status_id: second.id,
    });
  }
  const made = ctx as Omit<StudioRecords, 'triggerId'>;
  const trigger = await post(app, ownerToken, '/api/v1/triggers', triggerSample(made));
  return { ...made, triggerId: trigger.id };
}

/** The reference fields a sample create body of the kind fills in. */
export function refFieldsOf(kind: RecordKind, body: Record<string, unknown>): string[] {
  return kind.fields.filter((f) => f.type === 'ref' && body[f.name] !== undefined).map((f) => f.name);
}
