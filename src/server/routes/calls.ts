import type { FastifyInstance } from 'fastify';
import { CALL_OUTCOMES, isCallOutcome } from '../../domain/call-outcomes.js';
import type { Clock } from '../../domain/clock.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import { getCall, listCalls, logCallOutcome, type CallQuery } from '../../store/call-list.js';
import type { Db } from '../../store/database.js';
import { bodyObject, noteOf, unknownFieldProblems } from '../action-body.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioClock } from '../studio-at-now.js';

const tags = ['Call List'];
const params = { type: 'object', properties: { id: { type: 'integer' } } };

/** The call list staff work through, and the outcome of every attempt. */
export function registerCallRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/calls', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listCalls',
      summary: 'Phone calls to make (open) or made (done), by due date',
      querystring: {
        type: 'object',
        properties: {
          state: { type: 'string', enum: ['open', 'done'], description: 'default open' },
          assigned_user_id: { type: 'string' },
          department_id: { type: 'string' },
          due_by: { type: 'string', description: 'calls due on or before this date (YYYY-MM-DD)' },
          limit: { type: 'string', description: '1 to 1000, default 200' },
        },
      },
    },
    handler: async (request) => listCalls(db, authOf(request).studioId, request.query as CallQuery),
  });
  app.get('/api/v1/calls/:id', {
    ...describeOnly,
    schema: { tags, operationId: 'getCall', summary: 'A call with every attempt logged on it', params },
    handler: async (request) => getCall(db, authOf(request).studioId, parseId(request)),
  });
  app.post('/api/v1/calls/:id/outcome', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'logCallOutcome',
      summary: 'Log an attempt; reached and wrong_number complete the call, the others keep it open',
      params,
      body: {
        type: 'object',
        required: ['outcome'],
        properties: { outcome: { type: 'string', enum: [...CALL_OUTCOMES] }, note: { type: 'string' } },
      },
    },
    handler: async (request) => {
      const auth = authOf(request);
      const id = parseId(request);
      const problems: ProblemDetail[] = [];
      const body = bodyObject(request.body, problems);
      problems.push(...unknownFieldProblems(body, ['outcome', 'note'], 'a call outcome'));
      if (!isCallOutcome(body.outcome))
        problems.push({ path: 'outcome', problem: `must be one of ${CALL_OUTCOMES.join(', ')}` });
      const note = noteOf(body, problems);
      if (problems.length > 0 || !isCallOutcome(body.outcome))
        throw validationError(problems, 'The call outcome is not valid');
      const now = (await studioClock(db, clock, request)).now();
      return logCallOutcome(db, auth.studioId, id, { outcome: body.outcome, note }, auth.userId, now);
    },
  });
}
