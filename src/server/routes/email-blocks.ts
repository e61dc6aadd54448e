import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { liftEmailBlock, listEmailBlocks, type EmailBlockQuery } from '../../store/email-blocks.js';
import { bodyObject, noteOf, unknownFieldProblems } from '../action-body.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioClock } from '../studio-at-now.js';

const tags = ['Email blocks'];

/**
 * The studio's email block list (addresses that hard-bounced or reported spam): staff read it and
 * lift a block when the address works again; the lift is kept on the block with who and why.
 */
export function registerEmailBlockRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/email-blocks', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listEmailBlocks',
      summary: 'Blocked email addresses, newest first; with include_lifted=true their history too',
      querystring: {
        type: 'object',
        properties: {
          address: { type: 'string', description: 'One address (any case)' },
          include_lifted: { type: 'string', enum: ['true', 'false'] },
          before: { type: 'string', description: 'the next_before of the previous page' },
          limit: { type: 'string', description: '1 to 500, default 100' },
        },
      },
    },
    handler: async (request) =>
      listEmailBlocks(db, authOf(request).studioId, request.query as EmailBlockQuery),
  });
  app.post('/api/v1/email-blocks/:id/lift', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'liftEmailBlock',
      summary: 'Lift a block: the address can be emailed again; who lifted it, when and why are kept',
      params: { type: 'object', properties: { id: { type: 'integer' } } },
      body: { type: 'object', properties: { note: { type: 'string', description: 'Why, for the record' } } },
    },
    handler: async (request) => {
      const id = parseId(request);
      const problems: ProblemDetail[] = [];
      const body = bodyObject(request.body, problems);
      problems.push(...unknownFieldProblems(body, ['note'], 'a lift'));
      const note = noteOf(body, problems);
      if (problems.length > 0) throw validationError(problems, 'The lift is not valid');
      const auth = authOf(request);
      const now = (await studioClock(db, clock, request)).now();
      return liftEmailBlock(db, auth.studioId, id, { userId: auth.userId, note }, now);
    },
  });
}
