import { TEMPLATE_CHANNELS } from '../templates/check-template.js';
import { TEMPLATE_BASES } from '../templates/merge-fields.js';

/** OpenAPI descriptions of the template routes; the code checks input itself (describeOnly). */
type Schema = Record<string, unknown>;

const parts: Schema = {
  subject: { type: 'string', nullable: true, description: 'Liquid; email only' },
  body_html: { type: 'string', nullable: true, description: 'Liquid; email or letter' },
  body_text: { type: 'string', nullable: true, description: 'Liquid; required for SMS' },
};

export const templateSchema: Schema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    channel: { type: 'string', enum: [...TEMPLATE_CHANNELS] },
    basis: { type: 'string', enum: [...TEMPLATE_BASES] },
    ...parts,
    is_inactive: { type: 'boolean' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
};

export function templateInputSchema(mode: 'create' | 'update'): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    ...(mode === 'create' ? { required: ['name', 'channel', 'basis'] } : {}),
    properties: {
      name: { type: 'string', maxLength: 100 },
      channel: { type: 'string', enum: [...TEMPLATE_CHANNELS] },
      basis: {
        type: 'string',
        enum: [...TEMPLATE_BASES],
        description: mode === 'update' ? 'Fixed once the template exists' : 'The record kind it is based on',
      },
      ...parts,
      is_inactive: { type: 'boolean' },
    },
  };
}

export const previewSavedSchema: Schema = {
  type: 'object',
  required: ['record_id'],
  properties: { record_id: { type: 'integer', minimum: 1 } },
};

export const previewUnsavedSchema: Schema = {
  type: 'object',
  required: ['channel', 'basis', 'record_id'],
  properties: {
    channel: { type: 'string', enum: [...TEMPLATE_CHANNELS] },
    basis: { type: 'string', enum: [...TEMPLATE_BASES] },
    ...parts,
    record_id: { type: 'integer', minimum: 1 },
  },
};

const problem = { type: 'object', properties: { path: { type: 'string' }, problem: { type: 'string' } } };

export const previewSchema: Schema = {
  type: 'object',
  properties: {
    subject: { type: 'string', nullable: true },
    html: { type: 'string', nullable: true },
    text: { type: 'string', nullable: true },
    sms: {
      type: 'object',
      nullable: true,
      properties: {
        characters: { type: 'integer' },
        segments: { type: 'integer' },
        encoding: { type: 'string', enum: ['GSM-7', 'UCS-2'] },
      },
    },
    problems: { type: 'array', items: problem },
  },
};

const mergeField: Schema = {
  type: 'object',
  properties: {
    path: { type: 'string' },
    type: { type: 'string' },
    label: { type: 'string' },
    items: { type: 'array', items: { type: 'object' } },
  },
};

export const mergeCatalogSchema: Schema = {
  type: 'object',
  properties: {
    basis: { type: 'string' },
    objects: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          label: { type: 'string' },
          via: { type: 'string' },
          note: { type: 'string' },
          fields: { type: 'array', items: mergeField },
        },
      },
    },
  },
};
