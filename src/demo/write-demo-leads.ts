import type { DemoContext } from './demo-context.js';
import type { DemoClient } from './write-demo-clients.js';
import { writeDemoTask } from './write-demo-task.js';

/**
 * Work that is not about a session: a follow-up call and often a consultation for every lead (some
 * past, some coming up), and a reactivation call for some past clients in the weeks ahead.
 */
export async function writeDemoLeadWork(ctx: DemoContext, clients: readonly DemoClient[]): Promise<void> {
  const { writer, rng, time, catalogs, staff } = ctx;
  for (const client of clients) {
    const { plan } = client;
    if (plan.profile === 'lead') {
      await writeDemoTask(ctx, {
        type: 'Follow-up Call',
        subject: `Call ${client.name} back about a session`,
        assignee: staff.frontDesk,
        department: 'Front Desk',
        createdAt: plan.createdAt,
        dueInDays: 2,
        priority: 2,
        doneAt: rng.chance(0.6) ? time.plus(plan.createdAt, { days: rng.int(1, 3) }) : null,
        links: { client_id: client.id },
      });
      if (!rng.chance(0.6)) continue;
      const type = 'Consultation';
      const start = time.onDayOf(plan.createdAt, rng.int(3, 20), rng.int(10, 18));
      const end = time.plus(start, { minutes: 45 });
      const id = await writer.create(
        'appointment',
        {
          client_id: client.id,
          appointment_type_id: catalogs.type('appointment', type),
          description: `Consultation: ${client.name}`,
          start: time.text(start),
          end: time.text(end),
          staff_user_id: rng.pick(staff.photographers),
          location: 'Studio B',
          status_id: catalogs.status('appointment', 'Scheduled', type),
          confirmed: rng.chance(0.5),
        },
        time.plus(plan.createdAt, { hours: 1 }),
      );
      if (time.isPast(end)) {
        const outcome = rng.chance(0.75) ? 'Completed' : 'No Show';
        await writer.status('appointment', id, catalogs.status('appointment', outcome, type), end);
      }
    } else if (plan.profile === 'past' && rng.chance(0.3)) {
      await writeDemoTask(ctx, {
        type: 'Follow-up Call',
        subject: `Invite ${client.name} back for an updated portrait`,
        assignee: staff.frontDesk,
        department: 'Sales',
        createdAt: time.earliest(time.at(-rng.int(0, 10), rng.int(9, 17)), time.now),
        dueInDays: rng.int(3, 40),
        priority: 4,
        links: { client_id: client.id },
      });
    }
  }
}
