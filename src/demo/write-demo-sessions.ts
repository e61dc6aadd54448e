import { sessionMinutes, type DemoContext } from './demo-context.js';
import { LOCATIONS, NPS_COMMENTS } from './demo-names.js';
import type { SessionPlan } from './plan-demo-clients.js';
import type { DemoClient } from './write-demo-clients.js';
import { writeBookingInvoice, writeOrder, type DemoSessionRef } from './write-demo-orders.js';
import { writeDemoTask } from './write-demo-task.js';

const QUESTIONNAIRE_TYPES = new Set(['Family Portrait', 'Wedding', 'Newborn', 'High School Senior']);

/** Writes every planned session of every client, in booking order, with all that follows it. */
export async function writeDemoSessions(ctx: DemoContext, clients: readonly DemoClient[]): Promise<void> {
  const sessions = clients
    .flatMap((client) => client.plan.sessions.map((plan) => ({ client, plan })))
    .sort((a, b) => a.plan.bookedAt.getTime() - b.plan.bookedAt.getTime());
  for (const [number, { client, plan }] of sessions.entries()) {
    await writeSession(ctx, client, plan, number);
  }
}

/**
 * One session's life so far: Booked → (Timeline Received, weddings) → Confirmed → Photographed →
 * Proofs Ready → Ordered → Complete, each step written at the moment it happened and only once that
 * moment has passed. Before the day: the booking invoice, a questionnaire web form, a prep task;
 * a few sessions are canceled or put on hold.
 */
async function writeSession(
  ctx: DemoContext,
  client: DemoClient,
  plan: SessionPlan,
  number: number,
): Promise<void> {
  const { writer, rng, time, catalogs, staff } = ctx;
  const status = (name: string) => catalogs.status('session', name, plan.type);
  const end = time.plus(plan.start, { minutes: sessionMinutes(plan.type) });
  const photographer = rng.pick(staff.photographers);
  const id = await writer.create(
    'session',
    {
      client_id: client.id,
      session_type_id: catalogs.type('session', plan.type),
      session_number: `S-${20001 + number}`,
      description: `${plan.type}: ${client.name}`,
      start: time.text(plan.start),
      end: time.text(end),
      photographer_id: photographer,
      location: plan.type === 'Headshot' || plan.type === 'Newborn' ? 'Studio A' : rng.pick(LOCATIONS),
      status_id: status('Booked'),
    },
    plan.bookedAt,
  );
  const session: DemoSessionRef = { id, client, plan, number };
  await writeBookingInvoice(ctx, session);
  await writeBeforeTheDay(ctx, session, photographer);

  if (rng.chance(0.04)) {
    const canceledAt = time.earliest(time.plus(plan.bookedAt, { days: 2 }), time.now);
    await writer.update('session', id, { canceled: true, notes: 'Client canceled; may rebook.' }, canceledAt);
    return;
  }
  if (plan.type === 'Wedding') {
    const timelineAt = time.plus(plan.bookedAt, { days: 14 });
    if (time.isPast(timelineAt) && timelineAt < time.plus(plan.start, { days: -10 })) {
      await writer.status('session', id, status('Timeline Received'), timelineAt);
    }
  }
  const confirmAt = time.latest(
    time.onDayOf(plan.start, -rng.int(2, 7), 10),
    time.plus(plan.bookedAt, { hours: 1 }),
  );
  if (time.isPast(confirmAt)) {
    await writer.update('session', id, { status_id: status('Confirmed'), confirmed: true }, confirmAt);
  }
  if (!time.isPast(end)) {
    if (rng.chance(0.03)) {
      const notes = 'On hold: waiting for the client to confirm the location.';
      await writer.update('session', id, { on_hold: true, notes }, time.now);
    }
    return;
  }

  await writeAfterTheDay(ctx, session, end);
}

/**
 * After the session: Photographed, a proofing (preproduction) order and a retouching task, Proofs
 * Ready four days later, then ordering and production, Complete, a thank-you card and sometimes an
 * NPS score.
 */
