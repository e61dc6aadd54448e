import { parseWorkWeek, type WorkWeek } from '../domain/work-week.js';
import type { Db } from './database.js';
import type { StudioTable } from './schema.js';
import type { Selectable } from 'kysely';

/** What record operations need to know about the studio they work in. */
export interface StudioContext {
  readonly id: number;
  readonly timeZone: string;
  readonly workWeek: WorkWeek;
  readonly country: string;
  readonly isSandbox: boolean;
}

export function studioContextOf(row: Selectable<StudioTable>): StudioContext {
  return {
    id: row.id,
    timeZone: row.time_zone,
    workWeek: parseWorkWeek(row.work_week),
    country: row.country,
    isSandbox: row.is_sandbox === 1,
  };
}

export async function loadStudioContext(db: Db, studioId: number): Promise<StudioContext | undefined> {
  const row = await db.selectFrom('studios').selectAll().where('id', '=', studioId).executeTakeFirst();
  return row ? studioContextOf(row) : undefined;
}

/** Who made a change: a staff user, an integration token, the system itself, or a client's web form. */
export interface Actor {
  readonly userId: number | null;
  readonly source: 'staff' | 'api' | 'import' | 'demo' | 'system' | 'web_form';
}
