import { SESSION_FEES, type DemoContext } from './demo-context.js';
import type { DemoClient } from './write-demo-clients.js';
import { writeDemoTask } from './write-demo-task.js';
import type { SessionPlan } from './plan-demo-clients.js';

export interface DemoSessionRef {
  id: number;
  client: DemoClient;
  plan: SessionPlan;
  number: number;
}

/** The session fee, invoiced at booking and paid then (most clients) or on the day of the session. */
export async function writeBookingInvoice(ctx: DemoContext, session: DemoSessionRef): Promise<void> {
  const { writer, rng, time, catalogs } = ctx;
  const { bookedAt, start, type } = session.plan;
  const total = SESSION_FEES[type];
  const id = await writer.create(
    'invoice',
    {
      client_id: session.client.id,
      session_id: session.id,
      invoice_number: `INV-${30000 + session.number * 2}`,
      invoice_type: 'session_fees',
      description: `${type} session fee`,
      invoice_date: time.date(bookedAt),
      payment_due_date: time.date(start),
      total_cents: total,
      balance_cents: total,
      status_id: catalogs.status('invoice', 'Open'),
    },
    bookedAt,
  );
  const paidAt = rng.chance(0.7) ? time.plus(bookedAt, { hours: rng.int(0, 48) }) : start;
  if (time.isPast(paidAt)) {
    await writer.update(
      'invoice',
      id,
      { balance_cents: 0, status_id: catalogs.status('invoice', 'Paid in Full') },
      paidAt,
    );
  }
}

/**
 * What happens after the proofs are ready: an ordering session; if the client orders, an order
 * invoice and a production order (prints, or an album for weddings and some others) that ends in a
 * pickup or a delivery. Returns when the client ordered and when the work was complete, where those
 * moments have passed; a client who does not order is complete a month after the session.
 */
export async function writeOrder(
  ctx: DemoContext,
  session: DemoSessionRef,
  proofsAt: Date,
): Promise<{ orderedAt: Date | null; completeAt: Date | null }> {
  const { writer, rng, time, catalogs, staff } = ctx;
  const type = 'Ordering Session';
  const start = time.onDayOf(proofsAt, rng.int(6, 10), rng.int(10, 17));
  const end = time.plus(start, { hours: 1 });
  const appointment = await writer.create(
    'appointment',
    {
      client_id: session.client.id,
      session_id: session.id,
      appointment_type_id: catalogs.type('appointment', type),
      description: `Ordering session: ${session.client.name}`,
      start: time.text(start),
      end: time.text(end),
      staff_user_id: staff.frontDesk,
      location: 'Studio A',
      status_id: catalogs.status('appointment', 'Scheduled', type),
    },
    proofsAt,
  );
  if (!time.isPast(end)) return { orderedAt: null, completeAt: null };
  if (rng.chance(0.15)) {
    await writer.status('appointment', appointment, catalogs.status('appointment', 'No Show', type), end);
    const completeAt = time.plus(session.plan.start, { days: 30 });
    return { orderedAt: null, completeAt: time.isPast(completeAt) ? completeAt : null };
  }
  await writer.status('appointment', appointment, catalogs.status('appointment', 'Completed', type), end);
  const invoice = await writeOrderInvoice(ctx, session, end);
  const album = session.plan.type === 'Wedding' || rng.chance(0.15);
  const finishedAt = album
    ? await writeAlbumOrder(ctx, session, invoice.id, end)
    : await writePrintOrder(ctx, session, invoice.id, end);
  if (finishedAt && invoice.depositOnly) {
    await writer.update(
      'invoice',
      invoice.id,
      { balance_cents: 0, status_id: catalogs.status('invoice', 'Paid in Full') },
      finishedAt,
    );
  }
  return { orderedAt: end, completeAt: finishedAt };
}

async function writeOrderInvoice(ctx: DemoContext, session: DemoSessionRef, at: Date) {
  const { writer, rng, time, catalogs } = ctx;
  const total = rng.int(70, 700) * 500;
  const due = time.plus(at, { days: 30 });
  const id = await writer.create(
    'invoice',
    {
      client_id: session.client.id,
      session_id: session.id,
      invoice_number: `INV-${30001 + session.number * 2}`,
      invoice_type: 'initial_order',
      description: 'Print and product order',
      invoice_date: time.date(at),
      payment_due_date: time.date(due),
      total_cents: total,
      balance_cents: total,
      status_id: catalogs.status('invoice', 'Open'),
    },
    at,
  );
  const payment = rng.weighted([
    ['full', 4],
    ['deposit', 4],
    ['later', 2],
  ] as const);
  if (payment === 'full') {
    await writer.update(
      'invoice',
      id,
      { balance_cents: 0, status_id: catalogs.status('invoice', 'Paid in Full') },
      at,
    );
  } else if (payment === 'deposit') {
    await writer.update(
      'invoice',
      id,
      { balance_cents: total / 2, status_id: catalogs.status('invoice', 'Deposit Paid') },
      at,
    );
  } else {
    const pastDueAt = time.onDayOf(due, 1, 9);
    if (time.isPast(pastDueAt))
      await writer.status('invoice', id, catalogs.status('invoice', 'Past Due'), pastDueAt);
  }
  return { id, depositOnly: payment === 'deposit' };
}

