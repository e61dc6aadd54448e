import type { DemoStaff } from './demo-staff.js';
import type { DemoTime } from './demo-time.js';
import type { RecordWriter } from './record-writer.js';
import type { CatalogIds } from './seed-starter-catalogs.js';
import type { SeededRandom } from './seeded-random.js';
import { STARTER_TYPES } from './starter-catalogs.js';

/** What every part of the demo generator works with. */
export interface DemoContext {
  readonly writer: RecordWriter;
  readonly rng: SeededRandom;
  readonly time: DemoTime;
  readonly catalogs: CatalogIds;
  readonly staff: DemoStaff;
}

export const SESSION_TYPES = [
  'Family Portrait',
  'Newborn',
  'Wedding',
  'High School Senior',
  'Headshot',
  'Pet',
  'Maternity',
] as const;
export type SessionTypeName = (typeof SESSION_TYPES)[number];

/** Session fees in cents, what the booking invoice charges. */
export const SESSION_FEES: Record<SessionTypeName, number> = {
  'Family Portrait': 25000,
  Newborn: 35000,
  Wedding: 350000,
  'High School Senior': 30000,
  Headshot: 17500,
  Pet: 15000,
  Maternity: 25000,
};

/** A session's length: its type's default length from the starter catalogs. */
export function sessionMinutes(type: SessionTypeName): number {
  return STARTER_TYPES.find((t) => t.kind === 'session' && t.name === type)?.minutes ?? 60;
}
