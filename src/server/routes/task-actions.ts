import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { completeTask, listTaskEvents, reassignTask, type Reassignment } from '../../store/task-actions.js';
import { bodyObject, noteOf, unknownFieldProblems } from '../action-body.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioAtNow } from '../studio-at-now.js';
import { actorOf } from './records.js';

const tags = ['Tasks'];
const params = { type: 'object', properties: { id: { type: 'integer' } } };
const nullableId = { type: 'integer', nullable: true };

/** Staff's work on a task beyond editing it: completing it and handing it on, each kept as an event. */
export function registerTaskActionRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.post('/api/v1/tasks/:id/complete', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'completeTask',
      summary:
        "Complete a task: today's studio-local date, and the catalog's final task status if it has one",
      params,
      body: { type: 'object', properties: { note: { type: 'string' } } },
    },
    handler: async (request) => {
      const id = parseId(request);
      const problems: ProblemDetail[] = [];
      const body = bodyObject(request.body, problems);
      problems.push(...unknownFieldProblems(body, ['note'], 'a task completion'));
      const note = noteOf(body, problems);
      if (problems.length > 0) throw validationError(problems, 'The completion is not valid');
      const { studio, now } = await studioAtNow(db, clock, request);
      return completeTask(db, studio, id, note, actorOf(request), now);
    },
  });
  app.post('/api/v1/tasks/:id/reassign', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'reassignTask',
      summary: 'Hand a task to a staff member and/or department of the studio (null unassigns)',
      params,
      body: {
        type: 'object',
        properties: { assigned_user_id: nullableId, department_id: nullableId, note: { type: 'string' } },
      },
    },
    handler: async (request) => {
      const id = parseId(request);
      const problems: ProblemDetail[] = [];
      const body = bodyObject(request.body, problems);
      problems.push(
        ...unknownFieldProblems(body, ['assigned_user_id', 'department_id', 'note'], 'a reassignment'),
      );
      const note = noteOf(body, problems);
      const to: Reassignment = {};
      for (const name of ['assigned_user_id', 'department_id'] as const) {
        if (body[name] !== undefined) to[name] = body[name] as number | null;
      }
      if (Object.keys(to).length === 0)
        problems.push({ path: '', problem: 'must give assigned_user_id, department_id or both' });
      const { studio, now } = await studioAtNow(db, clock, request);
      return reassignTask(db, studio, id, to, note, problems, actorOf(request), now);
    },
  });
  app.get('/api/v1/tasks/:id/events', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listTaskEvents',
      summary: 'A task’s completions and reassignments',
      params,
    },
    handler: async (request) => listTaskEvents(db, authOf(request).studioId, parseId(request)),
  });
}
