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
    for (const query of compiled) {
      rows += (await db.executeQuery(query)).rows.length;
    }
    return { ms: performance.now() - started, rows };
  }
}
