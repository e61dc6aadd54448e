import { evaluateStudio } from '../../src/engine/evaluate-studio.js';
import type { EvaluationCounts } from '../../src/engine/evaluate-trigger.js';
import type { Store } from '../../src/store/database.js';
import { loadStudioContext, type StudioContext } from '../../src/store/studio-context.js';
import { peakRssSampler } from '../support/peak-rss.js';
import { generateChain, type ChainDataset } from './chain-dataset.js';
import { createChainTriggers } from './chain-triggers.js';
import { QueryRecorder } from './query-recorder.js';
import { makeRecordChanges } from './record-changes.js';

const MINUTE = 60_000;

export interface PassFigures {
  readonly ms: number;
  readonly counts: EvaluationCounts;
  /** The same SELECTs run again on their own. */
  readonly bareMs: number;
  readonly bareRows: number;
  readonly selects: number;
}

export interface EvaluationFigures {
  readonly dataset: ChainDataset['counts'];
  readonly triggers: number;
  readonly generateMs: number;
  readonly first: PassFigures;
  /** Median of the unchanged passes, one Control Center minute apart. */
  readonly unchanged: PassFigures;
  readonly changes: number;
  readonly afterChanges: PassFigures;
  readonly peakRss: number;
}

export interface EvaluationOptions {
  readonly now: Date;
  readonly scale: number;
  /** How long before `now` the triggers were created: the first pass catches up on that span. */
  readonly catchUpHours: number;
  readonly unchangedPasses: number;
}

/**
 * The engine benchmark of docs/performance.md on a migrated, empty store: generates the chain,
 * creates the triggers, then times evaluation passes over every studio as the Control Center runs
 * them: the first (catch-up) pass, passes over the unchanged database, and a pass after a thousand
 * record changes. Peak RSS covers the passes, not the generator.
 */
export async function runEvaluationBench(
  store: Store,
  options: EvaluationOptions,
): Promise<EvaluationFigures> {
  const { now } = options;
  let started = performance.now();
  const dataset = await generateChain(store, now, options.scale);
  const triggers = await createChainTriggers(
    store,
    dataset,
    new Date(now.getTime() - options.catchUpHours * 60 * MINUTE),
  );
  const generateMs = performance.now() - started;

  const recorder = new QueryRecorder();
  const db = store.db.withPlugin(recorder);
  const studios: StudioContext[] = [];
  for (const id of dataset.studioIds) {
    const studio = await loadStudioContext(store.db, id);
    if (studio) studios.push(studio);
  }
  const pass = async (at: Date): Promise<PassFigures> => {
    recorder.selects.length = 0;
    recorder.recording = true;
    const counts: EvaluationCounts = { examined: 0, queued: 0, withdrawn: 0, restored: 0 };
    started = performance.now();
    for (const studio of studios) {
      const c = await evaluateStudio(db, studio, at);
      counts.examined += c.examined;
      counts.queued += c.queued;
      counts.withdrawn += c.withdrawn;
      counts.restored += c.restored;
    }
    const ms = performance.now() - started;
    recorder.recording = false;
    const bare = await recorder.replay(store.db);
    return { ms, counts, bareMs: bare.ms, bareRows: bare.rows, selects: recorder.selects.length };
  };

  const rss = peakRssSampler();
  const first = await pass(now);
  const unchangedRuns: PassFigures[] = [];
  for (let i = 1; i <= options.unchangedPasses; i += 1) {
    unchangedRuns.push(await pass(new Date(now.getTime() + i * MINUTE)));
  }
  const changedAt = new Date(now.getTime() + (options.unchangedPasses + 0.5) * MINUTE);
  const changes = await makeRecordChanges(store, dataset, changedAt);
  const afterChanges = await pass(new Date(now.getTime() + (options.unchangedPasses + 1) * MINUTE));
  const peakRss = rss.stop();
  const unchanged = [...unchangedRuns].sort((a, b) => a.ms - b.ms)[Math.floor(unchangedRuns.length / 2)]!;
  return {
    dataset: dataset.counts,
    triggers: triggers.length,
    generateMs,
    first,
    unchanged,
    changes,
    afterChanges,
    peakRss,
  };
}
