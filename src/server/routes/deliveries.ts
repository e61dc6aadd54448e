import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { cancelDelivery, deliveryWithHistory, retryDelivery } from '../../delivery/staff-delivery-actions.js';
import type { Db } from '../../store/database.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioClock } from '../studio-at-now.js';

const tags = ['Deliveries'];
const params = { type: 'object', properties: { id: { type: 'integer' } } };

/** One delivery with its history, and staff's retry and cancel. */
export function registerDeliveryRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/deliveries/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getDelivery',
      summary: 'A delivery with every state change (time, reason, provider code)',
      params,
    },
    handler: async (request) => deliveryWithHistory(db, authOf(request).studioId, parseId(request)),
  });
  for (const [action, act] of [
    ['retry', retryDelivery],
    ['cancel', cancelDelivery],
  ] as const) {
    app.post(`/api/v1/deliveries/:id/${action}`, {
      ...describeOnly,
      schema: {
        tags,
        operationId: action === 'retry' ? 'retryDelivery' : 'cancelDelivery',
        summary: action === 'retry' ? 'Queue a failed delivery again' : 'Cancel a queued delivery',
        params,
      },
      handler: async (request) => {
        const auth = authOf(request);
        const now = (await studioClock(db, clock, request)).now();
        return act(db, auth.studioId, parseId(request), auth.userId, now);
      },
    });
  }
}
