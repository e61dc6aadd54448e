import type { DialectName } from '../../src/store/database.js';
import { benchStore } from '../support/bench-store.js';
import { machineLine, writePerformanceSection } from '../support/performance-doc.js';
import { runEvaluationBench, type EvaluationFigures, type EvaluationOptions } from './evaluation-bench.js';
import { evaluationReport } from './evaluation-report.js';

const SCHEMA = 'bench_evaluation';

/**
 * `npm run bench -- evaluation [--db sqlite|postgres|both] [--scale 1]`. PostgreSQL is reached at
 * BENCH_PG_URL (default: the local `test` database) in a schema of its own, dropped first.
 */
export default async function evaluationBench(args: readonly string[]): Promise<void> {
  const option = (name: string, fallback: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
  };
  const which = option('db', 'both');
  const scale = Number(option('scale', '1'));
  if (!['sqlite', 'postgres', 'both'].includes(which) || !(scale > 0 && scale <= 1)) {
    console.error('usage: npm run bench -- evaluation [--db sqlite|postgres|both] [--scale 0<s<=1]');
    process.exit(2);
  }
  const options: EvaluationOptions = {
    now: new Date('2026-11-23T15:00:00.000Z'),
    scale,
    catchUpHours: Number(option('catch-up-hours', '12')),
    unchangedPasses: 5,
  };
  const dialects: DialectName[] = which === 'both' ? ['sqlite', 'postgres'] : [which as DialectName];
  const machine = machineLine(new Date());
  const results: [DialectName, EvaluationFigures][] = [];
  for (const dialect of dialects) {
    const { store, cleanUp } = await benchStore(dialect, SCHEMA);
    try {
      console.log(`evaluation [${dialect}]: generating and measuring…`);
      const figures = await runEvaluationBench(store, options);
      console.log(JSON.stringify(figures, null, 2));
      results.push([dialect, figures]);
    } finally {
      await store.close();
      await cleanUp();
    }
  }
  await writePerformanceSection('evaluation', evaluationReport(results, options, machine));
}
