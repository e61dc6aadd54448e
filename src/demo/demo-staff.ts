import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/database.js';
import type { Role } from '../store/schema.js';
import { addMembership, createUser, findUserByEmail } from '../store/users.js';
import type { CatalogIds } from './seed-starter-catalogs.js';

export interface DemoStaff {
  ownerId: number;
  photographers: number[];
  frontDesk: number;
  editor: number;
  production: number;
}

/** The first free mail domain for a demo studio's staff: demo.triggerfish.test, then demo2.… */
export async function freeDemoDomain(db: Db): Promise<{ domain: string; number: number }> {
  for (let number = 1; ; number += 1) {
    const domain = number === 1 ? 'demo.triggerfish.test' : `demo${number}.triggerfish.test`;
    if (!(await findUserByEmail(db, `owner@${domain}`))) return { domain, number };
  }
}

/** The owner: the one demo account with a password, the one the first-run banner prints. */
export async function createDemoOwner(
  db: Db,
  clock: Clock,
  studioId: number,
  domain: string,
  password: string,
): Promise<{ id: number; email: string }> {
  const user = await createUser(db, clock, { email: `owner@${domain}`, name: 'Demo Owner', password });
  await addMembership(db, clock, studioId, user.id, 'owner');
  return { id: user.id, email: user.email };
}

const STAFF: readonly {
  name: string;
  role: Role;
  department: string;
  job: keyof Omit<DemoStaff, 'ownerId'>;
}[] = [
  { name: 'Maya Okafor', role: 'admin', department: 'Photography', job: 'photographers' },
  { name: 'Jonas Weber', role: 'staff', department: 'Photography', job: 'photographers' },
  { name: 'Priya Raman', role: 'staff', department: 'Front Desk', job: 'frontDesk' },
  { name: 'Lena Fischer', role: 'staff', department: 'Editing', job: 'editor' },
  { name: 'Sam Ortiz', role: 'staff', department: 'Production', job: 'production' },
];

/**
 * The studio's other staff, without passwords (nobody signs in as them): photographers for
 * sessions, the front desk, an editor and production, each in a department.
 */
export async function createDemoStaff(
  db: Db,
  clock: Clock,
  studioId: number,
  domain: string,
  ownerId: number,
  catalogs: CatalogIds,
): Promise<DemoStaff> {
  const staff: DemoStaff = {
    ownerId,
    photographers: [],
    frontDesk: ownerId,
    editor: ownerId,
    production: ownerId,
  };
  for (const person of STAFF) {
    const email = `${person.name.toLowerCase().replace(' ', '.')}@${domain}`;
    const user = await createUser(db, clock, { email, name: person.name });
    await addMembership(db, clock, studioId, user.id, person.role, catalogs.department(person.department));
    if (person.job === 'photographers') staff.photographers.push(user.id);
    else staff[person.job] = user.id;
  }
  return staff;
}
