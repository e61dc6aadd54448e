import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../domain/clock.js';
import { validationError } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import type { ListQuery } from '../../store/list-records.js';
import { listTemplates, TEMPLATE_LIST_PARAMETERS } from '../../store/list-templates.js';
import { getStudio } from '../../store/studios.js';
import { deleteTemplate, getTemplateRow, templateJson } from '../../store/templates.js';
import { isTemplateBasis } from '../../templates/check-template.js';
import { mergeFieldCatalog, TEMPLATE_BASES } from '../../templates/merge-fields.js';
import {
  previewTemplate,
  readPreviewRecordId,
  readUnsavedTemplate,
} from '../../templates/preview-template.js';
import { createTemplate, updateTemplate } from '../../templates/save-template.js';
import { authOf, requireRole } from '../auth/request-auth.js';
import { describeOnly } from '../describe-only.js';
import { parseId } from '../parse-id.js';
import { errorSchema } from '../record-schemas.js';
import {
  mergeCatalogSchema,
  previewSavedSchema,
  previewSchema,
  previewUnsavedSchema,
  templateInputSchema,
  templateSchema,
} from '../template-schemas.js';

const tags = ['Templates'];
const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] };
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const one = { 200: { description: 'The template', ...templateSchema }, ...errors };
const preview = { 200: { description: 'The rendered parts', ...previewSchema }, ...errors };

/**
 * Templates are studio settings: every member reads and previews them, owners and admins write
 * them. Saving lints every part against the basis's merge fields (SPEC §3.4).
 */
export function registerTemplateRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  const deps = { db, clock };
  const studioId = (request: FastifyRequest) => authOf(request).studioId;
  const admin = (request: FastifyRequest) => requireRole(request, 'admin').studioId;

  app.get('/api/v1/templates', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listTemplates',
      summary: 'List templates by name',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(TEMPLATE_LIST_PARAMETERS.map((name) => [name, { type: 'string' }])),
      },
      response: {
        200: {
          description: 'A page of templates',
          type: 'object',
          properties: {
            data: { type: 'array', items: templateSchema },
            next_cursor: { type: 'string', nullable: true },
          },
        },
        ...errors,
      },
    },
    handler: async (request) => listTemplates(db, studioId(request), request.query as ListQuery),
  });

  app.post('/api/v1/templates', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'createTemplate',
      summary: 'Create a template (owner, admin); every part is linted',
      body: templateInputSchema('create'),
      response: { 201: { description: 'The new template', ...templateSchema }, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createTemplate(deps, admin(request), request.body)),
  });

  app.get('/api/v1/templates/:id', {
    ...describeOnly,
    schema: { tags, operationId: 'getTemplate', summary: 'Read a template', params: idParam, response: one },
    handler: async (request) => templateJson(await getTemplateRow(db, studioId(request), parseId(request))),
  });

  app.patch('/api/v1/templates/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'updateTemplate',
      summary: 'Change fields of a template (owner, admin); the basis is fixed',
      params: idParam,
      body: templateInputSchema('update'),
      response: one,
    },
    handler: async (request) => updateTemplate(deps, admin(request), parseId(request), request.body),
  });

  app.delete('/api/v1/templates/:id', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'deleteTemplate',
      summary: 'Delete a template (owner, admin)',
      params: idParam,
      response: { 204: { description: 'Deleted', type: 'null' }, ...errors },
    },
    handler: async (request, reply) => {
      await deleteTemplate(db, admin(request), parseId(request));
      return reply.status(204).send();
    },
  });

  app.post('/api/v1/templates/:id/preview', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'previewTemplate',
      summary: 'Render a saved template against a record of its basis',
      params: idParam,
      body: previewSavedSchema,
      response: preview,
    },
    handler: async (request) => {
      const id = parseId(request);
      const { recordId, problems } = readPreviewRecordId(request.body);
      if (recordId === null) throw validationError(problems, 'The preview request is not valid');
      const template = await getTemplateRow(db, studioId(request), id);
      return previewTemplate(db, await getStudio(db, studioId(request)), template, recordId);
    },
  });

  app.post('/api/v1/templates/preview', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'previewUnsavedTemplate',
      summary: 'Render a template that is not saved yet (an editor’s draft) against a record',
      body: previewUnsavedSchema,
      response: preview,
    },
    handler: async (request) => {
      const { template, recordId } = readUnsavedTemplate(request.body);
      return previewTemplate(db, await getStudio(db, studioId(request)), template, recordId);
    },
  });

  app.get('/api/v1/merge-fields', {
    ...describeOnly,
    schema: {
      tags,
      operationId: 'listMergeFields',
      summary: 'The merge fields a template of a basis may use',
      querystring: {
        type: 'object',
        required: ['basis'],
        properties: { basis: { type: 'string', enum: [...TEMPLATE_BASES] } },
      },
      response: { 200: { description: 'The catalog', ...mergeCatalogSchema }, ...errors },
    },
    handler: async (request) => {
      authOf(request);
      const { basis } = request.query as { basis?: unknown };
      if (!isTemplateBasis(basis))
        throw validationError([{ path: 'basis', problem: `must be one of ${TEMPLATE_BASES.join(', ')}` }]);
      return mergeFieldCatalog(basis);
    },
  });
}
