import type { DemoContext } from './demo-context.js';
import {
  ADULT_FIRST_NAMES,
  AREA_CODES,
  asciiSlug,
  CHILD_FIRST_NAMES,
  LEAD_SOURCES,
  PARENT_FIRST_NAMES,
  PLACES,
  STREETS,
} from './demo-names.js';
import type { ClientPlan } from './plan-demo-clients.js';
import type { Input } from './record-writer.js';
import type { SeededRandom } from './seeded-random.js';

export interface DemoClient {
  id: number;
  plan: ClientPlan;
  name: string;
}

/**
 * Writes the planned clients in the order they came to the studio, each with phones, emails,
 * consent flags, family members and a client-status history (Lead → Active Client → Past Client);
 * a referral by an enrolled client earns that client a loyalty reward.
 */
export async function writeDemoClients(
  ctx: DemoContext,
  plans: readonly ClientPlan[],
): Promise<DemoClient[]> {
  const { writer, rng, time, catalogs } = ctx;
  const phones = new PhonePool(rng);
  const emails = new Set<string>();
  const clients: DemoClient[] = [];
  for (const [index, plan] of plans.entries()) {
    const referrer = plan.referredBy === null ? undefined : clients[plan.referredBy];
    const spouse = plan.profile !== 'lead' && !plan.company && rng.chance(0.6);
    const place = rng.pick(PLACES);
    const input: Input = {
      first_name: plan.firstName,
      last_name: plan.lastName,
      client_type: plan.company ? 'business' : 'consumer',
      client_number: `C-${10001 + index}`,
      status_id: catalogs.status('client', 'Lead'),
      lead_source: referrer ? 'Referral' : rng.weighted(LEAD_SOURCES),
      allow_marketing_email: rng.chance(0.75),
      allow_marketing_sms: rng.chance(0.55),
      allow_marketing_mail: rng.chance(0.4),
      allow_marketing_phone: rng.chance(0.35),
      phones: [
        ...(rng.chance(0.9) ? [{ number: phones.next(), label: 'mobile', sms_capable: true }] : []),
        ...(rng.chance(0.25) ? [{ number: phones.next(), label: 'home', sms_capable: false }] : []),
      ],
      emails: rng.chance(0.92) ? [{ address: uniqueEmail(rng, emails, plan), is_primary: true }] : [],
    };
    if (plan.company) input.company_name = plan.company;
    if (rng.chance(0.3)) input.salutation = rng.pick(['Ms.', 'Mr.', 'Mx.', 'Dr.']);
    const age = rng.int(22, 62);
    if (rng.chance(0.65)) input.birth_date = time.dateAgo(age, rng.int(0, 364));
    if (spouse && rng.chance(0.7))
      input.anniversary = time.dateAgo(rng.int(1, Math.min(25, age - 20)), rng.int(0, 364));
    if (referrer) input.referred_by_client_id = referrer.id;
    if (plan.enrolled) input.referral_program_id = catalogs.referralProgram('Friends & Family');
    if (rng.chance(0.8)) {
      Object.assign(input, {
        address_line1: `${rng.int(100, 4999)} ${rng.pick(STREETS)}`,
        city: place.city,
        region: 'IL',
        postal_code: place.postal,
        country: 'US',
      });
    }
    if (rng.chance(0.1)) input.notes = 'Prefers to be contacted in the evening.';
    const id = await writer.create('client', input, plan.createdAt);
    clients.push({ id, plan, name: `${plan.firstName} ${plan.lastName}` });

    await writeFamily(ctx, id, plan, spouse, phones);
    await writeClientStatuses(ctx, id, plan);
    if (referrer?.plan.enrolled) await writeReferralReward(ctx, referrer.id, plan, index);
  }
  return clients;
}

