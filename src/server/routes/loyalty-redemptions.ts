import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError, type ProblemDetail } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { listRedemptions, redeemReward } from '../../store/loyalty-redemptions.js';
import { bodyObject, noteOf, unknownFieldProblems } from '../action-body.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioAtNow } from '../studio-at-now.js';
import { actorOf } from './records.js';

const tags = ['Loyalty rewards'];
const params = { type: 'object', properties: { id: { type: 'integer' } } };

/** Using a loyalty reward: partial or full redemptions, each kept. */
export function registerLoyaltyRedemptionRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.post('/api/v1/loyalty-rewards/:id/redemptions', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'redeemLoyaltyReward',
      summary: 'Redeem part or all of a loyalty reward (not more than is left, not after it expired)',
      params,
      body: {
        type: 'object',
        required: ['amount_cents'],
        properties: {
          amount_cents: { type: 'integer', minimum: 1 },
          invoice_id: { type: 'integer', nullable: true },
          note: { type: 'string' },
        },
      },
    },
    handler: async (request, reply) => {
      const id = parseId(request);
      const problems: ProblemDetail[] = [];
      const body = bodyObject(request.body, problems);
      problems.push(...unknownFieldProblems(body, ['amount_cents', 'invoice_id', 'note'], 'a redemption'));
      const amount = body.amount_cents;
      if (!Number.isSafeInteger(amount) || (amount as number) < 1) {
        problems.push({ path: 'amount_cents', problem: 'must be a whole number of cents, at least 1' });
      }
      const invoice = body.invoice_id ?? null;
      if (invoice !== null && (!Number.isSafeInteger(invoice) || (invoice as number) < 1)) {
        problems.push({ path: 'invoice_id', problem: 'must be an invoice id' });
      }
      const note = noteOf(body, problems);
      if (problems.length > 0) throw validationError(problems, 'The redemption is not valid');
      const { studio, now } = await studioAtNow(db, clock, request);
      const redemption = { amount_cents: amount as number, invoice_id: invoice as number | null, note };
      reply.code(201);
      return redeemReward(db, studio, id, redemption, actorOf(request), now);
    },
  });
  app.get('/api/v1/loyalty-rewards/:id/redemptions', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listLoyaltyRedemptions',
      summary: 'A loyalty reward’s redemptions',
      params,
    },
    handler: async (request) => listRedemptions(db, authOf(request).studioId, parseId(request)),
  });
}
