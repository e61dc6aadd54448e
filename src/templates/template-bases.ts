import type { RecordKindName } from '../domain/record-kinds/index.js';

/**
 * The record kinds a template can be based on. A module of its own, free of the registry, so the
 * web app's template editor offers exactly these without a second list.
 */
export const TEMPLATE_BASES = [
  'client',
  'session',
  'appointment',
  'invoice',
  'production_order',
  'preproduction_order',
  'task',
  'web_form',
  'loyalty_reward',
  'family_member',
] as const satisfies readonly RecordKindName[];
export type TemplateBasis = (typeof TEMPLATE_BASES)[number];
