import type { Clock } from '../domain/clock.js';
import type { Db } from '../store/database.js';
import type { ProcessSettings } from '../processing/process-item.js';
import { runStudio, type StudioRun } from './run-studio.js';
import { studioNow } from './studio-now.js';

/**
 * One Control Center run over every studio, each at its own "now". Sandbox studios whose test clock
 * is set are left to their clock: they run when it is advanced (SPEC §4), never on the wall clock.
 */
export async function runControlCenter(
  db: Db,
  clock: Clock,
  settings: ProcessSettings,
): Promise<StudioRun[]> {
  const studios = await db.selectFrom('studios').selectAll().orderBy('id').execute();
  const runs: StudioRun[] = [];
  for (const studio of studios) {
    if (studio.is_sandbox === 1 && studio.test_clock_at !== null) continue;
    runs.push(await runStudio(db, clock, studio, studioNow(studio, clock), settings));
  }
  return runs;
}
