import type { DialectName } from '../../src/store/database.js';
import { mib } from '../support/peak-rss.js';
import type { EvaluationFigures, EvaluationOptions, PassFigures } from './evaluation-bench.js';

const TARGETS = { first: 3000, unchanged: 100, afterChanges: 500, rss: 400 * 2 ** 20 };

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const met = (value: number, target: number) => (value <= target ? 'met' : 'missed');

function passRow(label: string, pass: PassFigures, target: number): string {
  const ratio = pass.bareMs > 0 ? `${(pass.ms / pass.bareMs).toFixed(1)}×` : '–';
  const { examined, queued, withdrawn } = pass.counts;
  return `| ${label} | ${ms(pass.ms)} | ${ms(pass.bareMs)} (${pass.selects} selects, ${pass.bareRows} rows) | ${ratio} | ${examined} examined, ${queued} queued, ${withdrawn} withdrawn | < ${ms(target)}: ${met(pass.ms, target)} |`;
}

/** The markdown section of docs/performance.md for the evaluation benchmark. */
export function evaluationReport(
  results: readonly [DialectName, EvaluationFigures][],
  options: EvaluationOptions,
  machine: string,
): string {
  const lines = [
    '## Evaluation (issue 3 §8)',
    '',
    `Machine: ${machine}.`,
    '',
    `\`npm run bench -- evaluation --scale ${options.scale}\`: a chain of ten studios (ten time zones) sharing`,
    'the records, 50 triggers of every date-option family created through the trigger store',
    `${options.catchUpHours} hours before the first pass (so it catches up on that span), passes over every`,
    `studio as the Control Center runs them. "Unchanged" is the median of ${options.unchangedPasses} passes a`,
    'minute apart. "Bare SQL" runs the very SELECT statements of that pass again on their own; the ratio',
    'is the engine time over it: mapping and judging rows, writing items and their history, and one',
    'transaction per trigger.',
  ];
  for (const [dialect, f] of results) {
    const d = f.dataset;
    lines.push(
      '',
      `### ${dialect === 'sqlite' ? 'SQLite (file, WAL)' : 'PostgreSQL 15'}`,
      '',
      `Dataset: ${d.clients} clients, ${d.sessions} sessions, ${d.appointments} appointments, ${d.invoices} invoices,`,
      `${d.tasks} tasks, ${d.statusHistory} status-history rows, ${f.triggers} triggers; generated in ${ms(f.generateMs)}.`,
      '',
      '| pass | engine | bare SQL | ratio | work | target |',
      '| --- | --- | --- | --- | --- | --- |',
      passRow('first (catch-up)', f.first, TARGETS.first),
      passRow('unchanged', f.unchanged, TARGETS.unchanged),
      passRow(`after ${f.changes} changes`, f.afterChanges, TARGETS.afterChanges),
      '',
      `Peak RSS during the passes: ${mib(f.peakRss)} (target < ${mib(TARGETS.rss)}: ${met(f.peakRss, TARGETS.rss)}).`,
    );
  }
  return lines.join('\n');
}
