import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import type { Db } from '../../store/database.js';
import { getPrintBatch, listPrintBatches, printBatch, printBatchPdf } from '../../store/print-batches.js';
import { authOf } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { studioClock } from '../studio-at-now.js';

const tags = ['Print Batches'];
const params = { type: 'object', properties: { id: { type: 'integer' } } };

/**
 * Letters gather in the studio's open print batch; printing one gives a single PDF, one letter a
 * page, addressed for window envelopes, and closes the batch. Staff print (it is their daily work).
 */
export function registerPrintBatchRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/print-batches', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listPrintBatches',
      summary: 'Print batches, newest first, with how many letters each holds',
      querystring: { type: 'object', properties: { state: { type: 'string', enum: ['open', 'printed'] } } },
    },
    handler: async (request) =>
      listPrintBatches(db, authOf(request).studioId, (request.query as { state?: string }).state),
  });
  app.get('/api/v1/print-batches/:id', {
    ...describeOnly,
    schema: { tags, operationId: 'getPrintBatch', summary: 'A print batch with its letters', params },
    handler: async (request) => getPrintBatch(db, authOf(request).studioId, parseId(request)),
  });
  app.post('/api/v1/print-batches/:id/print', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'printPrintBatch',
      summary:
        'Print a batch: one PDF, one letter per page; marks the batch and its letters printed and closes it. Printing again reprints the same letters',
      params,
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const now = (await studioClock(db, clock, request)).now();
      const { batch, pdf } = await printBatch(db, auth.studioId, parseId(request), auth.userId, now);
      return sendPdf(reply, Number(batch.id), pdf);
    },
  });
  app.get('/api/v1/print-batches/:id/pdf', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'getPrintBatchPdf',
      summary:
        'The PDF of a batch without counting a print: a printed batch as printed, an open one as a preview',
      params,
    },
    handler: async (request, reply) => {
      const id = parseId(request);
      const now = (await studioClock(db, clock, request)).now();
      return sendPdf(reply, id, await printBatchPdf(db, authOf(request).studioId, id, now));
    },
  });
}

function sendPdf(reply: FastifyReply, id: number, pdf: Buffer): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="print-batch-${id}.pdf"`)
    .send(pdf);
}
