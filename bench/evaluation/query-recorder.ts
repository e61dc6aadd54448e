import {
  SelectQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Db } from '../../src/store/database.js';

/**
 * Records the SELECT statements the engine runs during a pass, so that the benchmark can run the
 * very same SQL again on its own ("bare") and show the engine's overhead as a ratio: the time spent
 * outside the database's reads (mapping rows, judging occurrences, writing items and history).
 * BENCH_SLOWEST=N prints the N slowest statements of each replay, for finding a missing index.
 */
export class QueryRecorder implements KyselyPlugin {
  readonly selects: SelectQueryNode[] = [];
  recording = false;

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.recording && SelectQueryNode.is(node)) this.selects.push(node);
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }

  /** Runs the recorded SELECTs again, one after another; answers the milliseconds and rows read. */
  async replay(db: Db): Promise<{ ms: number; rows: number }> {
    const compiled = this.selects.map((node) => db.getExecutor().compileQuery(node, { queryId: 'bare' }));
    const started = performance.now();
    let rows = 0;
    const timed: { ms: number; rows: number; sql: string }[] = [];
    for (const query of compiled) {
      const at = performance.now();
      const found = (await db.executeQuery(query)).rows.length;
      timed.push({ ms: performance.now() - at, rows: found, sql: query.sql });
      rows += found;
    }
    if (process.env.BENCH_SLOWEST) {
      for (const q of timed.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST))) {
        console.error(`${q.ms.toFixed(1)} ms, ${q.rows} rows: ${q.sql}`);
      }
    }
    return { ms: performance.now() - started, rows };
  }
}