async function writeFamily(
  ctx: DemoContext,
  clientId: number,
  plan: ClientPlan,
  spouse: boolean,
  phones: PhonePool,
): Promise<void> {
  const { writer, rng, time, catalogs } = ctx;
  const at = time.earliest(time.plus(plan.createdAt, { hours: rng.int(0, 48) }), time.now);
  const members: Input[] = [];
  if (spouse) {
    members.push({
      relationship_id: catalogs.relationship(rng.chance(0.85) ? 'Spouse' : 'Partner'),
      first_name: rng.pick(ADULT_FIRST_NAMES),
      last_name: plan.lastName,
      birth_date: time.dateAgo(rng.int(24, 60), rng.int(0, 364)),
      ...(rng.chance(0.5) ? { phone: phones.next() } : {}),
      ...(rng.chance(0.5)
        ? { email: `${asciiSlug(plan.lastName)}.family${rng.int(1, 99)}@example.net` }
        : {}),
    });
  }
  const children = plan.company
    ? 0
    : rng.weighted([
        [0, 4],
        [1, 3],
        [2, 3],
        [3, 1],
      ] as const);
  for (let c = 0; c < children && members.length < 3; c += 1) {
    members.push({
      relationship_id: catalogs.relationship('Child'),
      first_name: rng.pick(CHILD_FIRST_NAMES),
      last_name: plan.lastName,
      birth_date: time.dateAgo(rng.int(0, 17), rng.int(0, 364)),
    });
  }
  if (members.length < 3 && rng.chance(0.1)) {
    members.push({
      relationship_id: catalogs.relationship('Parent'),
      first_name: rng.pick(PARENT_FIRST_NAMES),
      last_name: plan.lastName,
      birth_date: time.dateAgo(rng.int(60, 85), rng.int(0, 364)),
    });
  }
  for (const member of members) await writer.create('family_member', { client_id: clientId, ...member }, at);
}

/** Lead when they first got in touch, Active Client at the first booking, Past Client years later. */
async function writeClientStatuses(ctx: DemoContext, clientId: number, plan: ClientPlan): Promise<void> {
  const { writer, rng, time, catalogs } = ctx;
  if (plan.profile === 'active') {
    const booked = plan.sessions[0]?.bookedAt ?? time.now;
    await writer.status('client', clientId, catalogs.status('client', 'Active Client'), booked);
  } else if (plan.profile === 'past') {
    const active = time.plus(plan.createdAt, { days: rng.int(3, 30) });
    const past = time.earliest(
      time.plus(active, { days: rng.int(90, 300) }),
      time.plus(time.now, { days: -1 }),
    );
    await writer.status('client', clientId, catalogs.status('client', 'Active Client'), active);
    await writer.status('client', clientId, catalogs.status('client', 'Past Client'), past);
  }
}

async function writeReferralReward(
  ctx: DemoContext,
  referrerId: number,
  referred: ClientPlan,
  index: number,
) {
  const { writer, rng, time, catalogs } = ctx;
  const issuedAt = time.earliest(time.plus(referred.createdAt, { days: 1 }), time.now);
  const issued = time.date(issuedAt);
  await writer.create(
    'loyalty_reward',
    {
      client_id: referrerId,
      code: `FF-${String(index + 1).padStart(4, '0')}`,
      amount_cents: 5000,
      redeemed_cents: rng.chance(0.3) ? 5000 : 0,
      issued_date: issued,
      expiration_date: time.date(time.plus(issuedAt, { days: 365 })),
      referral_program_id: catalogs.referralProgram('Friends & Family'),
      notes: `For referring ${referred.firstName} ${referred.lastName}`,
    },
    issuedAt,
  );
}

function uniqueEmail(rng: SeededRandom, taken: Set<string>, plan: ClientPlan): string {
  const base = plan.company
    ? `${asciiSlug(plan.firstName)}@${asciiSlug(plan.company)}.example.com`
    : `${asciiSlug(plan.firstName)}.${asciiSlug(plan.lastName)}@${rng.pick(['example.com', 'example.org', 'example.net'])}`;
  let address = base;
  for (let n = 2; taken.has(address); n += 1) address = base.replace('@', `${n}@`);
  taken.add(address);
  return address;
}

/**
 * Phone numbers from the 555-0100…0199 range of the region's area codes: reserved for fiction in
 * the North American plan, yet valid to libphonenumber, so the demo never texts a real person.
 */
class PhonePool {
  #numbers: string[] = [];

  constructor(private readonly rng: SeededRandom) {}

  next(): string {
    if (this.#numbers.length === 0) this.#refill();
    return this.#numbers.pop() as string;
  }

  #refill(): void {
    // 312-555-0100 is the studio's own number.
    const all = AREA_CODES.flatMap((area) =>
      Array.from({ length: 100 }, (_, i) => `(${area}) 555-01${String(i).padStart(2, '0')}`),
    ).filter((n) => n !== '(312) 555-0100');
    for (let i = all.length - 1; i > 0; i -= 1) {
      const j = this.rng.int(0, i);
      [all[i], all[j]] = [all[j] as string, all[i] as string];
    }
    this.#numbers = all;
  }
}
