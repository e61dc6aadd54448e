import { buildDemoStudio, type DemoOptions, type DemoStudio } from '../demo/build-demo-studio.js';
import type { Clock } from '../domain/clock.js';
import { claimFirstRun, hasAnyStudio } from '../store/claim-first-run.js';
import type { Store } from '../store/database.js';

/** What starting the server found and did. */
export type FirstRun =
  /** The database already had a studio: nothing was created. */
  | { kind: 'existing' }
  /** A new database: the demo studio and its owner were created. */
  | { kind: 'demo'; demo: DemoStudio }
  /** A new database with the demo turned off: nothing was created; the operator must add a studio. */
  | { kind: 'empty' };

/**
 * Runs after migration on every start. Only a database without any studio gets the demo, so a
 * second start, or a second server starting at the same moment, creates nothing. The check and
 * the demo share one transaction: a crash half-way leaves no half-built studio behind, and the
 * next start tries again.
 */
export async function firstRun(
  store: Store,
  clock: Clock,
  options: { demo: boolean } & DemoOptions,
): Promise<FirstRun> {
  if (!options.demo) return (await hasAnyStudio(store.db)) ? { kind: 'existing' } : { kind: 'empty' };
  const demo = await store.db.transaction().execute(async (trx) => {
    if (!(await claimFirstRun(trx, store.dialect))) return null;
    return buildDemoStudio(trx, clock, options);
  });
  return demo ? { kind: 'demo', demo } : { kind: 'existing' };
}
