import type { SessionTypeName } from './demo-context.js';
import { ADULT_FIRST_NAMES, COMPANIES, LAST_NAMES } from './demo-names.js';
import type { DemoTime } from './demo-time.js';
import type { SeededRandom } from './seeded-random.js';

/** The demo covers this many days before and after today. */
export const DEMO_WINDOW_DAYS = 60;

export type ClientProfile = 'lead' | 'active' | 'past';

export interface SessionPlan {
  type: SessionTypeName;
  start: Date;
  bookedAt: Date;
}

export interface ClientPlan {
  profile: ClientProfile;
  firstName: string;
  lastName: string;
  company: string | null;
  createdAt: Date;
  sessions: SessionPlan[];
  /** Enrolled in the Friends & Family referral program. */
  enrolled: boolean;
  /** Position (in the returned list) of the client who referred this one. */
  referredBy: number | null;
}

const TYPE_WEIGHTS: readonly (readonly [SessionTypeName, number])[] = [
  ['Family Portrait', 28],
  ['High School Senior', 14],
  ['Headshot', 8],
  ['Newborn', 10],
  ['Wedding', 8],
  ['Pet', 10],
  ['Maternity', 7],
];

/**
 * Decides who the clients are and when they booked, before anything is written: a client's
 * creation date must precede their first booking, and a referral must point at an older client.
 * Leads (about a fifth) have no session yet, active clients one or two sessions within ±60 days,
 * past clients came years ago. The list is sorted by creation date so ids grow with it.
 */
export function planDemoClients(rng: SeededRandom, time: DemoTime, count: number): ClientPlan[] {
  const plans: ClientPlan[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const profile = rng.weighted<ClientProfile>([
      ['lead', 20],
      ['active', 60],
      ['past', 20],
    ]);
    const business = rng.chance(0.05);
    const sessions: SessionPlan[] = [];
    if (profile === 'active') {
      const n = rng.chance(0.2) ? 2 : 1;
      for (let s = 0; s < n; s += 1) sessions.push(planSession(rng, time, business));
    }
    const firstBooking = time.earliest(time.now, ...sessions.map((s) => s.bookedAt));
    const createdAt =
      profile === 'lead'
        ? time.at(-rng.int(1, DEMO_WINDOW_DAYS - 5), rng.int(9, 19), rng.pick([0, 15, 30, 45]))
        : profile === 'past'
          ? time.at(-rng.int(400, 1500), rng.int(9, 19), rng.pick([0, 15, 30, 45]))
          : time.plus(firstBooking, {
              days: -rng.int(0, rng.chance(0.3) ? 700 : 120),
              hours: -rng.int(1, 8),
            });
    let firstName = rng.pick(ADULT_FIRST_NAMES);
    let lastName = rng.pick(LAST_NAMES);
    // Namesakes exist, but a list full of them looks generated: try a few times for a new name.
    for (let tries = 0; names.has(`${firstName} ${lastName}`) && tries < 5; tries += 1) {
      firstName = rng.pick(ADULT_FIRST_NAMES);
      lastName = rng.pick(LAST_NAMES);
    }
    names.add(`${firstName} ${lastName}`);
    plans.push({
      profile,
      firstName,
      lastName,
      company: business ? rng.pick(COMPANIES) : null,
      createdAt,
      sessions: sessions.sort((a, b) => a.start.getTime() - b.start.getTime()),
      enrolled: rng.chance(0.3),
      referredBy: null,
    });
  }
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const [index, plan] of plans.entries()) {
    if (index > 5 && plan.profile !== 'past' && rng.chance(0.12)) {
      const referrer = rng.int(0, index - 1);
      if (plans[referrer]?.profile !== 'lead') plan.referredBy = referrer;
    }
  }
  return plans;
}

function planSession(rng: SeededRandom, time: DemoTime, business: boolean): SessionPlan {
  const type: SessionTypeName = business ? 'Headshot' : rng.weighted(TYPE_WEIGHTS);
  let day = rng.int(-DEMO_WINDOW_DAYS, DEMO_WINDOW_DAYS);
  if (type === 'Wedding') {
    // Weddings are on Saturdays: the nearest one inside the window.
    day += 6 - time.weekday(day);
    if (day > DEMO_WINDOW_DAYS) day -= 7;
    if (day < -DEMO_WINDOW_DAYS) day += 7;
  } else if (time.weekday(day) === 7) {
    day += day > -DEMO_WINDOW_DAYS ? -1 : 1;
  }
  const hour = type === 'Wedding' ? 13 : type === 'Newborn' ? 10 : rng.int(9, 16);
  const start = time.at(day, hour, type === 'Wedding' ? 0 : rng.pick([0, 30]));
  const leadDays = type === 'Wedding' ? rng.int(120, 300) : rng.int(5, 60);
  let bookedAt = time.plus(start, { days: -leadDays, hours: rng.int(-5, 4) });
  if (!time.isPast(time.plus(bookedAt, { hours: 2 })))
    bookedAt = time.plus(time.now, { hours: -rng.int(2, 96) });
  return { type, start, bookedAt };
}
