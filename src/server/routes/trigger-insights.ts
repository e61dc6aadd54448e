import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError } from '../../domain/errors.js';
import { explainTrigger } from '../../engine/explain-trigger.js';
import { forecast, forecastQuery } from '../../engine/forecast.js';
import type { Db } from '../../store/database.js';
import { describeOnly } from '../describe-only.js';
import { explanationSchema, forecastSchema } from '../insight-schemas.js';
import { parseId } from '../parse-id.js';
import { errorSchema } from '../record-schemas.js';
import { studioAtNow } from '../studio-at-now.js';

const tags = ['Triggers'];
const errors = { 400: errorSchema, 401: errorSchema, 404: errorSchema };

/**
 * Explain and forecast (SPEC §3.5): read-only answers over triggers, records and items, so staff
 * may ask them as well as admins.
 */
export function registerTriggerInsightRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/triggers/:id/explain', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'explainTrigger',
      summary: 'Why a record did or did not get a trigger',
      description:
        'Every criterion with the record’s value, each occurrence with its trigger date, baseline, exclusions and item (with its history), and a summary in words. A record of another kind or studio is not found.',
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] },
      querystring: {
        type: 'object',
        properties: { record_id: { type: 'string', description: 'A record of the trigger’s kind' } },
        required: ['record_id'],
      },
      response: { 200: explanationSchema, ...errors },
    },
    handler: async (request) => {
      const triggerId = parseId(request);
      const text = (request.query as { record_id?: string }).record_id;
      const recordId = Number(text);
      if (text === undefined || !Number.isSafeInteger(recordId) || recordId < 1) {
        throw validationError([{ path: 'record_id', problem: 'must be an id (a positive whole number)' }]);
      }
      const { studio, now } = await studioAtNow(db, clock, request);
      return explainTrigger(db, studio, triggerId, recordId, now);
    },
  });

  app.get('/api/v1/forecast', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'forecastTriggers',
      summary: 'What will fall due in the next N days, per trigger and per day',
      description:
        'Occurrences of active triggers whose trigger date lies in (now, now + days], not baselined and qualifying by today’s data. Counts cover everything; items lists the first items_cap.',
      querystring: {
        type: 'object',
        properties: {
          days: { type: 'string', description: '1 to 90, default 30' },
          trigger_id: { type: 'string', description: 'Only this trigger' },
        },
      },
      response: { 200: forecastSchema, ...errors },
    },
    handler: async (request) => {
      const query = forecastQuery(request.query as { days?: string; trigger_id?: string });
      const { studio, now } = await studioAtNow(db, clock, request);
      return forecast(db, studio, now, query);
    },
  });
}
