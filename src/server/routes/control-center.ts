import type { FastifyInstance } from 'fastify';
import { advanceTestClock } from '../../control-center/advance-test-clock.js';
import { listRuns } from '../../control-center/list-runs.js';
import { studioNow } from '../../control-center/studio-now.js';
import type { Clock } from '../../domain/clock.js';
import { validationError } from '../../domain/errors.js';
import type { ProcessSettings } from '../../processing/process-item.js';
import type { Db } from '../../store/database.js';
import { getStudio } from '../../store/studios.js';
import { authOf, requireRole } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';

const tags = ['Control Center'];

/** The Control Center log, the studio's clock, and advancing a sandbox studio's test clock. */
export function registerControlCenterRoutes(
  app: FastifyInstance,
  db: Db,
  clock: Clock,
  settings: ProcessSettings,
): void {
  app.get('/api/v1/control-center/runs', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listControlCenterRuns',
      summary: "The studio's Control Center runs, newest first, with counts and errors",
      querystring: {
        type: 'object',
        properties: { limit: { type: 'string', description: '1 to 500, default 50' } },
      },
    },
    handler: async (request) => {
      const raw = (request.query as { limit?: string }).limit;
      const limit = raw === undefined ? 50 : Number(raw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw validationError([{ path: 'limit', problem: 'must be a whole number from 1 to 500' }]);
      }
      return { data: await listRuns(db, authOf(request).studioId, limit) };
    },
  });
  app.get('/api/v1/clock', {
    schema: {
      tags,
      operationId: 'getClock',
      summary: "The studio's now: its test clock for a sandbox studio",
    },
    handler: async (request) => {
      const studio = await getStudio(db, authOf(request).studioId);
      return {
        now: studioNow(studio, clock).toISOString(),
        is_sandbox: studio.is_sandbox === 1,
        test_clock: studio.is_sandbox === 1 && studio.test_clock_at !== null,
      };
    },
  });
  app.post('/api/v1/clock/advance', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'advanceClock',
      summary: "Advance a sandbox studio's test clock and run the Control Center there (owner, admin)",
      description:
        'With step_minutes, the Control Center runs at every step on the way, so time frames and weekdays behave as in real time. A clock never moves backwards.',
      body: {
        type: 'object',
        properties: {
          to: { type: 'string', format: 'date-time' },
          step_minutes: { type: 'integer', minimum: 1 },
        },
        required: ['to'],
      },
    },
    handler: async (request) => {
      const auth = requireRole(request, 'admin');
      const body = (request.body ?? {}) as { to: unknown; step_minutes?: unknown };
      const result = await advanceTestClock(db, clock, auth.studioId, body, settings);
      const totals: Record<string, number> = {};
      for (const run of result.runs) {
        for (const [key, value] of Object.entries(run.counts)) totals[key] = (totals[key] ?? 0) + value;
      }
      return {
        from: result.from,
        to: result.to,
        runs: result.runs.length,
        errors: result.runs.filter((r) => r.error).map((r) => ({ run_at: r.runAt, error: r.error })),
        totals,
      };
    },
  });
}