async function writeAfterTheDay(ctx: DemoContext, session: DemoSessionRef, end: Date): Promise<void> {
  const { writer, rng, time, catalogs, staff } = ctx;
  const { client, plan, id } = session;
  const status = (name: string) => catalogs.status('session', name, plan.type);
  const proofing = (name: string) => catalogs.status('preproduction_order', name);
  await writer.status('session', id, status('Photographed'), end);
  const proofsAt = time.onDayOf(plan.start, 4, 10);
  const preproduction = await writer.create(
    'preproduction_order',
    {
      session_id: id,
      order_number: `PP-${50001 + session.number}`,
      vendor: 'In-house',
      order_date: time.date(end),
      status_id: proofing('Culling'),
    },
    end,
  );
  const retouchAt = time.onDayOf(plan.start, 1, 9);
  if (time.isPast(retouchAt)) {
    await writer.status('preproduction_order', preproduction, proofing('Retouching'), retouchAt);
  }
  await writeDemoTask(ctx, {
    type: 'Retouching',
    subject: `Retouch ${plan.type.toLowerCase()} images for ${client.name}`,
    assignee: staff.editor,
    department: 'Editing',
    createdAt: end,
    dueInDays: 4,
    startedAt: retouchAt,
    doneAt: proofsAt,
    links: { client_id: client.id, session_id: id },
  });
  if (!time.isPast(proofsAt)) return;
  await writer.status('preproduction_order', preproduction, proofing('Proofs Published'), proofsAt);
  await writer.status('session', id, status('Proofs Ready'), proofsAt);

  const { orderedAt, completeAt } = await writeOrder(ctx, session, proofsAt);
  if (orderedAt) await writer.status('session', id, status('Ordered'), orderedAt);
  if (!completeAt) return;
  await writer.status('session', id, status('Complete'), completeAt);
  await writeDemoTask(ctx, {
    type: 'Thank-you Card',
    subject: `Send a thank-you card to ${client.name}`,
    assignee: staff.frontDesk,
    department: 'Front Desk',
    createdAt: completeAt,
    dueInDays: 3,
    doneAt: rng.chance(0.7) ? time.plus(completeAt, { days: 2 }) : null,
    links: { client_id: client.id, session_id: id },
  });
  const npsAt = time.plus(completeAt, { days: rng.int(1, 5), hours: rng.int(1, 8) });
  if (rng.chance(0.4) && time.isPast(npsAt)) {
    const score = rng.weighted([
      [10, 5],
      [9, 4],
      [8, 2],
      [7, 1],
      [6, 1],
      [3, 1],
    ] as const);
    const comment = rng.pick(NPS_COMMENTS);
    await writer.update(
      'session',
      id,
      { nps_score: score, nps_received_at: time.text(npsAt), ...(comment ? { nps_comment: comment } : {}) },
      npsAt,
    );
  }
}

/** A questionnaire web form and the photographer's prep task, both made when the session is booked. */
async function writeBeforeTheDay(ctx: DemoContext, session: DemoSessionRef, photographer: number) {
  const { writer, rng, time, catalogs } = ctx;
  const { plan, client } = session;
  if (QUESTIONNAIRE_TYPES.has(plan.type) && rng.chance(0.6)) {
    const sentAt = time.earliest(time.plus(plan.bookedAt, { hours: 1 }), time.now);
    const form = await writer.create(
      'web_form',
      {
        web_form_template_id: catalogs.webFormTemplate('Session Questionnaire'),
        client_id: client.id,
        session_id: session.id,
        status_id: catalogs.status('web_form', 'Sent'),
        expires_at: time.text(plan.start),
      },
      sentAt,
    );
    const openedAt = time.plus(sentAt, { days: 1 });
    if (rng.chance(0.5) && time.isPast(openedAt)) {
      await writer.status('web_form', form, catalogs.status('web_form', 'Opened'), openedAt);
    }
  }
  const prepAt = time.earliest(time.plus(plan.bookedAt, { minutes: 30 }), time.now);
  const dueInDays = Math.max(0, Math.round((plan.start.getTime() - prepAt.getTime()) / 86_400_000) - 1);
  await writeDemoTask(ctx, {
    type: 'Session Prep',
    subject: `Prepare ${plan.type.toLowerCase()} session for ${client.name}`,
    assignee: photographer,
    department: 'Photography',
    createdAt: prepAt,
    dueInDays,
    priority: 2,
    doneAt: time.plus(plan.start, { hours: -2 }),
    links: { client_id: client.id, session_id: session.id },
  });
}