/** Prints go to the lab, come back, wait for pickup; returns when they were picked up. */
async function writePrintOrder(ctx: DemoContext, session: DemoSessionRef, invoiceId: number, at: Date) {
  const { writer, rng, time, catalogs, staff } = ctx;
  const status = (name: string) => catalogs.status('production_order', name, 'Print');
  const order = await writer.create(
    'production_order',
    {
      invoice_id: invoiceId,
      order_type_id: catalogs.type('production_order', 'Print'),
      order_number: `PO-${40001 + session.number}`,
      vendor: rng.pick(['Miller’s Professional Imaging', 'WHCC', 'Bay Photo Lab']),
      order_date: time.date(at),
      due_date: time.date(time.plus(at, { days: 21 })),
      status_id: status('Sent to Lab'),
      assigned_user_id: staff.production,
      department_id: catalogs.department('Production'),
    },
    at,
  );
  const received = time.onDayOf(at, rng.int(6, 9), 11);
  if (!time.isPast(received)) return null;
  await writer.status('production_order', order, status('Received from Lab'), received);
  const ready = time.plus(received, { hours: 2 });
  if (!time.isPast(ready)) return null;
  await writer.status('production_order', order, status('Ready for Pickup'), ready);
  const pickupType = 'Pickup';
  const pickupStart = time.onDayOf(ready, rng.int(2, 7), rng.int(10, 17));
  const pickup = await writer.create(
    'appointment',
    {
      client_id: session.client.id,
      session_id: session.id,
      appointment_type_id: catalogs.type('appointment', pickupType),
      description: `Pickup: ${session.client.name}`,
      start: time.text(pickupStart),
      end: time.text(time.plus(pickupStart, { minutes: 15 })),
      staff_user_id: staff.frontDesk,
      location: 'Front desk',
      status_id: catalogs.status('appointment', 'Scheduled', pickupType),
    },
    ready,
  );
  const pickedUp = time.plus(pickupStart, { minutes: 15 });
  if (!time.isPast(pickedUp)) return null;
  await writer.status(
    'appointment',
    pickup,
    catalogs.status('appointment', 'Picked Up', pickupType),
    pickedUp,
  );
  await writer.status('production_order', order, status('Picked Up'), pickedUp);
  return pickedUp;
}

/** Albums are designed, approved by the client, printed and delivered; returns the delivery. */
async function writeAlbumOrder(ctx: DemoContext, session: DemoSessionRef, invoiceId: number, at: Date) {
  const { writer, rng, time, catalogs, staff } = ctx;
  const status = (name: string) => catalogs.status('production_order', name, 'Album');
  const order = await writer.create(
    'production_order',
    {
      invoice_id: invoiceId,
      order_type_id: catalogs.type('production_order', 'Album'),
      order_number: `PO-${40001 + session.number}`,
      vendor: 'Graphistudio',
      order_date: time.date(at),
      due_date: time.date(time.plus(at, { days: 45 })),
      status_id: status('Design'),
      assigned_user_id: staff.editor,
      department_id: catalogs.department('Editing'),
    },
    at,
  );
  const approval = time.onDayOf(at, rng.int(8, 12), 15);
  await writeDemoTask(ctx, {
    type: 'Album Design',
    subject: `Design album for ${session.client.name}`,
    assignee: staff.editor,
    department: 'Editing',
    createdAt: at,
    dueInDays: 10,
    startedAt: time.plus(at, { days: 1 }),
    doneAt: approval,
    links: {
      client_id: session.client.id,
      session_id: session.id,
      invoice_id: invoiceId,
      production_order_id: order,
    },
  });
  const steps: [string, Date][] = [
    ['Client Approval', approval],
    ['Printing', time.onDayOf(approval, rng.int(4, 8), 10)],
    ['Delivered', time.onDayOf(approval, rng.int(20, 28), 16)],
  ];
  for (const [name, when] of steps) {
    if (!time.isPast(when)) return null;
    await writer.status('production_order', order, status(name), when);
  }
  return steps[2]?.[1] ?? null;
}
