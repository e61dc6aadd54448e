import type { Db } from '../store/database.js';
import type { StudioContext } from '../store/studio-context.js';
import { activeEvaluationTriggers } from './evaluation-trigger.js';
import { evaluateTrigger, type EvaluationCounts } from './evaluate-trigger.js';
import type { ItemActor } from './item-transitions.js';

/** Evaluates every active trigger of a studio at `now`; one transaction per trigger. */
export async function evaluateStudio(
  db: Db,
  studio: StudioContext,
  now: Date,
  actor?: ItemActor,
): Promise<EvaluationCounts> {
  const total: EvaluationCounts = { examined: 0, queued: 0, withdrawn: 0, restored: 0 };
  for (const trigger of await activeEvaluationTriggers(db, studio.id)) {
    const counts = await evaluateTrigger(db, studio, trigger, now, actor);
    total.examined += counts.examined;
    total.queued += counts.queued;
    total.withdrawn += counts.withdrawn;
    total.restored += counts.restored;
  }
  return total;
}
